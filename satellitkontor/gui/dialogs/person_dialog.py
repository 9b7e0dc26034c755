"""A new person: name, e-mail, municipality, employee or politician, and role.

API: PersonDialog(ctx, parent=None)
    .name_edit, .email_edit: QLineEdit; .municipality_combo, .kind_combo, .role_combo: QComboBox
    .save_button: QPushButton (adds the person; on success the dialog accepts)
    .saved: Signal(object) -> the Person added (ctx.notify_changed() is called too)
    .error_label: QLabel (the Swedish error, shown inline)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from satellitkontor.domain import municipalities
from satellitkontor.domain.people import PersonKind, Role
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import FormDialog, add_rows, municipality_combo


def role_names() -> dict[Role, str]:
    """The roles as the administration pages name them."""
    return {
        Role.USER: QCoreApplication.translate("Roles", "Användare"),
        Role.RECEPTIONIST: QCoreApplication.translate("Roles", "Receptionist"),
        Role.ADMIN: QCoreApplication.translate("Roles", "Administratör"),
    }


class PersonDialog(FormDialog):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("personDialog")
        self.setWindowTitle(self.tr("Ny person"))
        self.setAccessibleName(self.tr("Ny person"))

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("personName")
        self.name_edit.setAccessibleName(self.tr("Namn"))
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("personEmail")
        self.email_edit.setAccessibleName(self.tr("E-post"))
        self.email_edit.setPlaceholderText(self.tr("fornamn.efternamn@kommun.se"))
        self.municipality_combo = municipality_combo("personMunicipality", self.tr("Kommun"))
        self.municipality_combo.setCurrentIndex(self.municipality_combo.findData(municipalities.UMEA.code))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("personKind")
        self.kind_combo.setAccessibleName(self.tr("Typ"))
        self.kind_combo.addItem(self.tr("Medarbetare"), PersonKind.EMPLOYEE)
        self.kind_combo.addItem(self.tr("Politiker"), PersonKind.POLITICIAN)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("personRole")
        self.role_combo.setAccessibleName(self.tr("Roll"))
        for role, text in role_names().items():
            self.role_combo.addItem(text, role)

        form = QFormLayout()
        add_rows(
            form,
            (
                (self.tr("&Namn:"), self.name_edit),
                (self.tr("&E-post:"), self.email_edit),
                (self.tr("&Kommun:"), self.municipality_combo),
                (self.tr("&Typ:"), self.kind_combo),
                (self.tr("&Roll:"), self.role_combo),
            ),
        )
        buttons, self.save_button = self.button_box(
            self.tr("&Lägg till"),
            self.tr("Lägg till"),
            "saveButton",
            self.save,
            cancel_text=self.tr("Avbryt"),
        )

        self.stack(form, buttons)
        self.name_edit.setFocus()

    def save(self) -> None:
        office, actor = self.ctx.svc.office, self.ctx.person_id
        name, email = self.name_edit.text(), self.email_edit.text()
        municipality = str(self.municipality_combo.currentData())
        kind = PersonKind(self.kind_combo.currentData())
        role = Role(self.role_combo.currentData())
        self.submit(lambda: office.add_person(actor, name, email, municipality, kind, role), self.saved.emit)
