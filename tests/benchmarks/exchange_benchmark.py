"""Benchmark of the Exchange push: 500 new bookings in batches, against one ``save()`` at a time.

Run from the repository root::

    python -m tests.benchmarks.exchange_benchmark [--bookings 500] [--latency-ms 20]

It starts the fake EWS server of the tests (``tests/integrations/exchange/fake_ews.py``) on
127.0.0.1 with ``--latency-ms`` added to every HTTP request (the fake's ``latency`` switch: a
sleep before each POST is answered, standing in for the network and Exchange's own time), and
counts every HTTP request it receives, whatever the answer (a handler wrapped here, so the fake
itself is unchanged; the wrapper also sets TCP_NODELAY, so that loopback's delayed ACKs do not add
~40 ms to each answer on top of the latency asked for). The real exchangelib talks to it, in one run:

* **bulk**: ``EwsBackend.push(items)`` of ``--bookings`` new bookings into one person's calendar,
  the backend built by ``settings.make_backend`` as the tests build it (Basic auth, impersonation),
  after a one-booking warm-up push into another mailbox (not measured);
* **naive**: the same bookings, as the same exchangelib ``CalendarItem`` (``ews_items.calendar_item``:
  same fields, same extended properties), each ``.save()``d on its own into another person's
  calendar, on an ``Account`` made by ``EwsConnection`` (the backend's own configuration);
* **pull**: ``backend.pull(mailbox, cursor)`` of the bulk mailbox until nothing more is waiting,
  then once more with nothing new: the requests of that last pull.

The goals of the issue: the bulk push in at most ceil(N/100) + 5 requests and at least 10x faster
than one at a time, and a pull with nothing new in one request. The script reports and does not
assert; it exits non-zero only if something is wrong (a push fails, or the mailboxes do not end up
holding the bookings).
"""

from __future__ import annotations

import argparse
import math
import socket
import sys
import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from satellitkontor.integrations.exchange.backend import PushItem, PushStatus
from satellitkontor.integrations.exchange.settings import make_backend
from tests.integrations.exchange.conftest import ANNA, BERTIL, PASSWORD, SERVICE, USER, ews_settings
from tests.integrations.exchange.fake_ews import FakeEws, _Handler
from tests.integrations.exchange.fake_store import FakeExchange

BATCH = 100  # exchangelib's items per request (the goal's ceil(N/100))


class BenchmarkError(Exception):
    """Something is wrong (not merely slow): the run fails."""


def progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


class Counter:
    """HTTP requests received by the fake server (thread-safe: the server answers in threads)."""

    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def add(self) -> None:
        with self._lock:
            self.value += 1

    def take(self) -> int:
        """The count so far, and start again from zero."""
        with self._lock:
            value, self.value = self.value, 0
            return value


def counting_server(store: FakeExchange, latency: float, counter: Counter) -> FakeEws:
    """The tests' fake EWS server with every request it receives counted."""

    class CountingHandler(_Handler):
        def setup(self) -> None:
            super().setup()
            # Headers and body go out in two writes: without this, the client's delayed ACK adds
            # ~40 ms to every answer on loopback, which would flatter the bulk push's ratio.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def do_POST(self) -> None:
            counter.add()
            super().do_POST()

        def do_GET(self) -> None:
            counter.add()
            super().do_GET()

    server = FakeEws(store, users={USER: (PASSWORD, SERVICE)}, latency=latency)
    server._server.RequestHandlerClass = CountingHandler
    return server


