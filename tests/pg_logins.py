"""Real PostgreSQL logins for the shared-office tests: created with ``grant_login`` (or the CLI),
named uniquely per test run, and dropped again at teardown.

Logins are cluster-wide, so each name carries the process id and a random part, and ``drop``
first removes what the login owns or was granted in the test's database (REASSIGN OWNED / DROP
OWNED) so that ``DROP ROLE`` cannot fail. The three group roles are cluster-wide too; they hold
privileges only in databases that are dropped after the tests, so they may stay (``db init``
finds them and creates nothing).
"""

from __future__ import annotations

import os
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from satellitkontor.storage.database import Database


def unique_login(label: str) -> str:
    return f"sk_{os.getpid()}_{uuid.uuid4().hex[:6]}_{label}"


def login_url(url: str, login: str) -> str:
    return make_url(url).set(username=login, password=None).render_as_string(hide_password=False)


def connect_as(url: str, login: str) -> Database:
    return Database(login_url(url, login))


def drop_logins(url: str, logins: list[str]) -> None:
    """Drop ``logins`` (those that exist), cleaning the database at ``url`` first."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for login in logins:
                exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).first()
                if exists is None:
                    continue
                quoted = '"' + login.replace('"', '""') + '"'
                conn.execute(text(f"REASSIGN OWNED BY {quoted} TO CURRENT_USER"))
                conn.execute(text(f"DROP OWNED BY {quoted}"))
                conn.execute(text(f"DROP ROLE {quoted}"))
    finally:
        engine.dispose()
