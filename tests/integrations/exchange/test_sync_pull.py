"""Outlook meetings on the room mailbox become bookings, move and cancel them; when both sides
changed, the rule decides and the override is recorded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from satellitkontor.domain.bookings import BookingStatus
from satellitkontor.domain.errors import ResourceTaken
from satellitkontor.storage.models import AuditRow
from satellitkontor.words.texts import describe
from tests.conftest import MovableClock
from tests.integrations.exchange.sync_helpers import (
    ANNA,
    BERTIL,
    ROOM_MAILBOX,
    Synced,
    local,
    synced_office,
)


@pytest.fixture
def synced(tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock)


def _room_bookings(s: Synced) -> list[object]:
    from satellitkontor.storage.queries import common as queries

    with s.office.services.db.session() as session:
        rows = session.execute(queries.booking_select()).all()
        return [queries.to_view(r) for r in rows]


def _overrides(s: Synced) -> list[AuditRow]:
    with s.office.services.db.session() as session:
        rows = list(session.scalars(select(AuditRow).where(AuditRow.action == "exchange.override")))
        for r in rows:
            session.expunge(r)
        return rows


def _outlook_meeting(s: Synced, start: int = 13, end: int = 14) -> str:
    event = s.store.create(ROOM_MAILBOX, "Styrgruppsmöte", local(start), local(end), organizer=BERTIL)
    return event.id


def test_a_meeting_booked_in_outlook_becomes_a_booking_that_blocks_the_slot(synced: Synced) -> None:
    _outlook_meeting(synced)
    report = synced.run()
    [booking] = _room_bookings(synced)
    assert booking.person_email == BERTIL and booking.resource_name == "Konferensrummet"  # type: ignore[attr-defined]
    assert (booking.start, booking.end) == (local(13), local(14))  # type: ignore[attr-defined]
    assert booking.title == "Styrgruppsmöte"  # type: ignore[attr-defined]
    assert report.pulls[0].created == 1  # type: ignore[attr-defined]
    assert synced.sync.status().pending == 0  # not pushed back

    o = synced.office
    with pytest.raises(ResourceTaken) as taken:
        o.services.booking.book_room(o.anna.id, o.room.id, local(13), local(14), 3, "Krock")
    assert "redan bokat" in describe(taken.value, "sv")

    synced.run()  # seen again: nothing new
    assert len(_room_bookings(synced)) == 1


def test_an_unknown_organizer_is_booked_as_herself_not_as_the_fallback_person(synced: Synced) -> None:
    synced.store.create(ROOM_MAILBOX, "Extern", local(15), local(16), organizer="gast@extern.se")
    synced.run()
    [booking] = _room_bookings(synced)
    assert booking.person_email == "gast@extern.se" and booking.person_id is None  # type: ignore[attr-defined]


def test_moved_in_outlook_moves_the_booking_and_deleted_cancels_it(synced: Synced) -> None:
    event_id = _outlook_meeting(synced)
    synced.run()
    synced.store.move(ROOM_MAILBOX, event_id, local(15), local(16))
    report = synced.run()
    [booking] = _room_bookings(synced)
    assert (booking.start, booking.end) == (local(15), local(16)) and report.pulls[0].moved == 1  # type: ignore[attr-defined]

    synced.store.delete(ROOM_MAILBOX, event_id)
    synced.run()
    [booking] = _room_bookings(synced)
    assert booking.status is BookingStatus.CANCELLED  # type: ignore[attr-defined]
    o = synced.office  # the slot is free again
    o.services.booking.book_room(o.anna.id, o.room.id, local(15), local(16), 3, "Nu ledigt")


def test_an_app_booking_moved_in_outlook_is_put_back_app_wins(synced: Synced) -> None:
    booking = synced.room_booking(9, 10)
    synced.run()
    [event] = synced.store.events(ANNA)
    synced.store.move(ANNA, event.id, local(11), local(12))  # Anna drags it in Outlook
    synced.run()
    [event] = synced.store.events(ANNA)
    assert (event.start, event.end) == (local(9), local(10))  # pushed back as the app has it
    [copy] = synced.store.events(ROOM_MAILBOX)
    assert (copy.start, copy.end) == (local(9), local(10))
    [override] = _overrides(synced)
    assert override.entity_id == str(booking.id)  # type: ignore[attr-defined]
    assert override.after["winner"] == "app"  # type: ignore[index]
    assert override.before["outlook"]["start"] == local(11).isoformat()  # type: ignore[index]
    assert synced.sync.status().overrides[0].winner == "app"


def test_an_outlook_meeting_cancelled_in_the_app_but_moved_in_outlook_exchange_wins(synced: Synced) -> None:
    event_id = _outlook_meeting(synced)
    synced.run()
    [booking] = _room_bookings(synced)
    o = synced.office
    o.services.booking.cancel(o.reception.id, booking.id)  # type: ignore[attr-defined]
    synced.store.move(ROOM_MAILBOX, event_id, local(15), local(16))  # meanwhile in Outlook
    synced.run()
    holding = [b for b in _room_bookings(synced) if b.status is not BookingStatus.CANCELLED]  # type: ignore[attr-defined]
    assert [(b.start, b.end) for b in holding] == [(local(15), local(16))]  # type: ignore[attr-defined]
    assert [e.id for e in synced.store.events(ROOM_MAILBOX)] == [event_id]  # not deleted there
    assert _overrides(synced)[0].after["winner"] == "exchange"  # type: ignore[index]
    assert synced.sync.status().pending == 0


def test_a_room_that_declines_shows_on_the_booking(synced: Synced) -> None:
    synced.store.mailbox(ROOM_MAILBOX).auto_accept = True
    # someone booked the room in Outlook directly, but the app has not pulled it yet
    synced.store.create(
        ROOM_MAILBOX, "Upptaget", local(9), local(10), organizer=BERTIL, send_invitations=False
    )
    o = synced.office
    synced.sync.save_config(o.admin.id, synced.sync.config())
    booking = synced.room_booking(9, 10)  # app booking first
    synced.sync.push_pending(synced.backend)
    synced.sync.refresh_responses(synced.backend)
    [answer] = synced.sync.status().answers
    assert answer.booking_id == booking.id and answer.response == "declined"  # type: ignore[attr-defined]
