"""SQLite's write lock between two processes: a writer waiting for it gets it in the short gaps
of a long job that writes in many transactions (retention, services/privacy/pacing.py), and
one that waits too long is told the office is busy, with nothing written."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from satellitkontor.domain.errors import OfficeBusy
from satellitkontor.storage import database
from satellitkontor.storage.database import Database, sqlite_url


def _hold(path: str, hold_s: float, gap_s: float, total_s: float, started: object) -> None:
    """Hold the write lock ``hold_s`` at a time with ``gap_s`` free between, for ``total_s``."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=0")
    end = time.monotonic() + total_s
    first = True
    while time.monotonic() < end:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO job (at) VALUES (?)", (time.time(),))
        if first:
            started.set()  # type: ignore[attr-defined]
            first = False
        time.sleep(hold_s)
        conn.execute("COMMIT")
        time.sleep(gap_s)
    conn.close()


#: The Unix time in SQL, when the statement runs.
_NOW = "(julianday('now') - 2440587.5) * 86400.0"


def _office_file(tmp_path: Path) -> Database:
    db = Database(sqlite_url(tmp_path / "office.sqlite3"))
    with db.session(write=True) as s:
        s.execute(text("CREATE TABLE job (at REAL)"))
        s.execute(text("CREATE TABLE mine (asked REAL, at REAL)"))
    return db


def _start_job(db: Database, hold_s: float, gap_s: float, total_s: float) -> Any:
    ctx = mp.get_context("spawn")
    started = ctx.Event()
    job = ctx.Process(target=_hold, args=(str(db.sqlite_path), hold_s, gap_s, total_s, started))
    job.start()
    assert started.wait(30), "the job did not start"
    return job


def test_a_writer_gets_in_between_a_long_jobs_transactions(tmp_path: Path) -> None:
    """Like another PC booking during a retention apply: each write waits for at most the job's
    transaction under way and the next one or two (SQLite's own busy handler, asking every 100 ms once
    it has waited a while, let a dozen go first)."""
    db = _office_file(tmp_path)
    job = _start_job(db, hold_s=0.05, gap_s=0.004, total_s=6.0)
    try:
        for _ in range(15):
            asked = time.time()
            with db.session(write=True) as s:  # "at": when the write lock was got
                s.execute(text("INSERT INTO mine (asked, at) VALUES (:a, " + _NOW + ")"), {"a": asked})
            time.sleep(0.2)
    finally:
        job.join(30)
    with db.session() as s:
        passed = s.execute(
            text(
                "SELECT max((SELECT count(*) FROM job WHERE job.at > mine.asked AND job.at < mine.at)) FROM mine"
            )
        ).scalar_one()
        later = s.execute(text("SELECT count(*) FROM job WHERE at > (SELECT max(at) FROM mine)")).scalar_one()
    db.dispose()
    assert passed <= 3
    assert later > 0  # the job still ran after the last write


def test_a_writer_that_waits_too_long_is_told_the_office_is_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _office_file(tmp_path)
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 300)
    job = _start_job(db, hold_s=3.0, gap_s=0.0, total_s=0.1)
    try:
        with pytest.raises(OfficeBusy), db.session(write=True) as s:
            s.execute(text("INSERT INTO mine (asked, at) VALUES (1, 1)"))
    finally:
        job.join(30)
    with db.session() as s:
        assert s.execute(text("SELECT count(*) FROM mine")).scalar_one() == 0
    db.dispose()
