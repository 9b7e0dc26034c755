"""A new meeting on the rotation calendar (admins): a council meeting, the handover, or other.

API (used by the rotation view and its tests):
    MeetingDialog(ctx, day: date, parent=None)
    .kind_combo: QComboBox (kind as item data), .title_edit: QLineEdit, .date_edit: QDateEdit,
    .start_edit / .end_edit: QTimeEdit, .location_edit / .note_edit: QLineEdit,
    .save_button: QPushButton, .error_label: QLabel
    .added: Signal(object) -> the MeetingView saved (ctx.notify_changed() is called too)
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QTimeEdit, QWidget

from satellitkontor.domain import clock as clk
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import FormDialog, add_rows
from satellitkontor.gui.widgets.date_fields import date_edit


class MeetingDialog(FormDialog):
    added = Signal(object)

    def __init__(self, ctx: AppContext, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("meetingDialog")
        self.setWindowTitle(self.tr("Nytt möte"))
        self.setAccessibleName(self.windowTitle())
        form = QFormLayout(self)

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindCombo")
        self.kind_combo.setAccessibleName(self.tr("Typ av möte"))
        self._default_titles = {
            "council": self.tr("Umeåregionrådet"),
            "handover": self.tr("Överlämning värdkommun"),
            "other": "",
        }
        self.kind_combo.addItem(self.tr("Umeåregionrådet"), "council")
        self.kind_combo.addItem(self.tr("Överlämning (december)"), "handover")
        self.kind_combo.addItem(self.tr("Övrigt möte"), "other")
        self.title_edit = QLineEdit(self._default_titles["council"])
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setAccessibleName(self.tr("Rubrik"))
        self.date_edit = date_edit("dateEdit", self.tr("Datum"), day)
        self.start_edit = QTimeEdit(QTime(9, 0))
        self.start_edit.setObjectName("startEdit")
        self.start_edit.setAccessibleName(self.tr("Från"))
        self.start_edit.setDisplayFormat("HH:mm")
        self.end_edit = QTimeEdit(QTime(12, 0))
        self.end_edit.setObjectName("endEdit")
        self.end_edit.setAccessibleName(self.tr("Till"))
        self.end_edit.setDisplayFormat("HH:mm")
        self.location_edit = QLineEdit()
        self.location_edit.setObjectName("locationEdit")
        self.location_edit.setAccessibleName(self.tr("Plats"))
        self.location_edit.setPlaceholderText(self.tr("t.ex. Satellitkontoret, Renmarkstorget 5D"))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setAccessibleName(self.tr("Anteckning"))

        rows: list[tuple[str, QWidget]] = [
            (self.tr("&Typ:"), self.kind_combo),
            (self.tr("&Rubrik:"), self.title_edit),
            (self.tr("&Datum:"), self.date_edit),
            (self.tr("&Från:"), self.start_edit),
            (self.tr("T&ill:"), self.end_edit),
            (self.tr("&Plats:"), self.location_edit),
            (self.tr("&Anteckning:"), self.note_edit),
        ]
        add_rows(form, rows)
        form.addRow(self.error_label)
        buttons, self.save_button = self.button_box(
            self.tr("&Spara"), self.tr("Spara"), "saveButton", self.save
        )
        form.addRow(buttons)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)

    def _kind_changed(self, _index: int) -> None:
        """Suggest a title for the kind unless the user wrote one of their own."""
        if self.title_edit.text().strip() in self._default_titles.values():
            self.title_edit.setText(self._default_titles[self.kind_combo.currentData()])

    def save(self) -> None:
        if not self.title_edit.text().strip():
            self.show_message(self.tr("Skriv en rubrik för mötet."))
            return
        qd, qs, qe = self.date_edit.date(), self.start_edit.time(), self.end_edit.time()
        day = dt.date(qd.year(), qd.month(), qd.day())
        start = clk.local(day, dt.time(qs.hour(), qs.minute()))
        end = clk.local(day, dt.time(qe.hour(), qe.minute()))
        if end <= start:
            self.show_message(self.tr("Mötet måste sluta efter att det börjar."))
            return
        svc = self.ctx.svc.rotation
        actor, kind, title = self.ctx.person_id, self.kind_combo.currentData(), self.title_edit.text()
        location = self.location_edit.text().strip() or None
        note = self.note_edit.text().strip() or None
        self.submit(lambda: svc.add_meeting(actor, kind, title, start, end, location, note), self.added.emit)
