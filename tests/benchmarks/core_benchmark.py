"""Benchmark of the booking core: one day's occupancy and one booking commit.

Run from the repository root::

    python -m tests.benchmarks.core_benchmark [--db sqlite|postgresql|both] [--years 5]
                                               [--repeat N] [--keep PATH]

It builds a fresh office through ``open_office`` (a SQLite file in a temporary directory and/or
a throwaway PostgreSQL database ``sk_bench_<pid>``), adds about 150 people and generates
``--years`` years of bookings ending about 90 days from today: about 12,000 desk and 2,000 room
bookings a year (60,000 and 10,000 over five years) on 40 desks and the conference room. The
bookings go straight into the ``bookings`` table with one SQLAlchemy Core executemany, with the
columns the BookingService writes; the database's own overlap guards (triggers on SQLite, the
exclusion constraint on PostgreSQL) check the generator on the way in.

Then it measures, as the median (and 95th percentile) of ``--repeat`` runs after a warm-up:

* occupancy: ``services.occupancy.day(D)`` for the busiest open day D in the past, against the
  bare indexed SQL for the same rows (bookings of the local day not cancelled, joined with
  resources and people) on a raw DBAPI connection with cursor + fetchall in this process;
* commit: ``services.booking.book_desk(...)`` of a free desk half-day in the coming weeks (each
  run a different, pre-planned slot on desks kept free for this), against a raw DBAPI
  ``INSERT INTO bookings`` of one row in its own transaction (``BEGIN IMMEDIATE`` on SQLite,
  ``BEGIN`` on PostgreSQL) and ``COMMIT``.

The goals of the issue are occupancy within 2x of the bare query and under 10 ms, and a commit
under 5 ms on SQLite. The script reports, it does not assert: it exits 0 when a goal is missed,
and non-zero only when something is wrong (the service and the bare query disagree on the rows,
or an exception).
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, create_engine, func, select, text
from sqlalchemy.engine import make_url

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.people import Person
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.app_services import AppServices
from satellitkontor.storage.database import sqlite_url
from satellitkontor.storage.models import BookingRow
from satellitkontor.storage.types import UTCDateTime
from tests.benchmarks.bench_office import (
    FUTURE_DAYS,
    INSERT_COLUMNS,
    SEED,
    BenchmarkError,
    Office,
    build_office,
    check_stored_form,
    generate_bookings,
    insert_bookings,
    new_uid,
    progress,
)

PG_ADMIN_URL = os.environ.get(
    "SATELLITKONTOR_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


OCCUPANCY_GOAL_RATIO = 2.0
OCCUPANCY_GOAL_MS = 10.0
COMMIT_GOAL_MS_SQLITE = 5.0
#: Runs of the release measure (each releases 500 bookings): fewer than the others.
RELEASE_REPEAT = 15

BOOKINGS = BookingRow.__table__

#: The service's day query (queries.booking_select + OccupancyService.day), written out by hand.
BARE_DAY_SQL = (
    "SELECT b.id, b.uid, b.resource_id, r.name, r.kind, b.person_id, p.name, p.email, "
    "b.municipality_code, b.created_by_id, b.start_at, b.end_at, b.desk_period, b.title, "
    "b.participants, b.status, b.series_id, b.sequence "
    "FROM bookings b JOIN resources r ON r.id = b.resource_id "
    "LEFT OUTER JOIN people p ON p.id = b.person_id "
    "WHERE b.start_at >= {p} AND b.start_at < {p} AND b.status != 'cancelled' "
    "ORDER BY b.start_at"
)


# --- results ------------------------------------------------------------------------------------
@dataclass
class Measure:
    samples_ns: list[int]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ns) / 1e6

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.samples_ns)
        return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)] / 1e6


@dataclass
class Result:
    database: str
    desk_bookings: int = 0
    room_bookings: int = 0
    people: int = 0
    resources: int = 0
    generation_s: float = 0.0
    day: date | None = None
    day_rows: int = 0
    occupancy: Measure | None = None
    occupancy_bare: Measure | None = None
    occupancy_sqlalchemy_text: Measure | None = None
    commit: Measure | None = None
    commit_bare: Measure | None = None
    move: Measure | None = None
    move_bare: Measure | None = None
    release: Measure | None = None
    release_bare: Measure | None = None
    plan: str = ""
    skipped: str | None = None
    notes: list[str] = field(default_factory=list)


def timed(fns: list[Callable[[], object]], repeat: int, warmup: int) -> list[Measure]:
    """Time each function ``repeat`` times after ``warmup`` calls. The functions take turns, run
    after run, so that a busy moment of the machine falls on the service and its bare baseline
    alike and their ratio stays fair."""
    for _ in range(warmup):
        for fn in fns:
            fn()
    gc.collect()
    samples: list[list[int]] = [[] for _ in fns]
    clock = time.perf_counter_ns
    for _ in range(repeat):
        for fn, out in zip(fns, samples, strict=True):
            t0 = clock()
            fn()
            out.append(clock() - t0)
    return [Measure(x) for x in samples]


# --- bare DBAPI connections -----------------------------------------------------------------------
class Bare:
    """A raw DBAPI connection to the benchmark's database, outside SQLAlchemy."""

    def __init__(self, services: AppServices) -> None:
        db = services.db
        self.is_sqlite = db.is_sqlite
        self.placeholder = "?" if self.is_sqlite else "%s"
        dialect = db.engine.dialect
        processor = BOOKINGS.c.start_at.type.dialect_impl(dialect).bind_processor(dialect)
        # Exactly the stored form of a timestamp (naive UTC text on SQLite, timestamptz on PG).
        self.ts: Callable[[datetime | None], Any] = processor if processor is not None else (lambda v: v)
        if self.is_sqlite:
            assert db.sqlite_path is not None
            self.conn: Any = sqlite3.connect(db.sqlite_path, isolation_level=None)
            for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=15000"):
                self.conn.execute(f"PRAGMA {pragma}")
        else:
            import psycopg

            conninfo = db.url.set(drivername="postgresql").render_as_string(hide_password=False)
            # Reads are one statement, as on SQLite; the INSERT gets an explicit transaction.
            self.conn = psycopg.connect(conninfo, autocommit=True)
        self.day_sql = BARE_DAY_SQL.format(p=self.placeholder)
        cols = ", ".join(INSERT_COLUMNS)
        marks = ", ".join([self.placeholder] * len(INSERT_COLUMNS))
        self.insert_sql = f"INSERT INTO bookings ({cols}) VALUES ({marks})"

    def day_rows(self, start: datetime, end: datetime) -> list[Any]:
        params = (self.ts(start), self.ts(end))
        if self.is_sqlite:
            cur = self.conn.cursor()
            cur.execute(self.day_sql, params)
            rows: list[Any] = cur.fetchall()
            cur.close()
            return rows
        with self.conn.cursor() as cur:
            cur.execute(self.day_sql, params)
            rows = cur.fetchall()
        return rows

    def insert_one(self, params: tuple[Any, ...]) -> None:
        if self.is_sqlite:
            cur = self.conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            cur.execute(self.insert_sql, params)
            cur.execute("COMMIT")
            cur.close()
        else:
            with self.conn.transaction(), self.conn.cursor() as cur:  # BEGIN ... COMMIT
                cur.execute(self.insert_sql, params)

    def plan(self, start: datetime, end: datetime) -> str:
        params = (self.ts(start), self.ts(end))
        if self.is_sqlite:
            lines = [r[-1] for r in self.conn.execute("EXPLAIN QUERY PLAN " + self.day_sql, params)]
        else:
            with self.conn.cursor() as cur:
                cur.execute("EXPLAIN " + self.day_sql, params)
                lines = [r[0].strip() for r in cur.fetchall()]
        return " | ".join(lines)

    def close(self) -> None:
        self.conn.close()


