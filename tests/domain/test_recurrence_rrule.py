"""Reading back the RRULE a series was stored with (calendar feeds publish it)."""

from __future__ import annotations

from datetime import date

import pytest

from satellitkontor.domain.errors import BadRecurrence
from satellitkontor.domain.recurrence import Frequency, Recurrence, parse_rrule

START = date(2026, 11, 30)  # a Monday

RULES = [
    Recurrence.daily(START, count=10),
    Recurrence.daily(START, until=date(2027, 1, 15), interval=3),
    Recurrence.weekly(START, {1, 3}, until=date(2026, 12, 31)),
    Recurrence.weekly(START, {4}, count=7, interval=2),
    Recurrence.weekly(date(2026, 12, 6), {0}, count=5, interval=2),  # starts on a Sunday
    Recurrence.weekly(START, (), count=4),  # the start's weekday
]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.to_rrule())
def test_a_stored_rule_reads_back_to_the_same_dates(rule: Recurrence) -> None:
    again = parse_rrule(rule.to_rrule(), rule.start)
    assert again.dates() == rule.dates()
    assert again.to_rrule() == rule.to_rrule()


def test_the_fields_are_read() -> None:
    rule = parse_rrule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20261231", START)
    assert rule.frequency is Frequency.WEEKLY and rule.interval == 2
    assert rule.weekdays == frozenset({1, 3}) and rule.until == date(2026, 12, 31) and rule.count is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "FREQ=MONTHLY;COUNT=3",
        "FREQ=DAILY",  # neither COUNT nor UNTIL
        "FREQ=DAILY;COUNT=3;BYMONTH=1",
        "FREQ=DAILY;COUNT=x",
        "FREQ=WEEKLY;BYDAY=XX;COUNT=2",
        "FREQ=DAILY;UNTIL=20261231T120000Z",
        "FREQ=DAILY;COUNT=2;COUNT=3",
    ],
)
def test_anything_else_is_a_bad_recurrence(text: str) -> None:
    with pytest.raises(BadRecurrence):
        parse_rrule(text, START)
