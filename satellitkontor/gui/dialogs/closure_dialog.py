"""A new closure of the office: first and last day (both included) and a reason.

API: ClosureDialog(ctx, today, parent=None)
    .from_edit, .to_edit: QDateEdit (calendar popup); .reason_edit: QLineEdit
    .save_button: QPushButton (adds the closure; on success the dialog accepts)
    .saved: Signal(object) -> the ClosureView added (ctx.notify_changed() is called too)
    .error_label: QLabel (the Swedish error, shown inline)
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLineEdit, QWidget

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import FormDialog, add_rows


def to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ClosureDialog(FormDialog):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("closureDialog")
        self.setWindowTitle(self.tr("Ny stängning"))
        self.setAccessibleName(self.tr("Ny stängning"))

        self.from_edit = self._date_edit("closureFrom", self.tr("Första stängda dag"), today)
        self.to_edit = self._date_edit("closureTo", self.tr("Sista stängda dag"), today)
        self.from_edit.dateChanged.connect(self._from_changed)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("closureReason")
        self.reason_edit.setAccessibleName(self.tr("Anledning"))
        self.reason_edit.setPlaceholderText(self.tr("t.ex. Renovering"))
        self.reason_edit.setMaxLength(200)

        form = QFormLayout()
        add_rows(
            form,
            (
                (self.tr("&Från:"), self.from_edit),
                (self.tr("&Till och med:"), self.to_edit),
                (self.tr("&Anledning:"), self.reason_edit),
            ),
        )
        buttons, self.save_button = self.button_box(
            self.tr("&Lägg till"),
            self.tr("Lägg till"),
            "saveButton",
            self.save,
            cancel_text=self.tr("Avbryt"),
        )

        self.stack(form, buttons)
        self.reason_edit.setFocus()

    def _date_edit(self, name: str, accessible: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(to_qdate(day))
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        edit.calendarWidget().setGridVisible(True)
        return edit

    def _from_changed(self, qdate: QDate) -> None:
        if self.to_edit.date() < qdate:  # a one-day closure by default
            self.to_edit.setDate(qdate)

    def save(self) -> None:
        office, actor = self.ctx.svc.office, self.ctx.person_id
        start, end = to_date(self.from_edit.date()), to_date(self.to_edit.date())
        reason = self.reason_edit.text()
        self.submit(lambda: office.add_closure(actor, start, end, reason), self.saved.emit)
