"""Usage per municipality for one period (a month or the whole year), with a total row last.

Shown numbers follow the language (``1,5`` in Swedish); ``VALUE_ROLE`` gives the raw number,
for sorting and for tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.services.results import UsageRow
from satellitkontor.services.statistics.export import total

(
    COL_MUNICIPALITY,
    COL_DESK_DAYS,
    COL_ROOM_HOURS,
    COL_BOOKINGS,
    COL_PEOPLE,
    COL_EMPLOYEES,
    COL_POLITICIANS,
    COL_NO_SHOWS,
    COL_NO_SHOW_RATE,
    COL_GUESTS,
) = range(10)

#: The raw value of a cell (float, int or the municipality's name).
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


def fmt_number(value: float, lang: str) -> str:
    """'1,5' / '1.5'; whole numbers without decimals."""
    text = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    return text.replace(".", ",") if lang == "sv" else text


def fmt_percent(value: float, lang: str) -> str:
    text = f"{value * 100:.0f} %" if lang == "sv" else f"{value * 100:.0f}%"
    return text


class UsageModel(RowsTableModel[UsageRow]):
    COLUMNS = 10

    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(lang, parent)
        self._total: UsageRow | None = None

    def set_rows(self, rows: Iterable[UsageRow]) -> None:
        """One row per municipality of one period; a total row is added after them."""
        with self.resetting():
            self._rows = tuple(rows)
            self._total = total(self._rows) if self._rows else None

    def is_total(self, row: int) -> bool:
        return self._total is not None and row == len(self._rows)

    def _row(self, row: int) -> UsageRow:
        if self.is_total(row) and self._total is not None:
            return self._total
        return self._rows[row]

    # --- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid():
            return 0
        return len(self._rows) + (1 if self._total is not None else 0)

    def header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("Kommun"),
            self.tr("Platsdagar"),
            self.tr("Rumstimmar"),
            self.tr("Bokningar"),
            self.tr("Personer"),
            self.tr("Medarbetare"),
            self.tr("Politiker"),
            self.tr("Uteblivna"),
            self.tr("Andel uteblivna"),
            self.tr("Gästbokningar"),
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The titles, and for some columns a tooltip saying what is counted."""
        horizontal = orientation is Qt.Orientation.Horizontal and 0 <= section < self.COLUMNS
        if horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return (
                None,
                self.tr("Heldag räknas 1, förmiddag eller eftermiddag 0,5"),
                self.tr("Konferensrummets bokade timmar"),
                self.tr("Bokningar som används eller står kvar"),
                self.tr("Olika personer med minst en bokning"),
                None,
                None,
                self.tr("Bokningar där ingen kom"),
                self.tr("Uteblivna av påbörjade bokningar"),
                self.tr("Bokningar åt externa gäster, räknade under värdens kommun"),
            )[section]
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        r = self._row(index.row())
        col = index.column()
        is_total = self.is_total(index.row())
        if role == VALUE_ROLE:
            return self._value(r, col, is_total)
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(r, col, is_total)
            if col == COL_MUNICIPALITY:
                return value
            if col == COL_NO_SHOW_RATE:
                return fmt_percent(float(value), self.lang)
            return fmt_number(float(value), self.lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_MUNICIPALITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _value(self, r: UsageRow, col: int, is_total: bool) -> Any:
        if col == COL_MUNICIPALITY:
            return self.tr("Totalt") if is_total else r.municipality_name
        return (
            None,
            r.desk_days,
            r.room_hours,
            r.bookings,
            r.people,
            r.employees,
            r.politicians,
            r.no_shows,
            r.no_show_rate,
            r.guest_bookings,
        )[col]
