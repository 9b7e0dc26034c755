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
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.errors import message_for
from satellitkontor.services.results import ClosureView


def to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ClosureDialog(QDialog):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closureDialog")
        self.ctx = ctx
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
        for text, field in (
            (self.tr("&Från:"), self.from_edit),
            (self.tr("&Till och med:"), self.to_edit),
            (self.tr("&Anledning:"), self.reason_edit),
        ):
            caption = QLabel(text)
            caption.setBuddy(field)
            form.addRow(caption, field)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a40000; font-weight: bold;")
        self.error_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Avbryt"))
        cancel.setAccessibleName(self.tr("Avbryt"))
        self.save_button = QPushButton(self.tr("&Lägg till"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Lägg till"))
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
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
        self.save_button.setEnabled(False)
        self.ctx.run(
            lambda: office.add_closure(actor, start, end, reason),
            self._done,
            owner=self,
            on_error=self._failed,
        )

    def _done(self, closure: ClosureView) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(closure)
        self.ctx.notify_changed()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error_label.setText(message_for(exc, self.ctx.lang))
        self.error_label.show()
