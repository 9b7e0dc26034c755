"""Benchmark of what grows with the office's age: offices of 1, 5 and 20 years of history.

Run from the repository root::

    python -m tests.benchmarks.history_benchmark [--years 1 5 20] [--db sqlite|postgresql|both]
                                                  [--rebuild] [--cache DIR]

Each office is built once and cached (``--cache``, default a folder ``satellitkontor-bench`` in
the user's cache folder) under a name keyed by its size, the schema's head revision and the
generator's version: a SQLite file, and on PostgreSQL a template database ``sk_hist_...``.
Every run works on a fresh copy (retention changes the office). An office: 150 people, 40
desks and the room (core_benchmark.build_office), about 12,000 desk and 2,000 room bookings a
year ending 90 days from today (core_benchmark.generate_bookings, one Core executemany), and the
audit trail those bookings would have written (a create per booking, a check-in or a
cancellation where they had one), inserted by one ``INSERT ... SELECT``.

What it prints, per database and size (the rows of the issue's first table):

* retention preview (``privacy.retention``, dry run) and apply, and a second process booking
  desks every 20 ms meanwhile: its worst wait and how many of its bookings failed; and its worst
  wait while it booked alone for ``ALONE_S`` before the apply, the office's own;
* whether every year's statistics (``statistics.usage``) are identical before and after apply
  (they must be: a difference fails the run), and on SQLite that ``PRAGMA integrity_check``
  of the file says ok afterwards (anything else fails the run);
* backup (``backup_office`` to a file);
* audit page open (newest id, count and the first 200 entries), of every entry and of the last
  30 days (the dates the page opens with), and an audit text search
  (count and first 200 of a surname);
* the office feed (``feeds.write`` of 30 days back and 180 ahead, public), the feed version
  (ETag) and, on PostgreSQL, whether its plan scans ``bookings`` sequentially;
* ``export-ical --all`` as a whole command-line process;
* a person's upcoming bookings (``occupancy.bookings_of``) for the person with most history;
* the plan of retention's "people no longer named" query (sequential scans of bookings).

Times are the median of a few runs after a warm-up (retention and backup: one run). The script
reports, it does not assert, except that the statistics stay identical.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select, text

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.feeds import FeedKind, Privacy
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.people import Role
from satellitkontor.domain.privacy import retention_cutoff
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.app_services import AppServices, open_office
from satellitkontor.storage import schema
from satellitkontor.storage.database import Database
from satellitkontor.storage.models import BookingRow, PersonRow
from tests.benchmarks import core_benchmark as core
from tests.benchmarks.history_offices import cache_dir, pg_drop, pg_office, sqlite_office

PG_ADMIN_URL = core.PG_ADMIN_URL
SEARCH_TEXT = "lindberg"
BOOKER_PAUSE_S = 0.02
#: How long the booking process books alone before the apply begins: its worst wait then is
#: the office's own (on a 20-year SQLite office, FTS5 merging the search index inside the first
#: bookings: 0.5-0.8 s, retention or not), printed apart from its worst wait during the apply.
ALONE_S = 6.0
#: Issue 18's goals: a retention apply holds SQLite's write lock at most this long at a time…
LOCK_GOAL_MS = 200
#: …and another process's booking meanwhile waits less than this.
WAIT_GOAL_MS = 250


class BenchmarkError(Exception):
    """Something is wrong (not merely slow): the run fails."""


def progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def median_ms(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1000


def _goal(ms: float, goal: float, *, below: bool = False) -> str:
    """ "goal ≤ 200 ms: met" or "…: NOT met" (``below``: the goal is "< goal")."""
    met = ms < goal if below else ms <= goal
    return f"goal {'<' if below else '≤'} {goal:.0f} ms: {'met' if met else 'NOT met'}"


def once_ms(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


# --- the second process: bookings during a retention apply ----------------------------------------
def booker(url: str, person_id: int, desk_id: int, stop_file: str) -> int:
    """Book a half-day of ``desk_id`` and cancel it again, over and over, until ``stop_file``
    exists; print the number of bookings and cancellations, failures, the worst and the median
    wait in ms since ``stop_file`` + ``.apply`` appeared, and the number and worst wait before
    it (alone). Prints READY after the first."""
    services = open_office(url)
    # Another PC's app: it freezes what its start-up made out of the cycle collector's way
    # (gui/app.py, as the command line does), so a full collection walks only newer objects.
    gc.freeze()
    day = OfficeCalendar().next_open_day(clk.local_date(datetime.now(UTC)) + timedelta(days=1))
    waits: list[float] = []
    failures = 0
    first = True
    alone: list[float] | None = None  # the waits before the apply began
    applying = stop_file + ".apply"

    marks: dict[str, float] = {}  # when the lock was had and when the commit began
    started = time.perf_counter()
    event.listen(services.db.engine, "begin", lambda _c: marks.setdefault("begin", time.perf_counter()))
    event.listen(services.db.engine, "commit", lambda _c: marks.setdefault("commit", time.perf_counter()))

    def timed(fn: Callable[[], Any]) -> Any:
        nonlocal failures
        marks.clear()
        t0 = time.perf_counter()
        try:
            return fn()
        except Exception as exc:
            failures += 1
            print(f"failure: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            return None
        finally:
            t1 = time.perf_counter()
            waits.append((t1 - t0) * 1000)
            if waits[-1] >= WAIT_GOAL_MS:  # where a long one went, on the benchmark's stderr
                began, committing = marks.get("begin", t1), marks.get("commit", t1)
                print(
                    f"  .. a booking {t0 - started:.1f} s after the first took {waits[-1]:.0f} ms: "
                    f"{(began - t0) * 1000:.0f} before the lock, "
                    f"{(committing - began) * 1000:.0f} of work, {(t1 - committing) * 1000:.0f} to commit",
                    file=sys.stderr,
                    flush=True,
                )

    try:
        while True:
            booked = timed(lambda: services.booking.book_desk(person_id, desk_id, day, DeskPeriod.MORNING))
            if booked is not None:
                timed(lambda b=booked: services.booking.cancel(person_id, b.id))
            if first:
                print("READY", flush=True)
                first = False
            if alone is None and os.path.exists(applying):
                alone, waits = waits, []
            if os.path.exists(stop_file):
                before = alone or [0.0]
                print(
                    f"{len(waits)} {failures} {max(waits):.1f} {statistics.median(waits):.1f} "
                    f"{len(before)} {max(before):.1f}",
                    flush=True,
                )
                return 0
            time.sleep(BOOKER_PAUSE_S)
    finally:
        services.db.dispose()


@dataclass
class BookerResult:
    bookings: int
    failures: int
    worst_ms: float
    median_ms: float
    alone: int = 0
    alone_worst_ms: float = 0.0
    transactions: int = 0
    longest_ms: float = 0.0
    longest_cpu_ms: float = 0.0


def apply_with_booker(
    services: AppServices, url: str, admin_id: int, work: Path
) -> tuple[float, BookerResult]:
    with services.db.session() as s:
        desk = s.scalar(
            select(func.min(BookingRow.resource_id)).where(BookingRow.resource_kind == ResourceKind.DESK)
        )
        bench_desk = s.execute(text("SELECT id FROM resources WHERE name = 'Mätplats 1'")).scalar_one()
        bench_person = s.execute(text("SELECT id FROM people WHERE name = 'Mätperson 1'")).scalar_one()
    assert desk is not None
    stop = work / "stop"
    stop.unlink(missing_ok=True)
    Path(f"{stop}.apply").unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "tests.benchmarks.history_benchmark", "--booker", url,
           str(bench_person), str(bench_desk), str(stop)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "READY":
            raise BenchmarkError("the booking process did not start")
        time.sleep(ALONE_S)
        Path(f"{stop}.apply").touch()
        time.sleep(0.1)
        with write_transactions(services) as holds:
            ms = once_ms(lambda: services.privacy.retention(admin_id, apply=True))
        time.sleep(0.3)
        stop.touch()
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    n, failures, worst, med, n_alone, worst_alone = out.split()
    longest = max(holds, default=(0.0, 0.0))
    return ms, BookerResult(
        int(n),
        int(failures),
        float(worst),
        float(med),
        int(n_alone),
        float(worst_alone),
        len(holds),
        *longest,
    )


@contextmanager
def write_transactions(services: AppServices) -> Iterator[list[tuple[float, float]]]:
    """(wall ms, CPU ms of this process) of every write transaction of ``services.db`` meanwhile:
    how long each held the write lock, from its BEGIN's success (a wait for another process's
    lock before it is not holding it) to the end of its commit, and how much of that was work
    rather than waiting for a busy machine's CPU."""
    holds: list[tuple[float, float]] = []
    db = services.db
    original = db.session
    began: list[tuple[float, float]] = []

    def on_begin(_conn: Any) -> None:  # after the app's own listener, which takes the lock
        began.append((time.perf_counter(), time.process_time()))

    @contextmanager
    def timed(*, write: bool = False) -> Iterator[Any]:
        began.clear()
        with original(write=write) as s:
            yield s
        if write and began:
            w0, c0 = began[0]
            holds.append(((time.perf_counter() - w0) * 1000, (time.process_time() - c0) * 1000))

    db.session = timed  # type: ignore[method-assign]
    event.listen(db.engine, "begin", on_begin)
    try:
        yield holds
    finally:
        event.remove(db.engine, "begin", on_begin)
        del db.session


