"""Twenty people booking the desks of one week at the same time, each in an OS process of their own.

Issue 6 ("shared office mode") asks for 20 processes, each booking random desks and half-days of
one week 50 times as a different user. Each spawned process is one person: it opens the office as
the app does (``open_office(url)``), waits on a barrier with the 19 others and then calls
``services.booking.book_desk`` 50 times in a row on a random (desk, day, morning / afternoon /
whole day) of the default office's desks in the week of Monday 23 November 2026. 20 people on
8 desks x 5 days x 2 half-days (80 half-day places, at most 10 of them per person) make the race
real: a few dozen win, several hundred lose.

Each attempt reports the booking's id or the error's class and its Swedish sentence
(``texts.describe``). In the end the test checks what a receptionist would notice:

- no desk is held twice at once and nobody holds two desks at once (self-joins in SQL);
- every loser got a conflict message (the desk is taken, or the person already has a desk then)
  that names the desk or the person, and the final bookings prove the loser was right to lose;
- the holding bookings in the database are exactly the winners' bookings, each on the desk,
  day and part of the day its winner asked for.

On PostgreSQL each process connects with a database login of its own (``pg_roles.init_database``
and ``login_admin.grant_login``: a plain user under row-level security), as the app does in shared
office mode, and finds its person as the app does (``services.identity.person_for_login``); the
logins get unique names per run and are dropped at the end (tests/pg_logins.py). On SQLite the 20 processes share one file (the booking core's ``BEGIN IMMEDIATE``). Every
process gets the same fixed clock (Monday 07:30), so the week is bookable whatever the date.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import random
import time as _time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from satellitkontor.domain import clock as clk
from satellitkontor.domain import municipalities
from satellitkontor.domain.bookings import HOLDING_STATUSES, DeskPeriod
from satellitkontor.domain.people import Person, PersonKind, Role
from satellitkontor.services.database_admin import grant_login
from satellitkontor.storage import pg_roles
from satellitkontor.storage.models import BookingRow
from tests.conftest import MONDAY, NOW, MovableClock, Office, make_office
from tests.pg_logins import drop_logins, login_url, unique_login

BOOKERS = 20
ATTEMPTS = 50
SEED = 6_2026
BARRIER_TIMEOUT = 60.0  # how long a process waits for the others at the start
RUN_TIMEOUT = 150.0  # all results must be in by then (the run itself takes a few seconds)

PERIODS = (DeskPeriod.MORNING, DeskPeriod.AFTERNOON, DeskPeriod.FULL_DAY)
HALVES = {
    DeskPeriod.MORNING: frozenset({"am"}),
    DeskPeriod.AFTERNOON: frozenset({"pm"}),
    DeskPeriod.FULL_DAY: frozenset({"am", "pm"}),
}

_HOLDING = "('confirmed', 'checked_in')"
#: Pairs of holding bookings on one desk at overlapping times: must be none.
DESK_OVERLAPS_SQL = text(
    "SELECT a.id, b.id, a.resource_id, a.start_at, a.end_at FROM bookings a JOIN bookings b"
    " ON a.resource_id = b.resource_id AND a.id < b.id"
    " AND a.start_at < b.end_at AND b.start_at < a.end_at"
    f" WHERE a.status IN {_HOLDING} AND b.status IN {_HOLDING}"
)
#: Pairs of holding desk bookings of one person at overlapping times: must be none.
PERSON_OVERLAPS_SQL = text(
    "SELECT a.id, b.id, a.person_id, a.start_at, a.end_at FROM bookings a JOIN bookings b"
    " ON a.person_id = b.person_id AND a.id < b.id"
    " AND a.start_at < b.end_at AND b.start_at < a.end_at"
    " WHERE a.resource_kind = 'desk' AND b.resource_kind = 'desk'"
    f" AND a.status IN {_HOLDING} AND b.status IN {_HOLDING}"
)


@dataclass(frozen=True)
class Attempt:
    desk_id: int
    day: date
    period: DeskPeriod


@dataclass(frozen=True)
class Outcome:
    outcome: str  # "won", "lost" (a domain error) or "error" (anything else)
    detail: Any  # the booking id, or the error's class name
    message: str = ""  # the Swedish sentence the user sees, or the traceback of an "error"


# --- the child processes ------------------------------------------------------------------------
def _booker(
    index: int,
    url: str,
    person_id: int | None,
    plan: list[Attempt],
    now: datetime,
    barrier: Any,
    results: Any,
) -> None:
    """One person's 50 attempts, all after the barrier; reports (index, outcomes, seconds, error).

    ``person_id`` None: the person is the one the database login is mapped to, found as the app
    finds it.
    """
    from satellitkontor.domain.errors import SatellitkontorError
    from satellitkontor.services.app_services import open_office
    from satellitkontor.words.texts import describe

    services = None
    try:
        services = open_office(url, clock=lambda: now)
        if person_id is None:
            me = services.identity.person_for_login()
            if me is None:
                raise RuntimeError(f"the login of {url} is not mapped to a person")
            person_id = me.id
        out: list[Outcome] = []
        barrier.wait(BARRIER_TIMEOUT)
        started = _time.monotonic()
        for attempt in plan:
            try:
                view = services.booking.book_desk(person_id, attempt.desk_id, attempt.day, attempt.period)
                out.append(Outcome("won", view.id))
            except SatellitkontorError as err:
                out.append(Outcome("lost", type(err).__name__, describe(err, "sv")))
            except Exception as err:
                out.append(Outcome("error", type(err).__name__, traceback.format_exc()))
        results.put((index, out, _time.monotonic() - started, None))
    except Exception:
        barrier.abort()
        results.put((index, None, 0.0, traceback.format_exc()))
    finally:
        if services is not None:
            services.close()


def _run_bookers(
    urls: list[str], person_ids: list[int | None], plans: list[list[Attempt]]
) -> tuple[list[list[Outcome]], float]:
    """Run the bookers in spawned processes; their outcomes, and the slowest one's seconds."""
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(len(plans))
    results = ctx.Queue()
    procs = [
        ctx.Process(
            target=_booker,
            args=(i, urls[i], person_ids[i], plans[i], NOW, barrier, results),
            name=f"booker-{i + 1}",
        )
        for i in range(len(plans))
    ]
    for p in procs:
        p.start()
    outcomes: dict[int, list[Outcome]] = {}
    slowest = 0.0
    deadline = _time.monotonic() + RUN_TIMEOUT
    try:
        while len(outcomes) < len(procs):
            try:
                index, out, seconds, failure = results.get(timeout=max(0.1, deadline - _time.monotonic()))
            except queue.Empty:
                pytest.fail(f"only {len(outcomes)} of {len(procs)} booking processes reported in time")
            if failure is not None:
                pytest.fail(f"booking process {index + 1} failed:\n{failure}")
            outcomes[index] = out
            slowest = max(slowest, seconds)
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
    return [outcomes[i] for i in range(len(procs))], slowest


