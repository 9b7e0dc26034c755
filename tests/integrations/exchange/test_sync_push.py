"""The outbox pushed to the fake EWS server by the real exchangelib: bookings appear in the
booker's mailbox, the room is invited and answers, cancellations follow, failures lose nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.storage.models import ExchangeLinkRow, ExchangeOutboxRow
from tests.conftest import MovableClock
from tests.integrations.exchange.fake_store import ACCEPT
from tests.integrations.exchange.sync_helpers import (
    ANNA,
    DESK_MAILBOX,
    ROOM_MAILBOX,
    TUESDAY,
    Synced,
    local,
    synced_office,
)


@pytest.fixture
def synced(tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock)


def _link(s: Synced, booking_id: int) -> ExchangeLinkRow | None:
    with s.office.services.db.session() as session:
        link = session.get(ExchangeLinkRow, booking_id)
        if link is not None:
            session.expunge(link)
        return link


def test_a_room_booking_lands_in_the_bookers_calendar_and_the_room_accepts(synced: Synced) -> None:
    booking = synced.room_booking()
    assert synced.sync.status().pending == 1  # queued with the booking, before any sync

    report = synced.run()

    [event] = synced.store.events(ANNA)
    assert event.subject == "Konferensrummet: Planering"
    assert (event.start, event.end) == (local(9), local(10))
    assert [(a.mailbox, a.response) for a in event.resources] == [(ROOM_MAILBOX, ACCEPT)]
    [copy] = synced.store.events(ROOM_MAILBOX)  # the room's own calendar holds the slot
    assert copy.uid == booking.uid  # type: ignore[attr-defined]
    link = _link(synced, booking.id)  # type: ignore[attr-defined]
    assert link is not None and link.remote_id == event.id and link.room_response == "accepted"
    status = synced.sync.status()
    assert status.pending == 0 and status.last_success_at == synced.clock() and status.last_error is None
    assert report.ok  # type: ignore[attr-defined]


def test_a_desk_booking_invites_the_desk_mailbox_or_only_writes_the_event(synced: Synced) -> None:
    o = synced.office
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    synced.run()
    [event] = synced.store.events(ANNA)
    assert [a.mailbox for a in event.resources] == [DESK_MAILBOX]

    from dataclasses import replace

    synced.sync.save_config(o.admin.id, replace(synced.sync.config(), desk_mode="event-only"))
    o.services.booking.book_desk(o.bertil.id, o.desk(1).id, TUESDAY + timedelta(days=1), DeskPeriod.MORNING)
    synced.run()
    [other] = synced.store.events("bertil.oberg@vindeln.se")
    assert other.resources == []


def test_cancelling_in_the_app_removes_the_event_and_frees_the_room(synced: Synced) -> None:
    booking = synced.room_booking()
    synced.run()
    synced.office.services.booking.cancel(synced.office.anna.id, booking.id)  # type: ignore[attr-defined]
    assert synced.sync.status().pending == 1
    synced.run()
    assert synced.store.events(ANNA) == []
    assert synced.store.events(ROOM_MAILBOX) == []
    assert synced.sync.status().pending == 0


def test_a_series_is_pushed_in_one_batch(synced: Synced) -> None:
    from satellitkontor.domain.recurrence import Recurrence

    o = synced.office
    rule = Recurrence.weekly(TUESDAY, [TUESDAY.weekday()], count=4)
    o.services.booking.book_series(o.anna.id, o.desk(2).id, rule, period=DeskPeriod.FULL_DAY)
    before = synced.store.count("CreateItem")
    report = synced.sync.push_pending(synced.backend)
    assert report.sent == 4 and report.requests == 1
    assert synced.store.count("CreateItem") - before == 1  # one bulk request for the four
    assert len(synced.store.events(ANNA)) == 4


def test_without_exchange_enabled_no_outbox_rows_are_made(synced: Synced) -> None:
    from dataclasses import replace

    o = synced.office
    synced.sync.save_config(o.admin.id, replace(synced.sync.config(), enabled=False))
    synced.room_booking()
    with o.services.db.session() as s:
        assert s.scalars(select(ExchangeOutboxRow)).all() == []
