"""The day view caches the office's set-up; changes must still show when a user expects them."""

from __future__ import annotations

import time
from datetime import date

import pytest

from satellitkontor.services import office_setup
from satellitkontor.services.app_services import open_office
from satellitkontor.storage.database import sqlite_url
from tests.conftest import Office
from tests.services.helpers import TUESDAY


def test_a_closure_added_in_this_process_shows_in_the_day_view_at_once(sqlite_office: Office) -> None:
    occupancy = sqlite_office.services.occupancy
    assert occupancy.day(TUESDAY).closed is None  # the set-up is now cached
    sqlite_office.services.office.add_closure(sqlite_office.admin.id, TUESDAY, TUESDAY, "Städning")
    closed = occupancy.day(TUESDAY).closed
    assert closed is not None and closed.name == "Städning"


def test_a_desk_renamed_and_one_deactivated_show_at_once(sqlite_office: Office) -> None:
    occupancy, office = sqlite_office.services.occupancy, sqlite_office.services.office
    assert [d.resource.name for d in occupancy.day(TUESDAY).desks][:2] == ["Plats 1", "Plats 2"]
    office.update_resource(sqlite_office.admin.id, sqlite_office.desk(1).id, name="Fönsterplatsen")
    office.update_resource(sqlite_office.admin.id, sqlite_office.desk(2).id, active=False)
    names = [d.resource.name for d in occupancy.day(TUESDAY).desks]
    assert names[0] == "Fönsterplatsen" and "Plats 2" not in names and len(names) == 7


def test_a_change_from_another_pc_shows_within_the_cache_lifetime(sqlite_office: Office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Another process (here another Database object on the same file) adds a closure: the
    cached day view shows it once the cache's lifetime has passed, not before."""
    occupancy = sqlite_office.services.occupancy
    occupancy.setup.ttl = 3600.0
    assert occupancy.day(TUESDAY).closed is None
    url = sqlite_url(sqlite_office.services.db.sqlite_path)  # type: ignore[arg-type]
    other = open_office(url, clock=sqlite_office.clock)
    try:
        other.office.add_closure(sqlite_office.admin.id, TUESDAY, date(2026, 11, 25), "Flytt")
    finally:
        other.db.dispose()
    assert occupancy.day(TUESDAY).closed is None  # still cached: this is what the lifetime allows
    occupancy.setup.ttl = 0.0
    closed = occupancy.day(TUESDAY).closed
    assert closed is not None and closed.name == "Flytt"


def test_bookings_are_never_cached(sqlite_office: Office) -> None:
    from satellitkontor.domain.bookings import DeskPeriod

    occupancy = sqlite_office.services.occupancy
    occupancy.setup.ttl = 3600.0
    assert occupancy.day(TUESDAY).desks_taken == 0
    url = sqlite_url(sqlite_office.services.db.sqlite_path)  # type: ignore[arg-type]
    other = open_office(url, clock=sqlite_office.clock)
    try:
        other.booking.book_desk(sqlite_office.anna.id, sqlite_office.desk(3).id, TUESDAY, DeskPeriod.MORNING)
    finally:
        other.db.dispose()
    assert occupancy.day(TUESDAY).desks_taken == 1


def test_with_a_change_watch_a_change_from_another_pc_shows_when_heard_whatever_the_lifetime(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's change watch listens (PostgreSQL: the database's notifications; SQLite: the
    file's version): the cached set-up is kept however old, and read anew once a change is
    heard, even with a lifetime of an hour."""
    services = office.services
    occupancy = services.occupancy
    occupancy.setup.ttl = 0.0  # without the watch: read on every call
    loads: list[int] = []
    original = office_setup.load_setup
    monkeypatch.setattr(office_setup, "load_setup", lambda s: loads.append(1) or original(s))
    heard: list[int] = []
    services.changes.start(lambda: heard.append(1))
    try:
        assert services.db.setup_watched
        assert occupancy.day(TUESDAY).closed is None
        loads.clear()
        for _ in range(3):
            occupancy.day(TUESDAY)
        assert loads == []  # kept while nothing changed
        other = open_office(services.db.url.render_as_string(hide_password=False), clock=office.clock)
        try:
            other.office.add_closure(office.admin.id, TUESDAY, date(2026, 11, 25), "Flytt")
        finally:
            other.db.dispose()
        deadline = time.monotonic() + 10
        while not heard and time.monotonic() < deadline:
            time.sleep(0.05)
        closed = occupancy.day(TUESDAY).closed
        assert closed is not None and closed.name == "Flytt"
    finally:
        services.changes.close()
    assert not services.db.setup_watched
