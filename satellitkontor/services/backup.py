"""Backing up and restoring the whole office: the use cases the command line calls.

Unlike the other services these are not bound to an open office: a backup must not create or
lay out a database that is not there, and a restore may create the schema itself, inside its one
transaction (storage/backup.py says how both work). Each call opens the database by its URL and
closes it again. Who may run them is decided by the database: on SQLite whoever can write the
file, on a shared PostgreSQL server the database's owner (DBA); nobody signs in as a person.
"""

from __future__ import annotations

from pathlib import Path

from satellitkontor.services.base import connect
from satellitkontor.services.identity import IdentityService
from satellitkontor.storage import backup as storage
from satellitkontor.storage.backup import BackupSummary, OfficeSize, check_backup_file
from satellitkontor.storage.table_copy import Progress

__all__ = [
    "BackupSummary",
    "OfficeSize",
    "backup_office",
    "check_backup_file",
    "office_size",
    "restore_office",
]


def backup_office(
    url: str | None,
    file: Path,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
    named: str | None = None,
) -> BackupSummary:
    """Write the office of ``url`` (default: the configured database) to ``file``. ``named``:
    whom the command line named (``--as``); a shared office's login may not name another."""
    db = connect(url)
    try:
        IdentityService(db).check_named(named)
        return storage.backup(db, file, overwrite=overwrite, progress=progress)
    finally:
        db.dispose()


def restore_office(
    file: Path,
    url: str | None,
    *,
    replace: bool = False,
    progress: Progress | None = None,
    named: str | None = None,
    new_office: bool = False,
) -> BackupSummary:
    """Read the backup ``file`` into ``url``; an office there is only replaced when asked.
    ``new_office``: the copy is another office (a pilot beside production): it gets its own
    identity in Exchange and none of the original's ties to Exchange events."""
    db = connect(url)
    try:
        IdentityService(db).check_named(named)
        summary = storage.restore(file, db, replace=replace, progress=progress)
        if new_office:
            from satellitkontor.services.exchange import office_identity

            with db.session(write=True) as s:
                office_identity.forget(s)
        return summary
    finally:
        db.dispose()


def office_size(url: str | None, *, named: str | None = None) -> OfficeSize | None:
    """How much office ``url`` holds (None: no office at all), to ask before replacing it."""
    db = connect(url)
    try:
        IdentityService(db).check_named(named)
        return storage.office_size(db)
    finally:
        db.dispose()
