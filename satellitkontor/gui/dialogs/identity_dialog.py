"""Who am I: name, e-mail and municipality, asked on the first start and under "Byt användare".

Someone already in the office's list picks themselves; a newcomer types their details and is
registered as a user (the first person in an office without an admin becomes its admin, see
``OfficeService.register``). Later, with Exchange, these come from the signed-in account.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.people import Person, PersonKind
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import FormDialog, municipality_combo
from satellitkontor.words.texts import label, municipality_name


class IdentityDialog(FormDialog):
    def __init__(self, ctx: AppContext, people: list[Person], parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, error_name="error")
        self.person: Person | None = None
        self.setWindowTitle(self.tr("Vem är du?"))
        self.setObjectName("identityDialog")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Satellitkontoret behöver veta vem som bokar. Välj dig själv i listan, "
                "eller fyll i dina uppgifter om du är ny här."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.existing_choice = QRadioButton(self.tr("&Jag finns i listan"))
        self.new_choice = QRadioButton(self.tr("Jag är &ny här"))
        self.people_box = QComboBox()
        self.people_box.setObjectName("existingPerson")
        self.people_box.setAccessibleName(self.tr("Person"))
        for p in people:
            self.people_box.addItem(
                f"{p.name} – {municipality_name(p.municipality_code)} ({label(p.role.value, ctx.lang)})", p.id
            )
        self._people = {p.id: p for p in people}
        if ctx.person is not None and ctx.person.id in self._people:  # "Byt användare…": start at me
            self.people_box.setCurrentIndex(self.people_box.findData(ctx.person.id))

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.name_edit.setAccessibleName(self.tr("Namn"))
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("email")
        self.email_edit.setAccessibleName(self.tr("E-post"))
        self.email_edit.setPlaceholderText("fornamn.efternamn@kommun.se")
        self.municipality_box = municipality_combo("municipality", self.tr("Kommun"))
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kind")
        self.kind_box.setAccessibleName(self.tr("Jag är"))
        for kind in PersonKind:
            self.kind_box.addItem(label(kind.value, ctx.lang), kind.value)

        layout.addWidget(self.existing_choice)
        layout.addWidget(self.people_box)
        layout.addWidget(self.new_choice)
        form = QFormLayout()
        form.addRow(self.tr("&Namn:"), self.name_edit)
        form.addRow(self.tr("&E-post:"), self.email_edit)
        form.addRow(self.tr("&Kommun:"), self.municipality_box)
        form.addRow(self.tr("Jag är &en:"), self.kind_box)
        layout.addLayout(form)

        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Fortsätt"))
        self.enter_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)  # Enter continues
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.existing_choice.toggled.connect(self._mode_changed)
        if people:
            self.existing_choice.setChecked(True)
        else:
            self.existing_choice.setEnabled(False)
            self.people_box.setEnabled(False)
            self.new_choice.setChecked(True)
        self._mode_changed()

    def _mode_changed(self) -> None:
        existing = self.existing_choice.isChecked()
        self.people_box.setEnabled(existing)
        for w in (self.name_edit, self.email_edit, self.municipality_box, self.kind_box):
            w.setEnabled(not existing)
        (self.people_box if existing else self.name_edit).setFocus(Qt.FocusReason.OtherFocusReason)

    def _accept(self) -> None:
        if self.existing_choice.isChecked():
            self.person = self._people.get(self.people_box.currentData())
            if self.person is not None:
                self.accept()
            return
        office = self.ctx.svc.office
        name, email = self.name_edit.text(), self.email_edit.text()
        code = self.municipality_box.currentData()
        kind = PersonKind(self.kind_box.currentData())
        self.submit(lambda: office.register(name, email, code, kind), self._registered, notify=False)

    def _registered(self, person: Person) -> None:
        self.person = person

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
