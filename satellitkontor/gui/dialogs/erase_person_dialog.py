"""Radera personuppgifter: an admin erases one person, after a confirmation that cannot be missed.

The dialog says what will happen (coming bookings cancelled, name, e-mail address and titles
removed everywhere, counts kept, cannot be undone) and enables "Radera" only once the person's
e-mail address has been typed. The erasure runs off the GUI thread
(services/privacy/my_data.py ``erase``); a refusal (the last admin, oneself) is shown inline.

API: ErasePersonDialog(ctx, person, parent=None)
    .confirm_edit: QLineEdit; .erase_button: QPushButton
    .erased: Signal(object) -> the ErasureReport
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from satellitkontor.domain.people import Person
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import FormDialog, add_rows, heading_label


class ErasePersonDialog(FormDialog):
    erased = Signal(object)

    def __init__(self, ctx: AppContext, person: Person, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.person = person
        self.setObjectName("erasePersonDialog")
        self.setWindowTitle(self.tr("Radera personuppgifter"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(520)

        heading = heading_label(
            self.tr("Radera {name} <{email}>?").format(name=person.name, email=person.email), "eraseHeading"
        )
        heading.setWordWrap(True)
        self.explanation = QLabel(
            self.tr(
                "Personen tas bort. Kommande bokningar avbokas. Namn, e-postadress och mötesrubriker tas "
                "bort ur alla personens bokningar och ur ändringsloggen. Bokningarna finns kvar utan namn, "
                "så statistiken ändras inte. Det går inte att ångra."
            )
        )
        self.explanation.setObjectName("eraseExplanation")
        self.explanation.setWordWrap(True)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("eraseConfirm")
        self.confirm_edit.setAccessibleName(self.tr("Skriv personens e-postadress för att bekräfta"))
        self.confirm_edit.setPlaceholderText(person.email)
        self.confirm_edit.textChanged.connect(self._typed)
        form = QFormLayout()
        form.addRow(heading)
        form.addRow(self.explanation)
        add_rows(form, ((self.tr("Skriv personens &e-postadress för att bekräfta:"), self.confirm_edit),))
        buttons, self.erase_button = self.button_box(
            self.tr("&Radera"),
            self.tr("Radera personuppgifterna"),
            "eraseButton",
            self.erase,
            cancel_text=self.tr("Avbryt"),
        )
        self.erase_button.setDefault(False)
        self.enter_button = None  # see FormDialog.showEvent
        self.erase_button.setEnabled(False)
        self.stack(form, buttons)
        self.confirm_edit.setFocus()

    def _typed(self, text: str) -> None:
        self.erase_button.setEnabled(self.confirmed())

    def confirmed(self) -> bool:
        return self.confirm_edit.text().strip().lower() == self.person.email.lower()

    def set_busy(self, busy: bool) -> None:
        self.erase_button.setEnabled(not busy and self.confirmed())
        self.confirm_edit.setEnabled(not busy)

    def erase(self) -> None:
        if not self.confirmed():
            return
        service, actor, pid = self.ctx.svc.personal_data, self.ctx.person_id, self.person.id
        self.submit(lambda: service.erase(actor, pid), self.erased.emit)
