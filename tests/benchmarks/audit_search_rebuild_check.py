"""Does the audit search index (storage/queries/audit_search.py) stay whole when it is built anew
after a removal while another process writes to the audit trail?

The counterpart of fts5_merge_check.py for what the app does instead of merging: an office file
made by the app (migration 0019's FTS5 index and triggers), ``--rows`` audit entries, then a
second process that writes one entry per transaction every 5 ms and blanks the name of an
already indexed entry every tenth time (another PC's booking and erasure), while this process
blanks the names of half the entries in short transactions (as retention does) and rebuilds
the index (``services.privacy.search_index.refresh``) ``--rounds`` times. Afterwards it prints
the file's ``PRAGMA integrity_check``, FTS5's own ``integrity-check`` (which also compares the
index with the audit trail), whether searches through the index find what comparing every
entry finds, the second process's longest wait for the write lock, and the rebuild's longest
transaction.

Run::

    python -m tests.benchmarks.audit_search_rebuild_check [--rows 100000] [--rounds 3]

It asserts nothing (exit status 0) and prints what happened.
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
WRITER_PAUSE_S = 0.005
TEXTS = ("lindberg", "berg", "öberg", "plats 3", "dahlström", "mätperson")


def entry(i: int) -> tuple[str, str, str]:
    r = random.Random(i)
    name = f"{r.choice(NAMES)} {r.choice(NAMES)}"
    after = f'{{"resource": "Plats {r.randint(1, 40)}", "title": "{name}", "n": {i}}}'
    return (f"2020-01-01 00:00:{i % 60:02d}.000000", name, after)


def _begin_immediate(conn: sqlite3.Connection) -> None:
    """As the app asks for the write lock (storage/database.py ``begin_immediate``): every
    millisecond, not with SQLite's own busy handler, which sleeps through the gaps."""
    deadline = time.monotonic() + 30
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
        time.sleep(0.001)


def writer(path: Path, stop: Path) -> None:
    """The second process: one entry per transaction, and every tenth time one older entry's
    name blanked, until ``stop`` exists; prints its longest wait for the write lock."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    conn.execute("PRAGMA busy_timeout=0")
    conn.execute("PRAGMA secure_delete=ON")
    n, worst, during = 0, 0.0, 0.0
    rebuilding = stop.with_name("rebuilding")
    try:
        while not stop.exists():
            t0 = time.perf_counter()
            _begin_immediate(conn)
            worst = max(worst, time.perf_counter() - t0)
            if rebuilding.exists():
                during = max(during, time.perf_counter() - t0)
            at, name, after = entry(10**7 + n)
            conn.execute(
                "INSERT INTO audit_log (at, actor_name, action, entity, entity_id, after) "
                "VALUES (?, ?, 'booking.create', 'booking', ?, ?)",
                (at, "Mätperson " + name, str(n), after),
            )
            if n % 10 == 0:
                conn.execute(
                    "UPDATE audit_log SET actor_name = NULL, anonymized_at = '2026-01-01 00:00:00.000000' "
                    "WHERE id = (SELECT min(id) FROM audit_log WHERE anonymized_at IS NULL AND id > ?)",
                    (random.randint(1, 50_000),),
                )
            conn.execute("COMMIT")
            n += 1
            time.sleep(WRITER_PAUSE_S)
        print(
            f"second process: {n} entries written, longest wait for the write lock {worst * 1000:.0f} ms "
            f"(while names were blanked, not paced as retention is), during the rebuilds {during * 1000:.0f} ms"
        )
    except sqlite3.Error as exc:
        print(f"second process: FAILED after {n} entries: {exc}")


def run(folder: Path, rows: int, rounds: int) -> None:
    from sqlalchemy import text

    from satellitkontor.domain.people import Role
    from satellitkontor.services.app_services import open_office
    from satellitkontor.services.privacy import pacing, search_index
    from satellitkontor.storage.database import sqlite_url
    from satellitkontor.storage.queries import audit as q

    path = folder / "office.sqlite3"
    services = open_office(sqlite_url(path))
    db = services.db
    with db.session(write=True) as s:
        s.execute(
            text(
                "INSERT INTO audit_log (at, actor_name, action, entity, entity_id, after) "
                "VALUES (:at, :name, 'booking.create', 'booking', :eid, :after)"
            ),
            [dict(zip(("at", "name", "after"), entry(i), strict=True), eid=str(i)) for i in range(rows)],
        )
    stop = folder / "stop"
    cmd = [
        sys.executable,
        "-m",
        "tests.benchmarks.audit_search_rebuild_check",
        "--writer",
        str(path),
        str(stop),
    ]
    proc = subprocess.Popen(cmd)
    time.sleep(0.5)
    longest = 0.0
    t0 = time.perf_counter()
    for lo in range(1, rows // 2, 500):  # blank half of the names, 500 a transaction
        with db.session(write=True) as s:
            s.execute(
                text(
                    "UPDATE audit_log SET actor_name = NULL, anonymized_at = '2026-01-01 00:00:00.000000' "
                    "WHERE id BETWEEN :lo AND :hi AND anonymized_at IS NULL"
                ),
                {"lo": lo, "hi": lo + 499},
            )
    print(f"names blanked: {time.perf_counter() - t0:.1f} s")
    watched: list[pacing.Pacer] = []
    real_init = pacing.Pacer.__init__

    def init(self: pacing.Pacer, *args: object, **kw: object) -> None:
        real_init(self, *args, **kw)  # type: ignore[arg-type]
        watched.append(self)

    (folder / "rebuilding").touch()
    pacing.Pacer.__init__ = init  # type: ignore[method-assign]
    try:
        for round_ in range(rounds):
            t0 = time.perf_counter()
            watched.clear()
            try:
                search_index.refresh(db, removed=True)
            except Exception as exc:
                print(f"rebuild {round_ + 1}: FAILED: {exc}")
                break
            longest = max([longest, *(p.longest_s for p in watched)])
            print(
                f"rebuild {round_ + 1}: {time.perf_counter() - t0:.1f} s, "
                f"{sum(p.transactions for p in watched)} transactions, longest so far {longest * 1000:.0f} ms"
            )
    finally:
        pacing.Pacer.__init__ = real_init  # type: ignore[method-assign]
    stop.touch()
    proc.wait()
    with db.session() as s:
        print("PRAGMA integrity_check:", s.execute(text("PRAGMA integrity_check")).scalar())
    try:
        with db.session(write=True) as s:
            s.execute(text("INSERT INTO audit_search(audit_search, rank) VALUES ('integrity-check', 1)"))
        print("FTS5 integrity-check: ok")
    except Exception as exc:
        print(f"FTS5 integrity-check: {exc}")
    admin = services.office.add_person(None, "Åsa Admin", "asa@umea.se", "Umeå", role=Role.ADMIN)
    indexed = {t: services.audit.count(admin.id, text=t) for t in TEXTS}
    prepare = q._prepare
    q._prepare = lambda s: q._Where(prepare(s).dialect, False)  # type: ignore[assignment]
    scanned = {t: services.audit.count(admin.id, text=t) for t in TEXTS}
    q._prepare = prepare  # type: ignore[assignment]
    print("searches through the index find what a full comparison finds:", indexed == scanned, indexed)
    db.dispose()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--writer"]:
        writer(Path(args[1]), Path(args[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    opts = parser.parse_args(args)
    print(f"SQLite {sqlite3.sqlite_version}, {opts.rows:,} entries, {opts.rounds} rebuilds")
    with tempfile.TemporaryDirectory(prefix="sk_search_") as folder:
        run(Path(folder), opts.rows, opts.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
