"""Konferensrum: a conference room's week as a timeline, and the same meetings as a list.

With several rooms a picker chooses the room; its last choice, "Alla rum – lediga tider", shows
every room's free time in the week as one table (gui/models/rooms_free_model.py), and activating
one of its cells opens that room's week.

One background call loads the office calendar, the booking rules and the five (or, when the
office opens at weekends, more) days of the chosen week. Dragging over free time, clicking it or
choosing it with the keyboard opens the room booking dialog; a meeting shows its details in the
status line instead. The list below the timeline holds the week's meetings for screen readers
and keyboard users.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingView
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.policy import BookingPolicy
from satellitkontor.domain.resources import Resource
from satellitkontor.gui import theme
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.room_booking_dialog import RoomBookingDialog
from satellitkontor.gui.errors import message_for
from satellitkontor.gui.models.room_week_model import COL_BOOKED_BY, RoomWeekModel
from satellitkontor.gui.models.rooms_free_model import RoomsFreeModel
from satellitkontor.gui.views.base import ViewBase
from satellitkontor.gui.widgets.row_table import row_table
from satellitkontor.gui.widgets.week_timeline import TimelineWeek, WeekTimeline
from satellitkontor.services.booking.changes import BookingChange
from satellitkontor.services.results import DayOccupancy
from satellitkontor.words.texts import closed_name, fmt_date, fmt_span

#: The timeline shows at least these hours (minutes after midnight), more if the office is open longer.
DEFAULT_FIRST_MINUTE = 8 * 60
DEFAULT_LAST_MINUTE = 18 * 60
#: The room picker's data for "every room's free time".
ALL_ROOMS = -1


@dataclass(frozen=True, slots=True)
class WeekData:
    """What one background call brings back for a week."""

    monday: date
    calendar: OfficeCalendar
    policy: BookingPolicy
    days: tuple[DayOccupancy, ...]
    now: datetime


def load_week(ctx: AppContext, monday: date) -> WeekData:
    """Runs off the GUI thread: the calendar, the rules and each shown day of the week."""
    svc, viewer = ctx.svc, ctx.viewer_id
    calendar = svc.occupancy.calendar()
    policy = svc.office.policy()
    shown = [monday + timedelta(days=i) for i in range(7) if i < 5 or calendar.week[i] is not None]
    days = tuple(svc.occupancy.day(d, viewer_id=viewer) for d in shown)
    return WeekData(monday, calendar, policy, days, svc.clock())


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class RoomView(ViewBase):
    key = "room"
    audience = "all"
    data_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._monday: date | None = None
        self._generation = 0
        self.room: Resource | None = None
        #: The room chosen in the picker (a resource id), ALL_ROOMS, or None before the first load.
        self.chosen: int | None = None
        self.data: WeekData | None = None
        self.booking_dialog: RoomBookingDialog | None = None

        self.prev_button = QPushButton(self.tr("◀ &Föregående vecka"))
        self.prev_button.setObjectName("previousWeek")
        self.prev_button.setAccessibleName(self.tr("Föregående vecka"))
        self.prev_button.setToolTip(self.tr("Föregående vecka (Alt+Vänster)"))
        self.this_week_button = QPushButton(self.tr("&Denna vecka"))
        self.this_week_button.setObjectName("thisWeek")
        self.this_week_button.setAccessibleName(self.tr("Denna vecka"))
        self.next_button = QPushButton(self.tr("&Nästa vecka ▶"))
        self.next_button.setObjectName("nextWeek")
        self.next_button.setAccessibleName(self.tr("Nästa vecka"))
        self.next_button.setToolTip(self.tr("Nästa vecka (Alt+Höger)"))
        self.week_label = QLabel()
        self.week_label.setObjectName("weekLabel")
        font = self.week_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.week_label.setFont(font)
        self.dates_label = QLabel()
        self.dates_label.setObjectName("weekDates")
        self.room_label = QLabel()
        self.room_label.setObjectName("roomName")
        self.room_combo = QComboBox()
        self.room_combo.setObjectName("roomPicker")
        self.room_combo.setAccessibleName(self.tr("Rum"))
        self.room_combo_label = QLabel(self.tr("&Rum:"))
        self.room_combo_label.setBuddy(self.room_combo)
        self.room_combo.hide()
        self.room_combo_label.hide()

        top = QHBoxLayout()
        for w in (self.prev_button, self.this_week_button, self.next_button):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(self.week_label)
        top.addSpacing(8)
        top.addWidget(self.dates_label)
        top.addStretch(1)
        top.addWidget(self.room_label)
        top.addWidget(self.room_combo_label)
        top.addWidget(self.room_combo)

        self.timeline = WeekTimeline()
        self.help_label = QLabel(
            self.tr(
                "Dra över ledig tid i en dag, eller klicka för en timme. Med tangentbordet: piltangenterna "
                "flyttar, Skift+pil upp/ned väljer längre tid och Enter bokar."
            )
        )
        self.help_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("roomStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = RoomWeekModel(ctx.lang, self)
        self.table = row_table("roomWeekTable", self.tr("Veckans möten i konferensrummet"), self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        list_label = QLabel(self.tr("Veckans &möten:"))
        list_label.setBuddy(self.table)
        bold = list_label.font()
        bold.setBold(True)  # the card's heading, as in Dagsöversikt
        list_label.setFont(bold)
        self.empty_label = QLabel(
            self.tr("Inga möten den här veckan. Dra över ledig tid i veckan ovan för att boka rummet.")
        )
        self.empty_label.setObjectName("noMeetings")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        lower = theme.card(list_label, self.empty_label, self.table, name="meetingsCard")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.timeline)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.free_model = RoomsFreeModel(ctx.lang, self)
        self.free_table = row_table(
            "roomsFreeTable", self.tr("Alla rums lediga tider i veckan"), self.free_model
        )
        self.free_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.free_table.setWordWrap(True)
        self.free_table.verticalHeader().hide()
        self.free_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.free_help = QLabel(
            self.tr("Lediga tider i varje rum. Välj en dag i ett rum (Enter eller dubbelklick) för att boka.")
        )
        self.free_help.setWordWrap(True)
        free_page = QWidget()
        free_layout = QVBoxLayout(free_page)
        free_layout.setContentsMargins(0, 0, 0, 0)
        free_layout.addWidget(self.free_help)
        free_layout.addWidget(self.free_table)
        self.pages = QStackedWidget()
        self.pages.addWidget(splitter)
        self.pages.addWidget(free_page)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.help_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status_label)
        self.setTabOrder(self.prev_button, self.this_week_button)
        self.setTabOrder(self.this_week_button, self.next_button)
        self.setTabOrder(self.next_button, self.room_combo)
        self.setTabOrder(self.room_combo, self.timeline)
        self.setTabOrder(self.timeline, self.table)

        self.prev_button.clicked.connect(lambda: self.step_week(-1))
        self.next_button.clicked.connect(lambda: self.step_week(1))
        self.this_week_button.clicked.connect(lambda: self.set_week(self._this_monday()))
        for keys, step in (("Alt+Left", -1), ("Alt+Right", 1)):
            shortcut = QShortcut(QKeySequence(keys), self, lambda s=step: self.step_week(s))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.timeline.range_chosen.connect(self.open_booking_dialog)
        self.timeline.booking_clicked.connect(self.show_booking)
        self.timeline.refused.connect(self._say)
        self.timeline.move_requested.connect(self.move_meeting)
        self.table.activated.connect(self._row_activated)
        self.table.clicked.connect(self._row_activated)
        self.room_combo.activated.connect(self._room_picked)
        self.free_table.activated.connect(self._free_cell_activated)
        ctx.needs_connection(self.prev_button, self.this_week_button, self.next_button)
        self._show_week_label()

    def view_title(self) -> str:
        return self.tr("Konferensrum")

    # --- the week --------------------------------------------------------------------------------
    def _today(self) -> date:
        if self.ctx.services is not None:
            return clk.local_date(self.ctx.svc.clock())
        return date.today()

    def _this_monday(self) -> date:
        today = self._today()
        shows_weekend = self.data is not None and len(self.data.days) > 5
        if today.weekday() >= 5 and not shows_weekend:
            today += timedelta(days=7 - today.weekday())  # the coming week is the useful one
        return monday_of(today)

    def week_start(self) -> date:
        if self._monday is None:
            self._monday = self._this_monday()
        return self._monday

    def set_week(self, monday: date) -> None:
        monday = monday_of(monday)
        if monday == self._monday and self.data is not None and self.data.monday == monday:
            return
        self._monday = monday
        self._show_week_label()
        self.status_label.clear()
        if self.isVisible() and self.ctx.services is not None and self.ctx.person is not None:
            self.refresh()
        else:
            self._stale = True  # loaded when shown (see ViewBase)

    def step_week(self, weeks: int) -> None:
        if not self.ctx.online:  # Alt+Left/Right; the buttons are disabled meanwhile
            self._say(self._offline_text(), error=True)
            return
        self.set_week(self.week_start() + timedelta(weeks=weeks))

    def _offline_text(self) -> str:
        return self.tr(
            "Ingen kontakt med databasen: det går inte att boka eller visa en annan vecka just nu."
        )

    def _show_week_label(self) -> None:
        monday = self.week_start()
        last = monday + timedelta(days=4)
        if self.data is not None and self.data.monday == monday:
            last = self.data.days[-1].day
        week = monday.isocalendar().week
        self.week_label.setText(self.tr("v. {week}").format(week=week))
        dates = f"{fmt_date(monday, self.ctx.lang)} – {fmt_date(last, self.ctx.lang)}"
        self.dates_label.setText(dates)
        self.week_label.setAccessibleName(self.tr("Vecka {week}").format(week=week))
        self.dates_label.setAccessibleName(dates)

    # --- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._generation += 1
        generation, monday, ctx = self._generation, self.week_start(), self.ctx
        self.ctx.run(
            lambda: load_week(ctx, monday),
            lambda data: self._loaded(generation, data),
            owner=self,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self._say(message_for(exc, self.ctx.lang), error=True)

    def _loaded(self, generation: int, data: WeekData) -> None:
        if generation != self._generation:
            return  # a newer week was asked for meanwhile
        self.data = data
        self._fill_picker(data)
        self._show_chosen()
        self._show_week_label()
        self.data_loaded.emit()

    # --- the room picker -------------------------------------------------------------------------
    def rooms(self) -> list[Resource]:
        """The office's rooms, as the loaded week lists them."""
        if self.data is None or not self.data.days:
            return []
        return [r.resource for r in self.data.days[0].rooms]

    def _fill_picker(self, data: WeekData) -> None:
        rooms = self.rooms()
        ids = [r.id for r in rooms]
        if self.chosen not in (*ids, ALL_ROOMS) or (self.chosen == ALL_ROOMS and len(rooms) < 2):
            self.chosen = ids[0] if ids else None
        combo = self.room_combo
        combo.blockSignals(True)
        combo.clear()
        for r in rooms:
            combo.addItem(
                self.tr("{room} (högst {n})").format(
                    room=r.name, n=min(r.capacity, data.policy.max_participants)
                ),
                r.id,
            )
        if len(rooms) > 1:
            combo.addItem(self.tr("Alla rum – lediga tider"), ALL_ROOMS)
        combo.setCurrentIndex(max(0, combo.findData(self.chosen)))
        combo.blockSignals(False)
        several = len(rooms) > 1
        combo.setVisible(several)
        self.room_combo_label.setVisible(several)

    def choose_room(self, room_id: int) -> None:
        """Show the week of room ``room_id`` (or ALL_ROOMS: every room's free time)."""
        index = self.room_combo.findData(room_id)
        if index < 0:
            return
        self.room_combo.setCurrentIndex(index)
        self._room_picked(index)

    def _room_picked(self, index: int) -> None:
        self.chosen = self.room_combo.itemData(index)
        self.status_label.clear()
        if self.data is not None:
            self._show_chosen()

    def _free_cell_activated(self, index: QModelIndex) -> None:
        room = self.free_model.row_at(index.row())
        if room is None:
            return
        self.choose_room(room.id)
        day = self.free_model.day_of(index.column())
        if day is not None and self.timeline.week is not None and day.day in self.timeline.week.days:
            self.timeline.focus_cell = (self.timeline.week.days.index(day.day), self.timeline.focus_cell[1])
        self.timeline.setFocus()

    def _show_chosen(self) -> None:
        data = self.data
        assert data is not None
        rooms = self.rooms()
        if self.chosen == ALL_ROOMS:
            self.room = None
            self.free_model.set_week(rooms, data.days)
            self.free_table.resizeRowsToContents()
            self.pages.setCurrentIndex(1)
            self.help_label.hide()
            return
        self.pages.setCurrentIndex(0)
        self.help_label.show()
        self.room = next((r for r in rooms if r.id == self.chosen), None)
        bookings = tuple(
            b
            for day in data.days
            for r in day.rooms
            if self.room is not None and r.resource.id == self.room.id
            for b in r.bookings
            if b.status in HOLDING_STATUSES
        )
        my_id = self.ctx.person.id if self.ctx.person is not None else None
        show_names = all(d.names_visible for d in data.days)  # the service decided (domain/privacy.py)
        self.timeline.set_week(self._timeline_week(data, bookings, my_id, show_names))
        self.model.set_bookings(bookings, my_id=my_id, show_names=show_names)
        self.table.setColumnHidden(COL_BOOKED_BY, not show_names)
        self.empty_label.setVisible(not bookings)
        self.table.setVisible(bool(bookings))
        if self.room is None:
            self.room_label.setText(self.tr("Kontoret har inget konferensrum."))
            self.timeline.setEnabled(False)
        else:
            self.room_label.setText(
                self.tr("{room}, högst {n} personer").format(
                    room=self.room.name, n=min(self.room.capacity, data.policy.max_participants)
                )
            )
            self.timeline.setEnabled(True)
            self.timeline.setAccessibleName(self.tr("Veckoschema för {room}").format(room=self.room.name))
        self.room_label.setVisible(len(rooms) < 2)  # with several rooms the picker names it

    def _timeline_week(
        self, data: WeekData, bookings: tuple[BookingView, ...], my_id: int | None, show_names: bool
    ) -> TimelineWeek:
        first, last = DEFAULT_FIRST_MINUTE, DEFAULT_LAST_MINUTE
        for hours in (*data.calendar.week, *(d.hours for d in data.days)):
            if hours is not None:
                first = min(first, hours.opens.hour * 60 + hours.opens.minute)
                closes = hours.closes.hour * 60 + hours.closes.minute
                last = max(last, closes if closes else 24 * 60)
        first -= first % 60
        last = min(24 * 60, last + (-last % 60))
        policy = data.policy
        return TimelineWeek(
            days=tuple(d.day for d in data.days),
            first_minute=first,
            last_minute=last,
            slot_minutes=policy.room_slot_minutes,
            hours=tuple(d.hours for d in data.days),
            closed=tuple(closed_name(d.closed, self.ctx.lang) if d.closed else None for d in data.days),
            bookings=bookings,
            now=data.now,
            calendar=data.calendar,
            policy=policy,
            capacity=self.room.capacity if self.room is not None else policy.max_participants,
            my_id=my_id,
            show_names=show_names,
            lang=self.ctx.lang,
        )

    # --- choosing --------------------------------------------------------------------------------
    def open_booking_dialog(self, start: datetime, end: datetime) -> None:
        if self.room is None:
            return
        if not self.ctx.online:
            self._say(self._offline_text(), error=True)
            return
        if self.booking_dialog is not None and self.booking_dialog.isVisible():
            self.booking_dialog.raise_()
            return
        self._say(self.tr("Boka {span}.").format(span=fmt_span(start, end, self.ctx.lang)))
        dialog = RoomBookingDialog(self.ctx, self.room, start, end, self)  # the room whose week it is
        dialog.booked.connect(self._booked)
        dialog.finished.connect(self._dialog_closed)
        self.booking_dialog = dialog
        dialog.open()

    def _dialog_closed(self) -> None:
        self.booking_dialog = None
        self.timeline.clear_selection()
        self.timeline.setFocus()

    def _booked(self, views: list[BookingView]) -> None:
        if views:
            first = views[0]
            self._say(
                self.tr("Bokat: {title}, {span}.").format(
                    title=first.title or self.tr("(utan rubrik)"),
                    span=fmt_span(first.start, first.end, self.ctx.lang),
                )
            )

    def show_booking(self, booking: BookingView) -> None:
        """A meeting was clicked: its details in the status line (hovering shows a tool tip), no dialog."""
        lines = self.timeline.block_lines(booking)
        mine = self.timeline.is_mine(booking)
        details = ", ".join(lines[2:] if mine else lines[1:])  # without the time, said in span
        text = self.tr("Upptaget {span}: {details}.").format(
            span=fmt_span(booking.start, booking.end, self.ctx.lang), details=details
        )
        if mine:
            text += " " + self.tr("Det är din bokning; avboka den under Mina bokningar.")
        self._say(text)
        row = self.model.row_of(booking.id)
        if row >= 0:
            self.table.selectRow(row)

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            booking = self.model.booking(index.row())
            self.status_label.setText(
                self.tr("{span}: {title}").format(
                    span=fmt_span(booking.start, booking.end, self.ctx.lang),
                    title=self.model.title_text(booking),
                )
            )

    def move_meeting(self, booking: BookingView, start: datetime, end: datetime) -> None:
        """One's own meeting dragged to another time: one change; a conflict or a rule refusal
        is said in the status line and the meeting stays where it was (issue 16)."""
        service, actor = self.ctx.svc.booking, self.ctx.person_id

        def done(view: BookingView) -> None:
            self._say(
                self.tr("Mötet är flyttat till {span}.").format(
                    span=fmt_span(view.start, view.end, self.ctx.lang)
                )
            )
            self.ctx.notify_changed()

        def failed(exc: BaseException) -> None:
            self._say(message_for(exc, self.ctx.lang), error=True)

        self.ctx.run(
            lambda: service.change(actor, booking.id, BookingChange(start=start, end=end)),
            done,
            owner=self,
            on_error=failed,
        )

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: palette(bright-text); font-weight: bold;" if error else "")
        self.status_label.setText(text)
        self.status_label.setAccessibleDescription(text)
