"""The schema is Alembic's from the first version: created at head, left alone when current,
an older SQLite file upgraded after a backup copy, an older PostgreSQL database left to its admin,
a newer one refused, and an unreachable server reported in words."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Enum, create_engine, inspect, text

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import DatabaseUnavailable, SchemaOutdated, SchemaTooNew
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.app_services import open_office
from satellitkontor.storage import schema
from satellitkontor.storage.database import Database, sqlite_url
from satellitkontor.storage.models import Base
from satellitkontor.words.texts import describe
from tests.conftest import MONDAY, NOW, MovableClock, make_office

TABLES = {
    "alembic_version",
    "municipalities",
    "people",
    "resources",
    "booking_series",
    "bookings",
    "closures",
    "settings",
    "rotation_years",
    "rotation_meetings",
    "feed_tokens",
    "audit_log",
    "db_logins",
    "exchange_outbox",
    "exchange_links",
    "exchange_sync_state",
    "people_count_adjustments",
    "notice_outbox",
    "notice_prefs",
    "waitlist_entries",
}

#: A second revision for the upgrade tests: the app's migrations plus this one.
REVISION_NEXT = '''"""Test-only revision on top of the real ones."""
import sqlalchemy as sa
from alembic import op

revision = "9999_test"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_marker", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("upgrade_marker")
'''


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "office.sqlite3"


class NewerApp:
    """Turns this app into a newer version of itself: its migrations gain one more revision."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.older_head = schema.head_revision()
        self._migrations = tmp_path / "newer_migrations"
        self._monkeypatch = monkeypatch
        shutil.copytree(schema.MIGRATIONS, self._migrations, ignore=shutil.ignore_patterns("__pycache__"))
        (self._migrations / "versions" / "9999_test.py").write_text(
            REVISION_NEXT.format(down=self.older_head)
        )

    def start(self) -> None:
        self._monkeypatch.setattr(schema, "MIGRATIONS", self._migrations)
        assert schema.head_revision() == "9999_test"


@pytest.fixture
def newer_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> NewerApp:
    return NewerApp(tmp_path, monkeypatch)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of a SQLite file, read with the plain sqlite3 module."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"'), key=repr) for n in sorted(names)}
    finally:
        conn.close()


