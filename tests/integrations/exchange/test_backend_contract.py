"""One contract for both backends: what the sync service may rely on, checked against the fake EWS
server (real exchangelib over HTTP) and the fake Graph (real msal + httpx).

Each test states what a person would notice: the event in Outlook, the room's answer on the
booking, a meeting booked in Outlook showing up in the app, nothing lost or doubled when Exchange
misbehaves, and a sentence saying what is wrong.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import timedelta

import pytest

from satellitkontor.integrations.exchange.backend import PushItem, PushResult, PushStatus, Response
from satellitkontor.integrations.exchange.errors import (
    ExchangeConflict,
    ExchangeNoRights,
    ExchangeServerError,
    ExchangeThrottled,
    ExchangeTimeout,
    ExchangeUnauthorized,
)
from satellitkontor.words.texts import describe
from tests.integrations.exchange.conftest import ANNA, BERTIL, MAX_WAIT, PASSWORD, ROOM, Harness
from tests.integrations.exchange.fake_store import at


def booking(n: int, mailbox: str = ANNA, **changes: object) -> PushItem:
    hour = 7 + n % 10
    fields: dict[str, object] = {
        "booking_id": str(n),
        "uid": f"booking-{n}@satellitkontor.umearegionen.se",
        "mailbox": mailbox,
        "subject": f"Kontorsplats {n} – Satellitkontoret",
        "start": at(24, hour),
        "end": at(24, hour + 1),
        "location": "Renmarkstorget 5D, 3 tr",
        "body": "Bokad i Satellitkontoret.",
    }
    fields.update(changes)
    return PushItem(**fields)  # type: ignore[arg-type]


def room_booking(n: int, start_hour: int, **changes: object) -> PushItem:
    return booking(
        n,
        subject=f"Möte {n} i konferensrummet",
        start=at(25, start_hour),
        end=at(25, start_hour + 1),
        location="Konferensrummet",
        resources=(ROOM,),
        **changes,
    )


def updated(item: PushItem, result: PushResult, **changes: object) -> PushItem:
    """``item`` as the outbox would push it after ``result``: with the remote id and change key."""
    fields: dict[str, object] = {"remote_id": result.remote_id, "change_key": result.change_key, **changes}
    return replace(item, **fields)  # type: ignore[arg-type]


# --- push ---------------------------------------------------------------------------------------
def test_a_batch_of_five_becomes_five_events_in_one_request(harness: Harness) -> None:
    items = [booking(n) for n in range(1, 6)]
    before = harness.requests()
    results = harness.backend.push(items)
    assert [r.status for r in results] == [PushStatus.CREATED] * 5
    events = harness.store.events(ANNA)
    assert sorted(e.subject for e in events) == sorted(i.subject for i in items)
    assert {e.extended["SatellitkontorBookingId"] for e in events} == {"1", "2", "3", "4", "5"}
    assert harness.requests() - before == 1, harness.store.requests
    assert {r.remote_id for r in results} == {e.id for e in events}


def test_a_change_and_a_cancellation_show_in_the_mailbox(harness: Harness) -> None:
    first, second = harness.backend.push([booking(1), room_booking(2, 9)])
    assert len(harness.store.events(ROOM)) == 1
    moved = updated(booking(1), first, subject="Flyttad bokning", start=at(26, 8), end=at(26, 12), sequence=1)
    cancelled = updated(room_booking(2, 9), second, is_cancelled=True, sequence=1)
    results = harness.backend.push([moved, cancelled])
    assert [r.status for r in results] == [PushStatus.UPDATED, PushStatus.CANCELLED]
    (event,) = harness.store.events(ANNA)
    assert (event.subject, event.start, event.end) == ("Flyttad bokning", at(26, 8), at(26, 12))
    assert event.extended["SatellitkontorSequence"] == "1"
    assert harness.store.events(ROOM) == []  # the room is free again
    assert results[0].change_key != first.change_key


def test_cancelling_what_was_never_pushed_or_is_gone_is_not_an_error(harness: Harness) -> None:
    (result,) = harness.backend.push([booking(1)])
    harness.store.delete(ANNA, result.remote_id or "")  # deleted in Outlook
    answers = harness.backend.push(
        [
            updated(booking(1), result, is_cancelled=True),
            booking(2, is_cancelled=True),
            updated(booking(3), result),
        ]
    )
    assert [a.status for a in answers] == [PushStatus.NOT_FOUND, PushStatus.NOT_FOUND, PushStatus.NOT_FOUND]


def test_the_room_is_invited_and_its_answer_is_read_back(harness: Harness) -> None:
    harness.store.create(ROOM, "Styrgruppsmöte (bokat i Outlook)", at(25, 10), at(25, 11), organizer=BERTIL)
    free, busy = harness.backend.push([room_booking(1, 8), room_booking(2, 10)])
    states = harness.backend.status(ANNA, [free.remote_id or "", busy.remote_id or ""])
    assert [s.room_response for s in states] == [Response.ACCEPTED, Response.DECLINED]
    assert states[0].resource_responses[0].mailbox == ROOM
    assert [e.subject for e in harness.store.events(ROOM)] == [
        "Möte 1 i konferensrummet",
        "Styrgruppsmöte (bokat i Outlook)",
    ]


def test_status_of_an_event_deleted_in_outlook_says_deleted(harness: Harness) -> None:
    (result,) = harness.backend.push([booking(1)])
    harness.store.delete(ANNA, result.remote_id or "")
    (state,) = harness.backend.status(ANNA, [result.remote_id or ""])
    assert state.is_deleted and state.remote_id == result.remote_id


# --- never twice, never lost --------------------------------------------------------------------
def test_a_create_whose_answer_was_lost_is_found_not_repeated(harness: Harness) -> None:
    harness.fail("drop_after", "create")
    (result,) = harness.backend.push([booking(1)])
    assert result.status is PushStatus.CREATED and result.remote_id
    assert len(harness.store.events(ANNA)) == 1
    assert harness.requests("find") == 1  # found by the booking id in the extended property
    # the outbox would not push it again, but if it did (marked maybe_exists) it still finds it
    (again,) = harness.backend.push([booking(1, maybe_exists=True)])
    assert again.status is PushStatus.UPDATED and again.remote_id == result.remote_id
    assert len(harness.store.events(ANNA)) == 1


def test_a_server_failing_for_a_while_loses_nothing_and_doubles_nothing(harness: Harness) -> None:
    """The outbox's loop in miniature: push, keep what failed, retry with maybe_exists."""
    harness.fail("drop_after", "create")  # the creates happen but the answer is lost...
    harness.fail("drop", count=1)  # ...and so is the look-up that follows
    harness.fail("unavailable", count=1, back_off=30)  # then the server is down for maintenance
    pending = {n: booking(n) for n in range(1, 5)}
    rounds = 0
    while pending and rounds < 5:
        rounds += 1
        for result in harness.backend.push(list(pending.values())):
            n = int(result.booking_id)
            if result.ok:
                pending.pop(n)
            else:
                assert result.error is not None and result.error.retryable
                pending[n] = booking(n, maybe_exists=True)
    assert not pending and rounds >= 3
    events = harness.store.events(ANNA)
    assert sorted(e.extended["SatellitkontorBookingId"] for e in events) == ["1", "2", "3", "4"]


