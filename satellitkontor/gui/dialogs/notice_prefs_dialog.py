"""Aviseringar: which messages about my bookings I get by e-mail, and in which language.

Opened from "Mina bokningar". Each choice is "Som kontoret (på/av)", "På" or "Av", so a person
who chooses nothing follows the office's defaults when an admin changes them. Loading and saving
run off the GUI thread (services/notices/service.py). Nothing here sends anything.

API: NoticePrefsDialog(ctx, parent=None)
    .combos: dict[str, QComboBox] (confirmations, by_others, reminders, waitlist, language)
    .save() -> None (runs in the background; ``saved`` is emitted when stored)
    .saved: Signal(object) -> the NoticePrefs stored
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.notices import NoticePrefs
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import error_label, heading_label
from satellitkontor.gui.errors import message_for

CHOICES = ("confirmations", "by_others", "reminders", "waitlist")


class NoticePrefsDialog(QDialog):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("noticePrefsDialog")
        self.setWindowTitle(self.tr("Aviseringar"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(480)
        heading = heading_label(self.tr("Meddelanden om dina bokningar"), "noticePrefsHeading")
        text = QLabel(
            self.tr(
                "Kontoret kan skicka e-post med en kalenderinbjudan när en bokning görs, ändras eller "
                "avbokas. Välj vilka meddelanden du vill få."
            )
        )
        text.setWordWrap(True)
        labels = {
            "confirmations": self.tr("När jag själv bokar, ändrar eller avbokar:"),
            "by_others": self.tr("När någon annan bokar, ändrar eller avbokar åt mig:"),
            "reminders": self.tr("Påminnelse dagen innan:"),
            "waitlist": self.tr("När en plats jag väntar på blir ledig:"),
        }
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for name in CHOICES:
            combo = QComboBox()
            combo.setObjectName(f"notice_{name}")
            combo.addItem(self.tr("Som kontoret"), None)
            combo.addItem(self.tr("På"), True)
            combo.addItem(self.tr("Av"), False)
            combo.setAccessibleName(labels[name].rstrip(":"))
            form.addRow(labels[name], combo)
            self.combos[name] = combo
        language = QComboBox()
        language.setObjectName("notice_language")
        language.addItem(self.tr("Som kontoret"), None)
        language.addItem("Svenska", "sv")
        language.addItem("English", "en")
        language.setAccessibleName(self.tr("Språk i meddelandena"))
        form.addRow(self.tr("Språk i meddelandena:"), language)
        self.combos["language"] = language
        self.office_label = QLabel()
        self.office_label.setObjectName("noticeOfficeDefaults")
        self.office_label.setWordWrap(True)
        self.error_label = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.office_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.load()

    # --- data ---------------------------------------------------------------------------------
    def load(self) -> None:
        services, me = self.ctx.svc, self.ctx.person_id
        self.ctx.run(lambda: services.notices.prefs(me), self._show, owner=self, on_error=self._failed)

    def _show(self, loaded: tuple[NoticePrefs, NoticePrefs]) -> None:
        own, effective = loaded
        for name, combo in self.combos.items():
            combo.setCurrentIndex(max(0, combo.findData(getattr(own, name))))
        on, off = self.tr("på"), self.tr("av")
        words = [on if getattr(effective, name) else off for name in CHOICES]
        text = self.tr(
            "Med kontorets val räknat får du nu: själv %1, av andra %2, påminnelse %3, ledig plats %4."
        )
        for n, word in enumerate(words, start=1):
            text = text.replace(f"%{n}", word)
        self.office_label.setText(text)

    def chosen(self) -> NoticePrefs:
        values = {name: combo.currentData() for name, combo in self.combos.items()}
        return NoticePrefs(**values)

    def save(self) -> None:
        services, me, prefs = self.ctx.svc, self.ctx.person_id, self.chosen()

        def done(stored: NoticePrefs) -> None:
            self.saved.emit(stored)
            self.accept()

        self.ctx.run(lambda: services.notices.save_prefs(me, prefs), done, owner=self, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(
            message_for(exc, self.ctx.lang, self.ctx.person_id if self.ctx.person else None)
        )
        self.error_label.show()
