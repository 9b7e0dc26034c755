"""Exchange down, busy or cutting the line: the booking is made anyway, waits in the outbox with a
reason in Swedish, and goes through once the server answers: once, never twice."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from satellitkontor.services.exchange.config import make_backend
from satellitkontor.storage.models import ExchangeOutboxRow
from tests.conftest import MovableClock
from tests.integrations.exchange.conftest import PASSWORD
from tests.integrations.exchange.sync_helpers import (
    ANNA,
    ROOM_MAILBOX,
    Synced,
    synced_office,
)


@pytest.fixture
def synced(tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock)


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/EWS/Exchange.asmx"


def test_server_down_keeps_the_booking_pending_with_a_reason_then_pushes_it(synced: Synced) -> None:
    down = make_backend(replace(synced.sync.config(), url=_closed_port_url()), PASSWORD)
    try:
        booking = synced.room_booking()  # made whatever Exchange does
        report = synced.sync.run(down)
    finally:
        down.close()
    assert not report.ok
    status = synced.sync.status()
    assert status.pending == 1 and status.items[0].booking_id == booking.id  # type: ignore[attr-defined]
    item = status.items[0]
    assert item.attempts == 1 and item.error_code == "exchange.unreachable"
    assert item.error_text is not None and "svarar inte" in item.error_text
    assert item.next_attempt_at == synced.clock() + __import__("datetime").timedelta(seconds=30)
    assert synced.sync.not_in_outlook([booking.id]) == {booking.id}  # type: ignore[attr-defined]
    assert synced.store.events(ANNA) == []

    synced.run()  # the server is back, but the back-off has not passed: nothing is sent
    assert synced.store.count("CreateItem") == 0
    synced.clock.advance(seconds=31)
    synced.run()
    assert len(synced.store.events(ANNA)) == 1
    assert synced.sync.status().pending == 0 and synced.sync.not_in_outlook([booking.id]) == set()  # type: ignore[attr-defined]


def test_server_busy_back_off_is_honoured_then_the_push_goes_through(synced: Synced) -> None:
    o = synced.office
    synced.sync.save_config(o.admin.id, replace(synced.sync.config(), retry_base_seconds=1.0))
    synced.room_booking()
    synced.store.fail("busy", operation="CreateItem", back_off=20.0)  # longer than a run waits
    synced.run()
    [item] = synced.sync.status().items
    assert item.error_code == "exchange.throttled" and "20 sekunder" in (item.error_text or "")
    assert (item.next_attempt_at - synced.clock()).total_seconds() == 20  # the server's wait, not 1 s

    synced.clock.advance(seconds=10)
    creates = synced.store.count("CreateItem")
    synced.run()
    assert synced.store.count("CreateItem") == creates  # still waiting as asked
    synced.clock.advance(seconds=11)
    synced.run()
    assert len(synced.store.events(ANNA)) == 1 and synced.sync.status().pending == 0


def test_a_short_busy_spell_is_waited_out_within_the_run(synced: Synced) -> None:
    synced.room_booking()
    synced.store.fail("busy", operation="CreateItem", back_off=0.2)
    synced.run()
    assert len(synced.store.events(ANNA)) == 1 and synced.sync.status().pending == 0


def test_a_lost_answer_after_the_server_created_the_item_leaves_one_item(synced: Synced) -> None:
    booking = synced.room_booking()
    synced.store.fail("drop_after", operation="CreateItem")  # created, but the answer never comes
    synced.store.fail("drop", operation="FindItem")  # and the look-up right after fails too
    synced.run()
    assert len(synced.store.events(ANNA)) == 1  # it is there, the app does not know yet
    [item] = synced.sync.status().items
    assert item.error_code in ("exchange.timeout", "exchange.unreachable")

    synced.clock.advance(seconds=31)
    synced.run()  # the retry looks for the booking id first and finds the event
    events = synced.store.events(ANNA)
    assert len(events) == 1 and synced.sync.status().pending == 0
    assert len(synced.store.events(ROOM_MAILBOX)) == 1
    with synced.office.services.db.session() as s:
        rows = s.query(ExchangeOutboxRow).filter_by(booking_id=booking.id).all()  # type: ignore[attr-defined]
        assert [r.attempts for r in rows] == [1] and rows[0].done_at is not None
