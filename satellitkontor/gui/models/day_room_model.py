"""The conference room's meetings on one day, in time order, for the receptionist.

Columns: time, title, who booked it, their municipality, participants and status in words
("bokad", "incheckad", "uteblev"). With more than one room the time names the room too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from satellitkontor.domain.bookings import BookingView
from satellitkontor.gui.models.day_desks_model import status_tint
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.services.results import ResourceDay
from satellitkontor.words.texts import fmt_time, label, municipality_name


class DayRoomModel(RowsTableModel[BookingView]):
    TIME, TITLE, BOOKED_BY, MUNICIPALITY, PARTICIPANTS, STATUS = range(6)
    COLUMNS = 6

    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(lang, parent)
        self._several_rooms = False

    # --- data in ---------------------------------------------------------------------------------
    def set_rooms(self, rooms: Sequence[ResourceDay]) -> None:
        with self.resetting():
            self._rows = tuple(
                sorted((b for r in rooms for b in r.bookings), key=lambda b: (b.start, b.resource_name))
            )
            self._several_rooms = len(rooms) > 1

    def booking_at(self, index: Index) -> BookingView | None:
        return self.row_for(index)

    def bookings(self) -> list[BookingView]:
        return list(self._rows)

    def index_of_booking(self, booking_id: int) -> QModelIndex:
        row = self.find_row(lambda b: b.id == booking_id)
        return self.index(row, self.TIME) if row >= 0 else QModelIndex()

    # --- words -----------------------------------------------------------------------------------
    def cell_text(self, booking: BookingView, column: int) -> str:
        if column == self.TIME:
            span = f"{fmt_time(booking.start)}–{fmt_time(booking.end)}"
            return f"{span} ({booking.resource_name})" if self._several_rooms else span
        if column == self.TITLE:
            return booking.title or "–"
        if column == self.BOOKED_BY:
            if booking.guest_name is not None:
                return self.tr("Gäst: {guest}, {org} (värd {name})").format(
                    guest=booking.guest_name, org=booking.guest_org or "", name=booking.person_name or ""
                )
            return booking.person_name or ""
        if column == self.MUNICIPALITY:
            return municipality_name(booking.municipality_code)
        if column == self.PARTICIPANTS:
            return str(booking.participants) if booking.participants is not None else ""
        if column == self.STATUS:
            return label(booking.status.value, self.lang)
        return ""

    # --- Qt --------------------------------------------------------------------------------------
    def header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("Tid"),
            self.tr("Rubrik"),
            self.tr("Bokad av"),
            self.tr("Kommun"),
            self.tr("Deltagare"),
            self.tr("Status"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        booking = self.booking_at(index)
        if booking is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(booking, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{room}: {title}\n{name}, {email}").format(
                room=booking.resource_name,
                title=booking.title or "",
                name=booking.person_name or "",
                email=booking.person_email or "",
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.PARTICIPANTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and col == self.STATUS:
            return status_tint(booking.status)
        if role == Qt.ItemDataRole.UserRole:
            return booking.id
        return None
