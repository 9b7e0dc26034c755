"""What tests/benchmarks/startup_benchmark.py reads from the app: set ``SATELLITKONTOR_STARTUP_PROBE``.

The app prints, on stdout, when its window shows (``window_shown``) and when the book view shows
the day's desks (``data_shown``, after ``start_view`` KEY, the view the window opened in), each
with its peak memory (``peak_kb``, Linux VmHWM), whether the ORM had been loaded by the time the
desks showed (``orm_loaded`` 0 or 1), and how
late a 20 ms GUI-thread timer came at worst meanwhile (``late_start``); then, with the value
``1``, its worst lateness in the ``SETTLE_MS`` after (``late_settle``) before it quits. With the value ``full``
it then opens the administration and each of its pages in turn (the worst of their first
builds; ``late_admin``, each page's on stderr) and previews retention on its
privacy page (``late_preview``) before it quits: the GUI thread's worst lateness in each, which
issue 18 wants at 50 ms or less.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from satellitkontor.gui.app import DesktopApp

#: The environment variable, and its value for the administration and retention steps too.
STARTUP_PROBE = "SATELLITKONTOR_STARTUP_PROBE"
FULL = "full"
TICK_MS = 20
#: A tick later than this is logged on stderr with its time since the probe started.
LOG_LATE_MS = 30
#: Without ``full``: how long after the desks the app runs on (what it makes after the desks,
#: gui/app.py ``START_SERVICES``), its worst lateness said as ``late_settle``.
SETTLE_MS = 1500
#: How long each administration page is given to be made and load its data.
PAGE_MS = 500


class Lateness:
    """A GUI-thread timer every ``TICK_MS``: the worst lateness since the last ``take``."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.clock.start()
        self.last = 0
        self.worst = 0
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        late = now - self.last - TICK_MS
        self.worst = max(self.worst, late)
        if late > LOG_LATE_MS:  # where the time went, for whoever reads stderr
            print(f"late_tick at {now} ms: {late} ms late", file=sys.stderr, flush=True)
        self.last = now

    def take(self) -> int:
        worst, self.worst = self.worst, 0
        return worst


def attach(desktop: DesktopApp, started: float, mode: str) -> None:
    """Report as the module docstring says, then quit."""
    late = Lateness()

    def say(word: str, value: object) -> None:
        print(f"{word} {value}", flush=True)

    def shown() -> None:
        say("window_shown", f"{time.perf_counter() - started:.4f}")
        say("peak_kb", peak_kb())

    QTimer.singleShot(0, shown)

    reported = False

    def data_ready() -> None:
        nonlocal reported
        if reported:  # a later reload
            return
        reported = True
        say("start_view", desktop.window.current_key() or "-")
        say("data_shown", f"{time.perf_counter() - started:.4f}")
        say("peak_kb", peak_kb())
        say("orm_loaded", int("sqlalchemy.orm" in sys.modules))  # gui/app.py START_SERVICES
        # the ticks after the data showed, up to the next one, belong to start-up too
        QTimer.singleShot(3 * TICK_MS, lambda: _after_start(desktop, late, say, mode))

    def watch(key: str) -> None:
        if key != "book":
            return
        ready = getattr(desktop.window.views[key], "data_loaded", None)
        if ready is not None:
            ready.connect(data_ready)
        else:
            desktop.ctx.opened.connect(data_ready)

    # The window shows first and builds its start view in the turns after (gui/main_window.py).
    if "book" in desktop.window.views:
        watch("book")
    else:
        desktop.window.view_made.connect(watch)


def _after_start(desktop: DesktopApp, late: Lateness, say: Callable[[str, object], None], mode: str) -> None:
    say("late_start", late.take())
    if mode != FULL:

        def settled() -> None:
            say("late_settle", late.take())
            QApplication.quit()

        QTimer.singleShot(SETTLE_MS, settled)
        return
    window = desktop.window
    # Shown at once, or once the services the start left for after the desks are made (its empty
    # page meanwhile, gui/main_window.py): the wait counts towards the first page's lateness.
    window.show_view("admin")

    def admin_built(key: str) -> None:
        if key == "admin":
            window.view_made.disconnect(admin_built)
            _admin_pages(desktop, late, say)

    if "admin" in window.views:
        _admin_pages(desktop, late, say)
    else:
        window.view_made.connect(admin_built)


def _admin_pages(desktop: DesktopApp, late: Lateness, say: Callable[[str, object], None]) -> None:
    """Each administration page in turn, then a retention preview (see the module docstring)."""
    from satellitkontor.gui.views.admin.privacy_page import PrivacyPage
    from satellitkontor.gui.views.admin_view import AdminView

    admin = desktop.window.views["admin"]
    assert isinstance(admin, AdminView)
    keys = list(admin.pages)
    per_page: dict[str, int] = {}

    def open_next(index: int) -> None:
        # the worst since tab ``index`` was opened, PAGE_MS ago, belongs to its page's first build
        per_page[keys[index]] = late.take()
        if index + 1 < len(keys):
            admin.tabs.setCurrentIndex(index + 1)  # this tab's page is made now, on its first showing
            QTimer.singleShot(PAGE_MS, lambda: open_next(index + 1))
        else:
            print(f"late_admin_pages {per_page}", file=sys.stderr, flush=True)
            say("late_admin", max(per_page.values()))
            preview()

    def preview() -> None:
        privacy = admin.page("privacy")
        assert isinstance(privacy, PrivacyPage)
        admin.tabs.setCurrentWidget(privacy)

        def previewed(_report: object) -> None:
            def done() -> None:
                say("late_preview", late.take())
                say("peak_end_kb", peak_kb())  # every page made, every service: the run's peak
                if privacy.confirm_box is not None:
                    privacy.confirm_box.reject()
                QApplication.quit()

            QTimer.singleShot(3 * TICK_MS, done)

        privacy.retention_previewed.connect(previewed)
        late.take()  # the tab's own first showing is the admin page's, measured above
        privacy.preview_retention()

    QTimer.singleShot(PAGE_MS, lambda: open_next(0))  # the first page made and its data loaded


def peak_kb() -> int:
    """Peak resident memory of this process in KiB (Linux: VmHWM)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
