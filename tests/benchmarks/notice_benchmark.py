"""Benchmark of the notices (issue 19): delivery speed, and what the outbox costs a booking.

Run from the repository root::

    python -m tests.benchmarks.notice_benchmark [--notices 1000] [--bookings 300]

In one run, on SQLite files in a temporary folder:

* **delivery**: ``--notices`` notices queued (changes made for people by the receptionist), then
  delivered by the sender to a real SMTP server on 127.0.0.1 (aiosmtpd, the tests' server, plain
  SMTP on loopback): messages per second, one transaction per notice. The server must have
  received each exactly once (checked: Message-IDs all different, as many as queued).
* **booking commit**: ``--bookings`` desk bookings made by the receptionist for others, in two
  offices alike except that one has notices on (each booking writes a notice_outbox row in its
  own transaction) and one has them off; the bookings alternate between the two offices so both
  see the same machine. The median of each and their ratio (with / without).

Figures, not assertions; it exits non-zero only if something is wrong (a notice lost or doubled).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.notices import NoticeKind
from satellitkontor.domain.people import Role
from satellitkontor.services.app_services import AppServices, open_office
from satellitkontor.services.notices.config import NoticeConfig
from satellitkontor.services.notices.queue import queue_notice
from satellitkontor.storage.models import BookingRow
from tests.conftest import MovableClock
from tests.integrations.mail.smtp_server import SmtpServer

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # a Monday morning in Umeå


class BenchmarkError(Exception):
    pass


def progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def office(path: Path, clock: MovableClock, people: int) -> tuple[AppServices, int, list[int], list[int]]:
    services = open_office(f"sqlite+pysqlite:///{path}", clock=clock)
    o = services.office
    admin = o.add_person(None, "Åsa Admin", "asa@umea.se", "Umeå", role=Role.ADMIN)
    rut = o.add_person(admin.id, "Rut Reception", "rut@umea.se", "Umeå", role=Role.RECEPTIONIST)
    ids = [o.add_person(admin.id, f"Person {n}", f"person{n}@umea.se", "Umeå").id for n in range(people)]
    desks = [r.id for r in o.resources() if r.kind.value == "desk"]
    return services, rut.id, ids, desks


def open_days(count: int) -> list[date]:
    """The next ``count`` working days after today (no weekend, holiday or eve)."""
    from satellitkontor.domain.office_calendar import eve_name, swedish_holidays

    days: list[date] = []
    day = NOW.date()
    while len(days) < count:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in swedish_holidays(day.year) and eve_name(day) is None:
            days.append(day)
    return days


def measure_bookings(folder: Path, bookings: int, port: int) -> tuple[float, float]:
    clock = MovableClock(NOW)
    on, rut_on, ids_on, desks = office(folder / "with.sqlite3", clock, 8)
    off, rut_off, ids_off, _ = office(folder / "without.sqlite3", clock, 8)
    on.notices.save_config(_admin(on), _config(port))
    slots = [(day, n) for day in open_days(bookings // len(desks) + 2) for n in range(len(desks))]
    with_times: list[float] = []
    without_times: list[float] = []
    for n, (day, desk_n) in enumerate(slots[:bookings]):
        pair = ((on, rut_on, ids_on, with_times), (off, rut_off, ids_off, without_times))
        for services, rut, ids, times in pair[:: 1 if n % 2 else -1]:  # alternate who goes first
            started = time.perf_counter()
            services.booking.book_desk(
                rut, desks[desk_n], day, DeskPeriod.FULL_DAY, for_person_id=ids[desk_n]
            )
            times.append(time.perf_counter() - started)
    queued = on.notices.status().counts.get("pending", 0)
    if queued != bookings:
        raise BenchmarkError(f"{queued} notices queued for {bookings} bookings")
    on.close()
    off.close()
    return statistics.median(with_times), statistics.median(without_times)


def _config(port: int) -> NoticeConfig:
    return NoticeConfig(
        enabled=True, sender="kontoret@umea.se", smtp_host="127.0.0.1", smtp_port=port, smtp_security="none"
    )


def _admin(services: AppServices) -> int:
    return next(p.id for p in services.office.people() if p.role is Role.ADMIN)


def measure_delivery(folder: Path, notices: int, smtp: SmtpServer) -> float:
    clock = MovableClock(NOW)
    services, rut, ids, desks = office(folder / "delivery.sqlite3", clock, 8)
    services.notices.save_config(_admin(services), _config(smtp.port))
    days = open_days(3)
    made = [
        services.booking.book_desk(rut, desks[n], days[0], DeskPeriod.FULL_DAY, for_person_id=ids[n]).id
        for n in range(len(desks))
    ]
    with services.db.session(write=True) as s:
        rows = [s.get(BookingRow, booking_id) for booking_id in made]
        for n in range(notices - len(made)):
            row = rows[n % len(rows)]
            assert row is not None
            queue_notice(s, kind=NoticeKind.CHANGED, booking=row, by_id=rut, now=NOW)
    before = len(smtp.received)
    started = time.perf_counter()
    report = services.notices.send()
    seconds = time.perf_counter() - started
    got = smtp.received[before:]
    ids_seen = {r.message["Message-ID"] for r in got}
    if report.sent != notices or len(got) != notices or len(ids_seen) != notices:
        raise BenchmarkError(
            f"sent {report.sent}, received {len(got)} ({len(ids_seen)} different) of {notices}"
        )
    services.close()
    return notices / seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--bookings", type=int, default=300)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, SmtpServer() as smtp:
        folder = Path(tmp)
        progress(f"delivering {args.notices} notices to aiosmtpd on 127.0.0.1:{smtp.port}")
        rate = measure_delivery(folder, args.notices, smtp)
        progress(f"booking {args.bookings} desks with and without the notice outbox")
        with_outbox, without = measure_bookings(folder, args.bookings, smtp.port)
    print("notice benchmark (SQLite, aiosmtpd on loopback)")
    print(f"  delivered {args.notices} notices: {rate:,.0f} messages/s, each exactly once")
    print(f"  booking commit median with the notice outbox: {with_outbox * 1000:.2f} ms")
    print(f"  booking commit median without:                {without * 1000:.2f} ms")
    print(f"  ratio with / without: {with_outbox / without:.2f}x  ({args.bookings} bookings each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