# --- pull ---------------------------------------------------------------------------------------
def test_pull_sees_outlook_meetings_created_moved_and_deleted(harness: Harness) -> None:
    first = harness.backend.pull(ROOM, None)
    assert first.events == () and not first.more_available
    meeting = harness.store.create(
        ROOM, "Arbetsgrupp IT (bokat i Outlook)", at(26, 9), at(26, 11), organizer=BERTIL
    )
    second = harness.backend.pull(ROOM, first.new_cursor)
    (seen,) = second.events
    assert (seen.subject, seen.organizer, seen.start, seen.end) == (
        "Arbetsgrupp IT (bokat i Outlook)",
        BERTIL,
        at(26, 9),
        at(26, 11),
    )
    assert seen.booking_id is None and seen.room_response is Response.ACCEPTED and not seen.is_deleted
    harness.store.move(ROOM, meeting.id, at(26, 13), at(26, 15))
    third = harness.backend.pull(ROOM, second.new_cursor)
    (moved,) = third.events
    assert (moved.remote_id, moved.start, moved.end) == (seen.remote_id, at(26, 13), at(26, 15))
    harness.store.delete(ROOM, meeting.id)
    fourth = harness.backend.pull(ROOM, third.new_cursor)
    assert [(e.remote_id, e.is_deleted) for e in fourth.events] == [(seen.remote_id, True)]
    assert harness.backend.pull(ROOM, fourth.new_cursor).events == ()


def test_a_pull_with_nothing_new_costs_one_request(harness: Harness) -> None:
    harness.backend.push([booking(1), room_booking(2, 9)])
    cursor = harness.backend.pull(ROOM, None).new_cursor
    before = harness.requests()
    result = harness.backend.pull(ROOM, cursor)
    assert result.events == () and harness.requests() - before == 1


