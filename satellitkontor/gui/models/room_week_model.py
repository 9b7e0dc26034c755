"""The conference room's meetings of one week, as an accessible list: day, time, title,
participants, municipality and (for the receptionist and admins) who booked."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from satellitkontor.domain.bookings import BookingView
from satellitkontor.words.texts import fmt_date, fmt_time, municipality_name

COL_DAY, COL_TIME, COL_TITLE, COL_PARTICIPANTS, COL_MUNICIPALITY, COL_BOOKED_BY = range(6)
COLUMN_COUNT = 6

#: The row's BookingView, for views and tests.
BOOKING_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class RoomWeekModel(QAbstractTableModel):
    """One row per meeting (cancelled ones are left out by the caller), in time order.

    ``show_names`` decides whether "Bokad av" says who booked; without it the column is empty
    (the view hides it). My own meetings say so in the title column, not by colour.
    """

    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.show_names = False
        self.my_id: int | None = None
        self._rows: list[BookingView] = []

    def set_bookings(
        self, bookings: Iterable[BookingView], *, my_id: int | None = None, show_names: bool = False
    ) -> None:
        self.beginResetModel()
        self._rows = sorted(bookings, key=lambda b: (b.start, b.id))
        self.my_id = my_id
        self.show_names = show_names
        self.endResetModel()

    def booking(self, row: int) -> BookingView:
        return self._rows[row]

    def row_of(self, booking_id: int) -> int:
        """The row of a booking, or -1."""
        return next((i for i, b in enumerate(self._rows) if b.id == booking_id), -1)

    def is_mine(self, booking: BookingView) -> bool:
        return self.my_id is not None and booking.person_id == self.my_id

    def title_text(self, booking: BookingView) -> str:
        """The title; "Bokat" for someone else's meeting whose title this viewer may not see."""
        if booking.title:
            title = booking.title
        elif self.show_names or self.is_mine(booking):
            title = self.tr("(utan rubrik)")
        else:
            title = self.tr("Bokat")
        return self.tr("{title} (min bokning)").format(title=title) if self.is_mine(booking) else title

    # --- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (
                self.tr("Dag"),
                self.tr("Tid"),
                self.tr("Rubrik"),
                self.tr("Deltagare"),
                self.tr("Kommun"),
                self.tr("Bokad av"),
            )
            return titles[section] if 0 <= section < COLUMN_COUNT else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        b = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(b, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TITLE:
            return self.title_text(b)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_PARTICIPANTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == BOOKING_ROLE:
            return b
        return None

    def _text(self, b: BookingView, col: int) -> str:
        if col == COL_DAY:
            return fmt_date(b.day, self.lang)
        if col == COL_TIME:
            return f"{fmt_time(b.start)}–{fmt_time(b.end)}"
        if col == COL_TITLE:
            return self.title_text(b)
        if col == COL_PARTICIPANTS:
            return self.tr("{n} pers.").format(n=b.participants) if b.participants else ""
        if col == COL_MUNICIPALITY:
            return municipality_name(b.municipality_code)
        if col == COL_BOOKED_BY:
            return (b.person_name or "") if self.show_names else ""
        return ""
