"""Backing up the whole office to one file, and reading it back into any database.

Decisions:

- **The backup is a SQLite database at the newest schema**, made by our own migrations. One file
  that can be kept, copied or mailed; readable anywhere and for years (the ``sqlite3`` shell,
  Python, DB Browser); the same column types as our SQLite mode, so nothing is translated into a
  format of its own; and a backup from an older version is upgraded by the same migrations as any
  office file. A copy of it is a working office too: ``satellitkontor --db sqlite:///COPY`` opens
  it (the file itself would then change, and its checksum no longer match). It
  holds every row of every table of the models (the audit trail, feed tokens, Exchange sync rows,
  people-count adjustments and database logins too); its ``alembic_version`` is only the stamp
  the migrations left.
- **One consistent snapshot.** From SQLite to the backup file, SQLite's own backup API copies the
  pages in one step, one read transaction (in WAL mode a snapshot that does not stop writers);
  a copy whose free pages hold anything is vacuumed, so no removed value rides along
  (``_copy_sqlite``, storage/free_pages.py).
  PostgreSQL is read in one REPEATABLE READ, READ ONLY transaction; tables are
  copied in foreign-key order (``Base.metadata.sorted_tables``) in batches, with a progress
  callback (rows done, rows in all). Values pass through the models' column types, so times stay
  instants, JSON stays values and booleans booleans; PostgreSQL is written with COPY.
- **No half-written backup.** The file is written under a temporary name in the same folder and
  renamed when it is complete; an existing file is only replaced when asked.
- **A backup carries a checksum** (storage/backup_seal.py: SHA-256 over the file's bytes since
  0019, over its rows before), written when the backup is complete and checked before a restore
  reads anything. Bytes changed by a disk, a mail program or a person make a restore refuse
  (``BackupChecksumWrong``) instead of bringing odd rows back; backups from before the checksum
  are restored without it. It finds damage, not a forger: whoever edits the file can compute
  the sum again, which is why a
  restore also **checks the rows against the domain's rules** before it writes anything: every
  date and time within ``clock.FIRST_DAY``..``LAST_DAY`` (a booking in the year 9999 made
  ``mine`` overflow), the booking rules readable by ``BookingPolicy`` (``horizon_days: -5``
  made ``occupancy`` refuse to run), no booking that ends before it starts
  (``BackupBreaksRules``).
- **Nothing personal is left by a killed run.** A backup killed while writing leaves its
  ``.NAME.PID-xxxx.partial`` (with -wal/-shm) beside the file; a restore killed while reading
  leaves its copy in ``satellitkontor-restore-PID-xxxx`` in the system's temporary folder.
  Both name the process that made them: every backup and restore (and the retention run)
  first removes those whose process is gone (``remove_leftovers``).
- **Restore is one transaction**: the target's rows are removed and the backup's inserted with
  their ids, so a failure anywhere (a damaged row, a lost connection) leaves the old office as it
  was. The audit trail refuses DELETE (migration 0003), so the rows go another way: PostgreSQL
  empties the tables with TRUNCATE, which fires no row trigger (it also takes the tables'
  exclusive locks: other PCs wait until the restore is done); SQLite drops a table's triggers,
  empties it and creates them again from their own SQL, all inside the transaction, so no other
  connection ever sees the table without them. The triggers and constraints of the target stay
  what its migrations made (overlap guards, append-only audit trail, notifications, row-level
  security and grants), and PostgreSQL's sequences are set past the highest ids afterwards.
- **What counts as an office**: a person or a booking. A new database may hold only the default
  desks the app lays out on its first start; those are replaced without ``--replace``.
- **Row-level security**: both directions run with ``row_security = off``, which makes
  PostgreSQL refuse a query that a policy would cut short instead of silently hiding rows. A
  login that may not see or write everything gets an error, never a partial backup: backup and
  restore of a shared office are for the database's owner (DBA).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as time_of_day
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, func, inspect, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import (
    BackupBreaksRules,
    BackupChecksumWrong,
    BackupDamaged,
    BackupFileExists,
    BackupFileMissing,
    BackupFolderMissing,
    BackupFolderNotWritable,
    BackupNeedsOwner,
    BackupTooNew,
    DatabaseRefused,
    InvalidInput,
    NoOfficeToBackUp,
    NotABackup,
    RestoreFailed,
    RestoreTargetNotEmpty,
)
from satellitkontor.storage import backup_seal, free_pages, schema
from satellitkontor.storage.backup_leftovers import RESTORE_PREFIX as RESTORE_PREFIX
from satellitkontor.storage.backup_leftovers import remove_leftovers as remove_leftovers
from satellitkontor.storage.backup_seal import CHECKSUM_TABLE
from satellitkontor.storage.database import Database, sqlite_url
from satellitkontor.storage.models import Base

#: ``progress(rows_done, rows_in_all)``, called after every batch.
from satellitkontor.storage.table_copy import (
    Progress,
    create_schema,
    lock_tables,
    replace_rows,
)

SQLITE_BUSY_TIMEOUT_S = 15.0
SQLITE_HEADER = b"SQLite format 3\x00"
#: A database with rows in one of these holds an office (see the module docstring).
OFFICE_TABLES = ("people", "bookings")
#: Tables a file must have to be one of our backups (any revision).
_BACKUP_TABLES = {"alembic_version", "municipalities", "people", "resources", "bookings"}
#: The temporary folder of a restore's copy: ``satellitkontor-restore-PID-xxxx``.
#: PostgreSQL's "insufficient privilege" (also raised when row-level security would hide rows).
_INSUFFICIENT_PRIVILEGE = "42501"


@dataclass(frozen=True, slots=True)
class BackupSummary:
    """What a backup wrote or a restore read: rows per table, and from/to where."""

    file: Path
    where: str
    revision: str
    rows: Mapping[str, int]
    seconds: float
    #: Restore only: the older schema revision the backup had before it was upgraded.
    upgraded_from: str | None = None

    def count(self, table: str) -> int:
        return self.rows.get(table, 0)

    @property
    def people(self) -> int:
        return self.count("people")

    @property
    def bookings(self) -> int:
        return self.count("bookings")

    @property
    def resources(self) -> int:
        return self.count("resources")

    @property
    def audit_entries(self) -> int:
        return self.count("audit_log")

    @property
    def total(self) -> int:
        return sum(self.rows.values())


@dataclass(frozen=True, slots=True)
class OfficeSize:
    people: int
    bookings: int

    @property
    def empty(self) -> bool:
        return not (self.people or self.bookings)


# --- backup ----------------------------------------------------------------------------------------
def backup(
    source: Database, file: Path | str, *, overwrite: bool = False, progress: Progress | None = None
) -> BackupSummary:
    """Write the whole office of ``source`` to ``file`` (see the module docstring)."""
    started = time.perf_counter()
    path = Path(file).expanduser().absolute()
    if not path.parent.is_dir():
        raise BackupFolderMissing(path=path.parent)
    if path.is_dir() or (path.exists() and not overwrite):
        raise BackupFileExists(path=path)
    remove_leftovers(path.parent)
    partial = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.partial")
    try:  # a folder we may not write in is the file's problem, not the database's
        partial.touch(exist_ok=False)
    except OSError as exc:
        raise BackupFolderNotWritable(path=path.parent, detail=exc.strerror or str(exc)) from exc
    try:
        with _owner_rights(source):
            _check_source(source)
            if source.sqlite_path is not None:
                rows = _copy_sqlite(source.sqlite_path, partial, progress)
            else:
                out = Database(sqlite_url(partial))
                try:
                    schema.upgrade(out, backup=False)
                    with _snapshot(source) as src, _writing(out) as dst:
                        rows = replace_rows(src, dst, progress=progress)
                finally:
                    out.dispose()
        _make_self_contained(partial)
        _vacuum_unless_blank(partial)
        backup_seal.seal(partial)
        if path.exists() and not overwrite:  # made meanwhile by someone else
            raise BackupFileExists(path=path)
        os.replace(partial, path)
    except BaseException:
        remove_sqlite_file(partial)
        raise
    return BackupSummary(path, source.describe(), schema.head_revision(), rows, _since(started))


def _check_source(source: Database) -> None:
    if source.sqlite_path is not None and not source.sqlite_path.is_file():
        raise NoOfficeToBackUp(where=source.describe())
    revision = schema.current_revision(source)
    if revision is None:
        if source.is_postgresql and not _may_use_schema(source):
            raise BackupNeedsOwner(where=source.describe(), detail="no USAGE on the schema")
        raise NoOfficeToBackUp(where=source.describe())
    if revision != schema.head_revision():
        # SQLite: upgraded after a copy aside, as on any start; PostgreSQL: SchemaOutdated, its
        # admin upgrades it; a newer one: SchemaTooNew.
        schema.prepare(source)


def _may_use_schema(db: Database) -> bool:
    """PostgreSQL hides the tables of a schema the login may not use: not "no office"."""
    with db.connect() as conn:
        return bool(conn.scalar(text("SELECT has_schema_privilege(current_schema(), 'USAGE')")))


def _copy_sqlite(source: Path, partial: Path, progress: Progress | None) -> dict[str, int]:
    """SQLite to SQLite: SQLite's own backup API copies the pages in one step, which is one read
    transaction and so one snapshot (in WAL mode writers go on meanwhile); the source is at the
    head schema already (``_check_source``), so the copy is too. Free pages of the source may
    still hold values removed before ``secure_delete`` was on: a copy where one holds anything
    is vacuumed (``_vacuum_unless_blank``), so that, as with a copy row by row, only live rows
    reach the backup. 21.7 s row by row at 5
    years of history, 64.7 s at 20 (issue 18); this way about a second."""
    src = sqlite3.connect(source, timeout=SQLITE_BUSY_TIMEOUT_S, isolation_level=None)
    dst = sqlite3.connect(partial, isolation_level=None)
    try:
        src.execute("BEGIN")  # the snapshot: the counts and the pages of one moment
        rows = {
            table.name: int(src.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0])
            for table in Base.metadata.sorted_tables
        }
        total = sum(rows.values())
        if progress is not None:
            progress(0, total)
        src.backup(dst)  # pages=-1: everything in one step, inside the read transaction
        src.execute("COMMIT")
        # an office opened from a backup file carries that backup's checksum: this one gets its own
        dst.execute("PRAGMA secure_delete = ON")
        dst.execute(f"DROP TABLE IF EXISTS {CHECKSUM_TABLE}")
    finally:
        dst.close()
        src.close()
    if progress is not None:
        progress(total, total)
    return rows


def _make_self_contained(path: Path) -> None:
    """Rollback-journal mode: the WAL is written back and the file alone is the whole backup."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def _vacuum_unless_blank(path: Path) -> None:
    """VACUUM the backup file when a free page of it holds anything (storage/free_pages.py)."""
    if free_pages.blank(path):
        return
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("VACUUM")
    finally:
        conn.close()