# --- the measurements -----------------------------------------------------------------------------
def busiest_day(per_day: dict[date, int], today: date) -> date:
    past = [(n, d) for d, n in per_day.items() if d < today]
    return max(past)[1]


def measure_occupancy(office: Office, bare: Bare, day: date, repeat: int, result: Result) -> None:
    services = office.services
    start, end = clk.local_day_bounds(day)
    occupancy = services.occupancy.day(day, viewer_id=office.admin.id)  # staff: names, as on the day view
    service_rows = sum(len(r.bookings) for r in occupancy.resources)
    bare_rows = bare.day_rows(start, end)
    if service_rows != len(bare_rows) or service_rows == 0:
        raise BenchmarkError(
            f"{result.database}: occupancy of {day} has {service_rows} bookings, the bare query {len(bare_rows)} rows"
        )
    service_ids = sorted(b.id for r in occupancy.resources for b in r.bookings)
    if service_ids != sorted(r[0] for r in bare_rows):
        raise BenchmarkError(
            f"{result.database}: occupancy of {day} and the bare query return different bookings"
        )
    result.day, result.day_rows = day, service_rows
    result.plan = bare.plan(start, end)

    warmup = max(10, repeat // 10)
    # The same SQL through SQLAlchemy text(); two named parameters, typed like the columns.
    stmt = text(BARE_DAY_SQL.replace("{p}", ":start", 1).replace("{p}", ":end", 1)).bindparams(
        bindparam("start", type_=UTCDateTime()), bindparam("end", type_=UTCDateTime())
    )
    engine = services.db.engine

    def via_text() -> int:
        with engine.connect() as conn:
            return len(conn.execute(stmt, {"start": start, "end": end}).fetchall())

    if via_text() != service_rows:
        raise BenchmarkError(f"{result.database}: the SQLAlchemy text() query disagrees on the rows")
    result.occupancy, result.occupancy_bare, result.occupancy_sqlalchemy_text = timed(
        [
            lambda: services.occupancy.day(day, viewer_id=office.admin.id),
            lambda: bare.day_rows(start, end),
            via_text,
        ],
        repeat,
        warmup,
    )


def bench_slots(office: Office, today: date) -> Iterator[tuple[int, Person, date, DeskPeriod]]:
    """Free (desk, person, day, period) for book_desk, each used once: the bench desks stay free."""
    calendar = OfficeCalendar()
    for day in calendar.open_days(today + timedelta(days=1), today + timedelta(days=FUTURE_DAYS)):
        for period in (DeskPeriod.MORNING, DeskPeriod.AFTERNOON):
            for desk, person in zip(office.bench_desks, office.bench_people, strict=True):
                yield desk, person, day, period


def bench_desks_needed(repeat: int, today: date) -> int:
    open_days = sum(
        1 for _ in OfficeCalendar().open_days(today + timedelta(days=1), today + timedelta(days=FUTURE_DAYS))
    )
    commits = repeat + max(10, repeat // 10)
    return max(2, math.ceil(commits / (2 * open_days)))


def measure_commit(office: Office, bare: Bare, today: date, repeat: int, result: Result) -> None:
    services = office.services
    warmup = max(10, repeat // 10)
    slots = bench_slots(office, today)

    def book() -> None:
        desk, person, day, period = next(slots)
        view = services.booking.book_desk(person.id, desk, day, period)
        if view.status is not BookingStatus.CONFIRMED:
            raise BenchmarkError(f"book_desk returned a booking in state {view.status}")

    # The bare INSERT: one row a run on a desk of its own, at distinct instants from a year ahead.
    rng = random.Random(SEED + 2)
    person = office.bench_people[0]
    base = clk.local(today + timedelta(days=400), dtime(0))
    now = datetime.now(UTC)
    params = []
    for i in range(repeat + warmup):
        start = base + timedelta(hours=i)
        params.append(
            (
                new_uid(rng),
                office.bare_desk,
                ResourceKind.DESK.value,
                person.id,
                person.id,
                person.municipality_code,
                person.kind.value,
                bare.ts(start),
                bare.ts(start + timedelta(minutes=30)),
                None,
                None,
                None,
                BookingStatus.CONFIRMED.value,
                None,
                0,
                bare.ts(now),
                bare.ts(now),
            )
        )
    rows = iter(params)

    result.commit, result.commit_bare = timed([book, lambda: bare.insert_one(next(rows))], repeat, warmup)

    with services.db.session() as s:
        for desks in (office.bench_desks, [office.bare_desk]):
            booked = s.scalar(
                select(func.count()).select_from(BOOKINGS).where(BOOKINGS.c.resource_id.in_(desks))
            )
            if booked != repeat + warmup:
                raise BenchmarkError(
                    f"{result.database}: {booked} bookings committed on desks {desks}, expected {repeat + warmup}"
                )


def count_office(office: Office, result: Result) -> None:
    with office.services.db.session() as s:
        counts: dict[Any, int] = dict(
            s.execute(select(BOOKINGS.c.resource_kind, func.count()).group_by(BOOKINGS.c.resource_kind)).all()
        )
        result.people = s.scalar(text("SELECT COUNT(*) FROM people")) or 0
        result.resources = s.scalar(text("SELECT COUNT(*) FROM resources")) or 0
    result.desk_bookings = counts.get(ResourceKind.DESK, 0)
    result.room_bookings = counts.get(ResourceKind.ROOM, 0)


def run_one(url: str, name: str, years: int, repeat: int) -> Result:
    result = Result(name)
    now = datetime.now(UTC)
    today = clk.local_date(now)
    t0 = time.perf_counter()
    progress(f"{name}: building the office")
    office = build_office(url, bench_desks_needed(repeat, today))
    bare: Bare | None = None
    try:
        progress(f"{name}: generating {years} years of bookings")
        rows, per_day = generate_bookings(office, years, today, now)
        progress(f"{name}: inserting {len(rows):,} bookings")
        insert_bookings(office.services, rows)
        result.generation_s = time.perf_counter() - t0
        count_office(office, result)
        bare = Bare(office.services)
        day = busiest_day(per_day, today)
        progress(f"{name}: occupancy of {day}")
        measure_occupancy(office, bare, day, repeat, result)
        progress(f"{name}: commits")
        measure_commit(office, bare, today, repeat, result)
        check_stored_form(office.services)
        progress(f"{name}: moving a booking")
        from tests.benchmarks import plans_measures as plans

        booking_id, mover, desks = plans.setup_move(office.services, office.admin.id, office.bare_desk)
        result.move, result.move_bare = plans.measure_move(
            office.services, booking_id, mover, desks, repeat, timed
        )
        progress(f"{name}: releasing {plans.RELEASED} unclaimed bookings")
        result.release, result.release_bare = plans.measure_release(
            office.services, office.admin.id, mover, min(repeat, RELEASE_REPEAT), timed
        )
    finally:
        if bare is not None:
            bare.close()
        office.services.db.dispose()
    return result


def run_sqlite(years: int, repeat: int, keep: Path | None) -> Result:
    if keep is not None:
        if keep.exists():
            raise BenchmarkError(f"--keep {keep}: the file exists already; give a new path")
        return run_one(sqlite_url(keep), "sqlite", years, repeat)
    tmp = tempfile.mkdtemp(prefix="sk_bench_")
    try:
        return run_one(sqlite_url(Path(tmp) / "office.sqlite3"), "sqlite", years, repeat)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_postgresql(years: int, repeat: int, keep: bool) -> Result:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return Result("postgresql", skipped="psycopg is not installed (pip install '.[test]')")
    from sqlalchemy.exc import OperationalError

    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    where = make_url(PG_ADMIN_URL).render_as_string(hide_password=True)
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        admin.dispose()
        first = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        return Result("postgresql", skipped=f"no PostgreSQL server reachable at {where}: {first}")
    name = f"sk_bench_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        result = run_one(url, "postgresql", years, repeat)
        if keep:
            result.notes.append(
                f"PostgreSQL database kept: {make_url(url).render_as_string(hide_password=True)}"
            )
        return result
    finally:
        if not keep:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# --- the report -----------------------------------------------------------------------------------
def report(results: list[Result], years: int, repeat: int) -> None:
    warmup = max(10, repeat // 10)
    print()
    print(f"satellitkontor core benchmark: {years} years of bookings, median and p95 of {repeat} runs "
          f"after {warmup} warm-up runs, Python {sys.version.split()[0]}")  # fmt: skip
    print()
    print(
        f"{'database':<11} {'desk bookings':>13} {'room bookings':>13} {'people':>6} {'resources':>9} {'generation':>10}"
    )
    for r in results:
        if r.skipped:
            print(f"{r.database:<11} skipped: {r.skipped}")
            continue
        print(
            f"{r.database:<11} {r.desk_bookings:>13,} {r.room_bookings:>13,} {r.people:>6} {r.resources:>9} "
            f"{r.generation_s:>9.1f}s"
        )
    done = [r for r in results if not r.skipped and r.occupancy and r.commit]
    if not done:
        return
    print()
    head = (f"{'database':<11} {'measure':<10} {'median ms':>9} {'p95 ms':>8} {'bare ms':>8} {'ratio':>7}  "
            f"{'goal':<24} met")  # fmt: skip
    print(head)
    print("-" * len(head) + "-" * 20)
    for r in done:
        assert r.occupancy and r.occupancy_bare and r.commit and r.commit_bare
        occ_ratio = r.occupancy.median_ms / r.occupancy_bare.median_ms
        misses = []
        if occ_ratio > OCCUPANCY_GOAL_RATIO:
            misses.append(f"ratio {occ_ratio:.1f}x > {OCCUPANCY_GOAL_RATIO:g}x")
        if r.occupancy.median_ms >= OCCUPANCY_GOAL_MS:
            misses.append(f"{r.occupancy.median_ms:.2f} ms >= {OCCUPANCY_GOAL_MS:g} ms")
        met = "yes" if not misses else "no (" + "; ".join(misses) + ")"
        print(
            f"{r.database:<11} {'occupancy':<10} {r.occupancy.median_ms:>9.3f} {r.occupancy.p95_ms:>8.3f} "
            f"{r.occupancy_bare.median_ms:>8.3f} {occ_ratio:>6.1f}x  "
            f"{f'<= {OCCUPANCY_GOAL_RATIO:g}x bare, < {OCCUPANCY_GOAL_MS:g} ms':<24} {met}"
        )
        com_ratio = r.commit.median_ms / r.commit_bare.median_ms
        if r.database == "sqlite":
            goal = f"< {COMMIT_GOAL_MS_SQLITE:g} ms"
            met = "yes" if r.commit.median_ms < COMMIT_GOAL_MS_SQLITE else f"no ({r.commit.median_ms:.2f} ms)"
        else:
            goal, met = "none (reported)", "-"
        print(
            f"{r.database:<11} {'commit':<10} {r.commit.median_ms:>9.3f} {r.commit.p95_ms:>8.3f} "
            f"{r.commit_bare.median_ms:>8.3f} {com_ratio:>6.1f}x  {goal:<24} {met}"
        )
    for r in done:
        for label, m, b in (("move", r.move, r.move_bare), ("release500", r.release, r.release_bare)):
            if m is None or b is None:
                continue
            print(
                f"{r.database:<11} {label:<10} {m.median_ms:>9.3f} {m.p95_ms:>8.3f} "
                f"{b.median_ms:>8.3f} {m.median_ms / b.median_ms:>6.1f}x  {'none (reported)':<24} -"
            )
    print()
    for r in done:
        assert r.occupancy_sqlalchemy_text is not None
        print(f"{r.database}: occupancy day {r.day} ({r.day_rows} bookings not cancelled); "
              f"same SQL via SQLAlchemy text(): median {r.occupancy_sqlalchemy_text.median_ms:.3f} ms")  # fmt: skip
        print(f"{r.database}: plan of the bare query: {r.plan}")
        for note in r.notes:
            print(f"{r.database}: {note}")
    print()
    print(
        "bare = the same rows by hand-written SQL on a raw DBAPI connection (cursor, fetchall) in this\n"
        "process; commit bare = BEGIN (IMMEDIATE on SQLite), one INSERT INTO bookings, COMMIT;\n"
        "move bare = one UPDATE of resource_id in its own transaction; release500 = 500 unclaimed\n"
        "bookings of today released at once (RELEASE_REPEAT runs), bare = one UPDATE of the 500.\n"
        "Each measure and its bare baseline run in turns, so that both see the same load."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.core_benchmark", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--years", type=int, default=5, help="years of bookings to generate (default 5)")
    parser.add_argument("--repeat", type=int, default=200, help="timed runs of each measure (default 200)")
    parser.add_argument(
        "--keep", type=Path, metavar="PATH",
        help="write the SQLite office to PATH (a new file) and keep it; keep the PostgreSQL database too",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.years < 1 or args.repeat < 1:
        parser.error("--years and --repeat must be at least 1")

    results: list[Result] = []
    failed = False
    for name in ("sqlite", "postgresql") if args.db == "both" else (args.db,):
        try:
            if name == "sqlite":
                results.append(run_sqlite(args.years, args.repeat, args.keep))
                if args.keep is not None:
                    results[-1].notes.append(f"SQLite office kept: {args.keep}")
            else:
                results.append(run_postgresql(args.years, args.repeat, args.keep is not None))
        except BenchmarkError as exc:
            print(f"ERROR: {exc}", file=sys.stderr)
            failed = True
        except Exception:
            traceback.print_exc()
            print(f"ERROR: the {name} benchmark failed", file=sys.stderr)
            failed = True
    report(results, args.years, args.repeat)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
