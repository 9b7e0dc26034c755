"""The rotation calendar's meetings of one year: date, time, title, place and kind."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from satellitkontor.domain import clock as clk
from satellitkontor.services.results import MeetingView
from satellitkontor.texts import fmt_date, fmt_time

COL_DATE, COL_TIME, COL_TITLE, COL_LOCATION, COL_KIND = range(5)
COLUMN_COUNT = 5

#: The row's MeetingView, for views and tests.
MEETING_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class MeetingsModel(QAbstractTableModel):
    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[MeetingView] = []

    def set_meetings(self, meetings: list[MeetingView] | tuple[MeetingView, ...]) -> None:
        self.beginResetModel()
        self._rows = list(meetings)
        self.endResetModel()

    def meeting(self, row: int) -> MeetingView:
        return self._rows[row]

    def kind_text(self, kind: str) -> str:
        texts = {
            "council": self.tr("Umeåregionrådet"),
            "handover": self.tr("Överlämning"),
            "other": self.tr("Övrigt"),
        }
        return texts.get(kind, kind)

    # --- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (self.tr("Datum"), self.tr("Tid"), self.tr("Möte"), self.tr("Plats"), self.tr("Typ"))
            return titles[section] if 0 <= section < COLUMN_COUNT else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_DATE:
                return fmt_date(clk.local_date(m.start), self.lang)
            if col == COL_TIME:
                return f"{fmt_time(m.start)}–{fmt_time(m.end)}"
            if col == COL_TITLE:
                return m.title
            if col == COL_LOCATION:
                return m.location or ""
            return self.kind_text(m.kind)
        if role == Qt.ItemDataRole.ToolTipRole and m.note:
            return m.note
        if role == MEETING_ROLE:
            return m
        return None
