"""Python's cycle collector, run on the GUI thread only, and full collections when idle.

Two problems with the collector's defaults in a Qt app, both seen in this project's tests:
- It runs on whichever thread happens to allocate. A cycle holding a Qt wrapper collected on a
  worker thread destroys a QObject on the wrong thread (a rare segmentation fault).
- A full (generation 2) collection walks every tracked object: 100+ ms with Qt's wrappers,
  SQLAlchemy and the views, which makes the window stutter while background work allocates.

So automatic collection is switched off and a timer on the GUI thread collects instead, with
the collector's own thresholds; while background operations run (the moment a user is watching a
progress bar) only the youngest generation is collected, the older ones at the latest after
``FULL_AT_LATEST_S``. The same
pattern is common in PyQt applications.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

from satellitkontor.gui import operations

INTERVAL_MS = 50
FULL_AT_LATEST_S = 30.0


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self._last_full = time.monotonic()
        self.collections = [0, 0, 0]
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        c0, c1, c2 = gc.get_count()
        t0, t1, t2 = self.threshold
        if c0 <= t0:
            return
        # While background work runs only the youngest generation is collected (a few ms at
        # most); older ones wait until the work is done, or FULL_AT_LATEST_S at the latest.
        idle = operations.pending() == 0 or time.monotonic() - self._last_full > FULL_AT_LATEST_S
        generation = 0
        if c1 > t1 and idle:
            generation = 1
            if c2 > t2:
                generation = 2
        gc.collect(generation)
        self.collections[generation] += 1
        if generation or operations.pending() == 0:
            self._last_full = time.monotonic()

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


_installed: GuiThreadCollector | None = None


def install(parent: QObject) -> GuiThreadCollector:
    """Once per process, on the GUI thread (the app does this right after QApplication)."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(parent)
    return _installed


def uninstall(collector: GuiThreadCollector) -> None:
    """Back to Python's own collector (tests that run without an event loop afterwards)."""
    global _installed
    collector.stop()
    collector.deleteLater()
    _installed = None
