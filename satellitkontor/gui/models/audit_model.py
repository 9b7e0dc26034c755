"""The audit trail as a table, newest first, fetched a page at a time as the list scrolls.

The model holds the entries loaded so far and the total the filters match. When the view
scrolls near the end, Qt asks :meth:`AuditModel.fetchMore`; the model does no database work
itself (that belongs off the GUI thread): it emits ``more_wanted`` once, and the page loads the
next page and hands it to :meth:`AuditModel.append_entries`. Read only, like every table here:
no cell is editable (``RowsTableModel.flags``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from satellitkontor.domain import clock as clk
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.services.audit.format import AuditEntryView

WHEN, WHO, ACTION, TARGET, SUBJECT, CHANGE = range(6)
#: The entry's id.
ID_ROLE = Qt.ItemDataRole.UserRole


def when_text(entry: AuditEntryView) -> str:
    return clk.to_local(entry.when).strftime("%Y-%m-%d %H:%M")


class AuditModel(RowsTableModel[AuditEntryView]):
    COLUMNS = 6
    #: The view reached the end of what is loaded and more entries match: load the next page.
    more_wanted = Signal()

    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(lang, parent)
        self.total = 0
        self._waiting = False

    # --- content ---------------------------------------------------------------------------------
    def set_entries(self, entries: Iterable[AuditEntryView], total: int) -> None:
        """A fresh first page, and how many entries match in all."""
        with self.resetting():
            self._rows = tuple(entries)
            self.total = max(total, len(self._rows))
            self._waiting = False

    def append_entries(self, entries: Iterable[AuditEntryView]) -> None:
        """The next page, after ``more_wanted``."""
        more = tuple(entries)
        self._waiting = False
        if not more:
            self.total = len(self._rows)  # fewer than counted: the filters' total was an estimate
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows = self._rows + more
        self.total = max(self.total, len(self._rows))
        self.endInsertRows()

    def loaded(self) -> int:
        return len(self._rows)

    def entry(self, row: int) -> AuditEntryView | None:
        return self.row_at(row)

    def row_of(self, entry_id: int) -> int:
        return self.find_row(lambda e: e.id == entry_id)

    def column_texts(self, col: int, rows: int) -> set[str]:
        """The different texts column ``col`` shows in its first ``rows`` rows (what the page
        measures to fit its columns, without a ``data()`` call through Qt per cell)."""
        return {self._text(e, col) for e in self._rows[:rows]}

    # --- lazy loading ----------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and not self._waiting and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if self.canFetchMore(parent):
            self._waiting = True
            self.more_wanted.emit()

    # --- Qt model --------------------------------------------------------------------------------
    def header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("Tid"),
            self.tr("Vem"),
            self.tr("Händelse"),
            self.tr("Gäller"),
            self.tr("Person"),
            self.tr("Ändring"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        e = self.row_for(index)
        if e is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(e, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (TARGET, CHANGE):
            return self._text(e, index.column()) or None
        if role == ID_ROLE:
            return e.id
        return None

    def _text(self, e: AuditEntryView, col: int) -> str:
        if col == WHEN:
            return when_text(e)
        if col == WHO:
            return e.who
        if col == ACTION:
            return e.action_label
        if col == TARGET:
            return e.target
        if col == SUBJECT:
            return e.subject or ""
        if col == CHANGE:
            return e.summary
        return ""
