"""A no-show frees the room in Exchange too (issue 15, point 10), on EWS and on Graph; checked in
after all, the meeting is back in Outlook."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from pathlib import Path

import pytest

from tests.conftest import MovableClock
from tests.integrations.exchange.sync_helpers import ANNA, ROOM_MAILBOX, TUESDAY, Synced, synced_office


@pytest.fixture(params=["ews", "graph"])
def synced(request: pytest.FixtureRequest, tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock, request.param)


def test_a_no_show_frees_the_room_in_outlook_and_a_late_check_in_takes_it_back(synced: Synced) -> None:
    booking = synced.room_booking(9, 11)
    synced.run()
    assert len(synced.store.events(ANNA)) == 1 and len(synced.store.events(ROOM_MAILBOX)) == 1

    o = synced.office
    synced.clock.set_local(TUESDAY, time(9, 45))
    o.services.attendance.mark_no_show(o.reception.id, booking.id)  # type: ignore[attr-defined]
    assert synced.sync.status().pending == 1
    report = synced.run()
    assert report.ok, report  # type: ignore[attr-defined]
    assert synced.store.events(ANNA, include_cancelled=False) == []
    assert synced.store.events(ROOM_MAILBOX) == []  # Outlook users can book the room now
    assert synced.sync.status().pending == 0

    synced.clock.set_local(TUESDAY, time(9, 55))
    o.services.attendance.check_in(o.reception.id, booking.id)  # type: ignore[attr-defined]
    report = synced.run()
    assert report.ok, report  # type: ignore[attr-defined]
    assert len(synced.store.events(ANNA, include_cancelled=False)) == 1
    assert len(synced.store.events(ROOM_MAILBOX)) == 1
    assert synced.sync.status().overrides == ()  # nothing was overridden
