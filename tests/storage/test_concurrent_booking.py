"""Two OS processes booking the same desk for the same morning at the same moment.

Each round, two spawned processes wait on a barrier and then book the same (desk, morning) at once.
Exactly one must win; the other must get the ordinary Swedish conflict message. The services
serialise bookers (BEGIN IMMEDIATE on SQLite, row locks on PostgreSQL); a second test goes
around the services and races plain INSERTs, so only the database's own guard (the exclusion
constraint, the SQLite trigger) stands between the two.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import time as _time
import uuid
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, BookingView, DeskPeriod
from satellitkontor.domain.clock import system_clock
from satellitkontor.domain.municipalities import lookup
from satellitkontor.domain.people import PersonKind
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.storage.queries import common as queries
from tests.conftest import MONDAY, MovableClock, Office, make_office

ROUNDS = 50
RAW_ROUNDS = 20
BARRIER_TIMEOUT = 60.0  # seconds one process waits for the other at a round's start
JOIN_TIMEOUT = 120.0

#: Bookings that overlap another holding booking on the same resource: must always be zero.
OVERLAPS_SQL = text(
    "SELECT COUNT(*) FROM bookings a JOIN bookings b"
    " ON a.resource_id = b.resource_id AND a.id < b.id"
    " AND a.start_at < b.end_at AND b.start_at < a.end_at"
    " WHERE a.status IN ('confirmed', 'checked_in') AND b.status IN ('confirmed', 'checked_in')"
)
HOLDING_SQL = text("SELECT COUNT(*) FROM bookings WHERE status IN ('confirmed', 'checked_in')")


class RealClock(MovableClock):
    """The office's clock in these tests: real time, because each child process books with the
    system clock and the services refuse the past and anything beyond the 90-day horizon."""

    def __init__(self) -> None:
        super().__init__(system_clock())

    def __call__(self) -> datetime:
        return system_clock()


# --- the child processes ------------------------------------------------------------------------
def _book_worker(
    side: str,
    url: str,
    targets: list[tuple[int, int, date]],
    barrier: Any,
    results: Any,
) -> None:
    """Book every (person, desk, day) morning in ``targets``, one per round, in step with the other
    process; report ("won", booking id), ("lost", Swedish message) or ("error", repr)."""
    from satellitkontor.domain.errors import ResourceTaken
    from satellitkontor.services.app_services import open_office
    from satellitkontor.words.texts import describe

    services = None
    try:
        services = open_office(url)
        for n, (person_id, desk_id, day) in enumerate(targets):
            barrier.wait(BARRIER_TIMEOUT)
            try:
                view = services.booking.book_desk(person_id, desk_id, day, DeskPeriod.MORNING)
                results.put((n, side, "won", view.id))
            except ResourceTaken as err:
                results.put((n, side, "lost", describe(err, "sv")))
            except Exception as err:
                results.put((n, side, "error", repr(err)))
    except Exception as err:  # opening failed or the other process vanished (broken barrier)
        barrier.abort()
        results.put((-1, side, "error", repr(err)))
    finally:
        if services is not None:
            services.db.dispose()


def _insert_worker(
    side: str,
    url: str,
    rows: list[dict[str, Any]],
    barrier: Any,
    results: Any,
) -> None:
    """INSERT each row with plain SQL, right after the barrier, in its own transaction; hold the
    transaction open for a moment so that the other process's INSERT meets it uncommitted."""
    from satellitkontor.storage.database import Database
    from satellitkontor.storage.models import BookingRow

    db = None
    try:
        db = Database(url)
        table = BookingRow.__table__
        for n, row in enumerate(rows):
            with db.engine.connect() as conn:
                trans = conn.begin()
                barrier.wait(BARRIER_TIMEOUT)
                try:
                    conn.execute(table.insert(), row)
                    _time.sleep(0.05)
                    trans.commit()
                    results.put((n, side, "won", row["uid"]))
                except IntegrityError as err:
                    trans.rollback()
                    results.put((n, side, "lost", str(err.orig)))
                except OperationalError as err:
                    trans.rollback()
                    deadlock = getattr(err.orig, "sqlstate", None) == "40P01"
                    results.put((n, side, "deadlock" if deadlock else "error", str(err.orig)))
                except Exception as err:
                    trans.rollback()
                    results.put((n, side, "error", repr(err)))
    except Exception as err:
        barrier.abort()
        results.put((-1, side, "error", repr(err)))
    finally:
        if db is not None:
            db.dispose()


