"""Mina bokningar: my coming bookings (soonest first) and my past ones (latest first).

From here a person cancels one booking, or a series from the chosen booking's day on, and saves
the bookings shown as an .ics file for their own calendar. Every change is confirmed in a
non-blocking question first; the list comes from ``occupancy.bookings_of`` off the GUI thread.
"Mina uppgifter…" saves everything stored about the person (gui/dialogs/my_data_dialog.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, BookingView
from satellitkontor.domain.errors import AlreadyOver
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.gui import operations, theme
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.cancel_range_dialog import CancelRangeDialog
from satellitkontor.gui.dialogs.series_change_dialog import (
    SeriesChangeDialog,
    SeriesScopeQuestion,
    change_booking,
)
from satellitkontor.gui.errors import show_file_error
from satellitkontor.gui.models.my_bookings_model import TITLE, MyBookingsModel, time_text
from satellitkontor.gui.views.base import ViewBase
from satellitkontor.gui.widgets.confirm_buttons import reason_field, yes_no
from satellitkontor.gui.widgets.empty_state import EmptyState
from satellitkontor.gui.widgets.row_table import row_table
from satellitkontor.gui.widgets.waitlist_widgets import MyWaitlist
from satellitkontor.words import plans
from satellitkontor.words.texts import fmt_date

UPCOMING_TAB, PAST_TAB = 0, 1


class MyBookingsView(ViewBase):
    key = "mine"
    audience = "all"

    #: Fresh bookings are on screen.
    data_loaded = Signal()
    #: An .ics file was written: its path and how many bookings it holds.
    exported = Signal(str, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("myBookingsView")
        self.upcoming = True
        self._load_seq = 0
        self.confirm_box: QMessageBox | None = None
        #: The optional reason in the question of a single cancel (issue 16).
        self.reason_edit: QLineEdit | None = None
        #: "Bara denna" / "Denna och kommande" for a booking in a series (issue 16).
        self.scope_box: SeriesScopeQuestion | None = None

        heading = QLabel(self.view_title())
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)

        self.tabs = QTabBar()
        self.tabs.setObjectName("mineTabs")
        self.tabs.setAccessibleName(self.tr("Kommande eller tidigare bokningar"))
        self.tabs.addTab(self.tr("&Kommande"))
        self.tabs.addTab(self.tr("&Tidigare"))
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.model = MyBookingsModel(ctx.lang, self)
        self.table = row_table("mineTable", self.tr("Mina bokningar"), self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.empty_label = EmptyState("emptyLabel", button_text=self.tr("&Gå till Boka plats"))
        self.empty_label.clicked.connect(lambda: self.go_to.emit("book"))
        self.empty_label.hide()

        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Senaste händelse"))

        self._build_actions()
        self.cancel_button = self._button(self.tr("Av&boka"), "cancelButton", self.cancel_action)
        self.cancel_series_button = self._button(
            self.tr("Avboka s&erien"), "cancelSeriesButton", self.cancel_series_action
        )
        self.export_button = self._button(
            self.tr("E&xportera till kalender (.ics)…"), "exportButton", self.export_action
        )
        self.my_data_button = QPushButton(self.tr("Mina &uppgifter…"))
        self.my_data_button.setObjectName("myDataButton")
        self.my_data_button.setAccessibleName(self.tr("Mina uppgifter"))
        self.my_data_button.setToolTip(self.tr("Spara allt som finns sparat om dig (JSON och CSV)"))
        self.my_data_button.clicked.connect(lambda _c=False: self.show_my_data())
        self.my_data_dialog: QDialog | None = None
        self.notices_button = QPushButton(self.tr("Aviseri&ngar…"))
        self.notices_button.setObjectName("noticesButton")
        self.notices_button.setAccessibleName(self.tr("Aviseringar"))
        self.notices_button.setToolTip(self.tr("Välj vilka meddelanden om dina bokningar du får per e-post"))
        self.notices_button.clicked.connect(lambda _c=False: self.show_notice_prefs())
        self.notice_dialog: QDialog | None = None
        self.change_button = self._button(self.tr("Än&dra…"), "changeButton", self.change_action)
        self.check_in_button = self._button(self.tr("Checka &in"), "checkInButton", self.check_in_action)
        self.check_in_button.setProperty("primary", True)  # the view's main action (gui/theme.py)
        self.cancel_range_button = self._button(
            self.tr("Avboka &flera dagar…"), "cancelRangeButton", self.cancel_range_action
        )
        self.dialog: QDialog | None = None
        self.waitlist = MyWaitlist(ctx)  # my places in line and an offer to answer
        self.waitlist.answered.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.check_in_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.cancel_series_button)
        buttons.addWidget(self.cancel_range_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.notices_button)
        buttons.addWidget(self.my_data_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        # one card, as Dagsöversikt's sections: the tabs, the list (or what to do when it is empty)
        # and what can be done with the chosen booking
        layout.addWidget(theme.card(self.tabs, self.table, self.empty_label, buttons, name="mineCard"), 1)
        layout.addWidget(self.waitlist)
        layout.addWidget(self.status_label)
        QWidget.setTabOrder(self.tabs, self.table)
        QWidget.setTabOrder(self.table, self.change_button)
        QWidget.setTabOrder(self.change_button, self.check_in_button)
        QWidget.setTabOrder(self.check_in_button, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.cancel_series_button)
        QWidget.setTabOrder(self.cancel_series_button, self.cancel_range_button)
        QWidget.setTabOrder(self.cancel_range_button, self.export_button)
        QWidget.setTabOrder(self.export_button, self.notices_button)
        QWidget.setTabOrder(self.notices_button, self.my_data_button)
        ctx.needs_connection(
            self.tabs,
            self.change_action,
            self.check_in_action,
            self.cancel_range_action,
            self.change_button,
            self.check_in_button,
            self.cancel_range_button,
            self.cancel_action,
            self.cancel_series_action,
            self.cancel_button,
            self.cancel_series_button,
            self.export_action,
            self.export_button,
            self.my_data_button,
            self.notices_button,
        )
        self._update_actions()

    def view_title(self) -> str:
        return self.tr("Mina bokningar")

    # --- building --------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.cancel_action = QAction(self.tr("Av&boka"), self.table)
        self.cancel_action.setObjectName("cancelAction")
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.cancel_action.triggered.connect(self.cancel_selected)
        self.cancel_series_action = QAction(self.tr("Avboka s&erien"), self.table)
        self.cancel_series_action.setObjectName("cancelSeriesAction")
        self.cancel_series_action.triggered.connect(self.cancel_selected_series)
        separator = QAction(self.table)
        separator.setSeparator(True)
        self.export_action = QAction(self.tr("E&xportera till kalender (.ics)…"), self.table)
        self.export_action.setObjectName("exportAction")
        self.export_action.triggered.connect(self.choose_export_file)
        self.change_action = QAction(self.tr("Än&dra…"), self.table)
        self.change_action.setObjectName("changeAction")
        self.change_action.triggered.connect(self.change_selected)
        self.check_in_action = QAction(self.tr("Checka &in"), self.table)
        self.check_in_action.setObjectName("checkInAction")
        self.check_in_action.triggered.connect(self.check_in_selected)
        self.cancel_range_action = QAction(self.tr("Avboka &flera dagar…"), self.table)
        self.cancel_range_action.setObjectName("cancelRangeAction")
        self.cancel_range_action.triggered.connect(self.cancel_range)
        for action in (
            self.change_action,
            self.check_in_action,
            self.cancel_action,
            self.cancel_series_action,
            self.cancel_range_action,
            separator,
            self.export_action,
        ):
            self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _button(self, text: str, name: str, action: QAction) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(action.trigger)
        return button

    # --- loading ---------------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        self.upcoming = index == UPCOMING_TAB
        self.status_label.clear()
        self.model.set_bookings([])
        self.refresh()

    def refresh(self) -> None:
        if self.ctx.services is None or self.ctx.person is None:
            return
        self._load_seq += 1
        seq, upcoming = self._load_seq, self.upcoming
        svc, person_id = self.ctx.svc, self.ctx.person_id
        occupancy, exchange = svc.occupancy, svc.exchange

        def work() -> tuple[list[BookingView], dict[int, str | None], dict[int, str]]:
            bookings = occupancy.bookings_of(person_id, upcoming=upcoming, with_reasons=upcoming)
            ids = [b.id for b in bookings]
            return bookings, exchange.outlook_lag(ids), exchange.conflicts(ids)

        def done(loaded: tuple[list[BookingView], dict[int, str | None], dict[int, str]]) -> None:
            if seq == self._load_seq:
                self._show(*loaded)

        self.ctx.run(work, done, owner=self)
        self.waitlist.refresh()

    def _show(
        self,
        bookings: list[BookingView],
        not_in_outlook: dict[int, str | None] | None = None,
        conflicts: dict[int, str] | None = None,
    ) -> None:
        chosen = self.selected_booking()
        self.model.set_bookings(bookings, not_in_outlook, conflicts)
        row = self.model.row_of(chosen.id) if chosen is not None else -1
        if row >= 0:
            self.select_row(row)
        empty = not bookings
        self.empty_label.setText(
            self.tr("Du har inga kommande bokningar. Boka en plats under Boka plats.")
            if self.upcoming
            else self.tr("Du har inga tidigare bokningar.")
        )
        self.empty_label.setVisible(empty)
        if self.empty_label.button is not None:
            self.empty_label.button.setVisible(self.upcoming)
        self.table.setVisible(not empty)
        self._update_actions()
        self.data_loaded.emit()

    # --- selection -------------------------------------------------------------------------------
    def selected_booking(self) -> BookingView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.booking_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _update_actions(self) -> None:
        booking = self.selected_booking()
        self.cancel_action.setEnabled(booking is not None and booking.status is not BookingStatus.CANCELLED)
        changeable = self.upcoming and booking is not None and booking.status is BookingStatus.CONFIRMED
        self.change_action.setEnabled(changeable)
        # check-in only on the booking's own day (the service says when it opens, 60 min before)
        today = clk.local_date(self.ctx.svc.clock()) if self.ctx.services is not None else None
        self.check_in_action.setEnabled(changeable and booking is not None and booking.day == today)
        self.cancel_range_action.setEnabled(self.ctx.person is not None)
        self.change_button.setEnabled(self.change_action.isEnabled())
        self.check_in_button.setEnabled(self.check_in_action.isEnabled())
        self.cancel_range_button.setEnabled(self.cancel_range_action.isEnabled())
        self.cancel_series_action.setEnabled(booking is not None and booking.series_id is not None)
        self.export_action.setEnabled(self.ctx.person is not None)
        self.cancel_button.setEnabled(self.cancel_action.isEnabled())
        self.cancel_series_button.setEnabled(self.cancel_series_action.isEnabled())
        self.export_button.setEnabled(self.export_action.isEnabled())

    def describe_booking(self, booking: BookingView) -> str:
        """'Plats 3, tis 24 nov 2026, förmiddag' — for questions and messages."""
        text = self.tr("{place}, {day}, {time}").format(
            place=booking.resource_name,
            day=fmt_date(booking.day, self.ctx.lang),
            time=time_text(booking, self.ctx.lang),
        )
        if booking.resource_kind is ResourceKind.ROOM and booking.title:
            text += f" ({booking.title})"
        return text

    # --- changing, checking in, cancelling several days (issue 16) ------------------------------
    def change_selected(self) -> None:
        """ "Ändra…": a booking in a series asks "Bara denna" or "Denna och kommande" first
        (gui/dialogs/series_change_dialog.py)."""
        booking = self.selected_booking()
        if booking is None:
            return
        self.scope_box = change_booking(self.ctx, self, booking, self._open_change)

    def _open_change(self, dialog: QDialog) -> None:
        if isinstance(dialog, SeriesChangeDialog):
            booking = dialog.booking

            def series_saved(views: list[BookingView]) -> None:
                text = (
                    self.tr("Serien på {place} ändrades från och med {day}: 1 bokning.")
                    if len(views) == 1
                    else self.tr("Serien på {place} ändrades från och med {day}: {n} bokningar.")
                )
                self.status_label.setText(
                    text.format(
                        place=booking.resource_name, day=fmt_date(booking.day, self.ctx.lang), n=len(views)
                    )
                )

            dialog.saved.connect(series_saved)
        else:
            dialog.saved.connect(  # type: ignore[attr-defined]
                lambda view: self.status_label.setText(
                    self.tr("Ändrat: {booking}.").format(booking=self.describe_booking(view))
                )
            )
        self._open(dialog)

    def check_in_selected(self) -> None:
        booking = self.selected_booking()
        if booking is None:
            return
        attendance, actor = self.ctx.svc.attendance, self.ctx.person_id

        def done(view: BookingView) -> None:
            self.status_label.setText(
                self.tr("Incheckad: {booking}.").format(booking=self.describe_booking(view))
            )
            self.ctx.notify_changed()

        self.ctx.run(lambda: attendance.check_in(actor, booking.id), done, owner=self)

    def cancel_range(self) -> None:
        today = clk.local_date(self.ctx.svc.clock())
        dialog = CancelRangeDialog(self.ctx, today, self)
        dialog.saved.connect(
            lambda cancelled: self.status_label.setText(plans.cancelled_count(len(cancelled), self.ctx.lang))
        )
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    # --- cancelling ------------------------------------------------------------------------------
    def _refuse_if_over(self, booking: BookingView) -> bool:
        """A past booking (or a no-show) cannot be cancelled: say so instead of asking."""
        if self.upcoming and booking.status is not BookingStatus.NO_SHOW:
            return False
        self.ctx.show_error(self, AlreadyOver(id=booking.id, end=booking.end))
        return True

    def cancel_selected(self) -> None:
        booking = self.selected_booking()
        if booking is None or self._refuse_if_over(booking):
            return
        question = self.tr("Vill du avboka {booking}?").format(booking=self.describe_booking(booking))
        self._confirm(
            question,
            self.tr("Av&boka"),
            lambda: self._cancel(booking, self.reason_edit.text() if self.reason_edit else ""),
            reason=True,
        )

    def cancel_selected_series(self) -> None:
        booking = self.selected_booking()
        if booking is None or booking.series_id is None or self._refuse_if_over(booking):
            return
        question = self.tr(
            "Vill du avboka serien på {place} från och med {day}? Tidigare bokningar i serien finns kvar."
        ).format(place=booking.resource_name, day=fmt_date(booking.day, self.ctx.lang))
        self._confirm(question, self.tr("Avboka s&erien"), lambda: self._cancel_series(booking))

    def _confirm(
        self, question: str, yes_text: str, then: Callable[[], object], *, reason: bool = False
    ) -> None:
        """Ask ``question``; ``then()`` on yes. With ``reason``, an optional reason field under the
        question (``self.reason_edit``), stored with the cancellation and shown to the booker."""
        box = QMessageBox(self)
        box.setObjectName("confirmCancel")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Avboka"))
        box.setText(question)
        box.setAccessibleName(self.tr("Avboka"))
        yes, _no = yes_no(box, yes_text, self.tr("&Behåll bokningen"))

        def clicked(button: QAbstractButton) -> None:
            if button is yes:
                then()

        def finished(_result: int) -> None:
            if self.confirm_box is box:
                self.confirm_box = None
            box.deleteLater()

        box.buttonClicked.connect(clicked)
        box.finished.connect(finished)
        self.reason_edit = (
            reason_field(box, self.tr("&Anledning (frivillig):"), self.tr("t.ex. Sjuk")) if reason else None
        )
        self.confirm_box = box
        box.open()

    def _cancel(self, booking: BookingView, reason: str = "") -> operations.Operation:
        service, actor = self.ctx.svc.booking, self.ctx.person_id

        def done(_view: BookingView) -> None:
            self.status_label.setText(
                self.tr("Avbokat: {booking}.").format(booking=self.describe_booking(booking))
            )
            self.ctx.notify_changed()

        return self.ctx.run(
            lambda: service.cancel(actor, booking.id, reason or None),
            done,
            owner=self,
            on_error=self._cancel_failed,
        )

    def _cancel_series(self, booking: BookingView) -> operations.Operation:
        service, actor = self.ctx.svc.booking, self.ctx.person_id
        series_id, from_day = booking.series_id, booking.day
        assert series_id is not None

        def done(cancelled: list[BookingView]) -> None:
            text = (
                self.tr("1 bokning i serien på {place} avbokades från och med {day}.")
                if len(cancelled) == 1
                else self.tr("{n} bokningar i serien på {place} avbokades från och med {day}.")
            )
            self.status_label.setText(
                text.format(
                    n=len(cancelled), place=booking.resource_name, day=fmt_date(from_day, self.ctx.lang)
                )
            )
            self.ctx.notify_changed()

        return self.ctx.run(
            lambda: service.cancel_series(actor, series_id, from_day),
            done,
            owner=self,
            on_error=self._cancel_failed,
        )

    def _cancel_failed(self, exc: BaseException) -> None:
        """Say why (in words), and reload: the list on screen was probably out of date."""
        self.ctx.show_error(self, exc)
        self.refresh()

    # --- my data ---------------------------------------------------------------------------------
    def show_my_data(self) -> QDialog:
        from satellitkontor.gui.dialogs.my_data_dialog import MyDataDialog

        dialog = MyDataDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.my_data_dialog = dialog
        dialog.open()
        return dialog

    def show_notice_prefs(self) -> QDialog:
        from satellitkontor.gui.dialogs.notice_prefs_dialog import NoticePrefsDialog

        dialog = NoticePrefsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda _p: self.status_label.setText(self.tr("Dina val av aviseringar sparades."))
        )
        self.notice_dialog = dialog
        dialog.open()
        return dialog

    # --- export ----------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Exportera till kalender"),
            str(Path.home() / self.tr("mina-bokningar.ics")),
            self.tr("Kalenderfiler (*.ics)"),
        )
        if name:
            if not name.lower().endswith(".ics"):
                name += ".ics"
            self.export_ics(name)

    def export_ics(self, path: str | Path) -> operations.Operation:
        """Write the bookings of the shown tab to ``path`` off the GUI thread; emit ``exported``."""
        target = str(path)
        occupancy, feeds, person = self.ctx.svc.occupancy, self.ctx.svc.feeds, self.ctx.person
        assert person is not None
        upcoming, lang = self.upcoming, self.ctx.lang

        def work() -> int:
            bookings = occupancy.bookings_of(person.id, upcoming=upcoming)
            return feeds.write_bookings(person.id, [b.id for b in bookings], target, lang=lang)

        def done(count: int) -> None:
            text = (
                self.tr("1 bokning sparades i {file}.")
                if count == 1
                else self.tr("{n} bokningar sparades i {file}.")
            )
            self.status_label.setText(text.format(n=count, file=Path(target).name))
            self.exported.emit(target, count)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OSError):
                show_file_error(self, target, exc)
            else:
                self.ctx.show_error(self, exc)

        return self.ctx.run(work, done, owner=self, on_error=failed, label=self.tr("Exporterar…"))
