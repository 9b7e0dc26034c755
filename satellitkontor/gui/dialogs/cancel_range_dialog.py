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
from PySide6.QtWidgets import QWidget

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.date_range_form import DateRangeForm
from satellitkontor.gui.dialogs.form_dialog import FormDialog
from satellitkontor.gui.widgets.date_fields import to_date


class CancelRangeDialog(FormDialog):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("cancelRangeDialog")
        self.setWindowTitle(self.tr("Avboka flera dagar"))
        self.setAccessibleName(self.tr("Avboka flera dagar"))
        fields = DateRangeForm(
            today,
            prefix="cancel",
            from_texts=(self.tr("&Från:"), self.tr("Första dagen")),
            to_texts=(self.tr("&Till och med:"), self.tr("Sista dagen")),
            reason_texts=(self.tr("&Anledning (frivillig):"), self.tr("Anledning (frivillig)")),
            placeholder=self.tr("t.ex. Semester"),
        )
        self.from_edit, self.to_edit, self.reason_edit = fields.from_edit, fields.to_edit, fields.reason_edit
        form = fields.layout
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
