"""Noticing that someone else changed the office: a cheap token to poll.

The receptionist's day view must follow bookings made in another window, another process or on
another PC sharing the database. Polling a token every couple of seconds is enough for that and
costs next to nothing:

- SQLite: ``PRAGMA data_version`` on one connection kept for the purpose. It changes whenever any
  *other* connection commits to the file (this process's own writes use other connections of the
  pool, so they count too).
- PostgreSQL: the number of bookings and the newest change time of bookings and settings. Issue
  "Shared office mode" replaces this with LISTEN/NOTIFY.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import func, select

from satellitkontor.storage.database import Database
from satellitkontor.storage.models import BookingRow, ClosureRow, ResourceRow, SettingRow


class ChangeWatch:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._raw: Any = None

    def token(self) -> tuple[object, ...]:
        """A value that differs after any committed change to the office's data."""
        if self.db.engine.dialect.name == "sqlite":
            with self._lock:
                if self._raw is None:
                    self._raw = self.db.engine.raw_connection()
                cur = self._raw.cursor()
                try:
                    cur.execute("PRAGMA data_version")
                    (version,) = cur.fetchone()
                finally:
                    cur.close()
                return (version, self.db.setup_generation)
        with self.db.session() as s:
            bookings = s.execute(select(func.count(), func.max(BookingRow.updated_at))).one()
            setup = (
                s.scalar(select(func.max(SettingRow.updated_at))),
                s.scalar(select(func.max(ResourceRow.updated_at))),
                s.scalar(select(func.count()).select_from(ClosureRow)),
            )
            return (*bookings, *setup, self.db.setup_generation)

    def close(self) -> None:
        with self._lock:
            if self._raw is not None:
                self._raw.close()
                self._raw = None