# --- restore ---------------------------------------------------------------------------------------
def restore(
    file: Path | str, target: Database, *, replace: bool = False, progress: Progress | None = None
) -> BackupSummary:
    """Read the office of the backup ``file`` into ``target``, all or nothing (module docstring)."""
    started = time.perf_counter()
    path = Path(file).expanduser().absolute()
    with opened_backup(path) as (backup_db, upgraded_from):
        created_file = target.sqlite_path is not None and not target.sqlite_path.exists()
        try:
            with _owner_rights(target):
                revision = schema.current_revision(target)
                if revision is not None:
                    schema.prepare(target)  # newer: SchemaTooNew; older PostgreSQL: SchemaOutdated
                elif target.is_postgresql and not _may_use_schema(target):
                    raise BackupNeedsOwner(where=target.describe(), detail="no USAGE on the schema")
                with _restore_errors(path), _snapshot(backup_db) as src, _writing(target) as dst:
                    if revision is None:
                        create_schema(dst)
                    lock_tables(dst)
                    if not replace and not office_size_of(dst).empty:
                        raise RestoreTargetNotEmpty(where=target.describe())
                    check_rules(src, path)
                    rows = replace_rows(src, dst, progress=progress)
        except BaseException:
            if created_file and target.sqlite_path is not None:
                target.dispose()
                remove_sqlite_file(target.sqlite_path)
            raise
    return BackupSummary(
        path, target.describe(), schema.head_revision(), rows, _since(started), upgraded_from
    )


