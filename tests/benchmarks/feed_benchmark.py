"""Benchmark of the calendar feed: exporting 100,000 bookings, against an icalendar loop.

Run from the repository root::

    python -m tests.benchmarks.feed_benchmark [--events 100000] [--repeat 3] [--loop-repeat 1]
                                               [--privacy internal|public] [--keep PATH]

It builds an office in a SQLite file in a temporary directory (the default office, 32 more
desks, 150 people) and puts ``--events`` bookings straight into the ``bookings`` table with one
executemany on the database connection: every open day from a few years back, every desk (full days,
mornings, afternoons, both halves by different people) and the conference room (four slots with
titles), about 2 % cancelled. The database's own overlap triggers check the generator on the way
in. No series: the loop below writes one event per booking, and so must the feed to compare.

Then it writes the whole range as the office feed, each run in a fresh Python process:

* **feed**: ``FeedService.write(spec, path)``, the streamed, hand-written iCalendar, median of
  ``--repeat`` runs;
* **loop**: the straightforward way: the same rows from the same statement, one
  ``icalendar.Event`` per booking with the same properties and texts, ``cal.add_component``,
  ``cal.add_missing_timezones()``, ``cal.to_ical()`` and one write of the bytes. It takes about a
  minute for 100,000 events, so by default it runs once (``--loop-repeat`` for more).

Peak memory is that of the export alone: each child process loads its libraries and warms up
with a one-day export, then resets the kernel's peak-RSS mark (``/proc/self/clear_refs``; on
systems without it ``ru_maxrss``, an upper bound) and reports how far the export raised it.
The feed's peak is also measured for the last days that hold a tenth of the events (10,000 of
100,000), to show that it does not grow with the number of events. The goals of the issue: the
feed not slower than the loop, and its peak memory independent of the number of events. The
script reports and does not assert; it exits non-zero only if something is wrong (the two files
do not hold the same events, or an export fails).
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

from satellitkontor.domain import clock as clk
from satellitkontor.domain import municipalities
from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.people import PersonKind, Role
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.app_services import AppServices, open_office
from satellitkontor.storage.database import sqlite_url

SEED = 20261123
DESKS = 40  # the 8 of the default office and 32 more
PEOPLE = 150
CANCELLED_SHARE = 0.02
ROOM_SLOTS = (
    (dtime(8), dtime(9, 30)),
    (dtime(10), dtime(12)),
    (dtime(13), dtime(14)),
    (dtime(14, 30), dtime(16)),
)
ROOM_TITLES = ("Ledningsgrupp", "Projektmöte, del 2", "Digitalt möte; regionen", "Arbetsmöte", "Workshop")
FIRST_NAMES = ("Anna", "Erik", "Maria", "Lars", "Karin", "Åsa", "Örjan", "Sofia", "Björn", "Elin")
LAST_NAMES = ("Andersson", "Öberg", "Sjöberg", "Lindqvist", "Nordin", "Åström", "Marklund", "Holm")


class BenchmarkError(Exception):
    """Something is wrong (not merely slow): the run fails."""


def progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


# --- the office -----------------------------------------------------------------------------------
@dataclass
class Office:
    services: AppServices
    people: list[tuple[int, str, str]]  # id, municipality code, kind
    desks: list[int]
    room: int
    first: date
    last: date
    per_day: dict[date, int]


def build_office(url: str, events: int, today: date) -> Office:
    services = open_office(url)
    office = services.office
    rng = random.Random(SEED)
    admin = office.add_person(None, "Åsa Administratör", "asa.admin@umea.se", "umea", role=Role.ADMIN)
    people = []
    for i in range(PEOPLE):
        muni = rng.choice(municipalities.ALL)
        kind = PersonKind.POLITICIAN if rng.random() < 0.15 else PersonKind.EMPLOYEE
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        p = office.add_person(admin.id, name, f"person{i}@{muni.code}.se", muni.code, kind)
        people.append((p.id, p.municipality_code, p.kind.value))
    resources = office.resources()
    desks = [r.id for r in resources if r.kind is ResourceKind.DESK]
    room = next(r.id for r in resources if r.kind is ResourceKind.ROOM)
    for n in range(len(desks) + 1, DESKS + 1):
        desks.append(office.add_resource(admin.id, ResourceKind.DESK, f"Plats {n}").id)
    rows, per_day = generate(rng, people, desks, room, events, today)
    insert(services, rows)
    days = sorted(per_day)
    return Office(services, people, desks, room, days[0], days[-1], per_day)


#: The columns ``generate`` fills, in the order of its tuples.
COLUMNS = (
    "uid", "resource_id", "resource_kind", "person_id", "created_by_id", "municipality_code",
    "person_kind", "start_at", "end_at", "desk_period", "title", "participants", "status",
    "series_id", "sequence", "created_at", "updated_at", "cancelled_at",
)  # fmt: skip


def stored(moment: datetime) -> str:
    """A time as the UTCDateTime column stores it on SQLite: naive UTC text with microseconds."""
    return moment.astimezone(UTC).isoformat(" ", "microseconds")[:26]


def generate(
    rng: random.Random,
    people: list[tuple[int, str, str]],
    desks: list[int],
    room: int,
    events: int,
    today: date,
) -> tuple[list[tuple[Any, ...]], dict[date, int]]:
    """``events`` rows for the bookings table (values as stored), on open days ending 90 days
    from today, going back as far as it takes."""
    calendar = OfficeCalendar()
    rows: list[tuple[Any, ...]] = []
    per_day: dict[date, int] = {}
    now = datetime.now(UTC)
    day = today + timedelta(days=90)
    desk, room_kind = ResourceKind.DESK.value, ResourceKind.ROOM.value
    confirmed, cancelled_ = BookingStatus.CONFIRMED.value, BookingStatus.CANCELLED.value

    def add(
        day: date, resource: int, kind: str, start: str, end: str, period: str | None, title: str | None
    ) -> None:
        pid, muni, pkind = rng.choice(people)
        made = clk.local(day, dtime(7)) - timedelta(days=rng.randint(1, 30))
        cancelled = rng.random() < CANCELLED_SHARE
        changed = stored(min(made + timedelta(days=rng.randint(0, 3)), now)) if cancelled else stored(made)
        rows.append(
            (
                f"{uuid.UUID(int=rng.getrandbits(128), version=4)}@satellitkontor",
                resource,
                kind,
                pid,
                pid,
                muni,
                pkind,
                start,
                end,
                period,
                title,
                rng.randint(2, 12) if title else None,
                cancelled_ if cancelled else confirmed,
                None,
                1 if cancelled else 0,
                stored(made),
                changed,
                changed if cancelled else None,
            )
        )
        per_day[day] = per_day.get(day, 0) + 1

    while len(rows) < events:
        day -= timedelta(days=1)
        hours = calendar.hours(day)
        if hours is None:
            continue
        opens, midday = stored(clk.local(day, hours.opens)), stored(clk.local(day, dtime(12)))
        closes = stored(clk.local(day, hours.closes))
        for d in desks:
            roll = rng.random()
            if roll < 0.4:
                add(day, d, desk, opens, closes, DeskPeriod.FULL_DAY.value, None)
            if 0.4 <= roll < 0.7:
                add(day, d, desk, opens, midday, DeskPeriod.MORNING.value, None)
            if 0.55 <= roll < 0.9:
                add(day, d, desk, midday, closes, DeskPeriod.AFTERNOON.value, None)
        for start, end in ROOM_SLOTS:
            if rng.random() < 0.7:
                slot = stored(clk.local(day, start)), stored(clk.local(day, end))
                add(day, room, room_kind, *slot, None, rng.choice(ROOM_TITLES))
    del rows[events:]
    return rows, per_day


def insert(services: AppServices, rows: list[tuple[Any, ...]]) -> None:
    """One transaction, one executemany on the DBAPI cursor; the overlap triggers check every row."""
    sql = f"INSERT INTO bookings ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    with services.db.engine.begin() as conn:
        conn.exec_driver_sql(sql, rows)


# --- the two exports ------------------------------------------------------------------------------
def feed_export(services: AppServices, path: Path, first: date, last: date, privacy: Privacy) -> int:
    return services.feeds.write(FeedSpec(FeedKind.OFFICE), path, privacy=privacy, first=first, last=last)


def loop_export(services: AppServices, path: Path, first: date, last: date, privacy: Privacy) -> int:
    """The straightforward export: one icalendar.Event per booking, one to_ical() at the end."""
    from icalendar import Calendar, Event

    from satellitkontor.integrations.ical.feed_writer import FeedBooking, FeedWriter
    from satellitkontor.integrations.ical.ics_text import OFFICE_NAME, PRODID
    from satellitkontor.services.feeds.service import CANCELLED_VISIBLE_DAYS
    from satellitkontor.storage.queries import feeds as fq

    texts = FeedWriter(privacy=privacy)  # the same summary texts as the feed
    today = clk.local_date(services.feeds.now())
    params = {
        "range_start": clk.local(first, dtime(0)),
        "range_end": clk.local(last + timedelta(days=1), dtime(0)),
        "cutoff": clk.local(today - timedelta(days=CANCELLED_VISIBLE_DAYS), dtime(0)),
    }
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", services.feeds.title(FeedSpec(FeedKind.OFFICE), privacy=privacy))
    count = 0
    with services.db.connect() as conn:
        for row in conn.execute(fq.single_bookings(FeedKind.OFFICE), params):
            b = FeedBooking._make(row)
            cancelled = b.status is BookingStatus.CANCELLED
            event = Event()
            event.add("uid", b.uid)
            event.add("sequence", b.sequence)
            event.add("dtstamp", b.updated_at)
            event.add("created", b.created_at)
            event.add("last-modified", b.updated_at)
            if b.desk_period is DeskPeriod.FULL_DAY:
                day = clk.local_date(b.start)
                event.add("dtstart", day)
                event.add("dtend", day + timedelta(days=1))
            else:
                event.add("dtstart", clk.to_local(b.start))
                event.add("dtend", clk.to_local(b.end))
            event.add("summary", texts.summary(b, cancelled))
            event.add("location", f"{OFFICE_NAME}, {b.resource_name}")
            if privacy is Privacy.INTERNAL and b.participants:
                event.add("description", f"Deltagare: {b.participants}")
            event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
            count += 1
    cal.add_missing_timezones()
    path.write_bytes(cal.to_ical())
    return count


Export = Callable[[AppServices, Path, date, date, Privacy], int]


# --- measuring: each export in a process of its own ----------------------------------------------
def _status(key: str) -> int:
    """A field of /proc/self/status in KiB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise KeyError(key)


