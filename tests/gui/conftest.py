"""GUI tests: the real app's widgets on a real SQLite office, Qt offscreen (tests/conftest.py).

``gui_ctx`` is an AppContext attached to the test office with a chosen person; ``wait_idle``
waits until every background operation has called back, so a test asserts on what the user
would see once the work is done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from satellitkontor.domain.people import Person
from satellitkontor.gui import gc_guard, i18n, operations
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.settings import AppSettings
from tests.conftest import MovableClock, Office, make_office


@pytest.fixture(autouse=True, scope="package")
def _collect_on_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As the app does (gui/app.py): the cycle collector runs on the GUI thread only."""
    collector = gc_guard.install(qapp)
    yield
    gc_guard.uninstall(collector)


@pytest.fixture(autouse=True)
def _close_leftover_dialogs() -> Iterator[None]:
    """A dialog a test left open (an error box over a closed window) must not be seen by the next."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.done(0)


@pytest.fixture
def gui_office(tmp_path: Path, clock: MovableClock) -> Iterator[Office]:
    from satellitkontor.storage.database import sqlite_url

    o = make_office(sqlite_url(tmp_path / "office.sqlite3"), clock)
    yield o
    o.services.close()


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings.at(str(tmp_path / "settings.ini"))


@pytest.fixture
def make_ctx(
    qapp: QApplication, gui_office: Office, app_settings: AppSettings
) -> Iterator[Callable[..., AppContext]]:
    made: list[AppContext] = []

    def make(person: Person | None = None, lang: str = "sv") -> AppContext:
        i18n.install(lang)
        ctx = AppContext(app_settings, lang, gui_office.services.db.url.render_as_string(hide_password=False))
        ctx.attach(gui_office.services)
        ctx.set_person(person if person is not None else gui_office.anna)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.stop_watching()
    i18n.install("sv")


@pytest.fixture
def wait_idle(qtbot: QtBot) -> Callable[[], None]:
    def wait(timeout: int = 10_000) -> None:
        # Until nothing runs and nothing new started meanwhile: a view may make its page or start
        # its load in the next event-loop turn (a zero timer), i.e. during the short wait below,
        # and a result's text needs its posted layout request handled before a check measures it.
        for _ in range(50):
            qtbot.waitUntil(lambda: operations.pending() == 0, timeout=timeout)
            qtbot.wait(10)  # let queued callbacks and zero timers run
            QCoreApplication.sendPostedEvents()  # the layout requests they posted
            if operations.pending() == 0:
                return

    return wait


def error_boxes() -> list[QMessageBox]:
    """Error messages currently shown (they open without blocking, see gui/errors.py)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "errorBox" and w.isVisible()
    ]
