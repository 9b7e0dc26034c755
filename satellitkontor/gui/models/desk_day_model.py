"""One day's desks as a table: who has each desk in the morning and in the afternoon, and what it has.

The same words are used on the floor plan (gui/widgets/floor_plan.py), so the list and the plan
always say the same thing: :func:`state_text` for a desk's state, :func:`booker_text` for whoever
holds a half day (municipality for everyone, names only for the receptionist and admins).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont

from satellitkontor.domain.bookings import BookingView, DeskPeriod, halves_held, halves_of
from satellitkontor.domain.resources import Resource
from satellitkontor.gui import theme
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.services.results import ResourceDay
from satellitkontor.words.texts import municipality_name

COL_DESK = 0
COL_MORNING = 1
COL_AFTERNOON = 2
COL_EQUIPMENT = 3

#: The tint of one's own half days, in the list and on the plan (with the words "Min bokning").
MINE = QColor("#d6e6fb")

#: The desk's state in short words ("Ledig", "FM upptagen", ...), the same as on the plan.
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The desk's :class:`ResourceDay`.
DESK_ROLE = Qt.ItemDataRole.UserRole + 2


def state_text(state: str) -> str:
    """Short words for a desk's state (``ResourceDay.state``): free, morning, afternoon, full."""
    if state == "morning":
        return QCoreApplication.translate("DeskDayModel", "FM upptagen")
    if state == "afternoon":
        return QCoreApplication.translate("DeskDayModel", "EM upptagen")
    if state == "full":
        return QCoreApplication.translate("DeskDayModel", "Full")
    return QCoreApplication.translate("DeskDayModel", "Ledig")


def long_state_text(state: str) -> str:
    """The state in a full sentence, for tooltips and screen readers."""
    if state == "morning":
        return QCoreApplication.translate("DeskDayModel", "Förmiddag upptagen, eftermiddag ledig")
    if state == "afternoon":
        return QCoreApplication.translate("DeskDayModel", "Förmiddag ledig, eftermiddag upptagen")
    if state == "full":
        return QCoreApplication.translate("DeskDayModel", "Upptagen hela dagen")
    return QCoreApplication.translate("DeskDayModel", "Ledig hela dagen")


def bookers(desk: ResourceDay, period: DeskPeriod) -> list[BookingView]:
    """The bookings that keep ``desk`` in ``period`` from others (domain.bookings.halves_held)."""
    wanted = halves_of(period)
    return [b for b in desk.bookings if halves_held(b) & wanted]


def booker_text(booking: BookingView, show_names: bool) -> str:
    """ "Umeå", or for staff "Anna Andersson (Umeå)"."""
    place = municipality_name(booking.municipality_code)
    if show_names and booking.person_name:
        return QCoreApplication.translate("DeskDayModel", "{name} ({municipality})").format(
            name=booking.person_name, municipality=place
        )
    return place


def mine(desk: ResourceDay, period: DeskPeriod, me: int | None) -> bool:
    """Whether ``me`` holds ``desk`` in ``period``."""
    return me is not None and any(b.person_id == me for b in bookers(desk, period))


def my_state_text(desk: ResourceDay, me: int | None) -> str | None:
    """ "Min bokning" (the whole day), "FM: min bokning", "EM: min bokning", or None."""
    morning, afternoon = mine(desk, DeskPeriod.MORNING, me), mine(desk, DeskPeriod.AFTERNOON, me)
    if morning and afternoon:
        return QCoreApplication.translate("DeskDayModel", "Min bokning")
    if morning:
        return QCoreApplication.translate("DeskDayModel", "FM: min bokning")
    if afternoon:
        return QCoreApplication.translate("DeskDayModel", "EM: min bokning")
    return None


def period_text(desk: ResourceDay, period: DeskPeriod, show_names: bool, me: int | None = None) -> str:
    """ "Ledig", "Min bokning" or "Upptagen – Umeå" for one half day."""
    held = bookers(desk, period)
    if not held:
        return QCoreApplication.translate("DeskDayModel", "Ledig")
    if mine(desk, period, me):
        return QCoreApplication.translate("DeskDayModel", "Min bokning")
    who = ", ".join(booker_text(b, show_names) for b in held)
    return QCoreApplication.translate("DeskDayModel", "Upptagen – {who}").format(who=who)


def equipment_text(resource: Resource) -> str:
    return ", ".join(resource.equipment)


def has_free_period(desk: ResourceDay) -> bool:
    return desk.state != "full"


@dataclass(frozen=True, slots=True)
class _Cells:
    """What one row shows, worked out once when the day is set: a view asks ``data()`` for every
    cell and role many times (a column sized to its contents asks every row), and working the
    words out on each call made the first paint of the day's desks 10-20 ms longer (issue 18)."""

    texts: tuple[str, ...]
    tooltip: str
    state: str
    #: Whether the viewer holds the morning, the afternoon (bold and tinted).
    own: tuple[bool, bool]


class DeskDayModel(RowsTableModel[ResourceDay]):
    """Desks of one day (not the room), in the office's order."""

    COLUMNS = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self._show_names = False
        self._closed = False
        self._me: int | None = None
        self._cells: tuple[_Cells, ...] = ()

    # --- data in ---------------------------------------------------------------------------------
    def set_desks(
        self, desks: Iterable[ResourceDay], *, show_names: bool, closed: bool = False, me: int | None = None
    ) -> None:
        """The day's desks; on a ``closed`` day every half day reads "Stängt"; ``me``'s own
        half days read "Min bokning"."""
        with self.resetting():
            self._rows = tuple(desks)
            self._show_names = show_names
            self._closed = closed
            self._me = me
            self._cells = tuple(self._work_out(desk) for desk in self._rows)

    def desk(self, row: int) -> ResourceDay:
        return self._rows[row]

    def desks(self) -> list[ResourceDay]:
        return list(self._rows)

    def row_of(self, resource_id: int) -> int:
        """The row of a desk, or -1."""
        return self.find_row(lambda d: d.resource.id == resource_id)

    # --- Qt --------------------------------------------------------------------------------------
    def header_texts(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("DeskDayModel", "Plats"),
            QCoreApplication.translate("DeskDayModel", "Förmiddag"),
            QCoreApplication.translate("DeskDayModel", "Eftermiddag"),
            QCoreApplication.translate("DeskDayModel", "Utrustning"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cells):
            return None
        cells = self._cells[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cells.texts[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return cells.tooltip if col == COL_DESK else cells.texts[col]
        if role == STATE_ROLE:
            return cells.state
        if role == DESK_ROLE:
            return self._rows[index.row()]
        if col not in (COL_MORNING, COL_AFTERNOON) or not cells.own[col - COL_MORNING]:
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(theme.current().mine)  # MINE in light; the plan keeps MINE
        return None

    def _work_out(self, desk: ResourceDay) -> _Cells:
        closed = QCoreApplication.translate("DeskDayModel", "Stängt")
        if self._closed:
            morning = afternoon = closed
        else:
            morning = period_text(desk, DeskPeriod.MORNING, self._show_names, self._me)
            afternoon = period_text(desk, DeskPeriod.AFTERNOON, self._show_names, self._me)
        name = desk.resource.name
        return _Cells(
            texts=(name, morning, afternoon, equipment_text(desk.resource)),
            tooltip=f"{name}: {closed if self._closed else long_state_text(desk.state)}",
            state=closed if self._closed else state_text(desk.state),
            own=(mine(desk, DeskPeriod.MORNING, self._me), mine(desk, DeskPeriod.AFTERNOON, self._me)),
        )
