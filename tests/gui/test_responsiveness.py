"""Long work never freezes the window: while a long operation runs through the app's operation
helper, a GUI-thread timer keeps firing on time (never more than 100 ms late), the progress
dialog shows, and "Avbryt" stops the work. Lateness is the app's: time the virtual machine's
hypervisor took from the GUI thread's CPU is taken off (tests/gui/lateness_probe.py says why and
how); each test prints the lateness as seen as well."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from satellitkontor.gui.app import settle_memory
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.main_window import MainWindow
from satellitkontor.gui.operations import Progress
from satellitkontor.gui.preload import ADMIN_MODULES, preload_in_slices
from satellitkontor.gui.views.admin.privacy_page import PrivacyPage
from satellitkontor.gui.views.admin_view import AdminView
from satellitkontor.services.demo import DemoService
from satellitkontor.storage.database import sqlite_url
from tests.conftest import MONDAY, MovableClock, Office
from tests.gui.lateness_probe import SETTLE_MS, TICK_MS, LatenessProbe
from tests.privacy_history import make_history


def test_gui_thread_keeps_answering_during_a_long_database_job(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    tmp_path: Path,
    clock: MovableClock,
) -> None:
    ctx = make_ctx(gui_office.admin)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settle_memory()  # as the app does once its window is up
    # A long job of real work: a demo office of a whole year, every booking through the services,
    # in a second database file.
    from satellitkontor.services.app_services import open_office

    other = open_office(sqlite_url(tmp_path / "big.sqlite3"), clock=clock)
    finished: list[object] = []
    probe = LatenessProbe()
    probe.start()
    started = time.perf_counter()
    ctx.run(
        lambda: DemoService(other.db, other.clock).create(weeks_back=26, weeks_ahead=26),
        finished.append,
        owner=window,
        label="Skapar demokontoret…",
    )
    qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
    took = time.perf_counter() - started
    probe.stop()
    other.close()
    print(
        f"job took {took:.1f} s; {probe.ticks} ticks; worst lateness {probe.worst} ms, "
        f"after the first {SETTLE_MS} ms {probe.worst_settled} ms "
        f"(as seen {probe.worst_raw} ms; {probe.stolen} ms taken by the hypervisor)"
    )
    assert took > 1.0, "the job should be long enough to prove something"
    assert probe.ticks >= took * 1000 / TICK_MS * 0.5
    assert probe.worst_settled <= 100
    assert probe.worst <= 250


def test_a_long_job_shows_progress_and_can_be_cancelled(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    ctx = make_ctx(gui_office.admin)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    steps: list[int] = []
    results: list[object] = []

    def long_job(progress: Progress) -> int:
        for i in range(1000):
            progress.check()
            progress.report(i, 1000, f"Steg {i}")
            steps.append(i)
            time.sleep(0.01)
        return len(steps)

    op = ctx.run(long_job, results.append, owner=window, label="Räknar…")

    def dialog() -> QProgressDialog | None:
        found = [w for w in window.findChildren(QProgressDialog) if w.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: dialog() is not None, timeout=5_000)
    shown = dialog()
    assert shown is not None and shown.labelText().startswith("Steg")
    cancel = next(b for b in shown.findChildren(QPushButton) if b.text() == "Avbryt")
    cancel.click()
    qtbot.waitUntil(lambda: op.done, timeout=5_000)
    QApplication.processEvents()
    assert results == []  # cancelled work reports nothing
    assert len(steps) < 1000
    assert dialog() is None


def _admin_view(qtbot: QtBot, ctx: AppContext) -> AdminView:
    view = AdminView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    return view


def test_a_retention_preview_keeps_the_window_answering(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    wait_idle: Callable[[], None],
) -> None:
    """Issue 18: during a retention preview the window froze (1.3 s on a 20-year office: the
    preview was the real run rolled back, and a full collection ran on the GUI thread)."""
    make_history(gui_office, MONDAY)
    view = _admin_view(qtbot, make_ctx(gui_office.admin))
    privacy = view.pages["privacy"]
    assert isinstance(privacy, PrivacyPage)
    view.tabs.setCurrentWidget(privacy)
    wait_idle()
    probe = LatenessProbe()
    probe.start()
    with qtbot.waitSignal(privacy.retention_previewed, timeout=10_000):
        privacy.preview_retention()
    qtbot.wait(3 * TICK_MS)
    probe.stop()
    print(
        f"retention preview: worst lateness {probe.worst} ms over {probe.ticks} ticks "
        f"(as seen {probe.worst_raw} ms; {probe.stolen} ms taken by the hypervisor)"
    )
    assert privacy.confirm_box is not None  # the preview found the old data, and asks
    privacy.confirm_box.reject()
    assert probe.worst <= 100


def test_the_first_open_of_each_admin_page_keeps_the_window_answering(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    wait_idle: Callable[[], None],
) -> None:
    """Issue 18: the first open of the administration kept the GUI thread busy for 0.6-1.7 s on
    this busy machine (all eight pages were made at once; now each when its tab is shown, and
    their modules are imported one per event-loop turn beforehand, as the app does once an
    admin's office is open: gui/preload.py). The preloading itself is measured too."""
    ctx = make_ctx(gui_office.admin)
    probe = LatenessProbe()
    probe.start()
    preloaded: list[bool] = []
    preload_in_slices(ADMIN_MODULES, start_ms=0, done=lambda: preloaded.append(True))
    qtbot.waitUntil(lambda: bool(preloaded), timeout=10_000)
    worst: dict[str, int] = {"(preloading)": probe.worst}
    seen: dict[str, int] = {"(preloading)": probe.worst_raw}
    view = _admin_view(qtbot, ctx)
    for key, page in view.pages.items():
        probe.reset_worst()
        view.tabs.setCurrentWidget(page)
        wait_idle()
        qtbot.wait(3 * TICK_MS)
        worst[key], seen[key] = probe.worst, probe.worst_raw
    probe.stop()
    print(f"first open, worst lateness per page (ms): {worst}")
    print(f"  as seen (ms): {seen}; {probe.stolen} ms taken by the hypervisor")
    late = {page: ms for page, ms in worst.items() if ms > 100}
    assert late == {}, f"the GUI thread was late by more than 100 ms: {late}"
