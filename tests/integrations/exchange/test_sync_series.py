"""Recurring series booked on the room in Outlook block every occurrence (issue 15, point 3), on
EWS (the master expanded with a calendar view) and on Graph (calendarView delta instances), with
moved and deleted occurrences honoured."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from satellitkontor.domain.bookings import HOLDING_STATUSES
from satellitkontor.domain.errors import ResourceTaken
from tests.conftest import MovableClock
from tests.integrations.exchange.sync_helpers import BERTIL, ROOM_MAILBOX, Synced, local, synced_office

WEEK = timedelta(weeks=1)


@pytest.fixture(params=["ews", "graph"])
def synced(request: pytest.FixtureRequest, tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock, request.param)


def _room_blocks(s: Synced) -> list[tuple[datetime, datetime]]:
    from satellitkontor.storage.queries import common as queries

    with s.office.services.db.session() as session:
        views = [queries.to_view(r) for r in session.execute(queries.booking_select()).all()]
    return sorted((v.start, v.end) for v in views if v.status in HOLDING_STATUSES)


def test_every_occurrence_blocks_the_room_and_changes_to_single_ones_follow(synced: Synced) -> None:
    series = synced.store.create_series(
        ROOM_MAILBOX, "Veckomöte", local(13), local(14), count=5, organizer=BERTIL
    )
    report = synced.run()
    assert report.ok, report  # type: ignore[attr-defined]
    assert synced.sync.status().skipped == ()
    assert _room_blocks(synced) == [(local(13) + n * WEEK, local(14) + n * WEEK) for n in range(5)]
    o = synced.office
    # every occurrence names its organiser by address too (an EWS calendar view gives only the
    # organiser's name: the address comes from the series' master)
    organisers = set()
    for n in range(5):
        day = o.services.occupancy.day((local(13) + n * WEEK).date(), viewer_id=o.reception.id)
        organisers |= {(b.person_name, b.person_email) for r in day.resources for b in r.bookings}
    assert organisers == {("Bertil Öberg", BERTIL)}
    with pytest.raises(ResourceTaken):  # the second occurrence is taken
        o.services.booking.book_room(o.anna.id, o.room.id, local(13) + WEEK, local(14) + WEEK, 3, "Krock")

    synced.store.modify_occurrence(
        ROOM_MAILBOX, series.id, local(13) + 2 * WEEK, local(15) + 2 * WEEK, local(16) + 2 * WEEK
    )
    synced.store.delete_occurrence(ROOM_MAILBOX, series.id, local(13) + 3 * WEEK)
    synced.run()
    assert _room_blocks(synced) == [
        (local(13), local(14)),
        (local(13) + WEEK, local(14) + WEEK),
        (local(15) + 2 * WEEK, local(16) + 2 * WEEK),
        (local(13) + 4 * WEEK, local(14) + 4 * WEEK),
    ]
    # the deleted occurrence's slot is free again
    o.services.booking.book_room(
        o.anna.id, o.room.id, local(13) + 3 * WEEK, local(14) + 3 * WEEK, 3, "Ledigt"
    )

    synced.store.delete(ROOM_MAILBOX, series.id)
    synced.run()
    assert _room_blocks(synced) == [(local(13) + 3 * WEEK, local(14) + 3 * WEEK)]  # only Anna's
