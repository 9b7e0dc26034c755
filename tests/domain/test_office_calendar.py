from __future__ import annotations

from datetime import date, time, timedelta

import holidays
import pytest

from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.office_calendar import (
    DEFAULT_WEEK,
    ClosedKind,
    ClosedReason,
    Closure,
    OfficeCalendar,
    OpeningHours,
    swedish_holidays,
)

CAL = OfficeCalendar()
NINE_TO_FIVE = OpeningHours(time(8, 0), time(17, 0))


@pytest.mark.parametrize(
    ("day", "kind", "name"),
    [
        (date(2026, 1, 1), ClosedKind.HOLIDAY, "Nyårsdagen"),
        (date(2026, 1, 6), ClosedKind.HOLIDAY, "Trettondedag jul"),
        (date(2026, 4, 3), ClosedKind.HOLIDAY, "Långfredagen"),
        (
            date(2026, 4, 5),
            ClosedKind.HOLIDAY,
            "Påskdagen",
        ),  # a Sunday that is a holiday
        (date(2026, 4, 6), ClosedKind.HOLIDAY, "Annandag påsk"),
        (date(2026, 5, 14), ClosedKind.HOLIDAY, "Kristi himmelsfärdsdag"),
        (date(2026, 6, 19), ClosedKind.EVE, "Midsommarafton"),
        (date(2026, 6, 20), ClosedKind.HOLIDAY, "Midsommardagen"),
        (date(2026, 12, 24), ClosedKind.EVE, "Julafton"),
        (date(2026, 12, 25), ClosedKind.HOLIDAY, "Juldagen"),
        (date(2026, 12, 31), ClosedKind.EVE, "Nyårsafton"),
        (date(2026, 11, 22), ClosedKind.WEEKDAY, "Söndag"),
        (date(2026, 11, 28), ClosedKind.WEEKDAY, "Lördag"),
    ],
)
def test_closed_days_and_why(day: date, kind: ClosedKind, name: str) -> None:
    assert CAL.closed_reason(day) == ClosedReason(kind, name)
    assert not CAL.is_open(day)
    assert CAL.hours(day) is None


def test_plain_sunday_is_not_a_holiday() -> None:
    sunday = date(2026, 11, 22)
    assert sunday.weekday() == 6
    assert sunday not in swedish_holidays(2026)
    for day in swedish_holidays(2026):
        assert "Söndag" not in swedish_holidays(2026)[day]


def test_swedish_holidays_2026_complete() -> None:
    assert sorted(swedish_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 1, 6),
        date(2026, 4, 3),
        date(2026, 4, 5),
        date(2026, 4, 6),
        date(2026, 5, 1),
        date(2026, 5, 14),
        date(2026, 5, 24),
        date(2026, 6, 6),
        date(2026, 6, 20),
        date(2026, 10, 31),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]


def test_two_holidays_on_one_day_keep_both_names() -> None:
    assert CAL.closed_reason(date(2008, 5, 1)) == ClosedReason(
        ClosedKind.HOLIDAY, "Första maj; Kristi himmelsfärdsdag"
    )


def test_ordinary_tuesday_is_open_eight_to_five() -> None:
    day = date(2026, 11, 24)
    assert day.weekday() == 1
    assert CAL.closed_reason(day) is None
    assert CAL.is_open(day)
    assert CAL.hours(day) == OpeningHours(time(8, 0), time(17, 0))


@pytest.mark.parametrize(
    "eve",
    [
        date(2024, 6, 21),
        date(2025, 6, 20),
        date(2026, 6, 19),
        date(2027, 6, 25),
        date(2030, 6, 21),
    ],
)
def test_midsummer_eve_over_the_years(eve: date) -> None:
    assert CAL.closed_reason(eve) == ClosedReason(ClosedKind.EVE, "Midsommarafton")
    assert CAL.closed_reason(eve + timedelta(days=1)) == ClosedReason(ClosedKind.HOLIDAY, "Midsommardagen")
    # the Thursday before is an ordinary working day
    assert CAL.is_open(eve - timedelta(days=1))


def test_no_other_day_in_june_is_midsummer_eve() -> None:
    for year in range(2023, 2035):
        eves = [
            d
            for d in (date(year, 6, 1) + timedelta(days=i) for i in range(30))
            if CAL.closed_reason(d) == ClosedReason(ClosedKind.EVE, "Midsommarafton")
        ]
        assert len(eves) == 1
        assert eves[0].weekday() == 4
        assert 19 <= eves[0].day <= 25


def test_eves_agree_with_holidays_de_facto_category_where_available() -> None:
    try:
        table = holidays.country_holidays(
            "SE", years=range(2020, 2041), language="sv", categories=("de_facto",)
        )
    except (TypeError, ValueError):  # older versions of holidays have no DE_FACTO category
        pytest.skip("holidays has no de_facto category for SE")
    for day, name in table.items():
        assert CAL.closed_reason(day) == ClosedReason(ClosedKind.EVE, name)


