"""Benchmark of shared office mode: booking throughput of many clients, and how fast the others see it.

Run from the repository root::

    python -m tests.benchmarks.shared_office_benchmark [--db postgresql|sqlite|both]
        [--clients 20] [--attempts 50] [--desks 40] [--rounds 50] [--sqlite-rounds 10] [--owner]

It creates a throwaway PostgreSQL database ``sk_bench_shared_<pid>`` on the loopback server
(dropped at the end; the run is skipped with a message when no server answers) and/or a SQLite
file in a temporary folder, lays out the default office with ``open_office`` and measures:

* **throughput**: ``--clients`` client processes, each one person on its own connection (on
  PostgreSQL its own database login, a plain user under row-level security, as the app connects
  in shared office mode; ``--owner``: all as the database's owner, to see what row-level security
  costs), start together behind a barrier and each call
  ``services.booking.book_desk`` ``--attempts`` times on random (desk, day, morning / afternoon /
  whole day) among ``--desks`` desks and the open days of the booking horizon; some attempts lose
  (the desk is taken, or the person already has a desk then). The baseline, in the same run, is
  one client process making the same number of attempts of the same kind one after another, as
  the same number of people (one connection each), on desks of its own. Figures: bookings
  committed per second and attempts per second over the span from the first start to the last
  finish (wall clock, ``time.time_ns``, comparable across processes of one machine), conflicts,
  and p50/p95 of one ``book_desk`` call that committed (it returns after COMMIT). The ratio of the
  two rates says how much 20 clients gain over one.
* **refresh**: client B, a separate process with its own ``AppServices`` and connection, calls
  ``services.changes.start(on_change, on_state)`` and, on every call, re-reads
  ``services.occupancy.day(day)`` as a day view does on refresh. Client A (this process, its own
  ``AppServices`` and connection) books a desk, notes ``time.time_ns()`` right after
  ``book_desk`` returns (committed), waits until B has seen it, cancels it and waits again;
  ``--rounds`` times, with a random pause of 20-60 ms before each change so that B is idle when it
  comes, as a real viewer mostly is (on SQLite up to one polling interval more, so that the
  changes do not fall in step with B's polls). B notes ``time.time_ns()`` when ``on_change`` is
  entered and when its re-read returned; the figures are commit -> on_change and commit ->
  refreshed data (median, p95). B is a process of its own, not a thread of A, so that it shares no GIL, no engine
  and no connection pool with the writer, as on two PCs; ``time.time_ns`` reads CLOCK_REALTIME,
  one system-wide clock, so the two processes' stamps compare (``perf_counter`` is not promised to
  be comparable across processes). commit -> on_change can come out slightly below zero: the
  server may deliver the notification to B before A's COMMIT round trip has returned to A.
  PostgreSQL notifies through LISTEN/NOTIFY; SQLite is polled (``PRAGMA data_version``), so its
  figures are about half the polling interval, and ``--sqlite-rounds`` is smaller.

The client processes live in shared_office_clients.py. They are started from a fork server that
has imported the app once (spawned where there is none, as on Windows): 20 spawned interpreters
would spend longer importing than booking; nothing but imported modules is shared.

The script reports, it does not assert: it exits non-zero only when something is wrong (an attempt
fails otherwise than by a conflict, the database holds other bookings than the winners', a desk is
held twice at once, or B never sees a change).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from satellitkontor.domain import clock as clk
from satellitkontor.domain import municipalities
from satellitkontor.domain.bookings import HOLDING_STATUSES, DeskPeriod
from satellitkontor.domain.clock import system_clock
from satellitkontor.domain.people import Person, Role
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.app_services import AppServices, open_office
from satellitkontor.services.database_admin import grant_login
from satellitkontor.storage import pg_roles
from satellitkontor.storage.database import sqlite_url
from satellitkontor.storage.models import BookingRow
from tests.benchmarks.shared_office_clients import (
    SEED,
    Attempt,
    BenchmarkError,
    Identity,
    Refresh,
    Throughput,
    pct,
    run_clients,
    run_refresh,
)
from tests.pg_logins import drop_logins, login_url, unique_login

PG_ADMIN_URL = os.environ.get(
    "SATELLITKONTOR_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
PERIODS = (DeskPeriod.MORNING, DeskPeriod.AFTERNOON, DeskPeriod.FULL_DAY)

OVERLAPS_SQL = text(
    "SELECT COUNT(*) FROM bookings a JOIN bookings b ON a.id < b.id"
    " AND (a.resource_id = b.resource_id OR (a.person_id = b.person_id"
    " AND a.resource_kind = 'desk' AND b.resource_kind = 'desk'))"
    " AND a.start_at < b.end_at AND b.start_at < a.end_at"
    " WHERE a.status IN ('confirmed', 'checked_in') AND b.status IN ('confirmed', 'checked_in')"
)


def progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


# --- who connects ---------------------------------------------------------------------------------
class Logins:
    """On PostgreSQL a database login per client, made as IT makes them (``db init``, ``db grant``:
    a plain user, row-level security on) and dropped at the end; on SQLite, or with ``--owner``,
    every client uses the owner's URL with a person of its own."""

    def __init__(self, services: AppServices, url: str, owner: bool) -> None:
        self.services, self.url = services, url
        self.created: list[str] = []
        self.logins = services.db.is_postgresql and not owner
        if not services.db.is_postgresql:
            self.note = "SQLite: every client opens the same file"
        elif owner:
            self.note = "every client as the database's owner (--owner: no row-level security)"
        else:
            pg_roles.init_database(services.db)
            self.note = "a database login per client (row-level security on)"

    def identity(self, person: Person) -> Identity:
        if not self.logins:
            return Identity(self.url, person.id)
        self.created.append(unique_login(f"bench{len(self.created) + 1}"))
        grant_login(self.services.db, self.created[-1], email=person.email, role=Role.USER)
        return Identity(login_url(self.url, self.created[-1]), None)

    def drop(self) -> None:
        if self.created:
            drop_logins(self.url, self.created)


