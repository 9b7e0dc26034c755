"""What the services hand out: frozen dataclasses, free of SQL and of Qt.

The GUI imports these (and the domain's) types, never a service module, so that the window can
show before SQLAlchemy is even imported (the office opens on a worker thread); the service
modules re-export them under their old names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from satellitkontor.domain import clock as clk
from satellitkontor.domain import municipalities, rotation
from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingView
from satellitkontor.domain.errors import SatellitkontorError
from satellitkontor.domain.office_calendar import ClosedReason, OpeningHours
from satellitkontor.domain.resources import Resource, ResourceKind

#: Longest title of a room booking (characters).
MAX_TITLE = 200


@dataclass(frozen=True, slots=True)
class ResourceDay:
    resource: Resource
    bookings: tuple[BookingView, ...]  # not cancelled, in time order
    morning_taken: bool
    afternoon_taken: bool

    @property
    def state(self) -> str:
        """free / morning / afternoon / full, for desks."""
        if self.morning_taken and self.afternoon_taken:
            return "full"
        if self.morning_taken:
            return "morning"
        if self.afternoon_taken:
            return "afternoon"
        return "free"


@dataclass(frozen=True, slots=True)
class DayOccupancy:
    day: date
    hours: OpeningHours | None
    closed: ClosedReason | None
    resources: tuple[ResourceDay, ...]
    #: Whether the viewer sees other people's names and meeting titles (domain/privacy.py);
    #: when False, they are left out of ``resources`` already.
    names_visible: bool = True

    @property
    def desks(self) -> tuple[ResourceDay, ...]:
        return tuple(r for r in self.resources if r.resource.kind is ResourceKind.DESK)

    @property
    def rooms(self) -> tuple[ResourceDay, ...]:
        return tuple(r for r in self.resources if r.resource.kind is ResourceKind.ROOM)

    @property
    def desks_taken(self) -> int:
        return sum(1 for d in self.desks if d.morning_taken or d.afternoon_taken)

    @property
    def desks_free(self) -> int:
        return len(self.desks) - self.desks_taken

    @property
    def room_hours(self) -> float:
        return sum(self.hours_of(r) for r in self.rooms)

    @staticmethod
    def hours_of(room: ResourceDay) -> float:
        """Hours one room is booked (meetings that hold it)."""
        return sum(
            (b.end - b.start).total_seconds() / 3600 for b in room.bookings if b.status in HOLDING_STATUSES
        )

    def free_spans(self, room: ResourceDay) -> tuple[tuple[datetime, datetime], ...]:
        """The room's free time within opening hours, in time order (UTC); none on a closed day."""
        if self.closed is not None or self.hours is None:
            return ()
        opens = clk.local(self.day, self.hours.opens)
        closes = (
            clk.local(self.day, self.hours.closes)
            if self.hours.closes != time(0)
            else clk.local(self.day + timedelta(days=1), time(0))
        )
        spans: list[tuple[datetime, datetime]] = []
        cursor = opens
        held = sorted((b for b in room.bookings if b.status in HOLDING_STATUSES), key=lambda b: b.start)
        for b in held:
            if b.start > cursor:
                spans.append((cursor, min(b.start, closes)))
            cursor = max(cursor, b.end)
            if cursor >= closes:
                break
        if cursor < closes:
            spans.append((cursor, closes))
        return tuple((a, b) for a, b in spans if b > a)


@dataclass(frozen=True, slots=True)
class ClosureView:
    id: int
    start: date
    end: date
    reason: str
    #: The bookings the closure cancelled when it was added (OfficeService.add_closure).
    cancelled: tuple[BookingView, ...] = ()


@dataclass(frozen=True, slots=True)
class MeetingView:
    id: int
    uid: str
    kind: str  # council (Umeåregionrådet) / handover / other
    title: str
    start: datetime
    end: datetime
    location: str | None
    note: str | None
    sequence: int


@dataclass(frozen=True, slots=True)
class RotationYearView:
    host_year: rotation.HostYear
    next_year: rotation.HostYear | None
    handover: rotation.Handover | None
    meetings: tuple[MeetingView, ...]

    @property
    def handover_meeting(self) -> MeetingView | None:
        return next((m for m in self.meetings if m.kind == "handover"), None)


@dataclass(frozen=True, slots=True)
class UsageRow:
    year: int
    month: int | None  # None: the whole year
    municipality_code: str
    desk_days: float
    room_hours: float
    bookings: int
    people: int
    employees: int
    politicians: int
    no_shows: int
    started: int
    #: The fields of this row that count fewer than three people (services/statistics/privacy.py)
    hidden: tuple[str, ...] = ()
    #: Their values were removed (shown as "< 3"): the row was made for someone not an admin.
    withheld: bool = False

    def shows(self, name: str) -> bool:
        """Whether the field ``name`` may be shown as a number."""
        return not (self.withheld and name in self.hidden)

    #: Bookings for external guests, counted under their host's municipality (in ``bookings`` too).
    guest_bookings: int = 0

    @property
    def municipality_name(self) -> str:
        return municipalities.BY_CODE[self.municipality_code].name

    @property
    def no_show_rate(self) -> float:
        return self.no_shows / self.started if self.started else 0.0


@dataclass(frozen=True, slots=True)
class FairStatus:
    """The fair rules that are on, and where one person stands against them around one day, so
    that a booking dialog shows them before the booker meets a refusal."""

    person_name: str
    for_other: bool
    day: date
    desk_days_per_week: int | None
    used_week: float
    desk_days_per_month: int | None
    used_month: float
    max_series_weeks: int | None
    #: The last day a series starting on ``day`` may reach.
    series_last: date | None
    group_booking_days_ahead: int | None
    #: The first day a desk on ``day`` may be booked for someone else.
    others_open: date | None

    @property
    def any(self) -> bool:
        return any(
            v is not None
            for v in (
                self.desk_days_per_week,
                self.desk_days_per_month,
                self.max_series_weeks,
                self.group_booking_days_ahead,
            )
        )


@dataclass(frozen=True, slots=True)
class RoomUsageRow:
    """One conference room's use in a year: meetings that were held or still stand, and their hours."""

    year: int
    room: str
    meetings: int
    hours: float


@dataclass(frozen=True, slots=True)
class SkippedOccurrence:
    day: date
    error: SatellitkontorError


@dataclass(frozen=True, slots=True)
class SeriesResult:
    series_id: str | None  # None for a dry run
    booked: tuple[BookingView, ...]
    skipped: tuple[SkippedOccurrence, ...]
    dry_run: bool
    #: For a dry run: the days that would be booked.
    days: tuple[date, ...] = ()
    #: A series changed from one occurrence on (BookingService.change_series): the days whose
    #: booking is changed in place (the rest of ``days`` are booked anew), and the days whose
    #: booking is cancelled (a weekday dropped, or the new place cannot be had that day).
    changed: tuple[date, ...] = ()
    cancelled: tuple[date, ...] = ()