def _stamp(url: str, revision: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def _book_something(url: str) -> None:
    office = make_office(url, MovableClock(NOW))
    office.services.booking.book_desk(office.anna.id, office.desk(1).id, MONDAY, DeskPeriod.MORNING)
    office.services.db.dispose()


# --- a new database ------------------------------------------------------------------------------
def test_prepare_creates_a_new_sqlite_file_at_head(db_file: Path) -> None:
    db = Database(sqlite_url(db_file))
    try:
        result = schema.prepare(db)
        assert result.created and result.changed and result.backup is None
        assert result.after == schema.head_revision() == schema.current_revision(db)
        # and the audit trail's search index (FTS5: the table and its own tables, migration 0019)
        search = {"audit_search", "audit_search_data", "audit_search_idx", "audit_search_config"}
        assert set(inspect(db.engine).get_table_names()) == TABLES | search
    finally:
        db.dispose()
    assert list(db_file.parent.glob("*backup*")) == []


def test_open_office_on_a_new_file_lays_out_eight_desks_and_the_room(db_file: Path) -> None:
    services = open_office(sqlite_url(db_file))
    try:
        assert services.upgrade is not None and services.upgrade.created
        resources = services.office.resources()
        assert sum(r.kind is ResourceKind.DESK for r in resources) == 8
        assert sum(r.kind is ResourceKind.ROOM for r in resources) == 1
    finally:
        services.db.dispose()
    # opening it again neither adds desks nor reports a new database
    again = open_office(sqlite_url(db_file))
    try:
        assert again.upgrade is not None and not again.upgrade.created and not again.upgrade.changed
        assert len(again.office.resources()) == 9
    finally:
        again.db.dispose()


def test_a_second_prepare_changes_nothing(db_file: Path) -> None:
    url = sqlite_url(db_file)
    _book_something(url)
    before = _dump(db_file)
    db = Database(url)
    try:
        result = schema.prepare(db)
    finally:
        db.dispose()
    assert result.before == result.after == schema.head_revision()
    assert not result.created and not result.changed and result.backup is None
    assert _dump(db_file) == before
    assert list(db_file.parent.glob("*backup*")) == []


def test_the_models_and_the_migrated_schema_agree(db_url: str) -> None:
    """Autogenerate finds nothing to add, drop or alter: columns, types, nullability, indexes,
    unique constraints and foreign keys. (Alembic does not compare CHECK constraints, triggers or
    exclusion constraints; those exist only in the migration and are tested in
    test_database_guards.py.)"""
    services = open_office(db_url)
    try:
        with services.db.engine.connect() as conn:

            def include(obj: object, name: str | None, kind: str, reflected: bool, _to: object) -> bool:
                # The audit trail's search indexes live in the migrations only: PostgreSQL's is an
                # expression index (0012), which autogenerate cannot compare, SQLite's an FTS5
                # table with its own tables (0019)
                return name != "ix_audit_log_search" and not (name or "").startswith("audit_search")

            context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": include})
            diff = compare_metadata(context, Base.metadata)
    finally:
        services.db.dispose()
    assert diff == []


def test_every_enumeration_is_checked_by_the_migrated_schema(db_url: str) -> None:
    """The models declare their enumerations without a CHECK of their own (building one per
    column cost the models' import about a tenth, issue 18): the CHECK that holds an
    enumeration's column to its values comes from the migrations alone. Each column the models
    type as an enumeration has one, named as the type and listing exactly its values."""
    services = open_office(db_url)
    try:
        found = inspect(services.db.engine)
        checks = {
            table.name: {c["name"]: c["sqltext"] for c in found.get_check_constraints(table.name)}
            for table in Base.metadata.sorted_tables
        }
    finally:
        services.db.dispose()
    enums = [
        (table.name, column)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, Enum)
    ]
    assert len(enums) == 9
    for table, column in enums:
        assert column.type.name in checks[table], f"{table}.{column.name}: no CHECK {column.type.name}"
        sql = checks[table][column.type.name]
        assert column.name in sql, sql
        assert sorted(re.findall(r"'([a-z_]+)'", sql)) == sorted(column.type.enums), sql


def test_prepare_on_postgresql_creates_the_schema_with_btree_gist(pg_url: str) -> None:
    db = Database(pg_url)
    try:
        result = schema.prepare(db)
        assert result.created and result.after == schema.head_revision()
        with db.engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM pg_extension WHERE extname = 'btree_gist'")) == 1
            kind = conn.scalar(
                text("SELECT contype FROM pg_constraint WHERE conname = 'bookings_no_overlap'")
            )
            assert kind == "x"  # an exclusion constraint
        assert set(inspect(db.engine).get_table_names()) == TABLES
        assert not schema.prepare(db).changed
    finally:
        db.dispose()


# --- backups and upgrades ------------------------------------------------------------------------
def test_backup_sqlite_makes_a_readable_copy_with_identical_rows(db_file: Path) -> None:
    _book_something(sqlite_url(db_file))
    original = _dump(db_file)
    assert len(original["bookings"]) == 1
    copy = schema.backup_sqlite(db_file, "0001")
    assert copy.parent == db_file.parent and copy != db_file
    assert "0001" in copy.name and copy.suffix == db_file.suffix
    assert _dump(copy) == original
    assert _dump(db_file) == original
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_an_older_sqlite_file_is_backed_up_and_upgraded_on_start(db_file: Path, newer_app: NewerApp) -> None:
    url = sqlite_url(db_file)
    _book_something(url)  # the file as this (older) app leaves it
    older = _dump(db_file)
    assert older["alembic_version"] == [(newer_app.older_head,)]
    newer_app.start()

    services = open_office(url)  # what the app does on start
    try:
        result = services.upgrade
        assert result is not None
        assert (result.before, result.after) == (newer_app.older_head, "9999_test")
        assert not result.created and result.changed
        assert result.backup is not None and result.backup.exists()
        assert len(services.office.resources()) == 9  # nothing laid out twice
    finally:
        services.db.dispose()
    assert _dump(result.backup) == older  # the copy is the file before the upgrade
    upgraded = _dump(db_file)
    assert upgraded["alembic_version"] == [("9999_test",)]
    assert "upgrade_marker" in upgraded
    assert upgraded["bookings"] == older["bookings"]


