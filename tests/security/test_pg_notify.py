"""Issue 20, item 2: any login may NOTIFY the app's channel; the apps must not reload for each.

``NOTIFY`` needs no privilege, and no secret channel or signed payload could keep out a user the
app itself runs as (migration 0008's docstring): the change watch treats a notification as a hint,
ignores payloads that name no watched table, and reloads at most every RELOAD_INTERVAL seconds.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.services.change_watch import ChangeWatch
from tests.conftest import MONDAY
from tests.security.conftest import Shared

pytestmark = pytest.mark.postgresql

TUESDAY = MONDAY + timedelta(days=1)


def test_a_flood_of_notifications_reloads_an_app_only_now_and_then(shared: Shared) -> None:
    """Any login may NOTIFY the channel; the watch treats it as a hint and reloads at most every
    RELOAD_INTERVAL seconds, and a real change in the middle of the flood is still heard."""
    from satellitkontor.services import change_watch

    interval = getattr(change_watch, "RELOAD_INTERVAL", 0.0)
    calls: list[float] = []
    watch = ChangeWatch(shared.rut.db)
    watch.start(lambda: calls.append(time.monotonic()))
    try:
        with shared.raw("anna", autocommit=True) as anna:
            started = time.monotonic()
            while time.monotonic() - started < 2.0:
                anna.execute("SELECT pg_notify('satellitkontor', 'bookings')")
                anna.execute("NOTIFY satellitkontor")
            flood = time.monotonic() - started
        time.sleep(1.0)
        print(f"{len(calls)} reloads during a {flood:.1f} s flood (reload interval {interval} s)")
        assert 1 <= len(calls) <= flood / 0.5 + 2
        before = len(calls)
        o = shared.office
        shared.owner.booking.book_desk(o.cecilia.id, o.desk(4).id, TUESDAY, DeskPeriod.MORNING)
        deadline = time.monotonic() + 2.0
        while len(calls) == before and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(calls) > before, "a real change after the flood must still be heard"
    finally:
        watch.close()
