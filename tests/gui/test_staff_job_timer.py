"""The background jobs' timers (gui/staff_job_timer.py): a user's PC waits, a staff PC runs once at
a time, and the next run is set by what came back."""

from __future__ import annotations

from collections.abc import Callable

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.exchange_timer import ExchangeSyncTimer
from satellitkontor.gui.notice_timer import NoticeTimer
from tests.conftest import Office


def test_a_users_pc_does_not_send_and_a_staff_pc_does_once_at_a_time(
    make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    users = NoticeTimer(make_ctx(o.anna))
    users.tick()
    assert not users.running and users.timer.remainingTime() > 14 * 60_000

    staff = NoticeTimer(make_ctx(o.reception))
    staff.tick()
    assert staff.running
    staff.tick()  # still running: not doubled, tried again later
    assert staff.timer.interval() == 2 * 60_000
    wait_idle()
    assert not staff.running and staff.timer.isActive() and staff.timer.interval() == 2 * 60_000


def test_the_exchange_sync_is_next_due_after_the_offices_interval(
    make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    timer = ExchangeSyncTimer(make_ctx(o.reception))
    timer.tick()
    wait_idle()
    minutes = o.services.exchange.config().interval_minutes
    assert not timer.running and timer.timer.interval() == max(1, minutes) * 60_000
