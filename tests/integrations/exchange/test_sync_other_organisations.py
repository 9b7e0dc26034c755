"""Bookers in other organisations (issue 15, point 7), on EWS and on Graph: when the account cannot
reach the booker's mailbox (no such mailbox here, or no rights to it), the meeting is organised
by the office's mailbox with the room as a resource and the booker invited; the message names
the mailbox, and nothing is retried for ever."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import MovableClock
from tests.integrations.exchange.conftest import SERVICE
from tests.integrations.exchange.sync_helpers import ANNA, ROOM_MAILBOX, Synced, local, synced_office

CECILIA = "cecilia.ek@ornskoldsvik.se"  # Örnsköldsvik runs its own mail: no mailbox here


@pytest.fixture(params=["ews", "graph"])
def synced(request: pytest.FixtureRequest, tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock, request.param)


def test_a_booker_in_another_organisation_is_invited_by_the_office(synced: Synced) -> None:
    o = synced.office
    booking = o.services.booking.book_room(o.cecilia.id, o.room.id, local(9), local(10), 4, "Samverkan")
    report = synced.run()

    assert report.ok, report  # type: ignore[attr-defined]
    [event] = synced.store.events(SERVICE)
    assert [a.mailbox for a in event.required] == [CECILIA]  # an ordinary invitation to her
    assert [a.mailbox for a in event.resources] == [ROOM_MAILBOX]
    [copy] = synced.store.events(ROOM_MAILBOX)  # the room is booked in Exchange too
    assert (copy.start, copy.end) == (local(9), local(10))
    assert synced.sync.status().pending == 0

    synced.run()  # nothing is tried again
    assert synced.sync.status().pending == 0 and len(synced.store.events(SERVICE)) == 1

    o.services.booking.cancel(o.cecilia.id, booking.id)
    synced.run()
    assert synced.store.events(SERVICE) == [] and synced.store.events(ROOM_MAILBOX) == []


def test_a_mailbox_the_account_has_no_rights_to_is_named(synced: Synced) -> None:
    synced.store.denied.add(ANNA)
    synced.room_booking(9, 10)
    pushed = synced.sync.push_pending(synced.backend, config=synced.sync.config())
    assert pushed.failed == 0
    [event] = synced.store.events(SERVICE)
    assert [a.mailbox for a in event.required] == [ANNA]
    assert synced.sync.status().pending == 0


def test_a_mailbox_nobody_can_reach_is_given_up_not_retried_for_ever(synced: Synced) -> None:
    synced.store.denied.add(SERVICE)  # the office's own mailbox is out of reach too
    o = synced.office
    booking = o.services.booking.book_room(o.cecilia.id, o.room.id, local(9), local(10), 4, "Samverkan")
    for _ in range(3):
        synced.run()
        synced.clock.advance(hours=2)  # past the back-off
    status = synced.sync.status()
    assert status.pending == 0
    [given_up] = status.given_up
    assert given_up.booking_id == booking.id and SERVICE in (given_up.error_text or "")
    before = synced.store.count()
    synced.run()
    assert synced.store.count() - before <= 4  # the pulls and nothing for the booking
    assert synced.sync.resend(o.admin.id) == 1  # an admin can send it again
