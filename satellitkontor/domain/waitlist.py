"""The waitlist: people waiting for a desk on a full day or half-day, or for the room in a time
span, in the order they joined (services/waitlist/ keeps it; migration 0016 stores it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from satellitkontor.domain.bookings import DeskPeriod


class WaitlistState(StrEnum):
    WAITING = "waiting"  # in line
    OFFERED = "offered"  # a place is held for them until ``offer_until``
    BOOKED = "booked"  # they took it (or it was booked for them straight away)
    DECLINED = "declined"  # they said no to the offer
    EXPIRED = "expired"  # the offer ran out, or the day passed while they waited
    WITHDRAWN = "withdrawn"  # they left the line

    @property
    def in_line(self) -> bool:
        """Whether the entry still counts as the person's one place in that day's line."""
        return self in (WaitlistState.WAITING, WaitlistState.OFFERED)


@dataclass(frozen=True, slots=True)
class WaitlistEntry:
    """An entry as the services hand it out: plain values, no ORM object.

    ``person_name`` is None when the reader may not see it (another person's entry and the office
    hides names); ``position`` is the place in the day's line (1: first) while waiting."""

    id: int
    person_id: int
    person_name: str | None
    day: date
    desk_period: DeskPeriod | None
    resource_id: int | None  # the room waited for; None: any desk
    resource_name: str | None
    start: datetime | None  # the room's span, aware UTC
    end: datetime | None
    participants: int | None
    auto_book: bool
    state: WaitlistState
    created_at: datetime
    decided_at: datetime | None
    offered_booking_id: int | None
    offered_resource_name: str | None
    offer_until: datetime | None
    position: int | None = None

    @property
    def is_room(self) -> bool:
        return self.resource_id is not None
