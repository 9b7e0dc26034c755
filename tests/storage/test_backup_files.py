"""Backup files that are refused, not written or not readable, and the rights a backup needs.

The round trips are in test_backup.py; the office both use is in backup_office.py and the fixtures
in conftest.py."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from satellitkontor.domain.errors import (
    BackupDamaged,
    BackupFileExists,
    BackupFileMissing,
    BackupFolderMissing,
    BackupFolderNotWritable,
    BackupNeedsOwner,
    BackupTooNew,
    DatabaseUnavailable,
    NoOfficeToBackUp,
    NotABackup,
)
from satellitkontor.storage import backup, schema
from satellitkontor.storage.database import Database, sqlite_url
from satellitkontor.words.texts import describe
from tests.conftest import PG_ADMIN_URL
from tests.storage.backup_office import backup_to, content_of, file_digest, restore_from
from tests.storage.office_content import content, differences, schema_columns
from tests.storage.schema_versions import make


def _not_sqlite(path: Path) -> None:
    path.write_text("Namn;E-post\nAnna;anna@umea.se\n", encoding="utf-8")


def _other_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('hej')")
    conn.close()


def _truncated(path: Path, good: Path) -> None:
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _newer(path: Path, good: Path) -> None:
    shutil.copyfile(good, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    conn.close()


@pytest.mark.parametrize(
    ("case", "error", "words"),
    [
        ("missing", BackupFileMissing, "finns inte"),
        ("empty", NotABackup, "är ingen säkerhetskopia av Satellitkontoret"),
        ("text", NotABackup, "är ingen säkerhetskopia av Satellitkontoret"),
        ("other sqlite", NotABackup, "är ingen säkerhetskopia av Satellitkontoret"),
        ("truncated", BackupDamaged, "är skadad eller ofullständig"),
        ("newer", BackupTooNew, "nyare version av Satellitkontoret (ffff)"),
    ],
)
def test_a_file_that_is_not_a_backup_we_can_read_is_refused_in_words(
    case: str, error: type[Exception], words: str, demo_backup: Path, tmp_path: Path
) -> None:
    file = tmp_path / "fil.backup"
    if case == "empty":
        file.write_bytes(b"")
    elif case == "text":
        _not_sqlite(file)
    elif case == "other sqlite":
        _other_sqlite(file)
    elif case == "truncated":
        _truncated(file, demo_backup)
    elif case == "newer":
        _newer(file, demo_backup)
    target = tmp_path / "target.sqlite3"
    with pytest.raises(error) as info:
        restore_from(file, sqlite_url(target))
    assert words in describe(info.value, "sv")  # type: ignore[arg-type]
    assert not target.exists()  # nothing was created


def test_an_older_backup_is_upgraded_first_and_the_file_left_as_it_was(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    file = folder / "0003.db"
    shutil.copyfile(make.path_of("0003"), file)
    digest = file_digest(file)
    summary = restore_from(file, db_url)
    assert summary.upgraded_from == "0003" and summary.people == 8 and summary.audit_entries == 4
    assert file_digest(file) == digest and sorted(p.name for p in folder.iterdir()) == ["0003.db"]
    old = Database(sqlite_url(file))
    try:
        columns = schema_columns(old)
        target = Database(db_url)
        try:
            restored = {  # less the row a later migration adds (0009: the statistics' "Extern")
                table: [r for r in rows if not (table == "municipalities" and r.get("code") == "extern")]
                for table, rows in content(target, columns).items()
            }
            assert differences(restored, content(old, columns)) == []
        finally:
            target.dispose()
    finally:
        old.dispose()


# --- backups that are not written -------------------------------------------------------------------------
def test_a_backup_does_not_overwrite_a_file_unless_asked(demo_url: str, tmp_path: Path) -> None:
    file = tmp_path / "kontor.backup"
    file.write_text("viktigt", encoding="utf-8")
    with pytest.raises(BackupFileExists) as info:
        backup_to(demo_url, file)
    assert file.read_text(encoding="utf-8") == "viktigt"
    assert "--force" in describe(info.value, "sv")
    backup_to(demo_url, file, overwrite=True)
    assert backup.check_backup_file(file) == schema.head_revision()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kontor.backup", "office.sqlite3"]


def test_a_backup_into_a_missing_folder_or_of_no_office_is_refused(demo_url: str, tmp_path: Path) -> None:
    with pytest.raises(BackupFolderMissing):
        backup_to(demo_url, tmp_path / "finns-inte" / "kontor.backup")
    nowhere = tmp_path / "ingen.sqlite3"
    with pytest.raises(NoOfficeToBackUp) as info:
        backup_to(sqlite_url(nowhere), tmp_path / "kontor.backup")
    assert not nowhere.exists()
    assert describe(info.value, "sv") == f"Databasen {nowhere} innehåller inget kontor att säkerhetskopiera."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.sqlite3"]


@pytest.mark.skipif(
    not Path("/proc/self").is_dir(), reason="needs Linux's /proc, a folder nobody may write in"
)
def test_a_folder_that_takes_no_files_is_the_file_s_problem_not_the_database_s(demo_url: str) -> None:
    # /proc: even root may not create files there (permissions cannot show it when tests run as root)
    with pytest.raises(BackupFolderNotWritable) as info:
        backup_to(demo_url, Path("/proc/kontor.backup"))
    assert describe(info.value, "sv").startswith("Säkerhetskopian kan inte sparas i mappen /proc (")


def test_an_unreachable_server_leaves_no_file(tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    file = tmp_path / "kontor.backup"
    with pytest.raises(DatabaseUnavailable):
        backup_to("postgresql+psycopg://postgres@127.0.0.1:1/satellitkontor", file)
    assert list(tmp_path.iterdir()) == []


# --- rights -------------------------------------------------------------------------------------------------
@pytest.fixture
def plain_login(pg_url: str) -> Iterator[str]:
    """A login on the server that owns nothing and was granted nothing; dropped afterwards."""
    name = f"sk_plain_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    here = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE ROLE "{name}" LOGIN'))
        yield make_url(pg_url).set(username=name).render_as_string(hide_password=False)
    finally:
        with here.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :n"), {"n": name}
            )
            conn.execute(text(f'DROP OWNED BY "{name}"'))  # and its grants in this database
        with admin.connect() as conn:
            conn.execute(text(f'DROP ROLE "{name}"'))
        here.dispose()
        admin.dispose()


def _grant_schema_usage(pg_url: str, login_url: str) -> None:
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{make_url(login_url).username}"'))
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_a_login_without_rights_to_every_row_is_told_to_ask_the_owner(
    demo_backup: Path, pg_url: str, plain_login: str, tmp_path: Path
) -> None:
    restore_from(demo_backup, pg_url)
    before = content_of(pg_url)
    for step in ("tables hidden", "tables seen, rows not granted"):
        if step == "tables seen, rows not granted":
            _grant_schema_usage(pg_url, plain_login)
        with pytest.raises(BackupNeedsOwner) as info:
            backup_to(plain_login, tmp_path / "kontor.backup")
        assert "(DBA)" in describe(info.value, "sv"), step
        assert list(tmp_path.glob("*kontor.backup*")) == [], step
        with pytest.raises(BackupNeedsOwner):
            restore_from(demo_backup, plain_login, replace=True)
        assert content_of(pg_url) == before, step
