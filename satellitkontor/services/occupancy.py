"""Who sits where: one day's occupancy of every resource, and a person's own bookings.

The day view is the most frequent read of the app (the receptionist's screen refreshes it), so it
is one indexed query over that day's bookings plus two tiny reads (the policy and the closures
covering the day); see tests/benchmarks/core_benchmark.py for its cost against the bare query.

Who sees names is decided here, not in the windows (domain/privacy.py): ``day`` takes the
viewer, reads the viewer's role with the bookings, and hands an ordinary user other people's
bookings without name, e-mail address and title unless the office lets users see names. No
viewer (``None``) gets the same as an ordinary user.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from satellitkontor.domain import clock as clk
from satellitkontor.domain import privacy
from satellitkontor.domain.bookings import BookingStatus, BookingView, DeskPeriod, halves_held
from satellitkontor.domain.clock import Clock, system_clock
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.services.base import Service
from satellitkontor.services.office_setup import OfficeSetupCache
from satellitkontor.services.results import DayOccupancy as DayOccupancy
from satellitkontor.services.results import ResourceDay as ResourceDay
from satellitkontor.storage.database import Database
from satellitkontor.storage.light_tables import bookings
from satellitkontor.storage.queries import core_reads


def _halves(b: BookingView, midday: datetime) -> frozenset[DeskPeriod]:
    """The halves of the day ``b`` takes: a desk booking's come from its period
    (domain.bookings.halves_held); a room booking's from its times either side of midday."""
    if b.desk_period is not None or not b.status.holds_resource:
        return halves_held(b)
    return frozenset(
        half
        for half, takes in ((DeskPeriod.MORNING, b.start < midday), (DeskPeriod.AFTERNOON, b.end > midday))
        if takes
    )


class OccupancyService(Service):
    def __init__(self, db: Database, clock: Clock = system_clock) -> None:
        super().__init__(db, clock)
        self.setup = OfficeSetupCache(db)

    def day(self, day: date, *, viewer_id: int | None = None) -> DayOccupancy:
        """The day as ``viewer_id`` may see it (see the module docstring)."""
        setup = self.setup.get()
        # A plain connection, not a Session: the ORM adds nothing to a column select but cost.
        with self.db.connect() as conn:
            rows = core_reads.day_bookings(conn, day)
            role = None if viewer_id is None else core_reads.role_of_active(conn, viewer_id)
        shown = privacy.names_visible(role, setup.privacy)
        if not shown:
            rows = [privacy.for_viewer(b, viewer_id, False) for b in rows]
        policy, calendar, resources = setup.policy, setup.calendar, setup.resources
        hours = calendar.hours(day)
        midday = clk.local(day, policy.midday)
        by_resource: dict[int, list[BookingView]] = {}
        for b in rows:
            by_resource.setdefault(b.resource_id, []).append(b)
        out = []
        for res in resources:
            mine = tuple(by_resource.get(res.id, ()))
            taken = frozenset().union(*(_halves(b, midday) for b in mine))
            out.append(
                ResourceDay(
                    res,
                    mine,
                    morning_taken=DeskPeriod.MORNING in taken,
                    afternoon_taken=DeskPeriod.AFTERNOON in taken,
                )
            )
        return DayOccupancy(day, hours, calendar.closed_reason(day), tuple(out), names_visible=shown)

    def calendar(self) -> OfficeCalendar:
        """The office's calendar (opening hours, holidays, closures), from the set-up cache."""
        return self.setup.get().calendar

    def next_open_day(self, day: date, step: int = 1) -> date:
        """The nearest day after (or, with step -1, before) ``day`` when the office is open."""
        return self.setup.get().calendar.next_open_day(day, step)

    def bookings_of(
        self,
        person_id: int,
        *,
        upcoming: bool = True,
        include_cancelled: bool = False,
        with_reasons: bool = False,
        limit: int = 500,
    ) -> list[BookingView]:
        """A person's bookings: coming ones soonest first, or past ones latest first.

        ``with_reasons`` adds the cancelled ones that carry a cause (a closure, a release, a
        reason written when cancelling): Mina bokningar shows the booker why they are gone."""
        now = self.now()
        b = bookings
        stmt = core_reads.BOOKING_VIEW.where(b.c.person_id == person_id)
        if upcoming:
            # A booking lasts at most a day (the database's ck_bookings_at_most_one_day), so the
            # bound on start_at changes no row; it lets the (person, start) index skip the
            # person's whole history (issue 18).
            stmt = stmt.where(b.c.end_at > now, b.c.start_at > now - timedelta(days=1))
            stmt = stmt.order_by(b.c.start_at)
        else:
            stmt = stmt.where(b.c.end_at <= now).order_by(b.c.start_at.desc())
        if with_reasons and not include_cancelled:
            stmt = stmt.where((b.c.status != BookingStatus.CANCELLED) | b.c.cancel_cause.is_not(None))
        elif not include_cancelled:
            stmt = stmt.where(b.c.status != BookingStatus.CANCELLED)
        with self.db.connect() as conn:
            return [core_reads.to_view(r) for r in conn.execute(stmt.limit(limit))]

    def booking(self, booking_id: int) -> BookingView | None:
        from satellitkontor.storage.queries import common as queries  # the models: not on the day's path

        with self.db.session() as s:
            return queries.booking(s, booking_id)
