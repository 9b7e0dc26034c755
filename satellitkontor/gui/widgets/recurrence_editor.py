"""Repeating a booking: every week on chosen weekdays, or every day, until a date or N times.

The editor only describes the rule; the booking dialogs hand its :class:`Recurrence` to
``BookingService.book_series`` (a dry run first, so the user sees what will be booked and what is
skipped, and why). Closed days are not filtered here: the dry run names them.

API:
    RecurrenceEditor(start: date, parent=None)
    .repeat_check (QCheckBox "Upprepa"), .weekly_radio, .daily_radio, .weekday_checks {0..4: QCheckBox},
    .until_radio, .until_edit (QDateEdit), .count_radio, .count_spin
    .is_repeating() -> bool
    .recurrence() -> Recurrence | None   (None when not repeating; raises BadRecurrence when invalid)
    .set_start(day)
    .changed: Signal()                   (anything the user changed)
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.errors import BadRecurrence
from satellitkontor.domain.recurrence import MAX_OCCURRENCES, Recurrence
from satellitkontor.gui.widgets.date_fields import AppDateEdit

#: How far the "until" date lies by default.
DEFAULT_WEEKS = 4
DEFAULT_COUNT = 4


class RecurrenceEditor(QWidget):
    changed = Signal()

    def __init__(self, start: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start = start
        self.setObjectName("recurrenceEditor")

        self.repeat_check = QCheckBox(self.tr("&Upprepa"))
        self.repeat_check.setObjectName("repeat")
        self.repeat_check.setAccessibleName(self.tr("Upprepa bokningen"))

        self.weekly_radio = QRadioButton(self.tr("Varje &vecka på:"))
        self.weekly_radio.setObjectName("weekly")
        self.weekly_radio.setAccessibleName(self.tr("Varje vecka på valda veckodagar"))
        self.daily_radio = QRadioButton(self.tr("Varje &dag"))
        self.daily_radio.setObjectName("daily")
        self.daily_radio.setAccessibleName(self.tr("Varje dag"))
        frequency = QButtonGroup(self)
        frequency.addButton(self.weekly_radio)
        frequency.addButton(self.daily_radio)
        self.weekly_radio.setChecked(True)

        short = (self.tr("mån"), self.tr("tis"), self.tr("ons"), self.tr("tors"), self.tr("fre"))
        full = (
            self.tr("måndag"),
            self.tr("tisdag"),
            self.tr("onsdag"),
            self.tr("torsdag"),
            self.tr("fredag"),
        )
        self.weekday_checks: dict[int, QCheckBox] = {}
        days_row = QHBoxLayout()
        days_row.setContentsMargins(0, 0, 0, 0)
        for weekday, (text, name) in enumerate(zip(short, full, strict=True)):
            check = QCheckBox(text)
            check.setObjectName(f"weekday{weekday}")
            check.setAccessibleName(name)
            self.weekday_checks[weekday] = check
            days_row.addWidget(check)
        days_row.addStretch(1)

        self.until_radio = QRadioButton(self.tr("Till och &med:"))
        self.until_radio.setObjectName("untilChoice")
        self.until_radio.setAccessibleName(self.tr("Till och med datum"))
        self.until_edit = AppDateEdit()
        self.until_edit.setObjectName("until")
        self.until_edit.setAccessibleName(self.tr("Sista dag"))
        self.count_radio = QRadioButton(self.tr("A&ntal gånger:"))
        self.count_radio.setObjectName("countChoice")
        self.count_radio.setAccessibleName(self.tr("Ett antal gånger"))
        self.count_spin = QSpinBox()
        self.count_spin.setObjectName("count")
        self.count_spin.setAccessibleName(self.tr("Antal gånger"))
        self.count_spin.setRange(1, MAX_OCCURRENCES)
        self.count_spin.setValue(DEFAULT_COUNT)
        ending = QButtonGroup(self)
        ending.addButton(self.until_radio)
        ending.addButton(self.count_radio)
        self.until_radio.setChecked(True)

        self.details = QWidget()
        self.details.setObjectName("recurrenceDetails")
        grid = QGridLayout(self.details)
        grid.setContentsMargins(24, 0, 0, 0)
        grid.addWidget(self.weekly_radio, 0, 0)
        grid.addLayout(days_row, 0, 1)
        grid.addWidget(self.daily_radio, 1, 0, 1, 2)
        grid.addWidget(self.until_radio, 2, 0)
        grid.addWidget(self.until_edit, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.count_radio, 3, 0)
        grid.addWidget(self.count_spin, 3, 1, Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.repeat_check)
        layout.addWidget(self.details)

        self.set_start(start)
        self._sync()
        self.repeat_check.toggled.connect(self._sync)
        self.weekly_radio.toggled.connect(self._sync)
        self.until_radio.toggled.connect(self._sync)
        for check in self.weekday_checks.values():
            check.toggled.connect(self.changed)
        self.until_edit.dateChanged.connect(self.changed)
        self.count_spin.valueChanged.connect(self.changed)

    # --- state -----------------------------------------------------------------------------------
    def is_repeating(self) -> bool:
        return self.repeat_check.isChecked()

    def set_start(self, day: date) -> None:
        """A new first day: its weekday is ticked and the end date follows, as a new rule would."""
        self._start = day
        for weekday, check in self.weekday_checks.items():
            check.blockSignals(True)
            check.setChecked(weekday == day.weekday())
            check.blockSignals(False)
        until = day + timedelta(weeks=DEFAULT_WEEKS)
        self.until_edit.blockSignals(True)
        self.until_edit.setMinimumDate(_qdate(day))
        self.until_edit.setDate(_qdate(until))
        self.until_edit.blockSignals(False)

    def weekdays(self) -> frozenset[int]:
        return frozenset(d for d, check in self.weekday_checks.items() if check.isChecked())

    def recurrence(self) -> Recurrence | None:
        """The rule as entered, or None when "Upprepa" is off; BadRecurrence when it makes no sense."""
        if not self.is_repeating():
            return None
        until = _date(self.until_edit.date()) if self.until_radio.isChecked() else None
        count = self.count_spin.value() if self.count_radio.isChecked() else None
        if self.daily_radio.isChecked():
            return Recurrence.daily(self._start, until=until, count=count)
        weekdays = self.weekdays()
        if not weekdays:
            raise BadRecurrence(problem="weekdays", value=[])
        return Recurrence.weekly(self._start, weekdays, until=until, count=count)

    # --- display ---------------------------------------------------------------------------------
    def _sync(self) -> None:
        repeating = self.is_repeating()
        self.details.setVisible(repeating)
        weekly = self.weekly_radio.isChecked()
        for check in self.weekday_checks.values():
            check.setEnabled(weekly)
        self.until_edit.setEnabled(self.until_radio.isChecked())
        self.count_spin.setEnabled(self.count_radio.isChecked())
        self.changed.emit()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())
