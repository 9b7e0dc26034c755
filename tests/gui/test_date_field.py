"""The date field is one Tab stop (it took four: weekday, day, month, year), and its popup is
wide enough to show the month's name in its header."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from satellitkontor.gui.widgets.date_navigator import DateNavigator


def test_the_date_field_is_one_tab_stop(qtbot: QtBot) -> None:
    outer = QWidget()
    nav = DateNavigator(date(2026, 11, 23), "sv", outer)
    after = QToolButton(outer)
    after.setText("efter")
    qtbot.addWidget(outer)
    outer.show()
    outer.activateWindow()
    qtbot.waitUntil(outer.isActiveWindow)
    nav.date_edit.setFocus()
    qtbot.waitUntil(nav.date_edit.hasFocus)
    nav.date_edit.focusNextPrevChild(True)
    focus = QApplication.focusWidget()
    assert focus is not None and focus is not nav.date_edit and not nav.date_edit.isAncestorOf(focus)


def test_the_popup_header_has_room_for_the_month(qtbot: QtBot) -> None:
    nav = DateNavigator(date(2026, 9, 1), "sv")
    qtbot.addWidget(nav)
    calendar = nav.date_edit.calendarWidget()
    need = QFontMetrics(calendar.font()).horizontalAdvance("september 2026") * 2
    assert calendar.minimumWidth() >= need
