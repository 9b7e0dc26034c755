"""The rotation over many years: year, host municipality, vice chair, and how sure it is.

Years after the business plan are only projected from the cycle until an admin confirms them;
the status column says so in words ("preliminär"), and projected rows are also set in italics,
so the difference is never carried by colour alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from satellitkontor.domain.rotation import HostYear, RotationStatus
from satellitkontor.texts import label

COL_YEAR, COL_HOST, COL_VICE_CHAIR, COL_STATUS = range(4)
COLUMN_COUNT = 4

#: The row's HostYear, for views and tests.
HOST_YEAR_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def status_text(status: RotationStatus, lang: str) -> str:
    """'beslutad' / 'preliminär' / 'bekräftad' (and English)."""
    return label("confirmed_year" if status is RotationStatus.CONFIRMED else status.value, lang)


class RotationYearsModel(QAbstractTableModel):
    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[HostYear] = []
        self._current_year: int | None = None

    # --- content ---------------------------------------------------------------------------------
    def set_rows(self, rows: list[HostYear], current_year: int | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._current_year = current_year
        self.endResetModel()

    def host_year(self, row: int) -> HostYear:
        return self._rows[row]

    def row_of_year(self, year: int) -> int | None:
        return next((i for i, hy in enumerate(self._rows) if hy.year == year), None)

    # --- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (self.tr("År"), self.tr("Värdkommun"), self.tr("Vice ordförande"), self.tr("Status"))
            return titles[section] if 0 <= section < COLUMN_COUNT else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hy = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(hy, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if hy.is_projected:
                return self.tr("Preliminär: följer turordningen men är inte bekräftad än.")
            if hy.status is RotationStatus.CONFIRMED:
                return self.tr("Bekräftad av en administratör.")
            return self.tr("Beslutad i verksamhetsplanen.")
        if role == Qt.ItemDataRole.FontRole and (hy.is_projected or hy.year == self._current_year):
            font = QFont()
            font.setItalic(hy.is_projected)
            font.setBold(hy.year == self._current_year)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_YEAR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == HOST_YEAR_ROLE:
            return hy
        return None

    def _text(self, hy: HostYear, col: int) -> str:
        if col == COL_YEAR:
            return str(hy.year)
        if col == COL_HOST:
            return hy.host.name
        if col == COL_VICE_CHAIR:
            return hy.kc_vice_chair.name
        text = status_text(hy.status, self.lang)
        if hy.year == self._current_year:
            text = self.tr("{status} (i år)").format(status=text)
        return text
