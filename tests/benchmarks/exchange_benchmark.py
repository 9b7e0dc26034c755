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
  then once more with nothing new: the requests of that last pull;
* **room calendar** (``--room-events``, default 2,000, of which ``--series`` weekly series, default
  50, of ``--weeks`` occurrences each): a full pull of a room's calendar as made in Outlook, on EWS
  (the fake server over HTTP, series expanded with a calendar view) and on Graph (the fake behind
  httpx's transport, no latency), requests and seconds; then a second run over the room's and a
  desk's mailbox with nothing new: its requests per mailbox;
* **sync run** (``--sync-bookings`` app bookings pending, ``--sync-events`` Outlook meetings on the
  room): one whole ``SyncService.run`` (pull + push + pull + room answers), requests and seconds,
  split into the backend's time and the service's own (``exchange_sync_run.py``), and a second
  run with nothing new;
* **profile** of the bulk push: where its time goes (``exchange_sync_run.profile_bulk``).

The ratio bulk/naive depends on the machine's load: the latency is a sleep, the rest is CPU (the
client's and the in-process fake server's), so a loaded machine stretches the bulk push more than
it stretches the 500 round trips. The CPU seconds of both are printed beside the wall time.

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
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from satellitkontor.integrations.exchange.backend import PushItem, PushStatus
from satellitkontor.integrations.exchange.settings import make_backend
from tests.benchmarks.exchange_sync_run import profile_bulk, whole_run
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


class StoreCounter:
    """HTTP requests the fake store recorded (Graph's fake has no server to wrap)."""

    def __init__(self, store: FakeExchange) -> None:
        self.store = store
        self.base = store.count()

    def take(self) -> int:
        now, before = self.store.count(), self.base
        self.base = now
        return now - before


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
    cpu: float = 0.0  # CPU seconds of the whole process (the client and the fake server)


def bulk_push(url: str, items: list[PushItem], counter: Counter) -> tuple[Run, Any]:
    backend = make_backend(ews_settings(url, timeout=60.0, max_wait=60.0))
    warm_up = replace(items[0], booking_id="warm-up", uid="warm-up@satellitkontor", mailbox=SERVICE)
    backend.push([warm_up])  # exchangelib's lazy imports and the connection, not measured
    counter.take()
    start, cpu = time.perf_counter(), time.process_time()
    results = backend.push(items)
    seconds = time.perf_counter() - start
    run = Run(counter.take(), seconds, time.process_time() - cpu)
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
        start, cpu = time.perf_counter(), time.process_time()
        for item in items:
            calendar_item(account, folder, item).save(send_meeting_invitations=SEND_TO_NONE)
        seconds = time.perf_counter() - start
        return Run(counter.take(), seconds, time.process_time() - cpu)
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


