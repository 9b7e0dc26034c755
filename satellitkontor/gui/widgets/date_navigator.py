"""The date navigator: today, previous/next working day, a calendar popup, and why a day is closed.

The office calendar (opening days, Swedish holidays, closures) is handed in by the view, loaded
off the GUI thread; stepping to the next working day is then pure arithmetic. Closed days stay
selectable (the receptionist may want to look at Christmas Eve) and say why they are closed.
"""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLabel, QToolButton, QWidget

from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.gui.widgets.date_fields import AppDateEdit
from satellitkontor.words.texts import closed_name, fmt_date


class DateNavigator(QWidget):
    date_changed = Signal(object)  # datetime.date

    def __init__(self, today: dt.date, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._today = today
        self._day = today
        self.calendar: OfficeCalendar | None = None

        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setObjectName("previousDay")
        self.prev_button.setAccessibleName(self.tr("Föregående arbetsdag"))
        self.prev_button.setToolTip(self.tr("Föregående arbetsdag (Alt+Vänster)"))
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("&Idag"))
        self.today_button.setObjectName("today")
        self.today_button.setAccessibleName(self.tr("Idag"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setObjectName("nextDay")
        self.next_button.setAccessibleName(self.tr("Nästa arbetsdag"))
        self.next_button.setToolTip(self.tr("Nästa arbetsdag (Alt+Höger)"))
        # The app's date words, as the dialogs' date fields ("mån 7 dec 2026" / "Mon 7 Dec 2026"),
        # one Tab stop, with the popup's weeks from Monday.
        self.date_edit = AppDateEdit(today, lang)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setAccessibleName(self.tr("Datum"))
        # Wide enough for the month's name in the popup's header ("m…" at Qt's own width).
        self.date_edit.calendarWidget().setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 24)
        self.date_edit.calendarWidget().currentPageChanged.connect(self._mark_month)
        self.day_label = QLabel()
        self.day_label.setObjectName("dayLabel")
        font = self.day_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.day_label.setFont(font)
        #: Whether the navigator itself says why a day is closed; a view that says it in one
        #: place of its own (the day view's totals, the booking view's banner) turns this off.
        self.show_closed = True
        self.closed_label = QLabel()
        self.closed_label.setObjectName("closedLabel")
        self.closed_label.setStyleSheet("color: palette(bright-text); font-weight: bold;")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev_button, self.today_button, self.next_button, self.date_edit):
            layout.addWidget(w)
        layout.addSpacing(12)
        layout.addWidget(self.day_label)
        layout.addSpacing(8)
        layout.addWidget(self.closed_label)
        layout.addStretch(1)

        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(lambda: self.set_date(self._today))
        self.date_edit.dateChanged.connect(self._edited)
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.step(-1))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.step(1))
        self._show()

    # --- state -----------------------------------------------------------------------------------
    def date(self) -> dt.date:
        return self._day

    def set_today(self, today: dt.date) -> None:
        self._today = today

    def set_calendar(self, calendar: OfficeCalendar) -> None:
        self.calendar = calendar
        self._mark_month(self._day.year, self._day.month)
        self._show()

    def set_date(self, day: dt.date) -> None:
        if day == self._day:
            self._show()
            return
        self._day = day
        self._show()
        self.date_changed.emit(day)

    def step(self, direction: int) -> None:
        """To the previous or next day the office is open (or the plain next day without a calendar)."""
        if self.calendar is not None:
            self.set_date(self.calendar.next_open_day(self._day, direction))
        else:
            self.set_date(self._day + timedelta(days=direction))

    def closed_text(self) -> str:
        if self.calendar is None:
            return ""
        reason = self.calendar.closed_reason(self._day)
        return self.tr("Stängt: {reason}").format(reason=closed_name(reason, self.lang)) if reason else ""

    # --- display ---------------------------------------------------------------------------------
    def _show(self) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self._day.year, self._day.month, self._day.day))
        self.date_edit.blockSignals(False)
        text = fmt_date(self._day, self.lang)
        if self._day == self._today:
            text = self.tr("{day} (idag)").format(day=text)
        self.day_label.setText(text)
        closed = self.closed_text()
        self.closed_label.setText(closed)
        self.closed_label.setVisible(bool(closed) and self.show_closed)
        self.setAccessibleDescription(f"{text}. {closed}".strip(". "))

    def _edited(self, qdate: QDate) -> None:
        self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()))

    def _mark_month(self, year: int, month: int) -> None:
        """Grey out and name the closed days of the popup's month."""
        widget: QCalendarWidget = self.date_edit.calendarWidget()
        widget.setDateTextFormat(QDate(), QTextCharFormat())  # clear all
        if self.calendar is None:
            return
        first = dt.date(year, month, 1)
        day = first - timedelta(days=7)
        while day < first + timedelta(days=45):
            reason = self.calendar.closed_reason(day)
            if reason is not None:
                fmt = QTextCharFormat()
                fmt.setForeground(QColor("#9a9a9a"))
                fmt.setToolTip(closed_name(reason, self.lang))
                if reason.kind.value != "weekday":
                    fmt.setFontStrikeOut(True)
                widget.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)
            day += timedelta(days=1)