def bookings(n: int, mailbox: str) -> list[PushItem]:
    """``n`` desk bookings, half days on weekdays from next week on."""
    monday = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)
    items = []
    for i in range(n):
        day = monday + timedelta(days=7 * (i // 10) + (i // 2) % 5)
        start = day + timedelta(hours=4 * (i % 2))
        items.append(
            PushItem(
                booking_id=str(i + 1),
                uid=f"bench-{i + 1}@satellitkontor.umearegionen.se",
                mailbox=mailbox,
                subject=f"Kontorsplats {i % 8 + 1} – Satellitkontoret",
                start=start,
                end=start + timedelta(hours=4),
                location="Renmarkstorget 5D, 3 tr",
                body="Bokad i Satellitkontoret.",
            )
        )
    return items


@dataclass
class Run:
    requests: int
    seconds: float


def bulk_push(url: str, items: list[PushItem], counter: Counter) -> tuple[Run, Any]:
    backend = make_backend(ews_settings(url, timeout=60.0, max_wait=60.0))
    warm_up = replace(items[0], booking_id="warm-up", uid="warm-up@satellitkontor", mailbox=SERVICE)
    backend.push([warm_up])  # exchangelib's lazy imports and the connection, not measured
    counter.take()
    start = time.perf_counter()
    results = backend.push(items)
    seconds = time.perf_counter() - start
    run = Run(counter.take(), seconds)
    bad = [r for r in results if r.status is not PushStatus.CREATED]
    if bad:
        raise BenchmarkError(f"{len(bad)} of {len(items)} bulk pushes were not created: {bad[0]}")
    return run, backend


def naive_push(url: str, items: list[PushItem], counter: Counter) -> Run:
    """One CreateItem per booking: ``CalendarItem(...).save()``."""
    from exchangelib.items import SEND_TO_NONE

    from satellitkontor.integrations.exchange.ews_connection import EwsConnection
    from satellitkontor.integrations.exchange.ews_items import calendar_item

    conn = EwsConnection(ews_settings(url, timeout=60.0, max_wait=60.0))
    try:
        account = conn.account(items[0].mailbox)
        folder = conn.calendar(account)
        counter.take()
        start = time.perf_counter()
        for item in items:
            calendar_item(account, folder, item).save(send_meeting_invitations=SEND_TO_NONE)
        seconds = time.perf_counter() - start
        return Run(counter.take(), seconds)
    finally:
        conn.close()


def pull_nothing_new(backend: Any, mailbox: str, counter: Counter) -> tuple[int, int, int]:
    """(events seen by the first full pull, its requests, requests of the pull with nothing new)."""
    counter.take()
    cursor, seen, more = None, 0, True
    while more:
        result = backend.pull(mailbox, cursor)
        cursor, more = result.new_cursor, result.more_available
        seen += sum(1 for e in result.events if not e.is_deleted)
    first = counter.take()
    again = backend.pull(mailbox, cursor)
    if again.events:
        raise BenchmarkError(f"a pull with nothing new returned {len(again.events)} events")
    return seen, first, counter.take()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--bookings", type=int, default=500, help="new bookings pushed (default 500)")
    parser.add_argument(
        "--latency-ms", type=float, default=20.0, help="added to every HTTP request (default 20 ms)"
    )
    args = parser.parse_args(argv)
    n = args.bookings
    started = time.perf_counter()
    store = FakeExchange()
    for email, name in ((SERVICE, "Synkkonto"), (ANNA, "Anna Andersson"), (BERTIL, "Bertil Berg")):
        store.add_mailbox(email, name)
    counter = Counter()
    backend = None
    try:
        with counting_server(store, args.latency_ms / 1000, counter) as server:
            progress(f"bulk: pushing {n} bookings with backend.push()")
            bulk, backend = bulk_push(server.url, bookings(n, ANNA), counter)
            progress(f"naive: saving {n} bookings one CalendarItem.save() at a time")
            naive = naive_push(server.url, bookings(n, BERTIL), counter)
            for mailbox in (ANNA, BERTIL):
                held = len(store.events(mailbox))
                if held != n:
                    raise BenchmarkError(f"{mailbox} holds {held} events, not {n}")
            progress("pull: everything, then nothing new")
            seen, first_pull, idle_pull = pull_nothing_new(backend, ANNA, counter)
            if seen != n:
                raise BenchmarkError(f"the first pull saw {seen} events, not {n}")
    except BenchmarkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if backend is not None:
            backend.close()

    limit = math.ceil(n / BATCH) + 5
    ratio = naive.seconds / bulk.seconds
    print(f"Exchange push of {n} new bookings (fake EWS, {args.latency_ms:g} ms per request):")
    print(f"  backend.push (bulk)       {bulk.requests:5d} requests {bulk.seconds:8.2f} s")
    print(f"  CalendarItem.save each    {naive.requests:5d} requests {naive.seconds:8.2f} s")
    print(f"  naive / bulk              {naive.requests / max(bulk.requests, 1):7.1f} ×     {ratio:8.1f} ×")
    print(f"  first pull of the mailbox {first_pull:5d} requests ({seen} events)")
    print(f"  pull with nothing new     {idle_pull:5d} requests")
    goals = (
        (f"bulk push in at most ceil({n}/{BATCH})+5 = {limit} requests", bulk.requests <= limit),
        ("bulk push at least 10x faster than one save() at a time", ratio >= 10),
        ("a pull with nothing new costs 1 request", idle_pull == 1),
    )
    for text, met in goals:
        print(f"  goal ({text}): {'met' if met else 'MISSED'}")
    print(f"  whole benchmark {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