def test_an_older_postgresql_database_is_left_to_its_admin(pg_url: str, newer_app: NewerApp) -> None:
    _book_something(pg_url)  # the database as this (older) app leaves it
    newer_app.start()
    db = Database(pg_url)
    try:
        with pytest.raises(SchemaOutdated) as info:
            schema.prepare(db)
        assert schema.current_revision(db) == newer_app.older_head  # untouched
        assert "upgrade_marker" not in inspect(db.engine).get_table_names()
        message = describe(info.value, "sv")
        assert "äldre version" in message and "satellitkontor db upgrade" in message, message
        # 'satellitkontor db upgrade' does it, without a file to back up
        result = schema.upgrade(db)
        assert (result.before, result.after, result.backup) == (newer_app.older_head, "9999_test", None)
        assert "upgrade_marker" in inspect(db.engine).get_table_names()
        with db.engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM bookings")) == 1
    finally:
        db.dispose()


def test_a_database_from_a_newer_app_is_refused_and_left_untouched(db_file: Path) -> None:
    url = sqlite_url(db_file)
    _book_something(url)
    _stamp(url, "ffff")
    digest = _digest(db_file)
    files = sorted(p.name for p in db_file.parent.iterdir())
    db = Database(url)
    try:
        with pytest.raises(SchemaTooNew) as info:
            schema.prepare(db)
        with pytest.raises(SchemaTooNew):
            schema.upgrade(db)
    finally:
        db.dispose()
    assert _digest(db_file) == digest
    assert sorted(p.name for p in db_file.parent.iterdir() if "backup" in p.name) == []
    assert set(sorted(p.name for p in db_file.parent.iterdir())) <= set(files) | {
        f"{db_file.name}-wal",
        f"{db_file.name}-shm",
    }
    message = describe(info.value, "sv")
    assert "nyare version" in message and "ffff" in message, message


def test_a_postgresql_database_from_a_newer_app_is_refused(pg_url: str) -> None:
    _book_something(pg_url)
    _stamp(pg_url, "ffff")
    db = Database(pg_url)
    try:
        with pytest.raises(SchemaTooNew):
            schema.prepare(db)
        assert schema.current_revision(db) == "ffff"
        with db.engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM bookings")) == 1
    finally:
        db.dispose()


# --- an unreachable server -----------------------------------------------------------------------
UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/satellitkontor"


def test_an_unreachable_postgresql_server_is_reported_in_words() -> None:
    pytest.importorskip("psycopg")
    db = Database(UNREACHABLE)
    try:
        with pytest.raises(DatabaseUnavailable) as info, db.session() as s:
            s.execute(text("SELECT 1"))
        with pytest.raises(DatabaseUnavailable):
            schema.prepare(db)
    finally:
        db.dispose()
    with pytest.raises(DatabaseUnavailable) as on_start:
        open_office(UNREACHABLE)
    for err in (info.value, on_start.value):
        message = describe(err, "sv")
        assert message.startswith("Databasen går inte att nå"), message
        assert "127.0.0.1:1" in message, message


def test_the_quick_revision_reading_agrees_with_alembic() -> None:
    """prepare() reads the revision graph without importing Alembic; it must agree with Alembic."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(schema._config())
    assert schema.head_revision() == script.get_current_head()
    assert schema.known_revisions() == {s.revision for s in script.walk_revisions()}


# Real upgrades from every past schema version (committed files): tests/storage/test_upgrades.py.