def room_calendar(store: FakeExchange, room: str, events: int, series: int, weeks: int) -> int:
    """``events`` Outlook meetings on ``room`` (``series`` of them weekly series of ``weeks``),
    never two at once: the series hold slots 0-9 (30 minutes from 08:00) of the five weekdays of
    the first ten weeks, the single meetings the rest. Returns the occurrences in all."""
    monday = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)  # 08:00 in Umeå
    slot = timedelta(minutes=30)
    for j in range(series):
        start = monday + timedelta(days=j % 5) + (j // 5) * slot
        store.create_series(room, f"Veckomöte {j + 1}", start, start + slot, count=weeks, organizer=BERTIL)
    singles = events - series
    made, day = 0, 0
    while made < singles:
        week, weekday = divmod(day, 5)
        first = 10 if week < weeks else 0
        for n in range(first, 18):
            if made == singles:
                break
            start = monday + timedelta(days=7 * week + weekday) + n * slot
            store.create(
                room, f"Möte {made + 1}", start, start + slot, organizer=BERTIL, send_invitations=False
            )
            made += 1
        day += 1
    return singles + series * weeks


def pull_all(
    backend: Any, mailboxes: list[str], count: Callable[[], int]
) -> tuple[dict[str, str], int, int, float]:
    """A full pull of each mailbox: (cursors, events, requests, seconds)."""
    count()
    cursors, seen = {}, 0
    start = time.perf_counter()
    for mailbox in mailboxes:
        cursor, more = None, True
        while more:
            result = backend.pull(mailbox, cursor)
            cursor, more = result.new_cursor, result.more_available
            seen += sum(1 for e in result.events if not e.is_deleted)
        cursors[mailbox] = cursor or ""
    return cursors, seen, count(), time.perf_counter() - start


def room_benchmark(args: argparse.Namespace) -> list[str]:
    """The room calendar on EWS and on Graph: lines to print."""
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from tests.integrations.exchange.conftest import CLIENT_ID, DESKS, ROOM
    from tests.integrations.exchange.fake_graph import FakeGraph, graph_backend

    lines = []
    for kind in ("ews", "graph"):
        store = FakeExchange()
        store.add_mailbox(SERVICE, "Synkkonto")
        store.add_mailbox(BERTIL, "Bertil Berg")
        store.add_mailbox(ROOM, "Konferensrummet", kind="room")
        store.add_mailbox(DESKS, "Kontorsplatser", kind="desk")
        occurrences = room_calendar(store, ROOM, args.room_events, args.series, args.weeks)
        progress(f"{kind}: pulling a room calendar of {args.room_events} events ({occurrences} occurrences)")
        counter = Counter()
        if kind == "ews":
            with counting_server(store, args.latency_ms / 1000, counter) as server:
                backend = make_backend(ews_settings(server.url, timeout=120.0, max_wait=60.0))
                try:
                    cursors, seen, requests, seconds = pull_all(backend, [ROOM], counter.take)
                    _, _, again, _ = _again(backend, cursors, counter.take)
                finally:
                    backend.close()
        else:
            with TemporaryDirectory() as tmp:
                fake = FakeGraph(
                    store, client_id=CLIENT_ID, client_secret=PASSWORD, users={SERVICE: PASSWORD}
                )
                backend = graph_backend(
                    fake, Path(tmp), clock=lambda: datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
                )
                try:
                    take = StoreCounter(store).take  # Graph's requests, as the fake counts them
                    cursors, seen, requests, seconds = pull_all(backend, [ROOM], take)
                    _, _, again, _ = _again(backend, cursors, take)
                finally:
                    backend.close()
                    backend._test_client.close()  # type: ignore[attr-defined]
        if seen != occurrences:
            raise BenchmarkError(f"{kind}: the pull saw {seen} events, not {occurrences}")
        latency = f", {args.latency_ms:g} ms per request" if kind == "ews" else ", in process"
        lines.append(
            f"  {kind}: room calendar, {args.room_events} events ({args.series} weekly series){latency}: "
            f"{requests} requests {seconds:.2f} s ({seen} occurrences taken)"
        )
        lines.append(
            f"  {kind}: second run, room and desk mailbox, nothing new: {again} requests (2 mailboxes)"
        )
    return lines


def _again(backend: Any, cursors: dict[str, str], take: Callable[[], int]) -> tuple[None, None, int, None]:
    """A second run: the room from its cursor, and the desk mailbox (pulled once before)."""
    from tests.integrations.exchange.conftest import DESKS

    desk = backend.pull(DESKS, None).new_cursor
    take()
    for mailbox, cursor in (*cursors.items(), (DESKS, desk)):
        result = backend.pull(mailbox, cursor)
        if result.events:
            raise BenchmarkError(f"a second run found {len(result.events)} changes in {mailbox}")
    return None, None, take(), None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--bookings", type=int, default=500, help="new bookings pushed (default 500)")
    parser.add_argument(
        "--latency-ms", type=float, default=20.0, help="added to every HTTP request (default 20 ms)"
    )
    parser.add_argument("--room-events", type=int, default=2000, help="events on the room (default 2000)")
    parser.add_argument("--series", type=int, default=50, help="of them weekly series (default 50)")
    parser.add_argument("--weeks", type=int, default=10, help="occurrences of each series (default 10)")
    parser.add_argument(
        "--sync-bookings", type=int, default=100, help="app bookings in the sync run (default 100)"
    )
    parser.add_argument(
        "--sync-events", type=int, default=100, help="Outlook meetings in the sync run (default 100)"
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
            progress(f"profile: the bulk push of {n} bookings under cProfile")
            parts = profile_bulk(
                server.url,
                bookings(n, SERVICE),
                lambda url: make_backend(ews_settings(url, timeout=60.0, max_wait=60.0)),
            )
        room_lines = room_benchmark(args)
        progress(f"sync run: {args.sync_bookings} app bookings, {args.sync_events} Outlook meetings")
        sync = whole_run(args.sync_bookings, args.sync_events, args.latency_ms / 1000, counting_server)
    except BenchmarkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if backend is not None:
            backend.close()

    limit = math.ceil(n / BATCH) + 5
    ratio = naive.seconds / bulk.seconds
    print(f"Exchange push of {n} new bookings (fake EWS, {args.latency_ms:g} ms per request):")
    print(
        f"  backend.push (bulk)       {bulk.requests:5d} requests {bulk.seconds:8.2f} s  (CPU {bulk.cpu:.2f} s)"
    )
    print(
        f"  CalendarItem.save each    {naive.requests:5d} requests {naive.seconds:8.2f} s  (CPU {naive.cpu:.2f} s)"
    )
    print(f"  naive / bulk              {naive.requests / max(bulk.requests, 1):7.1f} ×     {ratio:8.1f} ×")
    print(f"  where the bulk push's {parts['total']:.2f} s go (under cProfile):")
    for what, secs in parts.items():
        if what != "total":
            print(f"    {what:<62} {secs:6.2f} s {100 * secs / parts['total']:4.0f} %")
    print(f"  first pull of the mailbox {first_pull:5d} requests ({seen} events)")
    print(f"  pull with nothing new     {idle_pull:5d} requests")
    for line in room_lines:
        print(line)
    service = sync.seconds - sync.backend_seconds
    print(
        f"  sync run ({sync.bookings} app bookings to push, {sync.events} Outlook meetings to take in): "
        f"{sync.requests} requests {sync.seconds:.2f} s"
    )
    print(
        f"    of which the backend {sync.backend_seconds:.2f} s ({sync.backend_calls} calls), "
        f"the service {service:.2f} s; whole run / backend alone {sync.seconds / sync.backend_seconds:.2f} ×"
    )
    print(f"  sync run with nothing new: {sync.idle_requests} requests {sync.idle_seconds:.2f} s")
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
