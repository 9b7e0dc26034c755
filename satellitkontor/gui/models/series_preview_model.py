"""The occurrences of a repeated booking before it is made: which dates will be booked, which are
skipped and why (the Swedish sentence of the error, as everywhere else).

Fed with the :class:`SeriesResult` of ``BookingService.book_series(..., dry_run=True)``.
Skipped rows say so in words (column OUTCOME) and in colour, never by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from satellitkontor.gui import theme
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.services.results import SeriesResult
from satellitkontor.words.texts import describe, fmt_date

DATE, OUTCOME, REASON = range(3)

#: Qt.ItemDataRole.UserRole: the row's ``datetime.date``; UserRole + 1: True when it is booked.
DATE_ROLE = Qt.ItemDataRole.UserRole
BOOKED_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class PreviewRow:
    day: date
    booked: bool
    reason: str
    #: A series changed from one occurrence on: "changed" (the booking that day changes in
    #: place), "cancelled" (the booking that day is cancelled); "" otherwise.
    change: str = ""


class SeriesPreviewModel(RowsTableModel[PreviewRow]):
    COLUMNS = 3

    # --- content ---------------------------------------------------------------------------------
    def set_result(self, result: SeriesResult | None) -> None:
        rows: list[PreviewRow] = []
        if result is not None:
            days = result.days or tuple(b.day for b in result.booked)
            changed, cancelled = set(result.changed), set(result.cancelled)
            rows = [PreviewRow(d, True, "", "changed" if d in changed else "") for d in days]
            rows += [
                PreviewRow(
                    s.day, False, describe(s.error, self.lang), "cancelled" if s.day in cancelled else ""
                )
                for s in result.skipped
            ]
            shown = {r.day for r in rows}
            rows += [  # a weekday the change drops: that day's booking is cancelled
                PreviewRow(d, False, self.tr("Dagen ingår inte längre i serien."), "cancelled")
                for d in sorted(cancelled - shown)
            ]
            rows.sort(key=lambda r: r.day)
        self.set_rows(rows)

    def rows(self) -> list[PreviewRow]:
        return list(self._rows)

    def booked_days(self) -> list[date]:
        return [r.day for r in self._rows if r.booked]

    def skipped_days(self) -> list[date]:
        return [r.day for r in self._rows if not r.booked]

    def changed_days(self) -> list[date]:
        return [r.day for r in self._rows if r.change == "changed"]

    def cancelled_days(self) -> list[date]:
        return [r.day for r in self._rows if r.change == "cancelled"]

    def _outcome(self, row: PreviewRow) -> str:
        if row.change == "changed":
            return self.tr("Ändras")
        if row.change == "cancelled":
            return self.tr("Avbokas")
        return self.tr("Bokas") if row.booked else self.tr("Hoppas över")

    # --- Qt --------------------------------------------------------------------------------------
    def header_texts(self) -> tuple[str, ...]:
        return (self.tr("Datum"), self.tr("Blir"), self.tr("Anledning"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == DATE:
                return fmt_date(row.day, self.lang)
            if column == OUTCOME:
                return self._outcome(row)
            if column == REASON:
                return row.reason
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if row.change:
                return f"{fmt_date(row.day, self.lang)}: {self._outcome(row)}. {row.reason}".strip()
            if row.booked:
                return self.tr("{day}: bokas").format(day=fmt_date(row.day, self.lang))
            return self.tr("{day}: hoppas över, {reason}").format(
                day=fmt_date(row.day, self.lang), reason=row.reason
            )
        if role == Qt.ItemDataRole.ForegroundRole and not row.booked:
            return QBrush(QColor(theme.current().error))
        if role == DATE_ROLE:
            return row.day
        if role == BOOKED_ROLE:
            return row.booked
        return None
