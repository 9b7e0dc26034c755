"""Cancel all of my bookings on a range of days ("ledig 1–14 juli"), with an optional reason the
receptionist and I see (issue 16).

API: CancelRangeDialog(ctx, today, parent=None)
    .from_edit, .to_edit: QDateEdit; .reason_edit: QLineEdit
    .save_button: QPushButton (cancels; on success the dialog accepts)
    .saved: Signal(object) -> the list of BookingView cancelled
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import FormDialog, add_rows
from satellitkontor.gui.widgets.date_fields import date_edit, keep_in_order, to_date


class CancelRangeDialog(FormDialog):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("cancelRangeDialog")
        self.setWindowTitle(self.tr("Avboka flera dagar"))
        self.setAccessibleName(self.tr("Avboka flera dagar"))
        self.from_edit = date_edit("cancelFrom", self.tr("Första dagen"), today)
        self.to_edit = date_edit("cancelTo", self.tr("Sista dagen"), today)
        keep_in_order(self.from_edit, self.to_edit)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("cancelReason")
        self.reason_edit.setAccessibleName(self.tr("Anledning (frivillig)"))
        self.reason_edit.setPlaceholderText(self.tr("t.ex. Semester"))
        self.reason_edit.setMaxLength(200)
        form = QFormLayout()
        add_rows(
            form,
            (
                (self.tr("&Från:"), self.from_edit),
                (self.tr("&Till och med:"), self.to_edit),
                (self.tr("&Anledning (frivillig):"), self.reason_edit),
            ),
        )
        buttons, self.save_button = self.button_box(
            self.tr("Av&boka dagarna"),
            self.tr("Avboka dagarna"),
            "saveButton",
            self.save,
            cancel_text=self.tr("Behåll"),
        )
        self.stack(form, buttons)

    def save(self) -> None:
        service, actor = self.ctx.svc.booking, self.ctx.person_id
        first, last = to_date(self.from_edit.date()), to_date(self.to_edit.date())
        reason = self.reason_edit.text() or None
        self.submit(lambda: service.cancel_range(actor, first, last, reason=reason), self.saved.emit)
