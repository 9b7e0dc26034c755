"""A new closure of the office: first and last day (both included) and a reason.

API: ClosureDialog(ctx, today, parent=None)
    .from_edit, .to_edit: QDateEdit (calendar popup); .reason_edit: QLineEdit
    .save_button: QPushButton (adds the closure; on success the dialog accepts)
    .affected_label, .affected_list: the bookings the closure would cancel, shown after the first
        press of Lägg till when there are some; the button then reads "Stäng och avboka" and the
        second press adds the closure and cancels them in one go. Changing a date asks again.
    .saved: Signal(object) -> the ClosureView added (ctx.notify_changed() is called too)
    .error_label: QLabel (the Swedish error, shown inline)
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from satellitkontor.domain.bookings import BookingView
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.date_range_form import DateRangeForm
from satellitkontor.gui.dialogs.form_dialog import FormDialog
from satellitkontor.gui.widgets.date_fields import to_date
from satellitkontor.words import plans
from satellitkontor.words.texts import fmt_date


class ClosureDialog(FormDialog):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("closureDialog")
        self.setWindowTitle(self.tr("Ny stängning"))
        self.setAccessibleName(self.tr("Ny stängning"))

        fields = DateRangeForm(
            today,
            prefix="closure",
            from_texts=(self.tr("&Från:"), self.tr("Första stängda dag")),
            to_texts=(self.tr("&Till och med:"), self.tr("Sista stängda dag")),
            reason_texts=(self.tr("&Anledning:"), self.tr("Anledning")),
            placeholder=self.tr("t.ex. Renovering"),
        )
        self.from_edit, self.to_edit, self.reason_edit = fields.from_edit, fields.to_edit, fields.reason_edit
        form = fields.layout
        buttons, self.save_button = self.button_box(
            self.tr("&Lägg till"),
            self.tr("Lägg till"),
            "saveButton",
            self.save,
            cancel_text=self.tr("Avbryt"),
        )

        self.affected_label = QLabel()
        self.affected_label.setObjectName("affectedLabel")
        self.affected_label.setWordWrap(True)
        self.affected_list = QListWidget()
        self.affected_list.setObjectName("affectedList")
        self.affected_list.setAccessibleName(self.tr("Bokningar som avbokas"))
        self.affected_label.setBuddy(self.affected_list)
        self.affected_label.hide()
        self.affected_list.hide()
        self._checked: tuple[dt.date, dt.date] | None = None
        self.to_edit.dateChanged.connect(self._dates_changed)
        self.from_edit.dateChanged.connect(self._dates_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.affected_label)
        layout.addWidget(self.affected_list)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.reason_edit.setFocus()

    def _dates_changed(self) -> None:
        if self._checked is not None:  # another range: what it cancels is asked again
            self._checked = None
            self.affected_label.hide()
            self.affected_list.hide()
            self.save_button.setText(self.tr("&Lägg till"))

    def save(self) -> None:
        office, actor = self.ctx.svc.office, self.ctx.person_id
        start, end = to_date(self.from_edit.date()), to_date(self.to_edit.date())
        reason = self.reason_edit.text()
        if self._checked == (start, end):
            self.submit(lambda: office.add_closure(actor, start, end, reason), self.saved.emit)
            return
        self.set_busy(True)

        def looked(affected: list[BookingView]) -> None:
            self.set_busy(False)
            if not affected:
                self._checked = (start, end)
                self.save()
                return
            self._show_affected(start, end, affected)

        self.ctx.run(lambda: office.closure_impact(start, end), looked, owner=self, on_error=self.fail)

    def _show_affected(self, start: dt.date, end: dt.date, affected: list[BookingView]) -> None:
        """List what the closure cancels; the next press closes and cancels."""
        self._checked = (start, end)
        lang = self.ctx.lang
        self.affected_label.setText(
            self.tr("{count}. De avbokas när stängningen läggs till, och bokarna ser varför:").format(
                count=plans.affected(len(affected), lang)
            )
        )
        self.affected_list.clear()
        for b in affected:
            who = b.person_name or ""
            self.affected_list.addItem(f"{fmt_date(b.day, lang)}  {b.resource_name}  {who}".rstrip())
        self.affected_label.show()
        self.affected_list.show()
        self.save_button.setText(self.tr("&Stäng och avboka"))
        self.save_button.setAccessibleName(self.tr("Stäng och avboka"))