# --- throughput -----------------------------------------------------------------------------------
def plans(
    rng: random.Random, people: int, attempts: int, desks: list[int], days: list[date]
) -> list[list[Attempt]]:
    """``attempts`` random attempts for each of ``people`` people (who = the person's index)."""
    return [
        [Attempt(i, rng.choice(desks), rng.choice(days), rng.choice(PERIODS)) for _ in range(attempts)]
        for i in range(people)
    ]


def check_held(services: AppServices, desks: list[int], won: int, label: str) -> None:
    with services.db.session() as s:
        held = s.scalar(
            select(func.count())
            .select_from(BookingRow)
            .where(BookingRow.resource_id.in_(desks), BookingRow.status.in_(HOLDING_STATUSES))
        )
        overlaps = s.scalar(OVERLAPS_SQL)
    if held != won:
        raise BenchmarkError(f"{label}: the database holds {held} bookings, the clients won {won}")
    if overlaps:
        raise BenchmarkError(f"{label}: {overlaps} pairs of bookings overlap on one desk or person")


# --- one database ----------------------------------------------------------------------------------
@dataclass
class Result:
    database: str
    skipped: str | None = None
    baseline: Throughput | None = None
    concurrent: Throughput | None = None
    refresh: Refresh | None = None
    logins: str = ""
    desks: int = 0
    days: int = 0


def add_people(services: AppServices, admin: int, label: str, count: int) -> list[Person]:
    towns = [m.code for m in municipalities.ALL]
    return [
        services.office.add_person(
            admin, f"{label} {i + 1}", f"{label.lower()}{i + 1}@{towns[i % 7]}.se", towns[i % 7]
        )
        for i in range(count)
    ]


