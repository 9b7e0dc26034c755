"""On PostgreSQL the app is the person its database login is mapped to (issue 6): no "who are you?"
question, no "Byt användare", and the live updates reach it through row-level security too."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.people import Role
from satellitkontor.gui import i18n, operations
from satellitkontor.gui.app import DesktopApp
from satellitkontor.gui.dialogs.identity_dialog import IdentityDialog
from satellitkontor.gui.models.desk_day_model import COL_MORNING
from satellitkontor.gui.settings import AppSettings
from satellitkontor.gui.views.book_view import BookView
from satellitkontor.services.database_admin import grant_login
from satellitkontor.storage import pg_roles
from tests.conftest import MONDAY, MovableClock, Office, make_office
from tests.pg_logins import drop_logins, login_url, unique_login

pytestmark = pytest.mark.postgresql


@pytest.fixture
def anna_login(pg_url: str, clock: MovableClock) -> Iterator[tuple[Office, str]]:
    office = make_office(pg_url, clock)
    login = unique_login("anna")
    try:
        pg_roles.init_database(office.services.db)
        grant_login(office.services.db, login, email=office.anna.email, role=Role.USER)
        yield office, login
    finally:
        office.services.close()
        drop_logins(pg_url, [login])


def test_a_mapped_login_is_signed_in_without_the_identity_dialog(
    qtbot: QtBot, anna_login: tuple[Office, str], pg_url: str, clock: MovableClock, tmp_path: Path
) -> None:
    office, login = anna_login
    settings = AppSettings.at(str(tmp_path / "settings.ini"))
    url = login_url(pg_url, login)
    desktop = DesktopApp(settings, url, "sv", clock=clock)
    try:
        desktop.start()
        qtbot.waitUntil(lambda: desktop.ctx.person is not None, timeout=15_000)
        qtbot.waitUntil(lambda: operations.pending() == 0, timeout=10_000)
        ctx, window = desktop.ctx, desktop.window
        assert ctx.person is not None and ctx.person.id == office.anna.id
        assert ctx.login == login
        assert not any(
            isinstance(w, IdentityDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
        assert window.who_label.text() == "Anna Andersson, Umeå (användare)"
        assert not window.switch_action.isEnabled()
        assert window.switch_action.toolTip() == f"Du är inloggad i databasen som {login}"
        assert settings.person_id(url) is None  # the database says who; nothing to remember
        desktop.ask_identity()  # e.g. a stray shortcut: still no dialog
        assert not any(
            isinstance(w, IdentityDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )

        # Live through her own, restricted login: another PC books, her plan shows it.
        view = window.view("book")
        assert isinstance(view, BookView)
        qtbot.waitUntil(lambda: view._occupancy is not None, timeout=5000)
        row = view.model.row_of(office.desk(2).id)
        office.services.booking.book_desk(office.bertil.id, office.desk(2).id, MONDAY, DeskPeriod.MORNING)
        committed = time.monotonic()
        qtbot.waitUntil(
            lambda: "upptagen" in str(view.model.index(row, COL_MORNING).data()).lower(), timeout=1000
        )
        print(f"\ncommit -> book view as login {login}: {(time.monotonic() - committed) * 1000:.0f} ms")
    finally:
        desktop.window.close()
        desktop.ctx.close()
        i18n.install("sv")


def test_an_unmapped_login_asks_who_uses_the_app(
    qtbot: QtBot, pg_url: str, clock: MovableClock, tmp_path: Path
) -> None:
    """The superuser the tests connect as is mapped to nobody: the app asks, as on SQLite."""
    office = make_office(pg_url, clock)
    desktop = DesktopApp(AppSettings.at(str(tmp_path / "settings.ini")), pg_url, "sv", clock=clock)
    try:
        desktop.start()
        qtbot.waitUntil(
            lambda: any(
                isinstance(w, IdentityDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
            ),
            timeout=15_000,
        )
        assert desktop.ctx.login is None and desktop.window.switch_action.isEnabled()
    finally:
        desktop.window.close()
        desktop.ctx.close()
        office.services.close()
        i18n.install("sv")
