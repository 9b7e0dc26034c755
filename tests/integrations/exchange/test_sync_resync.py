"""A full resync reconciles (issue 15, point 6): after an expired EWS sync state or a Graph delta
Graph no longer knows (400 syncStateNotFound, 410), a meeting deleted in the gap is cancelled;
Graph's delta window rolls forward, so an event more than a year ahead is seen in time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from satellitkontor.domain.bookings import HOLDING_STATUSES
from tests.conftest import MovableClock
from tests.integrations.exchange.sync_helpers import BERTIL, ROOM_MAILBOX, Synced, local, synced_office


@pytest.fixture(params=["ews", "graph"])
def synced(request: pytest.FixtureRequest, tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock, request.param)


@pytest.fixture
def graph_synced(tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock, "graph")


def _room_blocks(s: Synced) -> list[tuple[datetime, datetime]]:
    from satellitkontor.storage.queries import common as queries

    with s.office.services.db.session() as session:
        views = [queries.to_view(r) for r in session.execute(queries.booking_select()).all()]
    return sorted((v.start, v.end) for v in views if v.status in HOLDING_STATUSES)


def test_a_meeting_deleted_while_the_sync_state_expired_is_cancelled(synced: Synced) -> None:
    gone = synced.store.create(ROOM_MAILBOX, "Försvinner", local(9), local(10), organizer=BERTIL)
    synced.store.create(ROOM_MAILBOX, "Stannar", local(13), local(14), organizer=BERTIL)
    synced.run()
    assert _room_blocks(synced) == [(local(9), local(10)), (local(13), local(14))]

    synced.store.delete(ROOM_MAILBOX, gone.id)
    synced.store.expire_sync_states(ROOM_MAILBOX)  # the deletion is never told as a change
    report = synced.run()

    assert report.ok, report  # type: ignore[attr-defined]
    assert _room_blocks(synced) == [(local(13), local(14))]
    o = synced.office  # the slot is free in the app again
    o.services.booking.book_room(o.anna.id, o.room.id, local(9), local(10), 3, "Nu ledigt")
    synced.run()  # and the next incremental run keeps it so
    assert _room_blocks(synced) == [(local(9), local(10)), (local(13), local(14))]


@pytest.mark.parametrize("answer", [(400, "syncStateNotFound"), (410, "resyncRequired")])
def test_graph_starts_the_delta_over_on_each_documented_answer(
    graph_synced: Synced, answer: tuple[int, str]
) -> None:
    s = graph_synced
    s.store.graph_expired_answer = answer
    gone = s.store.create(ROOM_MAILBOX, "Försvinner", local(9), local(10), organizer=BERTIL)
    s.run()
    s.store.delete(ROOM_MAILBOX, gone.id)
    s.store.expire_sync_states(ROOM_MAILBOX)
    report = s.run()
    assert report.ok, report  # type: ignore[attr-defined]
    assert _room_blocks(s) == []


def test_the_graph_delta_window_rolls_forward(graph_synced: Synced) -> None:
    s = graph_synced
    far = local(9) + timedelta(days=420)  # beyond the first window (400 days ahead)
    s.store.create(ROOM_MAILBOX, "Nästa års stämma", far, far + timedelta(hours=2), organizer=BERTIL)
    s.run()
    assert _room_blocks(s) == []
    s.clock.advance(days=40)
    report = s.run()
    assert report.ok, report  # type: ignore[attr-defined]
    assert _room_blocks(s) == [(far, far + timedelta(hours=2))]
