"""Where the database is, without importing SQLAlchemy (the app's start-up needs only this)."""

from __future__ import annotations

import os
from pathlib import Path

ENV_URL = "SATELLITKONTOR_DB_URL"


def default_sqlite_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("satellitkontor", appauthor=False)) / "satellitkontor.sqlite3"


def resolve_url(url: str | None = None) -> str:
    """The database to use: the given URL, else ``$SATELLITKONTOR_DB_URL``, else the default file."""
    if url:
        return url
    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL]
    return sqlite_url(default_sqlite_path())


def sqlite_url(path: Path | str) -> str:
    return f"sqlite+pysqlite:///{Path(path).expanduser().absolute()}"
