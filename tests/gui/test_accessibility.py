"""Every control a person can operate has a name a screen reader can say: its own text
(buttons) or an accessible name; and every view is reachable from the keyboard."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.main_window import VIEWS, MainWindow
from tests.conftest import Office

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit)


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or isinstance(w, QHeaderView):  # headers belong to their table
            continue
        if w.window() is not root.window():  # a combo box's popup list, a calendar popup
            continue
        if isinstance(w.parent(), (QTabBar, QAbstractSpinBox, QComboBox, QLineEdit)):  # their own parts
            continue
        if w.objectName().startswith("qt_"):  # Qt's own parts (scroll bar buttons, calendar)
            continue
        text = w.text() if isinstance(w, QAbstractButton) else ""
        if not (w.accessibleName() or text.replace("&", "").strip()):
            missing.append(
                f"{type(w).__name__} {w.objectName() or '(no object name)'} in {type(w.parent()).__name__} {w.parent().objectName()}"
            )
    return missing


@pytest.mark.parametrize("key", [spec.key for spec in VIEWS])
def test_every_control_of_every_view_has_a_name(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    key: str,
    wait_idle: Callable[[], None],
) -> None:
    window = MainWindow(make_ctx(gui_office.admin))
    qtbot.addWidget(window)
    window.show()
    window.show_view(key)
    wait_idle()
    assert _unnamed(window.views[key]) == []


def test_every_view_has_a_keyboard_shortcut(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    window = MainWindow(make_ctx(gui_office.admin))
    qtbot.addWidget(window)
    shortcuts = [window.view_actions[spec.key].shortcut().toString() for spec in VIEWS]
    assert shortcuts == [f"Ctrl+{n}" for n in range(1, len(VIEWS) + 1)]
    window.show()
    window.view_actions["rotation"].trigger()
    assert window.current_key() == "rotation"
