"""Dagsöversikt: every desk and meeting of the day, check-in, no-shows, booking for others, auto-refresh."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.change_dialog import ChangeDialog
from satellitkontor.gui.dialogs.desk_booking_dialog import DeskBookingDialog
from satellitkontor.gui.dialogs.room_booking_dialog import RoomBookingDialog
from satellitkontor.gui.main_window import MainWindow
from satellitkontor.gui.models.day_desks_model import DayDesksModel
from satellitkontor.gui.models.day_room_model import DayRoomModel
from satellitkontor.gui.views.day_view import DayView
from satellitkontor.services.app_services import open_office
from tests.conftest import MONDAY, Office
from tests.gui.conftest import error_boxes

M, A = DayDesksModel.MORNING, DayDesksModel.AFTERNOON


@pytest.fixture
def day_view(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> Iterator[DayView]:
    view = DayView(make_ctx(gui_office.reception))
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    wait_idle()
    yield view
    for box in error_boxes():
        box.close()


def reload(qtbot: QtBot, view: DayView) -> None:
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.ctx.notify_changed()


def cell(view: DayView, row: int, column: int) -> str:
    return str(view.desks_model.index(row, column).data())


def click_and_wait(qtbot: QtBot, view: DayView, button_name: str, wait_idle: Callable[[], None]) -> None:
    button = {"check_in": view.check_in_button, "no_show": view.no_show_button}[button_name]
    assert button.isEnabled()
    button.click()
    if button_name == "no_show":  # "Uteblev" asks first
        confirm_no_show(view)
    wait_idle()


def confirm_no_show(view: DayView) -> None:
    box = view.confirm_box
    assert box is not None and box.isVisible() and "Platsen blir ledig" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)  # Enter does not mark
    box.button(QMessageBox.StandardButton.Yes).click()


def book_morning_and_full_day(o: Office) -> None:
    b = o.services.booking
    b.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    b.book_desk(o.bertil.id, o.desk(2).id, MONDAY, DeskPeriod.MORNING)
    b.book_desk(o.cecilia.id, o.desk(2).id, MONDAY, DeskPeriod.AFTERNOON)


def test_every_desk_with_morning_afternoon_and_status(
    qtbot: QtBot, day_view: DayView, gui_office: Office
) -> None:
    book_morning_and_full_day(gui_office)
    reload(qtbot, day_view)
    assert day_view.desks_model.rowCount() == len(gui_office.desks) == 8
    assert cell(day_view, 0, DayDesksModel.PLACE) == gui_office.desk(1).name
    assert cell(day_view, 0, M) == cell(day_view, 0, A) == "Anna Andersson (Umeå)"
    assert cell(day_view, 0, DayDesksModel.STATUS) == "bokad"
    assert cell(day_view, 1, M) == "Bertil Öberg (Vindeln)"
    assert cell(day_view, 1, A) == "Cecilia Ek (Örnsköldsvik)"
    assert cell(day_view, 2, M) == "ledig"
    assert cell(day_view, 2, DayDesksModel.STATUS) == "ledig"
    headers = [day_view.desks_model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Plats", "Förmiddag", "Eftermiddag", "Status"]


def test_meetings_and_totals(qtbot: QtBot, day_view: DayView, gui_office: Office) -> None:
    o = gui_office
    book_morning_and_full_day(o)
    o.services.booking.book_room(
        o.bertil.id, o.room.id, clk.local(MONDAY, time(9)), clk.local(MONDAY, time(10, 30)), 6, "Budgetmöte"
    )
    o.services.booking.book_room(
        o.anna.id, o.room.id, clk.local(MONDAY, time(13)), clk.local(MONDAY, time(15)), 3, "Planering"
    )
    reload(qtbot, day_view)
    rooms = day_view.room_model
    assert rooms.rowCount() == 2
    first = [str(rooms.index(0, c).data()) for c in range(rooms.columnCount())]
    assert first == ["09:00–10:30", "Budgetmöte", "Bertil Öberg", "Vindeln", "6", "bokad"]
    assert [rooms.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Tid",
        "Rubrik",
        "Bokad av",
        "Kommun",
        "Deltagare",
        "Status",
    ]
    assert not day_view.room_empty_label.isVisible()
    assert day_view.totals_label.text() == "Platser: 2 bokade, 6 lediga · Konferensrum: 3,5 timmar bokade"


def test_empty_day_says_so(day_view: DayView) -> None:
    assert day_view.room_empty_label.isVisible()
    assert day_view.totals_label.text() == "Platser: 0 bokade, 8 lediga · Konferensrum: 0 timmar bokade"
    assert not day_view.check_in_button.isEnabled()
    assert not day_view.no_show_button.isEnabled()


def test_check_in_too_early_then_on_time(
    qtbot: QtBot, day_view: DayView, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    booking = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    reload(qtbot, day_view)
    o.clock.set_local(MONDAY, time(6, 30))
    day_view.select_desk_cell(0, M)
    click_and_wait(qtbot, day_view, "check_in", wait_idle)
    boxes = error_boxes()
    assert len(boxes) == 1 and boxes[0].text() == "Incheckningen öppnar 07:00."
    boxes[0].close()
    assert cell(day_view, 0, DayDesksModel.STATUS) == "bokad"

    o.clock.set_local(MONDAY, time(8, 5))
    with qtbot.waitSignal(day_view.data_loaded, timeout=5000):
        day_view.check_in_button.click()
    assert cell(day_view, 0, DayDesksModel.STATUS) == "incheckad"
    assert day_view.message_label.text() == "Anna Andersson är incheckad."
    assert o.services.occupancy.booking(booking.id).status is BookingStatus.CHECKED_IN  # type: ignore[union-attr]
    assert day_view.selected_booking() is not None  # the selection survives the reload
    assert not day_view.no_show_button.isEnabled()


def test_no_show_only_after_the_grace_period(
    qtbot: QtBot, day_view: DayView, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    booking = o.services.booking.book_desk(o.bertil.id, o.desk(2).id, MONDAY, DeskPeriod.MORNING)
    reload(qtbot, day_view)
    o.clock.set_local(MONDAY, time(8, 10))
    day_view.select_desk_cell(1, M)
    assert day_view.selected_booking() == booking
    click_and_wait(qtbot, day_view, "no_show", wait_idle)
    boxes = error_boxes()
    assert len(boxes) == 1
    assert boxes[0].text() == "Det går att markera som utebliven först 30 minuter efter start."
    boxes[0].close()

    o.clock.set_local(MONDAY, time(8, 31))
    day_view.no_show_button.click()
    with qtbot.waitSignal(day_view.data_loaded, timeout=5000):
        confirm_no_show(day_view)
    assert cell(day_view, 1, DayDesksModel.STATUS) == "fm: uteblev · em: ledig"
    assert o.services.occupancy.booking(booking.id).status is BookingStatus.NO_SHOW  # type: ignore[union-attr]
    assert not day_view.no_show_button.isEnabled()
    assert day_view.check_in_button.isEnabled()  # a late arrival can still be checked in
    assert day_view.totals_label.text().startswith("Platser: 1 bokad, 7 lediga")


def test_check_in_a_meeting(
    qtbot: QtBot, day_view: DayView, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    o.services.booking.book_room(
        o.cecilia.id, o.room.id, clk.local(MONDAY, time(9)), clk.local(MONDAY, time(10)), 4, "Samråd"
    )
    reload(qtbot, day_view)
    day_view.select_desk_cell(0, M)
    day_view.select_meeting(0)
    assert not day_view.desk_table.selectionModel().hasSelection()  # one selection at a time
    assert day_view.selected_booking() is not None
    assert day_view.selected_booking().title == "Samråd"  # type: ignore[union-attr]
    o.clock.set_local(MONDAY, time(8, 50))
    with qtbot.waitSignal(day_view.data_loaded, timeout=5000):
        day_view.check_in_button.click()
    assert day_view.room_model.index(0, DayRoomModel.STATUS).data() == "incheckad"
    assert cell(day_view, 0, DayDesksModel.STATUS) == "bokad"


def test_book_a_desk_on_behalf_of_bertil(
    qtbot: QtBot, day_view: DayView, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    assert day_view.person_chooser.set_person_id(o.bertil.id)
    day_view.select_desk_cell(2, M)
    day_view.book_desk_action.trigger()
    dialog = day_view.booking_dialog
    assert isinstance(dialog, DeskBookingDialog) and dialog.isVisible()
    assert dialog.desk == o.desk(3) and dialog.for_person == o.bertil
    qtbot.waitUntil(dialog.book_button.isEnabled, timeout=3000)
    with qtbot.waitSignal(day_view.data_loaded, timeout=5000):
        dialog.book_button.click()
    assert cell(day_view, 2, M) == cell(day_view, 2, A) == "Bertil Öberg (Vindeln)"
    [made] = o.services.occupancy.bookings_of(o.bertil.id)
    assert made.resource_id == o.desk(3).id and made.created_by_id == o.reception.id


def test_book_the_room_on_behalf_of_cecilia(
    qtbot: QtBot, day_view: DayView, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    assert day_view.person_chooser.set_person_id(o.cecilia.id)
    day_view.book_room_action.trigger()
    dialog = day_view.booking_dialog
    assert isinstance(dialog, RoomBookingDialog) and dialog.for_person == o.cecilia
    assert dialog.start_edit.time().toString("HH:mm") == "08:00"  # the next full hour after 07:30
    dialog.title_edit.setText("Kommunsamverkan")
    qtbot.waitUntil(dialog.book_button.isEnabled, timeout=3000)  # the dialog checked for conflicts
    with qtbot.waitSignal(day_view.data_loaded, timeout=5000):
        dialog.book_button.click()
    assert day_view.room_model.index(0, DayRoomModel.BOOKED_BY).data() == "Cecilia Ek"
    assert day_view.room_model.index(0, DayRoomModel.TITLE).data() == "Kommunsamverkan"


def test_another_day_via_the_navigator(qtbot: QtBot, day_view: DayView, gui_office: Office) -> None:
    o = gui_office
    tuesday = o.services.occupancy.next_open_day(MONDAY)
    o.services.booking.book_desk(o.anna.id, o.desk(4).id, tuesday, DeskPeriod.AFTERNOON)
    with qtbot.waitSignal(day_view.data_loaded, timeout=5000):
        day_view.navigator.next_button.click()
    assert day_view.occupancy is not None and day_view.occupancy.day == tuesday
    assert cell(day_view, 3, A) == "Anna Andersson (Umeå)"
    assert cell(day_view, 3, M) == "ledig"


def test_follows_bookings_made_by_another_process(
    qtbot: QtBot, day_view: DayView, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    ctx = day_view.ctx
    ctx.poll_now()  # the change watch's first look: what "unchanged" means
    wait_idle()
    url = gui_office.services.db.url.render_as_string(hide_password=False)
    other = open_office(url, clock=gui_office.clock)
    try:
        other.booking.book_desk(gui_office.cecilia.id, gui_office.desk(5).id, MONDAY, DeskPeriod.FULL_DAY)
    finally:
        other.close()
    qtbot.waitUntil(lambda: cell(day_view, 4, M) == "Cecilia Ek (Örnsköldsvik)", timeout=6000)


def test_models_pass_the_model_tester(
    qtbot: QtBot, day_view: DayView, gui_office: Office, qtmodeltester: ModelTester
) -> None:
    o = gui_office
    book_morning_and_full_day(o)
    o.services.booking.book_room(
        o.anna.id, o.room.id, clk.local(MONDAY, time(10)), clk.local(MONDAY, time(11)), 2, None
    )
    reload(qtbot, day_view)
    qtmodeltester.check(day_view.desks_model)
    qtmodeltester.check(day_view.room_model)
    empty_desks, empty_room = DayDesksModel(), DayRoomModel()
    qtmodeltester.check(empty_desks)
    qtmodeltester.check(empty_room)


def test_only_staff_get_the_day_view(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    assert DayView.audience == "staff"
    window = MainWindow(make_ctx(gui_office.anna))
    qtbot.addWidget(window)
    assert "day" not in window.nav_keys()
    window.ctx.set_person(gui_office.reception)
    assert "day" in window.nav_keys()


def test_a_closed_day_says_so_once_and_never_free(
    qtbot: QtBot, day_view: DayView, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    """Issue 16: a closed Wednesday said "6 bokade, 2 lediga"; a closed day is closed everywhere."""
    o = gui_office
    wednesday = MONDAY + timedelta(days=2)
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, wednesday, DeskPeriod.FULL_DAY)
    o.services.office.add_closure(o.admin.id, wednesday, wednesday, "Vattenläcka")
    for day in (wednesday, MONDAY + timedelta(days=6)):  # a closure, and a Sunday
        with qtbot.waitSignal(day_view.data_loaded, timeout=5000):
            day_view.navigator.set_date(day)
        wait_idle()
        reason = "Vattenläcka" if day == wednesday else "Söndag"
        assert day_view.totals_label.text() == f"Kontoret är stängt: {reason}"
        assert not day_view.navigator.closed_label.isVisible()
        cells = [cell(day_view, r, c) for r in range(day_view.desks_model.rowCount()) for c in range(1, 4)]
        assert cells and all("ledig" not in text.lower() for text in cells), cells
        assert cell(day_view, 0, 3) == "stängt"


def test_check_in_and_no_show_are_disabled_on_another_day_and_no_show_can_be_declined(
    qtbot: QtBot, day_view: DayView, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    tuesday = MONDAY + timedelta(days=1)
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, tuesday, DeskPeriod.FULL_DAY)
    mine = o.services.booking.book_desk(o.bertil.id, o.desk(2).id, MONDAY, DeskPeriod.MORNING)
    with qtbot.waitSignal(day_view.data_loaded, timeout=5000):
        day_view.navigator.set_date(tuesday)
    day_view.select_desk_cell(0, M)
    assert day_view.selected_booking() is not None
    assert not day_view.check_in_button.isEnabled() and not day_view.no_show_button.isEnabled()
    assert day_view.change_button.isEnabled()  # a coming booking can be moved

    with qtbot.waitSignal(day_view.data_loaded, timeout=5000):
        day_view.navigator.set_date(MONDAY)
    o.clock.set_local(MONDAY, time(8, 31))
    day_view.select_desk_cell(1, M)
    assert day_view.no_show_button.isEnabled()
    day_view.no_show_button.click()
    box = day_view.confirm_box
    assert box is not None
    box.button(QMessageBox.StandardButton.No).click()
    wait_idle()
    assert o.services.occupancy.booking(mine.id).status is BookingStatus.CONFIRMED  # type: ignore[union-attr]


def test_change_a_booking_from_the_day_view(
    qtbot: QtBot, day_view: DayView, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    booking = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    reload(qtbot, day_view)
    day_view.select_desk_cell(0, M)
    day_view.change_button.click()
    wait_idle()
    dialog = day_view.booking_dialog
    assert isinstance(dialog, ChangeDialog)
    dialog.desk_combo.setCurrentIndex(dialog.desk_combo.findText("Plats 4"))
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    moved = o.services.occupancy.booking(booking.id)
    assert moved is not None and moved.resource_name == "Plats 4" and moved.sequence == 1
