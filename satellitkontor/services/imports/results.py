"""What the calendar import hands out: the mapping, the plan and the result (frozen dataclasses,
free of SQL and Qt, like services/results.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from satellitkontor.domain.bookings import BookingView, DeskPeriod
from satellitkontor.domain.errors import CalendarNotice, SatellitkontorError
from satellitkontor.domain.people import Person
from satellitkontor.domain.resources import ResourceKind

#: A rule's target meaning "the first free desk" (Microsoft Bookings books "a desk", not which).
ANY_DESK = "*"
#: What a user may write for ANY_DESK after the "=" of a rule.
ANY_DESK_WORDS = ("kontorsplats", "valfri kontorsplats", "valfri", "desk", "any desk", "*")


@dataclass(frozen=True, slots=True)
class MappingRule:
    """``match`` (a text in LOCATION, SUMMARY or a room's name, or an e-mail of an organizer
    or attendee) sends an event to ``resource`` (a desk's or room's name, or ``ANY_DESK``)."""

    match: str
    resource: str
    #: Suggested by the import (a resource's name found in the event), not given by the user.
    automatic: bool = False

    @property
    def by_email(self) -> bool:
        return "@" in self.match

    def __str__(self) -> str:
        return f"{self.match}={'kontorsplats' if self.resource == ANY_DESK else self.resource}"


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one event (``parsed.events[index]``) goes, whom it is for, and why."""

    index: int
    resource_id: int | None
    resource_name: str | None
    resource_kind: ResourceKind | None
    any_desk: bool
    rule: MappingRule | None
    person: Person | None
    #: organizer, attendee or default (the --default-person); "" when nobody was found.
    person_source: str
    #: UnknownImportResource, UnknownImportPerson, ResourceInactive, PersonInactive.
    problem: SatellitkontorError | None
    #: People (not rooms) the event names, organizer included: the room's participants.
    invited: int


@dataclass(frozen=True, slots=True)
class ImportMapping:
    rules: tuple[MappingRule, ...]
    default_person: Person | None
    assignments: tuple[Assignment, ...]


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """One booking of an import, as BookingService.import_bookings writes it."""

    resource_id: int
    person_id: int
    start: datetime  # UTC
    end: datetime  # UTC
    desk_period: DeskPeriod | None
    title: str | None
    participants: int | None
    import_key: str
    #: For messages: the event's SUMMARY.
    summary: str


CREATE, DUPLICATE, REJECT = "create", "duplicate", "reject"


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One booking-to-be of the plan (an event over several days gives one per day)."""

    outcome: str  # CREATE, DUPLICATE or REJECT
    index: int  # the event's place in parsed.events
    line: int
    uid: str
    summary: str
    day: date
    #: The booking's times (UTC) when known, else the event's.
    start: datetime | date
    end: datetime | date
    import_key: str
    resource_name: str | None
    person_name: str | None
    person_email: str | None
    desk_period: DeskPeriod | None
    participants: int | None
    request: ImportRequest | None
    #: Why it is a duplicate or rejected (a typed error texts.describe words).
    reason: SatellitkontorError | None
    #: Something to know about a booking that will be created (participants capped).
    note: CalendarNotice | None = None


@dataclass(frozen=True, slots=True)
class ImportPlan:
    source: str
    encoding: str
    to_create: tuple[PlanItem, ...]
    duplicates: tuple[PlanItem, ...]
    rejected: tuple[PlanItem, ...]
    notices: tuple[CalendarNotice, ...]
    rules: tuple[MappingRule, ...]

    @property
    def items(self) -> tuple[PlanItem, ...]:
        """All items in the order of the file's events."""
        both = (*self.to_create, *self.duplicates, *self.rejected)
        return tuple(sorted(both, key=lambda i: (i.index, i.day)))


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: tuple[BookingView, ...]
    duplicates: int
    rejected: int
