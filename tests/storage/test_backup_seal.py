"""The checksum that seals a backup (storage/backup_seal.py): over the file's bytes since 0019,
over the rows before; what it finds and what it leaves to SQLite's own commits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from satellitkontor.domain.errors import BackupChecksumWrong, BackupDamaged
from satellitkontor.storage import backup, backup_seal


def _intact(path: Path) -> bool:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return backup_seal.intact(path, conn)
    finally:
        conn.close()


def _stored(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute(f"SELECT checksum FROM {backup_seal.CHECKSUM_TABLE}").fetchone()[0])
    finally:
        conn.close()


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_new_backup_is_sealed_over_its_file_and_checks_out(demo_backup: Path) -> None:
    stored = _stored(demo_backup)
    assert stored.startswith(backup_seal.FILE_SCHEME) and len(stored) == len(backup_seal.FILE_SCHEME) + 64
    assert _intact(demo_backup)
    assert backup.check_backup_file(demo_backup)  # the revision: nothing refused


def test_one_changed_bit_in_a_row_is_found(demo_backup: Path) -> None:
    where = demo_backup.read_bytes().find(b"Andersson")
    assert where > 0
    _flip(demo_backup, where)
    assert not _intact(demo_backup)
    with pytest.raises(BackupChecksumWrong):
        backup.check_backup_file(demo_backup)


def test_a_change_that_leaves_the_rows_as_they_were_is_found_too(demo_backup: Path, tmp_path: Path) -> None:
    """A byte in the header's reserved space, and a VACUUM (the same rows on other pages)."""
    reserved = tmp_path / "reserved.sqlite3"
    reserved.write_bytes(demo_backup.read_bytes())
    _flip(reserved, 72)  # "reserved for expansion": SQLite reads the file as before
    assert not _intact(reserved)
    conn = sqlite3.connect(demo_backup, isolation_level=None)
    conn.execute("PRAGMA page_size = 8192")
    conn.execute("VACUUM")
    conn.close()
    assert not _intact(demo_backup)


def test_what_sqlite_writes_at_each_commit_is_left_out(demo_backup: Path) -> None:
    """The change counter and the writer's version are rewritten by the seal's own last commit;
    a file that differs from the sealed one only there is as it was."""
    for offset in (24, 27, 92, 99):
        _flip(demo_backup, offset)
        assert _intact(demo_backup), offset
        _flip(demo_backup, offset)


def test_sealed_again_after_an_edit_it_checks_out(demo_backup: Path) -> None:
    conn = sqlite3.connect(demo_backup)
    with conn:
        conn.execute("UPDATE people SET name = 'Annan Person' WHERE id = (SELECT MIN(id) FROM people)")
    conn.close()
    assert not _intact(demo_backup)
    backup_seal.seal(demo_backup)
    assert _intact(demo_backup)
    conn = sqlite3.connect(demo_backup)
    assert conn.execute(f"SELECT COUNT(*) FROM {backup_seal.CHECKSUM_TABLE}").fetchone() == (1,)
    conn.close()


def test_a_backup_sealed_over_its_rows_before_0019_is_still_checked_that_way(demo_backup: Path) -> None:
    conn = sqlite3.connect(demo_backup)
    with conn:
        conn.execute(
            f"UPDATE {backup_seal.CHECKSUM_TABLE} SET checksum = ?", (backup_seal.rows_checksum(conn),)
        )
    conn.close()
    assert _intact(demo_backup)
    conn = sqlite3.connect(demo_backup)
    with conn:  # the same rows on other pages: the old scheme does not mind
        conn.execute("VACUUM")
    conn.close()
    assert _intact(demo_backup)
    where = demo_backup.read_bytes().find(b"Andersson")
    _flip(demo_backup, where)
    assert not _intact(demo_backup)


def test_a_backup_without_a_checksum_is_read_without_one(demo_backup: Path) -> None:
    conn = sqlite3.connect(demo_backup)
    with conn:
        conn.execute(f"DROP TABLE {backup_seal.CHECKSUM_TABLE}")
    conn.close()
    assert _intact(demo_backup)


def test_an_emptied_or_doubled_checksum_is_damage(demo_backup: Path) -> None:
    conn = sqlite3.connect(demo_backup)
    with conn:
        conn.execute(
            f"INSERT INTO {backup_seal.CHECKSUM_TABLE} SELECT checksum FROM {backup_seal.CHECKSUM_TABLE}"
        )
    conn.close()
    assert not _intact(demo_backup)
    conn = sqlite3.connect(demo_backup)
    with conn:
        conn.execute(f"DELETE FROM {backup_seal.CHECKSUM_TABLE}")
    conn.close()
    assert not _intact(demo_backup)


@pytest.mark.parametrize("rootpage", [1, 2, 999_999])
def test_a_checksum_table_pointed_elsewhere_is_refused_in_words(demo_backup: Path, rootpage: int) -> None:
    """An edited schema that points the checksum table at another page (the first, a page of
    the office, one past the end): the check refuses the file as damaged or changed, with one of
    its own errors, never a crash or an accepted backup."""
    conn = sqlite3.connect(demo_backup)
    conn.execute("PRAGMA writable_schema = ON")
    with conn:
        conn.execute(
            "UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (rootpage, backup_seal.CHECKSUM_TABLE)
        )
    conn.close()
    with pytest.raises((BackupChecksumWrong, BackupDamaged)):
        backup.check_backup_file(demo_backup)
