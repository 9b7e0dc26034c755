"""The client processes of the shared office benchmark (shared_office_benchmark.py): bookers
that start together behind a barrier, and client B that follows the office with
``services.changes.start`` while client A books and cancels.

Each client is an OS process with its own ``AppServices``, engine and connections, as on a PC of
its own. Timestamps that cross processes are ``time.time_ns()`` (CLOCK_REALTIME, one clock for
the whole machine); durations inside one process are ``time.perf_counter()``.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import queue
import random
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from satellitkontor.domain.bookings import HOLDING_STATUSES, DeskPeriod
from satellitkontor.services.app_services import AppServices, open_office
from satellitkontor.services.change_watch import SQLITE_INTERVAL

SEED = 6_0620
CONFLICTS = ("ResourceTaken", "PersonAlreadyHasDesk")
START_TIMEOUT = 120.0  # seconds for every client process to open the office and reach the barrier
SEEN_TIMEOUT = 10.0  # seconds A waits for B to see one change before the run counts as broken
PAUSE_S = (0.020, 0.060)  # before each change of the refresh measure (SQLite: + up to one poll)


class BenchmarkError(Exception):
    """Something is wrong (not merely slow): the run fails."""


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


# --- who connects ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Identity:
    """How one client connects and who it books as (None: the person its login is mapped to)."""

    url: str
    person_id: int | None


def _person_of(services: AppServices, identity: Identity) -> int:
    if identity.person_id is not None:
        return identity.person_id
    me = services.identity.person_for_login()
    if me is None:
        raise BenchmarkError(f"the login of {identity.url} is not mapped to a person")
    return me.id


def mp_context() -> Any:
    """Fresh client processes, started quickly: on Linux from a fork server that has imported the
    app once (no engine, thread or connection exists in it yet, so nothing is shared that must not
    be); where there is none (Windows), spawned. Either way every client opens its own office."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    return ctx


# --- throughput -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Attempt:
    who: int  # index into the client's identities
    desk_id: int
    day: date
    period: DeskPeriod


def _client(
    index: int,
    identities: list[Identity],
    warmups: list[tuple[int, date]],
    plan: list[Attempt],
    barrier: Any,
    results: Any,
) -> None:
    """A client process: open one AppServices per identity (one per URL), book and cancel each
    identity's warm-up (desk, day) so that no measured call is a cold one, wait on the barrier,
    book every attempt of ``plan``; report (index, start ns, end ns, [(outcome, seconds)], error)."""
    from satellitkontor.domain.errors import SatellitkontorError

    opened: dict[str, AppServices] = {}
    try:
        services = []
        for identity in identities:
            if identity.url not in opened:
                opened[identity.url] = open_office(identity.url)
            services.append(opened[identity.url])
        people = [_person_of(s, i) for s, i in zip(services, identities, strict=True)]
        for s, person, (desk_id, day) in zip(services, people, warmups, strict=True):
            s.booking.cancel(person, s.booking.book_desk(person, desk_id, day, DeskPeriod.FULL_DAY).id)
        out: list[tuple[str, float]] = []
        barrier.wait(START_TIMEOUT)
        started = time.time_ns()
        for a in plan:
            t0 = time.perf_counter()
            try:
                services[a.who].booking.book_desk(people[a.who], a.desk_id, a.day, a.period)
                outcome = "won"
            except SatellitkontorError as err:
                outcome = type(err).__name__
            except Exception as err:
                outcome = f"error {err!r}"
            out.append((outcome, time.perf_counter() - t0))
        results.put((index, started, time.time_ns(), out, None))
    except Exception:
        barrier.abort()
        results.put((index, 0, 0, [], traceback.format_exc()))
    finally:
        for s in opened.values():
            s.close()


@dataclass
class Throughput:
    clients: int
    attempts: int = 0
    won: int = 0
    conflicts: Counter[str] = field(default_factory=Counter)
    span_s: float = 0.0
    won_latency_s: list[float] = field(default_factory=list)

    @property
    def booked_per_s(self) -> float:
        return self.won / self.span_s

    @property
    def attempts_per_s(self) -> float:
        return self.attempts / self.span_s


def run_clients(work: list[tuple[list[Identity], list[tuple[int, date]], list[Attempt]]]) -> Throughput:
    ctx = mp_context()
    barrier = ctx.Barrier(len(work))
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_client, args=(i, *job, barrier, results), name=f"client-{i + 1}")
        for i, job in enumerate(work)
    ]
    for p in procs:
        p.start()
    result = Throughput(len(work))
    starts, ends = [], []
    try:
        for _ in procs:
            try:
                index, started, ended, out, failure = results.get(timeout=START_TIMEOUT + 300)
            except queue.Empty:
                raise BenchmarkError("a client process gave no result in time") from None
            if failure is not None:
                raise BenchmarkError(f"client {index + 1} failed:\n{failure}")
            starts.append(started)
            ends.append(ended)
            for outcome, seconds in out:
                result.attempts += 1
                if outcome == "won":
                    result.won += 1
                    result.won_latency_s.append(seconds)
                elif outcome in CONFLICTS:
                    result.conflicts[outcome] += 1
                else:
                    raise BenchmarkError(f"client {index + 1}: an attempt failed: {outcome}")
        for p in procs:
            p.join(30)
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
                p.join()
        results.close()
        results.join_thread()
    result.span_s = (max(ends) - min(starts)) / 1e9
    return result


