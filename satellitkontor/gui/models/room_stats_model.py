"""Statistik per conference room for one period (a month or the whole year): bookings, booked
hours, the office's open hours and the occupancy rate (services/statistics/rooms.py).

``VALUE_ROLE`` (shared with the municipality table) gives the raw number, for tests.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.gui.models.usage_model import VALUE_ROLE, fmt_number, fmt_percent
from satellitkontor.services.statistics.rooms import RoomPeriodRow

COL_ROOM, COL_BOOKINGS, COL_HOURS, COL_OPEN_HOURS, COL_OCCUPANCY = range(5)


class RoomStatsModel(RowsTableModel[RoomPeriodRow]):
    COLUMNS = 5

    def header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("Rum"),
            self.tr("Bokningar"),
            self.tr("Bokade timmar"),
            self.tr("Öppettimmar"),
            self.tr("Beläggning"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        col = index.column()
        values: tuple[Any, ...] = (row.room, row.bookings, row.hours, row.open_hours, row.occupancy)
        if role == VALUE_ROLE:
            return values[col]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == COL_ROOM:
                return row.room
            if col == COL_OCCUPANCY:
                return fmt_percent(row.occupancy, self.lang)
            return fmt_number(float(values[col]), self.lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != COL_ROOM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
