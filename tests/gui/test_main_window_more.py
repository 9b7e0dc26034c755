"""The main window as a new user meets it: the first size fits a small screen with its title bar,
the demo office is offered only to an empty database, "Byt användare…" starts at the one who uses
the app, the remembered view survives a start, and Ctrl+4 hands the keyboard to the view."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.identity_dialog import IdentityDialog
from satellitkontor.gui.main_window import MainWindow, default_size
from tests.conftest import Office

TITLE_BAR = 31  # Windows 11 at 100 %


@pytest.mark.parametrize(
    ("screen", "task_bar"), [((1366, 768), 40), ((1366, 768), 0), ((1280, 720), 48), ((1920, 1080), 48)]
)
def test_first_window_fits_the_screen_with_its_title_bar(screen: tuple[int, int], task_bar: int) -> None:
    width, height = screen
    size = default_size(QSize(width, height - task_bar))
    assert size.height() + TITLE_BAR + 8 <= height - task_bar
    assert size.width() <= width
    assert size.width() >= 960 or width < 1000


def test_demo_office_is_not_offered_on_a_full_database(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    window = MainWindow(make_ctx(gui_office.anna))
    qtbot.addWidget(window)
    assert not window.demo_action.isVisible()
    window.ctx.office_empty = True  # as the app says when it opened a database with nobody in it
    window.ctx.set_person(None, remember=False)
    assert window.demo_action.isVisible()


def test_switch_user_starts_at_the_current_person(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    ctx = make_ctx(gui_office.cecilia)
    dialog = IdentityDialog(ctx, gui_office.services.office.people())
    qtbot.addWidget(dialog)
    assert dialog.people_box.currentData() == gui_office.cecilia.id


def test_day_views_person_follows_a_switch_of_user(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    wait_idle: Callable[[], None],
) -> None:
    ctx = make_ctx(gui_office.reception)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_view("day")
    wait_idle()
    chooser = window.view("day").person_chooser  # type: ignore[attr-defined]
    assert chooser.person_id() == gui_office.reception.id
    ctx.set_person(gui_office.admin)
    wait_idle()
    assert chooser.person_id() == gui_office.admin.id
    assert "(jag)" in chooser.currentText()


def test_a_remembered_view_the_person_is_not_yet_known_for_survives(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    ctx = make_ctx(gui_office.anna)  # at start nobody may see Dagsöversikt yet
    ctx.settings.last_view = "day"
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.current_key() == "book"
    assert ctx.settings.last_view == "day"
    ctx.set_person(gui_office.reception)  # the receptionist is known
    assert window.current_key() == "day"
    window.show_view("rotation")
    assert ctx.settings.last_view == "rotation"


def test_ctrl_4_gives_the_keyboard_to_the_day_view(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    window = MainWindow(make_ctx(gui_office.reception))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.nav.setFocus()
    window.view_actions["day"].trigger()
    wait_idle()
    day = window.view("day")
    focus = QApplication.focusWidget()
    assert focus is not None and day.isAncestorOf(focus)


def test_view_menu_items_have_mnemonics(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    window = MainWindow(make_ctx(gui_office.admin))
    qtbot.addWidget(window)
    texts = [a.text() for a in window.view_actions.values()]
    assert all("&" in t for t in texts)
    keys = [t[t.index("&") + 1].lower() for t in texts]
    assert len(set(keys)) == len(keys)
