"""A shared office on a real PostgreSQL with real logins, for the attacks of issue 20.

``shared`` is the office of tests/storage/test_row_security.py cut down to what an attacker and
her victim need: Anna (an ordinary user) and Bertil (another user) as logins, Rut (the
receptionist) through the services her app uses. ``raw_as`` opens a plain psycopg connection as
a login, the way a user with a SQL client of her own would come in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from satellitkontor.domain.people import Role
from satellitkontor.services.app_services import AppServices
from satellitkontor.services.database_admin import grant_login
from satellitkontor.storage import pg_roles
from tests.conftest import MovableClock, Office, make_office
from tests.pg_logins import connect_as, drop_logins, login_url, unique_login


@dataclass
class Shared:
    office: Office  # the owner's (superuser's) services
    url: str
    logins: dict[str, str]
    anna: AppServices  # user: the attacker
    rut: AppServices  # receptionist: the victim

    @property
    def owner(self) -> AppServices:
        return self.office.services

    def status_of(self, booking_id: int) -> str:
        with self.owner.db.session() as s:
            return str(
                s.execute(text("SELECT status FROM bookings WHERE id = :i"), {"i": booking_id}).scalar()
            )

    def raw(self, who: str, **kwargs: Any) -> Any:
        """A psycopg connection as ``who``'s login, as a SQL client without the app."""
        import psycopg

        url = make_url(login_url(self.url, self.logins[who])).set(drivername="postgresql")
        return psycopg.connect(url.render_as_string(hide_password=False), connect_timeout=5, **kwargs)


@pytest.fixture
def shared(pg_url: str, clock: MovableClock) -> Iterator[Shared]:
    office = make_office(pg_url, clock)
    pg_roles.init_database(office.services.db)
    people = {"asa": office.admin, "rut": office.reception, "anna": office.anna, "bertil": office.bertil}
    roles = {"asa": Role.ADMIN, "rut": Role.RECEPTIONIST, "anna": Role.USER, "bertil": Role.USER}
    logins = {key: unique_login(key) for key in people}
    opened: list[AppServices] = []
    try:
        for key, person in people.items():
            grant_login(office.services.db, logins[key], email=person.email, role=roles[key])
        opened = [AppServices(connect_as(pg_url, logins[k]), clock) for k in ("anna", "rut")]
        yield Shared(office, pg_url, logins, *opened)
    finally:
        for services in opened:
            services.db.dispose()
        office.services.db.dispose()
        drop_logins(pg_url, list(logins.values()))
