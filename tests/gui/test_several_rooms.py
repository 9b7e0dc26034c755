"""Two conference rooms in the app: the room view's picker and all-rooms week, the day view's
free time and booking dialog, the day sheet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.room_booking_dialog import RoomBookingDialog
from satellitkontor.gui.printing import day_sheet
from satellitkontor.gui.views.day_view import DayView
from satellitkontor.gui.views.room_view import ALL_ROOMS, RoomView
from tests.conftest import MONDAY, Office

TUESDAY = MONDAY + timedelta(days=1)


@pytest.fixture
def small_room(gui_office: Office) -> Resource:
    o = gui_office
    room = o.services.office.add_resource(o.admin.id, ResourceKind.ROOM, "Lilla rummet", capacity=4)
    book = o.services.booking.book_room
    book(o.anna.id, o.room.id, clk.local(TUESDAY, time(9)), clk.local(TUESDAY, time(10)), 6, "Styrgrupp")
    book(o.cecilia.id, room.id, clk.local(TUESDAY, time(13)), clk.local(TUESDAY, time(15, 30)), 3, "Samtal")
    return room


def shown_room_view(qtbot: QtBot, ctx: AppContext) -> RoomView:
    view = RoomView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 720)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    return view


def test_the_room_picker_shows_each_rooms_week_and_every_rooms_free_time(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, small_room: Resource
) -> None:
    view = shown_room_view(qtbot, make_ctx(gui_office.reception))
    combo = view.room_combo
    assert combo.isVisible() and view.room_combo_label.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Konferensrummet (högst 12)",
        "Lilla rummet (högst 4)",
        "Alla rum – lediga tider",
    ]
    assert view.room is not None and view.room.name == "Konferensrummet"
    block = view.timeline.block_at(TUESDAY, time(9, 30))
    assert block is not None and block.title == "Styrgrupp"
    assert view.timeline.block_at(TUESDAY, time(14)) is None  # the other room's meeting is not here

    view.choose_room(small_room.id)
    assert view.room is not None and view.room.id == small_room.id
    assert view.timeline.block_at(TUESDAY, time(9, 30)) is None
    block = view.timeline.block_at(TUESDAY, time(14))
    assert block is not None and block.title == "Samtal"
    assert view.model.rowCount() == 1
    assert view.timeline.accessibleName() == "Veckoschema för Lilla rummet"

    view.choose_room(ALL_ROOMS)
    assert view.free_table.isVisible() and not view.timeline.isVisible()
    model = view.free_model
    ModelTester(None).check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Konferensrummet", "Lilla rummet"]
    assert model.headerData(2, Qt.Orientation.Horizontal) == "tis 24 nov"
    assert model.index(0, 2).data() == "08:00–09:00, 10:00–17:00"
    assert model.index(1, 2).data() == "08:00–13:00, 15:30–17:00"
    assert model.index(1, 1).data() == "08:00–17:00"
    assert model.index(1, 2).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Lilla rummet, tis 24 nov 2026: ledigt 08:00–13:00, 15:30–17:00"
    )

    # Choosing a day in a room opens that room's week, with the focus on that day.
    view.free_table.setCurrentIndex(model.index(1, 2))
    view.free_table.setFocus()
    qtbot.keyClick(view.free_table, Qt.Key.Key_Return)
    assert view.room is not None and view.room.id == small_room.id
    assert view.timeline.isVisible() and view.timeline.focus_cell[0] == 1
    # The choice survives a reload (someone books elsewhere).
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.ctx.notify_changed()
    assert view.room is not None and view.room.id == small_room.id


def test_one_room_needs_no_picker(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    view = shown_room_view(qtbot, make_ctx(gui_office.anna))
    assert not view.room_combo.isVisible() and view.room_label.isVisible()
    assert view.room_combo.count() == 1


def test_booking_from_the_room_view_books_the_chosen_room(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    small_room: Resource,
    wait_idle: Callable[[], None],
) -> None:
    view = shown_room_view(qtbot, make_ctx(gui_office.anna))
    view.choose_room(small_room.id)
    view.open_booking_dialog(clk.local(TUESDAY, time(10)), clk.local(TUESDAY, time(11)))
    dialog = view.booking_dialog
    assert dialog is not None and dialog.room.id == small_room.id
    assert dialog.room_combo is None  # the week is the room's own
    wait_idle()
    dialog.title_edit.setText("Kort möte")
    dialog.participants_spin.setValue(5)  # more than the small room holds
    assert not dialog.book_button.isEnabled()
    assert dialog.participants_error.text() == "Högst 4 deltagare får plats i Lilla rummet; du angav 5."
    dialog.participants_spin.setValue(4)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    mine = gui_office.services.occupancy.bookings_of(gui_office.anna.id)
    assert [(b.resource_name, b.title) for b in mine] == [
        ("Konferensrummet", "Styrgrupp"),
        ("Lilla rummet", "Kort möte"),
    ]


def shown_day_view(qtbot: QtBot, ctx: AppContext, day: date) -> DayView:
    view = DayView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.navigator.set_date(day)
    return view


def test_the_day_view_shows_every_room_and_books_the_one_chosen(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    small_room: Resource,
    wait_idle: Callable[[], None],
) -> None:
    view = shown_day_view(qtbot, make_ctx(gui_office.reception), TUESDAY)
    assert view.rooms_free_label.text().splitlines() == [
        "Konferensrummet – ledigt: 08:00–09:00, 10:00–17:00",
        "Lilla rummet – ledigt: 08:00–13:00, 15:30–17:00",
    ]
    assert [view.room_model.index(r, 0).data() for r in range(view.room_model.rowCount())] == [
        "09:00–10:00 (Konferensrummet)",
        "13:00–15:30 (Lilla rummet)",
    ]
    assert "Konferensrum: 3,5 timmar bokade (Konferensrummet 1, Lilla rummet 2,5)" in view.totals_label.text()

    view.book_room_for()
    dialog = view.booking_dialog
    assert isinstance(dialog, RoomBookingDialog) and dialog.room_combo is not None
    assert [dialog.room_combo.itemText(i) for i in range(2)] == ["Konferensrummet", "Lilla rummet"]
    wait_idle()
    dialog.start_edit.setTime(dialog.start_edit.time().fromString("13:30", "HH:mm"))
    dialog.end_edit.setTime(dialog.end_edit.time().fromString("14:30", "HH:mm"))
    dialog.participants_spin.setValue(3)
    dialog.room_combo.setCurrentIndex(1)  # Lilla rummet is taken 13:00-15:30
    with qtbot.waitSignal(dialog.conflicts_checked, timeout=5000):
        pass
    assert dialog.windowTitle() == "Boka Lilla rummet"
    assert dialog.conflict_label.text() == "Krockar med 13:00–15:30 Samtal (Örnsköldsvik)"
    assert not dialog.book_button.isEnabled()
    dialog.room_combo.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.conflicts_checked, timeout=5000):
        pass
    assert dialog.conflicts() == [] and dialog.book_button.isEnabled()
    dialog.title_edit.setText("Extra")
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    day = gui_office.services.occupancy.day(TUESDAY, viewer_id=gui_office.reception.id)
    titles = {r.resource.name: [b.title for b in r.bookings] for r in day.rooms}
    assert titles == {"Konferensrummet": ["Styrgrupp", "Extra"], "Lilla rummet": ["Samtal"]}


def test_the_day_sheet_has_a_section_and_free_time_per_room(gui_office: Office, small_room: Resource) -> None:
    day = gui_office.services.occupancy.day(TUESDAY, viewer_id=gui_office.reception.id)
    html = day_sheet.day_sheet_html(day, "sv", gui_office.clock())
    big, small = html.split("<h3>Konferensrummet</h3>")[1].split("<h3>Lilla rummet</h3>")
    assert "Styrgrupp" in big and "Samtal" not in big and "Ledigt: 08:00–09:00, 10:00–17:00" in big
    assert "Samtal" in small and "Ledigt: 08:00–13:00, 15:30–17:00" in small
    assert "(Konferensrummet 1, Lilla rummet 2,5)" in small
