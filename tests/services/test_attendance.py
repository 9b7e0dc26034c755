"""Check-in on the day and no-shows after the grace period."""

from __future__ import annotations

from datetime import time

import pytest

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.errors import (
    AlreadyCancelled,
    AlreadyOver,
    CheckInNotAllowed,
    NotToday,
    PermissionDenied,
)
from tests.conftest import MONDAY, Office
from tests.services.helpers import TUESDAY, at, count_bookings, sv

FULL, MORNING, AFTERNOON = DeskPeriod.FULL_DAY, DeskPeriod.MORNING, DeskPeriod.AFTERNOON


def test_check_in_only_on_the_day_and_from_60_minutes_before_start(office: Office) -> None:
    o = office
    meeting = o.services.booking.book_room(o.anna.id, o.room.id, at(TUESDAY, 10), at(TUESDAY, 11), 4)
    attendance = o.services.attendance

    with pytest.raises(NotToday) as not_today:  # Monday 07:30
        attendance.check_in(o.anna.id, meeting.id)
    assert sv(not_today.value) == "Incheckning går bara samma dag som bokningen (tis 24 nov 2026)."

    o.clock.set_local(TUESDAY, time(8, 59))
    with pytest.raises(CheckInNotAllowed) as early:
        attendance.check_in(o.anna.id, meeting.id)
    assert sv(early.value) == "Incheckningen öppnar 09:00."
    assert o.services.occupancy.booking(meeting.id).status is BookingStatus.CONFIRMED

    o.clock.set_local(TUESDAY, time(9, 0))
    checked = attendance.check_in(o.anna.id, meeting.id)
    assert checked.status is BookingStatus.CHECKED_IN
    # twice is harmless
    assert attendance.check_in(o.anna.id, meeting.id).status is BookingStatus.CHECKED_IN
    assert count_bookings(o, status="checked_in") == 1


def test_check_in_is_refused_once_the_booking_is_over_or_cancelled(sqlite_office: Office) -> None:
    o = sqlite_office
    morning = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, MORNING)
    afternoon = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, AFTERNOON)
    o.services.booking.cancel(o.anna.id, afternoon.id)
    o.clock.set_local(MONDAY, time(12, 0))

    with pytest.raises(AlreadyOver):
        o.services.attendance.check_in(o.anna.id, morning.id)
    with pytest.raises(AlreadyCancelled) as cancelled:
        o.services.attendance.check_in(o.anna.id, afternoon.id)
    assert "redan avbokad" in sv(cancelled.value)


def test_the_receptionist_checks_in_others_but_a_user_cannot(sqlite_office: Office) -> None:
    o = sqlite_office
    annas = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)
    o.clock.set_local(MONDAY, time(8, 5))

    with pytest.raises(PermissionDenied) as refused:
        o.services.attendance.check_in(o.bertil.id, annas.id)
    assert "inte behörighet att checka in någon annan" in sv(refused.value)
    assert o.services.occupancy.booking(annas.id).status is BookingStatus.CONFIRMED

    assert o.services.attendance.check_in(o.reception.id, annas.id).status is BookingStatus.CHECKED_IN


def test_no_show_only_by_staff_and_only_after_the_30_minute_grace(office: Office) -> None:
    o = office
    annas = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)  # 08:00-17:00
    attendance = o.services.attendance

    o.clock.set_local(MONDAY, time(8, 45))
    with pytest.raises(PermissionDenied) as user:
        attendance.mark_no_show(o.bertil.id, annas.id)
    assert "inte behörighet att markera uteblivna" in sv(user.value)
    with pytest.raises(PermissionDenied):
        attendance.mark_no_shows(o.anna.id)

    o.clock.set_local(MONDAY, time(8, 29))
    with pytest.raises(CheckInNotAllowed) as early:
        attendance.mark_no_show(o.reception.id, annas.id)
    assert sv(early.value) == "Det går att markera som utebliven först 30 minuter efter start."
    assert count_bookings(o, status="no_show") == 0

    o.clock.set_local(MONDAY, time(8, 30))
    marked = attendance.mark_no_show(o.reception.id, annas.id)
    assert marked.status is BookingStatus.NO_SHOW
    assert marked.sequence == 1

    # a no-show frees the desk: a walk-in may take it
    walk_in = o.services.booking.book_desk(o.bertil.id, o.desk(1).id, MONDAY, MORNING)
    assert walk_in.status is BookingStatus.CONFIRMED
    # and Anna, turning up late, finds her place taken
    with pytest.raises(CheckInNotAllowed) as taken:
        attendance.check_in(o.anna.id, annas.id)
    assert sv(taken.value) == "Platsen har redan tagits av någon annan."


