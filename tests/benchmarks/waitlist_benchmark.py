"""What the waitlist costs a release (issue 19): figures, not assertions.

Run from the repository root::

    python -m tests.benchmarks.waitlist_benchmark [--db sqlite|postgresql|both] [--bookings 200]
                                                  [--repeat 5]

Each run releases ``--bookings`` unclaimed bookings of today on desks of their own (inserted
untimed, as tests/benchmarks/plans_measures.py does) in three ways, taking turns:

* bare: ``UPDATE bookings SET status = 'cancelled'`` of the same number of rows in one transaction;
* release, nobody waiting: ``release_unclaimed`` while nobody is on today's waitlist (what every
  office pays for the waitlist: one look at the line per unit of work);
* release, all waiting: the same while as many people wait for a whole day today, so each freed
  desk is offered in the same transaction (the worst case: a hold booking, the entry, an audit
  entry per freed desk).

It prints the medians and the ratios to the bare UPDATE measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select, text

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.app_services import AppServices, open_office
from satellitkontor.storage.database import sqlite_url
from satellitkontor.storage.models import BookingRow, PersonRow, ResourceRow, WaitlistEntryRow
from tests.benchmarks.core_benchmark import PG_ADMIN_URL


def _setup(services: AppServices, n: int) -> tuple[int, list[int], list[int]]:
    office = services.office
    admin = office.add_person(None, "Bänk Admin", "bank.admin@umea.se", "Umeå", role=office_role("admin"))
    office.update_policy(admin.id, auto_release=True, no_show_grace_minutes=1)
    now = datetime.now(UTC)
    with services.db.session(write=True) as s:
        for desk in s.scalars(select(ResourceRow).where(ResourceRow.kind == ResourceKind.DESK)):
            desk.active = False  # only the benchmark's desks: the released ones are the free ones
        s.execute(
            insert(ResourceRow),
            [
                {"kind": ResourceKind.DESK, "name": f"Väntplats {i}", "equipment": [], "capacity": 1, "active": True,
                 "x": 0.0, "y": 0.0, "sort_order": 10_000 + i, "created_at": now, "updated_at": now}
                for i in range(n)
            ],
        )  # fmt: skip
        s.execute(
            insert(PersonRow),
            [
                {"name": f"Väntande {i}", "email": f"vantande{i}@umea.se", "municipality_code": "umea",
                 "kind": "employee", "role": "user", "active": True, "created_at": now, "updated_at": now}
                for i in range(2 * n)
            ],
        )  # fmt: skip
        desks = list(s.scalars(select(ResourceRow.id).where(ResourceRow.name.like("Väntplats %"))))
        people = list(s.scalars(select(PersonRow.id).where(PersonRow.name.like("Väntande %"))))
    return admin.id, desks, people


def office_role(name: str):  # type: ignore[no-untyped-def]
    from satellitkontor.domain.people import Role

    return Role(name)


def _fill(services: AppServices, desks: list[int], holders: list[int]) -> list[int]:
    start = datetime.now(UTC) - timedelta(minutes=5)
    rows = [
        {"uid": f"{uuid.uuid4()}@bench", "resource_id": d, "resource_kind": ResourceKind.DESK, "person_id": p,
         "created_by_id": p, "municipality_code": "umea", "person_kind": "employee", "start_at": start,
         "end_at": start + timedelta(hours=2), "status": BookingStatus.CONFIRMED, "sequence": 0,
         "created_at": start, "updated_at": start}
        for d, p in zip(desks, holders, strict=True)
    ]  # fmt: skip
    with services.db.session(write=True) as s:
        s.execute(insert(BookingRow), rows)
        return list(
            s.scalars(
                select(BookingRow.id).where(BookingRow.uid.like("%@bench"), BookingRow.status == "confirmed")
            )
        )


def _clear(services: AppServices) -> None:
    with services.db.session(write=True) as s:
        s.execute(text("DELETE FROM waitlist_entries"))
        s.execute(
            text("UPDATE bookings SET status = 'cancelled' WHERE status IN ('confirmed', 'checked_in')")
        )


def _wait(services: AppServices, people: list[int]) -> None:
    now = datetime.now(UTC)
    today = clk.local_date(now)
    with services.db.session(write=True) as s:
        s.execute(
            insert(WaitlistEntryRow),
            [
                {"person_id": p, "day": today, "desk_period": "full_day", "auto_book": False, "state": "waiting",
                 "created_at": now + timedelta(microseconds=i)}
                for i, p in enumerate(people)
            ],
        )  # fmt: skip


def run(url: str, n: int, repeat: int) -> dict[str, float]:
    services = open_office(url)
    try:
        admin, desks, people = _setup(services, n)
        holders, waiters = people[:n], people[n:]
        samples: dict[str, list[float]] = {"bare": [], "nobody": [], "all": []}
        for _ in range(repeat + 1):  # the first round warms up
            for kind in ("bare", "nobody", "all"):
                _clear(services)
                ids = _fill(services, desks, holders)
                if kind == "all":
                    _wait(services, waiters)
                t0 = time.perf_counter()
                if kind == "bare":
                    with services.db.engine.begin() as conn:
                        conn.execute(
                            text(
                                f"UPDATE bookings SET status = 'cancelled' WHERE id IN ({','.join(map(str, ids))})"
                            )
                        )
                else:
                    released = services.attendance.release_unclaimed(admin)
                    if len(released) != n:
                        raise RuntimeError(f"released {len(released)}, expected {n} (just after midnight?)")
                samples[kind].append(time.perf_counter() - t0)
            if kind == "all":
                with services.db.session() as s:
                    offered = s.scalar(text("SELECT COUNT(*) FROM waitlist_entries WHERE state = 'offered'"))
                if offered != n:
                    raise RuntimeError(f"{offered} offers, expected {n}")
        return {k: statistics.median(v[1:]) * 1000 for k, v in samples.items()}
    finally:
        services.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--bookings", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    urls: list[tuple[str, str]] = []
    tmp = tempfile.TemporaryDirectory()
    if args.db in ("sqlite", "both"):
        urls.append(("SQLite", sqlite_url(Path(tmp.name) / "bench.sqlite3")))
    admin_engine = None
    if args.db in ("postgresql", "both"):
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        admin_engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        name = f"sk_wl_bench_{int(time.time())}"
        with admin_engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        urls.append(
            ("PostgreSQL", make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False))
        )
    try:
        print(f"Releasing {args.bookings} unclaimed bookings, median of {args.repeat} runs (ms):")
        for label, url in urls:
            m = run(url, args.bookings, args.repeat)
            print(
                f"  {label:<10} bare UPDATE {m['bare']:8.1f} | release, nobody waiting {m['nobody']:8.1f}"
                f" ({m['nobody'] / m['bare']:.1f}x) | release, {args.bookings} waiting and offered"
                f" {m['all']:8.1f} ({m['all'] / m['bare']:.1f}x)"
            )
    finally:
        if admin_engine is not None:
            with admin_engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin_engine.dispose()
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
