"""Every conference room's free time in one week: one row per room, one column per day.

A cell reads "08:00–09:00, 10:00–17:00" (the room's free time within opening hours), "stängt:
Juldagen" on a closed day, or "fullbokat" when no time is left. The room view shows it when
"Alla rum" is chosen in its room picker; activating a cell opens that room's own week.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt

from satellitkontor.domain.resources import Resource
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.services.results import DayOccupancy
from satellitkontor.words.texts import fmt_date, fmt_time


def free_text(room: Resource, day: DayOccupancy) -> str:
    """A room's free time on ``day`` in words: "08:00–09:00, 10:00–17:00", "fullbokat", "stängt: …"."""
    if day.closed is not None:
        return QCoreApplication.translate("RoomsFree", "stängt: {reason}").format(reason=day.closed.name)
    held = next((r for r in day.rooms if r.resource.id == room.id), None)
    if held is None or day.hours is None:
        return QCoreApplication.translate("RoomsFree", "stängt")
    spans = day.free_spans(held)
    if not spans:
        return QCoreApplication.translate("RoomsFree", "fullbokat")
    return ", ".join(f"{fmt_time(a)}–{fmt_time(b)}" for a, b in spans)


class RoomsFreeModel(RowsTableModel[Resource]):
    ROOM = 0
    COLUMNS = 1  # and one per shown day (see columnCount)

    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(lang, parent)
        self._days: tuple[DayOccupancy, ...] = ()

    def set_week(self, rooms: Sequence[Resource], days: Sequence[DayOccupancy]) -> None:
        with self.resetting():
            self._rows = tuple(rooms)
            self._days = tuple(days)

    def day_of(self, column: int) -> DayOccupancy | None:
        return self._days[column - 1] if 1 <= column <= len(self._days) else None

    # --- Qt --------------------------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 1 + len(self._days)

    def header_texts(self) -> tuple[str, ...]:
        days = (fmt_date(d.day, self.lang).rsplit(" ", 1)[0] for d in self._days)  # without the year
        return (self.tr("Rum"), *days)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        room = self.row_for(index)
        if room is None:
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if index.column() == self.ROOM:
            return room.name
        day = self.day_of(index.column())
        if day is None:
            return None
        text = free_text(room, day)
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        return self.tr("{room}, {day}: ledigt {free}").format(
            room=room.name, day=fmt_date(day.day, self.lang), free=text
        )
