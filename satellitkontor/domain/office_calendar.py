"""When the satellite office is open.

A day is closed for one of four reasons, checked in this order so the most specific reason is
the one shown: an admin's closure, a Swedish public holiday, one of the three "eves" the office
treats like holidays (midsummer eve, Christmas eve, New Year's eve), or a weekday without
opening hours (by default Saturday and Sunday).

Public holidays come from the ``holidays`` package with Swedish names. Two decisions:

* Sundays are not holidays here. Some versions of ``holidays`` list every Sunday as a Swedish
  holiday ("Söndag"); we pass ``include_sundays=False`` where the option exists and drop any
  "Söndag" entry otherwise, so a Sunday is closed because it has no opening hours (``WEEKDAY``),
  unless it really is a holiday such as Påskdagen.
* The eves are computed here, not taken from the package: only recent versions have them (in a
  separate ``DE_FACTO`` category), and the rules are simple and fixed by law.

Two holidays on one day keep both names, joined with "; " as the package does (1 May 2008 was
"Första maj; Kristi himmelsfärdsdag"). The holiday table is built once per year and shared by
all calendars; a front door may keep it between processes (domain/kept_holidays.py).
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from satellitkontor.domain import kept_holidays
from satellitkontor.domain.errors import InvalidInput

#: Swedish weekday names, Monday first, as shown for a ``WEEKDAY`` closure.
WEEKDAY_NAMES_SV: tuple[str, ...] = (
    "Måndag",
    "Tisdag",
    "Onsdag",
    "Torsdag",
    "Fredag",
    "Lördag",
    "Söndag",
)

#: How far ``next_open_day`` looks before it gives up.
SEARCH_LIMIT_DAYS = 366


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """Opening and closing time of one weekday (local time, Europe/Stockholm)."""

    opens: time
    closes: time

    def __post_init__(self) -> None:
        if not self.opens < self.closes:
            raise InvalidInput(
                field="opening_hours",
                value=f"{self.opens.isoformat('minutes')}-{self.closes.isoformat('minutes')}",
            )


_OFFICE_HOURS = OpeningHours(time(8, 0), time(17, 0))

#: Monday first: Monday-Friday 08:00-17:00, closed Saturday and Sunday.
DEFAULT_WEEK: tuple[OpeningHours | None, ...] = (
    _OFFICE_HOURS,
    _OFFICE_HOURS,
    _OFFICE_HOURS,
    _OFFICE_HOURS,
    _OFFICE_HOURS,
    None,
    None,
)


@dataclass(frozen=True, slots=True)
class Closure:
    """An admin's closure, from ``start`` to ``end``, both days included."""

    start: date
    end: date
    reason: str

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise InvalidInput(
                field="closure",
                value=f"{self.start.isoformat()}-{self.end.isoformat()}",
            )

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


class ClosedKind(StrEnum):
    WEEKDAY = "weekday"  # no opening hours on this weekday
    HOLIDAY = "holiday"  # Swedish public holiday
    EVE = "eve"  # midsummer eve, Christmas eve, New Year's eve
    CLOSURE = "closure"  # added by an admin


@dataclass(frozen=True, slots=True)
class ClosedReason:
    """Why a day is closed; ``name`` is Swedish (weekday, holiday or the closure's reason)."""

    kind: ClosedKind
    name: str


_HOLIDAYS_LOCK = threading.Lock()
_HOLIDAYS: dict[int, Mapping[date, str]] = {}


def _sweden() -> Any:
    """The ``holidays`` package's Swedish calendar class, loaded alone.

    ``holidays.country_holidays("SE")``, like any import of ``holidays.countries``, loads every
    country the package knows: 302 modules, about 240 ms and 17 MiB at the first call (issue
    18). Here only ``countries/sweden.py`` is loaded, under its own name, so a later import of
    ``holidays.countries`` finds it and uses the same class. If the package is laid out
    otherwise, the ordinary import is the fallback.
    """
    name = "holidays.countries.sweden"
    if name in sys.modules:
        return sys.modules[name].Sweden
    import holidays  # the package itself: its base classes, a few dozen modules

    path = Path(holidays.__file__).parent / "countries" / "sweden.py"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None or not path.is_file():  # pragma: no cover
        return holidays.country_holidays("SE").__class__
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:  # pragma: no cover - then the ordinary way
        del sys.modules[name]
        return holidays.country_holidays("SE").__class__
    return module.Sweden


def swedish_calendar() -> Any:
    """The ``holidays`` package's Swedish calendar class (see ``_sweden``), e.g. for its names in
    another language."""
    with _HOLIDAYS_LOCK:
        return _sweden()


