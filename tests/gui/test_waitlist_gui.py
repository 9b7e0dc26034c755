"""The waitlist in the app (issue 19): the button on a full day in Boka plats, the offer with
"Ta platsen" / "Avstå" in Mina bokningar, and the day's line in the reception's day view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.waitlist import WaitlistState
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.views.book_view import BookView
from satellitkontor.gui.views.day_view import DayView
from satellitkontor.gui.views.my_bookings_view import MyBookingsView
from tests.conftest import MONDAY, Office
from tests.gui.conftest import error_boxes
from tests.services.helpers import TUESDAY


def _full(o: Office, day=MONDAY) -> int:  # type: ignore[no-untyped-def]
    """Only Plats 1 and 2, both taken the whole ``day``; the admin's booking's id."""
    for desk in o.desks[2:]:
        o.services.office.update_resource(o.admin.id, desk.id, active=False)
    b = o.services.booking
    b.book_desk(o.reception.id, o.desk(2).id, day, DeskPeriod.FULL_DAY)
    return b.book_desk(o.admin.id, o.desk(1).id, day, DeskPeriod.FULL_DAY).id


def test_a_full_day_offers_the_waitlist_and_a_free_one_does_not(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    view = BookView(make_ctx(o.anna))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    assert not view.waitlist.isVisible()  # eight free desks

    _full(o)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.refresh()
    assert view.waitlist.isVisible() and view.waitlist.period is DeskPeriod.FULL_DAY
    assert view.waitlist.button.text() == "&Meddela mig om en plats blir ledig"
    view.waitlist.auto_book.setChecked(True)
    with qtbot.waitSignal(view.waitlist.joined, timeout=5000):
        qtbot.mouseClick(view.waitlist.button, Qt.MouseButton.LeftButton)
    assert view.message_label.text() == "Du står i kön mån 23 nov 2026, heldag: väntar, nummer 1 i kön."
    (entry,) = o.services.waitlist.mine(o.anna.id)
    assert entry.auto_book and entry.state is WaitlistState.WAITING

    qtbot.mouseClick(view.waitlist.button, Qt.MouseButton.LeftButton)  # twice: said, not boxed
    qtbot.waitUntil(lambda: "står redan i kön" in view.message_label.text(), timeout=5000)
    wait_idle()
    assert error_boxes() == []


def test_mina_bokningar_shows_the_offer_and_takes_it(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    o = gui_office
    admins = _full(o, TUESDAY)
    o.services.waitlist.join(o.anna.id, TUESDAY, DeskPeriod.MORNING)
    view = MyBookingsView(make_ctx(o.anna))
    qtbot.addWidget(view)
    view.resize(1100, 600)
    with qtbot.waitSignal(view.waitlist.loaded, timeout=5000):
        view.show()
    assert view.waitlist.isVisible() and not view.waitlist.take_button.isVisible()
    assert view.waitlist.list.item(0).text() == "tis 24 nov 2026, förmiddag: väntar, nummer 1 i kön"

    o.services.booking.cancel(o.admin.id, admins)
    with qtbot.waitSignal(view.waitlist.loaded, timeout=5000):
        view.refresh()
    offer = view.waitlist.offer_label.text()
    assert offer == (
        "Plats 1 är ledig tis 24 nov 2026, förmiddag och hålls åt dig till mån 23 nov 2026 09:30. Vill du ha den?"
    )
    assert view.waitlist.take_button.isVisible() and view.waitlist.decline_button.isVisible()
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        qtbot.mouseClick(view.waitlist.take_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.waitlist.take_button.isVisible(), timeout=5000)
    mine = [b for b in o.services.occupancy.bookings_of(o.anna.id, upcoming=True)]
    assert [(b.resource_name, b.desk_period, b.status) for b in mine] == [
        ("Plats 1", DeskPeriod.MORNING, BookingStatus.CONFIRMED)
    ]
    assert view.model.rowCount() == 1


def test_declining_in_the_app_passes_it_on_and_the_reception_sees_the_line(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    admins = _full(o)
    o.services.waitlist.join(o.anna.id, MONDAY, DeskPeriod.FULL_DAY)
    o.services.waitlist.join(o.bertil.id, MONDAY, DeskPeriod.AFTERNOON, auto_book=True)
    day = DayView(make_ctx(o.reception))
    qtbot.addWidget(day)
    day.resize(1280, 720)
    with qtbot.waitSignal(day.waitlist.loaded, timeout=5000):
        day.show()
    lines = [day.waitlist.list.item(i).text() for i in range(day.waitlist.list.count())]
    assert lines == [
        "1. Anna Andersson, mån 23 nov 2026, heldag: väntar, nummer 1 i kön",
        "2. Bertil Öberg, mån 23 nov 2026, eftermiddag (boka direkt): väntar, nummer 2 i kön",
    ]

    o.services.booking.cancel(o.admin.id, admins)
    mine = MyBookingsView(make_ctx(o.anna))
    qtbot.addWidget(mine)
    with qtbot.waitSignal(mine.waitlist.loaded, timeout=5000):
        mine.show()
    with qtbot.waitSignal(mine.waitlist.answered, timeout=5000):
        qtbot.mouseClick(mine.waitlist.decline_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert [e.state for e in o.services.waitlist.mine(o.bertil.id)] == [WaitlistState.BOOKED]
    with qtbot.waitSignal(day.waitlist.loaded, timeout=5000):
        day.refresh()
    lines = [day.waitlist.list.item(i).text() for i in range(day.waitlist.list.count())]
    assert lines == ["1. Bertil Öberg, mån 23 nov 2026, eftermiddag (boka direkt): bokad"]
