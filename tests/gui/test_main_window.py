"""The main window: which views each role sees, language, remembered view and geometry."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.main_window import MainWindow
from tests.conftest import Office


def test_a_user_sees_no_admin_or_reception_views(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    window = MainWindow(make_ctx(gui_office.anna))
    qtbot.addWidget(window)
    assert window.nav_keys() == ["book", "room", "mine", "rotation"]
    assert not window.view_actions["admin"].isVisible()
    assert not window.view_actions["day"].isVisible()


def test_receptionist_sees_the_day_view_and_admin_sees_everything(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    window = MainWindow(make_ctx(gui_office.reception))
    qtbot.addWidget(window)
    assert window.nav_keys() == ["book", "room", "mine", "day", "rotation"]
    window.ctx.set_person(gui_office.admin)
    assert window.nav_keys() == ["book", "room", "mine", "day", "rotation", "admin"]


def test_labels_in_swedish_and_english(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    sv = MainWindow(make_ctx(gui_office.admin, "sv"))
    qtbot.addWidget(sv)
    assert [sv.nav.item(i).text() for i in range(2)] == ["Boka plats", "Konferensrum"]
    assert sv.menuBar().actions()[0].text() == "&Arkiv"
    en = MainWindow(make_ctx(gui_office.admin, "en"))
    qtbot.addWidget(en)
    assert [en.nav.item(i).text() for i in range(2)] == ["Book a desk", "Conference room"]
    assert en.menuBar().actions()[0].text() == "&File"


def test_last_view_is_remembered(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    ctx = make_ctx(gui_office.anna)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show_view("rotation")
    window.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.current_key() == "rotation"


def test_the_room_on_the_floor_plan_opens_the_rooms_week(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    from datetime import date

    window = MainWindow(make_ctx(gui_office.anna))
    qtbot.addWidget(window)
    window.show()
    book = window.view("book")
    wait_idle()
    assert book.plan.room_item(gui_office.room.name) is not None  # type: ignore[attr-defined]
    book.navigator.set_date(date(2026, 12, 2))  # type: ignore[attr-defined]
    book.room_clicked.emit(gui_office.room)  # type: ignore[attr-defined]
    assert window.current_key() == "room"
    assert window.view("room").week_start() == date(2026, 11, 30)  # type: ignore[attr-defined]


def test_the_first_frame_shows_before_its_start_view_which_follows_in_later_turns(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    """The app's window (issue 18): title, menus and the list of views at once, the start view
    chosen in the list; the view itself a few event-loop turns later, then showing the day."""
    window = MainWindow(make_ctx(gui_office.anna), first_frame=True)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Satellitkontoret – Umeåregionen"
    assert window.menuBar().actions()[0].text() == "&Arkiv"
    assert window.nav_keys() == ["book", "room", "mine", "rotation"]
    assert window.nav.currentItem().text() == "Boka plats"
    assert "book" not in window.views and window.current_key() is None
    made: list[str] = []
    window.view_made.connect(made.append)
    built: list[bool] = []
    window.build_start_view(done=lambda: built.append(True))
    assert "book" not in window.views  # nothing before the event loop turns
    qtbot.waitUntil(lambda: bool(built), timeout=5_000)
    assert made == ["book"] and window.current_key() == "book"
    book = window.views["book"]
    assert window.stack.currentWidget() is book and book.isVisible()
    wait_idle()
    assert book.model.rowCount() == len(gui_office.desks)  # type: ignore[attr-defined]


def test_a_view_chosen_during_the_first_frame_is_built_at_once(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    window = MainWindow(make_ctx(gui_office.anna), first_frame=True)
    qtbot.addWidget(window)
    window.show()
    window.show_view("rotation")
    assert window.current_key() == "rotation" and window.views["rotation"].isVisible()
    built: list[bool] = []
    window.build_start_view(done=lambda: built.append(True))  # what the app had already asked for
    qtbot.waitUntil(lambda: bool(built), timeout=5_000)
    assert window.current_key() == "rotation" and "book" not in window.views
