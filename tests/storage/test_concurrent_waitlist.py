"""Two OS processes freeing places for the waitlist at the same moment (issue 19): two reception
PCs, or a PC and the scheduled ``satellitkontor release``, each releasing unclaimed bookings and
then sweeping the waitlist. Two people wait on every day, one desk is free on each: exactly one
offer per day, to the first in line; on SQLite and on PostgreSQL.

Today's free desk is an unclaimed booking both processes try to release; on the days ahead a desk
was freed with plain SQL, as a user's own cancel on a shared office leaves it for the reception's
sweep (services/waitlist/offers.py). The processes run with the same fixed "now" as the test."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, text

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.office_calendar import OfficeCalendar
from tests.conftest import MovableClock, make_office
from tests.services.helpers import TUESDAY, at
from tests.storage.test_concurrent_booking import BARRIER_TIMEOUT, OVERLAPS_SQL, _run_pair

DAYS_AHEAD = 12


def _worker(side: str, url: str, work: list[Any], barrier: Any, results: Any) -> None:
    from satellitkontor.services.app_services import open_office

    services = None
    try:
        actor_id, moment = work
        services = open_office(url, clock=lambda: moment)
        services.office.people()  # connected and warm
        barrier.wait(BARRIER_TIMEOUT)
        try:
            released = services.attendance.release_unclaimed(actor_id)
            swept = services.waitlist.sweep(actor_id)
            results.put((0, side, "done", (len(released), swept.offered)))
        except Exception as err:
            results.put((0, side, "error", repr(err)))
    except Exception as err:
        barrier.abort()
        results.put((-1, side, "error", repr(err)))
    finally:
        if services is not None:
            services.db.dispose()


def _open_days(first: date, count: int) -> list[date]:
    cal, days, day = OfficeCalendar(), [], first
    while len(days) < count:
        if cal.is_open(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def test_two_processes_freeing_a_desk_make_one_offer_to_the_first_in_line(
    db_url: str, clock: MovableClock
) -> None:
    o = make_office(db_url, clock)
    try:
        sv, wl = o.services, o.services.waitlist
        sv.office.update_policy(o.admin.id, auto_release=True)
        for desk in o.desks[2:]:
            sv.office.update_resource(o.admin.id, desk.id, active=False)
        days = [TUESDAY, *_open_days(TUESDAY + timedelta(days=1), DAYS_AHEAD)]
        freed: list[int] = []
        tuesday_ruts = 0
        for day in days:
            admins = sv.booking.book_desk(o.admin.id, o.desk(1).id, day, DeskPeriod.FULL_DAY)
            ruts = sv.booking.book_desk(o.reception.id, o.desk(2).id, day, DeskPeriod.FULL_DAY)
            wl.join(o.anna.id, day, DeskPeriod.FULL_DAY)
            clock.advance(seconds=1)
            wl.join(o.bertil.id, day, DeskPeriod.FULL_DAY)
            freed.append(admins.id)
            if day == TUESDAY:
                tuesday_ruts = ruts.id
        with sv.db.session(write=True) as s:  # a desk freed on each day ahead, its offer not made yet
            cancel = text("UPDATE bookings SET status = 'cancelled' WHERE id IN :ids")
            s.execute(cancel.bindparams(bindparam("ids", expanding=True)), {"ids": freed[1:]})
        clock.moment = at(TUESDAY, 8, 10)
        sv.attendance.check_in(o.reception.id, tuesday_ruts)
        now: datetime = at(TUESDAY, 8, 45)  # Tuesday's first desk: unclaimed past its grace period

        url = sv.db.url.render_as_string(hide_password=False)
        outcomes = _run_pair(_worker, url, {"a": [o.reception.id, now], "b": [o.admin.id, now]}, 1)
        a, b = outcomes[0]["a"], outcomes[0]["b"]
        assert a[0] == "done" and b[0] == "done", outcomes
        assert a[1][0] + b[1][0] == 1  # Tuesday's unclaimed booking released once
        with sv.db.session() as s:
            rows = s.execute(
                text(
                    "SELECT w.day, w.person_id, w.state, w.offered_booking_id FROM waitlist_entries w "
                    "ORDER BY w.day, w.created_at"
                )
            ).all()
            offers = s.execute(
                text(
                    "SELECT entity_id, COUNT(*) FROM audit_log WHERE action = 'waitlist.offer' GROUP BY entity_id"
                )
            ).all()
            overlaps = s.execute(OVERLAPS_SQL).scalar_one()
            held = s.execute(
                text("SELECT COUNT(*) FROM bookings WHERE person_id = :p AND status = 'confirmed'"),
                {"p": o.anna.id},
            ).scalar_one()
        by_day: dict[date, list[tuple[int, str]]] = {}
        for day, person, state, _booking in rows:
            by_day.setdefault(date.fromisoformat(str(day)[:10]), []).append((person, state))
        assert by_day == {d: [(o.anna.id, "offered"), (o.bertil.id, "waiting")] for d in days}
        assert len(offers) == len(days) and {n for _, n in offers} == {1}
        assert held == len(days) and overlaps == 0
    finally:
        o.services.db.dispose()