def test_closure_is_inclusive_and_wins() -> None:
    closure = Closure(date(2026, 11, 20), date(2026, 11, 24), "Renovering")
    cal = OfficeCalendar(closures=[closure])
    reason = ClosedReason(ClosedKind.CLOSURE, "Renovering")
    assert cal.closed_reason(date(2026, 11, 20)) == reason  # first day (Friday)
    assert cal.closed_reason(date(2026, 11, 22)) == reason  # wins over Sunday
    assert cal.closed_reason(date(2026, 11, 24)) == reason  # last day
    assert cal.is_open(date(2026, 11, 19))
    assert cal.is_open(date(2026, 11, 25))
    assert cal.hours(date(2026, 11, 24)) is None


def test_closure_wins_over_holiday() -> None:
    cal = OfficeCalendar(closures=[Closure(date(2026, 12, 24), date(2026, 12, 24), "Flytt")])
    assert cal.closed_reason(date(2026, 12, 24)) == ClosedReason(ClosedKind.CLOSURE, "Flytt")
    assert cal.closed_reason(date(2026, 12, 25)) == ClosedReason(ClosedKind.HOLIDAY, "Juldagen")


def test_next_open_day_over_christmas() -> None:
    assert CAL.next_open_day(date(2026, 12, 23)) == date(2026, 12, 28)
    assert CAL.next_open_day(date(2026, 12, 28), step=-1) == date(2026, 12, 23)
    assert CAL.next_open_day(date(2026, 12, 30)) == date(2027, 1, 4)  # Nyårsafton, Nyårsdagen
    assert CAL.next_open_day(date(2027, 1, 4), step=-1) == date(2026, 12, 30)


def test_next_open_day_is_strict() -> None:
    tuesday = date(2026, 11, 24)
    assert CAL.next_open_day(tuesday) == date(2026, 11, 25)
    assert CAL.next_open_day(tuesday, step=-1) == date(2026, 11, 23)


def test_next_open_day_rejects_bad_step() -> None:
    with pytest.raises(InvalidInput):
        CAL.next_open_day(date(2026, 11, 24), step=2)


def test_next_open_day_gives_up_when_never_open() -> None:
    never = OfficeCalendar(week=(None,) * 7)
    with pytest.raises(InvalidInput):
        never.next_open_day(date(2026, 1, 1))


def test_open_days_inclusive() -> None:
    days = list(CAL.open_days(date(2026, 12, 21), date(2027, 1, 5)))
    assert days == [
        date(2026, 12, 21),
        date(2026, 12, 22),
        date(2026, 12, 23),
        date(2026, 12, 28),
        date(2026, 12, 29),
        date(2026, 12, 30),
        date(2027, 1, 4),
        date(2027, 1, 5),
    ]
    assert list(CAL.open_days(date(2026, 11, 24), date(2026, 11, 24))) == [date(2026, 11, 24)]
    assert list(CAL.open_days(date(2026, 11, 25), date(2026, 11, 24))) == []


def test_admin_opens_saturdays() -> None:
    saturday_hours = OpeningHours(time(9, 0), time(13, 0))
    cal = OfficeCalendar(week=(*DEFAULT_WEEK[:5], saturday_hours, None))
    assert cal.is_open(date(2026, 11, 28))
    assert cal.hours(date(2026, 11, 28)) == saturday_hours
    # a Saturday that is a holiday stays closed
    assert cal.closed_reason(date(2026, 6, 20)) == ClosedReason(ClosedKind.HOLIDAY, "Midsommardagen")
    assert cal.closed_reason(date(2026, 10, 31)) == ClosedReason(ClosedKind.HOLIDAY, "Alla helgons dag")
    assert not cal.is_open(date(2026, 11, 29))  # Sunday still closed
    assert cal.hours(date(2026, 11, 24)) == NINE_TO_FIVE


@pytest.mark.parametrize("length", [0, 6, 8])
def test_week_must_have_seven_days(length: int) -> None:
    with pytest.raises(InvalidInput) as info:
        OfficeCalendar(week=(NINE_TO_FIVE,) * length)
    assert info.value.params["field"] == "week"


@pytest.mark.parametrize(("opens", "closes"), [(time(17, 0), time(8, 0)), (time(8, 0), time(8, 0))])
def test_opening_hours_must_open_before_closing(opens: time, closes: time) -> None:
    with pytest.raises(InvalidInput) as info:
        OpeningHours(opens, closes)
    assert info.value.params["field"] == "opening_hours"


def test_closure_must_not_end_before_it_starts() -> None:
    with pytest.raises(InvalidInput):
        Closure(date(2026, 11, 24), date(2026, 11, 23), "Fel")
    one_day = Closure(date(2026, 11, 24), date(2026, 11, 24), "En dag")
    assert one_day.covers(date(2026, 11, 24))


def test_default_week_shape() -> None:
    assert len(DEFAULT_WEEK) == 7
    assert DEFAULT_WEEK[:5] == (NINE_TO_FIVE,) * 5
    assert DEFAULT_WEEK[5:] == (None, None)
