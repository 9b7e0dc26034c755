"""A backup of a SQLite office carries no removed value in its free pages, and is not vacuumed
when its free pages are blank (storage/free_pages.py, storage/backup.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from satellitkontor.services.backup import backup_office
from satellitkontor.storage import free_pages
from satellitkontor.storage.database import sqlite_url
from tests.conftest import MovableClock, make_office

MARK = "Removed Person Lindqvist-Öhman"


def _free_pages_with_mark(path: Path, *, secure: bool) -> None:
    """A scratch table of rows holding MARK, dropped, by another program than the app (the
    app's connections always have secure_delete on)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA secure_delete = {'ON' if secure else 'OFF'}")
        conn.execute("CREATE TABLE scratch (id INTEGER PRIMARY KEY, text TEXT)")
        conn.executemany("INSERT INTO scratch (text) VALUES (?)", [(f"{MARK} {n}",) for n in range(3000)])
        conn.execute("DROP TABLE scratch")
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] > 20
    finally:
        conn.close()


@pytest.mark.parametrize("secure", [False, True])
def test_a_backup_holds_no_removed_value_and_is_vacuumed_only_when_it_must(
    tmp_path: Path, clock: MovableClock, secure: bool
) -> None:
    office = make_office(sqlite_url(tmp_path / "office.sqlite3"), clock)
    office.services.close()
    _free_pages_with_mark(tmp_path / "office.sqlite3", secure=secure)
    office_bytes = (tmp_path / "office.sqlite3").read_bytes()
    assert (MARK.encode() in office_bytes) is not secure  # the test's premise

    backup_office(sqlite_url(tmp_path / "office.sqlite3"), tmp_path / "backup.sqlite3")
    assert MARK.encode() not in (tmp_path / "backup.sqlite3").read_bytes()
    conn = sqlite3.connect(tmp_path / "backup.sqlite3")
    try:
        kept = conn.execute("PRAGMA freelist_count").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert (kept > 0) is secure  # blank free pages are kept as they are: no VACUUM


def test_free_pages_are_blank_only_when_they_hold_nothing(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.close()
    assert free_pages.blank(path)  # no free page at all
    _free_pages_with_mark(path, secure=True)
    assert free_pages.blank(path)
    _free_pages_with_mark(path, secure=False)
    assert not free_pages.blank(path)
    (tmp_path / "other").write_bytes(b"not a database" * 100)
    assert not free_pages.blank(tmp_path / "other")
    (tmp_path / "short").write_bytes(b"SQLite format 3\x00")
    assert not free_pages.blank(tmp_path / "short")