def check_backup_file(path: Path) -> str:
    """The schema revision of the backup ``path``; raises if it is not one we can restore."""
    if not path.exists():
        raise BackupFileMissing(path=path)
    if not path.is_file():
        raise NotABackup(path=path)
    with path.open("rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotABackup(path=path)
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise BackupDamaged(path=path, detail=problems[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables >= _BACKUP_TABLES:
                raise NotABackup(path=path)
            revisions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
            intact = backup_seal.intact(path, conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupDamaged(path=path, detail=str(exc)) from exc
    if len(revisions) != 1:
        raise NotABackup(path=path)
    if revisions[0] not in schema.known_revisions():
        raise BackupTooNew(where=path, revision=revisions[0])
    if not intact:
        raise BackupChecksumWrong(path=path)
    return str(revisions[0])


@contextmanager
def opened_backup(path: Path) -> Iterator[tuple[Database, str | None]]:
    """The backup as a database at the newest schema, and the older revision it had if any.

    The file itself is only read: it is copied (SQLite's backup API) into a temporary folder, and
    an older backup's copy is upgraded there by the migrations.
    """
    revision = check_backup_file(path)
    remove_leftovers()
    with tempfile.TemporaryDirectory(prefix=f"{RESTORE_PREFIX}{os.getpid()}-") as folder:
        copy = Path(folder) / "backup.sqlite3"
        try:
            schema.copy_sqlite(path, copy, read_only=True)
        except sqlite3.DatabaseError as exc:
            raise BackupDamaged(path=path, detail=str(exc)) from exc
        db = Database(sqlite_url(copy))
        try:
            upgraded_from = None
            if revision != schema.head_revision():
                try:
                    schema.upgrade(db, backup=False)
                except SQLAlchemyError as exc:
                    raise BackupDamaged(path=path, detail=_first_line(exc)) from exc
                upgraded_from = revision
            yield db, upgraded_from
        finally:
            db.dispose()


def check_rules(conn: Connection, path: Path) -> None:
    """Refuse a backup whose rows the app would never have written (module docstring)."""
    from satellitkontor.domain.policy import BookingPolicy
    from satellitkontor.storage.models import BookingRow, SettingRow
    from satellitkontor.storage.queries.common import POLICY_KEY

    first = clk.local(clk.FIRST_DAY, time_of_day(0))
    last = clk.local(clk.LAST_DAY, time_of_day(23, 59))
    names = set(inspect(conn).get_table_names())
    for table in Base.metadata.sorted_tables:
        if table.name not in names:
            continue
        for column in table.columns:
            kind = _time_kind(column)
            if kind is None:
                continue
            low, high = conn.execute(select(func.min(column), func.max(column))).one()
            for value in (low, high):
                if value is None:
                    continue
                inside = (
                    first <= value <= last if kind is datetime else clk.FIRST_DAY <= value <= clk.LAST_DAY
                )
                if not inside:
                    raise BackupBreaksRules(path=path, what=f"{table.name}.{column.name}", detail=str(value))
    policy = conn.scalar(select(SettingRow.value).where(SettingRow.key == POLICY_KEY))
    if policy is not None:
        try:
            if not isinstance(policy, dict):
                raise InvalidInput(field=POLICY_KEY, value=str(policy)[:60])
            BookingPolicy.from_dict(policy)
        except (InvalidInput, TypeError, ValueError, KeyError) as exc:
            detail = " ".join(f"{k}={v}" for k, v in getattr(exc, "params", {}).items()) or str(exc)
            raise BackupBreaksRules(path=path, what=POLICY_KEY, detail=detail[:120]) from exc
    backwards = conn.scalar(select(func.count()).where(BookingRow.end_at <= BookingRow.start_at))
    if backwards:
        raise BackupBreaksRules(path=path, what="bookings", detail=f"{backwards} × end <= start")


def _time_kind(column: Column[Any]) -> type | None:
    """``datetime`` or ``date`` for a column of times or days (also behind a TypeDecorator)."""
    kind = getattr(column.type, "impl_instance", column.type)
    try:
        python = kind.python_type
    except NotImplementedError:
        return None
    return python if python in (date, datetime) else None


def office_size(db: Database) -> OfficeSize | None:
    """People and bookings in ``db``; None when there is no office schema (or no file) at all."""
    if db.sqlite_path is not None and not db.sqlite_path.is_file():
        return None
    if schema.current_revision(db) is None:
        return None
    with db.connect() as conn:
        return office_size_of(conn)


def office_size_of(conn: Connection) -> OfficeSize:
    names = set(inspect(conn).get_table_names())
    counts = [
        int(conn.scalar(select(func.count()).select_from(Base.metadata.tables[t])) or 0) if t in names else 0
        for t in OFFICE_TABLES
    ]
    return OfficeSize(*counts)


# --- connections -----------------------------------------------------------------------------------
@contextmanager
def _snapshot(db: Database) -> Iterator[Connection]:
    """One read-only transaction that sees one moment of the database."""
    with db.connect() as conn:
        if db.is_postgresql:
            conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        with conn.begin():
            if db.is_postgresql:
                conn.exec_driver_sql("SET LOCAL row_security = off")
            yield conn


@contextmanager
def _writing(db: Database) -> Iterator[Connection]:
    """One writing transaction (SQLite: BEGIN IMMEDIATE, see storage/database.py)."""
    with db.connect() as conn:
        conn.execution_options(satellitkontor_write=True)
        with conn.begin():
            if db.is_postgresql:
                conn.exec_driver_sql("SET LOCAL row_security = off")
            yield conn


@contextmanager
def _owner_rights(db: Database) -> Iterator[None]:
    """A login without the rights to every row gets words, not a driver error."""
    try:
        yield
    except DatabaseRefused as exc:  # Database.connect's words for the same (storage/database.py)
        raise BackupNeedsOwner(where=db.describe(), detail=exc.params.get("detail", "")) from exc
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == _INSUFFICIENT_PRIVILEGE:
            raise BackupNeedsOwner(where=db.describe(), detail=_first_line(exc)) from exc
        raise


@contextmanager
def _restore_errors(path: Path) -> Iterator[None]:
    """A row the target refuses or the backup cannot give: the transaction is rolled back and the
    user told which file could not be restored, and why."""
    try:
        yield
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == _INSUFFICIENT_PRIVILEGE:
            raise
        raise RestoreFailed(path=path, detail=_first_line(exc)) from exc
    except (SQLAlchemyError, ValueError, LookupError, sqlite3.Error) as exc:
        raise RestoreFailed(path=path, detail=_first_line(exc)) from exc


def remove_sqlite_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    words = str(orig).strip()
    return words.splitlines()[0] if words else type(orig).__name__


def _since(started: float) -> float:
    return time.perf_counter() - started
