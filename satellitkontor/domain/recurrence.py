"""Recurring bookings: daily, or weekly on chosen weekdays, until a date or for a count.

A series is expanded into candidate dates here; the booking service then tries each date and
reports the ones it skipped. ``to_rrule`` gives the RFC 5545 rule so that calendar feeds can
publish a series as one event with RRULE and EXDATE.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from satellitkontor.domain.errors import BadRecurrence

#: Upper bound on occurrences, whatever the request: about two years of working days.
MAX_OCCURRENCES = 500
_RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"


@dataclass(frozen=True, slots=True)
class Recurrence:
    frequency: Frequency
    start: date
    until: date | None = None
    count: int | None = None
    #: Weekdays for weekly series, Monday = 0. Empty means the start date's weekday.
    weekdays: frozenset[int] = frozenset()
    interval: int = 1

    def __post_init__(self) -> None:
        if (self.until is None) == (self.count is None):
            raise BadRecurrence(problem="until_or_count")
        if self.count is not None and not 1 <= self.count <= MAX_OCCURRENCES:
            raise BadRecurrence(problem="count", value=self.count, maximum=MAX_OCCURRENCES)
        if self.until is not None and self.until < self.start:
            raise BadRecurrence(problem="until_before_start", value=self.until)
        if not 1 <= self.interval <= 52:
            raise BadRecurrence(problem="interval", value=self.interval)
        if any(not 0 <= d <= 6 for d in self.weekdays):
            raise BadRecurrence(problem="weekdays", value=sorted(self.weekdays))

    @classmethod
    def weekly(
        cls,
        start: date,
        weekdays: Iterable[int],
        *,
        until: date | None = None,
        count: int | None = None,
        interval: int = 1,
    ) -> Recurrence:
        return cls(Frequency.WEEKLY, start, until, count, frozenset(weekdays), interval)

    @classmethod
    def daily(
        cls, start: date, *, until: date | None = None, count: int | None = None, interval: int = 1
    ) -> Recurrence:
        return cls(Frequency.DAILY, start, until, count, frozenset(), interval)

    @property
    def effective_weekdays(self) -> frozenset[int]:
        return self.weekdays or frozenset({self.start.weekday()})

    def dates(self) -> list[date]:
        """Every date the rule produces, in order (closed days included: the caller skips them)."""
        out: list[date] = []
        day = self.start
        limit = self.until
        while len(out) < MAX_OCCURRENCES:
            if limit is not None and day > limit:
                break
            if self.count is not None and len(out) >= self.count:
                break
            if self._matches(day):
                out.append(day)
            day += timedelta(days=1)
            if limit is None and (day - self.start).days > 7 * 52 * self.interval * 3:
                break  # a count so sparse it never completes; MAX_OCCURRENCES guards too
        return out

    def _matches(self, day: date) -> bool:
        if self.frequency is Frequency.DAILY:
            return (day - self.start).days % self.interval == 0
        if day.weekday() not in self.effective_weekdays:
            return False
        week_of_start = self.start - timedelta(days=self.start.weekday())
        return ((day - week_of_start).days // 7) % self.interval == 0

    def to_rrule(self) -> str:
        parts = [f"FREQ={self.frequency.value.upper()}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.frequency is Frequency.WEEKLY:
            parts.append("BYDAY=" + ",".join(_RRULE_DAYS[d] for d in sorted(self.effective_weekdays)))
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        if self.until is not None:
            parts.append(f"UNTIL={self.until:%Y%m%d}")
        return ";".join(parts)


def parse_rrule(rule: str, start: date) -> Recurrence:
    """The Recurrence that ``to_rrule`` wrote as ``rule`` (with ``start``, the series' first day).

    Reads what ``to_rrule`` writes (FREQ, INTERVAL, BYDAY, COUNT, UNTIL as a date); anything else
    is a ``BadRecurrence``. Calendar feeds use it to publish a stored series as one RRULE event.
    """
    parts: dict[str, str] = {}
    for item in rule.strip().upper().split(";"):
        key, sep, value = item.partition("=")
        if not sep or key in parts:
            raise BadRecurrence(problem="rrule", value=rule)
        parts[key] = value
    try:
        frequency = Frequency(parts.pop("FREQ").lower())
        interval = int(parts.pop("INTERVAL", "1"))
        count = int(parts.pop("COUNT")) if "COUNT" in parts else None
        until_text = parts.pop("UNTIL", None)
        until = date(int(until_text[:4]), int(until_text[4:6]), int(until_text[6:8])) if until_text else None
        days = parts.pop("BYDAY", "")
        weekdays = frozenset(_RRULE_DAYS.index(d) for d in days.split(",")) if days else frozenset()
    except (KeyError, ValueError) as exc:
        raise BadRecurrence(problem="rrule", value=rule) from exc
    if parts or (until_text is not None and len(until_text) != 8):
        raise BadRecurrence(problem="rrule", value=rule)
    return Recurrence(frequency, start, until, count, weekdays, interval)
