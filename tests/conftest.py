"""Shared fixtures: a real SQLite file per test, a real PostgreSQL database when one is reachable,
and a small office with people of every role."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The CLI and the app log to the user's log folder (satellitkontor/logs.py): not from the tests.
os.environ.setdefault("SATELLITKONTOR_LOG_DIR", tempfile.mkdtemp(prefix="satellitkontor-test-logs-"))
# ... and keep their holiday tables (domain/kept_holidays.py) in a cache folder of their own.
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="satellitkontor-test-cache-"))

from satellitkontor.domain import clock as clk
from satellitkontor.domain.people import Person, PersonKind, Role
from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.services.app_services import AppServices, open_office
from satellitkontor.storage.database import sqlite_url

#: Where the tests look for PostgreSQL: a URL to a database the tests may create databases from.
PG_ADMIN_URL = os.environ.get(
    "SATELLITKONTOR_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)

#: "Now" in most tests: Monday 23 November 2026, 07:30 in Umeå, before the office opens.
NOW = datetime(2026, 11, 23, 7, 30, tzinfo=clk.OFFICE_TZ).astimezone(UTC)
MONDAY = date(2026, 11, 23)


class MovableClock:
    """A clock a test can move: services read it on every call."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def set_local(self, day: date, at: time) -> None:
        self.moment = clk.local(day, at)

    def advance(self, **kwargs: float) -> None:
        self.moment += timedelta(**kwargs)


def _pg_admin_engine():  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed: pip install '.[test]'")
    from sqlalchemy import text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    engine = _pg_admin_engine()
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        if os.environ.get("SATELLITKONTOR_REQUIRE_PG"):
            pytest.fail(f"SATELLITKONTOR_REQUIRE_PG is set but PostgreSQL is unreachable: {exc.orig}")
        pytest.skip(
            f"no PostgreSQL server reachable at {make_url(PG_ADMIN_URL).render_as_string()}: {exc.orig}"
        )
    name = f"sk_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def _reset_pg(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def sqlite_url_(tmp_path: Path) -> str:
    return sqlite_url(tmp_path / "office.sqlite3")


@pytest.fixture
def pg_url(pg_server_url: str) -> str:
    """The session's PostgreSQL database, emptied for this test."""
    _reset_pg(pg_server_url)
    return pg_server_url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Run the test on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "office.sqlite3")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(NOW)


@dataclass
class Office:
    services: AppServices
    clock: MovableClock
    admin: Person
    reception: Person
    anna: Person  # employee, Umeå
    bertil: Person  # politician, Vindeln
    cecilia: Person  # employee, Örnsköldsvik
    desks: list[Resource]
    room: Resource

    def desk(self, n: int) -> Resource:
        return self.desks[n - 1]


def make_office(url: str, clock: MovableClock) -> Office:
    services = open_office(url, clock=clock)
    office = services.office
    admin = office.add_person(None, "Åsa Administratör", "asa.admin@umea.se", "Umeå", role=Role.ADMIN)
    reception = office.add_person(admin.id, "Rut Receptionist", "rut@umea.se", "umea", role=Role.RECEPTIONIST)
    anna = office.add_person(admin.id, "Anna Andersson", "anna.andersson@umea.se", "Umeå")
    bertil = office.add_person(
        admin.id, "Bertil Öberg", "bertil.oberg@vindeln.se", "Vindeln", PersonKind.POLITICIAN
    )
    cecilia = office.add_person(admin.id, "Cecilia Ek", "cecilia.ek@ornskoldsvik.se", "Örnsköldsvik")
    resources = office.resources()
    desks = [r for r in resources if r.kind is ResourceKind.DESK]
    room = next(r for r in resources if r.kind is ResourceKind.ROOM)
    return Office(services, clock, admin, reception, anna, bertil, cecilia, desks, room)


@pytest.fixture
def office(db_url: str, clock: MovableClock) -> Iterator[Office]:
    """The default office on SQLite and on PostgreSQL, with five people."""
    o = make_office(db_url, clock)
    yield o
    o.services.db.dispose()


@pytest.fixture
def sqlite_office(sqlite_url_: str, clock: MovableClock) -> Iterator[Office]:
    o = make_office(sqlite_url_, clock)
    yield o
    o.services.db.dispose()
