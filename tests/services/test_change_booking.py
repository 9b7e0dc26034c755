"""Changing a booking instead of cancelling and booking again; cancelling a date range; a reason
with a cancellation (issue 16, section 2)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from satellitkontor.domain.bookings import BookingStatus, BookingView, DeskPeriod
from satellitkontor.domain.errors import (
    AlreadyOver,
    OfficeClosed,
    ParticipantsOutOfRange,
    PermissionDenied,
    PersonAlreadyHasDesk,
    ResourceTaken,
)
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.services.booking.service import BookingChange
from satellitkontor.storage.models import ExchangeOutboxRow
from satellitkontor.words.plans import status_text
from tests.conftest import Office
from tests.services.audit_helpers import entries_after, last_id
from tests.services.exchange_helpers import enable_sync
from tests.services.helpers import SATURDAY, TUESDAY, WEDNESDAY, at, sv

THURSDAY = date(2026, 11, 26)


def _get(o: Office, booking_id: int) -> BookingView:
    view = o.services.occupancy.booking(booking_id)
    assert view is not None
    return view


def _outbox(o: Office) -> list[tuple[int, str]]:
    with o.services.db.session() as s:
        return [
            (r.booking_id, r.operation)
            for r in s.scalars(select(ExchangeOutboxRow).order_by(ExchangeOutboxRow.id))
        ]


def test_move_a_desk_booking_to_another_desk_day_and_half(office: Office) -> None:
    o = office
    enable_sync(o)
    b = o.services.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    mark = last_id(o)
    moved = o.services.booking.change(
        o.anna.id, b.id, BookingChange(resource_id=o.desk(3).id, day=WEDNESDAY, period=DeskPeriod.AFTERNOON)
    )
    assert (moved.id, moved.uid) == (b.id, b.uid)  # the same booking, the same calendar event
    assert (moved.resource_name, moved.day, moved.desk_period) == ("Plats 3", WEDNESDAY, DeskPeriod.AFTERNOON)
    assert moved.sequence == b.sequence + 1 and moved.status is BookingStatus.CONFIRMED
    assert _outbox(o)[-1] == (b.id, "upsert")  # the push updates the event it made
    (entry,) = entries_after(o, mark)
    assert entry.action == "booking.change" and entry.actor_id == o.anna.id
    assert entry.before["resource"] == "Plats 1" and entry.after["resource"] == "Plats 3"
    assert entry.after["period"] == "afternoon"
    # Plats 1 is free again on Tuesday; the feed shows the event moved, with a higher SEQUENCE
    assert o.services.booking.book_desk(o.bertil.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    feed = b"".join(o.services.feeds.stream(FeedSpec(FeedKind.OFFICE), privacy=Privacy.INTERNAL)).decode()
    event = feed.split(f"UID:{b.uid}", 1)[1].split("END:VEVENT", 1)[0]
    assert "SEQUENCE:1" in event and "20261125T" in event


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        (lambda o: BookingChange(resource_id=o.desk(2).id), ResourceTaken, "Plats 2"),
        (lambda o: BookingChange(day=SATURDAY), OfficeClosed, "stängt"),
        (lambda o: BookingChange(day=date(2026, 11, 20)), Exception, ""),
    ],
    ids=["taken", "closed", "past"],
)
def test_a_conflict_or_a_rule_leaves_the_booking_as_it_was(office: Office, change, error, words) -> None:  # type: ignore[no-untyped-def]
    o = office
    enable_sync(o)
    mine = o.services.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.MORNING)
    o.services.booking.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    before, outbox, mark = _get(o, mine.id), _outbox(o), last_id(o)
    with pytest.raises(error) as info:
        o.services.booking.change(o.anna.id, mine.id, change(o))
    assert words in sv(info.value)
    assert _get(o, mine.id) == before
    assert _outbox(o) == outbox and entries_after(o, mark) == []


def test_one_desk_per_person_holds_when_moving_but_not_against_itself(sqlite_office: Office) -> None:
    o = sqlite_office
    mine = o.services.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    o.services.booking.book_desk(o.anna.id, o.desk(2).id, WEDNESDAY, DeskPeriod.FULL_DAY)
    assert (
        o.services.booking.change(o.anna.id, mine.id, BookingChange(resource_id=o.desk(4).id)).resource_name
        == "Plats 4"
    )
    with pytest.raises(PersonAlreadyHasDesk):
        o.services.booking.change(o.anna.id, mine.id, BookingChange(day=WEDNESDAY, resource_id=o.desk(5).id))


def test_change_the_meetings_time_title_and_participants(sqlite_office: Office) -> None:
    o = sqlite_office
    m = o.services.booking.book_room(o.cecilia.id, o.room.id, at(TUESDAY, 9), at(TUESDAY, 10), 4, "Styrgrupp")
    changed = o.services.booking.change(
        o.cecilia.id,
        m.id,
        BookingChange(
            start=at(TUESDAY, 13), end=at(TUESDAY, 14, 30), title="Styrgrupp – extra", participants=8
        ),
    )
    assert (changed.start, changed.end, changed.title, changed.participants) == (
        at(TUESDAY, 13),
        at(TUESDAY, 14, 30),
        "Styrgrupp – extra",
        8,
    )
    moved = o.services.booking.change(o.cecilia.id, m.id, BookingChange(day=THURSDAY))
    assert (moved.start, moved.end) == (at(THURSDAY, 13), at(THURSDAY, 14, 30))
    with pytest.raises(ParticipantsOutOfRange):
        o.services.booking.change(o.cecilia.id, m.id, BookingChange(participants=40))
    assert _get(o, m.id).participants == 8


def test_only_the_booker_or_staff_changes_and_what_happened_stays(sqlite_office: Office) -> None:
    o = sqlite_office
    b = o.services.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    with pytest.raises(PermissionDenied) as info:
        o.services.booking.change(o.bertil.id, b.id, BookingChange(resource_id=o.desk(2).id))
    assert "ändra någon annans bokning" in sv(info.value)
    assert (
        o.services.booking.change(o.reception.id, b.id, BookingChange(resource_id=o.desk(2).id)).resource_name
        == "Plats 2"
    )
    o.clock.moment = at(TUESDAY, 9)
    o.services.attendance.check_in(o.anna.id, b.id)
    with pytest.raises(AlreadyOver):
        o.services.booking.change(o.anna.id, b.id, BookingChange(resource_id=o.desk(3).id))


def test_cancel_a_date_range_with_a_reason(office: Office) -> None:
    o = office
    book = o.services.booking.book_desk
    inside = [
        book(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY).id,
        book(o.anna.id, o.desk(1).id, WEDNESDAY, DeskPeriod.MORNING).id,
    ]
    after = book(o.anna.id, o.desk(1).id, THURSDAY, DeskPeriod.FULL_DAY).id
    others = book(o.bertil.id, o.desk(2).id, WEDNESDAY, DeskPeriod.FULL_DAY).id
    mark = last_id(o)
    done = o.services.booking.cancel_range(o.anna.id, TUESDAY, WEDNESDAY, reason="  Semester ")
    assert [b.id for b in done] == inside
    assert [status_text(b) for b in done] == ["avbokad (Semester)"] * 2
    assert (
        _get(o, after).status is BookingStatus.CONFIRMED and _get(o, others).status is BookingStatus.CONFIRMED
    )
    assert [(e.action, e.after["reason"]) for e in entries_after(o, mark)] == [
        ("booking.cancel", "Semester")
    ] * 2
    with pytest.raises(PermissionDenied):
        o.services.booking.cancel_range(o.anna.id, TUESDAY, THURSDAY, person_id=o.bertil.id)
    assert [
        b.id
        for b in o.services.booking.cancel_range(o.reception.id, TUESDAY, THURSDAY, person_id=o.bertil.id)
    ] == [others]


def test_a_cancel_with_a_reason_is_seen_by_the_receptionist(sqlite_office: Office) -> None:
    o = sqlite_office
    b = o.services.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    o.services.booking.cancel(o.anna.id, b.id, reason="Sjuk")
    seen = _get(o, b.id)
    assert status_text(seen) == "avbokad (Sjuk)" and status_text(seen, "en") == "cancelled (Sjuk)"
    (entry,) = o.services.audit.entries(o.admin.id, action="booking.cancel")
    assert entry.summary == "status: bokad → avbokad; anledning: – → Sjuk"


def test_the_push_of_a_moved_booking_updates_the_event_it_made(sqlite_office: Office) -> None:
    """The outbox row of a change is an upsert of the same booking: the push sends it with the
    Exchange item id it has (an update of that event, not a new one) and a higher SEQUENCE."""
    from satellitkontor.services.exchange.push import build_item
    from satellitkontor.storage.models import BookingRow, ExchangeLinkRow, PersonRow, ResourceRow
    from tests.services.exchange_helpers import push_all

    o = sqlite_office
    enable_sync(o)
    b = o.services.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    push_all(o)  # pushed: linked to the event AAMk-<id> in Anna's calendar
    o.services.booking.change(o.anna.id, b.id, BookingChange(resource_id=o.desk(3).id, day=WEDNESDAY))
    assert _outbox(o)[-1] == (b.id, "upsert")
    config = o.services.exchange.config()
    with o.services.db.session() as s:
        row = s.get(BookingRow, b.id)
        assert row is not None
        item = build_item(
            config, row, s.get(ResourceRow, row.resource_id), s.get(PersonRow, row.person_id),  # type: ignore[arg-type]
            s.get(ExchangeLinkRow, b.id), False,
        )  # fmt: skip
    assert item is not None and item.remote_id == f"AAMk-{b.id}" and item.uid == b.uid
    assert item.sequence == 1 and not item.is_cancelled and "Plats 3" in (item.location or "")
    assert clk_date(item.start) == WEDNESDAY


def clk_date(moment):  # type: ignore[no-untyped-def]
    from satellitkontor.domain import clock as clk

    return clk.local_date(moment)
