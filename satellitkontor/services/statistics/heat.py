"""Where and when desks are used: weekday × half-day (and per desk) for a chosen period.

A cell is the share of the desk half-days that were booked and used or still stand (confirmed,
checked in): booked half-days / (open days of that weekday in the period × active desks). A
full-day booking fills both halves. Cancelled bookings and no-shows do not count, as in
``StatisticsService.usage``. Closed days (holidays, the admin's closures) are not offered, so
they count neither way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import HOLDING_STATUSES, DeskPeriod
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.storage.database import Database
from satellitkontor.storage.models import BookingRow, ResourceRow
from satellitkontor.storage.queries import common as queries

#: Monday to Friday; half 0 is the morning, 1 the afternoon.
WEEKDAYS = range(5)
HALVES = (0, 1)


@dataclass(frozen=True, slots=True)
class DeskHeat:
    first: date
    last: date
    desks: tuple[str, ...]
    #: Open days of each weekday (0 Monday … 4 Friday) in the period.
    open_days: tuple[int, ...]
    #: Booked half-days by (weekday, half), all desks together.
    booked: dict[tuple[int, int], int]
    #: Booked half-days by desk name and (weekday, half).
    per_desk: dict[str, dict[tuple[int, int], int]]

    def share(self, weekday: int, half: int, desk: str | None = None) -> float:
        """0 to 1: how much of what was offered was used."""
        offered = self.open_days[weekday] * (1 if desk is not None else len(self.desks))
        if not offered:
            return 0.0
        counts = self.booked if desk is None else self.per_desk.get(desk, {})
        return counts.get((weekday, half), 0) / offered


def desk_heat(db: Database, calendar: OfficeCalendar, first: date, last: date) -> DeskHeat:
    if last < first or (last - first).days > 366 * 3:
        raise InvalidInput(field="period", value=f"{first}–{last}")
    open_days = [0] * 5
    day = first
    while day <= last:
        if day.weekday() < 5 and calendar.is_open(day):
            open_days[day.weekday()] += 1
        day += timedelta(days=1)
    start = clk.local_day_bounds(first)[0]
    end = clk.local_day_bounds(last)[1]
    with db.session() as s:
        desks = tuple(
            name
            for (name,) in s.execute(
                select(ResourceRow.name)
                .where(ResourceRow.kind == ResourceKind.DESK, ResourceRow.active.is_(True))
                .order_by(ResourceRow.id)
            )
        )
        rows = s.execute(
            select(BookingRow.start_at, BookingRow.desk_period, ResourceRow.name)
            .join(ResourceRow, ResourceRow.id == BookingRow.resource_id)
            .where(
                BookingRow.resource_kind == ResourceKind.DESK,
                BookingRow.start_at >= start,
                BookingRow.start_at < end,
                BookingRow.status.in_(tuple(HOLDING_STATUSES)),
                queries.not_a_held_offer(),  # a waitlist offer not yet taken
            )
        ).all()
    booked: Counter[tuple[int, int]] = Counter()
    per_desk: dict[str, Counter[tuple[int, int]]] = {}
    for start_at, period, name in rows:
        day = clk.to_local(start_at).date()
        if day.weekday() >= 5 or not calendar.is_open(day):
            continue
        halves: tuple[int, ...] = (
            (0,) if period is DeskPeriod.MORNING else (1,) if period is DeskPeriod.AFTERNOON else HALVES
        )
        for half in halves:
            booked[(day.weekday(), half)] += 1
            per_desk.setdefault(name, Counter())[(day.weekday(), half)] += 1
    return DeskHeat(
        first, last, desks, tuple(open_days), dict(booked), {k: dict(v) for k, v in per_desk.items()}
    )