# --- logins -------------------------------------------------------------------------------------
@dataclass
class Identities:
    urls: list[str]
    person_ids: list[int | None]  # None: the process asks the database who its login is
    how: str


@pytest.fixture
def identities() -> Iterator[Any]:
    """A function giving each booker its URL and person: on PostgreSQL a login of its own, made
    as IT makes it (``db init``, ``db grant``) and dropped at teardown."""
    created: list[str] = []
    owner_url: list[str] = []

    def make(office: Office, url: str, people: list[Person]) -> Identities:
        if not office.services.db.is_postgresql:
            return Identities([url] * len(people), [p.id for p in people], "one SQLite file")
        owner_url.append(url)
        db = office.services.db
        pg_roles.init_database(db)
        for i, person in enumerate(people):
            created.append(unique_login(f"booker{i + 1}"))
            grant_login(db, created[-1], email=person.email, role=Role.USER)
        urls = [login_url(url, login) for login in created]
        return Identities(urls, [None] * len(people), "a database login per person")

    yield make
    if created:
        drop_logins(owner_url[0], created)


# --- the test -----------------------------------------------------------------------------------
def _week(office: Office) -> list[date]:
    calendar = office.services.office.policy().calendar()
    days = list(calendar.open_days(MONDAY, MONDAY + timedelta(days=4)))
    assert len(days) == 5, f"the week of {MONDAY} should have five open days: {days}"
    return days


def _people(office: Office) -> list[Person]:
    """Twenty bookers, from all seven municipalities in turn, employees and politicians."""
    admin = office.admin.id
    towns = [m.code for m in municipalities.ALL]
    return [
        office.services.office.add_person(
            admin,
            f"Bokare {i + 1}",
            f"bokare{i + 1}@{towns[i % len(towns)]}.se",
            towns[i % len(towns)],
            PersonKind.POLITICIAN if i % 4 == 3 else PersonKind.EMPLOYEE,
        )
        for i in range(BOOKERS)
    ]


def _plans(office: Office, days: list[date]) -> list[list[Attempt]]:
    desks = [d.id for d in office.desks]
    plans = []
    for i in range(BOOKERS):
        rng = random.Random(SEED + i)
        plans.append(
            [Attempt(rng.choice(desks), rng.choice(days), rng.choice(PERIODS)) for _ in range(ATTEMPTS)]
        )
    return plans


@dataclass(frozen=True)
class Held:
    id: int
    resource_id: int
    person_id: int
    day: date
    period: DeskPeriod | None


