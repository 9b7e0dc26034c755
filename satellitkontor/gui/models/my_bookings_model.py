"""My bookings as a table: date, time, place, title, participants, status and series mark.

One row per :class:`BookingView`, in the order the service gave them (coming ones soonest
first, past ones latest first). ``BOOKING_ROLE`` hands the booking itself to the view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from satellitkontor.domain.bookings import BookingView
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.texts import fmt_date, fmt_time, label

DATE, TIME, PLACE, TITLE, PARTICIPANTS, STATUS, SERIES = range(7)
COLUMN_COUNT = 7
#: The BookingView of a row (any column).
BOOKING_ROLE = Qt.ItemDataRole.UserRole + 1
#: What the series column shows for a booking in a series (with a tooltip saying so in words).
SERIES_MARK = "↻"

_Index = QModelIndex | QPersistentModelIndex


def time_text(booking: BookingView, lang: str) -> str:
    """'förmiddag' / 'heldag' for a desk, '10:00–11:00' for the room."""
    if booking.resource_kind is ResourceKind.DESK and booking.desk_period is not None:
        return label(booking.desk_period.value, lang)
    return f"{fmt_time(booking.start)}–{fmt_time(booking.end)}"


class MyBookingsModel(QAbstractTableModel):
    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[BookingView] = []
        self._headers = (
            self.tr("Datum"),
            self.tr("Tid"),
            self.tr("Plats/rum"),
            self.tr("Rubrik"),
            self.tr("Deltagare"),
            self.tr("Status"),
            self.tr("Serie"),
        )

    # --- content ---------------------------------------------------------------------------------
    def set_bookings(self, bookings: Sequence[BookingView]) -> None:
        self.beginResetModel()
        self._rows = list(bookings)
        self.endResetModel()

    def bookings(self) -> list[BookingView]:
        return list(self._rows)

    def booking_at(self, row: int) -> BookingView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, booking_id: int) -> int:
        """The row of booking ``booking_id``, or -1."""
        return next((i for i, b in enumerate(self._rows) if b.id == booking_id), -1)

    # --- QAbstractTableModel ---------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        wanted = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        if wanted and orientation is Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        booking = self.booking_at(index.row())
        if booking is None:
            return None
        column = index.column()
        if role == BOOKING_ROLE:
            return booking
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(booking, column)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == SERIES:
                return self.tr("Ingår i en serie") if booking.series_id else self.tr("Enstaka bokning")
            return self._text(booking, column) if role == Qt.ItemDataRole.AccessibleTextRole else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PARTICIPANTS, SERIES):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, booking: BookingView, column: int) -> str:
        if column == DATE:
            return fmt_date(booking.day, self.lang)
        if column == TIME:
            return time_text(booking, self.lang)
        if column == PLACE:
            return booking.resource_name
        if column == TITLE:
            return booking.title or ""
        if column == PARTICIPANTS:
            return str(booking.participants) if booking.participants is not None else ""
        if column == STATUS:
            return label(booking.status.value, self.lang)
        if column == SERIES:
            return SERIES_MARK if booking.series_id else ""
        return ""
