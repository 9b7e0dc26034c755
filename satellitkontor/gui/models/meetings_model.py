"""The rotation calendar's meetings of one year: date, time, title, place and kind."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt

from satellitkontor.domain import clock as clk
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.services.results import MeetingView
from satellitkontor.words.texts import fmt_date, fmt_time

COL_DATE, COL_TIME, COL_TITLE, COL_LOCATION, COL_KIND = range(5)

#: The row's MeetingView, for views and tests.
MEETING_ROLE = Qt.ItemDataRole.UserRole + 1


class MeetingsModel(RowsTableModel[MeetingView]):
    COLUMNS = 5

    def set_meetings(self, meetings: Iterable[MeetingView]) -> None:
        self.set_rows(meetings)

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
    def header_texts(self) -> tuple[str, ...]:
        return (self.tr("Datum"), self.tr("Tid"), self.tr("Möte"), self.tr("Plats"), self.tr("Typ"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        m = self.row_for(index)
        if m is None:
            return None
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
