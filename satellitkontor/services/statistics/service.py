"""Usage statistics per municipality and month, for the cooperation's yearly report.

Definitions (also shown in the README):
- desk-days: a full-day desk booking counts 1, a morning or afternoon 0.5; bookings that were
  used or still stand (confirmed, checked in) count; cancelled ones and no-shows do not.
- room-hours: the length of room bookings that were used or still stand.
- people: distinct persons with at least one counted booking; split into employees and
  politicians by the kind recorded on the booking.
- no-show rate: no-shows / (bookings that have started and were not cancelled).
- guest bookings: bookings for an external guest. They count under the municipality of the guest's
  host (stored on the booking) in desk-days, room-hours and bookings, marked as guest bookings; a
  guest is not one of the municipality's people, so the host is not counted for them.
- a place held for a waitlist offer not yet taken counts nowhere (not a booking, not a person)
  until it is accepted; declined or run out it is cancelled and never counts.
A booking belongs to the municipality its person had when it was made (stored on the booking),
and to the local month it starts in. Bookings made anonymous by retention or an erasure keep
everything the counts need except their person: the people they counted are added back from
``people_count_adjustments`` (services/privacy/people_counts.py), so past years' figures do not change.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select

from satellitkontor.domain import clock as clk
from satellitkontor.domain import municipalities
from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingStatus, DeskPeriod
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.people import PersonKind, Role
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.base import Service, load_person
from satellitkontor.services.privacy import people_counts
from satellitkontor.services.results import RoomUsageRow as RoomUsageRow
from satellitkontor.services.results import UsageRow as UsageRow
from satellitkontor.services.statistics import privacy, rooms
from satellitkontor.services.statistics.heat import DeskHeat
from satellitkontor.services.statistics.rooms import RoomPeriodRow as RoomPeriodRow
from satellitkontor.storage.models import BookingRow, ResourceRow
from satellitkontor.storage.queries import common as queries


@dataclass
class _Acc:
    desk_days: float = 0.0
    room_hours: float = 0.0
    bookings: int = 0
    people: set[int] = field(default_factory=set)
    employees: set[int] = field(default_factory=set)
    politicians: set[int] = field(default_factory=set)
    no_shows: int = 0
    started: int = 0
    guest_bookings: int = 0


class StatisticsService(Service):
    def heat(self, first: date, last: date) -> DeskHeat:
        """Desk use by weekday × half-day and per desk, ``first`` to ``last`` (statistics/heat.py)."""
        from satellitkontor.services.office_setup import OfficeSetupCache
        from satellitkontor.services.statistics.heat import desk_heat

        return desk_heat(self.db, OfficeSetupCache(self.db).get().calendar, first, last)

    def room_breakdown(self, year: int) -> list[RoomPeriodRow]:
        """Per conference room and month (and the whole year): bookings, hours, occupancy
        (statistics/rooms.py)."""
        from satellitkontor.services.office_setup import OfficeSetupCache

        return rooms.room_breakdown(self.db, OfficeSetupCache(self.db).get().calendar, year)

    def usage_for(self, viewer_id: int | None, year: int) -> list[UsageRow]:
        """``usage`` as ``viewer_id`` may see it: every value for an admin, cells of fewer than
        three people withheld for anyone else and for nobody named (statistics/privacy.py)."""
        rows = self.usage(year)
        if viewer_id is not None:
            with self.db.session() as s:
                viewer = load_person(s, viewer_id)
            if viewer.role is Role.ADMIN:
                return rows
        return privacy.withheld(rows)

    def usage(self, year: int) -> list[UsageRow]:
        """One row per month and municipality (every municipality, every month, zeros included),
        then one row per municipality for the whole year (``month`` None). Every value: for
        admins and the services (front doors call ``usage_for``); cells others may not see are
        marked in ``UsageRow.hidden``."""
        if not 2000 <= year <= 2200:
            raise InvalidInput(field="year", value=year)
        now = self.now()
        first = clk.local_day_bounds(date(year, 1, 1))[0]
        last = clk.local_day_bounds(date(year, 12, 31))[1]
        stmt = select(
            BookingRow.start_at,
            BookingRow.end_at,
            BookingRow.resource_kind,
            BookingRow.desk_period,
            BookingRow.municipality_code,
            BookingRow.person_id,
            BookingRow.person_kind,
            BookingRow.status,
            BookingRow.guest_org.is_not(None),  # kept when retention removes the guest's name
        ).where(BookingRow.start_at >= first, BookingRow.start_at < last, queries.not_a_held_offer())
        months: dict[tuple[int, str], _Acc] = defaultdict(_Acc)
        with self.db.session() as s:
            for start, end, kind, period, muni, person_id, person_kind, status, guest in s.execute(stmt):
                month = clk.to_local(start).month
                for key in ((month, muni), (0, muni)):
                    acc = months[key]
                    _add(
                        acc, start, end, kind, period, None if guest else person_id, person_kind, status, now
                    )
                    if guest and status in HOLDING_STATUSES:
                        acc.guest_bookings += 1
            anonymous = people_counts.adjustments(s, year)
        out = []
        # Outlook organisers who are no person here count under "Extern", in years that have them.
        external = (
            (municipalities.EXTERNAL,) if any(m == municipalities.EXTERNAL.code for _, m in months) else ()
        )
        for month in [*range(1, 13), 0]:
            for m in (*municipalities.ALL, *external):
                acc = months.get((month, m.code), _Acc())
                extra = anonymous.get((month, m.code), (0, 0, 0))
                out.append(
                    UsageRow(
                        year,
                        month or None,
                        m.code,
                        acc.desk_days,
                        round(acc.room_hours, 2),
                        acc.bookings,
                        len(acc.people) + extra[0],
                        len(acc.employees) + extra[1],
                        len(acc.politicians) + extra[2],
                        acc.no_shows,
                        acc.started,
                        guest_bookings=acc.guest_bookings,
                    )
                )
        return privacy.marked(out)

    def room_usage(self, year: int) -> list[RoomUsageRow]:
        """One row per conference room (active ones, and any other that was booked in ``year``),
        in the office's order: its meetings that were held or still stand and their hours."""
        if not 2000 <= year <= 2200:
            raise InvalidInput(field="year", value=year)
        first = clk.local_day_bounds(date(year, 1, 1))[0]
        last = clk.local_day_bounds(date(year, 12, 31))[1]
        held = [s.value for s in HOLDING_STATUSES]
        stmt = (
            select(BookingRow.resource_id, BookingRow.start_at, BookingRow.end_at)
            .where(BookingRow.resource_kind == ResourceKind.ROOM)
            .where(BookingRow.start_at >= first, BookingRow.start_at < last)
            .where(BookingRow.status.in_(held), queries.not_a_held_offer())
        )
        with self.db.session() as s:
            per_room: dict[int, list[float]] = defaultdict(list)
            for resource_id, start, end in s.execute(stmt):
                per_room[resource_id].append((end - start).total_seconds() / 3600)
            rooms = s.scalars(
                select(ResourceRow)
                .where(ResourceRow.kind == ResourceKind.ROOM)
                .order_by(ResourceRow.sort_order)
            ).all()
            return [
                RoomUsageRow(year, r.name, len(per_room[r.id]), round(sum(per_room[r.id]), 2))
                for r in rooms
                if r.active or per_room.get(r.id)
            ]


def _add(
    acc: _Acc,
    start: datetime,
    end: datetime,
    kind: ResourceKind,
    period: DeskPeriod | None,
    person_id: int | None,
    person_kind: PersonKind,
    status: BookingStatus,
    now: datetime,
) -> None:
    if status is BookingStatus.CANCELLED:
        return
    if start <= now:
        acc.started += 1
    if status is BookingStatus.NO_SHOW:
        acc.no_shows += 1
        return
    if status not in HOLDING_STATUSES:
        return
    acc.bookings += 1
    if kind is ResourceKind.DESK:
        acc.desk_days += 1.0 if period is DeskPeriod.FULL_DAY else 0.5
    else:
        acc.room_hours += (end - start).total_seconds() / 3600
    if person_id is not None:
        acc.people.add(person_id)
        (acc.employees if person_kind is PersonKind.EMPLOYEE else acc.politicians).add(person_id)
