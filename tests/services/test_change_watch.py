"""The change watch: every commit by anyone is heard within a second, a rollback is not, a vanished
database is reported and the watch comes back by itself (services/change_watch.py)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.people import Role
from satellitkontor.services.app_services import AppServices, open_office
from satellitkontor.services.change_watch import ChangeWatch, pg_conninfo
from satellitkontor.storage.database import Database
from satellitkontor.storage.models import PersonRow
from tests.conftest import MONDAY, Office
from tests.other_app import start_other_app
from tests.tcp_proxy import TcpProxy


class Heard:
    """What a watch reported, in order, with the time of each call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object, float]] = []
        self._cond = threading.Condition()

    def change(self) -> None:
        with self._cond:
            self.calls.append(("change", None, time.time()))
            self._cond.notify_all()

    def state(self, online: bool) -> None:
        with self._cond:
            self.calls.append(("state", online, time.time()))
            self._cond.notify_all()

    def changes(self) -> int:
        return sum(1 for kind, _, _ in self.calls if kind == "change")

    def wait(self, predicate: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return True


@pytest.fixture
def watch(office: Office) -> Iterator[tuple[ChangeWatch, Heard]]:
    heard = Heard()
    watch = ChangeWatch(office.services.db)
    watch.start(heard.change, heard.state)
    yield watch, heard
    watch.close()


def _url(services: AppServices) -> str:
    return services.db.url.render_as_string(hide_password=False)


def test_a_commit_in_another_process_is_heard_within_a_second(
    office: Office, watch: tuple[ChangeWatch, Heard]
) -> None:
    _, heard = watch
    other = start_other_app(_url(office.services), office.anna.id, office.desk(3).id, MONDAY, "full_day")
    try:
        other.go()
        committed = float(other.wait_line("committed").split()[1])
        assert heard.wait(lambda: heard.changes() >= 1, timeout=2.0), "the commit was not heard"
        latency = heard.calls[-1][2] - committed
    finally:
        other.close()
    print(f"commit -> on_change ({office.services.db.url.get_backend_name()}): {latency * 1000:.0f} ms")
    assert latency < 1.0
    assert ("state", False) not in [(k, v) for k, v, _ in heard.calls]


def test_a_rolled_back_transaction_is_not_heard(office: Office, watch: tuple[ChangeWatch, Heard]) -> None:
    _, heard = watch
    other = open_office(_url(office.services), clock=office.clock)
    try:
        with pytest.raises(RuntimeError), other.db.session(write=True) as s:
            row = s.get(PersonRow, office.anna.id)
            assert row is not None
            row.name = "Anna Ångrad"
            s.flush()  # the UPDATE has run (and PostgreSQL's trigger with it)
            raise RuntimeError("changed my mind")
        # Nothing may come: wait out three SQLite polls (a notification would arrive at once).
        assert not heard.wait(lambda: heard.changes() > 0, timeout=0.8)
        other.booking.book_desk(office.bertil.id, office.desk(2).id, MONDAY, DeskPeriod.MORNING)
        assert heard.wait(lambda: heard.changes() > 0, timeout=1.0), "a real commit must still be heard"
    finally:
        other.close()


def test_close_is_prompt_and_stops_the_calls(office: Office) -> None:
    heard = Heard()
    watch = ChangeWatch(office.services.db)
    watch.start(heard.change, heard.state)
    started = time.perf_counter()
    watch.close()
    assert time.perf_counter() - started < 0.5
    assert not any(t.name == "change-watch" and t.is_alive() for t in threading.enumerate())
    office.services.office.set_role(office.admin.id, office.anna.id, Role.RECEPTIONIST)
    assert not heard.wait(lambda: heard.changes() > 0, timeout=0.4)


def test_the_token_moves_after_a_commit_elsewhere(office: Office) -> None:
    watch = ChangeWatch(office.services.db)
    other = open_office(_url(office.services), clock=office.clock)
    try:
        before = watch.token()
        other.booking.book_desk(office.cecilia.id, office.desk(4).id, MONDAY, DeskPeriod.AFTERNOON)
        deadline = time.monotonic() + 2
        while watch.token() == before and time.monotonic() < deadline:
            time.sleep(0.02)  # a poller's loop, as the feed folder writer's
        assert watch.token() != before
    finally:
        other.close()
        watch.close()


def test_a_desk_changed_elsewhere_drops_the_setup_cache_at_once(office: Office) -> None:
    db = office.services.db
    heard = Heard()
    watch = ChangeWatch(db)
    watch.start(heard.change)
    other = open_office(_url(office.services), clock=office.clock)
    try:
        assert office.desk(1).name in _desk_names(office)  # the set-up is cached now (for 2 s)
        other.office.update_resource(office.admin.id, office.desk(1).id, name="Fönsterplatsen")
        assert heard.wait(lambda: heard.changes() > 0, timeout=1.0)
        assert "Fönsterplatsen" in _desk_names(office)  # not after the cache's 2 s: now
    finally:
        other.close()
        watch.close()


def _desk_names(office: Office) -> list[str]:
    return [r.resource.name for r in office.services.occupancy.day(MONDAY).resources]


@pytest.fixture
def office_on(clock: object) -> Iterator[Callable[[str], Office]]:
    from tests.conftest import make_office

    made: list[Office] = []

    def make(url: str) -> Office:
        o = make_office(url, clock)  # type: ignore[arg-type]
        made.append(o)
        return o

    yield make
    for o in made:
        o.services.close()


@pytest.mark.postgresql
def test_postgresql_server_gone_and_back(pg_url: str, office_on: Callable[[str], Office]) -> None:
    """Through a proxy that is cut: offline at once, online again by itself after the restore,
    and a change made during the outage is announced with the return."""
    office = office_on(pg_url)
    with TcpProxy() as proxy:
        db = Database(proxy.url_for(pg_url))
        watch = ChangeWatch(db)
        heard = Heard()
        try:
            watch.start(heard.change, heard.state)
            assert watch.online and proxy.connections == 1
            proxy.cut()
            assert heard.wait(lambda: ("state", False) in [(k, v) for k, v, _ in heard.calls], timeout=3)
            assert not watch.online
            # Meanwhile another PC books (straight to the server, not through the cut proxy).
            office.services.booking.book_desk(office.anna.id, office.desk(6).id, MONDAY, DeskPeriod.FULL_DAY)
            before = len(heard.calls)
            proxy.restore()
            watch.retry_now()
            assert heard.wait(lambda: heard.changes() > 0 and watch.online, timeout=6)
            after = [(k, v) for k, v, _ in heard.calls[before:]]
            assert after[:2] == [("state", True), ("change", None)]
        finally:
            watch.close()
            db.dispose()


def test_sqlite_file_gone_and_back(sqlite_office: Office) -> None:
    db = sqlite_office.services.db
    path = db.sqlite_path
    assert path is not None
    heard = Heard()
    watch = ChangeWatch(db)
    watch.start(heard.change, heard.state)
    aside = path.with_name("aside.sqlite3")
    try:
        os.rename(path, aside)  # the network share went away
        assert heard.wait(lambda: not watch.online, timeout=2)
        assert heard.calls[-1][:2] == ("state", False)
        os.rename(aside, path)
        assert heard.wait(lambda: watch.online and heard.changes() > 0, timeout=2)
    finally:
        if aside.exists():
            os.rename(aside, path)
        watch.close()


def test_the_connection_string_keeps_the_password_and_options() -> None:
    from psycopg.conninfo import conninfo_to_dict

    db = Database("postgresql+psycopg://bokning:hemligt%20ord@db.umea.se:6432/kontor?sslmode=require")
    try:
        info = conninfo_to_dict(pg_conninfo(db))
    finally:
        db.dispose()
    assert (info["host"], info["port"], info["dbname"]) == ("db.umea.se", "6432", "kontor")
    assert (info["user"], info["password"]) == ("bokning", "hemligt ord")
    assert info["sslmode"] == "require" and info["keepalives"] == "1"


def test_an_in_memory_database_is_watched_without_a_file() -> None:
    db = Database("sqlite://")
    watch = ChangeWatch(db)
    heard = Heard()
    try:
        watch.start(heard.change, heard.state)
        assert watch.online
        db.setup_generation += 1  # what a set-up change through this Database does
        assert heard.wait(lambda: heard.changes() > 0, timeout=1.0)
    finally:
        watch.close()
        db.dispose()


def test_a_removed_subscriber_hears_no_more(office: Office) -> None:
    """Two windows on one watch (a bound method each, as AppContext passes): one stops listening."""

    class Window:
        def __init__(self) -> None:
            self.heard = Heard()

        def on_change(self) -> None:
            self.heard.change()

    first, second = Window(), Window()
    watch = ChangeWatch(office.services.db)
    try:
        watch.start(first.on_change)
        watch.start(second.on_change)
        watch.remove(first.on_change)
        office.services.office.set_role(office.admin.id, office.bertil.id, Role.RECEPTIONIST)
        assert second.heard.wait(lambda: second.heard.changes() > 0, timeout=1.0)
        assert first.heard.changes() == 0
    finally:
        watch.close()
