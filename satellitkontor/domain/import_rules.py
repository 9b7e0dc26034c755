"""Which rules an imported calendar event must follow to become a booking, and how its times
become a booking's times. Pure functions of plain values; the import service feeds them.

Decisions (an import brings in bookings that were already agreed elsewhere, often old ones):

* The past is allowed, and so is any day beyond the booking horizon: history must come in.
* A closed day (weekend, holiday, an admin's closure) and times outside the opening hours are
  not: the office was not open, and the day view shows only opening hours.
* The room's 15-minute grid and its shortest and longest booking are not applied: an Outlook
  meeting 10:05–10:50 keeps its times ("room bookings keep their times").
* A desk event becomes a full day, a morning or an afternoon by where it lies against the
  opening hours and the midday boundary (``BookingPolicy.midday``): all-day or across midday is a
  full day, ending by midday a morning, starting at or after midday an afternoon. Its booking
  gets the period's usual times, as a desk booked in the app does.
* An all-day event over several days becomes one booking per day (a desk's full day, or the
  room's opening hours); a timed event over several days only for a desk (the part of each day).
  At most ``MAX_DAYS`` days per event.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import EndBeforeStart, EventTooLong, OfficeClosed, OutsideOpeningHours
from satellitkontor.domain.office_calendar import OfficeCalendar, OpeningHours
from satellitkontor.domain.policy import BookingPolicy, desk_interval

#: Longest ``bookings.import_key`` (the column's length); longer keys are hashed.
MAX_KEY = 300
#: Days one event may cover.
MAX_DAYS = 31


def import_key(uid: str, occurrence: datetime | date, part: date | None = None) -> str:
    """The calendar identity of one imported booking: ``UID|local start`` of the occurrence
    (its RECURRENCE-ID for an occurrence of a series), ``|day`` for the second and later days
    of an event over several days. Hashed (``sha256:…``) when longer than the column."""
    when = (
        clk.to_local(occurrence).isoformat() if isinstance(occurrence, datetime) else occurrence.isoformat()
    )
    key = f"{uid}|{when}" + (f"|{part.isoformat()}" if part is not None else "")
    if len(key) > MAX_KEY:
        key = "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()
    return key


@dataclass(frozen=True, slots=True)
class DayPart:
    """The part of an event on one local day: ``start``/``end`` (UTC) or ``None`` for all day."""

    day: date
    start: datetime | None
    end: datetime | None


def day_parts(start: datetime | date, end: datetime | date) -> list[DayPart]:
    """Split an event into local days. Raises ``EndBeforeStart`` for an event without length
    and ``EventSpansDays`` for one over more than ``MAX_DAYS`` days."""
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        first = start.date() if isinstance(start, datetime) else start
        last = (end.date() if isinstance(end, datetime) else end) - timedelta(days=1)
        if last < first:
            last = first
        _check_days(first, last, start, end)
        return [DayPart(first + timedelta(days=i), None, None) for i in range((last - first).days + 1)]
    start, end = clk.to_utc(start), clk.to_utc(end)
    if end <= start:
        raise EndBeforeStart(start=start, end=end)
    first, last = clk.local_date(start), clk.local_date(end - timedelta(microseconds=1))
    _check_days(first, last, start, end)
    parts = []
    for i in range((last - first).days + 1):
        day = first + timedelta(days=i)
        lo, hi = clk.local_day_bounds(day)
        parts.append(DayPart(day, max(start, lo), min(end, hi)))
    return parts


def _check_days(first: date, last: date, start: datetime | date, end: datetime | date) -> None:
    if (last - first).days >= MAX_DAYS:
        raise EventTooLong(begins=start, ends=end, limit=MAX_DAYS)


def open_hours(day: date, calendar: OfficeCalendar) -> OpeningHours:
    """The day's opening hours, or ``OfficeClosed`` (the past allowed, unlike policy.check_day_bookable)."""
    reason = calendar.closed_reason(day)
    hours = calendar.hours(day)
    if reason is not None or hours is None:
        raise OfficeClosed(day=day, reason=reason.name if reason else "")
    return hours


def desk_booking(
    part: DayPart, calendar: OfficeCalendar, policy: BookingPolicy
) -> tuple[DeskPeriod, datetime, datetime]:
    """The desk period of ``part`` and that period's times (UTC)."""
    hours = open_hours(part.day, calendar)
    if part.start is None or part.end is None:
        period = DeskPeriod.FULL_DAY
    else:
        opens, closes = clk.local(part.day, hours.opens), clk.local(part.day, hours.closes)
        lo, hi = max(part.start, opens), min(part.end, closes)
        if lo >= hi:
            raise OutsideOpeningHours(day=part.day, opens=hours.opens, closes=hours.closes)
        midday = clk.local(part.day, policy.midday)
        if not hours.opens < policy.midday < hours.closes:
            period = DeskPeriod.FULL_DAY  # a short day has no halves
        elif hi <= midday:
            period = DeskPeriod.MORNING
        elif lo >= midday:
            period = DeskPeriod.AFTERNOON
        else:
            period = DeskPeriod.FULL_DAY
    start, end = desk_interval(part.day, period, hours, policy)
    return period, start, end


def room_booking(part: DayPart, calendar: OfficeCalendar) -> tuple[datetime, datetime]:
    """The room's times for ``part``: the event's own, within the day's opening hours; an
    all-day part books the opening hours. (A timed meeting over several days is refused by
    the caller with ``EventSpansDays``: a meeting does not run over night.)"""
    hours = open_hours(part.day, calendar)
    if part.start is None or part.end is None:
        return clk.local(part.day, hours.opens), clk.local(part.day, hours.closes)
    opens, closes = clk.local(part.day, hours.opens), clk.local(part.day, hours.closes)
    if part.start < opens or part.end > closes:
        raise OutsideOpeningHours(day=part.day, opens=hours.opens, closes=hours.closes)
    return part.start, part.end


def check_slot(start: datetime, end: datetime, calendar: OfficeCalendar) -> None:
    """A booking's times (UTC) lie on an open day within its opening hours (checked again when
    an import is written: a closure may have been added since the plan)."""
    day = clk.local_date(start)
    hours = open_hours(day, calendar)
    if end <= start:
        raise EndBeforeStart(start=start, end=end)
    if start < clk.local(day, hours.opens) or end > clk.local(day, hours.closes):
        raise OutsideOpeningHours(day=day, opens=hours.opens, closes=hours.closes)