def run_one(url: str, name: str, args: argparse.Namespace, rounds: int) -> Result:
    result = Result(name, desks=args.desks)
    progress(f"{name}: building the office")
    services = open_office(url)
    logins = Logins(services, url, args.owner)
    try:
        office = services.office
        admin = office.add_person(None, "Åsa Administratör", "asa.admin@umea.se", "umea", role=Role.ADMIN)
        today = clk.local_date(system_clock())
        policy = office.policy()
        days = list(
            policy.calendar().open_days(
                today + timedelta(days=1), today + timedelta(days=policy.horizon_days)
            )
        )
        result.days = len(days)
        groups = [
            [office.add_resource(admin.id, ResourceKind.DESK, f"{g} {n + 1}").id for n in range(args.desks)]
            for g in ("Ensam", "Samtidig")
        ]
        warmup_desk = office.add_resource(admin.id, ResourceKind.DESK, "Uppvärmning").id
        warmups = [(warmup_desk, days[-1 - i % len(days)]) for i in range(args.clients)]
        result.logins = logins.note
        rng = random.Random(SEED)

        # (a) throughput: one client with all the people, then one client per person
        base_people = add_people(services, admin.id, "Ensam", args.clients)
        base_ids = [logins.identity(p) for p in base_people]
        base_plan = plans(rng, args.clients, args.attempts, groups[0], days)
        interleaved = [a for turn in zip(*base_plan, strict=True) for a in turn]
        progress(f"{name}: 1 client, {len(interleaved)} attempts")
        result.baseline = run_clients([(base_ids, warmups, interleaved)])
        check_held(services, groups[0], result.baseline.won, f"{name}, 1 client")

        conc_people = add_people(services, admin.id, "Samtidig", args.clients)
        conc_ids = [logins.identity(p) for p in conc_people]
        conc_plan = plans(rng, args.clients, args.attempts, groups[1], days)
        work = [([ident], [warmup], [Attempt(0, a.desk_id, a.day, a.period) for a in plan])
                for ident, warmup, plan in zip(conc_ids, warmups, conc_plan, strict=True)]  # fmt: skip
        progress(f"{name}: {args.clients} clients, {args.clients * args.attempts} attempts")
        result.concurrent = run_clients(work)
        check_held(services, groups[1], result.concurrent.won, f"{name}, {args.clients} clients")

        # (b) commit -> the other client's refresh
        if rounds > 0:
            a, b = (
                add_people(services, admin.id, "Skrivare", 1)[0],
                add_people(services, admin.id, "Tittare", 1)[0],
            )
            desk = next(r.id for r in office.resources() if r.kind is ResourceKind.DESK)
            progress(f"{name}: refresh, {rounds} bookings and cancellations")
            result.refresh = run_refresh(logins.identity(a), logins.identity(b), desk, days[0], rounds)
    finally:
        services.close()
        logins.drop()
    return result


