"""Konferensrum: the week timeline, choosing time by drag, click and keys, closed days, the list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

from PySide6.QtCore import QPoint, Qt, QTime
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingView
from satellitkontor.domain.people import Person
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.room_week_model import (
    COL_BOOKED_BY,
    COL_MUNICIPALITY,
    COL_PARTICIPANTS,
    COL_TITLE,
    RoomWeekModel,
)
from satellitkontor.gui.views.room_view import RoomView
from tests.conftest import MONDAY, Office

TUESDAY = MONDAY + timedelta(days=1)
WEDNESDAY = MONDAY + timedelta(days=2)
CHRISTMAS_WEEK = date(2026, 12, 21)


def shown_view(qtbot: QtBot, ctx: AppContext) -> RoomView:
    view = RoomView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 720)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    return view


def book_meeting(
    office: Office, person: Person, day: date, start: time, end: time, title: str
) -> BookingView:
    return office.services.booking.book_room(
        person.id, office.room.id, clk.local(day, start), clk.local(day, end), 6, title
    )


def drag(qtbot: QtBot, view: RoomView, day: date, first: time, last: time) -> None:
    """Press on the slot starting at ``first`` and let go on the slot starting at ``last``."""
    tl = view.timeline
    start, stop = tl.point_for(day, first), tl.point_for(day, last)
    qtbot.mousePress(tl, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(tl, QPoint(start.x(), (start.y() + stop.y()) // 2))
    qtbot.mouseMove(tl, stop)
    qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, pos=stop)


def test_drag_books_the_room_and_the_meeting_appears(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    view = shown_view(qtbot, make_ctx(gui_office.anna))
    assert view.week_start() == MONDAY
    drag(qtbot, view, TUESDAY, time(10, 0), time(11, 15))  # the last slot is 11:15-11:30
    dialog = view.booking_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.start_edit.time() == QTime(10, 0)
    assert dialog.end_edit.time() == QTime(11, 30)
    wait_idle()
    dialog.title_edit.setText("Planering")
    dialog.participants_spin.setValue(4)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    mine = gui_office.services.occupancy.bookings_of(gui_office.anna.id)
    assert [(b.title, b.participants, b.start, b.end) for b in mine] == [
        ("Planering", 4, clk.local(TUESDAY, time(10)), clk.local(TUESDAY, time(11, 30)))
    ]
    block = view.timeline.block_at(TUESDAY, time(10, 30))
    assert block is not None and block.title == "Planering"
    lines = view.timeline.block_lines(block)
    assert lines[:3] == ["Min bokning", "10:00–11:30", "Planering"]
    assert "4 pers." in lines[3]
    assert view.model.rowCount() == 1
    assert view.model.index(0, COL_TITLE).data() == "Planering (min bokning)"


def test_click_on_free_time_chooses_an_hour_and_keys_work_too(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    book_meeting(gui_office, gui_office.cecilia, WEDNESDAY, time(14, 30), time(15, 30), "Möte")
    view = shown_view(qtbot, make_ctx(gui_office.anna))
    qtbot.mouseClick(
        view.timeline, Qt.MouseButton.LeftButton, pos=view.timeline.point_for(WEDNESDAY, time(9, 15))
    )
    dialog = view.booking_dialog
    assert dialog is not None
    assert (dialog.start_edit.time(), dialog.end_edit.time()) == (QTime(9, 15), QTime(10, 15))
    dialog.reject()
    assert view.booking_dialog is None
    # An hour from 14:00 stops where the next meeting starts.
    qtbot.mouseClick(
        view.timeline, Qt.MouseButton.LeftButton, pos=view.timeline.point_for(WEDNESDAY, time(14))
    )
    dialog = view.booking_dialog
    assert dialog is not None
    assert (dialog.start_edit.time(), dialog.end_edit.time()) == (QTime(14, 0), QTime(14, 30))
    dialog.reject()
    # Keyboard: the focus slot moves with the arrows, Shift+Down widens, Enter opens the dialog.
    view.timeline.setFocus()
    view.timeline.focus_cell = (0, 4)  # Monday 09:00
    qtbot.keyClick(view.timeline, Qt.Key.Key_Right)  # Tuesday
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down)  # 09:15
    assert "tis 24 nov 2026 09:15" in view.timeline.accessibleDescription()
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view.timeline, Qt.Key.Key_Return)
    dialog = view.booking_dialog
    assert dialog is not None
    assert (dialog.start_edit.time(), dialog.end_edit.time()) == (QTime(9, 15), QTime(10, 0))
    assert dialog.day == TUESDAY


def test_click_on_a_meeting_shows_it_and_opens_no_dialog(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    book_meeting(gui_office, gui_office.cecilia, WEDNESDAY, time(13), time(14), "Styrelsemöte")
    view = shown_view(qtbot, make_ctx(gui_office.anna))
    qtbot.mouseClick(
        view.timeline, Qt.MouseButton.LeftButton, pos=view.timeline.point_for(WEDNESDAY, time(13, 15))
    )
    assert view.booking_dialog is None
    status = view.status_label.text()
    assert "Bokat" in status and "13:00–14:00" in status and "Örnsköldsvik" in status
    # names and titles of others' meetings are for the receptionist and admins only (domain/privacy.py)
    assert "Cecilia" not in status and "Styrelsemöte" not in status
    block = view.timeline.block_at(WEDNESDAY, time(13, 45))
    assert block is not None
    assert view.timeline.block_lines(block) == ["13:00–14:00", "Bokat", "6 pers. · Örnsköldsvik"]
    assert view.model.index(0, COL_BOOKED_BY).data() == ""
    assert view.table.isColumnHidden(COL_BOOKED_BY)


def test_staff_see_who_booked_and_cancelled_meetings_are_gone(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    kept = book_meeting(gui_office, gui_office.cecilia, TUESDAY, time(9), time(10), "Kvar")
    gone = book_meeting(gui_office, gui_office.bertil, TUESDAY, time(13), time(14), "Inställt")
    gui_office.services.booking.cancel(gui_office.bertil.id, gone.id)
    view = shown_view(qtbot, make_ctx(gui_office.reception))
    block = view.timeline.block_at(TUESDAY, time(9))
    assert block is not None and block.id == kept.id
    assert "Cecilia Ek" in view.timeline.block_lines(block)
    assert view.timeline.block_at(TUESDAY, time(13)) is None
    assert view.model.rowCount() == 1
    assert view.model.index(0, COL_BOOKED_BY).data() == "Cecilia Ek"
    assert not view.table.isColumnHidden(COL_BOOKED_BY)


def test_closed_days_are_named_and_cannot_be_chosen(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    view = shown_view(qtbot, make_ctx(gui_office.anna))
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.set_week(CHRISTMAS_WEEK + timedelta(days=2))  # any day of the week will do
    assert view.week_start() == CHRISTMAS_WEEK
    assert view.week_label.text() == "v. 52"
    tl = view.timeline
    assert tl.closed_name(date(2026, 12, 24)) == "Julafton"
    assert tl.closed_name(date(2026, 12, 25)) == "Juldagen"
    assert tl.closed_name(date(2026, 12, 23)) is None
    # Shaded: the closed column is painted grey, the open one white.
    image = tl.grab().toImage()
    closed_px = image.pixelColor(tl.slot_rect(date(2026, 12, 24), time(9)).topLeft() + QPoint(3, 3))
    open_px = image.pixelColor(tl.slot_rect(date(2026, 12, 23), time(9)).topLeft() + QPoint(3, 3))
    assert closed_px.lightness() < open_px.lightness()
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=tl.point_for(date(2026, 12, 24), time(10)))
    assert view.booking_dialog is None
    assert "Julafton" in view.status_label.text()
    drag(qtbot, view, date(2026, 12, 25), time(10), time(11))
    assert view.booking_dialog is None
    assert "Juldagen" in view.status_label.text()


def test_past_times_and_hours_after_closing_cannot_be_chosen(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    gui_office.clock.set_local(MONDAY, time(13, 5))
    view = shown_view(qtbot, make_ctx(gui_office.anna))
    tl = view.timeline
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=tl.point_for(MONDAY, time(10)))
    assert view.booking_dialog is None
    assert "redan varit" in view.status_label.text()
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=tl.point_for(TUESDAY, time(17, 15)))
    assert view.booking_dialog is None
    assert "08:00–17:00" in view.status_label.text()
    # 13:00 started five minutes ago: within the grace, still bookable.
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=tl.point_for(MONDAY, time(13)))
    assert view.booking_dialog is not None


def test_week_navigation(qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office) -> None:
    view = shown_view(qtbot, make_ctx(gui_office.anna))
    assert view.week_label.text() == "v. 48"
    assert view.dates_label.text() == "mån 23 nov 2026 – fre 27 nov 2026"
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.week_start() == date(2026, 11, 30)
    assert view.week_label.text() == "v. 49"
    assert view.timeline.week is not None and view.timeline.week.days[0] == date(2026, 11, 30)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        qtbot.mouseClick(view.this_week_button, Qt.MouseButton.LeftButton)
    assert view.week_start() == MONDAY
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    assert view.week_label.text() == "v. 47"
    assert view.empty_label.isVisible()


def test_room_week_model(qtmodeltester, gui_office: Office) -> None:  # type: ignore[no-untyped-def]
    a = book_meeting(gui_office, gui_office.anna, TUESDAY, time(9), time(10), "Avstämning")
    b = book_meeting(gui_office, gui_office.bertil, MONDAY, time(13), time(15), "")
    model = RoomWeekModel("sv")
    model.set_bookings([a, b], my_id=gui_office.anna.id, show_names=True)
    qtmodeltester.check(model)
    assert model.booking(0).id == b.id  # time order
    assert model.index(0, COL_TITLE).data() == "(utan rubrik)"
    assert model.index(1, COL_TITLE).data() == "Avstämning (min bokning)"
    assert model.index(0, COL_PARTICIPANTS).data() == "6 pers."
    assert model.index(0, COL_MUNICIPALITY).data() == "Vindeln"
    assert model.index(0, COL_BOOKED_BY).data() == "Bertil Öberg"
    model.set_bookings([], show_names=False)
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_drag_my_meeting_to_another_time_moves_it_and_a_conflict_leaves_it(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    """Issue 16: drag on the room week moves one's own meeting (one change, same booking)."""
    o = gui_office
    mine = book_meeting(o, o.anna, TUESDAY, time(9), time(10), "Styrgrupp")
    book_meeting(o, o.bertil, TUESDAY, time(13), time(14), "Annat möte")
    view = shown_view(qtbot, make_ctx(o.anna))
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        drag(qtbot, view, TUESDAY, time(9), time(11))
    moved = o.services.occupancy.booking(mine.id)
    assert moved is not None and (moved.start, moved.end) == (
        clk.local(TUESDAY, time(11)),
        clk.local(TUESDAY, time(12)),
    )
    assert moved.sequence == 1 and "flyttat" in view.status_label.text()

    drag(qtbot, view, TUESDAY, time(11), time(13))  # onto Bertil's meeting
    wait_idle()
    kept = o.services.occupancy.booking(mine.id)
    assert kept is not None and kept.start == clk.local(TUESDAY, time(11))
    assert "Konferensrummet är redan bokat" in view.status_label.text()
