"""My bookings as a table: date, time, place, title, participants, status and series mark.

One row per :class:`BookingView`, in the order the service gave them (coming ones soonest
first, past ones latest first). ``BOOKING_ROLE`` hands the booking itself to the view.

With Exchange sync on, a booking whose change is not written to Outlook yet says so in its
status (" – inte i Outlook än"), with the last push error, if any, as the status's tooltip: the
booker then knows why the meeting is not in their calendar yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt

from satellitkontor.domain.bookings import BookingView
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.words import plans
from satellitkontor.words.texts import fmt_date, fmt_time, label

DATE, TIME, PLACE, TITLE, PARTICIPANTS, STATUS, SERIES = range(7)
#: The BookingView of a row (any column).
BOOKING_ROLE = Qt.ItemDataRole.UserRole + 1
#: What the series column shows for a booking in a series (with a tooltip saying so in words).
SERIES_MARK = "↻"


def time_text(booking: BookingView, lang: str) -> str:
    """'förmiddag' / 'heldag' for a desk, '10:00–11:00' for the room."""
    if booking.resource_kind is ResourceKind.DESK and booking.desk_period is not None:
        return label(booking.desk_period.value, lang)
    return f"{fmt_time(booking.start)}–{fmt_time(booking.end)}"


class MyBookingsModel(RowsTableModel[BookingView]):
    COLUMNS = 7

    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(lang, parent)
        self._lag: dict[int, str | None] = {}
        self._conflicts: dict[int, str] = {}

    # --- content ---------------------------------------------------------------------------------
    def set_bookings(
        self,
        bookings: Iterable[BookingView],
        not_in_outlook: Mapping[int, str | None] | None = None,
        conflicts: Mapping[int, str] | None = None,
    ) -> None:
        """``not_in_outlook``: booking id -> the reason (or None) for those Outlook lacks yet;
        ``conflicts``: booking id -> the Outlook meeting that was put on its time (it won)."""
        self._lag = dict(not_in_outlook or {})
        self._conflicts = dict(conflicts or {})
        self.set_rows(bookings)

    def bookings(self) -> list[BookingView]:
        return list(self._rows)

    def booking_at(self, row: int) -> BookingView | None:
        return self.row_at(row)

    def row_of(self, booking_id: int) -> int:
        """The row of booking ``booking_id``, or -1."""
        return self.find_row(lambda b: b.id == booking_id)

    # --- QAbstractTableModel ---------------------------------------------------------------------
    def header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("Datum"),
            self.tr("Tid"),
            self.tr("Plats/rum"),
            self.tr("Rubrik"),
            self.tr("Deltagare"),
            self.tr("Status"),
            self.tr("Serie"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        booking = self.row_for(index)
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
            if column == STATUS and role == Qt.ItemDataRole.ToolTipRole and booking.id in self._conflicts:
                return self._conflicts[booking.id]
            if column == STATUS and role == Qt.ItemDataRole.ToolTipRole and booking.id in self._lag:
                reason = self._lag[booking.id]
                text = self.tr(
                    "Ändringen är inte skriven till Outlook än. Den skickas vid nästa synkronisering."
                )
                return f"{text}\n{reason}" if reason else text
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
            if booking.guest_name is not None:  # I am the guest's host
                guest = self.tr("Gäst: {guest}, {org}").format(
                    guest=booking.guest_name, org=booking.guest_org or ""
                )
                return f"{booking.title} – {guest}" if booking.title else guest
            return booking.title or ""
        if column == PARTICIPANTS:
            return str(booking.participants) if booking.participants is not None else ""
        if column == STATUS:
            status = plans.status_text(booking, self.lang)  # with why it was cancelled, if known
            if booking.id in self._conflicts:
                status += self.tr(" – krock med Outlook")
            return status + self.tr(" – inte i Outlook än") if booking.id in self._lag else status
        if column == SERIES:
            return SERIES_MARK if booking.series_id else ""
        return ""
