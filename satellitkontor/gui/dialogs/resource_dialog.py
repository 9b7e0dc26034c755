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
from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QWidget

from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import FormDialog, add_rows

#: Where a new desk or room is put on the plan until an admin drags it into place.
NEW_POSITION = (100.0, 800.0)


def split_equipment(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


class ResourceDialog(FormDialog):
    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        kind: ResourceKind,
        parent: QWidget | None = None,
        *,
        resource: Resource | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("resourceDialog")
        self.kind, self.resource = kind, resource
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
        add_rows(form, ((self.tr("&Namn:"), self.name_edit), (self.tr("&Utrustning:"), self.equipment_edit)))
        if kind is ResourceKind.ROOM:
            add_rows(form, ((self.tr("&Kapacitet:"), self.capacity_spin),))
        else:
            self.capacity_spin.hide()

        buttons, self.save_button = self.button_box(
            self.tr("&Spara"), self.tr("Spara"), "saveButton", self.save, cancel_text=self.tr("Avbryt")
        )

        self.stack(form, buttons)
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

        self.submit(work, self.saved.emit)
