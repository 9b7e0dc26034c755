"""Bookings: what a booking is, its states and the desk periods.

A booking is always inside one local day (desks: a half or whole opening day; the room: a slot
within opening hours). Storage and queries rely on that: a booking never lasts more than 24 h.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from satellitkontor.domain.resources import ResourceKind


class BookingStatus(StrEnum):
    CONFIRMED = "confirmed"
    CHECKED_IN = "checked_in"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"

    @property
    def holds_resource(self) -> bool:
        """Whether a booking in this state keeps the desk or room from others.

        A cancelled booking and a no-show free the place: a walk-in may take a desk whose booker
        never came.
        """
        return self in HOLDING_STATUSES


class CancelCause(StrEnum):
    """Who or what ended a booking other than its booker's plain cancel."""

    #: The office closed the day (OfficeService.add_closure cancels what it covers).
    CLOSURE = "closure"
    #: Nobody checked in within the grace period: released automatically (AttendanceService.release).
    RELEASE = "release"
    #: Cancelled with a reason the booker or the receptionist wrote.
    NOTE = "note"
    #: A place held for someone on the waitlist that they declined or let run out (services/waitlist/).
    WAITLIST = "waitlist"


HOLDING_STATUSES = frozenset({BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN})


class DeskPeriod(StrEnum):
    FULL_DAY = "full_day"  # heldag
    MORNING = "morning"  # förmiddag
    AFTERNOON = "afternoon"  # eftermiddag

    def covers(self, other: DeskPeriod) -> bool:
        """Whether the two periods share a half of the day."""
        return bool(halves_of(self) & halves_of(other))


#: The two halves of a desk's day; a full day is both.
HALVES = (DeskPeriod.MORNING, DeskPeriod.AFTERNOON)
_HALVES_OF = {
    DeskPeriod.FULL_DAY: frozenset(HALVES),
    DeskPeriod.MORNING: frozenset({DeskPeriod.MORNING}),
    DeskPeriod.AFTERNOON: frozenset({DeskPeriod.AFTERNOON}),
}


def halves_of(period: DeskPeriod | None) -> frozenset[DeskPeriod]:
    """The halves of the day (MORNING, AFTERNOON) a desk booking for ``period`` covers: both for
    a full day, and for a booking without a period."""
    return _HALVES_OF[period if period is not None else DeskPeriod.FULL_DAY]


@dataclass(frozen=True, slots=True)
class BookingView:
    """A booking as the services hand it to the UIs: plain values, no ORM object."""

    id: int
    uid: str
    resource_id: int
    resource_name: str
    resource_kind: ResourceKind
    person_id: int | None
    person_name: str | None
    person_email: str | None
    municipality_code: str
    created_by_id: int | None
    start: datetime  # aware, UTC
    end: datetime  # aware, UTC
    day: date  # local date
    desk_period: DeskPeriod | None
    title: str | None
    participants: int | None
    status: BookingStatus
    series_id: str | None
    sequence: int
    #: Why it was cancelled or released: the cause (see CancelCause) and the words given with it
    #: (a closure's reason, or what the booker or the receptionist wrote); None when none was given.
    cancel_cause: str | None = None
    cancel_reason: str | None = None
    #: An external guest's name and organisation (the person is the guest's host); None otherwise.
    guest_name: str | None = None
    guest_org: str | None = None

    @property
    def is_guest(self) -> bool:
        return self.guest_name is not None


def halves_held(booking: BookingView) -> frozenset[DeskPeriod]:
    """The halves of the day ``booking`` keeps its desk from others: those of its period while it
    holds the desk (confirmed, checked in), none once it is cancelled or a no-show. The one
    answer for the day's occupancy, the day view, the floor plan and the booking dialog."""
    return halves_of(booking.desk_period) if booking.status.holds_resource else frozenset()


#: Longest guest name and organisation (characters).
MAX_GUEST_TEXT = 200


@dataclass(frozen=True, slots=True)
class Guest:
    """An external guest booked by the receptionist or an admin, with a host who answers for them."""

    name: str
    organisation: str
    #: The guest's e-mail address, if given (optional): what an erasure on the guest's request
    #: finds the guest by when two guests share a name (``person erase-guest``).
    email: str | None = None

    @classmethod
    def of(cls, name: str | None, organisation: str | None, email: str | None = None) -> Guest:
        """Name and organisation given, spaces tidied, at most MAX_GUEST_TEXT characters each;
        the e-mail address, when given, a whole one (lower case); else InvalidInput."""
        from satellitkontor.domain.errors import InvalidInput
        from satellitkontor.domain.people import normalise_email

        clean = []
        for field, value in (("guest_name", name), ("guest_org", organisation)):
            text = " ".join(str(value or "").split())
            if not text or len(text) > MAX_GUEST_TEXT:
                raise InvalidInput(field=field, value=text[:40] or "-")
            clean.append(text)
        address = normalise_email(email) if email is not None and email.strip() else None
        return cls(clean[0], clean[1], address)
