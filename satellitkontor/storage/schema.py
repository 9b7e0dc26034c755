"""Creating and upgrading the schema with Alembic.

``upgrade`` brings any database to the newest schema. ``prepare`` is what the app and the CLI
call on start: a new database is created; an older SQLite file is first copied aside (SQLite's
online backup, so a half-written copy is impossible) and then upgraded; an older PostgreSQL
database is left to its admin (``satellitkontor db upgrade``), because other PCs may be using it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from satellitkontor.domain.errors import SchemaOutdated, SchemaTooNew
from satellitkontor.storage.database import Database

MIGRATIONS = Path(__file__).with_name("migrations")


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    before: str | None  # None: the database was empty
    after: str
    backup: Path | None

    @property
    def created(self) -> bool:
        return self.before is None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(db: Database) -> str | None:
    with db.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, *, backup: bool = True, target: str = "head") -> UpgradeResult:
    before = current_revision(db)
    if before is not None and before not in known_revisions():
        raise SchemaTooNew(where=db.describe(), revision=before)
    copy = None
    if backup and before is not None and before != head_revision() and db.sqlite_path is not None:
        copy = backup_sqlite(db.sqlite_path, before)
    cfg = _config()
    with db.connect() as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    after = current_revision(db)
    assert after is not None
    return UpgradeResult(before, after, copy)


def prepare(db: Database) -> UpgradeResult:
    """Make the database ready for use by the app or the CLI (see module docstring)."""
    before = current_revision(db)
    head = head_revision()
    if before == head:
        return UpgradeResult(before, head, None)
    if before is not None and before not in known_revisions():
        raise SchemaTooNew(where=db.describe(), revision=before)
    if before is not None and not db.is_sqlite:
        raise SchemaOutdated(where=db.describe(), revision=before, head=head)
    return upgrade(db)


def backup_sqlite(path: Path, revision: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{revision}-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target
