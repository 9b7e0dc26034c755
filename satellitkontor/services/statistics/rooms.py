"""Per conference room, per month and for the whole year: bookings, booked hours and the occupancy
rate, for Statistik and its CSV and Excel files (issue 16, several rooms).

Definitions:
- bookings and hours: the room's meetings that were held or still stand (confirmed, checked in),
  by the local month they start in; an hour is the meeting's length.
- open hours: the office's opening hours on its open days of the period (closures, holidays and
  weekends are not open), the same for every room.
- occupancy: hours / open hours (0 when the office was not open at all).
A room is listed when it is active or was booked in the year.
"""

from __future__ import annotations

from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import HOLDING_STATUSES
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.storage.database import Database
from satellitkontor.storage.models import BookingRow, ResourceRow


@dataclass(frozen=True, slots=True)
class RoomPeriodRow:
    year: int
    #: 1–12, or None for the whole year.
    month: int | None
    room: str
    bookings: int
    hours: float
    open_hours: float

    @property
    def occupancy(self) -> float:
        """Booked hours / open hours, 0..1 (0 when the office was not open)."""
        return self.hours / self.open_hours if self.open_hours else 0.0


def open_hours(calendar: OfficeCalendar, first: date, last: date) -> float:
    """The office's opening hours on its open days ``first``..``last``."""
    total = 0.0
    for day in calendar.open_days(first, last):
        hours = calendar.hours(day)
        if hours is not None:
            opens, closes = clk.local(day, hours.opens), clk.local(day, hours.closes)
            total += (closes - opens).total_seconds() / 3600
    return total


def room_breakdown(db: Database, calendar: OfficeCalendar, year: int) -> list[RoomPeriodRow]:
    """Every listed room for months 1–12, then for the whole year (``month`` None), in the
    office's order of rooms within each period."""
    if not 2000 <= year <= 2200:
        raise InvalidInput(field="year", value=year)
    start = clk.local_day_bounds(date(year, 1, 1))[0]
    end = clk.local_day_bounds(date(year, 12, 31))[1]
    stmt = (
        select(BookingRow.resource_id, BookingRow.start_at, BookingRow.end_at)
        .where(BookingRow.resource_kind == ResourceKind.ROOM)
        .where(BookingRow.start_at >= start, BookingRow.start_at < end)
        .where(BookingRow.status.in_(sorted(HOLDING_STATUSES)))
    )
    per: dict[tuple[int, int], list[float]] = defaultdict(list)  # (room, month 0 = year) -> hours
    with db.session() as s:
        for resource_id, begins, ends in s.execute(stmt):
            length = _hours(begins, ends)
            per[resource_id, clk.to_local(begins).month].append(length)
            per[resource_id, 0].append(length)
        rooms = [
            (r.id, r.name)
            for r in s.scalars(
                select(ResourceRow)
                .where(ResourceRow.kind == ResourceKind.ROOM)
                .order_by(ResourceRow.sort_order)
            )
            if r.active or per.get((r.id, 0))
        ]
    out = []
    for month in [*range(1, 13), 0]:
        first = date(year, month or 1, 1)
        last = date(year, 12, 31) if month == 0 else date(year, month, monthrange(year, month)[1])
        available = round(open_hours(calendar, first, last), 2)
        for room_id, name in rooms:
            got = per.get((room_id, month), [])
            out.append(RoomPeriodRow(year, month or None, name, len(got), round(sum(got), 2), available))
    return out


def _hours(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 3600
