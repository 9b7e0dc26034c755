"""How an imported event's times become a booking's: desk periods, days, the import key."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import EndBeforeStart, EventTooLong, OfficeClosed, OutsideOpeningHours
from satellitkontor.domain.import_rules import (
    MAX_DAYS,
    MAX_KEY,
    check_slot,
    day_parts,
    desk_booking,
    import_key,
    room_booking,
)
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.policy import DEFAULT_POLICY

TUESDAY = date(2026, 11, 24)
CAL = OfficeCalendar()


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return clk.local(day, time(hh, mm))


@pytest.mark.parametrize(
    ("start", "end", "period"),
    [
        ((8, 0), (17, 0), DeskPeriod.FULL_DAY),
        ((9, 30), (15, 0), DeskPeriod.FULL_DAY),  # across midday
        ((8, 30), (12, 0), DeskPeriod.MORNING),
        ((7, 0), (11, 0), DeskPeriod.MORNING),  # starts before opening: the open part counts
        ((12, 0), (17, 0), DeskPeriod.AFTERNOON),
        ((13, 0), (20, 0), DeskPeriod.AFTERNOON),
    ],
)
def test_a_desk_event_becomes_a_period_with_the_periods_own_times(
    start: tuple[int, int], end: tuple[int, int], period: DeskPeriod
) -> None:
    (part,) = day_parts(at(TUESDAY, *start), at(TUESDAY, *end))
    got, b_start, b_end = desk_booking(part, CAL, DEFAULT_POLICY)
    assert got is period
    expected = {
        DeskPeriod.FULL_DAY: ((8, 0), (17, 0)),
        DeskPeriod.MORNING: ((8, 0), (12, 0)),
        DeskPeriod.AFTERNOON: ((12, 0), (17, 0)),
    }[period]
    assert (b_start, b_end) == (at(TUESDAY, *expected[0]), at(TUESDAY, *expected[1]))


def test_an_all_day_event_is_a_full_day_and_several_days_are_several_bookings() -> None:
    parts = day_parts(date(2026, 11, 23), date(2026, 11, 26))
    assert [p.day for p in parts] == [date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)]
    assert all(desk_booking(p, CAL, DEFAULT_POLICY)[0] is DeskPeriod.FULL_DAY for p in parts)
    # the room on an all-day event: the opening hours
    assert room_booking(parts[1], CAL) == (at(TUESDAY, 8), at(TUESDAY, 17))


def test_a_desk_event_outside_opening_hours_and_on_a_closed_day() -> None:
    (evening,) = day_parts(at(TUESDAY, 18), at(TUESDAY, 20))
    with pytest.raises(OutsideOpeningHours):
        desk_booking(evening, CAL, DEFAULT_POLICY)
    (christmas,) = day_parts(date(2026, 12, 24), date(2026, 12, 25))
    with pytest.raises(OfficeClosed) as closed:
        desk_booking(christmas, CAL, DEFAULT_POLICY)
    assert closed.value.params["reason"] == "Julafton"


def test_the_past_is_allowed() -> None:
    (part,) = day_parts(at(date(2024, 3, 12), 10), at(date(2024, 3, 12), 11))
    assert room_booking(part, CAL) == (at(date(2024, 3, 12), 10), at(date(2024, 3, 12), 11))


def test_room_times_are_kept_off_the_grid_but_not_outside_opening_hours() -> None:
    (part,) = day_parts(at(TUESDAY, 10, 5), at(TUESDAY, 10, 50))
    assert room_booking(part, CAL) == (at(TUESDAY, 10, 5), at(TUESDAY, 10, 50))
    (early,) = day_parts(at(TUESDAY, 7, 30), at(TUESDAY, 9))
    with pytest.raises(OutsideOpeningHours):
        room_booking(early, CAL)
    with pytest.raises(OutsideOpeningHours):
        check_slot(at(TUESDAY, 16), at(TUESDAY, 18), CAL)


def test_day_parts_refuse_no_length_and_too_many_days() -> None:
    with pytest.raises(EndBeforeStart):
        day_parts(at(TUESDAY, 10), at(TUESDAY, 10))
    first = date(2026, 1, 1)
    with pytest.raises(EventTooLong):
        day_parts(first, first + timedelta(days=MAX_DAYS + 1))  # the end day is exclusive
    assert len(day_parts(first, first + timedelta(days=MAX_DAYS))) == MAX_DAYS


def test_a_timed_event_over_midnight_is_split_into_local_days() -> None:
    parts = day_parts(at(TUESDAY, 15), at(date(2026, 11, 25), 11))
    assert [
        (p.day, clk.to_local(p.start).time(), clk.to_local(p.end).time()) for p in parts if p.start and p.end
    ] == [
        (TUESDAY, time(15), time(0)),
        (date(2026, 11, 25), time(0), time(11)),
    ]


def test_the_import_key_is_uid_and_local_start_and_long_keys_are_hashed() -> None:
    start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert import_key("abc@umea.se", start) == "abc@umea.se|2026-11-24T10:00:00+01:00"
    assert import_key("abc@umea.se", date(2026, 11, 24)) == "abc@umea.se|2026-11-24"
    assert import_key("abc", date(2026, 11, 24), date(2026, 11, 25)) == "abc|2026-11-24|2026-11-25"
    long = import_key("x" * 400, start)
    assert long.startswith("sha256:") and len(long) <= MAX_KEY
    assert long == import_key("x" * 400, start) != import_key("x" * 401, start)
