"""Never a crash without words: an exception nobody caught (in a slot, in background work) is
logged with its traceback in the rotating log file, shown as a short Swedish message naming that
file, and the app goes on working."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from satellitkontor import logs
from satellitkontor.gui import operations, unexpected
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.about_dialog import AboutDialog
from satellitkontor.gui.main_window import MainWindow
from tests.gui.conftest import error_boxes


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = logs.setup(tmp_path / "logs")
    yield path
    logs.shutdown()


@pytest.fixture
def hook(log_file: Path) -> Iterator[unexpected.UnexpectedErrors]:
    """The app's own hook, as gui/app.py installs it (pytest-qt's capture is off for these tests)."""
    handler = unexpected.install()
    yield handler
    unexpected.uninstall()


def _window(qtbot: QtBot, make_ctx: Callable[..., AppContext]) -> MainWindow:
    window = MainWindow(make_ctx())
    qtbot.addWidget(window)
    window.show()
    return window


def _the_menus_still_work(qtbot: QtBot, window: MainWindow) -> None:
    window.findChild(QAction, "aboutAction").trigger()
    qtbot.waitUntil(
        lambda: any(isinstance(w, AboutDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    window.show_view("room")
    assert window.stack.currentWidget() is window.view("room")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_shown_and_the_app_goes_on(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], hook: unexpected.UnexpectedErrors, log_file: Path
) -> None:
    window = _window(qtbot, make_ctx)
    button = QPushButton("Räkna beläggning")
    window.statusBar().addWidget(button)
    button.show()

    def occupancy_per_desk() -> None:
        desks = 0
        print(12 / desks)

    button.clicked.connect(occupancy_per_desk)
    qtbot.waitExposed(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: bool(error_boxes()), timeout=5_000)
    box = error_boxes()[0]
    assert box.text() == f"Något oväntat hände. Programmet fortsätter. Detaljer finns i loggfilen: {log_file}"
    assert "ZeroDivisionError" in box.detailedText()
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR" in text and "unexpected error; the app goes on" in text
    assert "Traceback (most recent call last)" in text
    assert "in occupancy_per_desk" in text and "ZeroDivisionError: division by zero" in text

    # a second failure while the box is open is logged, not stacked as a second box
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert len(error_boxes()) == 1
    assert log_file.read_text(encoding="utf-8").count("in occupancy_per_desk") == 2
    box.done(0)

    assert window.isVisible()
    _the_menus_still_work(qtbot, window)
    assert hook.count == 2


@pytest.mark.qt_no_exception_capture
def test_background_work_failing_without_a_handler_is_shown_too(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], hook: unexpected.UnexpectedErrors, log_file: Path
) -> None:
    window = _window(qtbot, make_ctx)

    def export_statistics() -> None:
        raise OSError(28, "No space left on device")

    operations.run(export_statistics, owner=window)  # no on_error: nobody else would say it
    qtbot.waitUntil(lambda: bool(error_boxes()), timeout=5_000)
    assert str(log_file) in error_boxes()[0].text()
    assert "in export_statistics" in log_file.read_text(encoding="utf-8")
    error_boxes()[0].done(0)
    _the_menus_still_work(qtbot, window)


def test_a_views_background_error_names_the_log_file(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], wait_idle: Callable[[], None], log_file: Path
) -> None:
    """The usual way (AppContext.run with its error box) says the same and logs the traceback."""
    ctx = make_ctx()
    window = _window(qtbot, lambda: ctx)

    def load_week() -> None:
        raise KeyError("room 7")

    ctx.run(load_week, owner=window)
    wait_idle()
    boxes = error_boxes()
    assert len(boxes) == 1
    assert boxes[0].text() == (
        "Något oväntat hände (KeyError). Ingenting sparades. Programmet fortsätter. "
        f"Detaljer finns i loggfilen: {log_file}"
    )
    assert "in load_week" in log_file.read_text(encoding="utf-8")
    boxes[0].done(0)
    _the_menus_still_work(qtbot, window)