def swedish_holidays(year: int) -> Mapping[date, str]:
    """Swedish public holidays of ``year`` (Swedish names), without plain Sundays. Computed once
    per year, also when two threads ask at once (the view's pool threads did, twice over)."""
    found = _HOLIDAYS.get(year)
    if found is not None:
        return found
    with _HOLIDAYS_LOCK:
        found = _HOLIDAYS.get(year)
        if found is not None:
            return found
        result = kept_holidays.load(year)
        if result is None:
            result = _computed_holidays(year)
            kept_holidays.store(year, result)
        found = _HOLIDAYS[year] = MappingProxyType(result)
        return found


def _computed_holidays(year: int) -> dict[date, str]:
    """The table of ``year`` from the ``holidays`` package (what domain/kept_holidays.py keeps)."""
    sweden = _sweden()
    options = {"include_sundays": False} if _knows_sundays(sweden) else {}
    table = sweden(years=year, language="sv", **options)
    result: dict[date, str] = {}
    for day, name in table.items():
        parts = [p for p in str(name).split("; ") if p not in ("Söndag", "Sunday")]
        if parts:
            result[day] = "; ".join(parts)
    return result


def _knows_sundays(cls: Any) -> bool:
    """Whether this version of ``holidays`` knows ``include_sundays``."""
    try:
        return "include_sundays" in inspect.signature(cls.__init__).parameters
    except (TypeError, ValueError):  # pragma: no cover - signature not introspectable
        return False


def eve_name(day: date) -> str | None:
    """Name of the eve on ``day``, if it is one: Midsommarafton, Julafton or Nyårsafton."""
    if day.month == 6 and 19 <= day.day <= 25 and day.weekday() == 4:
        return "Midsommarafton"
    if day.month == 12 and day.day == 24:
        return "Julafton"
    if day.month == 12 and day.day == 31:
        return "Nyårsafton"
    return None


class OfficeCalendar:
    """Opening hours per weekday plus closures; answers "is the office open on this day?"."""

    __slots__ = ("_closures", "_week")

    def __init__(
        self,
        week: Iterable[OpeningHours | None] = DEFAULT_WEEK,
        closures: Iterable[Closure] = (),
    ) -> None:
        week = tuple(week)
        if len(week) != 7:
            raise InvalidInput(field="week", value=len(week))
        for entry in week:
            if entry is not None and not isinstance(entry, OpeningHours):
                raise InvalidInput(field="week", value=repr(entry))
        self._week: tuple[OpeningHours | None, ...] = week
        self._closures: tuple[Closure, ...] = tuple(sorted(closures, key=lambda c: c.start))

    @property
    def week(self) -> tuple[OpeningHours | None, ...]:
        return self._week

    @property
    def closures(self) -> tuple[Closure, ...]:
        return self._closures

    def closed_reason(self, day: date) -> ClosedReason | None:
        """Why the office is closed on ``day``, or ``None`` when it is open."""
        for closure in self._closures:
            if closure.covers(day):
                return ClosedReason(ClosedKind.CLOSURE, closure.reason)
        holiday = swedish_holidays(day.year).get(day)
        if holiday is not None:
            return ClosedReason(ClosedKind.HOLIDAY, holiday)
        eve = eve_name(day)
        if eve is not None:
            return ClosedReason(ClosedKind.EVE, eve)
        if self._week[day.weekday()] is None:
            return ClosedReason(ClosedKind.WEEKDAY, WEEKDAY_NAMES_SV[day.weekday()])
        return None

    def is_open(self, day: date) -> bool:
        return self.closed_reason(day) is None

    def hours(self, day: date) -> OpeningHours | None:
        """Opening hours on ``day``; ``None`` when the office is closed."""
        if not self.is_open(day):
            return None
        return self._week[day.weekday()]

    def next_open_day(self, day: date, step: int = 1) -> date:
        """The first open day strictly after ``day`` (or strictly before, with ``step=-1``)."""
        if step not in (1, -1):
            raise InvalidInput(field="step", value=step)
        delta = timedelta(days=step)
        candidate = day
        for _ in range(SEARCH_LIMIT_DAYS):
            try:
                candidate += delta
            except OverflowError:
                break
            if self.is_open(candidate):
                return candidate
        raise InvalidInput(field="day", value=day.isoformat())

    def open_days(self, start: date, end: date) -> Iterator[date]:
        """Open days from ``start`` to ``end``, both included; nothing if ``end < start``."""
        day = start
        while day <= end:
            if self.is_open(day):
                yield day
            if day == end:
                break
            day += timedelta(days=1)
