"""Whether a SQLite file's free pages are blank: nothing a row once held is left in them.

A backup by SQLite's backup API copies the office file page by page, free pages too, and a free
page may still hold what a deleted or changed row held. The backup used to be vacuumed whenever
it had any free page (storage/backup.py), and since the audit search index (FTS5 frees pages as
it merges its segments) nearly every office has some: the VACUUM was most of a backup's time
(0.58 of 1.7 s at 5 years). Every connection of the app has ``secure_delete`` on since migration
0019 (storage/database.py), and SQLite then fills a page with zeros as it frees it; only pages
freed before that, or by another program, can hold anything. So the file's freelist is read
(the file format's header and trunk pages, https://www.sqlite.org/fileformat.html) and the
backup is vacuumed only when a free page holds anything but the freelist's own page numbers.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["blank"]


def blank(path: Path) -> bool:
    """Whether every free page of the SQLite file at ``path`` (closed, not in WAL mode) holds
    zeros, trunk pages apart from page numbers. False for anything unexpected."""
    with path.open("rb") as f:
        header = f.read(100)
        if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
            return False
        size = int.from_bytes(header[16:18], "big")
        size = 65536 if size == 1 else size
        pages = int.from_bytes(header[28:32], "big")
        trunk, free = int.from_bytes(header[32:36], "big"), int.from_bytes(header[36:40], "big")
        zeros, seen = bytes(size), 0
        while trunk:
            if not 1 < trunk <= pages or seen >= free:
                return False  # not a freelist as SQLite writes one
            f.seek((trunk - 1) * size)
            page = f.read(size)
            following, leaves = int.from_bytes(page[0:4], "big"), int.from_bytes(page[4:8], "big")
            end = 8 + 4 * leaves
            if end > size or not _stale_numbers_then_zeros(page, end, pages):
                return False
            for at in range(8, end, 4):
                leaf = int.from_bytes(page[at : at + 4], "big")
                if not 1 < leaf <= pages:
                    return False
                f.seek((leaf - 1) * size)
                if f.read(size) != zeros:
                    return False
            seen += 1 + leaves
            trunk = following
        return seen == free


def _stale_numbers_then_zeros(page: bytes, start: int, pages: int) -> bool:
    """Past its list, a trunk page holds zeros, after the page numbers of leaves taken from it
    (SQLite lowers the count and leaves the last slots as they were): page numbers up to the
    first zero, then nothing. A row's text is never a page number (its bytes make numbers far
    above the file's count of pages), so such a page fails."""
    at = start
    while at + 4 <= len(page):
        number = int.from_bytes(page[at : at + 4], "big")
        if number == 0:
            break
        if not 1 < number <= pages:
            return False
        at += 4
    return page[at:] == bytes(len(page) - at)
