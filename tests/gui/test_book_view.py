"""Boka plats: the floor plan and the list show the day's desks; clicking or Enter books one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.people import Person
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.desk_day_model import COL_AFTERNOON, COL_MORNING, STATE_ROLE
from satellitkontor.gui.views.book_view import BookView
from tests.conftest import MONDAY, Office

CHRISTMAS = date(2026, 12, 25)


def open_view(qtbot: QtBot, ctx: AppContext) -> BookView:
    view = BookView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    return view


def desk_point(view: BookView, name: str) -> QPoint:
    item = view.plan.desk_item(name)
    return view.plan.mapFromScene(item.sceneBoundingRect().center())


def book(office: Office, person: Person, desk: int, period: DeskPeriod, day: date = MONDAY) -> None:
    office.services.booking.book_desk(person.id, office.desk(desk).id, day, period, for_person_id=None)


def test_clicking_a_desk_books_the_morning_and_the_plan_says_so(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    view = open_view(qtbot, make_ctx(gui_office.anna))
    assert view.navigator.date() == MONDAY
    assert view.plan.desk_item("Plats 1").state_text() == "Ledig"
    assert view.summary_label.text() == "8 av 8 platser lediga"

    qtbot.mouseClick(view.plan.viewport(), Qt.MouseButton.LeftButton, pos=desk_point(view, "Plats 1"))
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.desk.name == "Plats 1" and dialog.day == MONDAY
    dialog.period_buttons[DeskPeriod.MORNING].setChecked(True)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)

    desk = next(
        d
        for d in gui_office.services.occupancy.day(MONDAY, viewer_id=gui_office.admin.id).desks
        if d.resource.name == "Plats 1"
    )
    assert desk.state == "morning"
    assert [b.person_id for b in desk.bookings] == [gui_office.anna.id]
    assert view.plan.desk_item("Plats 1").state_text() == "FM: min bokning"  # Anna's own
    assert view.model.index(0, COL_MORNING).data() == "Min bokning"
    assert view.model.index(0, COL_AFTERNOON).data() == "Ledig"
    assert view.summary_label.text() == "7 av 8 platser lediga, 1 ledig en halvdag"
    assert view.table.currentIndex().row() == 0  # the clicked desk stays selected


def test_a_closed_day_says_why_and_offers_no_booking(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    view = open_view(qtbot, make_ctx(gui_office.anna))
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.navigator.set_date(CHRISTMAS)
    assert view.closed_banner.isVisible()
    assert view.closed_banner.text() == "Kontoret är stängt: Juldagen"
    # one message: the banner; no band across the plan, no second line by the date
    assert view.plan.closed_text() == ""
    assert not view.navigator.closed_label.isVisible()
    assert view.plan.room_item("Konferensrummet").meetings_item.text() == "Stängt"
    assert view.plan.desk_item("Plats 2").state_text() == "Stängt"
    assert view.model.index(1, COL_MORNING).data() == "Stängt"

    qtbot.mouseClick(view.plan.viewport(), Qt.MouseButton.LeftButton, pos=desk_point(view, "Plats 2"))
    assert view.dialog is None
    assert "stängt" in view.message_label.text()
    assert not view.book_button.isEnabled()

    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.navigator.step(1)  # to the next open day
    assert view.navigator.date() == date(2026, 12, 28)
    assert not view.closed_banner.isVisible()


def test_starts_at_the_next_open_day_when_today_is_closed(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    gui_office.clock.set_local(date(2026, 11, 28), time(10, 0))  # a Saturday
    view = open_view(qtbot, make_ctx(gui_office.anna))
    assert view.navigator.date() == date(2026, 11, 30)
    assert not view.closed_banner.isVisible()


def test_after_closing_time_starts_at_the_next_open_day(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    gui_office.clock.set_local(date(2026, 11, 27), time(16, 59))  # a Friday, before 17:00
    assert open_view(qtbot, make_ctx(gui_office.anna)).navigator.date() == date(2026, 11, 27)
    gui_office.clock.set_local(date(2026, 11, 27), time(17, 0))  # closed for the day: Monday next
    view = open_view(qtbot, make_ctx(gui_office.anna))
    assert view.navigator.date() == date(2026, 11, 30)
    assert not view.closed_banner.isVisible()
    assert "Ledig" in view.model.data(view.model.index(0, COL_MORNING))


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform and QToolTip
def test_hover_shows_the_bookers_municipality_and_names_only_to_staff(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    book(gui_office, gui_office.cecilia, 2, DeskPeriod.AFTERNOON)
    view = open_view(qtbot, make_ctx(gui_office.anna))
    assert view.plan.desk_item("Plats 2").state_text() == "EM upptagen"

    viewport = view.plan.viewport()
    pos = desk_point(view, "Plats 2")
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    shown = QToolTip.text()
    assert "Örnsköldsvik" in shown
    assert "Dockningsstation" in shown  # the equipment
    assert "Cecilia" not in shown
    QToolTip.hideText()

    staff = open_view(qtbot, make_ctx(gui_office.reception))
    assert "Cecilia Ek" in staff.plan.desk_item("Plats 2").toolTip()
    assert "Cecilia Ek" in staff.model.index(1, COL_AFTERNOON).data()


@pytest.mark.qt_log_ignore("does not support raise")  # the room's tooltip on the offscreen platform
def test_list_model_is_sound_and_says_what_the_plan_says(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, qtmodeltester: object
) -> None:
    book(gui_office, gui_office.bertil, 4, DeskPeriod.FULL_DAY)
    book(gui_office, gui_office.cecilia, 5, DeskPeriod.MORNING)
    gui_office.services.booking.book_room(
        gui_office.anna.id,
        gui_office.room.id,
        clk.local(MONDAY, time(9)),
        clk.local(MONDAY, time(10)),
        4,
        "Planering",
    )
    view = open_view(qtbot, make_ctx(gui_office.anna))
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    names = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert names == [f"Plats {n}" for n in range(1, 9)]
    states = {n: view.model.index(r, 0).data(STATE_ROLE) for r, n in enumerate(names)}
    assert states == {n: view.plan.desk_item(n).state_text() for n in names}
    assert states["Plats 4"] == "Full" and states["Plats 5"] == "FM upptagen"
    assert view.model.index(3, COL_MORNING).data() == "Upptagen – Vindeln"
    room = view.plan.room_item("Konferensrummet")
    assert room.meetings_text() == "1 möte"
    assert "09:00–10:00 Umeå" in room.toolTip()
    with qtbot.waitSignal(view.room_clicked, timeout=1000):
        pos = view.plan.mapFromScene(room.sceneBoundingRect().center())
        qtbot.mouseClick(view.plan.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert view.message_label.text() == "Konferensrummet: 1 möte"


def test_keyboard_booking_from_the_list_and_a_full_desk_is_refused(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    view = open_view(qtbot, make_ctx(gui_office.anna))
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(2, 0))
    assert view.book_button.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.dialog
    assert dialog is not None and dialog.desk.name == "Plats 3"
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)  # full day is the default
    assert view.plan.desk_item("Plats 3").state_text() == "Min bokning"  # Anna's own, all day
    assert view.table.currentIndex().row() == 2
    assert not view.book_button.isEnabled()
    booked = gui_office.services.occupancy.bookings_of(gui_office.anna.id)
    assert [(b.resource_name, b.desk_period) for b in booked] == [("Plats 3", DeskPeriod.FULL_DAY)]

    view.dialog = None
    qtbot.mouseClick(view.plan.viewport(), Qt.MouseButton.LeftButton, pos=desk_point(view, "Plats 3"))
    assert view.dialog is None
    assert view.message_label.text().startswith("Plats 3 är upptagen hela dagen")


def test_the_booker_checks_in_from_the_plan_on_the_day(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    """Issue 16: check-in by the booker from the plan; only on her own desk and only that day."""
    o = gui_office
    mine = o.services.booking.book_desk(o.anna.id, o.desk(3).id, MONDAY, DeskPeriod.FULL_DAY)
    o.services.booking.book_desk(o.bertil.id, o.desk(4).id, MONDAY, DeskPeriod.FULL_DAY)
    view = open_view(qtbot, make_ctx(o.anna))
    view.select_desk(o.desk(4).id)
    assert not view.check_in_button.isEnabled()  # not mine
    view.select_desk(o.desk(3).id)
    assert view.check_in_button.isEnabled()
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.check_in_button.click()
    checked = o.services.occupancy.booking(mine.id)
    assert checked is not None and checked.status.value == "checked_in"
    assert "Incheckad på Plats 3" in view.message_label.text()
    assert not view.check_in_button.isEnabled()  # done
