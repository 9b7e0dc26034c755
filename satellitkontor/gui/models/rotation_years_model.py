"""The rotation over many years: year, host municipality, vice chair, and how sure it is.

Years after the business plan are only projected from the cycle until an admin confirms them;
the status column says so in words ("preliminär"), and projected rows are also set in italics,
so the difference is never carried by colour alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from satellitkontor.domain.rotation import HostYear, RotationStatus
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.words.texts import label

COL_YEAR, COL_HOST, COL_VICE_CHAIR, COL_STATUS = range(4)

#: The row's HostYear, for views and tests.
HOST_YEAR_ROLE = Qt.ItemDataRole.UserRole + 1


def status_text(status: RotationStatus, lang: str) -> str:
    """'beslutad' / 'preliminär' / 'bekräftad' (and English)."""
    return label("confirmed_year" if status is RotationStatus.CONFIRMED else status.value, lang)


class RotationYearsModel(RowsTableModel[HostYear]):
    COLUMNS = 4

    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(lang, parent)
        self._current_year: int | None = None

    # --- content ---------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[HostYear], current_year: int | None = None) -> None:
        with self.resetting():
            self._rows = tuple(rows)
            self._current_year = current_year

    def host_year(self, row: int) -> HostYear:
        return self._rows[row]

    def row_of_year(self, year: int) -> int | None:
        row = self.find_row(lambda hy: hy.year == year)
        return row if row >= 0 else None

    # --- Qt model --------------------------------------------------------------------------------
    def header_texts(self) -> tuple[str, ...]:
        return (self.tr("År"), self.tr("Värdkommun"), self.tr("Vice ordförande"), self.tr("Status"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hy = self.row_for(index)
        if hy is None:
            return None
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
