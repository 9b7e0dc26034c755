"""Boka plats: the first view everyone sees.

On top the date navigator; then the day's desks twice, as a floor plan to click and as a list to
use with the keyboard (Enter or "Boka…" books the selected desk). Both show each desk's state in
words, not by colour alone. A closed day says why and offers no booking. It opens on today, or on
the next open day when the office is closed today or has closed for the day (after 17:00 nothing
of today can be booked; "Idag" still goes back to it). Everything is read off the GUI thread: the
office calendar and the day's occupancy in one background call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, BookingView
from satellitkontor.domain.errors import SatellitkontorError
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.resources import Resource
from satellitkontor.gui import theme
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.desk_day_model import (
    COL_AFTERNOON,
    COL_DESK,
    COL_EQUIPMENT,
    COL_MORNING,
    DeskDayModel,
    has_free_period,
)
from satellitkontor.gui.views.base import ViewBase
from satellitkontor.gui.widgets.date_navigator import DateNavigator
from satellitkontor.gui.widgets.floor_plan import FloorPlan, room_tooltip
from satellitkontor.gui.widgets.row_table import row_table
from satellitkontor.gui.widgets.waitlist_widgets import WaitlistJoin
from satellitkontor.services.results import DayOccupancy, ResourceDay
from satellitkontor.words.texts import closed_name, fmt_date, label

if TYPE_CHECKING:
    from satellitkontor.gui.dialogs.desk_booking_dialog import DeskBookingDialog


@dataclass(frozen=True)
class _Loaded:
    calendar: OfficeCalendar
    today: date
    occupancy: DayOccupancy


class BookView(ViewBase):
    key = "book"
    audience = "all"

    #: Fresh data is on screen (tests wait on it).
    data_loaded = Signal()
    #: The conference room was clicked on the plan: its Resource.
    room_clicked = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._started = False
        self._request = 0
        self._occupancy: DayOccupancy | None = None
        self._selected_id: int | None = None
        self.dialog: DeskBookingDialog | None = None

        self.navigator = DateNavigator(clk.local_date(clk.system_clock()), ctx.lang)
        self.navigator.setObjectName("bookNavigator")
        self.navigator.show_closed = False  # the banner says it
        self.navigator.date_changed.connect(lambda _day: self._load())

        self.closed_banner = QLabel()
        self.closed_banner.setObjectName("closedBanner")
        self.closed_banner.setAccessibleName(self.tr("Stängt"))
        self.closed_banner.setStyleSheet(
            "color: palette(bright-text); background: palette(base); border: 2px solid palette(bright-text);"
            " padding: 6px; font-size: 14pt; font-weight: bold;"
        )
        self.closed_banner.hide()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("bookSummary")
        self.summary_label.setAccessibleName(self.tr("Lediga platser"))

        self.plan = FloorPlan()
        self.plan.setObjectName("floorPlan")
        self.plan.setAccessibleName(self.tr("Planritning"))
        self.plan.setAccessibleDescription(
            self.tr("Platserna på planritningen. Samma uppgifter finns i listan under den.")
        )
        self.plan.setMinimumHeight(180)
        self.plan.desk_clicked.connect(self._desk_clicked)
        self.plan.room_clicked.connect(self._room_clicked)

        self.model = DeskDayModel(self)
        self.table = row_table("deskTable", self.tr("Platser"), self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_DESK, QHeaderView.ResizeMode.ResizeToContents)
        # Who has the desk is what people read: those columns fit their text on one line; the
        # equipment takes the rest and is cut with "…" (the whole in its tooltip).
        header.setSectionResizeMode(COL_MORNING, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_AFTERNOON, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_EQUIPMENT, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(120)
        self.table.activated.connect(lambda _index: self.book_selected())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.book_button = QPushButton(self.tr("&Boka…"))
        self.book_button.setProperty("primary", True)  # the view's main action (gui/theme.py)
        self.book_button.setObjectName("bookDesk")
        self.book_button.setAccessibleName(self.tr("Boka vald plats"))
        self.book_button.setToolTip(self.tr("Boka den valda platsen (Enter i listan)"))
        self.book_button.setEnabled(False)
        self.book_button.clicked.connect(self.book_selected)
        self.check_in_button = QPushButton(self.tr("Checka &in"))
        self.check_in_button.setObjectName("checkInMine")
        self.check_in_button.setAccessibleName(self.tr("Checka in på min plats"))
        self.check_in_button.setToolTip(self.tr("Markera att du har kommit (från en timme före start)"))
        self.check_in_button.setEnabled(False)
        self.check_in_button.clicked.connect(self.check_in_mine)
        ctx.needs_connection(self.book_button, self.navigator, self.check_in_button)
        self.message_label = QLabel()
        self.message_label.setObjectName("bookMessage")
        self.message_label.setAccessibleName(self.tr("Meddelande"))
        self.message_label.setWordWrap(True)
        # a full day or half-day: wait in line for a desk that frees (services/waitlist/)
        self.waitlist = WaitlistJoin(ctx)
        self.waitlist.said.connect(self.message_label.setText)

        # Two cards, as Dagsöversikt's: the plan under the day's summary, the desks' list.
        plan_label = QLabel(self.tr("Planritning"))
        desks_label = QLabel(self.tr("&Platser"))
        desks_label.setBuddy(self.table)
        for heading in (plan_label, desks_label):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
        plan_head = QHBoxLayout()
        plan_head.addWidget(plan_label)
        plan_head.addStretch(1)
        plan_head.addWidget(self.summary_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(theme.card(plan_head, self.plan, name="planCard"))
        splitter.addWidget(theme.card(desks_label, self.table, name="desksCard"))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([360, 240])

        bottom = QHBoxLayout()
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.waitlist)
        bottom.addWidget(self.check_in_button)
        bottom.addWidget(self.book_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.navigator)
        layout.addWidget(self.closed_banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.navigator, self.table)
        self.setTabOrder(self.table, self.book_button)

    def view_title(self) -> str:
        return self.tr("Boka plats")

    # --- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._load()

    def _load(self) -> None:
        if self.ctx.services is None:
            return
        occ, clock, viewer = self.ctx.svc.occupancy, self.ctx.svc.clock, self.ctx.viewer_id
        chosen = self.navigator.date() if self._started else None

        def fetch() -> _Loaded:
            calendar = occ.calendar()
            now = clk.to_local(clock())
            today = now.date()
            day = chosen
            if day is None:  # the first load: today, or the next open day once today is over
                day = today
                hours = calendar.hours(today)
                if hours is None or now.time() >= hours.closes:
                    try:
                        day = calendar.next_open_day(today, 1)
                    except SatellitkontorError:  # closed for a year: show today
                        day = today
            return _Loaded(calendar, today, occ.day(day, viewer_id=viewer))

        self._request += 1
        request = self._request
        self.ctx.run(fetch, lambda loaded: self._loaded(request, loaded), owner=self)

    def _loaded(self, request: int, loaded: _Loaded) -> None:
        if request != self._request:  # an older answer; a newer one is on its way
            return
        occupancy = loaded.occupancy
        self._started = True
        self._occupancy = occupancy
        self.navigator.blockSignals(True)
        self.navigator.set_today(loaded.today)
        self.navigator.set_calendar(loaded.calendar)
        self.navigator.set_date(occupancy.day)
        self.navigator.blockSignals(False)

        closed = occupancy.closed
        staff = occupancy.names_visible  # the service decided (domain/privacy.py)
        self.plan.set_resources([r.resource for r in occupancy.resources])
        for desk in occupancy.desks:
            self.plan.desk_item(desk.resource.name).set_day(
                desk, show_names=staff, closed=closed is not None, me=self.ctx.viewer_id
            )
        for room in occupancy.rooms:
            item = self.plan.room_item(room.resource.name)
            meetings = sum(1 for b in room.bookings if b.status.holds_resource)
            text = self.tr("1 möte") if meetings == 1 else self.tr("{n} möten").format(n=meetings)
            if closed is not None:
                text = self.tr("Stängt")
            title = f"{room.resource.name}: {text}"
            item.set_day(room, text, room_tooltip(room, staff, title))
        closed_text = (
            self.tr("Kontoret är stängt: {reason}").format(reason=closed_name(closed, self.ctx.lang))
            if closed
            else ""
        )
        self.plan.set_closed("")  # the banner says it, once; no band across the plan (issue 16)
        self.closed_banner.setText(closed_text)
        self.closed_banner.setVisible(bool(closed_text))

        self.model.set_desks(
            list(occupancy.desks), show_names=staff, closed=closed is not None, me=self.ctx.viewer_id
        )
        self.table.setAccessibleName(
            self.tr("Platser {day}").format(day=fmt_date(occupancy.day, self.ctx.lang))
        )
        self._reselect()
        self.summary_label.setText(self._summary(occupancy))
        self.waitlist.set_day(occupancy, loaded.today)
        self._update_button()
        self.data_loaded.emit()

    def _summary(self, occupancy: DayOccupancy) -> str:
        if occupancy.closed is not None:
            return self.tr("Inga platser går att boka den här dagen.")
        total, free = len(occupancy.desks), occupancy.desks_free
        partial = sum(1 for d in occupancy.desks if d.state in ("morning", "afternoon"))
        if partial == 1:
            return self.tr("{free} av {total} platser lediga, 1 ledig en halvdag").format(
                free=free, total=total
            )
        if partial:
            return self.tr("{free} av {total} platser lediga, {partial} lediga en halvdag").format(
                free=free, total=total, partial=partial
            )
        return self.tr("{free} av {total} platser lediga").format(free=free, total=total)

    # --- selection -------------------------------------------------------------------------------
    def selected_desk(self) -> ResourceDay | None:
        row = self.table.currentIndex().row()
        return self.model.desk(row) if 0 <= row < self.model.rowCount() else None

    def select_desk(self, resource_id: int) -> None:
        row = self.model.row_of(resource_id)
        if row < 0:
            return
        index = self.model.index(row, COL_DESK)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)

    def _reselect(self) -> None:
        if self._selected_id is not None and self.model.row_of(self._selected_id) >= 0:
            self.select_desk(self._selected_id)
        else:
            self._selected_id = None
            self.plan.select_desk(None)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        desk = self.model.desk(current.row()) if current.isValid() else None
        self._selected_id = desk.resource.id if desk else None
        self.plan.select_desk(desk.resource.name if desk else None)
        self._update_button()

    def _update_button(self) -> None:
        desk = self.selected_desk()
        open_day = self._occupancy is not None and self._occupancy.closed is None
        self.book_button.setEnabled(open_day and desk is not None and has_free_period(desk))
        self.check_in_button.setEnabled(self.my_booking_today() is not None)

    def my_booking_today(self) -> BookingView | None:
        """My confirmed booking today on the selected desk (what "Checka in" checks in), if any."""
        desk, occupancy, me = self.selected_desk(), self._occupancy, self.ctx.person
        if desk is None or occupancy is None or me is None or self.ctx.services is None:
            return None
        if occupancy.day != clk.local_date(self.ctx.svc.clock()):
            return None  # only on the day itself
        return next(
            (b for b in desk.bookings if b.person_id == me.id and b.status is BookingStatus.CONFIRMED), None
        )

    def check_in_mine(self) -> None:
        booking = self.my_booking_today()
        if booking is None:
            return
        attendance, actor = self.ctx.svc.attendance, self.ctx.person_id

        def done(view: BookingView) -> None:
            self.message_label.setText(
                self.tr("Incheckad på {desk}. Välkommen!").format(desk=view.resource_name)
            )
            self.ctx.notify_changed()

        self.ctx.run(lambda: attendance.check_in(actor, booking.id), done, owner=self)

    # --- booking ---------------------------------------------------------------------------------
    def book_selected(self) -> None:
        desk = self.selected_desk()
        if desk is not None:
            self._book(desk)

    def _desk_clicked(self, resource: Resource) -> None:
        self.select_desk(resource.id)
        desk = self.selected_desk()
        if desk is not None:
            self._book(desk)

    def _room_clicked(self, room: Resource) -> None:
        item = self.plan.room_item(room.name)
        self.message_label.setText(f"{room.name}: {item.meetings_text()}")
        QToolTip.showText(QCursor.pos(), item.toolTip(), self.plan)
        self.room_clicked.emit(room)

    def _book(self, desk: ResourceDay) -> None:
        occupancy = self._occupancy
        if occupancy is None:
            return
        if not self.ctx.online:  # a click on the plan; the button is disabled meanwhile
            self.message_label.setText(
                self.tr(
                    "Ingen kontakt med databasen: det går inte att boka just nu. Försök igen om en stund."
                )
            )
            return
        if occupancy.closed is not None:
            self.message_label.setText(
                self.tr("Kontoret är stängt: {reason}. Det går inte att boka den dagen.").format(
                    reason=closed_name(occupancy.closed, self.ctx.lang)
                )
            )
            return
        if not has_free_period(desk):
            self.message_label.setText(
                self.tr("{desk} är upptagen hela dagen. Välj en annan plats eller dag.").format(
                    desk=desk.resource.name
                )
            )
            return
        self.message_label.clear()
        if self.dialog is not None and isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.close()
        # imported on the first booking, not before the window shows (issue 18; gui/preload.py)
        from satellitkontor.gui.dialogs.desk_booking_dialog import DeskBookingDialog

        dialog = DeskBookingDialog(self.ctx, desk.resource, occupancy.day, self, occupancy=desk)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.booked.connect(self._booked)
        self.dialog = dialog
        dialog.open()

    def _booked(self, views: list[BookingView]) -> None:
        if not views:
            return
        first = views[0]
        period = label(first.desk_period.value, self.ctx.lang) if first.desk_period else ""
        self.message_label.setText(
            self.tr("Bokat: {desk}, {period}, {day}.").format(
                desk=first.resource_name, period=period, day=fmt_date(first.day, self.ctx.lang)
            )
        )