def _holding(office: Office) -> list[Held]:
    with office.services.db.session() as s:
        rows = s.execute(
            select(
                BookingRow.id,
                BookingRow.resource_id,
                BookingRow.person_id,
                BookingRow.start_at,
                BookingRow.desk_period,
            ).where(BookingRow.status.in_(HOLDING_STATUSES))
        ).all()
    return [Held(r.id, r.resource_id, r.person_id, clk.local_date(r.start_at), r.desk_period) for r in rows]


def test_twenty_processes_booking_one_week_never_double_book_and_losers_hear_why(
    db_url: str, identities: Any
) -> None:
    office = make_office(db_url, MovableClock(NOW))
    try:
        assert len(office.desks) == 8
        days = _week(office)
        people = _people(office)
        plans = _plans(office, days)
        who = identities(office, db_url, people)
        desk_name = {d.id: d.name for d in office.desks}

        started = _time.monotonic()
        outcomes, slowest = _run_bookers(who.urls, who.person_ids, plans)
        elapsed = _time.monotonic() - started

        # --- no attempt ended in anything but a booking or a conflict ---------------------------
        errors = [
            f"booker {i + 1}, attempt {n + 1} {plans[i][n]}: {o.detail}\n{o.message}"
            for i, out in enumerate(outcomes)
            for n, o in enumerate(out)
            if o.outcome == "error"
            or (o.outcome == "lost" and o.detail not in ("ResourceTaken", "PersonAlreadyHasDesk"))
        ]
        assert not errors, f"{len(errors)} attempts failed otherwise than by a conflict:\n" + "\n".join(
            errors[:10]
        )
        assert all(len(out) == ATTEMPTS for out in outcomes)

        held = _holding(office)
        by_id = {h.id: h for h in held}
        kinds = Counter(o.detail if o.outcome == "lost" else "won" for out in outcomes for o in out)
        report = (
            f"{who.how}: {kinds['won']} won, {kinds['ResourceTaken']} desk taken, "
            f"{kinds['PersonAlreadyHasDesk']} already had a desk; run {elapsed:.1f} s, "
            f"slowest booker {slowest:.1f} s after the barrier"
        )
        print(report)
        assert kinds["won"] > 0 and kinds["ResourceTaken"] > 0, report

        # --- the database: never two at once on a desk, nor one person on two desks -------------
        with office.services.db.engine.connect() as conn:
            desk_pairs = conn.execute(DESK_OVERLAPS_SQL).all()
            person_pairs = conn.execute(PERSON_OVERLAPS_SQL).all()
        assert not desk_pairs, f"desks held twice at once: {desk_pairs[:10]}"
        assert not person_pairs, f"people on two desks at once: {person_pairs[:10]}"

        # --- the winners' bookings are exactly what the database holds --------------------------
        won = {
            o.detail: (people[i].id, plans[i][n])
            for i, out in enumerate(outcomes)
            for n, o in enumerate(out)
            if o.outcome == "won"
        }
        assert len(won) == kinds["won"], "a booking id was reported twice"
        assert len(held) == len(won), report
        assert set(by_id) == set(won)
        for booking_id, (person_id, attempt) in won.items():
            h = by_id[booking_id]
            assert (h.person_id, h.resource_id, h.day, h.period) == (
                person_id,
                attempt.desk_id,
                attempt.day,
                attempt.period,
            ), f"booking {booking_id} is not what its winner asked for"

        # --- every loser was told why, and was right to lose -----------------------------------
        def overlapping(attempt: Attempt, **match: int) -> list[Held]:
            return [
                h
                for h in held
                if h.day == attempt.day
                and h.period is not None
                and HALVES[h.period] & HALVES[attempt.period]
                and all(getattr(h, k) == v for k, v in match.items())
            ]

        for i, out in enumerate(outcomes):
            person = people[i]
            for n, o in enumerate(out):
                if o.outcome != "lost":
                    continue
                attempt = plans[i][n]
                where = f"booker {i + 1}, attempt {n + 1} ({desk_name[attempt.desk_id]}, {attempt.day}, {attempt.period})"
                if o.detail == "ResourceTaken":
                    assert "är redan bokad" in o.message and desk_name[attempt.desk_id] in o.message, (
                        f"{where}: {o.message}"
                    )
                    assert overlapping(attempt, resource_id=attempt.desk_id), (
                        f"{where} was told the desk is taken, but nobody holds it: {o.message}"
                    )
                else:
                    assert "har redan en kontorsplats" in o.message and person.name in o.message, (
                        f"{where}: {o.message}"
                    )
                    assert overlapping(attempt, person_id=person.id), (
                        f"{where} was told they already have a desk, but hold none then: {o.message}"
                    )
        # The bookings themselves (not the processes' start): seconds, not the minutes that a
        # lock waited out to its timeout would cost.
        assert slowest < 60, report
    finally:
        office.services.close()
