"""The office's closures (Från, Till, Anledning) as a table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from satellitkontor.services.results import ClosureView
from satellitkontor.texts import fmt_date

FROM, TO, REASON = range(3)
COLUMNS = 3

_Index = QModelIndex | QPersistentModelIndex


class ClosuresModel(QAbstractTableModel):
    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[ClosureView] = []

    def set_closures(self, closures: list[ClosureView]) -> None:
        self.beginResetModel()
        self._rows = list(closures)
        self.endResetModel()

    def closure(self, row: int) -> ClosureView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

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
        titles = (self.tr("Från"), self.tr("Till"), self.tr("Anledning"))
        return titles[section] if 0 <= section < COLUMNS else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            col = index.column()
            if col == FROM:
                return fmt_date(c.start, self.lang)
            if col == TO:
                return fmt_date(c.end, self.lang)
            if col == REASON:
                return c.reason
            return None
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        return None
