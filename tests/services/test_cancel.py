"""Cancelling a booking: once, before it ends, only one's own unless staff; the place is freed."""

from __future__ import annotations

from datetime import time

import pytest

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.errors import AlreadyCancelled, AlreadyOver, BookingNotFound, PermissionDenied
from tests.conftest import MONDAY, Office
from tests.services.helpers import TUESDAY, at, count_bookings, sv


def test_cancel_frees_the_place_and_a_second_cancel_is_refused(office: Office) -> None:
    booking = office.services.booking
    first = booking.book_room(office.anna.id, office.room.id, at(TUESDAY, 9), at(TUESDAY, 10), 5, "Möte")
    assert first.sequence == 0

    cancelled = booking.cancel(office.anna.id, first.id)

    assert cancelled.status is BookingStatus.CANCELLED
    assert cancelled.sequence == 1  # calendars see a new version of the event
    assert (cancelled.start, cancelled.end) == (first.start, first.end)

    with pytest.raises(AlreadyCancelled) as twice:
        booking.cancel(office.anna.id, first.id)
    assert sv(twice.value) == f"Bokningen {first.id} är redan avbokad."
    assert office.services.occupancy.booking(first.id).sequence == 1

    # the cancelled slot can be booked again, by someone else, and is then taken
    again = booking.book_room(office.bertil.id, office.room.id, at(TUESDAY, 9), at(TUESDAY, 10), 3)
    assert again.status is BookingStatus.CONFIRMED
    assert count_bookings(office) == 2
    assert count_bookings(office, status="cancelled") == 1


def test_a_booking_that_has_ended_cannot_be_cancelled(sqlite_office: Office) -> None:
    o = sqlite_office
    morning = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.MORNING)
    o.clock.set_local(MONDAY, time(12, 0))

    with pytest.raises(AlreadyOver) as info:
        o.services.booking.cancel(o.anna.id, morning.id)
    assert "är redan passerad och kan inte ändras" in sv(info.value)
    assert o.services.occupancy.booking(morning.id).status is BookingStatus.CONFIRMED


def test_a_booking_under_way_can_still_be_cancelled(sqlite_office: Office) -> None:
    o = sqlite_office
    day = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    o.clock.set_local(MONDAY, time(11, 0))  # went home early
    assert o.services.booking.cancel(o.anna.id, day.id).status is BookingStatus.CANCELLED


def test_a_no_show_cannot_be_cancelled_afterwards(sqlite_office: Office) -> None:
    o = sqlite_office
    day = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    o.clock.set_local(MONDAY, time(8, 30))
    o.services.attendance.mark_no_show(o.reception.id, day.id)
    with pytest.raises(AlreadyOver):
        o.services.booking.cancel(o.anna.id, day.id)
    assert o.services.occupancy.booking(day.id).status is BookingStatus.NO_SHOW


def test_a_user_cannot_cancel_someone_elses_booking(office: Office) -> None:
    annas = office.services.booking.book_desk(office.anna.id, office.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)

    with pytest.raises(PermissionDenied) as info:
        office.services.booking.cancel(office.bertil.id, annas.id)

    message = sv(info.value)
    assert "inte behörighet att avboka någon annans bokning" in message
    assert "användare" in message
    still = office.services.occupancy.booking(annas.id)
    assert still.status is BookingStatus.CONFIRMED and still.sequence == 0


@pytest.mark.parametrize("staff", ["reception", "admin"])
def test_staff_may_cancel_someone_elses_booking(sqlite_office: Office, staff: str) -> None:
    o = sqlite_office
    annas = o.services.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    actor = getattr(o, staff)
    assert o.services.booking.cancel(actor.id, annas.id).status is BookingStatus.CANCELLED


def test_the_receptionist_who_booked_for_someone_and_the_person_may_both_cancel(
    sqlite_office: Office,
) -> None:
    o = sqlite_office
    booking = o.services.booking
    first = booking.book_desk(
        o.reception.id, o.desk(1).id, TUESDAY, DeskPeriod.MORNING, for_person_id=o.bertil.id
    )
    second = booking.book_desk(
        o.reception.id, o.desk(1).id, TUESDAY, DeskPeriod.AFTERNOON, for_person_id=o.bertil.id
    )
    assert booking.cancel(o.bertil.id, first.id).status is BookingStatus.CANCELLED
    with pytest.raises(PermissionDenied):
        booking.cancel(o.cecilia.id, second.id)
    assert booking.cancel(o.reception.id, second.id).status is BookingStatus.CANCELLED


def test_cancelling_an_unknown_booking(sqlite_office: Office) -> None:
    with pytest.raises(BookingNotFound) as info:
        sqlite_office.services.booking.cancel(sqlite_office.anna.id, 4711)
    assert sv(info.value) == "Det finns ingen bokning «4711»."
