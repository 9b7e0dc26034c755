"""Empty lists say what to do: Mina bokningar with nothing booked offers a way to Boka plats,
Dagsöversikt's empty conference room offers to book it, a search in Ändringslogg that finds
nothing says how to widen it, and Statistik for a year without bookings says to choose another."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.main_window import MainWindow
from satellitkontor.gui.views.admin.audit_page import AuditPage
from satellitkontor.gui.views.admin.statistics_page import StatisticsPage
from satellitkontor.gui.views.admin_view import AdminView
from satellitkontor.gui.views.day_view import DayView
from tests.conftest import Office


def test_mina_bokningar_empty_leads_to_boka_plats(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    window = MainWindow(make_ctx(gui_office.anna))
    qtbot.addWidget(window)
    window.resize(1280, 650)
    window.show()
    window.show_view("mine")
    wait_idle()
    view = window.view("mine")
    empty = view.empty_label  # type: ignore[attr-defined]
    assert empty.isVisible() and "Boka en plats under Boka plats" in empty.text()
    assert empty.button is not None and empty.button.isVisible()
    assert empty.button.text().replace("&", "") == "Gå till Boka plats"
    empty.button.click()
    assert window.current_key() == "book"
    # Tidigare: nothing to go to, no button.
    window.show_view("mine")
    view.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    wait_idle()
    assert empty.isVisible() and not empty.button.isVisible()


def test_empty_conference_room_day_offers_to_book_it(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    view = DayView(make_ctx(gui_office.reception))
    qtbot.addWidget(view)
    view.resize(1280, 650)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    wait_idle()
    empty = view.room_empty_label
    assert empty.isVisible() and not view.room_table.isVisible()
    assert "boka rummet" in empty.text()
    assert empty.button is not None and empty.button.isVisible()
    with qtbot.waitSignal(view.book_room_action.triggered, timeout=1000):
        empty.button.click()


def test_audit_search_that_finds_nothing_says_how_to_widen_it(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    view = AdminView(make_ctx(gui_office.admin))
    qtbot.addWidget(view)
    view.resize(1280, 650)
    view.show()
    page = view.pages["audit"]
    assert isinstance(page, AuditPage)
    view.tabs.setCurrentWidget(page)
    wait_idle()
    page.text_edit.setText("ingen sådan text finns")
    qtbot.waitUntil(lambda: page.model.total == 0 and "Inga poster matchar" in page.count_label.text())
    assert "Ändra sökorden" in page.count_label.text()


def test_statistics_without_bookings_says_to_choose_another_period(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    page = StatisticsPage(make_ctx(gui_office.admin))
    qtbot.addWidget(page)
    page.resize(1280, 650)
    page.show()
    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.refresh()
    assert page.empty_label.isVisible()
    assert "Inga bokningar under hela året" in page.empty_label.text()
    assert "Välj ett annat år" in page.empty_label.text()
    from satellitkontor.domain.bookings import DeskPeriod
    from tests.conftest import MONDAY

    gui_office.services.booking.book_desk(
        gui_office.anna.id, gui_office.desk(1).id, MONDAY, DeskPeriod.FULL_DAY
    )
    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.refresh()
    assert not page.empty_label.isVisible()


def test_a_closed_day_does_not_offer_to_book_the_room(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    import datetime as dt

    from tests.conftest import MONDAY

    view = DayView(make_ctx(gui_office.reception))
    qtbot.addWidget(view)
    view.resize(1280, 650)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    wait_idle()
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.navigator.set_date(MONDAY - dt.timedelta(days=1))  # a Sunday
    empty = view.room_empty_label
    assert empty.isVisible() and "stängt" in empty.text()
    assert empty.button is not None and not empty.button.isVisible()
