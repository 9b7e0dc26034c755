"""A new person: name, e-mail, municipality, employee or politician, and role.

API: PersonDialog(ctx, parent=None)
    .name_edit, .email_edit: QLineEdit; .municipality_combo, .kind_combo, .role_combo: QComboBox
    .save_button: QPushButton (adds the person; on success the dialog accepts)
    .saved: Signal(object) -> the Person added (ctx.notify_changed() is called too)
    .error_label: QLabel (the Swedish error, shown inline)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import municipalities
from satellitkontor.domain.people import Person, PersonKind, Role
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.errors import message_for


def role_names() -> dict[Role, str]:
    """The roles as the administration pages name them."""
    return {
        Role.USER: QCoreApplication.translate("Roles", "Användare"),
        Role.RECEPTIONIST: QCoreApplication.translate("Roles", "Receptionist"),
        Role.ADMIN: QCoreApplication.translate("Roles", "Administratör"),
    }


class PersonDialog(QDialog):
    saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.ctx = ctx
        self.setWindowTitle(self.tr("Ny person"))
        self.setAccessibleName(self.tr("Ny person"))

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("personName")
        self.name_edit.setAccessibleName(self.tr("Namn"))
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("personEmail")
        self.email_edit.setAccessibleName(self.tr("E-post"))
        self.email_edit.setPlaceholderText(self.tr("fornamn.efternamn@kommun.se"))
        self.municipality_combo = QComboBox()
        self.municipality_combo.setObjectName("personMunicipality")
        self.municipality_combo.setAccessibleName(self.tr("Kommun"))
        for m in municipalities.ALL:
            self.municipality_combo.addItem(m.name, m.code)
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
        for text, field in (
            (self.tr("&Namn:"), self.name_edit),
            (self.tr("&E-post:"), self.email_edit),
            (self.tr("&Kommun:"), self.municipality_combo),
            (self.tr("&Typ:"), self.kind_combo),
            (self.tr("&Roll:"), self.role_combo),
        ):
            caption = QLabel(text)
            caption.setBuddy(field)
            form.addRow(caption, field)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a40000; font-weight: bold;")
        self.error_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Avbryt"))
        cancel.setAccessibleName(self.tr("Avbryt"))
        self.save_button = QPushButton(self.tr("&Lägg till"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Lägg till"))
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def save(self) -> None:
        office, actor = self.ctx.svc.office, self.ctx.person_id
        name, email = self.name_edit.text(), self.email_edit.text()
        municipality = str(self.municipality_combo.currentData())
        kind = PersonKind(self.kind_combo.currentData())
        role = Role(self.role_combo.currentData())
        self.save_button.setEnabled(False)
        self.ctx.run(
            lambda: office.add_person(actor, name, email, municipality, kind, role),
            self._done,
            owner=self,
            on_error=self._failed,
        )

    def _done(self, person: Person) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(person)
        self.ctx.notify_changed()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error_label.setText(message_for(exc, self.ctx.lang))
        self.error_label.show()
