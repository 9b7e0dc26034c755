"""The gaps of issue 16 in the app: a single cancel with a reason, and changing a series from one
occurrence on ("Bara denna" / "Denna och kommande") in Mina bokningar and the day view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.my_bookings_model import STATUS
from tests.conftest import Office
from tests.gui.test_my_bookings import column, open_view

DAY = date(2026, 12, 2)


def test_a_single_cancel_takes_an_optional_reason_the_booker_sees(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    o = gui_office
    b = o.services.booking.book_desk(o.anna.id, o.desk(1).id, DAY, DeskPeriod.FULL_DAY)
    mine = open_view(qtbot, make_ctx(o.anna))
    mine.select_row(0)
    mine.cancel_button.click()
    box, reason = mine.confirm_box, mine.reason_edit
    assert box is not None and reason is not None and reason.isVisible()
    qtbot.keyClicks(reason, "Sjuk,  vabb ")
    with qtbot.waitSignal(mine.data_loaded, timeout=5000):
        box.button(QMessageBox.StandardButton.Yes).click()
    view = o.services.occupancy.booking(b.id)
    assert view is not None and view.status is BookingStatus.CANCELLED
    assert view.cancel_reason == "Sjuk, vabb"
    assert column(mine, STATUS) == ["avbokad (Sjuk, vabb)"]
    entries = o.services.audit.entries(o.admin.id, action="booking.cancel")
    assert [e.entity_id for e in entries] == [str(b.id)]
    assert "Sjuk, vabb" in str(entries[0])


def test_a_single_cancel_without_a_reason_stores_none(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    o = gui_office
    b = o.services.booking.book_desk(o.anna.id, o.desk(1).id, DAY, DeskPeriod.FULL_DAY)
    mine = open_view(qtbot, make_ctx(o.anna))
    mine.select_row(0)
    mine.cancel_button.click()
    assert mine.confirm_box is not None
    with qtbot.waitSignal(mine.data_loaded, timeout=5000):
        mine.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    view = o.services.occupancy.booking(b.id)
    assert view is not None and view.status is BookingStatus.CANCELLED and view.cancel_reason is None
    assert column(mine, STATUS) == []  # a plain cancel leaves the list, as before
