"""Storage side of privacy: the ``privacy`` setting, and wiping what was removed from the file.

A value removed from SQLite (a row deleted, a title overwritten) stays in the file's free space
and in the write-ahead log until those pages are reused. ``secure_delete`` makes SQLite overwrite
it with zeros in the same transaction; ``checkpoint`` then copies the log into the file and
truncates the log, so nothing removed can be read back from either file. PostgreSQL keeps old
row versions until its (auto)vacuum reuses the space, and in its WAL and backups: that is the
server's admin's routine, described in the record of processing (resources/privacy/).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from satellitkontor.domain.privacy import SETTINGS_KEY as SETTINGS_KEY
from satellitkontor.domain.privacy import PrivacySettings
from satellitkontor.storage.database import Database
from satellitkontor.storage.models import SettingRow

_PRIVACY_VALUE = select(SettingRow.value).where(SettingRow.key == SETTINGS_KEY)

#: pg_advisory_xact_lock(PRIVACY_LOCK, 0): one retention or erasure at a time on a shared server.
PRIVACY_LOCK = 3


def load_privacy(session: Session) -> PrivacySettings:
    return PrivacySettings.from_dict(session.scalar(_PRIVACY_VALUE))


def prepare_removal(session: Session) -> None:
    """Call first in a transaction that removes personal data: overwrite what is removed (SQLite)
    and let only one such transaction run at a time (PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k, 0)"), {"k": PRIVACY_LOCK})
    else:
        # Per connection; left on afterwards: it only makes later deletes overwrite too.
        session.execute(text("PRAGMA secure_delete = ON"))


def checkpoint(db: Database, *, passive: bool = False) -> bool | None:
    """After the commit: copy SQLite's write-ahead log into the file and truncate it, so removed
    values are in neither file. True when the log is empty now, False when a reader still held it
    (it empties at the next checkpoint), None on PostgreSQL. ``passive``: copy what can be copied
    without waiting for anyone and leave the log's size alone (between a long job's transactions,
    services/privacy/pacing.py)."""
    if not db.is_sqlite or db.sqlite_path is None:
        return None
    raw = db.engine.raw_connection()
    try:
        connection: Any = raw.driver_connection
        mode = "PASSIVE" if passive else "TRUNCATE"
        busy, _log, _done = connection.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        return not busy
    finally:
        raw.close()
