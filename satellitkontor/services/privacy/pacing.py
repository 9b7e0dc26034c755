"""Pacing a long job that writes in many short transactions (retention), so that on SQLite
another PC's booking never waits long for the write lock.

- **A time budget, not a count.** Each transaction does as many rows as fit in
  ``BUDGET_S`` at the rate the last one achieved (``Pacer.adapt``): a slow disk or a busy CPU
  makes the batches smaller instead of the lock longer. The write lock is held at most about
  the budget (issue 18's goal: 200 ms; the budget leaves room for a busy machine).
- **A pause between transactions** (``PAUSE_S``), longer than a waiting writer's poll
  (storage/database.py ``begin_immediate``), so a booking waiting for the lock gets it before
  the job takes it again.
- **No cycle collection inside a transaction.** Python's full collection walks every object the
  process has (26-44 ms in a process that had not frozen its start-up objects, as the command
  line and the app do), and it ran inside whichever transaction allocated past its threshold: a
  20-year office's retention took 30 of them, each adding its time to a transaction's hold. It
  is paused while a transaction runs and left to the moment after its commit. (The app already
  collects on its GUI thread only, and only the youngest generation while a job runs.)
- **The write-ahead log is copied into the file between transactions** (a passive checkpoint,
  which holds no write lock) whenever ``CHECKPOINT_EVERY_S`` have passed. Otherwise SQLite's
  automatic checkpoint runs inside whichever commit crosses 1,000 pages: often the waiting
  booking's own, which then took 80 ms more.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from satellitkontor.storage.database import Database
from satellitkontor.storage.queries import privacy as privacy_queries

#: What one transaction of the job should take.
BUDGET_S = 0.04
#: The pause after each transaction.
PAUSE_S = 0.004
#: How often the write-ahead log is copied into the file while the job runs.
CHECKPOINT_EVERY_S = 0.3


class Pacer:
    """Write transactions for a long job: timed, paused between, and a batch size that follows
    the budget (``size``, between ``least`` and ``most``)."""

    def __init__(self, db: Database, *, first: int, least: int, most: int, budget_s: float = BUDGET_S):
        self.db = db
        self.size = first
        self.least, self.most = least, most
        self.budget_s = budget_s
        self.transactions = 0
        self.longest_s = 0.0
        self._last_rate: float | None = None
        self._started = time.perf_counter()
        self._last_checkpoint = time.monotonic()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction that removes personal data (``prepare_removal``); afterwards the
        pause and, when due, a checkpoint."""
        collecting = gc.isenabled()
        if collecting:  # no cycle collection while the lock is held: see the module docstring
            gc.disable()
        try:
            t0 = self._started = time.perf_counter()
            with self.db.session(write=True) as s:
                privacy_queries.prepare_removal(s)
                yield s
            took = time.perf_counter() - t0
        finally:
            if collecting:
                gc.enable()
        self.transactions += 1
        self.longest_s = max(self.longest_s, took)
        self.last_s = took
        now = time.monotonic()
        if now - self._last_checkpoint >= CHECKPOINT_EVERY_S:
            privacy_queries.checkpoint(self.db, passive=True)
            self._last_checkpoint = time.monotonic()
        time.sleep(PAUSE_S)

    def spent(self) -> bool:
        """Whether the transaction under way has used its budget: work that can stop part-way
        asks between rows, and leaves the rest to the next transaction."""
        return time.perf_counter() - self._started >= self.budget_s

    def adapt(self, done: int) -> None:
        """After a transaction of ``done`` rows: the size that fits the budget at the slower
        of the last two rates, at most half as large again as the last. The rate of the same
        work differs from one transaction to the next (entries of other lengths, FTS5 merging
        its segments now and then): sized on the last alone and doubled, a 20-year office's
        transactions took up to 2.5 times the budget (93 ms for 958 audit entries after 38 ms
        for 910)."""
        if done <= 0:
            return
        rate = done / max(self.last_s, 1e-4)
        slower = rate if self._last_rate is None else min(rate, self._last_rate)
        self._last_rate = rate
        fits = int(slower * self.budget_s)
        self.size = max(self.least, min(self.most, fits, self.size + self.size // 2))
