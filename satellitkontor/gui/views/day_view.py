"""Dagsöversikt: the receptionist's day at the front desk.

A date navigator on top; below it every desk with who sits there in the morning and in the
afternoon, the conference room's meetings, and the day's totals. The receptionist checks people
in, marks no-shows, books on someone's behalf and prints the day (or saves it as PDF). The view
follows bookings made elsewhere: it reloads on ``ctx.data_changed`` (see gui/context.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, BookingView
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.resources import Resource
from satellitkontor.gui import theme
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.room_booking_dialog import RoomBookingDialog
from satellitkontor.gui.dialogs.series_change_dialog import SeriesScopeQuestion, change_booking
from satellitkontor.gui.models import rooms_free_model as rooms_free
from satellitkontor.gui.models.day_desks_model import DayDesksModel
from satellitkontor.gui.models.day_room_model import DayRoomModel
from satellitkontor.gui.printing import day_sheet
from satellitkontor.gui.views.base import ViewBase
from satellitkontor.gui.widgets.date_navigator import DateNavigator
from satellitkontor.gui.widgets.empty_state import EmptyState
from satellitkontor.gui.widgets.person_chooser import PersonChooser
from satellitkontor.gui.widgets.waitlist_widgets import DayQueue
from satellitkontor.services.results import DayOccupancy


class DayView(ViewBase):
    key = "day"
    audience = "staff"
    #: Fresh data for the chosen day is on screen.
    data_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("dayView")
        self.occupancy: DayOccupancy | None = None
        self.booking_dialog: QDialog | None = None
        self.print_dialog: day_sheet.DaySheetPrintDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self._generation = 0
        self._people_for: int | None = None

        self.navigator = DateNavigator(self._today(), ctx.lang)
        self.navigator.setObjectName("dayNavigator")
        self.navigator.show_closed = False  # the totals say it, once (issue 16)
        self.navigator.date_changed.connect(self._date_changed)

        self.desks_model = DayDesksModel(ctx.lang, self)
        self.desk_table = self._table(self.desks_model, "deskTable", self.tr("Kontorsplatser"))
        self.desk_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.room_model = DayRoomModel(ctx.lang, self)
        self.room_table = self._table(self.room_model, "roomTable", self.tr("Konferensrummets möten"))
        self.room_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._stretch(self.desk_table, (DayDesksModel.MORNING, DayDesksModel.AFTERNOON))
        self._stretch(self.room_table, (DayRoomModel.TITLE,))
        self._room_empty_text = self.tr(
            "Inga möten bokade i konferensrummet den här dagen. Välj en person ovan och boka rummet "
            "åt henne eller honom."
        )
        self.room_empty_label = EmptyState(
            "roomEmpty", self._room_empty_text, self.tr("Boka konferensrummet åt…")
        )
        self.room_empty_label.hide()
        self.rooms_free_label = QLabel()
        self.rooms_free_label.setObjectName("roomsFree")
        self.rooms_free_label.setWordWrap(True)
        self.rooms_free_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        desks_label = QLabel(self.tr("&Kontorsplatser"))
        desks_label.setBuddy(self.desk_table)
        room_label = QLabel(self.tr("Konferens&rum"))
        room_label.setBuddy(self.room_table)
        for heading in (desks_label, room_label):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)

        self.check_in_button = self._button(self.tr("&Checka in"), "checkInButton", self.check_in)
        self.check_in_button.setProperty("primary", True)  # the receptionist's main action (gui/theme.py)
        self.check_in_button.setToolTip(self.tr("Markera att personen har kommit"))
        self.no_show_button = self._button(self.tr("&Uteblev"), "noShowButton", self.mark_no_show)
        self.no_show_button.setToolTip(self.tr("Markera att personen inte kom; platsen blir ledig"))
        self.change_button = self._button(self.tr("Än&dra…"), "changeButton", self.change_selected)
        self.change_button.setToolTip(self.tr("Flytta eller ändra den valda bokningen"))
        self.confirm_box: QMessageBox | None = None
        #: "Bara denna" / "Denna och kommande" for a booking in a series (issue 16).
        self.scope_box: SeriesScopeQuestion | None = None
        self.person_chooser = PersonChooser(ctx, autoload=False)
        person_label = QLabel(self.tr("&Person:"))
        person_label.setBuddy(self.person_chooser)
        self.book_desk_action = QAction(self.tr("&Kontorsplats…"), self)
        self.book_desk_action.setObjectName("bookDeskFor")
        self.book_desk_action.triggered.connect(self.book_desk_for)
        self.book_room_action = QAction(self.tr("Konferens&rummet…"), self)
        self.book_room_action.setObjectName("bookRoomFor")
        self.book_room_action.triggered.connect(self.book_room_for)
        self.room_empty_label.clicked.connect(self.book_room_action.trigger)
        self.book_button = self._menu_button(
            self.tr("&Boka åt…"), "bookForButton", (self.book_desk_action, self.book_room_action)
        )
        self.book_button.setToolTip(self.tr("Boka en plats eller konferensrummet åt den valda personen"))
        self.print_action = QAction(self.tr("&Skriv ut…"), self)
        self.print_action.setObjectName("printDay")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_action.triggered.connect(self.print_sheet)
        self.addAction(self.print_action)
        self.pdf_action = QAction(self.tr("Spara som &PDF…"), self)
        self.pdf_action.setObjectName("savePdf")
        self.pdf_action.triggered.connect(self.choose_pdf_file)
        self.print_button = self._menu_button(
            self.tr("Skriv ut / Spara som P&DF…"), "printButton", (self.print_action, self.pdf_action)
        )

        self.message_label = QLabel()
        self.message_label.setObjectName("dayMessage")
        self.message_label.setAccessibleName(self.tr("Senaste händelse"))
        self.totals_label = QLabel()
        self.totals_label.setObjectName("dayTotals")
        self.totals_label.setAccessibleName(self.tr("Summering"))
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.totals_label.font()
        font.setBold(True)
        self.totals_label.setFont(font)

        actions = QHBoxLayout()
        for w in (self.check_in_button, self.no_show_button, self.change_button):
            actions.addWidget(w)
        actions.addSpacing(24)
        actions.addWidget(person_label)
        actions.addWidget(self.person_chooser)
        actions.addWidget(self.book_button)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.navigator)
        layout.addLayout(actions)
        # Two to one: the desks' card shows all eight desks at 1280x720 beside the room's.
        layout.addWidget(theme.card(desks_label, self.desk_table, name="desksCard"), 2)
        layout.addWidget(
            theme.card(
                room_label, self.room_table, self.room_empty_label, self.rooms_free_label, name="roomCard"
            ),
            1,
        )
        layout.addWidget(self.totals_label)
        self.waitlist = DayQueue(ctx)  # the day's line for a desk or the room (services/waitlist/)
        layout.addWidget(self.waitlist)
        layout.addWidget(self.message_label)
        QWidget.setTabOrder(self.navigator, self.check_in_button)
        for first, second in (
            (self.check_in_button, self.no_show_button),
            (self.no_show_button, self.change_button),
            (self.change_button, self.person_chooser),
            (self.person_chooser, self.book_button),
            (self.book_button, self.print_button),
            (self.print_button, self.desk_table),
            (self.desk_table, self.room_table),
        ):
            QWidget.setTabOrder(first, second)

        self.desk_table.selectionModel().selectionChanged.connect(lambda *_: self._selected(self.desk_table))
        self.room_table.selectionModel().selectionChanged.connect(lambda *_: self._selected(self.room_table))
        ctx.identity_changed.connect(self._forget_people)
        ctx.needs_connection(
            self.navigator,
            self.check_in_button,
            self.no_show_button,
            self.change_button,
            self.book_button,
            self.book_desk_action,
            self.book_room_action,
        )
        self._update_actions()

    def view_title(self) -> str:
        return self.tr("Dagsöversikt")

    # --- building --------------------------------------------------------------------------------
    def _table(self, model: DayDesksModel | DayRoomModel, name: str, title: str) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setObjectName(name)
        table.setAccessibleName(title)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(False)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.setTabKeyNavigation(False)
        return table

    @staticmethod
    def _stretch(table: QTableView, columns: tuple[int, ...]) -> None:
        """Names and titles take the room; the other columns fit their contents."""
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    def _menu_button(self, text: str, name: str, actions: tuple[QAction, ...]) -> QPushButton:
        """A button that opens a menu. A push button, not a tool button: the style keeps room for
        the menu's arrow beside the text (a tool button drew it over the text's "…")."""
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        menu = QMenu(button)
        for action in actions:
            menu.addAction(action)
        button.setMenu(menu)
        return button

    # --- loading ---------------------------------------------------------------------------------
    def _today(self) -> date:
        services = self.ctx.services
        return clk.local_date(services.clock()) if services is not None else date.today()

    def _date_changed(self, _day: object) -> None:
        self.message_label.clear()
        if self.ctx.services is not None and self.ctx.person is not None:
            self.refresh()

    def _forget_people(self) -> None:
        self._people_for = None

    def refresh(self) -> None:
        self.navigator.set_today(self._today())
        day = self.navigator.date()
        occupancy, viewer = self.ctx.svc.occupancy, self.ctx.viewer_id
        self._generation += 1
        generation = self._generation

        def load() -> tuple[OfficeCalendar, DayOccupancy]:
            return occupancy.calendar(), occupancy.day(day, viewer_id=viewer)

        def done(result: tuple[OfficeCalendar, DayOccupancy]) -> None:
            if generation == self._generation:
                self._show(*result)

        self.ctx.run(load, done, owner=self)
        self.waitlist.load(day)
        if self.ctx.person is not None and self._people_for != self.ctx.person.id:
            self._people_for = self.ctx.person.id
            self.person_chooser.load()

    def _show(self, calendar: OfficeCalendar, occupancy: DayOccupancy) -> None:
        keep = self._selection_key()
        self.occupancy = occupancy
        self.navigator.set_calendar(calendar)
        self.desks_model.set_desks(occupancy.desks, closed=occupancy.closed is not None)
        self.room_model.set_rooms(occupancy.rooms)
        self.room_empty_label.setVisible(self.room_model.rowCount() == 0)
        closed = occupancy.closed is not None  # nothing to book then: the totals say why
        self.room_empty_label.setText(
            self.tr("Inga möten: kontoret är stängt den här dagen.") if closed else self._room_empty_text
        )
        if self.room_empty_label.button is not None:
            self.room_empty_label.button.setVisible(not closed)
        self.room_table.setVisible(self.room_model.rowCount() > 0)
        self.rooms_free_label.setText(self._rooms_free_text(occupancy))
        self.rooms_free_label.setVisible(bool(self.rooms_free_label.text()))
        self._restore_selection(keep)
        self.totals_label.setText(day_sheet.totals_text(occupancy, self.ctx.lang))
        self._update_actions()
        self.data_loaded.emit()

    # --- selection -------------------------------------------------------------------------------
    def _selected(self, table: QTableView) -> None:
        other = self.room_table if table is self.desk_table else self.desk_table
        if table.selectionModel().hasSelection() and other.selectionModel().hasSelection():
            other.selectionModel().blockSignals(True)
            other.clearSelection()
            other.selectionModel().blockSignals(False)
            other.viewport().update()
        self._update_actions()

    def selected_booking(self) -> BookingView | None:
        """The booking under the selected desk half or the selected meeting."""
        desk_cells = self.desk_table.selectionModel().selectedIndexes()
        if desk_cells:
            return self.desks_model.booking_at(desk_cells[0])
        rows = self.room_table.selectionModel().selectedRows()
        return self.room_model.booking_at(rows[0]) if rows else None

    def select_desk_cell(self, row: int, column: int) -> None:
        """Select one cell of the desk table (as a click does)."""
        self.desk_table.setCurrentIndex(self.desks_model.index(row, column))

    def select_meeting(self, row: int) -> None:
        self.room_table.setCurrentIndex(self.room_model.index(row, 0))

    def _selection_key(self) -> tuple[str, int, int] | None:
        cells = self.desk_table.selectionModel().selectedIndexes()
        if cells:
            return ("desk", cells[0].row(), cells[0].column())
        booking = self.selected_booking()
        return ("room", booking.id, 0) if booking is not None else None

    def _restore_selection(self, key: tuple[str, int, int] | None) -> None:
        if key is None:
            return
        kind, first, second = key
        if kind == "desk" and first < self.desks_model.rowCount():
            self.select_desk_cell(first, second)
        elif kind == "room":
            index = self.room_model.index_of_booking(first)
            if index.isValid():
                self.room_table.setCurrentIndex(index)

    def _rooms_free_text(self, occupancy: DayOccupancy) -> str:
        """Every room's free time today, one line each ("Lilla rummet – ledigt: 08:00–13:00")."""
        if occupancy.closed is not None or occupancy.hours is None:
            return ""
        return "\n".join(
            self.tr("{room} – ledigt: {free}").format(
                room=r.resource.name, free=rooms_free.free_text(r.resource, occupancy)
            )
            for r in occupancy.rooms
        )

    def _update_actions(self) -> None:
        booking = self.selected_booking()
        status = booking.status if booking is not None else None
        # check-in and no-shows happen on the day itself: disabled on another day (issue 16)
        today = self.occupancy is not None and self.occupancy.day == self._today()
        self.check_in_button.setEnabled(today and status in (BookingStatus.CONFIRMED, BookingStatus.NO_SHOW))
        self.no_show_button.setEnabled(today and status is BookingStatus.CONFIRMED)
        self.change_button.setEnabled(status is BookingStatus.CONFIRMED)
        loaded = self.occupancy is not None
        self.book_button.setEnabled(loaded)
        self.book_room_action.setEnabled(loaded and bool(self.occupancy and self.occupancy.rooms))
        self.print_button.setEnabled(loaded)
        self.print_action.setEnabled(loaded)

    # --- check-in and no-shows -------------------------------------------------------------------
    def check_in(self) -> None:
        attendance = self.ctx.svc.attendance
        self._act(attendance.check_in, self.tr("{name} är incheckad."))

    def mark_no_show(self) -> None:
        """Asks first: a no-show frees the place and tells the statistics the person never came."""
        booking = self.selected_booking()
        if booking is None:
            return
        box = QMessageBox(self)
        box.setObjectName("confirmNoShow")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Uteblev"))
        box.setText(
            self.tr("Markera att {name} inte kom till {place}? Platsen blir ledig för andra.").format(
                name=booking.person_name or self.tr("personen"), place=booking.resource_name
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        yes, no = box.button(QMessageBox.StandardButton.Yes), box.button(QMessageBox.StandardButton.No)
        yes.setText(self.tr("&Uteblev"))
        no.setText(self.tr("&Avbryt"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(no)
        attendance = self.ctx.svc.attendance

        def clicked(button: QAbstractButton) -> None:
            if button is yes:
                self._act(attendance.mark_no_show, self.tr("{name} är markerad som utebliven."), booking)

        box.buttonClicked.connect(clicked)
        box.finished.connect(lambda _r: box.deleteLater())
        self.confirm_box = box
        box.open()

    def change_selected(self) -> None:
        """ "Ändra…": a booking in a series asks "Bara denna" or "Denna och kommande" first."""
        booking = self.selected_booking()
        if booking is None:
            return
        self.scope_box = change_booking(self.ctx, self, booking, self._open)

    def _act(
        self, fn: Callable[[int, int], BookingView], done_text: str, chosen: BookingView | None = None
    ) -> None:
        booking = chosen or self.selected_booking()
        if booking is None:
            return
        actor, booking_id = self.ctx.person_id, booking.id

        def done(view: BookingView) -> None:
            self.message_label.setText(done_text.format(name=view.person_name or ""))
            self.ctx.notify_changed()

        self.ctx.run(lambda: fn(actor, booking_id), done, owner=self)

    # --- booking on someone's behalf -------------------------------------------------------------
    def _chosen_desk(self) -> Resource | None:
        cells = self.desk_table.selectionModel().selectedIndexes()
        if cells:
            return self.desks_model.desk_at(cells[0].row())
        for r in range(self.desks_model.rowCount()):  # else the first desk with a free half
            row = self.desks_model.row_at(r)
            if row is not None and (row.morning is None or row.afternoon is None):
                return row.desk
        return self.desks_model.desk_at(0)

    def book_desk_for(self) -> None:
        desk = self._chosen_desk()
        if desk is None:
            return
        day = self.occupancy.desks if self.occupancy is not None else ()
        # imported on the first booking, not before the window shows (issue 18; gui/preload.py)
        from satellitkontor.gui.dialogs.desk_booking_dialog import DeskBookingDialog

        dialog = DeskBookingDialog(
            self.ctx,
            desk,
            self.navigator.date(),
            self,
            for_person=self.person_chooser.person(),
            occupancy=next((d for d in day if d.resource.id == desk.id), None),
        )
        self._open(dialog)

    def book_room_for(self) -> None:
        if self.occupancy is None or not self.occupancy.rooms:
            return
        room = self.occupancy.rooms[0].resource
        meeting = self.selected_booking()
        if meeting is not None:
            room = next(
                (r.resource for r in self.occupancy.rooms if r.resource.id == meeting.resource_id), room
            )
        start, end = self._room_slot(self.occupancy)
        rooms = [r.resource for r in self.occupancy.rooms]
        dialog = RoomBookingDialog(
            self.ctx, room, start, end, self, for_person=self.person_chooser.person(), rooms=rooms
        )
        self._open(dialog)

    def _room_slot(self, occupancy: DayOccupancy) -> tuple[datetime, datetime]:
        """An hour from opening time, or from the next full hour when the day is today."""
        day = occupancy.day
        opens = occupancy.hours.opens if occupancy.hours is not None else time(8, 0)
        start = clk.local(day, opens)
        now = clk.to_local(self.ctx.svc.clock())
        if day == now.date():
            hour = now.replace(minute=0, second=0, microsecond=0)
            if hour < now:
                hour += timedelta(hours=1)
            start = max(start, clk.to_utc(hour))
        return start, start + timedelta(hours=1)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.booking_dialog = dialog
        dialog.open()

    # --- printing --------------------------------------------------------------------------------
    def document(self) -> QTextDocument | None:
        """The day sheet of the day on screen (built from the loaded data, no database work)."""
        if self.occupancy is None:
            return None
        return day_sheet.day_sheet_document(self.occupancy, self.ctx.lang, self.ctx.svc.clock())

    def save_pdf(self, path: str) -> bool:
        document = self.document()
        if document is None:
            return False
        if day_sheet.save_pdf(document, path):
            self.message_label.setText(self.tr("Dagsöversikten sparades som {file}.").format(file=path))
            return True
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Det gick inte"),
            self.tr("Det gick inte att spara {file}. Välj en annan plats.").format(file=path),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return False

    def choose_pdf_file(self) -> None:
        if self.occupancy is None:
            return
        dialog = QFileDialog(self, self.tr("Spara dagsöversikten som PDF"))
        dialog.setObjectName("pdfFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF-dokument (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(str(Path.home() / f"dagsoversikt-{self.occupancy.day.isoformat()}.pdf"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.save_pdf)
        self.file_dialog = dialog
        dialog.open()

    def print_sheet(self) -> None:
        document = self.document()
        if document is None:
            return
        dialog = day_sheet.DaySheetPrintDialog(document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.print_dialog = dialog
        dialog.show()  # like open(): not blocking
