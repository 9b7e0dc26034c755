"""Benchmark of the feed server under a burst: ``--clients`` clients on 127.0.0.1 ask for the
same published feed at the same moment (a barrier), each on a connection of its own.

Run from the repository root::

    python -m tests.benchmarks.feed_server_load_benchmark [--clients 200] [--rounds 3]

It builds the default office with a week of bookings in a SQLite file in a temporary folder,
publishes the office feed and serves it with ``FeedServer`` (the settings ``serve-feeds``
uses). Per round it prints the latency of every client (connect to last byte): p50, p90 and
max, and how many got 200 or 503 (the server says "busy" rather than queue without end) or
failed. It reports and does not assert. Issue 20 measured, with the thread-per-connection
server and a listen backlog of 5: p90 9.1 s, max 30.7 s, 27 x 503 for 200 clients.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path


def one_round(host: str, port: int, path: str, clients: int) -> tuple[list[float], Counter[str]]:
    barrier = threading.Barrier(clients)
    times: list[float] = []
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()

    def client() -> None:
        barrier.wait()
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection(host, port, timeout=60)
            conn.request("GET", path)
            reply = conn.getresponse()
            reply.read()
            outcome = str(reply.status)
            conn.close()
        except OSError as exc:
            outcome = type(exc).__name__
        with lock:
            times.append(time.perf_counter() - started)
            outcomes[outcome] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    from satellitkontor.domain import clock as clk
    from satellitkontor.domain.bookings import DeskPeriod
    from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
    from satellitkontor.feeds_server.server import FeedServer
    from satellitkontor.services.feeds.publishing import feed_path
    from satellitkontor.storage.database import sqlite_url
    from tests.conftest import MovableClock, make_office

    with tempfile.TemporaryDirectory() as folder:
        office = make_office(sqlite_url(Path(folder) / "kontor.sqlite3"), MovableClock(clk.system_clock()))
        today = clk.local_date(clk.system_clock())
        for n, person in enumerate((office.anna, office.bertil, office.cecilia)):
            for d in range(1, 8):
                day = today + timedelta(days=d)
                try:
                    office.services.booking.book_desk(
                        person.id, office.desk(n + 1).id, day, DeskPeriod.FULL_DAY
                    )
                except Exception:  # a closed day: skip it
                    continue
        published = office.services.feed_publishing.publish(
            office.admin.id, FeedSpec(FeedKind.OFFICE, None), Privacy.PUBLIC
        )
        server = FeedServer(office.services, port=0).start()
        try:
            path = feed_path(published.token)
            print(f"{args.clients} clients at once, {args.rounds} rounds")
            for n in range(1, args.rounds + 1):
                times, outcomes = one_round("127.0.0.1", server.port, path, args.clients)
                deciles = statistics.quantiles(times, n=10)
                print(
                    f"round {n}: p50 {statistics.median(times):.3f} s  p90 {deciles[8]:.3f} s  "
                    f"max {max(times):.3f} s  " + "  ".join(f"{k}: {v}" for k, v in sorted(outcomes.items()))
                )
        finally:
            server.close()
            office.services.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
