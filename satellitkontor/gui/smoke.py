"""The built app's self-test: ``SATELLITKONTOR_SMOKE=1 satellitkontor --db URL``.

packaging/build.py runs it on the PyInstaller bundle (offscreen, on a fresh database in a
temporary folder). Started through the same ``main()`` as the real app, it

1. opens the office (a fresh database is created by the bundled Alembic migrations) and, as
   the database is empty, creates the demo office without asking;
2. signs in as the demo's administrator (or ``$SATELLITKONTOR_USER``);
3. shows every view in the list, and every tab of Administration, and waits until each one's
   background work is done (the views' modules are imported on first use: a module the bundle
   left out fails here);
4. opens "Om Satellitkontoret";
5. checks what a bundle can lack: the window icon at every size, Qt's own Swedish translation,
   the English translation file, Swedish holiday names (holidays' data) and the office's time
   zone (tzdata; run it with ``PYTHONTZPATH=`` to make sure the bundled one is used);
6. quits with 0, or with 1 at the first error box, unexpected exception or failed check, or
   when ``$SATELLITKONTOR_SMOKE_TIMEOUT`` seconds (default 180) have passed.

Every step is printed as ``smoke: ...``, so a failed build says where it stopped.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTabWidget

from satellitkontor.gui import operations, unexpected

ENV_SMOKE = "SATELLITKONTOR_SMOKE"
ENV_TIMEOUT = "SATELLITKONTOR_SMOKE_TIMEOUT"
#: Who the smoke test signs in as: the demo office's administrator.
DEMO_ADMIN = "sofia.lindqvist@umea.se"

Wait = tuple[Callable[[], bool], str]


class SmokeFailed(Exception):
    pass


def say(text: str) -> None:
    print(f"smoke: {text}", flush=True)


class SmokeTest(QObject):
    def __init__(self, desktop: object, timeout_s: float) -> None:
        super().__init__()
        from satellitkontor.gui.app import DesktopApp

        assert isinstance(desktop, DesktopApp)
        self.desktop = desktop
        self.deadline = time.monotonic() + timeout_s
        self.code: int | None = None
        self._steps = self._script()
        self._waiting: Wait | None = None
        self._idle_ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._timer.start()

    # --- driving the script ----------------------------------------------------------------------
    def _tick(self) -> None:
        try:
            self._check_no_errors()
            if self._waiting is not None:
                ready, what = self._waiting
                if not ready():
                    if time.monotonic() > self.deadline:
                        raise SmokeFailed(f"timed out waiting for {what}")
                    return
            self._waiting = next(self._steps)
        except StopIteration:
            self._finish(0)
        except Exception as exc:  # every failure ends the smoke test with 1
            say(f"FAILED: {type(exc).__name__}: {exc}")
            self._finish(1)

    def _finish(self, code: int) -> None:
        self._timer.stop()
        self.code = code
        say("passed" if code == 0 else "failed")
        QApplication.exit(code)

    def _check_no_errors(self) -> None:
        handler = unexpected.installed()
        if handler is not None and handler.count:
            raise SmokeFailed(f"{handler.count} unexpected exception(s), see the log file")
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == "errorBox" and widget.isVisible():
                raise SmokeFailed(f"an error box is shown: {widget.text()}")

    def _idle(self) -> bool:
        """No background work for three ticks in a row (a view may chain one call after another)."""
        self._idle_ticks = self._idle_ticks + 1 if operations.pending() == 0 else 0
        return self._idle_ticks >= 3

    # --- the script ------------------------------------------------------------------------------
    def _script(self) -> Iterator[Wait]:
        desktop = self.desktop
        ctx = desktop.ctx
        yield (lambda: ctx.services is not None or ctx.open_error is not None), "the office to open"
        if ctx.open_error is not None:
            raise SmokeFailed(f"the office did not open: {ctx.open_error}")
        say(f"database: {ctx.svc.db.describe()}")
        yield (lambda: ctx.person is not None and self._idle()), "the demo office and a person"
        assert ctx.person is not None
        say(f"signed in as {ctx.person.name} ({ctx.person.role.value})")
        window = desktop.window
        if not window.isVisible():
            raise SmokeFailed("the main window is not shown")
        say(f"main window shown: {window.windowTitle()!r}, {window.width()}x{window.height()}")
        for key in window.nav_keys():
            window.show_view(key)
            yield self._idle, f"view {key}"
            view = window.view(key)
            tabs = view.findChild(QTabWidget)
            if tabs is not None and key == "admin":
                for index in range(tabs.count()):
                    tabs.setCurrentIndex(index)
                    yield self._idle, f"{key} tab {index}"
                say(f"view {key}: shown, {tabs.count()} tabs")
            else:
                say(f"view {key}: shown")
        about = window.show_about()
        yield about.isVisible, "the About dialog"
        for name, value in about.facts:
            say(f"about: {name}: {value}")
        about.close()
        self._bundle_checks()

    def _bundle_checks(self) -> None:
        icon = QApplication.windowIcon()
        sizes = sorted({s.width() for s in icon.availableSizes()})
        if not sizes or max(sizes) < 256:
            raise SmokeFailed(f"the window icon is missing or small: {sizes}")
        say(f"window icon sizes: {sizes}")
        if self.desktop.ctx.lang == "sv":
            context, source = "QPlatformTheme", "Cancel"  # Qt's own text: not for our .ts (lupdate)
            cancel = QCoreApplication.translate(context, source)
            if cancel != "Avbryt":
                raise SmokeFailed(f"Qt's Swedish translation is not loaded ('Cancel' reads {cancel!r})")
            say("Qt's own Swedish translation: loaded ('Cancel' reads 'Avbryt')")
        from satellitkontor.resources_data import resource_path

        english = resource_path("translations", "satellitkontor_en.qm")
        if not english.is_file():
            raise SmokeFailed(f"the English translation is missing: {english}")
        say(f"English translation: {english.stat().st_size} bytes")
        from satellitkontor.domain.office_calendar import swedish_holidays

        names = set(swedish_holidays(2026).values())
        if "Juldagen" not in names:
            raise SmokeFailed(f"Swedish holiday names are missing: {sorted(names)}")
        say(f"holidays: {len(names)} Swedish holidays in 2026, e.g. Juldagen")
        bundle = getattr(sys, "_MEIPASS", None)
        if bundle and bundle in os.environ.get("LD_LIBRARY_PATH", ""):
            raise SmokeFailed(
                "LD_LIBRARY_PATH still names the bundle: programs the app starts would get its libraries"
            )
        if bundle:
            say("programs the app starts get the system's libraries (LD_LIBRARY_PATH as before)")
        import zoneinfo
        from datetime import datetime

        zone = zoneinfo.ZoneInfo("Europe/Stockholm")
        offset = datetime(2026, 7, 1, tzinfo=zone).utcoffset()
        say(
            f"time zone Europe/Stockholm: UTC{offset} in July (search path: {list(zoneinfo.TZPATH) or 'tzdata only'})"
        )


def attach(desktop: object) -> SmokeTest:
    """Run the smoke test on this app once its event loop runs."""
    timeout = float(os.environ.get(ENV_TIMEOUT, "") or 180)
    test = SmokeTest(desktop, timeout)
    QTimer.singleShot(0, test.start)
    return test
