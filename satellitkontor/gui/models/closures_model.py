"""The office's closures (Från, Till, Anledning) as a table."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt

from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.services.results import ClosureView
from satellitkontor.words.texts import fmt_date

FROM, TO, REASON = range(3)


class ClosuresModel(RowsTableModel[ClosureView]):
    COLUMNS = 3
    NUMBERED_ROWS = True

    def set_closures(self, closures: Iterable[ClosureView]) -> None:
        self.set_rows(closures)

    def closure(self, row: int) -> ClosureView | None:
        return self.row_at(row)

    def header_texts(self) -> tuple[str, ...]:
        return (self.tr("Från"), self.tr("Till"), self.tr("Anledning"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c = self.row_for(index)
        if c is None:
            return None
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
