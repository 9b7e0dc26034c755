"""Date fields of the dialogs: one look (a calendar popup, weeks from Monday, a grid), the app's
own date words ("tis 8 dec 2026" / "Tue 8 Dec 2026", as ``words.texts.fmt_date``) and the
conversions between Qt's and Python's dates, for every dialog that asks for a day or a range.

Qt's own abbreviations are not the app's: Swedish CLDR months carry a dot ("dec."), and English
in Sweden says "Sept". The field therefore edits Qt's "ddd d MMM yyyy" sections (arrow keys step
day, month or year; typing a number replaces the part under the cursor) but shows the app's words
(:meth:`AppDateEdit.textFromDateTime`); English takes the US month names ("Sep", as the app),
Swedish Sweden's without the dot. A whole date typed or pasted over the field is read as the app
writes it, as ISO ("2027-01-11") or as "11/1 2027".
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, QLocale, QSize, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from satellitkontor import words
from satellitkontor.words.texts import fmt_date

DISPLAY_FORMAT = "ddd d MMM yyyy"
_PARTIAL = re.compile(r"[\w ./-]{1,20}")


def to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def current_language() -> str:
    """The language i18n.install chose (it sets QLocale's default), Swedish otherwise."""
    code = QLocale.languageToCode(QLocale().language())
    return code if code in words.languages() else words.DEFAULT


def _locale(lang: str) -> QLocale:
    if lang == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(QLocale(lang).language(), QLocale.Country.Sweden)


def _month_numbers(lang: str) -> dict[str, int]:
    names: dict[str, int] = {}
    for month in range(1, 13):
        for key in (f"date.month.short.{month}", f"date.month.{month}"):
            names[words.say(key, lang).lower()] = month
    return names


def parse_typed(text: str, lang: str) -> dt.date | None:
    """A date typed whole: the app's own words ("tis 8 dec 2026", the weekday optional), ISO
    ("2027-01-11") or day/month year ("11/1 2027"); None if it is none of these."""
    text = text.strip().lower().replace(".", "")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})[ /-](\d{4})", text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(?:\w+\s+)?(\d{1,2})\s+(\w+)\s+(\d{4})", text):
            month = _month_numbers(lang).get(m[2])
            return dt.date(int(m[3]), month, int(m[1])) if month else None
    except ValueError:  # 31 february
        return None
    return None


class AppDateEdit(QDateEdit):
    """A date field in the app's words, one Tab stop (Qt's moves Tab through its sections:
    weekday, day, month, year; within it the arrow keys still move and change the parts)."""

    def __init__(
        self, day: dt.date | None = None, lang: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.lang = lang or current_language()
        self.setLocale(_locale(self.lang))
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        self.calendarWidget().setLocale(self.locale())
        self.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendarWidget().setGridVisible(True)
        if day is not None:
            self.setDate(to_qdate(day))

    def sizeHint(self) -> QSize:
        """Qt sizes the field by the first date it can hold; room here for the widest the app
        writes (every weekday and every month's word)."""
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        base = metrics.horizontalAdvance(self.textFromDateTime(self.minimumDateTime()))
        days = [dt.date(2026, month, 22 + weekday) for month in range(1, 13) for weekday in range(7)]
        widest = max(metrics.horizontalAdvance(fmt_date(day, self.lang)) for day in days)
        return QSize(hint.width() + max(0, widest - base), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())

    def textFromDateTime(self, dateTime: QDateTime | dt.datetime) -> str:
        qdate = dateTime.date() if isinstance(dateTime, QDateTime) else to_qdate(dateTime.date())
        return fmt_date(to_date(qdate), self.lang)

    def validate(self, input: str, pos: int) -> tuple[QValidator.State, str, int]:
        typed = parse_typed(input, self.lang)
        if typed is not None and to_qdate(typed) != self.date():
            within = self.minimumDate() <= to_qdate(typed) <= self.maximumDate()
            state = QValidator.State.Acceptable if within else QValidator.State.Invalid
            return (state, input, pos)
        result = super().validate(input, pos)
        if result[0] == QValidator.State.Invalid and _PARTIAL.fullmatch(input):
            return (QValidator.State.Intermediate, input, pos)  # a whole date on its way
        return result

    def dateTimeFromText(self, text: str) -> QDateTime:
        typed = parse_typed(text, self.lang)
        if typed is not None:
            return QDateTime(to_qdate(typed), self.time())
        return super().dateTimeFromText(text)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def date_edit(object_name: str, accessible_name: str, day: dt.date) -> QDateEdit:
    edit = AppDateEdit(day)
    edit.setObjectName(object_name)
    edit.setAccessibleName(accessible_name)
    return edit


def keep_in_order(first: QDateEdit, last: QDateEdit) -> None:
    """A range's last day follows its first when the first moves past it (one day by default)."""

    def first_changed(qdate: QDate) -> None:
        if last.date() < qdate:
            last.setDate(qdate)

    first.dateChanged.connect(first_changed)
