"""Every dialog in Swedish and English: no label, button, tab or header shows less text than it
holds, its title fits its title bar, and no widget lies outside it (tests/gui/clipping.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.gui.context import AppContext
from tests.conftest import Office
from tests.gui.clipping import cells, problems, squashed, title

DAY = dt.date(2026, 12, 8)


@pytest.fixture(autouse=True)
def _the_apps_look(qapp: QApplication) -> Iterator[None]:
    """As the app starts (gui/app.py): its style, palette and stylesheet."""
    from satellitkontor.gui import theme

    old_palette, old_style, old_sheet = qapp.palette(), qapp.style().name(), qapp.styleSheet()
    theme.apply(qapp, dark=False)
    yield
    qapp.setStyleSheet(old_sheet)
    qapp.setStyle(old_style)
    qapp.setPalette(old_palette)


def _dialogs(ctx: AppContext, office: Office) -> dict[str, QDialog]:
    from satellitkontor.domain.resources import ResourceKind
    from satellitkontor.gui.dialogs.about_dialog import AboutDialog
    from satellitkontor.gui.dialogs.closure_dialog import ClosureDialog
    from satellitkontor.gui.dialogs.desk_booking_dialog import DeskBookingDialog
    from satellitkontor.gui.dialogs.erase_person_dialog import ErasePersonDialog
    from satellitkontor.gui.dialogs.feed_url_dialog import FeedUrlDialog
    from satellitkontor.gui.dialogs.identity_dialog import IdentityDialog
    from satellitkontor.gui.dialogs.meeting_dialog import MeetingDialog
    from satellitkontor.gui.dialogs.my_data_dialog import MyDataDialog
    from satellitkontor.gui.dialogs.person_dialog import PersonDialog
    from satellitkontor.gui.dialogs.privacy_notice import PrivacyNoticeDialog
    from satellitkontor.gui.dialogs.resource_dialog import ResourceDialog
    from satellitkontor.gui.dialogs.room_booking_dialog import RoomBookingDialog
    from satellitkontor.gui.dialogs.rotation_year_dialog import RotationYearDialog

    people = office.services.office.people()
    known = office.services.rotation.years(2026, 2030)
    return {
        "desk": DeskBookingDialog(ctx, office.desks[0], DAY),
        "room": RoomBookingDialog(ctx, office.room, clk.local(DAY, dt.time(9)), clk.local(DAY, dt.time(10))),
        "resource": ResourceDialog(ctx, ResourceKind.DESK),
        "person": PersonDialog(ctx),
        "erase": ErasePersonDialog(ctx, office.bertil),
        "rotation": RotationYearDialog(ctx, 2028, known),
        "identity": IdentityDialog(ctx, people),
        "mydata": MyDataDialog(ctx),
        "meeting": MeetingDialog(ctx, DAY),
        "closure": ClosureDialog(ctx, DAY),
        "about": AboutDialog(ctx),
        "privacy": PrivacyNoticeDialog(ctx.lang),
        "feedurl": FeedUrlDialog("http://127.0.0.1:8080/feeds/abc.ics", "Hela kontoret"),
    }


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_dialogs_show_their_texts_and_titles_whole(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    wait_idle: Callable[[], None],
    lang: str,
) -> None:
    ctx = make_ctx(gui_office.admin, lang)
    found: list[str] = []
    for name, dialog in _dialogs(ctx, gui_office).items():
        qtbot.addWidget(dialog)
        dialog.show()
        wait_idle()
        qtbot.wait(20)
        found += [f"{name}: {p}" for p in problems(dialog) + title(dialog)]
        dialog.done(0)
    assert not found, "\n".join(found)


#: A screen less its title bar and task bar: what a dialog may take.
SCREENS = {"1280x720": (1280, 720 - 70), "1920x1080": (1920, 1080 - 70)}


def _series_dialogs(ctx: AppContext, office: Office) -> dict[str, QDialog]:
    from satellitkontor.gui.dialogs.desk_booking_dialog import DeskBookingDialog
    from satellitkontor.gui.dialogs.room_booking_dialog import RoomBookingDialog

    start = clk.local(DAY, dt.time(9))
    return {
        "desk series": DeskBookingDialog(ctx, office.desks[1], DAY),
        "room series": RoomBookingDialog(ctx, office.room, start, start + dt.timedelta(hours=1)),
    }


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_series_preview_leaves_every_field_its_room(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    wait_idle: Callable[[], None],
    screen: str,
    lang: str,
) -> None:
    """A repeated booking's preview (booked days and skipped ones with their reasons, over the
    Christmas holidays and a day someone else holds) fits the screen without squashing the date
    and count fields to half height or cutting the reason column."""
    from satellitkontor.domain.bookings import DeskPeriod

    for n in (1, 2):  # the desk and the room taken by someone else on two days of the series
        busy = DAY + dt.timedelta(days=n * 7)
        gui_office.services.booking.book_desk(
            gui_office.bertil.id, gui_office.desks[1].id, busy, DeskPeriod.FULL_DAY
        )
        gui_office.services.booking.book_room(
            gui_office.bertil.id,
            gui_office.room.id,
            clk.local(busy, dt.time(8)),
            clk.local(busy, dt.time(12)),
            4,
            "Möte",
        )
    ctx = make_ctx(gui_office.admin, lang)
    width, height = SCREENS[screen]
    found: list[str] = []
    for name, dialog in _series_dialogs(ctx, gui_office).items():
        qtbot.addWidget(dialog)
        dialog.show()
        wait_idle()
        editor = dialog.recurrence_editor  # type: ignore[attr-defined]
        editor.repeat_check.setChecked(True)
        for check in editor.weekday_checks.values():
            check.setChecked(True)
        editor.count_radio.setChecked(True)
        editor.count_spin.setValue(14)
        with qtbot.waitSignal(dialog.preview.shown):  # type: ignore[attr-defined]
            dialog.book_button.click()  # type: ignore[attr-defined]
        wait_idle()
        qtbot.wait(50)
        assert dialog.preview.model.skipped_days(), "the series skips the holidays"  # type: ignore[attr-defined]
        found += [f"{name}: {p}" for p in problems(dialog) + cells(dialog) + squashed(dialog) + title(dialog)]
        if dialog.width() > width or dialog.height() > height:
            found.append(
                f"{name}: {dialog.size().toTuple()} does not fit a {screen} screen ({width}x{height})"
            )
        dialog.done(0)
    assert not found, "\n".join(found)
