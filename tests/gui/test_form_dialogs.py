"""Enter saves in every form dialog, and Avbryt is never the default button (issue 16: Enter in
"Ny stängning" threw the input away)."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

import satellitkontor.gui.dialogs as dialogs_package
from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.booking_dialog import BookingDialog
from satellitkontor.gui.dialogs.cancel_range_dialog import CancelRangeDialog
from satellitkontor.gui.dialogs.change_dialog import ChangeDialog
from satellitkontor.gui.dialogs.closure_dialog import ClosureDialog
from satellitkontor.gui.dialogs.desk_booking_dialog import DeskBookingDialog
from satellitkontor.gui.dialogs.erase_person_dialog import ErasePersonDialog
from satellitkontor.gui.dialogs.form_dialog import FormDialog
from satellitkontor.gui.dialogs.identity_dialog import IdentityDialog
from satellitkontor.gui.dialogs.import_dialog import ImportDialog
from satellitkontor.gui.dialogs.meeting_dialog import MeetingDialog
from satellitkontor.gui.dialogs.person_dialog import PersonDialog
from satellitkontor.gui.dialogs.publish_feed_dialog import PublishFeedDialog
from satellitkontor.gui.dialogs.resource_dialog import ResourceDialog
from satellitkontor.gui.dialogs.room_booking_dialog import RoomBookingDialog
from satellitkontor.gui.dialogs.rotation_year_dialog import RotationYearDialog
from satellitkontor.gui.dialogs.save_feed_dialog import SaveFeedDialog
from satellitkontor.gui.dialogs.series_change_dialog import SeriesChangeDialog
from tests.conftest import MONDAY, Office

TUESDAY = MONDAY + dt.timedelta(days=1)
Factory = Callable[[AppContext, Office], FormDialog]

FACTORIES: dict[type[FormDialog], Factory] = {
    ClosureDialog: lambda ctx, o: ClosureDialog(ctx, MONDAY),
    PersonDialog: lambda ctx, o: PersonDialog(ctx),
    ResourceDialog: lambda ctx, o: ResourceDialog(ctx, ResourceKind.DESK),
    MeetingDialog: lambda ctx, o: MeetingDialog(ctx, TUESDAY),
    RotationYearDialog: lambda ctx, o: RotationYearDialog(ctx, 2028, o.services.rotation.years(2026, 2030)),
    IdentityDialog: lambda ctx, o: IdentityDialog(ctx, o.services.office.people()),
    DeskBookingDialog: lambda ctx, o: DeskBookingDialog(ctx, o.desk(1), TUESDAY),
    RoomBookingDialog: lambda ctx, o: RoomBookingDialog(
        ctx, o.room, clk.local(TUESDAY, dt.time(9)), clk.local(TUESDAY, dt.time(10))
    ),
    PublishFeedDialog: lambda ctx, o: PublishFeedDialog(ctx, o.services.feeds.choices()),
    SaveFeedDialog: lambda ctx, o: SaveFeedDialog(ctx, o.services.feeds.choices(), MONDAY),
    ChangeDialog: lambda ctx, o: ChangeDialog(
        ctx, o.services.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY), o.desks
    ),
    CancelRangeDialog: lambda ctx, o: CancelRangeDialog(ctx, MONDAY),
    SeriesChangeDialog: lambda ctx, o: SeriesChangeDialog(
        ctx,
        o.services.booking.book_series(
            o.anna.id, o.desk(1).id, Recurrence.weekly(TUESDAY, {1}, count=2), period=DeskPeriod.FULL_DAY
        ).booked[0],
        o.desks,
        frozenset({1}),
    ),
}
#: Dialogs where Enter deliberately does nothing: a click erases or imports. Avbryt is still not
#: the default there.
NO_ENTER: dict[type[FormDialog], Factory] = {
    ErasePersonDialog: lambda ctx, o: ErasePersonDialog(ctx, o.anna),
}
#: Needs a calendar file read first; its Enter is tested in test_calendar_import.py.
ELSEWHERE = {ImportDialog, BookingDialog}


def _every_form_dialog() -> set[type[FormDialog]]:
    for info in pkgutil.iter_modules(dialogs_package.__path__):
        importlib.import_module(f"{dialogs_package.__name__}.{info.name}")
    found: set[type[FormDialog]] = set()
    todo = list(FormDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    return {c for c in found if c.__module__.startswith("satellitkontor.gui.dialogs")}


def test_every_form_dialog_is_covered() -> None:
    assert _every_form_dialog() - set(FACTORIES) - set(NO_ENTER) - ELSEWHERE == set()


def _cancel(dialog: FormDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None
    return button


@pytest.mark.parametrize("cls", list(FACTORIES), ids=lambda c: c.__name__)
def test_enter_presses_the_dialogs_own_button_never_avbryt(
    cls: type[FormDialog], qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    dialog = FACTORIES[cls](make_ctx(gui_office.admin), gui_office)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.enter_button is not None
    assert dialog.enter_button.isDefault()
    assert not _cancel(dialog).isDefault()
    if not dialog.enter_button.isEnabled():
        return  # nothing filled in yet: Enter cannot save, and does not cancel either
    with qtbot.waitSignal(dialog.enter_button.clicked, timeout=2000):
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)


@pytest.mark.parametrize("cls", list(NO_ENTER), ids=lambda c: c.__name__)
def test_where_a_click_is_needed_avbryt_is_not_the_default_either(
    cls: type[FormDialog], qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    dialog = NO_ENTER[cls](make_ctx(gui_office.admin), gui_office)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not _cancel(dialog).isDefault()
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()


def test_enter_in_the_new_closure_dialog_adds_the_closure(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    dialog = ClosureDialog(make_ctx(gui_office.admin), MONDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.from_edit.setDate(dialog.from_edit.date().addDays(7))
    dialog.reason_edit.setText("Renovering")
    dialog.reason_edit.setFocus()
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    wait_idle()
    assert [c.reason for c in gui_office.services.office.closures()] == ["Renovering"]