def _run_pair(target: Any, url: str, work: dict[str, list[Any]], rounds: int) -> dict[int, dict[str, Any]]:
    """Run ``target`` in two spawned processes; return {round: {side: (outcome, detail)}}."""
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=target, args=(side, url, items, barrier, results), name=f"booker-{side}")
        for side, items in work.items()
    ]
    for p in procs:
        p.start()
    outcomes: dict[int, dict[str, Any]] = {}
    deadline = _time.monotonic() + JOIN_TIMEOUT
    try:
        for _ in range(2 * rounds):
            try:
                n, side, outcome, detail = results.get(timeout=max(0.1, deadline - _time.monotonic()))
            except queue.Empty:
                pytest.fail(f"the booking processes gave {sum(map(len, outcomes.values()))} results in time")
            if n < 0:
                pytest.fail(f"process {side} failed: {detail}")
            outcomes.setdefault(n, {})[side] = (outcome, detail)
        for p in procs:
            p.join(max(1.0, deadline - _time.monotonic()))
            assert p.exitcode == 0, f"{p.name} exited with {p.exitcode}"
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
                p.join()
        results.close()
        results.join_thread()
    return outcomes


def _morning_days(office: Office, count: int) -> list[date]:
    """The next ``count`` days (from tomorrow, within the horizon) that have a bookable morning."""
    policy = office.services.office.policy()
    calendar = policy.calendar()
    today = clk.local_date(system_clock())
    days = []
    for day in calendar.open_days(today + timedelta(days=1), today + timedelta(days=policy.horizon_days)):
        hours = calendar.hours(day)
        if hours is not None and hours.opens < policy.midday < hours.closes:
            days.append(day)
        if len(days) == count:
            return days
    raise AssertionError(f"only {len(days)} bookable mornings in the horizon, {count} needed")


