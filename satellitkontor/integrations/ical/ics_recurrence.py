"""Recurrence rules (RRULE) of imported events, expanded day by day within fixed bounds.

Why not ``dateutil.rrule``: it searches forward until it finds a match, up to the year 9999, so
a rule that never matches ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30") keeps it busy for many seconds
even with an UNTIL (measured: 9 s), and a hostile file can hold several. Here the caller gives a
last day; the walk visits each day of the candidate periods between the series' first day and
that day once, so its cost is bounded by the window (at most ~18,000 days for 50 years), never
by the rule.

Supported (RFC 5545 3.3.10): FREQ DAILY, WEEKLY, MONTHLY, YEARLY with INTERVAL, COUNT, UNTIL,
BYDAY (with ordinals for MONTHLY and YEARLY), BYMONTHDAY, BYMONTH, BYYEARDAY, BYWEEKNO (ISO
weeks), BYSETPOS and WKST. Rules that repeat within a day (HOURLY, MINUTELY, SECONDLY, BYHOUR,
BYMINUTE, BYSECOND) are not bookings of a desk or a room: ``RuleUnsupported``, and the reader
keeps only the first occurrence. COUNT and UNTIL are the caller's to apply: they need the
occurrence's time, and DTSTART always counts as the first occurrence (RFC 5545 3.8.5.3).
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_SUB_DAILY = ("HOURLY", "MINUTELY", "SECONDLY")


class RuleError(ValueError):
    """The rule cannot be read (the file is broken)."""


class RuleUnsupported(ValueError):
    """The rule is valid but not something a booking can follow."""


class WorkExceeded(RuntimeError):
    """A file asked for more days to be examined than its ``WorkBudget`` allows."""


class WorkBudget:
    """How many candidate days the expansions of one file may examine, together.

    Bounding what is produced (occurrences) is not enough: a rule that never matches examines
    every day of its window and produces nothing, and 20,000 of them kept a reader busy for
    minutes. Every expansion of one file (series and time zones) spends from one budget; when it
    is spent, ``WorkExceeded``. ``seconds`` is the backstop on a slow or busy machine: past it
    ``check`` (and ``spend``) raise ``WorkExceeded`` too.
    """

    def __init__(self, limit: int, seconds: float | None = None) -> None:
        self.limit = limit
        self.spent = 0
        self.deadline = time.monotonic() + seconds if seconds is not None else None
        self._next_check = 0

    def spend(self, days: int) -> None:
        self.spent += days
        if self.spent > self.limit:
            raise WorkExceeded(self.limit)
        if self.spent >= self._next_check:  # now and then, not on every period
            self._next_check = self.spent + 2_000
            self.check()

    def check(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise WorkExceeded(self.limit)


@dataclass(frozen=True, slots=True)
class Rule:
    freq: str
    interval: int = 1
    count: int | None = None
    #: A date, an aware UTC datetime, or a naive (floating) datetime, as the file wrote it.
    until: date | datetime | None = None
    #: (ordinal or 0, weekday 0=Monday)
    byday: tuple[tuple[int, int], ...] = ()
    bymonthday: frozenset[int] = frozenset()
    bymonth: frozenset[int] = frozenset()
    byyearday: frozenset[int] = frozenset()
    byweekno: frozenset[int] = frozenset()
    bysetpos: tuple[int, ...] = ()
    wkst: int = 0

    @property
    def open_ended(self) -> bool:
        return self.count is None and self.until is None


def parse_rule(text: str) -> Rule:
    """The rule of an RRULE value such as ``FREQ=WEEKLY;BYDAY=TU;UNTIL=20261231T225959Z``."""
    parts: dict[str, str] = {}
    for item in text.strip().split(";"):
        if not item:
            continue
        key, sep, value = item.partition("=")
        key = key.strip().upper()
        if not sep or not value or key in parts:
            raise RuleError(text[:80])
        parts[key] = value.strip().upper()
    freq = parts.get("FREQ", "")
    if freq in _SUB_DAILY:
        raise RuleUnsupported(f"FREQ={freq}")
    if freq not in FREQUENCIES:
        raise RuleError(text[:80])
    for key in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        if key in parts:
            raise RuleUnsupported(key)
    if "COUNT" in parts and "UNTIL" in parts:
        raise RuleError(text[:80])
    try:
        interval = int(parts.get("INTERVAL", "1"))
        count = int(parts["COUNT"]) if "COUNT" in parts else None
        until = parse_until(parts["UNTIL"]) if "UNTIL" in parts else None
        byday = tuple(_weekday(v) for v in _list(parts.get("BYDAY")))
        rule = Rule(
            freq,
            interval,
            count,
            until,
            byday,
            _ints(parts.get("BYMONTHDAY"), 31),
            _ints(parts.get("BYMONTH"), 12, signed=False),
            _ints(parts.get("BYYEARDAY"), 366),
            _ints(parts.get("BYWEEKNO"), 53),
            tuple(sorted(_ints(parts.get("BYSETPOS"), 366))),
            WEEKDAYS.index(parts.get("WKST", "MO")),
        )
    except (ValueError, IndexError) as exc:
        raise RuleError(text[:80]) from exc
    if not 1 <= interval <= 1000 or (count is not None and not 1 <= count <= 1_000_000):
        raise RuleError(text[:80])
    if rule.byweekno and rule.wkst != 0:
        raise RuleUnsupported("BYWEEKNO;WKST")
    return rule


def parse_until(value: str) -> date | datetime:
    """UNTIL as a date, an aware UTC datetime (…Z) or a naive datetime."""
    value = value.strip()
    if len(value) == 8:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    if len(value) in (15, 16) and value[8] == "T":
        moment = datetime(
            int(value[:4]),
            int(value[4:6]),
            int(value[6:8]),
            int(value[9:11]),
            int(value[11:13]),
            int(value[13:15]),
        )
        if len(value) == 16:
            if value[15] != "Z":
                raise ValueError(value)
            return moment.replace(tzinfo=UTC)
        return moment
    raise ValueError(value)


def _list(value: str | None) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


def _ints(value: str | None, limit: int, *, signed: bool = True) -> frozenset[int]:
    out = set()
    for item in _list(value):
        n = int(item)
        if not (1 <= abs(n) <= limit) or (n < 0 and not signed):
            raise ValueError(item)
        out.add(n)
    return frozenset(out)


def _weekday(value: str) -> tuple[int, int]:
    day = value[-2:]
    ordinal = int(value[:-2]) if value[:-2] not in ("", "+") else 0
    if abs(ordinal) > 53:
        raise ValueError(value)
    return ordinal, WEEKDAYS.index(day)


# --- expansion ------------------------------------------------------------------------------
def rule_days(
    rule: Rule,
    first: date,
    last: date,
    *,
    budget: WorkBudget | None = None,
    since: date | None = None,
) -> Iterator[date]:
    """The days from ``first`` to ``last`` (both included) that ``rule`` matches, in order.

    ``first`` is the day of DTSTART: it anchors the periods (INTERVAL) and the defaults (the
    weekday of a WEEKLY rule without BYDAY, the day of a MONTHLY rule, ...). It is yielded only
    if the rule matches it; the caller adds DTSTART itself. ``since`` skips, without examining
    them, the periods that end before it (a time zone from the year 1601 is read near the
    events' years only); every examined day is spent from ``budget``.
    """
    for days in _periods(rule, first, last, since):
        if budget is not None:
            budget.spend(len(days))
        candidates = [d for d in days if _matches(rule, d, first)]
        if rule.bysetpos:
            candidates = _set_positions(candidates, rule.bysetpos)
        for day in candidates:
            if first <= day <= last:
                yield day


def _periods(rule: Rule, first: date, last: date, since: date | None = None) -> Iterator[list[date]]:
    step = rule.interval
    skip = since is not None and since > first
    if rule.freq == "DAILY":
        day = first
        if skip:
            assert since is not None
            day += timedelta(days=(since - first).days // step * step)
        while day <= last:
            yield [day]
            day += timedelta(days=step)
    elif rule.freq == "WEEKLY":
        start = first - timedelta(days=(first.weekday() - rule.wkst) % 7)
        if skip:
            assert since is not None
            start += timedelta(days=(since - start).days // (7 * step) * 7 * step)
        while start <= last:
            yield [start + timedelta(days=i) for i in range(7)]
            start += timedelta(days=7 * step)
    elif rule.freq == "MONTHLY":
        year, month = first.year, first.month
        if skip:
            assert since is not None
            months = ((since.year - year) * 12 + since.month - month) // step * step
            year, month = year + (month - 1 + months) // 12, (month - 1 + months) % 12 + 1
        while date(year, month, 1) <= last:
            length = calendar.monthrange(year, month)[1]
            yield [date(year, month, d) for d in range(1, length + 1)]
            month += step
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
            if year > 9999:
                return
    else:  # YEARLY
        year = first.year
        if skip:
            assert since is not None
            year += (since.year - year) // step * step
        named = sorted(rule.bymonth) if rule.bymonth and not (rule.byweekno or rule.byyearday) else None
        plain = not (rule.byday or rule.bymonthday or rule.byyearday or rule.byweekno)
        while year <= last.year:
            if plain:  # the day of DTSTART in each month the rule names (or DTSTART's month)
                yield [
                    date(year, m, first.day)
                    for m in (named or [first.month])
                    if first.day <= calendar.monthrange(year, m)[1]
                ]
            elif named is not None:  # only the months the rule names can match
                yield [date(year, m, d) for m in named for d in range(1, calendar.monthrange(year, m)[1] + 1)]
            else:
                start = date(year, 1, 1)
                length = 366 if calendar.isleap(year) else 365
                yield [start + timedelta(days=i) for i in range(length)]
            year += step


def _matches(rule: Rule, day: date, first: date) -> bool:
    if rule.bymonth and day.month not in rule.bymonth:
        return False
    month_length = calendar.monthrange(day.year, day.month)[1]
    year_length = 366 if calendar.isleap(day.year) else 365
    year_day = day.timetuple().tm_yday
    if rule.byweekno and rule.freq == "YEARLY":
        week = day.isocalendar()[1]
        weeks = date(day.isocalendar()[0], 12, 28).isocalendar()[1]
        if week not in rule.byweekno and week - weeks - 1 not in rule.byweekno:
            return False
    if rule.byyearday and year_day not in rule.byyearday and year_day - year_length - 1 not in rule.byyearday:
        return False
    if (
        rule.bymonthday
        and day.day not in rule.bymonthday
        and day.day - month_length - 1 not in rule.bymonthday
    ):
        return False
    if rule.byday and not any(
        wd == day.weekday() and (n == 0 or _nth(rule, day, n, month_length, year_length, year_day))
        for n, wd in rule.byday
    ):
        return False
    # the defaults RFC 5545 takes from DTSTART when a rule leaves a part out
    if rule.freq == "WEEKLY" and not rule.byday:
        return day.weekday() == first.weekday()
    if rule.freq == "MONTHLY" and not (rule.byday or rule.bymonthday or rule.byyearday):
        return day.day == first.day
    if rule.freq == "YEARLY" and not (rule.byday or rule.bymonthday or rule.byyearday or rule.byweekno):
        return day.day == first.day and (bool(rule.bymonth) or day.month == first.month)
    return True


def _nth(rule: Rule, day: date, n: int, month_length: int, year_length: int, year_day: int) -> bool:
    """Whether ``day`` is the n-th of its weekday in the month (or year) the rule counts in."""
    if rule.freq == "MONTHLY" or (rule.freq == "YEARLY" and rule.bymonth):
        forward, backward = (day.day - 1) // 7 + 1, -((month_length - day.day) // 7 + 1)
    elif rule.freq == "YEARLY" and not rule.byweekno:
        forward, backward = (year_day - 1) // 7 + 1, -((year_length - year_day) // 7 + 1)
    else:  # DAILY, WEEKLY, or with BYWEEKNO: an ordinal means nothing there
        return True
    return n in (forward, backward)


def _set_positions(candidates: list[date], positions: tuple[int, ...]) -> list[date]:
    chosen = set()
    for p in positions:
        index = p - 1 if p > 0 else len(candidates) + p
        if 0 <= index < len(candidates):
            chosen.add(candidates[index])
    return sorted(chosen)
