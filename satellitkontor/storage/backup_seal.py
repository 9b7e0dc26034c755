"""The checksum that seals a backup file, and its check before a restore reads anything.

A backup keeps its checksum in a table of its own (``CHECKSUM_TABLE``, which no model has, so
restore never copies it). It finds damage (bytes changed by a disk, a mail program or a person),
not a forger: whoever edits the file can seal it again.

Decisions:

- **SHA-256 over the file's bytes** (``sha256-file:<hex>``, since migration 0019): every page,
  but the checksum table's own page (it holds the sum) and the four header fields SQLite rewrites
  whenever it commits (change counter, version-valid-for number, the version of SQLite that wrote
  last). Reading the file is about 0.25 s for a 20-year office of 400 MB; the first scheme's
  SHA-256 over the ``repr`` of every row took 3.3 s there, most of a backup that must take less
  than 2 s (issue 18). So any change to the file after it was sealed is found, also one that
  leaves every row as it was (a VACUUM, or opening the backup as an office, which switches it to
  WAL mode): to look into a backup with the app, open a copy of it.
- **Backups sealed before 0019** hold the bare hex digest of their rows, in name and rowid order
  (``rows_checksum``), and are still checked that way; backups from before the checksum have no
  table and are restored without it. A 0019 backup is refused by older versions as too new
  before its checksum is looked at, so no version meets a scheme it does not know.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any, BinaryIO

from satellitkontor.storage.queries import audit_search

#: Where a backup keeps its checksum.
CHECKSUM_TABLE = "satellitkontor_backup"
#: How a checksum over the file starts; the older ones (over the rows) are bare hex.
FILE_SCHEME = "sha256-file:"
#: Header fields SQLite writes at every commit (offsets in page 1, from the file format's page).
_REWRITTEN_AT_COMMIT = ((24, 28), (92, 100))
_CHUNK = 1 << 20


def seal(path: Path) -> None:
    """Write the checksum of the closed SQLite file ``path`` into it (again, after an edit)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"CREATE TABLE IF NOT EXISTS {CHECKSUM_TABLE} (checksum TEXT NOT NULL)")
        conn.execute(f"DELETE FROM {CHECKSUM_TABLE}")
        conn.execute(f"INSERT INTO {CHECKSUM_TABLE} VALUES (?)", (FILE_SCHEME + "0" * 64,))
        conn.execute("COMMIT")
        page = _checksum_page(conn)
    finally:
        conn.close()
    digest = FILE_SCHEME + file_digest(path, page)
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(f"UPDATE {CHECKSUM_TABLE} SET checksum = ?", (digest,))
    finally:
        conn.close()


def intact(path: Path, conn: sqlite3.Connection) -> bool:
    """Whether the backup ``path`` (open read-only as ``conn``) is as it was sealed; True for a
    backup from before the checksum."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if CHECKSUM_TABLE not in tables:
        return True
    stored = [r[0] for r in conn.execute(f"SELECT checksum FROM {CHECKSUM_TABLE}")]
    if len(stored) != 1 or not isinstance(stored[0], str):
        return False
    if stored[0].startswith(FILE_SCHEME):
        return stored[0] == FILE_SCHEME + file_digest(path, _checksum_page(conn))
    return stored[0] == rows_checksum(conn)


def _checksum_page(conn: sqlite3.Connection) -> int:
    return int(
        conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (CHECKSUM_TABLE,)
        ).fetchone()[0]
    )


def file_digest(path: Path, skipped_page: int) -> str:
    """SHA-256 of the file ``path`` with page ``skipped_page`` and the header fields written at
    every commit left out (module docstring)."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        header = bytearray(f.read(100))
        for start, end in _REWRITTEN_AT_COMMIT:
            header[start:end] = bytes(end - start)
        digest.update(header)
        size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if size == 1 else size
        skip_from = (skipped_page - 1) * page_size
        _update(digest, f, skip_from - 100)
        f.seek(skip_from + page_size)
        _update(digest, f, None)
    return digest.hexdigest()


def _update(digest: Any, f: BinaryIO, length: int | None) -> None:
    """Feed ``length`` bytes of ``f`` from where it is (None: up to its end) into ``digest``."""
    buffer = bytearray(_CHUNK)
    view = memoryview(buffer)
    left = length
    while left is None or left > 0:
        want = _CHUNK if left is None else min(_CHUNK, left)
        got = f.readinto(view[:want])  # type: ignore[attr-defined]
        if not got:
            return
        digest.update(view[:got])
        if left is not None:
            left -= got


def rows_checksum(conn: sqlite3.Connection) -> str:
    """The first scheme: SHA-256 over every table's rows (but the checksum's own), in name and
    rowid order; checks the backups sealed before migration 0019."""
    digest = hashlib.sha256()
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != ? ORDER BY name",
            (CHECKSUM_TABLE,),
        )
    ]
    for table in tables:
        if audit_search.is_index_table(table):  # derived from audit_log, and has no rowid
            continue
        digest.update(f"\x00{table}\x00".encode())
        quoted = '"' + table.replace('"', '""') + '"'
        for row in conn.execute(f"SELECT * FROM {quoted} ORDER BY rowid"):
            digest.update(repr(row).encode())
    return digest.hexdigest()