# --- the measures ---------------------------------------------------------------------------------
@dataclass
class Row:
    database: str
    years: int
    bookings: int = 0
    audit: int = 0
    figures: dict[str, str] = field(default_factory=dict)


def _plan(services: AppServices, stmt: Any, params: dict[str, Any]) -> str:
    """The query plan of ``stmt``: the statement is run with EXPLAIN put in front of it."""
    prefix = "EXPLAIN (ANALYZE, COSTS OFF) " if services.db.is_postgresql else "EXPLAIN QUERY PLAN "

    def explain(_conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> Any:
        return prefix + statement, parameters

    with services.db.engine.connect() as conn:
        event.listen(conn, "before_cursor_execute", explain, retval=True)
        result = conn.execute(stmt, params)
        rows = result.cursor.fetchall()
        result.close()
    return "\n".join(" | ".join(str(c) for c in r) for r in rows)


def _seq_scans(plan: str) -> str:
    hits = [
        line.strip()
        for line in plan.splitlines()
        if "Seq Scan on bookings" in line or line.rstrip().endswith("SCAN bookings")
    ]
    return "; ".join(hits) if hits else "index scans only"


def measure(url: str, database: str, years: int, work: Path) -> Row:
    row = Row(database, years)
    services = open_office(url)
    f = row.figures
    try:
        with services.db.session() as s:
            row.bookings = s.scalar(select(func.count()).select_from(BookingRow)) or 0
            row.audit = s.scalar(text("SELECT count(*) FROM audit_log")) or 0
            admin_id = s.scalar(select(PersonRow.id).where(PersonRow.role == Role.ADMIN))
            busiest = s.execute(
                select(BookingRow.person_id, func.count())
                .where(BookingRow.person_id.is_not(None))
                .group_by(BookingRow.person_id)
                .order_by(func.count().desc())
                .limit(1)
            ).one()[0]
        assert admin_id is not None

        progress(f"{database} {years}y: audit page")

        def audit_open() -> None:
            upto = services.audit.newest_id(admin_id)
            services.audit.count(admin_id, upto_id=upto)
            services.audit.entries(admin_id, limit=200, upto_id=upto)

        f["audit page open"] = f"{median_ms(audit_open):.0f} ms"
        today = clk.local_date(services.clock())
        month = {"since": today - timedelta(days=30), "until": today}

        def audit_month() -> None:  # as the page opens: its dates say the last 30 days
            upto = services.audit.newest_id(admin_id)
            services.audit.count(admin_id, upto_id=upto, **month)
            services.audit.entries(admin_id, limit=200, upto_id=upto, **month)

        f["audit page open, last 30 days"] = f"{median_ms(audit_month):.0f} ms"

        def audit_search() -> None:
            upto = services.audit.newest_id(admin_id)
            services.audit.count(admin_id, upto_id=upto, text=SEARCH_TEXT)
            services.audit.entries(admin_id, limit=200, upto_id=upto, text=SEARCH_TEXT)

        f["audit text search"] = f"{median_ms(audit_search, repeat=3):.0f} ms"

        progress(f"{database} {years}y: feeds")
        spec = services.feeds.resolve(FeedKind.OFFICE, None)
        f["office feed"] = (
            f"{median_ms(lambda: services.feeds.write(spec, io.BytesIO(), privacy=Privacy.PUBLIC)):.0f} ms"
        )
        from satellitkontor.services.feeds.service import CANCELLED_VISIBLE_DAYS
        from satellitkontor.storage.queries import feeds as feed_queries

        today = clk.local_date(datetime.now(UTC))
        feed_params = {
            "range_start": clk.local(today - timedelta(days=30), dtime(0)),
            "range_end": clk.local(today + timedelta(days=181), dtime(0)),
            "cutoff": clk.local(today - timedelta(days=CANCELLED_VISIBLE_DAYS), dtime(0)),
        }

        def feed_query() -> None:
            with services.db.connect() as conn:
                conn.execute(feed_queries.single_bookings(FeedKind.OFFICE), feed_params).all()

        f["office feed query"] = f"{median_ms(feed_query, repeat=9):.1f} ms"
        f["feed version (ETag)"] = (
            f"{median_ms(lambda: services.feeds.version(spec, privacy=Privacy.PUBLIC), repeat=9):.1f} ms"
        )
        if services.db.is_postgresql:
            from satellitkontor.storage.queries import feeds as fq

            today = clk.local_date(datetime.now(UTC))
            params = {
                "range_start": clk.local_day_bounds(today - timedelta(days=30))[0],
                "range_end": clk.local_day_bounds(today + timedelta(days=180))[1],
            }
            try:
                f["feed version plan"] = _seq_scans(
                    _plan(services, fq.bookings_version(FeedKind.OFFICE), params)
                )
            except Exception as exc:
                f["feed version plan"] = f"(no plan: {type(exc).__name__})"
        f["my upcoming bookings"] = (
            f"{median_ms(lambda: services.occupancy.bookings_of(busiest), repeat=21):.2f} ms"
        )

        progress(f"{database} {years}y: export-ical --all")
        folder = work / "feeds"
        folder.mkdir(exist_ok=True)
        cmd = [sys.executable, "-m", "satellitkontor", "--db", url, "export-ical", "--all",
               "--folder", str(folder)]  # fmt: skip
        t0 = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        f["export-ical --all"] = f"{time.perf_counter() - t0:.2f} s" + (
            "" if done.returncode == 0 else " (failed)"
        )
        if done.returncode:
            progress(done.stderr[-500:])

        progress(f"{database} {years}y: people no longer named (plan)")
        from satellitkontor.services.privacy import retention as ret

        cutoff = retention_cutoff(
            clk.local_date(datetime.now(UTC)), services.privacy.settings().retention_months
        )
        limit = clk.local(cutoff, dtime(0))
        stmt = select(PersonRow.id).where(PersonRow.role == Role.USER, *[~n for n in ret._named_by(limit)])
        try:
            f["people no longer named (plan)"] = _seq_scans(_plan(services, stmt, {}))
        except Exception as exc:
            f["people no longer named (plan)"] = f"(no plan: {type(exc).__name__}: {exc})"

        progress(f"{database} {years}y: backup")
        target = work / "backup.sqlite3"
        from satellitkontor.services.backup import backup_office

        f["backup"] = f"{once_ms(lambda: backup_office(url, target)) / 1000:.2f} s"
        target.unlink(missing_ok=True)

        progress(f"{database} {years}y: retention preview")
        f["retention preview"] = f"{once_ms(lambda: services.privacy.retention(admin_id)) / 1000:.2f} s"

        this_year = clk.local_date(datetime.now(UTC)).year
        history = range(this_year - years - 1, this_year + 1)
        before = {y: services.statistics.usage(y) for y in history}
        progress(f"{database} {years}y: retention apply with a second process booking")
        ms, booked = apply_with_booker(services, url, admin_id, work)
        f["retention apply"] = f"{ms / 1000:.2f} s"
        f["apply: longest write transaction"] = (
            f"{booked.longest_ms:.0f} ms, {_goal(booked.longest_ms, LOCK_GOAL_MS)} "
            f"(CPU {booked.longest_cpu_ms:.0f} ms, {booked.transactions} transactions)"
        )
        f["booking alone before (worst wait)"] = (
            f"{booked.alone_worst_ms:.0f} ms ({booked.alone} booked in {ALONE_S:.0f} s, no retention yet)"
        )
        f["booking meanwhile (worst wait)"] = (
            f"{booked.worst_ms:.0f} ms, {_goal(booked.worst_ms, WAIT_GOAL_MS, below=True)} "
            f"(median {booked.median_ms:.0f}, {booked.bookings} booked, {booked.failures} failed)"
        )
        after = {y: services.statistics.usage(y) for y in history}
        changed = [y for y in history if before[y] != after[y]]
        if changed:
            raise BenchmarkError(f"{database} {years}y: statistics changed by retention for {changed}")
        f["statistics after retention"] = "identical"
        if database == "sqlite":
            f["file after apply (integrity_check)"] = _integrity(work / "office.sqlite3")
    finally:
        services.db.dispose()
    return row


def _integrity(path: Path) -> str:
    """SQLite's ``PRAGMA integrity_check`` of the office after the apply and the second process's
    bookings: an attempt with an FTS5 index broke it (tests/benchmarks/fts5_merge_check.py);
    anything but "ok" fails the run."""
    conn = sqlite3.connect(path)
    try:
        found = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
    if found != ["ok"]:
        raise BenchmarkError(f"the office file is damaged after the retention apply: {found[:5]}")
    return "ok"


def run(database: str, years: int, cache: Path, rebuild: bool) -> Row:
    work = Path(tempfile.mkdtemp(prefix="sk_hist_"))
    name = None
    try:
        if database == "sqlite":
            url = sqlite_office(cache, years, rebuild, work)
        else:
            url, name = pg_office(years, rebuild)
        db = Database(url)
        try:
            if schema.current_revision(db) != schema.head_revision():
                progress(f"{database} {years}y: upgrading the office to {schema.head_revision()}")
                schema.upgrade(db, backup=False)
        finally:
            db.dispose()
        return measure(url, database, years, work)
    finally:
        if name is not None:
            pg_drop(name)
        shutil.rmtree(work, ignore_errors=True)


def report(rows: list[Row]) -> None:
    print()
    print(f"satellitkontor history benchmark, Python {sys.version.split()[0]}")
    measures: list[str] = []
    for r in rows:
        measures += [m for m in r.figures if m not in measures]
    heads = [f"{r.database} {r.years}y" for r in rows]
    width = max([len(m) for m in measures] + [10])
    print()
    print(f"{'':<{width}}  " + "  ".join(f"{h:<22}" for h in heads))
    print(
        f"{'bookings / audit entries':<{width}}  "
        + "  ".join(f"{f'{r.bookings:,} / {r.audit:,}':<22}" for r in rows)
    )
    for m in measures:
        print(f"{m:<{width}}  " + "  ".join(f"{r.figures.get(m, '-'):<22}" for r in rows))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--booker"]:
        url, person, desk, stop = argv[1:5]
        return booker(url, int(person), int(desk), stop)
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.history_benchmark", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--years", type=int, nargs="+", default=[1, 5])
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--cache", type=Path, help="where built offices are kept")
    parser.add_argument("--rebuild", action="store_true", help="build the offices again")
    args = parser.parse_args(argv)
    cache = cache_dir(args.cache)
    rows: list[Row] = []
    failed = False
    for years in args.years:
        for database in ("sqlite", "postgresql") if args.db == "both" else (args.db,):
            try:
                rows.append(run(database, years, cache, args.rebuild))
            except BenchmarkError as exc:
                print(f"ERROR: {exc}", file=sys.stderr)
                failed = True
            except Exception:
                traceback.print_exc()
                print(f"ERROR: {database} {years}y failed", file=sys.stderr)
                failed = True
            report(rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
