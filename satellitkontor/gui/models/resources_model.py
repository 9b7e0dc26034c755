"""The office's desks and room as a table, for the administration page "Platser och rum"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.texts import label

NAME, KIND, EQUIPMENT, CAPACITY, ACTIVE, POSITION = range(6)
COLUMNS = 6

_Index = QModelIndex | QPersistentModelIndex


class ResourcesModel(QAbstractTableModel):
    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[Resource] = []

    # --- data in --------------------------------------------------------------------------------
    def set_resources(self, resources: list[Resource]) -> None:
        self.beginResetModel()
        self._rows = list(resources)
        self.endResetModel()

    def resource(self, row: int) -> Resource | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, resource_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == resource_id), -1)

    def resources(self) -> list[Resource]:
        return list(self._rows)

    # --- Qt -------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = (
            self.tr("Namn"),
            self.tr("Typ"),
            self.tr("Utrustning"),
            self.tr("Kapacitet"),
            self.tr("Aktiv"),
            self.tr("Position"),
        )
        return titles[section] if 0 <= section < COLUMNS else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
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
