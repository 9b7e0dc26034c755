"""Booking a desk: full day, morning or afternoon, for me or (staff) for someone else.

STUB: minimal single booking; the recurring part and the rest come in the full version.
API (used by the book view and the day view; keep it):
    DeskBookingDialog(ctx, desk: Resource, day: date, parent=None, *, for_person: Person | None = None)
    .period_buttons: dict[DeskPeriod, QRadioButton]   (the free periods enabled)
    .book_button: QPushButton                           (books; on success the dialog accepts)
    .booked: Signal(object)  -> list[BookingView] made  (ctx.notify_changed() is called too)
    .error_label: QLabel                                (the Swedish error, shown inline)
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.bookings import BookingView, DeskPeriod
from satellitkontor.domain.people import Person
from satellitkontor.domain.resources import Resource
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.errors import message_for
from satellitkontor.texts import fmt_date, label


class DeskBookingDialog(QDialog):
    booked = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        desk: Resource,
        day: date,
        parent: QWidget | None = None,
        *,
        for_person: Person | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.desk, self.day, self.for_person = ctx, desk, day, for_person
        self.setWindowTitle(self.tr("Boka {desk}").format(desk=desk.name))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{desk.name} – {fmt_date(day, ctx.lang)}"))
        self.period_buttons: dict[DeskPeriod, QRadioButton] = {}
        for period in DeskPeriod:
            button = QRadioButton(label(period.value, ctx.lang))
            self.period_buttons[period] = button
            layout.addWidget(button)
        self.period_buttons[DeskPeriod.FULL_DAY].setChecked(True)
        self.error_label = QLabel()
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.book_button = QPushButton(self.tr("Boka"))
        buttons.addButton(self.book_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.book_button.clicked.connect(self._book)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _period(self) -> DeskPeriod:
        return next(p for p, b in self.period_buttons.items() if b.isChecked())

    def _book(self) -> None:
        svc = self.ctx.svc.booking
        actor, desk_id, day, period = self.ctx.person_id, self.desk.id, self.day, self._period()
        for_id = self.for_person.id if self.for_person else None

        def done(view: BookingView) -> None:
            self.booked.emit([view])
            self.ctx.notify_changed()
            self.accept()

        def failed(exc: BaseException) -> None:
            self.error_label.setText(message_for(exc, self.ctx.lang))
            self.error_label.show()

        self.ctx.run(
            lambda: svc.book_desk(actor, desk_id, day, period, for_person_id=for_id),
            done,
            owner=self,
            on_error=failed,
        )
