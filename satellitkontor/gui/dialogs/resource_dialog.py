"""A new desk or room, or changes to one: name, equipment (a comma list) and, for a room, capacity.

API: ResourceDialog(ctx, kind, parent=None, *, resource=None)
    .name_edit, .equipment_edit: QLineEdit; .capacity_spin: QSpinBox (rooms only)
    .save_button: QPushButton (saves; on success the dialog accepts)
    .saved: Signal(object) -> the Resource as saved (ctx.notify_changed() is called too)
    .error_label: QLabel (the Swedish error, shown inline)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.errors import message_for

#: Where a new desk or room is put on the plan until an admin drags it into place.
NEW_POSITION = (100.0, 800.0)


def split_equipment(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


class ResourceDialog(QDialog):
    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        kind: ResourceKind,
        parent: QWidget | None = None,
        *,
        resource: Resource | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resourceDialog")
        self.ctx, self.kind, self.resource = ctx, kind, resource
        if resource is not None:
            title = self.tr("Ändra {name}").format(name=resource.name)
        elif kind is ResourceKind.ROOM:
            title = self.tr("Nytt rum")
        else:
            title = self.tr("Ny plats")
        self.setWindowTitle(title)
        self.setAccessibleName(title)

        self.name_edit = QLineEdit(resource.name if resource else "")
        self.name_edit.setObjectName("resourceName")
        self.name_edit.setAccessibleName(self.tr("Namn"))
        self.name_edit.setMaxLength(100)
        self.equipment_edit = QLineEdit(", ".join(resource.equipment) if resource else "")
        self.equipment_edit.setObjectName("resourceEquipment")
        self.equipment_edit.setAccessibleName(self.tr("Utrustning, skild med kommatecken"))
        self.equipment_edit.setPlaceholderText(self.tr("t.ex. Två skärmar, Headset"))
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setObjectName("resourceCapacity")
        self.capacity_spin.setAccessibleName(self.tr("Kapacitet (personer)"))
        self.capacity_spin.setRange(1, 200)
        self.capacity_spin.setValue(resource.capacity if resource else 12)

        form = QFormLayout()
        name_label = QLabel(self.tr("&Namn:"))
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        equipment_label = QLabel(self.tr("&Utrustning:"))
        equipment_label.setBuddy(self.equipment_edit)
        form.addRow(equipment_label, self.equipment_edit)
        if kind is ResourceKind.ROOM:
            capacity_label = QLabel(self.tr("&Kapacitet:"))
            capacity_label.setBuddy(self.capacity_spin)
            form.addRow(capacity_label, self.capacity_spin)
        else:
            self.capacity_spin.hide()

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a40000; font-weight: bold;")
        self.error_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Avbryt"))
        cancel.setAccessibleName(self.tr("Avbryt"))
        self.save_button = QPushButton(self.tr("&Spara"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Spara"))
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
        office = self.ctx.svc.office
        actor = self.ctx.person_id
        name = self.name_edit.text()
        equipment = split_equipment(self.equipment_edit.text())
        capacity = self.capacity_spin.value() if self.kind is ResourceKind.ROOM else None
        resource, kind = self.resource, self.kind

        def work() -> Resource:
            if resource is None:
                x, y = NEW_POSITION
                return office.add_resource(
                    actor, kind, name, equipment=equipment, capacity=capacity, x=x, y=y
                )
            changes: dict[str, Any] = {"name": name, "equipment": equipment}
            if capacity is not None:
                changes["capacity"] = capacity
            return office.update_resource(actor, resource.id, **changes)

        self.save_button.setEnabled(False)
        self.ctx.run(work, self._done, owner=self, on_error=self._failed)

    def _done(self, resource: Resource) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(resource)
        self.ctx.notify_changed()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error_label.setText(message_for(exc, self.ctx.lang))
        self.error_label.show()