def test_our_pushed_event_is_recognised_when_pulled(harness: Harness) -> None:
    cursor = harness.backend.pull(ANNA, None).new_cursor
    (pushed,) = harness.backend.push([room_booking(7, 13)])
    events = harness.backend.pull(ANNA, cursor).events
    assert [(e.booking_id, e.remote_id) for e in events] == [("7", pushed.remote_id)]
    (room_copy,) = harness.backend.pull(ROOM, None).events
    assert room_copy.ical_uid == pushed.ical_uid  # the room's copy is matched by its UID


def test_a_large_first_pull_comes_in_pages(harness: Harness) -> None:
    for day in range(1, 21):
        harness.store.create(ROOM, f"Möte {day}", at(day, 9), at(day, 10), organizer=BERTIL)
    harness.backend.PAGE_SIZE = 8  # type: ignore[misc]
    seen, cursor, calls = [], None, 0
    while True:
        calls += 1
        page = harness.backend.pull(ROOM, cursor)
        seen += [e.subject for e in page.events]
        cursor = page.new_cursor
        if not page.more_available:
            break
    assert calls == 3 and sorted(seen) == sorted(f"Möte {d}" for d in range(1, 21))


# --- free/busy and resources --------------------------------------------------------------------
def test_free_busy_shows_the_rooms_meetings(harness: Harness) -> None:
    harness.store.create(ROOM, "Möte", at(25, 9), at(25, 11), organizer=BERTIL)
    room, anna, nobody = harness.backend.free_busy([ROOM, ANNA, "ingen@umea.se"], at(25, 0), at(26, 0))
    assert [(s.start, s.end, s.status.value) for s in room.slots] == [(at(25, 9), at(25, 11), "busy")]
    assert anna.slots == () and anna.error is None
    assert isinstance(nobody.error, ExchangeNoRights)


def test_list_resources_names_the_room_and_the_desks(harness: Harness) -> None:
    found = {(r.mailbox, r.kind.value) for r in harness.backend.list_resources()}
    assert found == {(ROOM, "room"), ("satellitkontoretbokningar@umea.se", "desk")}


# --- failures -----------------------------------------------------------------------------------
def test_a_busy_server_is_waited_for_as_long_as_it_asks(harness: Harness) -> None:
    harness.fail("busy", "create", back_off=0.6)
    started = time.monotonic()
    (result,) = harness.backend.push([booking(1)])
    waited = time.monotonic() - started
    assert result.status is PushStatus.CREATED
    assert 0.6 <= waited < MAX_WAIT + 0.5, waited
    assert len(harness.store.events(ANNA)) == 1


def test_a_server_asking_for_a_longer_wait_than_the_bound_ends_throttled_at_once(harness: Harness) -> None:
    harness.fail("busy", "create", back_off=120, count=None)
    started = time.monotonic()
    (result,) = harness.backend.push([booking(1)])
    assert time.monotonic() - started < 1.0
    assert isinstance(result.error, ExchangeThrottled) and result.error.retryable
    assert result.error.params["seconds"] == 120
    assert "ber oss vänta 120 sekunder" in describe(result.error, "sv")
    assert harness.store.events(ANNA) == []


def test_a_server_busy_for_longer_than_the_bound_ends_throttled(harness: Harness) -> None:
    harness.fail("busy", "create", back_off=0.4, count=None)
    started = time.monotonic()
    (result,) = harness.backend.push([booking(1)])
    assert MAX_WAIT - 0.5 <= time.monotonic() - started < MAX_WAIT + 1.0
    assert isinstance(result.error, ExchangeThrottled)


def test_a_dropped_connection_is_a_timeout_with_unknown_outcome(harness: Harness) -> None:
    harness.fail("drop", count=2)  # the create and the look-up after it
    (result,) = harness.backend.push([booking(1)])
    assert isinstance(result.error, ExchangeTimeout) and result.error.retryable
    assert "svarade inte inom" in describe(result.error, "sv")


def test_a_slow_answer_is_a_timeout(harness: Harness) -> None:
    harness.fail("slow", "pull", delay=2.5)
    with pytest.raises(ExchangeTimeout) as caught:
        harness.backend.pull(ROOM, None)
    assert caught.value.params["seconds"] == 1.5


def test_a_server_error_is_reported_in_words(harness: Harness) -> None:
    harness.fail("server_error", "pull")
    with pytest.raises(ExchangeServerError) as caught:
        harness.backend.pull(ROOM, None)
    assert describe(caught.value, "sv").startswith("Exchange-servern svarade med ett fel")


