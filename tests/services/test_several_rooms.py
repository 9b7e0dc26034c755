"""Two conference rooms: each its own free time, statistics and calendar feed."""

from __future__ import annotations

from datetime import time

import pytest

from satellitkontor.domain import clock as clk
from satellitkontor.domain.feeds import FeedKind, Privacy
from satellitkontor.domain.resources import Resource, ResourceKind
from tests.conftest import MONDAY, Office
from tests.integrations.feed_helpers import events, feed
from tests.services.helpers import TUESDAY, at


@pytest.fixture
def small_room(office: Office) -> Resource:
    return office.services.office.add_resource(office.admin.id, ResourceKind.ROOM, "Lilla rummet", capacity=4)


def test_each_room_has_its_own_free_time(office: Office, small_room: Resource) -> None:
    b = office.services.booking
    b.book_room(office.anna.id, office.room.id, at(TUESDAY, 9), at(TUESDAY, 10), 6, "Styrgrupp")
    b.book_room(office.anna.id, small_room.id, at(TUESDAY, 8), at(TUESDAY, 12), 2, "Samtal")
    b.book_room(office.bertil.id, small_room.id, at(TUESDAY, 12), at(TUESDAY, 17), 2, "Beredning")
    day = office.services.occupancy.day(TUESDAY)
    big, small = day.rooms
    assert (big.resource.name, small.resource.name) == ("Konferensrummet", "Lilla rummet")
    assert day.free_spans(big) == ((at(TUESDAY, 8), at(TUESDAY, 9)), (at(TUESDAY, 10), at(TUESDAY, 17)))
    assert day.free_spans(small) == ()  # booked from opening to closing
    assert (day.hours_of(big), day.hours_of(small), day.room_hours) == (1.0, 9.0, 10.0)
    sunday = office.services.occupancy.day(MONDAY.replace(day=29))
    assert sunday.closed is not None and all(sunday.free_spans(r) == () for r in sunday.rooms)


def test_a_cancelled_meeting_frees_its_time(office: Office, small_room: Resource) -> None:
    b = office.services.booking
    meeting = b.book_room(office.anna.id, small_room.id, at(TUESDAY, 13), at(TUESDAY, 14), 2)
    b.cancel(office.anna.id, meeting.id)
    day = office.services.occupancy.day(TUESDAY)
    assert day.free_spans(day.rooms[1]) == ((at(TUESDAY, 8), at(TUESDAY, 17)),)


def test_statistics_give_each_rooms_meetings_and_hours(office: Office, small_room: Resource) -> None:
    b = office.services.booking
    b.book_room(office.anna.id, office.room.id, at(TUESDAY, 9), at(TUESDAY, 10, 30), 6)
    b.book_room(office.anna.id, small_room.id, at(TUESDAY, 9), at(TUESDAY, 10), 2)
    cancelled = b.book_room(office.anna.id, small_room.id, at(TUESDAY, 13), at(TUESDAY, 16), 2)
    b.cancel(office.anna.id, cancelled.id)
    rows = office.services.statistics.room_usage(2026)
    assert [(r.room, r.meetings, r.hours) for r in rows] == [
        ("Konferensrummet", 1, 1.5),
        ("Lilla rummet", 1, 1.0),
    ]
    assert sum(r.room_hours for r in office.services.statistics.usage(2026) if r.month is None) == 2.5
    assert [(r.room, r.meetings) for r in office.services.statistics.room_usage(2027)] == [
        ("Konferensrummet", 0),
        ("Lilla rummet", 0),
    ]


def test_each_room_has_its_own_feed_and_the_office_feed_names_the_room(
    office: Office, small_room: Resource
) -> None:
    services = office.services
    big = services.booking.book_room(office.anna.id, office.room.id, at(TUESDAY, 9), at(TUESDAY, 10), 6)
    small = services.booking.book_room(office.anna.id, small_room.id, at(TUESDAY, 9), at(TUESDAY, 10), 2)
    labels = [c.label for c in services.feeds.choices() if c.spec.kind is FeedKind.RESOURCE]
    assert "Konferensrummet (konferensrum)" in labels and "Lilla rummet (konferensrum)" in labels
    small_feed = events(feed(services, FeedKind.RESOURCE, small_room.id))
    assert list(small_feed) == [small.uid]
    assert str(small_feed[small.uid]["LOCATION"]).endswith("Lilla rummet")
    office_feed = events(feed(services, FeedKind.OFFICE, privacy=Privacy.PUBLIC))
    assert str(office_feed[big.uid]["SUMMARY"]).startswith("Konferensrummet – ")
    assert str(office_feed[small.uid]["SUMMARY"]).startswith("Lilla rummet – ")
    assert clk.to_local(office_feed[small.uid]["DTSTART"].dt).time() == time(9)
