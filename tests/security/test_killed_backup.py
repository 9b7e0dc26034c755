"""Crash leftovers (issue 20, item 8): a backup or restore killed with SIGKILL in the middle of
its work leaves files holding personal data; the next backup, restore or start removes them.

The child is a real process that kills itself with SIGKILL from its progress callback, after
the first batch of rows: the same state as a kill -9 from outside at that moment, without
racing the clock."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from satellitkontor.storage import backup as storage_backup
from satellitkontor.storage.database import Database, sqlite_url
from tests.test_cli_backup import demo_file  # noqa: F401  (fixture)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

CHILD = r"""
import os, signal, sys
from pathlib import Path
from satellitkontor.storage import backup
from satellitkontor.storage.database import Database, sqlite_url

def die(done, total):
    if done:
        os.kill(os.getpid(), signal.SIGKILL)

what, source, target = sys.argv[1:4]
if what == "backup":
    backup.backup(Database(sqlite_url(Path(source))), Path(target), progress=die)
else:
    backup.restore(Path(source), Database(sqlite_url(Path(target))), progress=die)
"""


def killed(what: str, source: Path, target: Path, tmp: Path) -> None:
    env = os.environ | {"TMPDIR": str(tmp)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, what, str(source), str(target)],
        env=env,
        timeout=120,
        capture_output=True,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr[-400:]


def leftovers(folder: Path, tmp: Path) -> list[str]:
    partial = [p.name for p in folder.iterdir() if ".partial" in p.name]
    copies = [p.name for p in tmp.iterdir() if p.name.startswith(storage_backup.RESTORE_PREFIX)]
    return sorted(partial + copies)


def test_a_killed_backup_and_a_killed_restore_leave_nothing_after_the_next_run(
    demo_file: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tmp = tmp_path / "tmp"
    folder = tmp_path / "backups"
    tmp.mkdir(), folder.mkdir()
    office = tmp_path / "kontor.sqlite3"
    shutil.copyfile(demo_file, office)
    good = folder / "bra.backup"
    storage_backup.backup(Database(sqlite_url(office)), good)

    killed("backup", office, folder / "kontoret.backup", tmp)
    killed("restore", good, tmp_path / "ny.sqlite3", tmp)
    left = leftovers(folder, tmp)
    assert any(".partial" in n for n in left) and any(
        n.startswith(storage_backup.RESTORE_PREFIX) for n in left
    ), left  # what the kill left, holding the office's people

    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr("tempfile.tempdir", None)
    source = Database(sqlite_url(office))
    try:
        storage_backup.backup(source, folder / "kontoret.backup")
    finally:
        source.dispose()
    assert leftovers(folder, tmp) == []
    assert sorted(p.name for p in folder.iterdir()) == ["bra.backup", "kontoret.backup"]