def _reset_peak() -> bool:
    """Reset the peak resident set size (VmHWM) to the current one; False where Linux cannot."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return True
    except OSError:
        return False


def child(args: argparse.Namespace) -> int:
    """One export, measured: prints "seconds count peak_mib" (peak: resident memory the export
    added above what the process held before it; the interpreter, SQLAlchemy and icalendar are
    loaded and the statements warmed up first, so that only the export is counted)."""
    import icalendar  # noqa: F401  (the loop's library, loaded before measuring)

    import satellitkontor.integrations.ical.feed_writer  # noqa: F401

    services = open_office(args.db)
    export: Export = feed_export if args.child == "feed" else loop_export
    first, last = date.fromisoformat(args.first), date.fromisoformat(args.last)
    export(services, Path(args.out), last, last, Privacy(args.privacy))  # warm-up: one day
    gc.collect()
    before = _status("VmRSS")
    exact = _reset_peak()
    start = time.perf_counter()
    count = export(services, Path(args.out), first, last, Privacy(args.privacy))
    seconds = time.perf_counter() - start
    if exact:
        peak = _status("VmHWM") - before
    else:  # ru_maxrss: a peak over the whole process, so at most an upper bound
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    services.db.dispose()
    print(f"{seconds:.6f} {count} {max(peak, 0) / 1024:.3f}")
    return 0


@dataclass
class Run:
    seconds: float
    count: int
    peak_mib: float


def measure(which: str, url: str, out: Path, first: date, last: date, privacy: Privacy) -> Run:
    cmd = [sys.executable, "-m", "tests.benchmarks.feed_benchmark", "--child", which, "--db", url]
    cmd += [
        "--out",
        str(out),
        "--first",
        first.isoformat(),
        "--last",
        last.isoformat(),
        "--privacy",
        privacy.value,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise BenchmarkError(f"the {which} export failed: {done.stderr.strip()[-2000:]}")
    seconds, count, peak = done.stdout.split()
    return Run(float(seconds), int(count), float(peak))


_UID = re.compile(rb"^UID:(.*?)\r$", re.M)


def same_events(a: Path, b: Path) -> None:
    """Both files hold the same events (by UID; UIDs are short and never folded)."""
    ua, ub = _UID.findall(a.read_bytes()), _UID.findall(b.read_bytes())
    if len(ua) != len(ub) or set(ua) != set(ub):
        raise BenchmarkError(f"the feed has {len(ua)} events, the loop {len(ub)}, or their UIDs differ")


def tenth(office: Office) -> tuple[date, date, int]:
    """The last days of the range that hold about a tenth of the bookings."""
    wanted = sum(office.per_day.values()) // 10
    total, first = 0, office.last
    for day in sorted(office.per_day, reverse=True):
        total += office.per_day[day]
        first = day
        if total >= wanted:
            break
    return first, office.last, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--events", type=int, default=100_000, help="bookings in the office (default 100,000)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of the feed export (default 3)")
    parser.add_argument(
        "--loop-repeat",
        type=int,
        default=1,
        help="runs of the icalendar loop (default 1: about a minute each)",
    )
    parser.add_argument("--privacy", choices=("internal", "public"), default="internal")
    parser.add_argument("--keep", type=Path, help="keep the SQLite file and the two .ics files here")
    for hidden in ("--child", "--db", "--out", "--first", "--last"):
        parser.add_argument(hidden, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args)
    privacy = Privacy(args.privacy)
    workdir = Path(tempfile.mkdtemp(prefix="sk-feed-bench-"))
    started = time.perf_counter()
    try:
        today = clk.local_date(clk.system_clock())
        progress(f"building an office with {args.events:,} bookings in {workdir}")
        url = sqlite_url(workdir / "office.sqlite3")
        office = build_office(url, args.events, today)
        office.services.db.dispose()
        progress(f"set up in {time.perf_counter() - started:.1f} s; {office.first} – {office.last}")
        feed_path, loop_path = workdir / "feed.ics", workdir / "loop.ics"
        first, last = office.first, office.last

        feeds = []
        for i in range(args.repeat):
            feeds.append(measure("feed", url, feed_path, first, last, privacy))
            progress(f"feed run {i + 1}: {feeds[-1].seconds:.2f} s, peak {feeds[-1].peak_mib:.1f} MiB")
        loops = []
        for i in range(args.loop_repeat):
            loops.append(measure("loop", url, loop_path, first, last, privacy))
            progress(f"loop run {i + 1}: {loops[-1].seconds:.2f} s, peak {loops[-1].peak_mib:.1f} MiB")
        if feeds[0].count != loops[0].count:
            raise BenchmarkError(f"the feed wrote {feeds[0].count} events, the loop {loops[0].count}")
        same_events(feed_path, loop_path)
        small_first, small_last, _ = tenth(office)
        smalls = [measure("feed", url, workdir / "small.ics", small_first, small_last, privacy)]

        feed_s, loop_s = (
            statistics.median(r.seconds for r in feeds),
            statistics.median(r.seconds for r in loops),
        )
        feed_peak = statistics.median(r.peak_mib for r in feeds)
        loop_peak = statistics.median(r.peak_mib for r in loops)
        small_peak = statistics.median(r.peak_mib for r in smalls)
        size = feed_path.stat().st_size / 2**20
        n, small_n = feeds[0].count, smalls[0].count
        print(f"Feed export of {n:,} events ({privacy.value} feed of the office, SQLite):")
        print(
            f"  FeedService.write      {feed_s:8.2f} s (median of {len(feeds)})   peak {feed_peak:7.1f} MiB   file {size:.1f} MiB"
        )
        print(
            f"  icalendar Event loop   {loop_s:8.2f} s (median of {len(loops)})   peak {loop_peak:7.1f} MiB"
        )
        print(
            f"  feed / loop            {feed_s / loop_s:8.3f} ×                peak {feed_peak / max(loop_peak, 0.1):7.3f} ×"
        )
        print(f"  feed peak: {small_n:,} events {small_peak:.1f} MiB, {n:,} events {feed_peak:.1f} MiB")
        flat = feed_peak <= max(small_peak * 1.5, small_peak + 4)
        verdict = "met" if feed_s <= loop_s and flat else "MISSED"
        print(f"  goal (not slower than the loop, peak independent of the count): {verdict}")
        print(f"  whole benchmark {time.perf_counter() - started:.1f} s")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for p in (workdir / "office.sqlite3", feed_path, loop_path):
                shutil.copy2(p, args.keep / p.name)
        return 0
    except BenchmarkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
