"""Every view, admin tab and dialog at 1280x720 and 1920x1080, in Swedish and English: no label,
button, tab or table header shows less text than it holds, and no widget lies outside its window
(tests/gui/clipping.py says how each is measured)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from satellitkontor.gui import theme
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.main_window import MainWindow
from tests.conftest import MONDAY, Office
from tests.gui.clipping import cells, problems

#: The window inside a screen of this size, less a title bar and a task bar.
SIZES = {"1280x720": (1280, 720 - 70), "1920x1080": (1920, 1080 - 70)}


def _busy_week(office: Office) -> None:
    """Bookings of several people today and this week, so views show names, own bookings and
    the room's meetings, not only empty tables."""
    import datetime as dt

    from satellitkontor.domain import clock as clk
    from satellitkontor.domain.bookings import DeskPeriod

    booking = office.services.booking
    today = MONDAY
    people = [office.admin, office.anna, office.cecilia, office.reception]
    for n, person in enumerate(people):
        booking.book_desk(person.id, office.desks[n].id, today, DeskPeriod.FULL_DAY)
    booking.book_desk(office.bertil.id, office.desks[6].id, today, DeskPeriod.MORNING)
    booking.book_room(
        office.admin.id,
        office.room.id,
        clk.local(today, dt.time(13)),
        clk.local(today, dt.time(14, 30)),
        8,
        "Arbetsgrupp digitalisering Umeåregionen",
    )


@pytest.fixture(autouse=True)
def _the_apps_look(qapp: QApplication) -> Iterator[None]:
    """As the app starts (gui/app.py): its style, palette and spacing."""
    old_palette, old_style, old_sheet = qapp.palette(), qapp.style().name(), qapp.styleSheet()
    theme.apply(qapp, dark=False)
    yield
    qapp.setStyleSheet(old_sheet)
    qapp.setStyle(old_style)
    qapp.setPalette(old_palette)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_views_and_admin_tabs_show_their_texts_whole(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    wait_idle: Callable[[], None],
    size: str,
    lang: str,
) -> None:
    _busy_week(gui_office)
    window = MainWindow(make_ctx(gui_office.admin, lang))
    qtbot.addWidget(window)
    window.resize(*SIZES[size])
    window.show()
    found: list[str] = []
    for key in window.nav_keys():
        window.show_view(key)
        wait_idle()
        qtbot.wait(20)
        found += [f"{key}: {p}" for p in problems(window) + cells(window)]
        tabs = getattr(window.view(key), "tabs", None)
        if tabs is not None:
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                wait_idle()
                qtbot.wait(20)
                found += [f"{key}/{tabs.tabText(i)}: {p}" for p in problems(window) + cells(window)]
    assert not sorted(set(found)), "\n".join(sorted(set(found)))
