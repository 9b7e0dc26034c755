"""The time zones of one imported file, resolved from that file alone.

Why not take the zone ``icalendar`` attached: it keeps, for the whole process, the first
VTIMEZONE it ever saw for a TZID it does not know (a Windows name such as "W. Europe Standard
Time"), and later files with the same TZID get that one, even with their own VTIMEZONE. One odd
or hostile file would then shift every later import in the app by hours (measured with
icalendar 7.3: a "+05:00" definition stuck). So the reader keeps the wall-clock time icalendar
read and attaches the zone found here, in this order:

1. an IANA name (``Europe/Stockholm``, also behind a vendor prefix such as
   ``/freeassociation.sourceforge.net/Europe/Stockholm``, and ``UTC``): ``zoneinfo``;
2. the file's own VTIMEZONE with that TZID (Outlook's Windows names, "(UTC+01:00) Amsterdam,
   Berlin, ..."), built afresh, never shared, by ``FileZone`` below and not by a library: the
   prescan takes VTIMEZONE out of what icalendar sees (a zone of two parts that change every
   second made icalendar's dateutil zone take gigabytes). ``FileZone`` reads a part's onsets
   only near the year asked (a part from the year 1601 costs a year or two of days, not four
   centuries), spends every examined day from the file's ``WorkBudget``, and refuses rules
   within a day (HOURLY, MINUTELY, SECONDLY, BYHOUR, ...) and offsets of a day or more;
3. a Windows name without a VTIMEZONE: its IANA zone (icalendar's Windows-to-Olson table).

Anything else is ``None``: the reader refuses the event rather than guess.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from satellitkontor.integrations.ical.ics_prescan import ZonePart, ZoneText
from satellitkontor.integrations.ical.ics_recurrence import (
    Rule,
    RuleError,
    RuleUnsupported,
    WorkBudget,
    parse_rule,
    rule_days,
)

_OFFSET = re.compile(r"([+-])(\d\d)(\d\d)(\d\d)?")
_LOCAL = re.compile(r"(\d{8})T(\d{6})")
#: How many onsets of explicit dates (DTSTART and RDATE) one part may list.
MAX_PART_DATES = 2_000


def zone_named(name: str) -> ZoneInfo | None:
    """The IANA zone ``name`` (or the zone at its end, after a vendor prefix), else None."""
    name = name.strip()
    if not name or len(name) > 120:
        return None
    parts = [p for p in name.split("/") if p]
    for n in (3, 2, 1):
        if len(parts) < n:
            continue
        try:
            return ZoneInfo("/".join(parts[-n:]))
        except (ValueError, OSError, KeyError):
            continue
    return None


class FileZones:
    """TZID -> tzinfo for one VCALENDAR (see the module's docstring)."""

    def __init__(self, zones: Sequence[ZoneText] = (), budget: WorkBudget | None = None) -> None:
        self._texts = {z.tzid: z for z in zones}
        self._zones: dict[str, tzinfo | None] = {}
        self.budget = budget

    def get(self, tzid: str) -> tzinfo | None:
        """The zone of ``tzid``; raises ``ValueError`` when the file's VTIMEZONE is broken."""
        tzid = tzid.strip()
        if tzid not in self._zones:
            self._zones[tzid] = self._resolve(tzid)
        return self._zones[tzid]

    def release(self) -> None:
        """The file is read: later questions (the plan's) are no longer the file's budget's."""
        for zone in self._zones.values():
            if isinstance(zone, FileZone):
                zone.budget = None

    def _resolve(self, tzid: str) -> tzinfo | None:
        zone: tzinfo | None = zone_named(tzid) if "/" in tzid or tzid.upper() in ("UTC", "GMT") else None
        if zone is not None:
            return zone
        text = self._texts.get(tzid)
        if text is not None:
            return FileZone(text, self.budget)
        if len(tzid) > 200:
            return None
        from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

        olson = WINDOWS_TO_OLSON.get(tzid)
        return zone_named(olson) if olson else zone_named(tzid)  # "CET" and the like


@dataclass(frozen=True, slots=True)
class _Part:
    daylight: bool
    start: datetime  # naive: the local time of the first onset
    offset_from: timedelta
    offset_to: timedelta
    name: str | None
    rule: Rule | None
    dates: tuple[datetime, ...]  # DTSTART and RDATEs, sorted

    def lookback(self) -> timedelta:
        """How far before a moment the latest onset of the rule can lie."""
        assert self.rule is not None
        period = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 31}.get(self.rule.freq, 366)
        return timedelta(days=period * (self.rule.interval + 1))


