"""Does an SQLite FTS5 index survive being merged while another process writes to it?

Issue 18 wants the SQLite audit search indexed, and a name that retention scrubbed gone from
the file's bytes. An FTS5 index keeps a changed entry's old text in older segments until they
are merged, so the removed FTS5 attempt (branch ``speed-fts-attempt``) merged the index after
retention in short steps (``INSERT INTO t(t, rank) VALUES ('merge', -N)``). In the history
benchmark that merge failed with "database disk image is malformed" while a second process was
booking. This script shows, with the ``sqlite3`` module alone (no app code), that it is SQLite's
FTS5 and not the app: on SQLite 3.40.1 (Debian 12, this project's CI) a merge in steps while
another process inserts into the index can break the index (FTS5's own structure: ``PRAGMA
integrity_check`` of the file still says ok, but the FTS5 table can no longer be opened, "vtable
constructor failed", and every later write to the audit trail fails); the same merge without
the other process did not. It depends on timing. Measured 2026-12-07, 100,000 entries, on a
loaded 2-core machine:

* ``merge`` (64 pages a step, 4 ms apart) with a second process inserting every 5 ms: the merge
  barely catches up with the new segments; 3 of 5 runs failed, each after 1,324-1,378 steps
  ("database disk image is malformed", and the second process's next insert failed too), the
  other two finished after 468 and 595 steps, intact;
* the same in the app (the removed attempt, 5-year office, history_benchmark's second booking
  process): failed in the one run made;
* the same merge without the second process: 25-27 steps, intact;
* ``optimize`` (one transaction) with the second process: intact, but it holds the write lock
  for the whole index (seconds at 20 years);
* no merge at all with the second process (``--mode none``): intact.

The same check on SQLite 3.51.1 (pysqlite3-binary in a scratch environment, the module put in
place of ``sqlite3``), ``merge`` with the second process, three runs: one finished intact after
7,545 steps (149 s); the other two printed no result before their 600 s time limit stopped
them (not seen whether they broke the index or only kept merging). The app does not merge: it builds the index anew
after a removal (storage/queries/audit_search.py; tests/benchmarks/audit_search_rebuild_check.py).

Run::

    python -m tests.benchmarks.fts5_merge_check [--rows 100000] [--mode merge|optimize|none]
                                                [--no-writer]

It prints what happened and the two integrity checks; it asserts nothing (exit status 0).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = ("Lindberg", "Öberg", "Dahlström", "Karlsson", "Nilsson", "Andersson", "Berg", "Holm")
SCHEMA = """
CREATE TABLE log(id INTEGER PRIMARY KEY, who TEXT, body TEXT);
CREATE VIRTUAL TABLE s USING fts5(who, body, content='log', content_rowid='id',
    tokenize='trigram', detail='none', columnsize=0);
CREATE TRIGGER s_i AFTER INSERT ON log BEGIN
  INSERT INTO s(rowid, who, body) VALUES (new.id, new.who, new.body); END;
CREATE TRIGGER s_u AFTER UPDATE OF who, body ON log BEGIN
  INSERT INTO s(s, rowid, who, body) VALUES ('delete', old.id, old.who, old.body);
  INSERT INTO s(rowid, who, body) VALUES (new.id, new.who, new.body); END;
"""
#: The second process writes one entry per transaction this often (a busy office's bookings).
WRITER_PAUSE_S = 0.005
#: Pages one merge step moves (the attempt's storage/queries/privacy.SEARCH_MERGE_PAGES).
MERGE_PAGES = 64


def entry(i: int) -> str:
    r = random.Random(i)
    place, first, second = r.randint(1, 40), r.choice(NAMES), r.choice(NAMES)
    month, day = r.randint(1, 12), r.randint(1, 28)
    return f'{{"resource": "Plats {place}", "title": "{first} {second}", "start": "2020-{month:02d}-{day:02d} 08:00"}}'


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=15)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def writer(path: Path, stop: Path) -> None:
    """The second process: one entry per transaction until ``stop`` exists."""
    conn = connect(path)
    n = 0
    try:
        while not stop.exists():
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO log(who, body) VALUES (?, ?)", ("Mätperson", entry(10**7 + n)))
            conn.execute("COMMIT")
            n += 1
            time.sleep(WRITER_PAUSE_S)
        print(f"second process: {n} entries written")
    except sqlite3.Error as exc:
        print(f"second process: failed after {n} entries: {exc}")


def run(path: Path, rows: int, mode: str, with_writer: bool) -> None:
    conn = connect(path)
    conn.executescript(SCHEMA)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO log(who, body) VALUES (?, ?)", ((random.choice(NAMES), entry(i)) for i in range(rows))
    )
    conn.execute("COMMIT")
    stop = path.with_suffix(".stop")
    cmd = [sys.executable, "-m", "tests.benchmarks.fts5_merge_check", "--writer", str(path), str(stop)]
    proc = subprocess.Popen(cmd) if with_writer else None
    time.sleep(0.5)
    conn.execute("PRAGMA secure_delete=ON")
    for lo in range(1, rows // 2, 500):  # scrub half of the entries, in short transactions
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "UPDATE log SET who = NULL, body = replace(body, 'Lindberg', '') WHERE id BETWEEN ? AND ?",
            (lo, lo + 499),
        )
        conn.execute("COMMIT")
        time.sleep(0.004)
    steps = 0
    t0 = time.perf_counter()
    try:
        while mode != "none":
            conn.execute("BEGIN IMMEDIATE")
            before = conn.total_changes
            if mode == "optimize":
                conn.execute("INSERT INTO s(s) VALUES ('optimize')")
            else:
                conn.execute("INSERT INTO s(s, rank) VALUES ('merge', ?)", (-MERGE_PAGES,))
            conn.execute("COMMIT")
            steps += 1
            if mode == "optimize" or conn.total_changes - before < 2:
                break
            time.sleep(0.004)
        print(f"{mode}: {steps} steps, {time.perf_counter() - t0:.1f} s")
    except sqlite3.Error as exc:
        print(f"{mode}: FAILED after {steps} steps: {exc}")
        conn.execute("ROLLBACK")
    stop.touch()
    if proc is not None:
        proc.wait()
    conn.close()
    check = sqlite3.connect(path)
    print("PRAGMA integrity_check:", check.execute("PRAGMA integrity_check").fetchone()[0])
    try:
        check.execute("INSERT INTO s(s, rank) VALUES ('integrity-check', 1)")
        print("FTS5 integrity-check: ok")
    except sqlite3.Error as exc:
        print(f"FTS5 integrity-check: {exc}")
    check.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--writer"]:
        writer(Path(args[1]), Path(args[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--mode", choices=("merge", "optimize", "none"), default="merge")
    parser.add_argument("--no-writer", action="store_true", help="no second process")
    opts = parser.parse_args(args)
    print(f"SQLite {sqlite3.sqlite_version}, {opts.rows:,} entries, mode {opts.mode}")
    with tempfile.TemporaryDirectory(prefix="sk_fts5_") as folder:
        run(Path(folder) / "check.sqlite3", opts.rows, opts.mode, not opts.no_writer)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
