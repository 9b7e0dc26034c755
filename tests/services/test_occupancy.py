"""The receptionist's day at a glance, and a person's own bookings."""

from __future__ import annotations

from datetime import time

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.office_calendar import ClosedKind, OpeningHours
from tests.conftest import MONDAY, Office
from tests.services.helpers import JULAFTON, JULDAGEN, SATURDAY, TUESDAY, WEDNESDAY, at

FULL, MORNING, AFTERNOON = DeskPeriod.FULL_DAY, DeskPeriod.MORNING, DeskPeriod.AFTERNOON


def test_day_shows_who_sits_where_and_what_is_on_in_the_room(office: Office) -> None:
    o = office
    b = o.services.booking
    b.book_desk(o.anna.id, o.desk(1).id, TUESDAY, FULL)
    b.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, MORNING)
    b.book_desk(o.cecilia.id, o.desk(3).id, TUESDAY, AFTERNOON)
    gone = b.book_desk(o.admin.id, o.desk(4).id, TUESDAY, MORNING)
    b.cancel(o.admin.id, gone.id)
    b.book_desk(o.reception.id, o.desk(5).id, TUESDAY, MORNING)
    b.book_desk(o.admin.id, o.desk(5).id, TUESDAY, AFTERNOON)
    b.book_desk(o.admin.id, o.desk(6).id, WEDNESDAY, FULL)  # another day
    b.book_room(o.bertil.id, o.room.id, at(TUESDAY, 9), at(TUESDAY, 10, 30), 6, "Styrgrupp")
    b.book_room(o.anna.id, o.room.id, at(TUESDAY, 13), at(TUESDAY, 14), 2)
    dropped = b.book_room(o.cecilia.id, o.room.id, at(TUESDAY, 15), at(TUESDAY, 17), 2)
    b.cancel(o.cecilia.id, dropped.id)

    day = o.services.occupancy.day(TUESDAY, viewer_id=o.reception.id)

    assert day.closed is None
    assert day.hours == OpeningHours(time(8), time(17))
    states = {d.resource.name: d.state for d in day.desks}
    assert states == {
        "Plats 1": "full",
        "Plats 2": "morning",
        "Plats 3": "afternoon",
        "Plats 4": "free",
        "Plats 5": "full",
        "Plats 6": "free",
        "Plats 7": "free",
        "Plats 8": "free",
    }
    who = {d.resource.name: [x.person_name for x in d.bookings] for d in day.desks}
    assert who["Plats 1"] == ["Anna Andersson"]
    assert who["Plats 4"] == []  # the cancelled booking is not shown as taking the place
    assert who["Plats 5"] == ["Rut Receptionist", "Åsa Administratör"]
    assert [d.bookings[0].municipality_code for d in day.desks[:3]] == ["umea", "vindeln", "ornskoldsvik"]
    (room,) = day.rooms
    assert [(x.title, x.participants) for x in room.bookings] == [("Styrgrupp", 6), (None, 2)]
    assert (day.desks_taken, day.desks_free) == (4, 4)
    assert day.room_hours == 2.5


def test_a_no_show_frees_the_place_in_the_day_view(sqlite_office: Office) -> None:
    o = sqlite_office
    booking = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)
    room = o.services.booking.book_room(o.anna.id, o.room.id, at(MONDAY, 8), at(MONDAY, 9), 3)
    o.clock.set_local(MONDAY, time(8, 40))
    o.services.attendance.mark_no_shows(o.reception.id)

    day = o.services.occupancy.day(MONDAY)
    desk = day.desks[0]
    assert desk.state == "free"
    assert [(x.id, x.status) for x in desk.bookings] == [(booking.id, BookingStatus.NO_SHOW)]
    assert [x.id for x in day.rooms[0].bookings] == [room.id]
    assert (day.desks_taken, day.desks_free, day.room_hours) == (0, 8, 0)


def test_closed_days_say_why(sqlite_office: Office) -> None:
    occupancy = sqlite_office.services.occupancy
    christmas = occupancy.day(JULDAGEN)
    assert christmas.closed is not None
    assert (christmas.closed.kind, christmas.closed.name) == (ClosedKind.HOLIDAY, "Juldagen")
    assert christmas.hours is None
    assert occupancy.day(JULAFTON).closed.name == "Julafton"
    assert occupancy.day(SATURDAY).closed.name == "Lördag"
    sqlite_office.services.office.add_closure(sqlite_office.admin.id, TUESDAY, TUESDAY, "Personaldag")
    closed = occupancy.day(TUESDAY)
    assert (closed.closed.kind, closed.closed.name) == (ClosedKind.CLOSURE, "Personaldag")
    assert all(d.state == "free" for d in closed.desks) and closed.desks_free == 8


def test_bookings_of_a_person_upcoming_and_past(sqlite_office: Office) -> None:
    o = sqlite_office
    b = o.services.booking
    monday = b.book_desk(o.anna.id, o.desk(1).id, MONDAY, MORNING)
    room = b.book_room(o.anna.id, o.room.id, at(TUESDAY, 13), at(TUESDAY, 14), 2)
    wednesday = b.book_desk(o.anna.id, o.desk(2).id, WEDNESDAY, FULL)
    tuesday = b.book_desk(o.anna.id, o.desk(3).id, TUESDAY, MORNING)
    cancelled = b.book_desk(o.anna.id, o.desk(4).id, TUESDAY, AFTERNOON)
    b.cancel(o.anna.id, cancelled.id)
    b.book_desk(o.bertil.id, o.desk(1).id, TUESDAY, FULL)  # someone else's

    o.clock.set_local(TUESDAY, time(12, 0))  # Monday is over, Tuesday morning just ended

    upcoming = o.services.occupancy.bookings_of(o.anna.id)
    assert [x.id for x in upcoming] == [room.id, wednesday.id]
    past = o.services.occupancy.bookings_of(o.anna.id, upcoming=False)
    assert [x.id for x in past] == [tuesday.id, monday.id]  # latest first
    with_cancelled = o.services.occupancy.bookings_of(o.anna.id, include_cancelled=True)
    assert [x.id for x in with_cancelled] == [cancelled.id, room.id, wednesday.id]
    assert o.services.occupancy.bookings_of(o.cecilia.id) == []


def test_a_full_day_on_a_short_day_holds_the_whole_desk(sqlite_office: Office) -> None:
    """Open 08-11 on Fridays: no afternoon to book, and a full day takes the desk (the day view's
    desk list and the occupancy said "morning taken, afternoon free" to each other before)."""
    from datetime import timedelta

    from satellitkontor.domain.bookings import halves_held

    o = sqlite_office
    week = (*o.services.office.policy().week[:4], OpeningHours(time(8), time(11)), None, None)
    o.services.office.update_policy(o.admin.id, week=week)
    friday = MONDAY + timedelta(days=4)
    booking = o.services.booking.book_desk(o.anna.id, o.desk(1).id, friday, FULL)

    desk = next(d for d in o.services.occupancy.day(friday).desks if d.resource.id == o.desk(1).id)

    assert desk.state == "full"
    assert (desk.morning_taken, desk.afternoon_taken) == (True, True)
    assert halves_held(booking) == {MORNING, AFTERNOON}
