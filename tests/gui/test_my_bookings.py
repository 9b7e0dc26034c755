"""Mina bokningar: my coming and past bookings, cancelling one or a series, the .ics export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, BookingView, DeskPeriod
from satellitkontor.domain.people import Person
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.my_bookings_model import (
    DATE,
    PARTICIPANTS,
    PLACE,
    SERIES,
    STATUS,
    TIME,
    TITLE,
    MyBookingsModel,
)
from satellitkontor.gui.views.my_bookings_view import PAST_TAB, MyBookingsView
from tests.conftest import MONDAY, MovableClock, Office
from tests.gui.conftest import error_boxes

TUESDAY = date(2026, 11, 24)
WEDNESDAY = date(2026, 11, 25)


def dec(day: int) -> date:
    return date(2026, 12, day)


def open_view(qtbot: QtBot, ctx: AppContext) -> MyBookingsView:
    view = MyBookingsView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    return view


def column(view: MyBookingsView, col: int) -> list[str]:
    return [view.model.index(r, col).data() for r in range(view.model.rowCount())]


def book_room(office: Office, person: Person, day: date, start: int, end: int, title: str) -> BookingView:
    return office.services.booking.book_room(
        person.id, office.room.id, clk.local(day, time(start)), clk.local(day, time(end)), 3, title
    )


def status_of(office: Office, booking_id: int) -> BookingStatus:
    view = office.services.occupancy.booking(booking_id)
    assert view is not None
    return view.status


def answer(qtbot: QtBot, view: MyBookingsView, button: QMessageBox.StandardButton) -> None:
    box = view.confirm_box
    assert box is not None and box.isVisible()
    if button is QMessageBox.StandardButton.Yes:
        with qtbot.waitSignal(view.data_loaded, timeout=5000):
            box.button(button).click()
    else:
        box.button(button).click()


def test_lists_my_coming_bookings_soonest_first_and_not_others(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    booking, anna = gui_office.services.booking, gui_office.anna
    booking.book_desk(anna.id, gui_office.desk(3).id, WEDNESDAY, DeskPeriod.MORNING)
    book_room(gui_office, anna, TUESDAY, 10, 11, "Styrgrupp för älvstråket")
    booking.book_desk(gui_office.bertil.id, gui_office.desk(5).id, TUESDAY, DeskPeriod.FULL_DAY)
    booking.book_series(
        anna.id, gui_office.desk(2).id, Recurrence.weekly(dec(1), {1}, count=1), period=DeskPeriod.AFTERNOON
    )

    view = open_view(qtbot, make_ctx(anna))

    assert column(view, DATE) == ["tis 24 nov 2026", "ons 25 nov 2026", "tis 1 dec 2026"]
    assert column(view, TIME) == ["10:00–11:00", "förmiddag", "eftermiddag"]
    assert column(view, PLACE) == ["Konferensrummet", "Plats 3", "Plats 2"]
    assert column(view, TITLE) == ["Styrgrupp för älvstråket", "", ""]
    assert column(view, PARTICIPANTS) == ["3", "", ""]
    assert column(view, STATUS) == ["bokad", "bokad", "bokad"]
    assert [bool(s) for s in column(view, SERIES)] == [False, False, True]
    assert "Plats 5" not in column(view, PLACE)  # Bertil's
    assert view.table.isVisible() and not view.empty_label.isVisible()


def test_empty_state_says_where_to_book(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    gui_office.services.booking.book_desk(
        gui_office.bertil.id, gui_office.desk(1).id, TUESDAY, DeskPeriod.MORNING
    )
    view = open_view(qtbot, make_ctx(gui_office.anna))
    assert view.empty_label.isVisible() and not view.table.isVisible()
    assert view.empty_label.text() == "Du har inga kommande bokningar. Boka en plats under Boka plats."
    assert not view.cancel_button.isEnabled()


def test_cancel_one_booking_after_confirming(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    anna = gui_office.anna
    keep = gui_office.services.booking.book_desk(anna.id, gui_office.desk(1).id, TUESDAY, DeskPeriod.MORNING)
    gone = book_room(gui_office, anna, WEDNESDAY, 13, 14, "Möte med Åsa")
    view = open_view(qtbot, make_ctx(anna))
    view.select_row(view.model.row_of(gone.id))

    view.cancel_button.click()
    assert view.confirm_box is not None
    assert "Konferensrummet, ons 25 nov 2026, 13:00–14:00" in view.confirm_box.text()
    answer(qtbot, view, QMessageBox.StandardButton.No)  # "Behåll bokningen": nothing happens
    qtbot.wait(50)
    assert status_of(gui_office, gone.id) is BookingStatus.CONFIRMED

    view.cancel_button.click()
    answer(qtbot, view, QMessageBox.StandardButton.Yes)

    assert column(view, PLACE) == ["Plats 1"]
    assert status_of(gui_office, gone.id) is BookingStatus.CANCELLED
    assert status_of(gui_office, keep.id) is BookingStatus.CONFIRMED
    assert view.status_label.text().startswith("Avbokat: Konferensrummet, ons 25 nov 2026")


def test_delete_key_and_context_menu_ask_to_cancel(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    anna = gui_office.anna
    gui_office.services.booking.book_desk(anna.id, gui_office.desk(1).id, TUESDAY, DeskPeriod.MORNING)
    view = open_view(qtbot, make_ctx(anna))
    assert [a.text() for a in view.table.actions() if not a.isSeparator()] == [
        "Än&dra…",
        "Checka &in",
        "Av&boka",
        "Avboka s&erien",
        "Avboka &flera dagar…",
        "E&xportera till kalender (.ics)…",
    ]
    view.select_row(0)
    view.activateWindow()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.confirm_box is not None and view.confirm_box.isVisible()
    assert "Plats 1, tis 24 nov 2026, förmiddag" in view.confirm_box.text()


def test_cancel_a_series_from_a_day_keeps_the_earlier_ones(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    anna = gui_office.anna
    result = gui_office.services.booking.book_series(
        anna.id, gui_office.desk(4).id, Recurrence.weekly(TUESDAY, {1}, count=4), period=DeskPeriod.MORNING
    )
    assert [b.day for b in result.booked] == [TUESDAY, dec(1), dec(8), dec(15)]
    view = open_view(qtbot, make_ctx(anna))
    view.select_row(column(view, DATE).index("tis 8 dec 2026"))
    assert view.cancel_series_button.isEnabled()

    view.cancel_series_button.click()
    assert view.confirm_box is not None and "från och med tis 8 dec 2026" in view.confirm_box.text()
    answer(qtbot, view, QMessageBox.StandardButton.Yes)

    assert column(view, DATE) == ["tis 24 nov 2026", "tis 1 dec 2026"]
    statuses = [status_of(gui_office, b.id) for b in result.booked]
    assert statuses == [BookingStatus.CONFIRMED] * 2 + [BookingStatus.CANCELLED] * 2
    assert (
        view.status_label.text() == "2 bokningar i serien på Plats 4 avbokades från och med tis 8 dec 2026."
    )


def test_a_past_booking_cannot_be_cancelled(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, clock: MovableClock
) -> None:
    anna = gui_office.anna
    today = gui_office.services.booking.book_desk(anna.id, gui_office.desk(2).id, MONDAY, DeskPeriod.MORNING)
    view = open_view(qtbot, make_ctx(anna))
    assert column(view, PLACE) == ["Plats 2"]
    view.select_row(0)

    clock.set_local(MONDAY, time(13))  # the morning is over, the list on screen is not reloaded yet
    view.cancel_button.click()
    answer(qtbot, view, QMessageBox.StandardButton.Yes)
    assert [b.text() for b in error_boxes()] == [
        f"Bokningen {today.id} är redan passerad och kan inte ändras."
    ]
    assert column(view, PLACE) == []  # reloaded: the morning is over
    assert view.confirm_box is None
    error_boxes()[0].close()

    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.tabs.setCurrentIndex(PAST_TAB)
    assert column(view, PLACE) == ["Plats 2"]
    view.select_row(0)
    view.cancel_button.click()
    assert view.confirm_box is None  # no question: it is simply not possible
    assert [b.text() for b in error_boxes()] == [
        f"Bokningen {today.id} är redan passerad och kan inte ändras."
    ]
    assert status_of(gui_office, today.id) is BookingStatus.CONFIRMED


def test_past_tab_is_latest_first(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, clock: MovableClock
) -> None:
    anna, booking = gui_office.anna, gui_office.services.booking
    booking.book_desk(anna.id, gui_office.desk(1).id, TUESDAY, DeskPeriod.MORNING)
    booking.book_desk(anna.id, gui_office.desk(1).id, WEDNESDAY, DeskPeriod.MORNING)
    clock.set_local(date(2026, 11, 27), time(9))
    view = open_view(qtbot, make_ctx(anna))
    assert view.empty_label.isVisible()
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.tabs.setCurrentIndex(PAST_TAB)
    assert column(view, DATE) == ["ons 25 nov 2026", "tis 24 nov 2026"]


def test_export_writes_an_ics_file_with_the_same_uids(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, tmp_path: Path
) -> None:
    bertil = gui_office.bertil
    desk = gui_office.services.booking.book_desk(
        bertil.id, gui_office.desk(3).id, TUESDAY, DeskPeriod.MORNING
    )
    room = book_room(gui_office, bertil, WEDNESDAY, 9, 11, "Samråd om Vännäs–Umeå")
    book_room(gui_office, gui_office.anna, TUESDAY, 13, 14, "Annas möte")
    view = open_view(qtbot, make_ctx(bertil))
    path = tmp_path / "bertils bokningar.ics"

    with qtbot.waitSignal(view.exported, timeout=5000) as sent:
        view.export_ics(path)

    assert sent.args == [str(path), 2]
    cal = Calendar.from_ical(path.read_bytes())
    assert str(cal["X-WR-CALNAME"]) == "Satellitkontoret – Bertil Öberg"
    events = {str(e["UID"]): e for e in cal.events}
    assert set(events) == {desk.uid, room.uid}
    assert str(events[desk.uid]["SUMMARY"]) == "Plats 3 – Bertil Öberg (Vindeln)"
    assert (
        str(events[room.uid]["SUMMARY"]) == "Konferensrummet – Samråd om Vännäs–Umeå – Bertil Öberg (Vindeln)"
    )
    assert str(events[room.uid]["LOCATION"]) == "Umeåregionens satellitkontor, Konferensrummet"
    start = events[room.uid]["DTSTART"]
    assert start.params["TZID"] == "Europe/Stockholm"
    assert events[room.uid].decoded("DTSTART") == clk.to_local(room.start)
    assert events[room.uid].decoded("DTSTART").hour == 9
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Stockholm"]
    assert view.status_label.text() == "2 bokningar sparades i bertils bokningar.ics."


def test_export_to_an_unwritable_place_says_so(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    tmp_path: Path,
    wait_idle: Callable[[], None],
) -> None:
    view = open_view(qtbot, make_ctx(gui_office.anna))
    view.export_ics(tmp_path / "saknas" / "mina.ics")
    wait_idle()
    texts = [b.text() for b in error_boxes()]
    assert len(texts) == 1 and texts[0].startswith("Kalenderfilen ") and "kunde inte sparas" in texts[0]


def test_english_labels(qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office) -> None:
    anna = gui_office.anna
    gui_office.services.booking.book_desk(anna.id, gui_office.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    view = open_view(qtbot, make_ctx(anna, "en"))
    assert column(view, DATE) == ["Tue 24 Nov 2026"]
    assert column(view, TIME) == ["full day"]
    assert column(view, STATUS) == ["booked"]


def test_model_passes_qtmodeltester(qtmodeltester, gui_office: Office) -> None:  # type: ignore[no-untyped-def]
    anna, booking = gui_office.anna, gui_office.services.booking
    booking.book_desk(anna.id, gui_office.desk(1).id, TUESDAY, DeskPeriod.MORNING)
    book_room(gui_office, anna, WEDNESDAY, 10, 11, "Rådslag")
    booking.book_series(
        anna.id, gui_office.desk(2).id, Recurrence.weekly(dec(1), {1}, count=2), period=DeskPeriod.FULL_DAY
    )
    model = MyBookingsModel("sv")
    model.set_bookings(gui_office.services.occupancy.bookings_of(anna.id))
    assert model.rowCount() == 4
    qtmodeltester.check(model)
    assert model.headerData(PLACE, Qt.Orientation.Horizontal) == "Plats/rum"
    assert model.index(2, SERIES).data(Qt.ItemDataRole.ToolTipRole) == "Ingår i en serie"
    model.set_bookings([])
    qtmodeltester.check(model)
