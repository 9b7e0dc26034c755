"""Creating and upgrading the schema with Alembic.

``upgrade`` brings any database to the newest schema. ``prepare`` is what the app and the CLI
call on start: a new database is created; an older SQLite file is first copied aside (SQLite's
online backup, so a half-written copy is impossible) and then upgraded; an older PostgreSQL
database is left to its admin (``satellitkontor db upgrade``), because other PCs may be using it.

Alembic itself is imported only when a database must actually be created or upgraded: reading
the revision graph from the files of ``migrations/versions`` and the current revision from the
``alembic_version`` table is all a start on an up-to-date database needs (it keeps the app's
start-up lean; see tests/benchmarks/startup_benchmark.py).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from satellitkontor.domain.errors import SchemaOutdated, SchemaTooNew
from satellitkontor.storage.database import Database

if TYPE_CHECKING:
    from alembic.config import Config

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
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


_REVISION = re.compile(r"^revision(?:: str)?\s*=\s*[\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision(?:: [^=]+)?\s*=\s*[\"']([^\"']+)[\"']", re.M)


def _graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files (no Alembic import)."""
    graph: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if rev is None:
            continue
        down = _DOWN.search(source)
        graph[rev.group(1)] = down.group(1) if down else None
    return graph


def head_revision() -> str:
    graph = _graph()
    heads = set(graph) - {d for d in graph.values() if d}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_graph())


def current_revision(db: Database) -> str | None:
    with db.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(db: Database, *, backup: bool = True, target: str = "head") -> UpgradeResult:
    before = current_revision(db)
    if before is not None and before not in known_revisions():
        raise SchemaTooNew(where=db.describe(), revision=before)
    copy = None
    if backup and before is not None and before != head_revision() and db.sqlite_path is not None:
        copy = backup_sqlite(db.sqlite_path, before)
    from alembic import command

    cfg = _config()
    with db.connect() as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    after = current_revision(db)
    assert after is not None
    if before is not None and after != before:  # a new, empty office: PRAGMA optimize on close
        analyse(db)
    return UpgradeResult(before, after, copy)


def analyse(db: Database) -> None:
    """Give the planner the tables' sizes after an upgrade (new indexes, or a file that was never
    analysed: SQLite does not do it by itself, issue 18)."""
    with db.connect() as conn:
        if db.is_sqlite:
            conn.execution_options(satellitkontor_write=True)
        with conn.begin():
            conn.exec_driver_sql("ANALYZE")


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
    copy_sqlite(path, target)
    return target


def copy_sqlite(source_path: Path, target: Path, *, read_only: bool = False) -> None:
    """Copy a SQLite file with SQLite's online backup: a consistent copy even while others
    write, never a half-written one. ``read_only`` opens the source so it cannot change."""
    source = (
        sqlite3.connect(f"{source_path.as_uri()}?mode=ro", uri=True)
        if read_only
        else sqlite3.connect(source_path)
    )
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
