"""Reading an untrusted .ics file (an Outlook or Microsoft Bookings export) into ImportedEvents.

``read_ics`` never crashes and never hangs on a bad file: every problem is an
``InvalidCalendarFile`` whose ``reason`` the catalogue (words/) turns into a sentence. The order of work:

1. ics_prescan: size cap, decoding, the line-by-line guard; it passes on only what we read.
2. ``icalendar`` parses that (its warnings are not ours: they are silenced here).
3. Each VEVENT becomes an ``ImportedEvent``; a broken date or a DTEND before DTSTART stops the
   import with the event's line (a file that is wrong in one place may be wrong in others).
4. Series (RRULE, RDATE, EXDATE, and overrides with RECURRENCE-ID) are expanded by
   ics_recurrence, at most ``MAX_OCCURRENCES_PER_SERIES`` per series and up to ``horizon`` days
   after ``today``; what was cut is said in a notice.

Time zones: a TZID the file describes with a VTIMEZONE is read with that description (Outlook's
"W. Europe Standard Time"); a known IANA or Windows name without one through ``zoneinfo``; UTC
as UTC. A TZID that is neither stops the import (guessing could move every booking by hours).
A floating time (no zone) is read in the file's X-WR-TIMEZONE if it names a zone, else as office
time. Outlook's X-MICROSOFT-CDO-ALLDAYEVENT:TRUE on midnight-to-midnight times makes an
all-day event, as Outlook shows it.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, TypeVar

from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import CalendarNotice, InvalidCalendarFile
from satellitkontor.integrations.ical import ics_values as values
from satellitkontor.integrations.ical.ics_model import (
    HORIZON_DAYS,
    MAX_OCCURRENCES,
    MAX_OCCURRENCES_PER_SERIES,
    MAX_READ_SECONDS,
    MAX_SERIES_YEARS,
    MAX_WORK_DAYS,
    PARSE_CHUNK,
    ImportedEvent,
    ParsedCalendar,
)
from satellitkontor.integrations.ical.ics_prescan import LINE_PROPERTY, decode, prescan, read_limited
from satellitkontor.integrations.ical.ics_recurrence import (
    Rule,
    RuleError,
    RuleUnsupported,
    WorkBudget,
    WorkExceeded,
    parse_rule,
    rule_days,
)
from satellitkontor.integrations.ical.ics_values import Moment
from satellitkontor.integrations.ical.ics_zones import FileZones, zone_named

_M = TypeVar("_M", datetime, date)


def read_ics(
    source: str | os.PathLike[str] | bytes,
    *,
    today: date,
    horizon_days: int = HORIZON_DAYS,
    name: str | None = None,
) -> ParsedCalendar:
    """The events of ``source`` (a path, or the file's bytes)."""
    budget = WorkBudget(MAX_WORK_DAYS, MAX_READ_SECONDS)
    if isinstance(source, bytes):
        data, label = source, name or "-"
    else:
        data, label = read_limited(source), name or os.fspath(source)
    text, encoding, notices = decode(data)
    scan = prescan(text, encoding)
    notices.extend(scan.notices)
    horizon = today + timedelta(days=horizon_days)
    reader = _Reader(horizon, notices, budget)
    product = ""
    all_zones: list[FileZones] = []
    try:
        for number, (cal, components) in enumerate(_parse(scan.text, budget)):
            product = product or str(cal.get("PRODID", ""))
            reader.floating_zone = zone_named(str(cal.get("X-WR-TIMEZONE", ""))) or clk.OFFICE_TZ
            reader.zones = FileZones([z for z in scan.zones if z.calendar == number], budget)
            all_zones.append(reader.zones)
            for component in components:
                reader.add(component)
        events = reader.expanded()
        for event in events:  # the days of its zones the plan will ask about, within the budget
            values.sort_key(event.start), values.sort_key(event.end)
    except WorkExceeded as exc:
        raise InvalidCalendarFile(reason="too_much_work", seconds=MAX_READ_SECONDS) from exc
    except OverflowError as exc:  # a moment at the edge of the calendar met arithmetic
        raise InvalidCalendarFile(reason="syntax", detail=_short(exc)) from exc
    for zones in all_zones:
        zones.release()
    return ParsedCalendar(label, encoding, product, events, tuple(notices), scan.events, horizon)


def _parse(text: str, budget: WorkBudget) -> Iterator[tuple[Any, list[Any]]]:
    """Each VCALENDAR of the scanned ``text`` (its properties) with its VEVENTs.

    icalendar reads ``PARSE_CHUNK`` events at a time, so that the budget's clock is looked at
    between them: it takes a few milliseconds an event, and 20,000 events took 40 s on a busy
    machine."""
    for header, events in _calendars(text):
        cal = None
        components: list[Any] = []
        for first in range(0, max(len(events), 1), PARSE_CHUNK):
            budget.check()
            chunk = [line for event in events[first : first + PARSE_CHUNK] for line in event]
            parsed = _parse_one("\r\n".join(["BEGIN:VCALENDAR", *header, *chunk, "END:VCALENDAR", ""]))
            cal = cal if cal is not None else parsed
            components.extend(parsed.walk("VEVENT"))
        yield cal, components


def _calendars(text: str) -> Iterator[tuple[list[str], list[list[str]]]]:
    """(property lines, [lines of each VEVENT]) of each VCALENDAR of the prescan's output."""
    header: list[str] = []
    events: list[list[str]] = []
    event: list[str] | None = None
    for line in text.split("\r\n"):
        if line == "BEGIN:VCALENDAR":
            header, events = [], []
        elif line == "END:VCALENDAR":
            yield header, events
        elif line == "BEGIN:VEVENT":
            event = [line]
        elif line == "END:VEVENT" and event is not None:
            event.append(line)
            events.append(event)
            event = None
        elif event is not None:
            event.append(line)
        elif line:
            header.append(line)


def _parse_one(text: str) -> Any:
    from icalendar import Calendar

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Calendar.from_ical(text)
    except (ValueError, TypeError, KeyError, IndexError, OSError, OverflowError) as exc:
        raise InvalidCalendarFile(reason="syntax", detail=_short(exc)) from exc


def _within_years(moment: _M, line: int) -> _M:
    """``moment`` if its day is one the app handles (clock.FIRST_DAY..LAST_DAY): the years 1 and
    9999 overflowed as soon as they met a time zone."""
    day = moment.date() if isinstance(moment, datetime) else moment
    if not clk.FIRST_DAY <= day <= clk.LAST_DAY:
        raise InvalidCalendarFile(reason="date_out_of_range", line=line, detail=values.shown(moment))
    return moment


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"


class _Reader:
    def __init__(self, horizon: date, notices: list[CalendarNotice], budget: WorkBudget) -> None:
        self.horizon = horizon
        self.budget = budget
        self.notices = notices
        self.floating_zone: tzinfo = clk.OFFICE_TZ
        self.zones = FileZones()
        #: (event, rule text or None, rdates, exdates) in file order
        self.items: list[tuple[ImportedEvent, str | None, list[Moment], list[Moment]]] = []

    # --- one VEVENT -----------------------------------------------------------------------
    def add(self, ev: Any) -> None:
        line = values.as_int(ev.get(LINE_PROPERTY), 0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            broken = {str(name).upper(): str(msg) for name, msg in getattr(ev, "errors", [])}
            for name in ("DTSTART", "DTEND", "RECURRENCE-ID", "DURATION", "EXDATE", "RDATE"):
                if name in broken:
                    raise InvalidCalendarFile(reason="bad_date", line=line, detail=values.value_of(ev, name))
            if ev.get("DTSTART") is None:
                raise InvalidCalendarFile(reason="no_start", line=line)
            start = self._moment(ev, "DTSTART", line)
            floating = isinstance(start, datetime) and values.is_floating(ev.get("DTSTART"))
            end = self._end(ev, start, line)
            start, end = values.outlook_all_day(ev, start, end)
            recurrence_id = self._moment(ev, "RECURRENCE-ID", line) if ev.get("RECURRENCE-ID") else None
            rdates = self._moments(ev.get("RDATE"), line)
            exdates = self._moments(ev.get("EXDATE"), line)
        summary, location = values.as_text(ev.get("SUMMARY")), values.as_text(ev.get("LOCATION"))
        uid = values.as_text(ev.get("UID")) or values.made_up_uid(start, summary, location)
        event = ImportedEvent(
            uid=uid,
            recurrence_id=recurrence_id,
            summary=summary,
            location=location,
            start=start,
            end=end,
            all_day=not isinstance(start, datetime),
            organizer=values.party(ev.get("ORGANIZER")),
            attendees=tuple(
                p for p in (values.party(a) for a in values.as_list(ev.get("ATTENDEE"))) if p is not None
            ),
            status=values.as_text(ev.get("STATUS")).upper(),
            sequence=values.as_int(ev.get("SEQUENCE"), 0),
            line=line,
            index=len(self.items) + 1,
            floating=floating,
        )
        rule = ev.get("RRULE")
        rule_text = None
        if rule is not None and recurrence_id is None:
            first = values.as_list(rule)[0]
            rule_text = (
                first.to_ical().decode("utf-8", "replace") if hasattr(first, "to_ical") else str(first)
            )
        self.items.append((event, rule_text, rdates, exdates))

    def _moment(self, ev: Any, name: str, line: int) -> Moment:
        prop = ev.get(name)
        value = getattr(prop, "dt", None)
        if isinstance(value, datetime):
            return self._zoned(_within_years(value, line), prop, line)
        if isinstance(value, date):
            return _within_years(value, line)
        raise InvalidCalendarFile(reason="bad_date", line=line, detail=values.value_of(ev, name))

    def _zoned(self, value: datetime, prop: Any, line: int) -> datetime:
        """``value`` (the wall-clock time the file wrote) in the zone its TZID names, resolved
        from this file alone (ics_zones.py); UTC stays UTC; floating gets the floating zone."""
        tzid = values.tzid(prop)
        if tzid:
            try:
                zone = self.zones.get(tzid)
            except ValueError as exc:
                raise InvalidCalendarFile(reason="bad_timezone", line=line, detail=tzid[:80]) from exc
            if zone is None:
                raise InvalidCalendarFile(reason="unknown_timezone", line=line, detail=tzid[:80])
            return value.replace(tzinfo=zone)
        if value.tzinfo is not None:
            return value
        return value.replace(tzinfo=self.floating_zone)

    def _moments(self, prop: Any, line: int) -> list[Moment]:
        out: list[Moment] = []
        for item in values.as_list(prop):
            for entry in getattr(item, "dts", []):
                value = getattr(entry, "dt", None)
                if isinstance(value, tuple):  # a PERIOD in RDATE: its start
                    value = value[0]
                if isinstance(value, datetime):
                    out.append(
                        self._zoned(_within_years(value, line), entry if values.tzid(entry) else item, line)
                    )
                elif isinstance(value, date):
                    out.append(_within_years(value, line))
                else:
                    raise InvalidCalendarFile(reason="bad_date", line=line, detail=str(value)[:80])
        return out

    def _end(self, ev: Any, start: Moment, line: int) -> Moment:
        end: Moment
        if ev.get("DTEND") is not None:
            end = self._moment(ev, "DTEND", line)
        elif ev.get("DURATION") is not None:
            length = getattr(ev.get("DURATION"), "dt", None)
            if not isinstance(length, timedelta):
                raise InvalidCalendarFile(
                    reason="bad_date", line=line, detail=values.value_of(ev, "DURATION")
                )
            try:
                end = _within_years(start + length, line)
            except OverflowError as exc:
                raise InvalidCalendarFile(
                    reason="date_out_of_range", line=line, detail=values.value_of(ev, "DURATION")
                ) from exc
        else:
            end = start + timedelta(days=1) if not isinstance(start, datetime) else start
        if isinstance(start, datetime) != isinstance(end, datetime):
            raise InvalidCalendarFile(reason="bad_date", line=line, detail=values.value_of(ev, "DTEND"))
        if values.before(end, start):
            raise InvalidCalendarFile(
                reason="end_before_start", line=line, detail=f"{values.shown(start)} – {values.shown(end)}"
            )
        if not isinstance(start, datetime) and end == start:
            end = start + timedelta(days=1)
        return end

    # --- series -----------------------------------------------------------------------------
    def expanded(self) -> tuple[ImportedEvent, ...]:
        overrides: dict[str, dict[Any, ImportedEvent]] = {}
        masters: set[str] = set()
        for event, rule, rdates, _ in self.items:
            if event.recurrence_id is not None:
                overrides.setdefault(event.uid, {})[values.occurrence_key(event.recurrence_id)] = event
            elif rule is not None or rdates:
                masters.add(event.uid)
        out: list[ImportedEvent] = []
        used: set[tuple[str, Any]] = set()
        for event, rule, rdates, exdates in self.items:
            if event.recurrence_id is not None:
                if event.uid not in masters:
                    out.append(event)  # an exception whose series is not in the file
                continue
            if rule is None and not rdates:
                out.append(event)
                continue
            mine = overrides.get(event.uid, {})
            for occurrence in self._series(event, rule, rdates, exdates):
                moved = mine.get(values.occurrence_key(occurrence.recurrence_id))
                if moved is not None:
                    used.add((event.uid, values.occurrence_key(occurrence.recurrence_id)))
                out.append(moved or occurrence)
            # overrides of occurrences the expansion did not reach (cut, or excluded) still count
            out.extend(e for k, e in mine.items() if (event.uid, k) not in used)
            used.update((event.uid, k) for k in mine)
            if len(out) > MAX_OCCURRENCES:
                break
        if len(out) > MAX_OCCURRENCES:
            raise InvalidCalendarFile(reason="too_many_events", limit=MAX_OCCURRENCES)
        return tuple(out)

    def _series(
        self, master: ImportedEvent, rule_text: str | None, rdates: list[Moment], exdates: list[Moment]
    ) -> list[ImportedEvent]:
        start = master.start
        first_day = start.date() if isinstance(start, datetime) else start
        starts: list[Moment] = [start]
        rule: Rule | None = None
        if rule_text is not None:
            try:
                rule = parse_rule(rule_text)
            except RuleUnsupported as exc:
                self._notice("series_unsupported", master, detail=str(exc))
            except RuleError as exc:
                raise InvalidCalendarFile(reason="bad_rrule", line=master.line, detail=str(exc)) from exc
        if rule is not None and first_day < self.horizon - timedelta(days=366 * MAX_SERIES_YEARS):
            self._notice("series_unsupported", master, detail=f"DTSTART {first_day.isoformat()}")
            rule = None
        if rule is not None:
            starts = self._rule_starts(master, rule, first_day)
        extra = [
            r for r in rdates if isinstance(r, datetime) == isinstance(start, datetime) and self._within(r)
        ]
        if len(starts) + len(extra) > MAX_OCCURRENCES_PER_SERIES:
            self._notice("series_truncated", master, limit=MAX_OCCURRENCES_PER_SERIES)
            extra = sorted(extra, key=values.sort_key)[: max(0, MAX_OCCURRENCES_PER_SERIES - len(starts))]
        starts.extend(extra)
        excluded = {values.occurrence_key(x) for x in exdates} | {
            ("d", x) for x in exdates if not isinstance(x, datetime)
        }
        seen: set[Any] = set()
        out = []
        length = values.length(master.start, master.end)
        for moment in sorted(starts, key=values.sort_key):
            key = values.occurrence_key(moment)
            day_key = ("d", moment.date() if isinstance(moment, datetime) else moment)
            if key in seen or key in excluded or day_key in excluded:
                continue
            seen.add(key)
            out.append(
                replace(
                    master,
                    start=moment,
                    end=moment + length,
                    recurrence_id=moment,
                    from_series=True,
                )
            )
        return out

    def _rule_starts(self, master: ImportedEvent, rule: Rule, first_day: date) -> list[Moment]:
        start = master.start
        out: list[Moment] = [start]
        last = self.horizon
        for day in rule_days(rule, first_day, last, budget=self.budget):
            if day == first_day:
                continue
            moment: Moment = datetime.combine(day, start.timetz()) if isinstance(start, datetime) else day
            if rule.until is not None and values.after_until(moment, rule.until):
                return out
            if rule.count is not None and len(out) >= rule.count:
                return out
            if len(out) >= MAX_OCCURRENCES_PER_SERIES:
                self._notice("series_truncated", master, limit=MAX_OCCURRENCES_PER_SERIES)
                return out
            out.append(moment)
        if rule.count is not None and len(out) >= rule.count:
            return out
        if rule.until is not None and values.until_day(rule.until) <= last:
            return out
        self._notice(
            "series_open_ended" if rule.open_ended else "series_beyond_horizon", master, horizon=last
        )
        return out

    def _within(self, moment: Moment) -> bool:
        return (moment.date() if isinstance(moment, datetime) else moment) <= self.horizon

    def _notice(self, reason: str, master: ImportedEvent, **facts: Any) -> None:
        self.notices.append(CalendarNotice(reason=reason, line=master.line, summary=master.summary, **facts))