class FileZone(tzinfo):
    """A zone built from a file's VTIMEZONE, within bounds (see the module's docstring)."""

    def __init__(self, text: ZoneText, budget: WorkBudget | None) -> None:
        self.tzid = text.tzid
        self.budget = budget
        if not text.parts:
            raise ValueError(text.tzid)
        self._parts = [_read_part(p, text.tzid) for p in text.parts]
        first = min(self._parts, key=lambda p: p.start)
        self._before = (first.offset_from, timedelta(0), first.name)
        self._years: dict[int, tuple[list[datetime], list[tuple[timedelta, timedelta, str | None]]]] = {}

    def __repr__(self) -> str:
        return f"FileZone({self.tzid[:40]!r})"

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return self._at(dt)[0] if dt is not None else None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return self._at(dt)[1] if dt is not None else None

    def tzname(self, dt: datetime | None) -> str | None:
        return self._at(dt)[2] if dt is not None else None

    def _at(self, dt: datetime) -> tuple[timedelta, timedelta, str | None]:
        local = dt.replace(tzinfo=None)
        onsets, infos = self._year(local.year)
        i = bisect.bisect_right(onsets, local)
        return infos[i - 1] if i else self._before

    def _year(self, year: int) -> tuple[list[datetime], list[tuple[timedelta, timedelta, str | None]]]:
        """The onsets that can be the latest one before a moment of ``year``, sorted."""
        if year in self._years:
            return self._years[year]
        end = datetime(year, 12, 31, 23, 59, 59)
        found: list[tuple[datetime, tuple[timedelta, timedelta, str | None]]] = []
        for part in self._parts:
            info = (
                part.offset_to,
                part.offset_to - part.offset_from if part.daylight else timedelta(0),
                part.name,
            )
            i = bisect.bisect_right(part.dates, end)
            j = bisect.bisect_left(part.dates, datetime(year, 1, 1))
            found.extend((d, info) for d in part.dates[max(0, j - 1) : i])
            if part.rule is not None:
                found.extend((d, info) for d in self._rule_onsets(part, part.rule, year, end))
        found.sort(key=lambda item: item[0])
        table = ([d for d, _ in found], [i for _, i in found])
        if len(self._years) < 200:
            self._years[year] = table
        return table

    def _rule_onsets(self, part: _Part, rule: Rule, year: int, end: datetime) -> list[datetime]:
        new_year = date(year, 1, 1)
        back = part.lookback()
        since = new_year - back if new_year - date.min > back else date.min
        out = []
        days = rule_days(
            rule,
            part.start.date(),
            end.date(),
            budget=self.budget,
            since=None if rule.count is not None else max(since, part.start.date()),
        )
        n = 1  # DTSTART is the first onset of COUNT
        for day in days:
            if day == part.start.date():
                continue
            n += 1
            onset = datetime.combine(day, part.start.time())
            if rule.count is not None and n > rule.count:
                break
            if rule.until is not None and _after(onset, part.offset_from, rule.until):
                break
            if day >= since:
                out.append(onset)
        return out[-400:]


def _after(onset: datetime, offset: timedelta, until: date | datetime) -> bool:
    if isinstance(until, datetime):
        if until.tzinfo is None:
            return onset > until
        return onset.replace(tzinfo=UTC) - offset > until
    return onset.date() > until


def _read_part(part: ZonePart, tzid: str) -> _Part:
    values: dict[str, str] = {}
    rdates: list[str] = []
    for line in part.properties:
        head, _, value = line.partition(":")
        name = head.partition(";")[0].upper()
        if name == "RDATE":
            rdates.extend(v for v in value.split(",") if v.strip())
        elif name in values:
            raise ValueError(tzid)
        else:
            values[name] = value.strip()
    try:
        start = _local(values["DTSTART"])
        offset_from, offset_to = _offset(values["TZOFFSETFROM"]), _offset(values["TZOFFSETTO"])
        rule = parse_rule(values["RRULE"]) if "RRULE" in values else None
        if len(rdates) + 1 > MAX_PART_DATES:
            raise ValueError(tzid)
        dates = sorted({start, *(_local(r) for r in rdates)})
    except (KeyError, ValueError, RuleError, RuleUnsupported) as exc:
        raise ValueError(tzid) from exc
    tzname = values.get("TZNAME", "")[:60] or None
    return _Part(part.kind == "DAYLIGHT", start, offset_from, offset_to, tzname, rule, tuple(dates))


def _local(value: str) -> datetime:
    match = _LOCAL.fullmatch(value.strip())
    if match is None:
        raise ValueError(value[:40])
    return datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")


def _offset(value: str) -> timedelta:
    match = _OFFSET.fullmatch(value.strip())
    if match is None:
        raise ValueError(value[:40])
    sign, hours, minutes, seconds = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds or 0))
    if delta >= timedelta(hours=24) or int(minutes) > 59:
        raise ValueError(value[:40])
    return -delta if sign == "-" else delta
