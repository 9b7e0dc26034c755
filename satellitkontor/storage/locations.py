"""Where the database is, without importing SQLAlchemy (the app's start-up needs only this).

The order, first found wins: ``--db URL``, ``$SATELLITKONTOR_DB_URL``, the user's own setting
``database/url``, the machine-wide file's ``database/url`` (IT points every PC at the shared
PostgreSQL server there; see satellitkontor/machine_settings.py), and last the SQLite file in the
user's data folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ENV_URL = "SATELLITKONTOR_DB_URL"


def default_sqlite_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("satellitkontor", appauthor=False)) / "satellitkontor.sqlite3"


def resolve_url(url: str | None = None) -> str:
    """The database to use (see the module's docstring for the order)."""
    if url:
        return url
    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL]
    from satellitkontor.machine_settings import DATABASE_URL, configured

    return configured(DATABASE_URL) or sqlite_url(default_sqlite_path())


def sqlite_url(path: Path | str) -> str:
    return f"sqlite+pysqlite:///{Path(path).expanduser().absolute()}"


_PASSWORD = re.compile(r"^([\w+.-]+://[^/:@]*:)[^/@]*@")


def describe_url(url: str) -> str:
    """For people: a SQLite URL as its file path, any other URL without its password."""
    for prefix in ("sqlite+pysqlite:///", "sqlite:///"):
        if url.startswith(prefix) and url[len(prefix) :] not in ("", ":memory:"):
            return url[len(prefix) :].split("?", 1)[0]
    return _PASSWORD.sub(r"\1***@", url)
