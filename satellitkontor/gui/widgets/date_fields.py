"""Date fields of the dialogs: one look (a calendar popup, weeks from Monday, a grid) and the
conversions between Qt's and Python's dates, for every dialog that asks for a day or a range."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit


def to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(object_name: str, accessible_name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setObjectName(object_name)
    edit.setAccessibleName(accessible_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    edit.calendarWidget().setGridVisible(True)
    return edit


def keep_in_order(first: QDateEdit, last: QDateEdit) -> None:
    """A range's last day follows its first when the first moves past it (one day by default)."""

    def first_changed(qdate: QDate) -> None:
        if last.date() < qdate:
            last.setDate(qdate)

    first.dateChanged.connect(first_changed)
