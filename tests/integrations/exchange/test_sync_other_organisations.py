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
    # the sentence naming the mailbox stays after the push, for the admin to act on
    [notice] = synced.sync.status().out_of_reach
    assert notice.mailbox == CECILIA and CECILIA in notice.text("sv") and SERVICE in notice.text("sv")
    assert CECILIA in notice.text("en") and "cannot reach" in notice.text("en")

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


def test_the_notice_stays_until_an_admin_dismisses_it_or_the_address_changes(synced: Synced) -> None:
    from satellitkontor.domain.errors import PermissionDenied

    o = synced.office
    o.services.booking.book_room(o.cecilia.id, o.room.id, local(9), local(10), 4, "Samverkan")
    synced.run()
    synced.clock.advance(hours=2)
    synced.run()
    assert [n.mailbox for n in synced.sync.status().out_of_reach] == [CECILIA]
    with pytest.raises(PermissionDenied):  # a receptionist sees it but does not remove it
        synced.sync.dismiss_out_of_reach(o.reception.id, CECILIA)
    assert synced.sync.dismiss_out_of_reach(o.admin.id, CECILIA) == 1
    assert synced.sync.status().out_of_reach == ()

    o.services.booking.book_room(o.cecilia.id, o.room.id, local(11), local(12), 4, "Uppföljning")
    synced.run()  # out of reach again: said again
    assert [n.mailbox for n in synced.sync.status().out_of_reach] == [CECILIA]
    from satellitkontor.storage.models import PersonRow

    with o.services.db.session(write=True) as s:  # her address changes (the app has no form for it)
        row = s.get(PersonRow, o.cecilia.id)
        assert row is not None
        row.email = "cecilia.ek@umea.se"
    assert synced.sync.status().out_of_reach == ()


def test_erasing_the_booker_removes_the_notice_with_her_address(synced: Synced) -> None:
    from satellitkontor.storage.models import ExchangeSyncStateRow

    o = synced.office
    o.services.booking.book_room(o.cecilia.id, o.room.id, local(9), local(10), 4, "Samverkan")
    synced.run()
    assert synced.sync.status().out_of_reach != ()
    o.services.personal_data.erase(o.admin.id, o.cecilia.id)
    with o.services.db.session() as s:
        texts = [(r.key, r.last_error_text or "", r.cursor or "") for r in s.query(ExchangeSyncStateRow)]
    assert [t for t in texts if any(CECILIA in part for part in t)] == []
