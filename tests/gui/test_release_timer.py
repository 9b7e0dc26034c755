"""The automatic release in the app (issue 16): the receptionist's app releases unclaimed bookings
when the rule is on; a user's app does not try."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from pytestqt.qtbot import QtBot

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.release_timer import ReleaseTimer
from tests.conftest import MONDAY, Office


def test_the_receptions_app_releases_and_a_users_does_not(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    o.services.office.update_policy(o.admin.id, auto_release=True)
    booking = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    o.clock.set_local(MONDAY, time(8, 45))

    users = ReleaseTimer(make_ctx(o.anna))
    users.tick()
    wait_idle()
    view = o.services.occupancy.booking(booking.id)
    assert view is not None and view.status is BookingStatus.CONFIRMED and users.released == 0

    reception_ctx = make_ctx(o.reception)
    timer = ReleaseTimer(reception_ctx)
    with qtbot.waitSignal(reception_ctx.data_changed, timeout=5000):
        timer.tick()
        wait_idle()
    view = o.services.occupancy.booking(booking.id)
    assert view is not None and view.status is BookingStatus.CANCELLED and view.cancel_cause == "release"
    assert timer.released == 1 and timer.timer.isActive()