def test_a_late_no_show_may_check_in_while_the_place_is_free(sqlite_office: Office) -> None:
    o = sqlite_office
    annas = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)
    o.clock.set_local(MONDAY, time(9, 0))
    o.services.attendance.mark_no_show(o.admin.id, annas.id)
    o.clock.set_local(MONDAY, time(9, 40))
    assert o.services.attendance.check_in(o.anna.id, annas.id).status is BookingStatus.CHECKED_IN


def test_only_confirmed_bookings_can_be_marked_as_no_shows(sqlite_office: Office) -> None:
    o = sqlite_office
    here = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)
    gone = o.services.booking.book_desk(o.bertil.id, o.desk(2).id, MONDAY, FULL)
    o.services.booking.cancel(o.bertil.id, gone.id)
    o.clock.set_local(MONDAY, time(8, 0))
    o.services.attendance.check_in(o.anna.id, here.id)
    o.clock.set_local(MONDAY, time(9, 0))

    with pytest.raises(CheckInNotAllowed) as checked_in:
        o.services.attendance.mark_no_show(o.reception.id, here.id)
    assert sv(checked_in.value) == "Bokningen är incheckad och kan inte markeras."
    with pytest.raises(CheckInNotAllowed) as cancelled:
        o.services.attendance.mark_no_show(o.reception.id, gone.id)
    assert sv(cancelled.value) == "Bokningen är avbokad och kan inte markeras."


def test_mark_no_shows_marks_every_overdue_booking_and_nothing_else(office: Office) -> None:
    o = office
    b = o.services.booking
    overdue_desk = b.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)  # 08:00
    overdue_room = b.book_room(o.bertil.id, o.room.id, at(MONDAY, 8), at(MONDAY, 9), 3)  # 08:00
    checked_in = b.book_desk(o.cecilia.id, o.desk(2).id, MONDAY, FULL)
    within_grace = b.book_room(o.cecilia.id, o.room.id, at(MONDAY, 9), at(MONDAY, 10), 3)  # 09:00
    later = b.book_desk(o.bertil.id, o.desk(3).id, MONDAY, AFTERNOON)
    tomorrow = b.book_desk(o.anna.id, o.desk(1).id, TUESDAY, FULL)
    cancelled = b.book_desk(o.admin.id, o.desk(4).id, MONDAY, FULL)
    b.cancel(o.admin.id, cancelled.id)
    o.clock.set_local(MONDAY, time(8, 10))
    o.services.attendance.check_in(o.cecilia.id, checked_in.id)

    o.clock.set_local(MONDAY, time(9, 15))
    marked = o.services.attendance.mark_no_shows(o.reception.id)

    assert sorted(m.id for m in marked) == sorted([overdue_desk.id, overdue_room.id])
    assert all(m.status is BookingStatus.NO_SHOW for m in marked)
    status = {
        x.id: o.services.occupancy.booking(x.id).status for x in (checked_in, within_grace, later, tomorrow)
    }
    assert status == {
        checked_in.id: BookingStatus.CHECKED_IN,
        within_grace.id: BookingStatus.CONFIRMED,
        later.id: BookingStatus.CONFIRMED,
        tomorrow.id: BookingStatus.CONFIRMED,
    }
    assert o.services.occupancy.booking(cancelled.id).status is BookingStatus.CANCELLED
    # running it again finds nothing new
    assert o.services.attendance.mark_no_shows(o.reception.id) == []


def test_mark_no_shows_leaves_earlier_days_and_imported_history_alone(sqlite_office: Office) -> None:
    """The sweep is today's: Monday's unchecked booking is not a no-show when swept on Tuesday,
    and neither is an imported booking (history never had check-ins)."""
    o = sqlite_office
    mondays = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, MORNING)
    tuesdays = o.services.booking.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, MORNING)
    imported = o.services.booking.book_desk(o.cecilia.id, o.desk(3).id, TUESDAY, MORNING)
    with o.services.db.session(write=True) as s:
        from satellitkontor.storage.models import BookingRow

        s.get(BookingRow, imported.id).import_key = "outlook-uid|2026-11-24T08:00"  # type: ignore[union-attr]
    o.clock.set_local(TUESDAY, time(11, 0))
    marked = o.services.attendance.mark_no_shows(o.reception.id)
    assert [b.id for b in marked] == [tuesdays.id]
    assert o.services.occupancy.booking(mondays.id).status is BookingStatus.CONFIRMED
    assert o.services.occupancy.booking(imported.id).status is BookingStatus.CONFIRMED