# --- through the booking service ----------------------------------------------------------------
def test_two_processes_booking_the_same_desk_at_once_one_wins(db_url: str) -> None:
    office = make_office(db_url, RealClock())
    try:
        desks = office.desks
        assert len(desks) == 8
        services = office.services.office
        # "One desk per person" is on: a person who won desk 1 on a morning cannot also try
        # desk 2 that morning. So each desk has its own pair, one from Umeå and one from Vindeln.
        pairs = [(office.anna, office.bertil)] + [
            (
                services.add_person(office.admin.id, f"Umeå {i}", f"u{i}@umea.se", "Umeå"),
                services.add_person(
                    office.admin.id, f"Vindeln {i}", f"v{i}@vindeln.se", "Vindeln", PersonKind.POLITICIAN
                ),
            )
            for i in range(1, len(desks))
        ]
        days = _morning_days(office, -(-ROUNDS // len(desks)))
        rounds = [(days[n // len(desks)], n % len(desks)) for n in range(ROUNDS)]
        work = {
            side: [(pairs[d][i].id, desks[d].id, day) for day, d in rounds]
            for i, side in enumerate(("umea", "vindeln"))
        }
        town = {"umea": "Umeå", "vindeln": "Vindeln"}

        started = _time.monotonic()
        outcomes = _run_pair(_book_worker, db_url, work, ROUNDS)
        elapsed = _time.monotonic() - started

        winners: dict[int, tuple[str, int]] = {}
        for n, (day, d) in enumerate(rounds):
            got = outcomes[n]
            assert not [s for s, (o, _) in got.items() if o == "error"], f"round {n}: {got}"
            won = [s for s, (o, _) in got.items() if o == "won"]
            lost = [s for s, (o, _) in got.items() if o == "lost"]
            assert len(won) == 1 and len(lost) == 1, f"round {n} ({desks[d].name}, {day}): {got}"
            message = got[lost[0]][1]
            assert "är redan bokad" in message, message
            assert desks[d].name in message, message
            # the loser is told who holds the desk: the winner's municipality
            assert town[won[0]] in message, message
            winners[n] = (won[0], got[won[0]][1])

        with office.services.db.engine.connect() as conn:
            assert conn.scalar(HOLDING_SQL) == ROUNDS
            assert conn.scalar(OVERLAPS_SQL) == 0
        # each winner's booking is the desk, morning and person of its round
        for n, (side, booking_id) in winners.items():
            day, d = rounds[n]
            view = _booking_view(office, booking_id)
            assert view.resource_id == desks[d].id
            assert view.day == day and view.desk_period is DeskPeriod.MORNING
            assert view.status is BookingStatus.CONFIRMED
            assert view.municipality_code == lookup(town[side]).code
        assert elapsed < 60, f"{ROUNDS} rounds took {elapsed:.1f} s"
    finally:
        office.services.db.dispose()


def _booking_view(office: Office, booking_id: int) -> BookingView:
    with office.services.db.session() as s:
        view = queries.booking(s, booking_id)
    assert view is not None
    return view


# --- around the services: only the database's guard ------------------------------------------
def test_two_processes_inserting_overlapping_rows_at_once_one_commits(db_url: str) -> None:
    office = make_office(db_url, RealClock())
    try:
        desk = next(r for r in office.services.office.resources() if r.kind is ResourceKind.DESK)
        first = date(2027, 1, 11)
        now = system_clock()

        def row(person: Any, day: date, start: time, end: time) -> dict[str, Any]:
            return {
                "uid": f"{uuid.uuid4()}@race",
                "resource_id": desk.id,
                "resource_kind": ResourceKind.DESK,
                "person_id": person.id,
                "created_by_id": person.id,
                "municipality_code": person.municipality_code,
                "person_kind": person.kind,
                "start_at": clk.local(day, start),
                "end_at": clk.local(day, end),
                "desk_period": None,
                "title": None,
                "participants": None,
                "status": BookingStatus.CONFIRMED,
                "series_id": None,
                "sequence": 0,
                "created_at": now,
                "updated_at": now,
            }

        days = [first + timedelta(days=n) for n in range(RAW_ROUNDS)]
        work = {
            "umea": [row(office.anna, day, time(8), time(12)) for day in days],
            "vindeln": [row(office.bertil, day, time(9), time(13)) for day in days],
        }

        outcomes = _run_pair(_insert_worker, db_url, work, RAW_ROUNDS)

        for n in range(RAW_ROUNDS):
            got = outcomes[n]
            won = [s for s, (o, _) in got.items() if o == "won"]
            assert len(won) == 1, f"round {n}: {got}"
            (loser,) = set(got) - set(won)
            outcome, message = got[loser]
            if outcome == "deadlock" and office.services.db.is_postgresql:
                # PostgreSQL checks an exclusion constraint after inserting the index entry: two
                # conflicting INSERTs that meet uncommitted wait for each other and the server
                # aborts one as a deadlock (documented in execIndexing.c). Still exactly one wins.
                assert "exclusion constraint" in message and '"bookings"' in message, message
            else:
                assert outcome == "lost", f"round {n}: {got}"
                assert "bookings_no_overlap" in message, message

        with office.services.db.engine.connect() as conn:
            assert conn.scalar(HOLDING_SQL) == RAW_ROUNDS
            assert conn.scalar(OVERLAPS_SQL) == 0
            committed = set(conn.scalars(text("SELECT uid FROM bookings")))
        assert committed == {
            next(d for o, d in outcomes[n].values() if o == "won") for n in range(RAW_ROUNDS)
        }
    finally:
        office.services.db.dispose()


# --- the database's guard as the service's last line --------------------------------------------
def test_when_only_the_database_guard_stops_a_double_booking_the_user_gets_the_conflict_message(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race the locks normally prevent, made certain: without the lock and the look-up, the
    second booking reaches the database, whose guard refuses it; the service must still answer
    with the ordinary conflict."""
    from satellitkontor.domain.errors import ResourceTaken
    from satellitkontor.services.booking.service import BookingService
    from satellitkontor.words.texts import describe

    booking = office.services.booking
    booking.book_desk(office.anna.id, office.desk(1).id, MONDAY, DeskPeriod.MORNING)
    monkeypatch.setattr(queries, "lock_for_booking", lambda *a, **k: None)
    monkeypatch.setattr(BookingService, "_check_free", lambda *a, **k: None)
    with pytest.raises(ResourceTaken) as info:
        booking.book_desk(office.bertil.id, office.desk(1).id, MONDAY, DeskPeriod.MORNING)
    assert "är redan bokad" in describe(info.value, "sv")
    with office.services.db.engine.connect() as conn:
        assert conn.scalar(HOLDING_SQL) == 1
