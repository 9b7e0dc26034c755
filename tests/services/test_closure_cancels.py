"""A closure over booked days lists what it covers, then cancels it all in its own transaction
(issue 16, section 1)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.errors import PermissionDenied
from satellitkontor.services.audit import trail
from satellitkontor.storage.models import ExchangeOutboxRow
from satellitkontor.words.plans import status_text
from tests.conftest import Office
from tests.services.audit_helpers import entries_after, last_id
from tests.services.exchange_helpers import enable_sync
from tests.services.helpers import TUESDAY, WEDNESDAY, at, count_bookings


def _book_wednesday(o: Office) -> list[int]:
    b = o.services.booking
    ids = [
        b.book_desk(o.anna.id, o.desk(1).id, WEDNESDAY, DeskPeriod.FULL_DAY).id,
        b.book_desk(o.bertil.id, o.desk(2).id, WEDNESDAY, DeskPeriod.MORNING).id,
        b.book_room(o.cecilia.id, o.room.id, at(WEDNESDAY, 9), at(WEDNESDAY, 10), 4, "Styrgrupp").id,
    ]
    gone = b.book_desk(o.anna.id, o.desk(3).id, TUESDAY, DeskPeriod.FULL_DAY)  # not covered
    ids.append(gone.id)
    return ids


def test_a_closure_lists_the_bookings_it_covers_and_cancels_them_in_one_go(office: Office) -> None:
    o = office
    enable_sync(o)
    anna_desk, bertil_desk, room, tuesday = _book_wednesday(o)
    o.services.booking.cancel(o.bertil.id, bertil_desk)  # already cancelled: not listed again
    impact = o.services.office.closure_impact(WEDNESDAY, WEDNESDAY)
    assert [b.id for b in impact] == [anna_desk, room]

    mark = last_id(o)
    closure = o.services.office.add_closure(o.admin.id, WEDNESDAY, WEDNESDAY, "Vattenläcka")
    assert [b.id for b in closure.cancelled] == [anna_desk, room]
    assert all(b.status is BookingStatus.CANCELLED for b in closure.cancelled)

    # the booker sees it in Mina bokningar as cancelled by the office, with the reason
    annas = o.services.occupancy.bookings_of(o.anna.id, include_cancelled=True)
    mine = next(b for b in annas if b.id == anna_desk)
    assert status_text(mine) == "avbokad av kontoret (kontoret stängt: Vattenläcka)"
    assert status_text(mine, "en") == "cancelled by the office (office closed: Vattenläcka)"
    assert next(b for b in annas if b.id == tuesday).status is BookingStatus.CONFIRMED

    entries = entries_after(o, mark)
    cancels = [e for e in entries if e.action == "booking.cancel"]
    assert sorted(int(str(e.entity_id)) for e in cancels) == sorted([anna_desk, room])
    assert all(e.after["cause"] == "closure" and e.after["reason"] == "Vattenläcka" for e in cancels)
    assert all(e.actor_id == o.admin.id for e in cancels)
    (created,) = [e for e in entries if e.action == "closure.create"]
    assert created.after["bookings_cancelled"] == 2

    with o.services.db.session() as s:
        pushed = s.scalars(select(ExchangeOutboxRow).where(ExchangeOutboxRow.operation == "cancel")).all()
        assert sorted(r.booking_id for r in pushed) == sorted([bertil_desk, anna_desk, room])


def test_a_closure_that_fails_cancels_nothing(sqlite_office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    o = sqlite_office
    ids = _book_wednesday(o)
    real = trail.record

    def failing(s, **kw):  # type: ignore[no-untyped-def]
        if kw.get("action") == "closure.create":
            raise RuntimeError("disk full")
        return real(s, **kw)

    monkeypatch.setattr(trail, "record", failing)
    with pytest.raises(RuntimeError):
        o.services.office.add_closure(o.admin.id, WEDNESDAY, WEDNESDAY, "Vattenläcka")
    assert o.services.office.closures() == []
    assert count_bookings(o, status="confirmed") == len(ids)


def test_only_an_admin_closes_and_a_refusal_changes_nothing(sqlite_office: Office) -> None:
    o = sqlite_office
    ids = _book_wednesday(o)
    with pytest.raises(PermissionDenied):
        o.services.office.add_closure(o.anna.id, WEDNESDAY, WEDNESDAY, "Vattenläcka")
    assert count_bookings(o, status="confirmed") == len(ids)


def test_a_closure_leaves_bookings_that_are_over(sqlite_office: Office) -> None:
    o = sqlite_office
    b = o.services.booking
    morning = b.book_desk(o.anna.id, o.desk(1).id, WEDNESDAY, DeskPeriod.MORNING)
    afternoon = b.book_desk(o.bertil.id, o.desk(2).id, WEDNESDAY, DeskPeriod.AFTERNOON)
    o.clock.moment = at(WEDNESDAY, 12, 30)
    assert [x.id for x in o.services.office.closure_impact(WEDNESDAY, WEDNESDAY)] == [afternoon.id]
    closure = o.services.office.add_closure(o.admin.id, WEDNESDAY, WEDNESDAY, "Strömavbrott")
    assert [x.id for x in closure.cancelled] == [afternoon.id]
    kept = o.services.occupancy.booking(morning.id)
    assert kept is not None and kept.status is BookingStatus.CONFIRMED


def test_a_closed_day_is_in_the_office_feed_once_and_its_bookings_cancelled(sqlite_office: Office) -> None:
    from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy

    o = sqlite_office
    b = o.services.booking.book_desk(o.anna.id, o.desk(1).id, WEDNESDAY, DeskPeriod.FULL_DAY)
    spec = FeedSpec(FeedKind.OFFICE)
    before = o.services.feeds.version(spec, privacy=Privacy.PUBLIC)
    o.services.office.add_closure(o.admin.id, WEDNESDAY, WEDNESDAY, "Vattenläcka")
    assert o.services.feeds.version(spec, privacy=Privacy.PUBLIC) != before
    feed = b"".join(o.services.feeds.stream(spec, privacy=Privacy.PUBLIC)).decode()
    assert feed.count("SUMMARY:Kontoret stängt: Vattenläcka") == 1
    assert "DTSTART;VALUE=DATE:20261125" in feed and "DTEND;VALUE=DATE:20261126" in feed
    event = feed.split(f"UID:{b.uid}", 1)[1].split("END:VEVENT", 1)[0]
    assert "STATUS:CANCELLED" in event
    desk_feed = b"".join(
        o.services.feeds.stream(FeedSpec(FeedKind.RESOURCE, str(o.desk(2).id)), privacy=Privacy.PUBLIC)
    ).decode()
    assert "Kontoret stängt: Vattenläcka" in desk_feed