# --- refresh ----------------------------------------------------------------------------------------
def _watcher(identity: Identity, day: date, stop: Any, messages: Any) -> None:
    """Client B: follow the office with ``changes.start`` and re-read ``day`` on every call.

    Sends ("ready", ""), then ("book"|"cancel", booking id, on_change ns, refreshed ns) for each
    booking that appears in or leaves the day, and ("done", calls) when ``stop`` is set."""
    services = None
    try:
        services = open_office(identity.url)
        me = _person_of(services, identity)
        lock = threading.Lock()
        visible: set[int] = set()
        calls = 0

        def read() -> set[int]:
            occupancy = services.occupancy.day(day, viewer_id=me)
            return {b.id for r in occupancy.resources for b in r.bookings if b.status in HOLDING_STATUSES}

        def on_change() -> None:
            nonlocal visible, calls
            called = time.time_ns()
            ids = read()
            refreshed = time.time_ns()
            with lock:
                calls += 1
                for booking_id in ids - visible:
                    messages.put(("book", booking_id, called, refreshed))
                for booking_id in visible - ids:
                    messages.put(("cancel", booking_id, called, refreshed))
                visible = ids

        def on_state(online: bool) -> None:
            if not online:
                messages.put(("failed", "client B's change watch lost the database"))

        visible = read()
        services.changes.start(on_change, on_state)  # returns once it listens
        if not services.changes.online:
            raise BenchmarkError("client B's change watch could not reach the database")
        messages.put(("ready", ""))
        stop.wait(600)
        messages.put(("done", calls))
    except Exception:
        messages.put(("failed", traceback.format_exc()))
    finally:
        if services is not None:
            services.close()


@dataclass
class Refresh:
    rounds: int
    notified_ms: dict[str, list[float]] = field(default_factory=lambda: {"book": [], "cancel": []})
    refreshed_ms: dict[str, list[float]] = field(default_factory=lambda: {"book": [], "cancel": []})
    calls: int = 0


def _wait_seen(messages: Any, kind: str, booking_id: int, committed: int, result: Refresh) -> None:
    deadline = time.monotonic() + SEEN_TIMEOUT
    while True:
        try:
            msg = messages.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            raise BenchmarkError(
                f"client B did not see the {kind} of booking {booking_id} within {SEEN_TIMEOUT:g} s"
            ) from None
        if msg[0] == "failed":
            raise BenchmarkError(f"client B failed:\n{msg[1]}")
        if msg[0] == kind and msg[1] == booking_id:
            result.notified_ms[kind].append((msg[2] - committed) / 1e6)
            result.refreshed_ms[kind].append((msg[3] - committed) / 1e6)
            return
        # anything else (a late echo of an earlier change) is not this change's


def run_refresh(writer: Identity, watcher: Identity, desk_id: int, day: date, rounds: int) -> Refresh:
    ctx = mp_context()
    stop = ctx.Event()
    messages = ctx.Queue()
    b = ctx.Process(target=_watcher, args=(watcher, day, stop, messages), name="client-B")
    b.start()
    result = Refresh(rounds)
    services = None
    try:
        try:
            first = messages.get(timeout=START_TIMEOUT)
        except queue.Empty:
            raise BenchmarkError("client B did not start in time") from None
        if first[0] != "ready":
            raise BenchmarkError(f"client B failed:\n{first[1]}")
        services = open_office(writer.url)
        me = _person_of(services, writer)
        rng = random.Random(SEED + 99)
        low, high = PAUSE_S
        if services.db.is_sqlite:  # not in step with B's polls: anywhere within one interval
            high += SQLITE_INTERVAL
        for _ in range(rounds):
            time.sleep(rng.uniform(low, high))
            view = services.booking.book_desk(me, desk_id, day, DeskPeriod.FULL_DAY)
            committed = time.time_ns()
            _wait_seen(messages, "book", view.id, committed, result)
            time.sleep(rng.uniform(low, high))
            services.booking.cancel(me, view.id)
            committed = time.time_ns()
            _wait_seen(messages, "cancel", view.id, committed, result)
        stop.set()
        deadline = time.monotonic() + 30
        while True:
            msg = messages.get(timeout=max(0.01, deadline - time.monotonic()))
            if msg[0] == "done":
                result.calls = msg[1]
                break
        b.join(30)
    finally:
        stop.set()
        if services is not None:
            services.close()
        if b.is_alive():
            b.join(10)
        if b.is_alive():
            b.kill()
            b.join()
        messages.close()
        messages.join_thread()
    return result
