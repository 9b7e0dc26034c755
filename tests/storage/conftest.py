"""Fixtures of the backup tests (tests/storage/test_backup*.py): the demo office made once per module,
a copy of it per test, and a backup of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from satellitkontor.storage import backup
from satellitkontor.storage.database import Database, sqlite_url
from tests.storage.backup_office import make_demo_file


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office on SQLite, made once for the module; tests use copies."""
    return make_demo_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3")


@pytest.fixture
def demo_url(demo_file: Path, tmp_path: Path) -> str:
    copy = tmp_path / "office.sqlite3"
    shutil.copyfile(demo_file, copy)
    return sqlite_url(copy)


@pytest.fixture
def demo_backup(demo_file: Path, tmp_path: Path) -> Path:
    """A backup of the demo office."""
    db = Database(sqlite_url(demo_file))
    try:
        return backup.backup(db, tmp_path / "demo-backup.sqlite3").file
    finally:
        db.dispose()
