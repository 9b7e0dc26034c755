"""Change a booking instead of cancelling and booking again (issue 16).

A desk booking: another desk, day or part of the day. A meeting: another day or time, its title
and number of participants. Saving is one change (services/booking/changes.py): a conflict or a
rule refusal is shown inline and the booking stays as it was.

API: ChangeDialog(ctx, booking, desks, parent=None)
    .desk_combo (desks; hidden for a meeting), .date_edit, .period_combo (desks),
    .start_edit, .end_edit, .participants_spin, .title_edit (a meeting)
    .save_button: QPushButton (saves; on success the dialog accepts)
    .saved: Signal(object) -> the BookingView as it is now (ctx.notify_changed() is called too)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingView
from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.change_fields import ChangeFields
from satellitkontor.gui.dialogs.form_dialog import FormDialog, add_rows, heading_label
from satellitkontor.gui.widgets.date_fields import date_edit, to_date
from satellitkontor.services.booking.changes import BookingChange


class ChangeDialog(FormDialog):
    saved = Signal(object)

    def __init__(
        self, ctx: AppContext, booking: BookingView, desks: Sequence[Resource], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.booking = booking
        self.setObjectName("changeDialog")
        self.setWindowTitle(self.tr("Ändra bokningen"))
        self.setAccessibleName(self.tr("Ändra bokningen"))
        desk = booking.resource_kind is ResourceKind.DESK

        self.date_edit = date_edit("changeDate", self.tr("Dag"), booking.day)
        fields = ChangeFields(booking, desks, "change", self)
        self.desk_combo, self.period_combo = fields.desk_combo, fields.period_combo
        self.start_edit, self.end_edit = fields.start_edit, fields.end_edit
        self.participants_spin = QSpinBox()
        self.participants_spin.setObjectName("changeParticipants")
        self.participants_spin.setAccessibleName(self.tr("Deltagare"))
        self.participants_spin.setRange(1, 99)
        self.participants_spin.setValue(booking.participants or 1)
        self.title_edit = QLineEdit(booking.title or "")
        self.title_edit.setObjectName("changeTitle")
        self.title_edit.setAccessibleName(self.tr("Rubrik"))
        self.title_edit.setMaxLength(200)

        form = QFormLayout()
        rows: tuple[tuple[str, QWidget], ...]
        if desk:
            rows = (
                (self.tr("&Plats:"), self.desk_combo),
                (self.tr("&Dag:"), self.date_edit),
                (self.tr("D&el av dagen:"), self.period_combo),
            )
        else:
            rows = (
                (self.tr("&Dag:"), self.date_edit),
                (self.tr("&Börjar:"), self.start_edit),
                (self.tr("&Slutar:"), self.end_edit),
                (self.tr("&Rubrik:"), self.title_edit),
                (self.tr("De&ltagare:"), self.participants_spin),
            )
        add_rows(form, rows)
        buttons, self.save_button = self.button_box(
            self.tr("&Spara ändringen"),
            self.tr("Spara ändringen"),
            "saveButton",
            self.save,
            cancel_text=self.tr("Avbryt"),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(booking.resource_name, "changeHeading"))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def change(self) -> BookingChange:
        """What the fields ask for (unchanged fields included: the service sees what differs)."""
        day = to_date(self.date_edit.date())
        if self.booking.resource_kind is ResourceKind.DESK:
            return BookingChange(
                resource_id=self.desk_combo.currentData(), day=day, period=self.period_combo.currentData()
            )
        start, end = self.start_edit.time(), self.end_edit.time()
        return BookingChange(
            start=clk.local(day, time(start.hour(), start.minute())),
            end=clk.local(day, time(end.hour(), end.minute())),
            title=self.title_edit.text(),
            participants=self.participants_spin.value(),
        )

    def save(self) -> None:
        service, actor, booking_id, change = (
            self.ctx.svc.booking,
            self.ctx.person_id,
            self.booking.id,
            self.change(),
        )
        self.submit(lambda: service.change(actor, booking_id, change), self.saved.emit)
