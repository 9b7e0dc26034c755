"""The fair rules an admin turns on: desk-days per week and month, the longest series, desks for
others only so many days ahead. Each is off by default; each refusal names the rule and when the
booking frees up, and changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import (
    DeskDaysPerMonth,
    DeskDaysPerWeek,
    ForOthersTooEarly,
    InvalidInput,
    SeriesTooLong,
)
from satellitkontor.domain.policy import DEFAULT_POLICY, FAIR_RULES, BookingPolicy
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.words.texts import describe
from tests.conftest import MONDAY, Office
from tests.services.helpers import TUESDAY, WEDNESDAY, assert_rejected, count_bookings, count_series

FULL, MORNING, AFTERNOON = DeskPeriod.FULL_DAY, DeskPeriod.MORNING, DeskPeriod.AFTERNOON
THURSDAY = MONDAY + timedelta(days=3)
FRIDAY = MONDAY + timedelta(days=4)


def test_every_fair_rule_is_off_by_default_and_refuses_nonsense() -> None:
    assert all(getattr(DEFAULT_POLICY, name) is None for name in FAIR_RULES)
    for bad in (0, -1, True, 2.5, "3"):
        with pytest.raises(InvalidInput):
            BookingPolicy(desk_days_per_week=bad)  # type: ignore[arg-type]
    policy = BookingPolicy.from_dict({**DEFAULT_POLICY.to_dict(), "max_series_weeks": 8})
    assert policy.max_series_weeks == 8 and policy.to_dict()["desk_days_per_month"] is None


def test_desk_days_per_week_counts_halves_and_says_when_the_week_frees_up(office: Office) -> None:
    o = office
    o.services.office.update_policy(o.admin.id, desk_days_per_week=2)
    b = o.services.booking
    b.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)
    b.book_desk(o.anna.id, o.desk(2).id, TUESDAY, MORNING)
    err = assert_rejected(
        o,
        lambda: b.book_desk(o.anna.id, o.desk(3).id, WEDNESDAY, FULL),
        DeskDaysPerWeek,
    )
    assert describe(err, "sv") == (
        "Regeln högst 2 platsdagar per person och vecka: Anna Andersson har redan 1,5 vecka 48. "
        "Det går att boka igen från mån 30 nov 2026 (nästa vecka), eller när en annan bokning den veckan avbokas."
    )
    assert describe(err, "en").startswith(
        "The rule of at most 2 desk-days per person a week: Anna Andersson already has 1.5 in week 48."
    )
    b.book_desk(o.anna.id, o.desk(3).id, WEDNESDAY, AFTERNOON)  # half a day still fits
    b.book_desk(o.anna.id, o.desk(1).id, MONDAY + timedelta(days=7), FULL)  # the next week is free
    b.book_desk(o.bertil.id, o.desk(4).id, WEDNESDAY, FULL)  # a limit per person
    # A cancelled booking no longer counts.
    tuesday = next(x for x in o.services.occupancy.bookings_of(o.anna.id) if x.day == TUESDAY)
    b.cancel(o.anna.id, tuesday.id)
    b.book_desk(o.anna.id, o.desk(2).id, THURSDAY, MORNING)


def test_desk_days_per_month_and_the_receptionist_meets_the_same_rule(office: Office) -> None:
    o = office
    o.services.office.update_policy(o.admin.id, desk_days_per_month=3)
    b = o.services.booking
    for day in (MONDAY, TUESDAY, WEDNESDAY):
        b.book_desk(o.anna.id, o.desk(1).id, day, FULL)
    err = assert_rejected(
        o,
        lambda: b.book_desk(o.reception.id, o.desk(1).id, THURSDAY, FULL, for_person_id=o.anna.id),
        DeskDaysPerMonth,
        "högst 3 platsdagar per person och månad",
        "Anna Andersson har redan 3 i november 2026",
        "från tis 1 dec 2026 (nästa månad)",
    )
    assert err.params["frees"] == date(2026, 12, 1)
    b.book_desk(o.anna.id, o.desk(1).id, date(2026, 12, 1), FULL)


def test_a_desk_series_skips_the_days_over_the_limit_with_the_rule_as_reason(office: Office) -> None:
    o = office
    o.services.office.update_policy(o.admin.id, desk_days_per_week=2)
    rule = Recurrence.daily(MONDAY, until=FRIDAY)
    result = o.services.booking.book_series(o.anna.id, o.desk(1).id, rule, period=FULL)
    assert [v.day for v in result.booked] == [MONDAY, TUESDAY]
    assert [s.day for s in result.skipped] == [WEDNESDAY, THURSDAY, FRIDAY]
    assert all(isinstance(s.error, DeskDaysPerWeek) for s in result.skipped)
    assert "Det går att boka igen från mån 30 nov 2026" in describe(result.skipped[0].error, "sv")


def test_the_longest_series_is_refused_whole_and_names_the_last_allowed_day(office: Office) -> None:
    o = office
    o.services.office.update_policy(o.admin.id, max_series_weeks=4)
    b = o.services.booking
    too_long = Recurrence.weekly(MONDAY, [0], until=MONDAY + timedelta(weeks=4))
    before = (count_bookings(o), count_series(o))
    for dry_run in (True, False):
        with pytest.raises(SeriesTooLong) as info:
            b.book_series(o.anna.id, o.desk(1).id, too_long, period=FULL, dry_run=dry_run)
    assert (count_bookings(o), count_series(o)) == before
    assert describe(info.value, "sv") == (
        "Regeln högst 4 veckor för en återkommande bokning: serien som börjar mån 23 nov 2026 får sluta "
        "senast sön 20 dec 2026, inte mån 21 dec 2026. Boka en ny serie när den här närmar sig sitt slut."
    )
    fits = Recurrence.weekly(MONDAY, [0], until=MONDAY + timedelta(weeks=3))
    assert len(b.book_series(o.anna.id, o.desk(1).id, fits, period=FULL).booked) == 4
    # the room's series too
    from datetime import time

    with pytest.raises(SeriesTooLong):
        b.book_series(o.anna.id, o.room.id, too_long, start_time=time(9), end_time=time(10), participants=2)


def test_desks_for_others_only_so_many_days_ahead(office: Office) -> None:
    o = office
    o.services.office.update_policy(o.admin.id, group_booking_days_ahead=7)
    b = o.services.booking
    far = MONDAY + timedelta(days=10)
    assert_rejected(
        o,
        lambda: b.book_desk(o.reception.id, o.desk(1).id, far, FULL, for_person_id=o.bertil.id),
        ForOthersTooEarly,
        "en plats åt någon annan kan bokas tidigast 7 dagar före, för tors 3 dec 2026 alltså från tors 26 nov 2026",
    )
    b.book_desk(o.bertil.id, o.desk(1).id, far, FULL)  # booking for oneself is not limited
    b.book_desk(o.reception.id, o.desk(2).id, MONDAY + timedelta(days=7), FULL, for_person_id=o.cecilia.id)
    # a series for someone else books the days inside the window and says why the rest wait
    rule = Recurrence.daily(THURSDAY, until=MONDAY + timedelta(days=8))
    result = b.book_series(o.reception.id, o.desk(3).id, rule, period=FULL, for_person_id=o.anna.id)
    assert [v.day for v in result.booked] == [THURSDAY, FRIDAY, MONDAY + timedelta(days=7)]
    assert [(s.day, type(s.error).__name__) for s in result.skipped] == [
        (MONDAY + timedelta(days=5), "OfficeClosed"),
        (MONDAY + timedelta(days=6), "OfficeClosed"),
        (MONDAY + timedelta(days=8), "ForOthersTooEarly"),
    ]


def test_a_bad_fair_rule_is_refused_and_changes_nothing(office: Office) -> None:
    o = office
    with pytest.raises(InvalidInput):
        o.services.office.update_policy(o.admin.id, desk_days_per_week=0)
    assert o.services.office.policy() == DEFAULT_POLICY
    o.services.office.update_policy(o.admin.id, desk_days_per_week=3, max_series_weeks=12)
    policy = o.services.office.policy()
    assert (policy.desk_days_per_week, policy.max_series_weeks, policy.desk_days_per_month) == (3, 12, None)
