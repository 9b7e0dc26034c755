"""The bounded RRULE expansion against python-dateutil (icalendar's own dependency) on rules that
do end, and its bounds on rules that do not."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import pytest
from dateutil.rrule import rrulestr

from satellitkontor.integrations.ical.ics_recurrence import (
    RuleError,
    RuleUnsupported,
    parse_rule,
    rule_days,
)

START = date(2026, 1, 13)  # a Tuesday
LAST = date(2029, 12, 31)

RULES = [
    "FREQ=DAILY",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=DAILY;BYDAY=MO,WE,FR",
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU",
    "FREQ=WEEKLY;BYDAY=TU;BYMONTH=6,7,8",
    "FREQ=MONTHLY",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=MONTHLY;BYDAY=1MO",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    "FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE",
    "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
    "FREQ=YEARLY",
    "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24",
    "FREQ=YEARLY;BYDAY=20MO",
    "FREQ=YEARLY;BYYEARDAY=1,100,-1",
    "FREQ=YEARLY;BYWEEKNO=1,52;BYDAY=MO",
    "FREQ=YEARLY;BYMONTH=1,7",
]


@pytest.mark.parametrize("text", RULES)
def test_the_same_days_as_dateutil(text: str) -> None:
    mine = list(rule_days(parse_rule(text), START, LAST))
    theirs = [
        d.date()
        for d in rrulestr(text, dtstart=datetime.combine(START, datetime.min.time())).between(
            datetime.combine(START, datetime.min.time()),
            datetime.combine(LAST, datetime.max.time()),
            inc=True,
        )
    ]
    assert mine == theirs, text
    assert mine, text


def test_the_walk_is_bounded_by_the_window_not_by_the_rule() -> None:
    rule = parse_rule("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")
    started = time.perf_counter()
    assert list(rule_days(rule, START, START + timedelta(days=366 * 50))) == []
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    "text",
    ["FREQ=HOURLY", "FREQ=MINUTELY;COUNT=3", "FREQ=DAILY;BYHOUR=9,14", "FREQ=YEARLY;BYWEEKNO=1;WKST=SU"],
)
def test_rules_within_a_day_are_unsupported(text: str) -> None:
    with pytest.raises(RuleUnsupported):
        parse_rule(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "FREQ=FORTNIGHTLY",
        "FREQ=DAILY;COUNT=0",
        "FREQ=DAILY;COUNT=2;UNTIL=20261231",
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=MONTHLY;BYMONTHDAY=32",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=DAILY;UNTIL=2026-12-31",
        "FREQ=DAILY;FREQ=WEEKLY",
    ],
)
def test_broken_rules(text: str) -> None:
    with pytest.raises(RuleError):
        parse_rule(text)


def test_until_in_its_three_forms() -> None:
    assert parse_rule("FREQ=DAILY;UNTIL=20261231").until == date(2026, 12, 31)
    until = parse_rule("FREQ=DAILY;UNTIL=20261231T225959Z").until
    assert isinstance(until, datetime) and until.utcoffset() == timedelta(0)
    floating = parse_rule("FREQ=DAILY;UNTIL=20261231T235959").until
    assert isinstance(floating, datetime) and floating.tzinfo is None
