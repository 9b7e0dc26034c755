"""The server goes away (issue 6): the app says so, keeps showing the last state read-only, keeps
what the user typed, and comes back by itself.

The PostgreSQL server really goes away for the app: it connects through a TCP proxy
(tests/tcp_proxy.py) that the test cuts, which closes every connection the app holds and refuses
new ones, as a server that stopped or a network that broke would. The test's own connection goes
straight to the server and plays "another PC" meanwhile.

SQLite has no such natural outage (the file is local; moving it away leaves the open connections
reading the old file), so the SQLite side is covered by the change watch's own test
(tests/services/test_change_watch.py, the file gone and back) and by the stray-failure test below.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.gui import i18n
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.main_window import MainWindow
from satellitkontor.gui.models.desk_day_model import COL_AFTERNOON, COL_MORNING
from satellitkontor.gui.settings import AppSettings
from satellitkontor.gui.views.book_view import BookView
from satellitkontor.services.app_services import open_office
from tests.conftest import MONDAY, MovableClock, Office, make_office
from tests.gui.conftest import error_boxes
from tests.tcp_proxy import TcpProxy


@dataclass
class Outage:
    office: Office  # straight to the server: "another PC", and the truth afterwards
    proxy: TcpProxy
    ctx: AppContext  # this app, through the proxy


@pytest.fixture
def outage(
    qapp: QApplication, pg_url: str, clock: MovableClock, app_settings: AppSettings
) -> Iterator[Outage]:
    office = make_office(pg_url, clock)
    proxy = TcpProxy()
    proxy.restore()
    i18n.install("sv")
    url = proxy.url_for(pg_url)
    ctx = AppContext(app_settings, "sv", url)
    try:
        ctx.attach(open_office(url, clock=clock))
        ctx.set_person(office.anna)
        yield Outage(office, proxy, ctx)
    finally:
        ctx.close()
        proxy.cut()
        office.services.close()


def _cells(view: BookView) -> list[tuple[str, str]]:
    m = view.model
    return [
        (str(m.index(r, COL_MORNING).data()), str(m.index(r, COL_AFTERNOON).data()))
        for r in range(m.rowCount())
    ]


def _anna_on_desk_3(office: Office) -> list[DeskPeriod | None]:
    day = office.services.occupancy.day(MONDAY, viewer_id=office.admin.id)
    desk = next(d for d in day.desks if d.resource.id == office.desk(3).id)
    return [b.desk_period for b in desk.bookings if b.person_id == office.anna.id and b.status.holds_resource]


@pytest.mark.postgresql
def test_server_gone_read_only_with_the_input_kept_then_back_by_itself(
    qtbot: QtBot, outage: Outage, wait_idle: Callable[[], None]
) -> None:
    office, proxy, ctx = outage.office, outage.proxy, outage.ctx
    office.services.booking.book_desk(office.bertil.id, office.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    window.show_view("book")
    view = window.view("book")
    assert isinstance(view, BookView)
    qtbot.waitUntil(lambda: view._occupancy is not None, timeout=5000)
    wait_idle()
    banner = window.offline_banner
    assert not banner.isVisible()
    before = _cells(view)
    assert before[0][0].startswith("Upptagen")  # Bertil on Plats 1

    # Anna starts booking Plats 3 for the afternoon …
    view.select_desk(office.desk(3).id)
    view.book_button.click()
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.period_buttons[DeskPeriod.AFTERNOON].setChecked(True)

    # … the server goes away, and she presses Boka before the app has noticed.
    proxy.cut()
    cut_at = time.monotonic()
    dialog.book_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and dialog.form.isEnabled(), timeout=5000)
    assert dialog.error_label.text().startswith("Det gick inte att spara: programmet har ingen kontakt")
    assert dialog.isVisible() and dialog.period() is DeskPeriod.AFTERNOON  # her input is there
    assert _anna_on_desk_3(office) == []  # and nothing was saved

    qtbot.waitUntil(banner.isVisible, timeout=5000)
    noticed = time.monotonic() - cut_at
    assert not ctx.online
    assert "Du ser läget från kl." in banner.text.text() and "kan inte boka" in banner.text.text()
    # Read-only: what writes is disabled, and says why.
    assert not view.book_button.isEnabled() and not dialog.book_button.isEnabled()
    assert "ingen kontakt med databasen" in view.book_button.toolTip()
    assert not view.navigator.isEnabled()  # another day cannot be loaded
    # The last state stays: a reload attempt (F5) blanks nothing and shows no error box.
    ctx.notify_changed()
    wait_idle()
    assert _cells(view) == before
    assert error_boxes() == []
    assert banner.isVisible()

    # Meanwhile another PC books Plats 5 (straight to the server).
    office.services.booking.book_desk(office.cecilia.id, office.desk(5).id, MONDAY, DeskPeriod.FULL_DAY)
    proxy.restore()
    restored_at = time.monotonic()
    banner.retry_button.click()  # "Försök nu" (without it the app retries within 5 s by itself)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=8000)
    back = time.monotonic() - restored_at
    assert ctx.online
    row5 = view.model.row_of(office.desk(5).id)
    qtbot.waitUntil(lambda: _cells(view)[row5][0].startswith("Upptagen"), timeout=3000)  # reloaded

    # The dialog works again, with her afternoon still chosen; this time it is saved.
    assert dialog.book_button.isEnabled() and dialog.period() is DeskPeriod.AFTERNOON
    assert "tillbaka" in dialog.error_label.text()
    dialog.book_button.click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=5000)  # saved, closed
    assert _anna_on_desk_3(office) == [DeskPeriod.AFTERNOON]
    row3 = view.model.row_of(office.desk(3).id)
    qtbot.waitUntil(lambda: _cells(view)[row3][1] == "Min bokning", timeout=3000)
    assert error_boxes() == []
    print(f"\nserver cut -> banner: {noticed * 1000:.0f} ms; restored -> banner gone: {back * 1000:.0f} ms")


@pytest.mark.postgresql
def test_the_app_reconnects_without_being_asked(
    qtbot: QtBot, outage: Outage, wait_idle: Callable[[], None]
) -> None:
    """No "Försök nu": the watch's own retries (0.5 s, 1 s, 2 s …) bring it back."""
    ctx, proxy = outage.ctx, outage.proxy
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle()
    proxy.cut()
    qtbot.waitUntil(window.offline_banner.isVisible, timeout=5000)
    qtbot.wait(1200)  # down for a while: the watch has failed a few times and backs off
    proxy.restore()
    qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=7000)
    assert ctx.online


def test_a_stray_failure_goes_offline_and_the_probe_brings_it_back(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    """A call that failed with DatabaseUnavailable while the watch is fine: read-only until a
    probe reaches the database (here at once: the SQLite file is there). What the view wanted
    meanwhile (a desk selected: Boka enabled) holds when it is back."""
    ctx = make_ctx(gui_office.anna)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    view = window.view("book")
    assert isinstance(view, BookView)
    qtbot.waitUntil(lambda: view._occupancy is not None, timeout=5000)
    wait_idle()
    assert not view.book_button.isEnabled()  # nothing selected yet
    ctx.connection_lost()
    assert window.offline_banner.isVisible() and not ctx.online
    view.select_desk(gui_office.desk(2).id)  # the view enables Boka: the guard keeps it off
    assert not view.book_button.isEnabled()
    qtbot.waitUntil(lambda: ctx.online, timeout=3000)
    assert not window.offline_banner.isVisible()
    assert view.book_button.isEnabled()
    assert view.book_button.toolTip() == "Boka den valda platsen (Enter i listan)"
