"""The date field is one Tab stop (it took four: weekday, day, month, year), and its popup is
wide enough to show the month's name in its header."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from satellitkontor.gui.widgets.date_fields import AppDateEdit, to_date, to_qdate
from satellitkontor.gui.widgets.date_navigator import DateNavigator
from satellitkontor.words.texts import fmt_date


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


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_navigator_writes_the_day_as_the_rest_of_the_app(qtbot: QtBot, lang: str) -> None:
    """It showed the long month ("mån 7 december 2026") where the app writes "mån 7 dec 2026"."""
    nav = DateNavigator(date(2026, 12, 7), lang)
    qtbot.addWidget(nav)
    nav.show()
    assert nav.date_edit.text() == fmt_date(date(2026, 12, 7), lang)
    assert nav.date_edit.text() == {"sv": "mån 7 dec 2026", "en": "Mon 7 Dec 2026"}[lang]
    nav.step(1)
    assert nav.date_edit.text() == fmt_date(date(2026, 12, 8), lang)
    nav.set_date(date(2027, 9, 29))  # the widest words still fit in the field
    line = nav.date_edit.lineEdit()
    assert nav.date_edit.text() == fmt_date(date(2027, 9, 29), lang)
    assert line.fontMetrics().horizontalAdvance(line.text()) <= line.width()


# --- the dialogs' date fields speak the app's date words -------------------------------------------

DAYS = [date(2026, 12, 8), date(2027, 1, 11), date(2027, 3, 31), date(2027, 6, 2), date(2027, 9, 3)]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_field_shows_the_app_date_words(qtbot: QtBot, lang: str) -> None:
    edit = AppDateEdit(DAYS[0], lang)
    qtbot.addWidget(edit)
    edit.show()
    for day in DAYS:
        edit.setDate(to_qdate(day))
        assert edit.text() == fmt_date(day, lang)
    edit.setDate(to_qdate(date(2026, 9, 30)))  # the widest words fit in the field's own width
    assert edit.lineEdit().fontMetrics().horizontalAdvance(edit.text()) <= edit.lineEdit().width()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_typing_a_date_still_works(qtbot: QtBot, lang: str) -> None:
    edit = AppDateEdit(date(2027, 1, 11), lang)
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    edit.lineEdit().setSelection(4, 2)  # the day's number, after the weekday
    qtbot.keyClicks(edit, "20")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert to_date(edit.date()) == date(2027, 1, 20)
    assert edit.text() == fmt_date(date(2027, 1, 20), lang)
    for typed, meant in (
        ("2027-02-15", date(2027, 2, 15)),
        (f"3 {'okt' if lang == 'sv' else 'Oct'} 2027", date(2027, 10, 3)),
    ):
        edit.lineEdit().selectAll()
        qtbot.keyClicks(edit, typed)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert to_date(edit.date()) == meant, typed
        assert edit.text() == fmt_date(meant, lang)
    edit.lineEdit().setCursorPosition(len(edit.text()) - 6)  # in the month
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert to_date(edit.date()) == date(2027, 11, 3)
