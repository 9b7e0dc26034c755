"""The office's desks and room as a table, for the administration page "Platser och rum"."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt

from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.words.texts import label

NAME, KIND, EQUIPMENT, CAPACITY, ACTIVE, POSITION = range(6)


class ResourcesModel(RowsTableModel[Resource]):
    COLUMNS = 6
    NUMBERED_ROWS = True

    # --- data in --------------------------------------------------------------------------------
    def set_resources(self, resources: Iterable[Resource]) -> None:
        self.set_rows(resources)

    def resource(self, row: int) -> Resource | None:
        return self.row_at(row)

    def row_of(self, resource_id: int) -> int:
        return self.find_row(lambda r: r.id == resource_id)

    def resources(self) -> list[Resource]:
        return list(self._rows)

    # --- Qt -------------------------------------------------------------------------------------
    def header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("Namn"),
            self.tr("Typ"),
            self.tr("Utrustning"),
            self.tr("Kapacitet"),
            self.tr("Aktiv"),
            self.tr("Position"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_for(index)
        if r is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(r, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == EQUIPMENT and r.equipment:
            return "\n".join(r.equipment)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == CAPACITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None

    def _text(self, r: Resource, col: int) -> str:
        if col == NAME:
            return r.name
        if col == KIND:
            return label(r.kind.value, self.lang)
        if col == EQUIPMENT:
            return ", ".join(r.equipment)
        if col == CAPACITY:
            return str(r.capacity) if r.kind is ResourceKind.ROOM else "1"
        if col == ACTIVE:
            return self.tr("Ja") if r.active else self.tr("Nej (inaktiv)")
        if col == POSITION:
            return f"{r.x:.0f}, {r.y:.0f}"
        return ""
