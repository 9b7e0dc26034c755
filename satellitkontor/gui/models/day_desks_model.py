"""Every desk on one day: who sits there in the morning and in the afternoon, and how it went.

One row per desk, in the office's order. A full-day booking fills both halves; a half-day
booking fills its own. When a half has several bookings (a no-show and then a walk-in), the one
that holds the desk is shown. The status says "bokad", "incheckad" or "uteblev" in words, so
colour only repeats what the text already says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from satellitkontor.domain.bookings import BookingStatus, BookingView, DeskPeriod, halves_held, halves_of
from satellitkontor.domain.resources import Resource
from satellitkontor.gui import theme
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.services.results import ResourceDay
from satellitkontor.words.texts import fmt_time, label, municipality_name


def status_tint(status: BookingStatus) -> QColor | None:
    """The background tint that repeats what the status text says (never the only sign), in the
    palette's colours (light or dark, gui/theme.py)."""
    c = theme.current()
    tint = {
        BookingStatus.CONFIRMED: c.booked,
        BookingStatus.CHECKED_IN: c.arrived,
        BookingStatus.NO_SHOW: c.absent,
    }
    return QColor(tint[status]) if status in tint else None


def free_colour() -> QColor:
    """ "ledig" in the palette's secondary text colour (≥ 4.5:1 on rows and alternate rows, see
    gui/theme.py); the grey #6b6b6b it replaced had about 3.8:1 on a shaded row."""
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


@dataclass(frozen=True, slots=True)
class DeskRow:
    desk: Resource
    morning: BookingView | None
    afternoon: BookingView | None

    @property
    def bookings(self) -> tuple[BookingView, ...]:
        if self.morning is not None and self.morning == self.afternoon:
            return (self.morning,)
        return tuple(b for b in (self.morning, self.afternoon) if b is not None)


def _pick(bookings: Sequence[BookingView], half: DeskPeriod) -> BookingView | None:
    """The booking shown for one half: the one holding the desk, else the latest no-show."""
    holding = [b for b in bookings if half in halves_held(b)]
    if holding:
        return holding[0]
    covering = [b for b in bookings if half in halves_of(b.desk_period)]
    return covering[-1] if covering else None


def desk_rows(desks: Sequence[ResourceDay]) -> list[DeskRow]:
    return [
        DeskRow(d.resource, _pick(d.bookings, DeskPeriod.MORNING), _pick(d.bookings, DeskPeriod.AFTERNOON))
        for d in desks
    ]


class DayDesksModel(RowsTableModel[DeskRow]):
    PLACE, MORNING, AFTERNOON, STATUS = range(4)
    COLUMNS = 4

    # --- data in ---------------------------------------------------------------------------------
    closed = False  #: the office is closed that day: an empty half reads "stängt", never "ledig"

    def set_desks(self, desks: Sequence[ResourceDay], *, closed: bool = False) -> None:
        self.closed = closed
        self.set_rows(desk_rows(desks))

    def _empty(self) -> str:
        return self.tr("stängt") if self.closed else label("free", self.lang)

    def desk_at(self, row: int) -> Resource | None:
        desk_row = self.row_at(row)
        return desk_row.desk if desk_row is not None else None

    def booking_at(self, index: Index) -> BookingView | None:
        """The booking under a cell: its half in the period columns, else the first of the row."""
        row = self.row_for(index)
        if row is None:
            return None
        if index.column() == self.MORNING:
            return row.morning
        if index.column() == self.AFTERNOON:
            return row.afternoon
        return row.morning or row.afternoon

    def index_of_booking(self, booking_id: int) -> QModelIndex:
        for r, row in enumerate(self._rows):
            if row.morning is not None and row.morning.id == booking_id:
                return self.index(r, self.MORNING)
            if row.afternoon is not None and row.afternoon.id == booking_id:
                return self.index(r, self.AFTERNOON)
        return QModelIndex()

    # --- words -----------------------------------------------------------------------------------
    def who(self, booking: BookingView | None) -> str:
        if booking is None:
            return self.tr("stängt") if self.closed else self.tr("ledig")
        name = booking.person_name or self.tr("(okänd)")
        municipality = municipality_name(booking.municipality_code)
        if booking.guest_name is not None:
            return self.tr("Gäst: {guest}, {org} (värd {name}, {municipality})").format(
                guest=booking.guest_name, org=booking.guest_org or "", name=name, municipality=municipality
            )
        return self.tr("{name} ({municipality})").format(name=name, municipality=municipality)

    def status_text(self, row: DeskRow) -> str:
        if row.morning is None and row.afternoon is None:
            return self._empty()
        if row.morning is not None and row.morning == row.afternoon:
            return label(row.morning.status.value, self.lang)
        morning = label(row.morning.status.value, self.lang) if row.morning else self._empty()
        afternoon = label(row.afternoon.status.value, self.lang) if row.afternoon else self._empty()
        return self.tr("fm: {morning} · em: {afternoon}").format(morning=morning, afternoon=afternoon)

    def _tooltip(self, booking: BookingView | None) -> str:
        if booking is None:
            return self.tr("Stängt") if self.closed else self.tr("Ledig")
        return self.tr("{name}, {email}\n{start}–{end}, {period}\nStatus: {status}").format(
            name=booking.person_name or "",
            email=booking.person_email or "",
            start=fmt_time(booking.start),
            end=fmt_time(booking.end),
            period=label((booking.desk_period or DeskPeriod.FULL_DAY).value, self.lang),
            status=label(booking.status.value, self.lang),
        )

    # --- Qt --------------------------------------------------------------------------------------
    def header_texts(self) -> tuple[str, ...]:
        return (self.tr("Plats"), self.tr("Förmiddag"), self.tr("Eftermiddag"), self.tr("Status"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        col = index.column()
        booking = self.booking_at(index) if col in (self.MORNING, self.AFTERNOON) else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == self.PLACE:
                return row.desk.name
            if col == self.STATUS:
                return self.status_text(row)
            return self.who(booking)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.MORNING, self.AFTERNOON):
            return self._tooltip(booking)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and col in (self.MORNING, self.AFTERNOON)
            and booking is None
        ):
            return free_colour()
        if role == Qt.ItemDataRole.FontRole and col in (self.MORNING, self.AFTERNOON) and booking is None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            shown = booking if col in (self.MORNING, self.AFTERNOON) else (row.morning or row.afternoon)
            if col != self.PLACE and shown is not None:
                return status_tint(shown.status)
        if role == Qt.ItemDataRole.UserRole:
            return booking.id if booking is not None else None
        return None
