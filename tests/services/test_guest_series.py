"""A guest's series (issue 16): the receptionist or an admin books a desk or the room for an
external guest on repeat, with the guest columns on every booking and the same fair rules as a
single guest booking; a user may not; changing the series keeps it the guest's."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from satellitkontor.domain.bookings import DeskPeriod, Guest
from satellitkontor.domain.errors import PermissionDenied, SeriesTooLong
from satellitkontor.domain.recurrence import Recurrence
from tests.conftest import MONDAY, Office
from tests.services.helpers import TUESDAY, assert_rejected, count_bookings

FULL = DeskPeriod.FULL_DAY
KIM = Guest.of("Kim Berg", "Region Västerbotten")
WEEK = timedelta(days=7)


def test_the_receptionist_books_a_desk_series_for_a_guest(office: Office) -> None:
    o = office
    b = o.services.booking
    o.services.office.update_policy(o.admin.id, desk_days_per_week=1)  # the host's rule, not the guest's
    b.book_desk(o.bertil.id, o.desk(3).id, TUESDAY, FULL)  # the host's own desk that day: their one day
    rule = Recurrence.weekly(TUESDAY, {1, 2}, count=4)  # Tue, Wed, Tue, Wed
    preview = b.book_series(
        o.reception.id, o.desk(2).id, rule, period=FULL, for_person_id=o.bertil.id, guest=KIM, dry_run=True
    )
    assert preview.days == (TUESDAY, TUESDAY + timedelta(days=1), TUESDAY + WEEK, TUESDAY + timedelta(days=8))
    assert preview.skipped == ()
    result = b.book_series(
        o.reception.id, o.desk(2).id, rule, period=FULL, for_person_id=o.bertil.id, guest=KIM
    )
    assert [(v.guest_name, v.guest_org, v.person_id, v.municipality_code) for v in result.booked] == [
        ("Kim Berg", "Region Västerbotten", o.bertil.id, "vindeln")
    ] * 4
    assert all(v.is_guest and v.series_id == result.series_id for v in result.booked)
    # statistics count them as guest bookings under the host's municipality
    year = {r.municipality_code: r for r in o.services.statistics.usage(2026) if r.month is None}
    assert (year["vindeln"].guest_bookings, year["vindeln"].desk_days) == (4, 5.0)


def test_a_guest_room_series_and_the_rule_for_others(office: Office) -> None:
    o = office
    b = o.services.booking
    o.services.office.update_policy(o.admin.id, group_booking_days_ahead=7)
    rule = Recurrence.weekly(TUESDAY, {1}, count=3)
    desks = b.book_series(o.admin.id, o.desk(1).id, rule, period=FULL, guest=KIM)
    assert [v.day for v in desks.booked] == [TUESDAY]  # the guest's desk: at most 7 days ahead
    assert [type(s.error).__name__ for s in desks.skipped] == ["ForOthersTooEarly"] * 2
    rooms = b.book_series(
        o.admin.id,
        o.room.id,
        rule,
        start_time=time(9),
        end_time=time(10),
        participants=2,
        title="Besök",
        guest=KIM,
    )
    assert [(v.day, v.guest_name, v.title) for v in rooms.booked] == [
        (TUESDAY + n * WEEK, "Kim Berg", "Besök") for n in range(3)
    ]


def test_a_user_may_not_and_the_longest_series_holds(office: Office) -> None:
    o = office
    b = o.services.booking
    rule = Recurrence.weekly(TUESDAY, {1}, count=2)
    assert_rejected(
        o, lambda: b.book_series(o.anna.id, o.desk(1).id, rule, period=FULL, guest=KIM), PermissionDenied
    )
    o.services.office.update_policy(o.admin.id, max_series_weeks=2)
    before = count_bookings(o)
    with pytest.raises(SeriesTooLong):
        b.book_series(
            o.reception.id, o.desk(1).id, Recurrence.weekly(TUESDAY, {1}, count=4), period=FULL, guest=KIM
        )
    assert count_bookings(o) == before


def test_changing_a_guest_series_keeps_it_the_guests(office: Office) -> None:
    o = office
    b = o.services.booking
    made = b.book_series(
        o.reception.id, o.desk(1).id, Recurrence.weekly(MONDAY + WEEK, {0}, count=2), period=FULL,
        for_person_id=o.anna.id, guest=KIM,
    )  # fmt: skip
    assert made.series_id is not None
    b.book_desk(o.anna.id, o.desk(5).id, MONDAY + timedelta(days=9), FULL)  # the host's own Wednesday
    done = b.change_series(o.reception.id, made.series_id, MONDAY + WEEK, weekdays=frozenset({0, 2}))
    mine = {v.day: v for v in o.services.occupancy.bookings_of(o.anna.id) if v.series_id == done.series_id}
    assert sorted(mine) == [MONDAY + WEEK, MONDAY + timedelta(days=9), MONDAY + 2 * WEEK]
    assert {(v.guest_name, v.guest_org) for v in mine.values()} == {("Kim Berg", "Region Västerbotten")}