def run_sqlite(args: argparse.Namespace) -> Result:
    tmp = tempfile.mkdtemp(prefix="sk_bench_shared_")
    try:
        return run_one(sqlite_url(Path(tmp) / "office.sqlite3"), "sqlite", args, args.sqlite_rounds)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def pg_database() -> Iterator[str | Result]:
    """A throwaway database on the server (its URL), or a skipped Result when there is none."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        yield Result("postgresql", skipped="psycopg is not installed (pip install '.[test]')")
        return
    from sqlalchemy.exc import OperationalError

    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    where = make_url(PG_ADMIN_URL).render_as_string(hide_password=True)
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        admin.dispose()
        first = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        yield Result("postgresql", skipped=f"no PostgreSQL server reachable at {where}: {first}")
        return
    name = f"sk_bench_shared_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_postgresql(args: argparse.Namespace) -> Result:
    with pg_database() as url:
        if isinstance(url, Result):
            return url
        return run_one(url, "postgresql", args, args.rounds)


# --- the report ------------------------------------------------------------------------------------
def report(results: list[Result], args: argparse.Namespace) -> None:
    print()
    print(
        f"satellitkontor shared office benchmark: {args.clients} clients x {args.attempts} attempts "
        f"against 1 client x {args.clients * args.attempts}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs"
    )
    for r in results:
        if r.skipped:
            print(f"{r.database}: skipped: {r.skipped}")
    done = [r for r in results if r.baseline and r.concurrent]
    if done:
        print()
        head = (
            f"{'database':<11} {'clients':>7} {'attempts':>8} {'booked':>6} {'conflicts':>9} "
            f"{'span s':>6} {'booked/s':>8} {'attempts/s':>10} {'p50 ms':>7} {'p95 ms':>7}"
        )
        print(head)
        print("-" * len(head))
        for r in done:
            for t in (r.baseline, r.concurrent):
                assert t is not None
                print(
                    f"{r.database:<11} {t.clients:>7} {t.attempts:>8} {t.won:>6} {sum(t.conflicts.values()):>9} "
                    f"{t.span_s:>6.2f} {t.booked_per_s:>8.1f} {t.attempts_per_s:>10.1f} "
                    f"{pct(t.won_latency_s, 0.5) * 1000:>7.2f} {pct(t.won_latency_s, 0.95) * 1000:>7.2f}"
                )
        print()
        for r in done:
            assert r.baseline and r.concurrent
            ratio = r.concurrent.booked_per_s / r.baseline.booked_per_s
            attempts_ratio = r.concurrent.attempts_per_s / r.baseline.attempts_per_s
            print(
                f"{r.database}: {r.concurrent.clients} clients commit {ratio:.2f}x the bookings per second of "
                f"1 client ({attempts_ratio:.2f}x the attempts); conflicts "
                f"{dict(r.concurrent.conflicts)} vs {dict(r.baseline.conflicts)}"
            )
            print(f"{r.database}: {r.desks} desks per run over {r.days} open days; clients: {r.logins}")
    refreshed = [r for r in results if r.refresh]
    if refreshed:
        print()
        head = (
            f"{'database':<11} {'change':<7} {'samples':>7} {'->on_change median':>18} {'p95 ms':>7} "
            f"{'->refreshed median':>18} {'p95 ms':>7}"
        )
        print(head)
        print("-" * len(head))
        for r in refreshed:
            f = r.refresh
            assert f is not None
            for kind in ("book", "cancel"):
                n, d = f.notified_ms[kind], f.refreshed_ms[kind]
                print(
                    f"{r.database:<11} {kind:<7} {len(n):>7} {statistics.median(n):>15.2f} ms {pct(n, 0.95):>7.2f} "
                    f"{statistics.median(d):>15.2f} ms {pct(d, 0.95):>7.2f}"
                )
        for r in refreshed:
            f = r.refresh
            assert f is not None
            both = f.refreshed_ms["book"] + f.refreshed_ms["cancel"]
            print(
                f"{r.database}: commit -> B's refreshed day view, all {len(both)} changes: median "
                f"{statistics.median(both):.2f} ms, p95 {pct(both, 0.95):.2f} ms; on_change called "
                f"{f.calls} times for {2 * f.rounds} changes"
            )
    print()
    print(
        "p50/p95 = one book_desk call that committed (rules, locks, overlap checks, insert, audit,\n"
        "COMMIT). span = first client's start after the barrier to the last client's end.\n"
        "commit = time.time_ns() in A right after book_desk/cancel returned; on_change = entry of B's\n"
        "callback; refreshed = B's occupancy.day re-read returned with the change in it."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.shared_office_benchmark", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--clients", type=int, default=20, help="concurrent client processes (default 20)")
    parser.add_argument("--attempts", type=int, default=50, help="booking attempts per client (default 50)")
    parser.add_argument("--desks", type=int, default=40, help="desks each throughput run books (default 40)")
    parser.add_argument(
        "--rounds", type=int, default=50, help="bookings (and cancellations) B follows (default 50)"
    )
    parser.add_argument(
        "--sqlite-rounds", type=int, default=10, help="the same on SQLite, which is polled (default 10)"
    )
    parser.add_argument(
        "--owner",
        action="store_true",
        help="PostgreSQL: every client as the database's owner instead of a login of its own",
    )
    args = parser.parse_args(argv)
    if min(args.clients, args.attempts, args.desks) < 1 or min(args.rounds, args.sqlite_rounds) < 0:
        parser.error("--clients, --attempts and --desks must be at least 1, the rounds at least 0")

    results: list[Result] = []
    failed = False
    for name in ("postgresql", "sqlite") if args.db == "both" else (args.db,):
        try:
            results.append(run_postgresql(args) if name == "postgresql" else run_sqlite(args))
        except BenchmarkError as exc:
            print(f"ERROR: {exc}", file=sys.stderr)
            failed = True
        except Exception:
            traceback.print_exc()
            print(f"ERROR: the {name} benchmark failed", file=sys.stderr)
            failed = True
    report(results, args)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
