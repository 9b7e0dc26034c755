"""Booking the conference room: time, title, participants (1..12), conflicts before saving.

STUB: minimal single booking; conflicts-before-saving and recurrence come in the full version.
API (used by the room view and the day view; keep it):
    RoomBookingDialog(ctx, room: Resource, start: datetime, end: datetime, parent=None,
                      *, for_person: Person | None = None)
    .title_edit: QLineEdit, .participants_spin: QSpinBox,
    .start_edit / .end_edit: QTimeEdit (on the day of ``start``)
    .book_button: QPushButton; .booked: Signal(object) -> list[BookingView]; .error_label: QLabel
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingView
from satellitkontor.domain.people import Person
from satellitkontor.domain.resources import Resource
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.errors import message_for


class RoomBookingDialog(QDialog):
    booked = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        room: Resource,
        start: datetime,
        end: datetime,
        parent: QWidget | None = None,
        *,
        for_person: Person | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.room, self.for_person = ctx, room, for_person
        self.day = clk.local_date(start)
        self.setWindowTitle(self.tr("Boka {room}").format(room=room.name))
        form = QFormLayout(self)
        self.title_edit = QLineEdit()
        self.participants_spin = QSpinBox()
        self.participants_spin.setRange(1, 99)
        self.participants_spin.setValue(2)
        ls, le = clk.to_local(start), clk.to_local(end)
        self.start_edit = QTimeEdit(QTime(ls.hour, ls.minute))
        self.end_edit = QTimeEdit(QTime(le.hour, le.minute))
        form.addRow(self.tr("Rubrik:"), self.title_edit)
        form.addRow(self.tr("Deltagare:"), self.participants_spin)
        form.addRow(self.tr("Från:"), self.start_edit)
        form.addRow(self.tr("Till:"), self.end_edit)
        self.error_label = QLabel()
        self.error_label.hide()
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.book_button = QPushButton(self.tr("Boka"))
        buttons.addButton(self.book_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.book_button.clicked.connect(self._book)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _book(self) -> None:
        svc = self.ctx.svc.booking
        qs, qe = self.start_edit.time(), self.end_edit.time()
        from datetime import time

        start = clk.local(self.day, time(qs.hour(), qs.minute()))
        end = clk.local(self.day, time(qe.hour(), qe.minute()))
        actor, room_id, n, title = (
            self.ctx.person_id,
            self.room.id,
            self.participants_spin.value(),
            self.title_edit.text(),
        )
        for_id = self.for_person.id if self.for_person else None

        def done(view: BookingView) -> None:
            self.booked.emit([view])
            self.ctx.notify_changed()
            self.accept()

        def failed(exc: BaseException) -> None:
            self.error_label.setText(message_for(exc, self.ctx.lang))
            self.error_label.show()

        self.ctx.run(
            lambda: svc.book_room(actor, room_id, start, end, n, title, for_person_id=for_id),
            done,
            owner=self,
            on_error=failed,
        )
