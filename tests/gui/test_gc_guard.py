"""The cycle collector runs on the GUI thread only: garbage made by background work is freed
there (a Qt object freed on a worker thread can crash the app), and full collections wait while
background work runs."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from satellitkontor.gui import gc_guard, operations

MAIN = threading.get_ident()


class Cycle:
    freed_on: list[int] = []  # noqa: RUF012 - shared on purpose

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.freed_on.append(threading.get_ident())


def test_garbage_from_a_worker_is_collected_on_the_gui_thread(
    qtbot: QtBot, wait_idle: Callable[[], None]
) -> None:
    assert not gc.isenabled()  # the app's (and these tests') collector is in charge
    Cycle.freed_on.clear()

    def make_garbage() -> int:
        for _ in range(5000):
            Cycle()  # unreachable at once, but only the cycle collector can free it
        return 5000

    made: list[int] = []
    operations.run(make_garbage, made.append)
    wait_idle()
    assert made == [5000]
    qtbot.waitUntil(lambda: len(Cycle.freed_on) >= 5000, timeout=5_000)
    assert set(Cycle.freed_on) == {MAIN}


def test_full_collections_wait_while_work_runs(qtbot: QtBot) -> None:
    collector = gc_guard.GuiThreadCollector()
    collector.timer.stop()
    collector.threshold = (100, 1, 1)  # every generation asks to be collected within a few checks
    try:
        release = threading.Event()
        op = operations.run(release.wait)
        for _ in range(30):
            [Cycle() for _ in range(2000)]
            collector.check()
        assert collector.collections[2] == 0
        assert collector.collections[0] + collector.collections[1] > 0
        release.set()
        qtbot.waitUntil(lambda: op.done, timeout=5_000)
        for _ in range(30):
            [Cycle() for _ in range(2000)]
            collector.check()
        assert collector.collections[2] > 0
    finally:
        collector.timer.stop()
        collector.deleteLater()
        gc.disable()  # stop() was not called: the package's collector stays in charge
