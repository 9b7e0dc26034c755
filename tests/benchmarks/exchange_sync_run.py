"""Parts of tests/benchmarks/exchange_benchmark.py: a whole ``SyncService.run`` (pull + push), and
where the bulk push spends its time.

**Whole run.** An office on SQLite (the tests' ``make_office``) whose sync is on, with
``--sync-bookings`` room bookings made in the app (pending in the outbox) and ``--sync-events``
meetings made in Outlook on the room's calendar, against the fake EWS server over HTTP with the
same latency as the push. One ``SyncService.run(backend)``: pull the room and the desk mailbox,
push the outbox, pull again, read the rooms' answers. The backend's calls are timed through a
proxy, so the figure splits into "waiting for the backend" (exchangelib + the network + the
fake server) and "the service" (the database, matching, booking, the outbox): the service's share
is what this project's code adds to the backend's own time. A second run with nothing new shows
the idle cost.

**Profile.** The bulk push under cProfile, its cumulative time cut into: exchangelib building the
SOAP request (``to_xml``/``clean``), our code building the items (``ews_items.calendar_item``),
exchangelib reading the answer, and waiting for the server's answer (socket reads; the fake server
answers in this same process, so its work competes for the interpreter's lock).
"""

from __future__ import annotations

import cProfile
import pstats
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from satellitkontor.integrations.exchange.backend import PushItem


@dataclass
class Timed:
    """A backend with its calls timed (seconds and calls per method)."""

    inner: Any
    seconds: float = 0.0
    calls: int = 0

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.inner, name)
        if name not in ("push", "pull", "status", "free_busy", "test_connection", "list_resources"):
            return value

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return value(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self.calls += 1

        return timed


@dataclass
class SyncRun:
    bookings: int
    events: int
    requests: int
    seconds: float
    backend_seconds: float
    backend_calls: int
    idle_requests: int
    idle_seconds: float


def whole_run(bookings: int, events: int, latency: float, counting_server: Callable[..., Any]) -> SyncRun:
    from satellitkontor.domain import clock as clk
    from satellitkontor.domain.errors import SatellitkontorError
    from satellitkontor.services.exchange.config import make_backend
    from satellitkontor.storage.database import sqlite_url
    from tests.benchmarks.exchange_benchmark import BenchmarkError, Counter
    from tests.conftest import MONDAY, MovableClock, make_office
    from tests.integrations.exchange.conftest import PASSWORD
    from tests.integrations.exchange.sync_helpers import BERTIL, ROOM_MAILBOX, config_for, fake_store

    store = fake_store()
    counter = Counter()
    with TemporaryDirectory() as tmp, counting_server(store, latency, counter) as server:
        clock = MovableClock(datetime(2026, 11, 23, 6, 0, tzinfo=UTC))
        office = make_office(sqlite_url(Path(tmp) / "office.db"), clock)
        sync = office.services.exchange
        config = sync.save_config(office.admin.id, config_for(server.url))
        made, day = 0, MONDAY + timedelta(days=1)
        outlook = 0
        while made < bookings or outlook < events:
            for hour in (8, 9, 10, 11):  # mornings: booked in the app
                if made < bookings:
                    start = clk.local(day, datetime.min.time().replace(hour=hour))
                    try:
                        office.services.booking.book_room(
                            office.anna.id, office.room.id, start, start + timedelta(hours=1), 4, "Möte"
                        )
                        made += 1
                    except SatellitkontorError:
                        break  # a closed day
            for hour in (13, 14, 15):  # afternoons: booked in Outlook
                if outlook < events:
                    start = clk.local(day, datetime.min.time().replace(hour=hour))
                    store.create(
                        ROOM_MAILBOX, f"Outlook {outlook + 1}", start, start + timedelta(hours=1),
                        organizer=BERTIL, send_invitations=False,
                    )  # fmt: skip
                    outlook += 1
            day += timedelta(days=1)
            if day > MONDAY + timedelta(days=85):
                raise BenchmarkError(f"only {made} bookings and {outlook} Outlook meetings fit the horizon")
        backend = Timed(make_backend(config, PASSWORD, sync.desk_mailboxes(config)))
        try:
            backend.inner.test_connection([])  # the connection and exchangelib's imports, not measured
            counter.take()
            start = time.perf_counter()
            report = sync.run(backend)
            seconds = time.perf_counter() - start
            requests = counter.take()
            if not report.ok or report.push.done != bookings:
                raise BenchmarkError(f"the sync run did not push everything: {report}")
            taken = sum(p.created for p in report.pulls)
            if taken != events:
                raise BenchmarkError(f"the sync run took in {taken} Outlook meetings, not {events}")
            run = SyncRun(bookings, events, requests, seconds, backend.seconds, backend.calls, 0, 0.0)
            start = time.perf_counter()
            sync.run(backend)
            run.idle_seconds = time.perf_counter() - start
            run.idle_requests = counter.take()
            return run
        finally:
            backend.inner.close()
            office.services.db.dispose()


def profile_bulk(url: str, items: list[PushItem], backend_for: Callable[[str], Any]) -> dict[str, float]:
    """The bulk push of ``items`` under cProfile: seconds per part (see the module docstring)."""
    backend = backend_for(url)
    try:
        warm_up = replace(items[0], booking_id="warm-up-2", uid="warm-up-2@satellitkontor")
        backend.push([warm_up])
        profile = cProfile.Profile()
        start = time.perf_counter()
        profile.enable()
        backend.push(items)
        profile.disable()
        total = time.perf_counter() - start
    finally:
        backend.close()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]

    def cumulative(path_part: str, function: str) -> float:
        return sum(v[3] for (path, _line, name), v in stats.items() if path_part in path and function in name)

    waiting = cumulative("", "method 'recv")  # the socket's recv and recv_into
    reading = cumulative("exchangelib/services/common.py", "_get_elements_in_response")
    parts = {
        "exchangelib builds the requests (CalendarItem.to_xml, clean)": cumulative(
            "exchangelib/services/create_item.py", "get_payload"
        ),
        "our code builds the items (ews_items.calendar_item)": cumulative("ews_items.py", "calendar_item"),
        "waiting for the server's answers (socket reads)": waiting,
        "exchangelib reads the answers (XML to objects)": reading,
    }
    parts["the rest"] = max(0.0, total - sum(parts.values()))
    parts["total"] = total
    return parts
