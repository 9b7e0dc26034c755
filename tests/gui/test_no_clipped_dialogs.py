"""Every dialog in Swedish and English: no label, button, tab or header shows less text than it
holds, its title fits its title bar, and no widget lies outside it (tests/gui/clipping.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.gui.context import AppContext
from tests.conftest import Office
from tests.gui.clipping import problems, title

DAY = dt.date(2026, 12, 8)


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