def test_an_event_changed_in_outlook_meanwhile_is_a_conflict_for_that_item_only(harness: Harness) -> None:
    one, two = harness.backend.push([booking(1), booking(2)])
    harness.store.update(ANNA, one.remote_id or "", subject="Ändrad i Outlook")
    results = harness.backend.push(
        [
            updated(booking(1), one, subject="Ändrad i appen", sequence=1),
            updated(booking(2), two, subject="Också ändrad", sequence=1),
        ]
    )
    assert isinstance(results[0].error, ExchangeConflict) and results[1].status is PushStatus.UPDATED
    assert harness.store.get(ANNA, one.remote_id or "").subject == "Ändrad i Outlook"
    assert "ändrats i Outlook" in describe(results[0].error, "sv")
    # the app's booking wins: pushing again without a change key writes over it
    (forced,) = harness.backend.push(
        [updated(booking(1), one, subject="Ändrad i appen", sequence=1, change_key=None)]
    )
    assert forced.status is PushStatus.UPDATED
    assert harness.store.get(ANNA, one.remote_id or "").subject == "Ändrad i appen"


def test_the_conflict_switch_refuses_updates(harness: Harness) -> None:
    (one,) = harness.backend.push([booking(1)])
    harness.fail("conflict", "update")
    (result,) = harness.backend.push([updated(booking(1), one, subject="Ny", sequence=1)])
    assert isinstance(result.error, ExchangeConflict)


def test_an_update_whose_answer_was_lost_is_confirmed_not_a_false_conflict(harness: Harness) -> None:
    (created,) = harness.backend.push([booking(1)])
    change = updated(booking(1), created, subject="Ändrad tid", start=at(27, 9), end=at(27, 10), sequence=1)
    harness.fail("drop_after", "update")
    (first,) = harness.backend.push([change])
    assert first.status is PushStatus.UPDATED and first.change_key != created.change_key
    # the outbox did not get that answer in time and pushes the same version again
    (again,) = harness.backend.push([change])
    assert again.status is PushStatus.UPDATED, again.error
    (event,) = harness.store.events(ANNA)
    assert (event.subject, event.start) == ("Ändrad tid", at(27, 9))


def test_a_mailbox_without_rights_fails_alone(harness: Harness) -> None:
    harness.store.denied.add(BERTIL)
    results = harness.backend.push([booking(1, BERTIL), booking(2, ANNA)])
    assert isinstance(results[0].error, ExchangeNoRights) and not results[0].error.retryable
    assert results[1].status is PushStatus.CREATED
    assert "saknar behörighet till postlådan bertil@umea.se" in describe(results[0].error, "sv")


def test_a_wrong_password_fails_the_whole_batch_without_retrying(harness: Harness) -> None:
    wrong = harness.other(password="fel-lösenord", client_secret="fel-hemlighet")
    started = time.monotonic()
    results = wrong.push([booking(1, ANNA), booking(2, BERTIL)])
    assert time.monotonic() - started < 1.0
    assert all(isinstance(r.error, ExchangeUnauthorized) for r in results)
    assert harness.store.events(ANNA) == harness.store.events(BERTIL) == []


def test_test_connection_passes_and_names_a_mailbox_without_rights(harness: Harness) -> None:
    harness.backend.test_connection()
    harness.backend.test_connection([ROOM, ANNA])
    harness.store.denied.add(ROOM)
    with pytest.raises(ExchangeNoRights) as caught:
        harness.backend.test_connection([ANNA, ROOM])
    assert caught.value.params["mailbox"] == ROOM
    assert PASSWORD not in describe(caught.value, "sv") + repr(caught.value)


# --- the batch itself ---------------------------------------------------------------------------
def test_two_versions_of_one_booking_in_a_batch_send_the_newest_once(harness: Harness) -> None:
    old = booking(1, subject="Första versionen")
    new = booking(1, subject="Andra versionen", sequence=2)
    moved_to_bertil = booking(1, BERTIL, subject="Bertils kopia")
    results = harness.backend.push([new, old, moved_to_bertil])
    assert [r.status for r in results] == [PushStatus.CREATED] * 3
    assert results[0] == results[1]
    assert [e.subject for e in harness.store.events(ANNA)] == ["Andra versionen"]
    assert [e.subject for e in harness.store.events(BERTIL)] == ["Bertils kopia"]


def test_times_are_kept_in_utc_whatever_zone_they_come_in() -> None:
    from zoneinfo import ZoneInfo

    from satellitkontor.domain.clock import OFFICE_TZ

    local = booking(
        1, start=at(24, 8).astimezone(OFFICE_TZ), end=at(24, 9).astimezone(ZoneInfo("Europe/Helsinki"))
    )
    assert (local.start, local.end) == (at(24, 8), at(24, 9)) and local.start.utcoffset() == timedelta(0)
    with pytest.raises(ValueError, match="aware"):
        booking(1, start=at(24, 8).replace(tzinfo=None))
