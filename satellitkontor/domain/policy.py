"""The office's booking rules as one configurable policy, and the checks that apply it.

Every rule has a default that suits a small shared office; an admin changes them through
``OfficeService.update_policy``. The policy is stored as JSON in the ``settings`` table so that a
new rule needs no schema change. The checks are pure functions of (request, policy, calendar,
now) so that they can be tested without a database; overlap checks need the data and live in the
booking service (and, as a last guard, in the database itself).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import (
    BeyondHorizon,
    DeskDaysPerMonth,
    DeskDaysPerWeek,
    EndBeforeStart,
    ForOthersTooEarly,
    InThePast,
    InvalidInput,
    NotOnSlotGrid,
    OfficeClosed,
    OutsideOpeningHours,
    ParticipantsOutOfRange,
    RuleViolation,
    SeriesTooLong,
    TooLong,
    TooShort,
)
from satellitkontor.domain.office_calendar import DEFAULT_WEEK, OfficeCalendar, OpeningHours

#: The fair rules, in the order the rules page and the booking dialogs show them.
FAIR_RULES = ("desk_days_per_week", "desk_days_per_month", "max_series_weeks", "group_booking_days_ahead")


@dataclass(frozen=True, slots=True)
class BookingPolicy:
    #: Opening hours, Monday first; ``None`` closes that weekday.
    week: tuple[OpeningHours | None, ...] = DEFAULT_WEEK
    #: Where a desk's morning ends and its afternoon begins.
    midday: time = time(12, 0)
    #: How many days ahead one may book (today counts as day 0).
    horizon_days: int = 90
    #: Room slots start and end on this grid (minutes).
    room_slot_minutes: int = 15
    room_min_minutes: int = 30
    room_max_minutes: int = 9 * 60
    #: The room's own capacity caps this too.
    max_participants: int = 12
    #: A room slot may start this long ago (someone books the meeting they are walking into).
    room_start_grace_minutes: int = 15
    #: One person, one desk at a time.
    one_desk_per_person: bool = True
    #: A confirmed booking not checked in this long after its start may be marked a no-show.
    no_show_grace_minutes: int = 30
    #: Check-in opens this long before the booking starts.
    check_in_early_minutes: int = 60
    #: Release unclaimed bookings by themselves: a confirmed booking nobody checked in to within
    #: ``no_show_grace_minutes`` of its start is cancelled (cause "release") and its place freed.
    #: Off by default; it runs in the reception's and admins' apps and as ``satellitkontor release``.
    auto_release: bool = False
    #: How long a desk or the room freed for the first on the waitlist is held for them to take
    #: (services/waitlist/); then it passes to the next in line.
    waitlist_offer_minutes: int = 120
    # --- fair rules: each off (None) until an admin sets it ------------------------------------
    #: Desk-days one person may hold in a week (Monday to Sunday); a morning or afternoon is half.
    desk_days_per_week: int | None = None
    #: Desk-days one person may hold in a calendar month.
    desk_days_per_month: int | None = None
    #: The longest a repeated booking may run, in weeks counted from its first day.
    max_series_weeks: int | None = None
    #: A desk booked for someone else (the way a municipality's group is seated) may be booked
    #: at the earliest this many days before the day, so that people booking for themselves
    #: choose first.
    group_booking_days_ahead: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.week) != 7:
            raise InvalidInput(field="week", value=len(self.week))
        for entry in self.week:
            if entry is not None and not isinstance(entry, OpeningHours):
                raise InvalidInput(field="week", value=repr(entry))
        for name in (
            "horizon_days",
            "room_slot_minutes",
            "room_min_minutes",
            "room_max_minutes",
            "max_participants",
            "waitlist_offer_minutes",
        ):
            if getattr(self, name) < 1:
                raise InvalidInput(field=name, value=getattr(self, name))
        for name in FAIR_RULES:
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                raise InvalidInput(field=name, value=value)
        if self.room_min_minutes > self.room_max_minutes:
            raise InvalidInput(field="room_min_minutes", value=self.room_min_minutes)
        if self.room_max_minutes > 24 * 60:
            raise InvalidInput(field="room_max_minutes", value=self.room_max_minutes)

    def calendar(self, closures: Any = ()) -> OfficeCalendar:
        return OfficeCalendar(self.week, closures)

    def with_changes(self, **changes: Any) -> BookingPolicy:
        return replace(self, **changes)

    # --- JSON ---------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "week":
                value = [
                    None if h is None else [h.opens.strftime("%H:%M"), h.closes.strftime("%H:%M")]
                    for h in value
                ]
            elif isinstance(value, time):
                value = value.strftime("%H:%M")
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BookingPolicy:
        known = {f.name for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue  # a rule from a newer version: keep working with the rest
            if key == "week":
                value = tuple(
                    None if h is None else OpeningHours(_parse_time(h[0]), _parse_time(h[1])) for h in value
                )
            elif key == "midday":
                value = _parse_time(value)
            kwargs[key] = value
        return cls(**kwargs)


def _parse_time(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(field="time", value=text) from exc


DEFAULT_POLICY = BookingPolicy()


# --- checks -----------------------------------------------------------------------------------
# Each rule is written once, as a function that returns the typed reason a booking is refused
# (or None); the ``check_*`` functions raise that reason, and the room week of the app asks
# :func:`room_slot_refusal` / :func:`room_refusal` so that it refuses the same times for the
# same reasons as the booking service.
def day_refusal(
    day: date, now: datetime, calendar: OfficeCalendar, policy: BookingPolicy
) -> RuleViolation | None:
    """Why nothing can be booked on ``day``: a past day, beyond the horizon, or closed."""
    today = clk.local_date(now)
    if day < today:
        return InThePast(day=day)
    last = today + timedelta(days=policy.horizon_days)
    if day > last:
        return BeyondHorizon(day=day, days=policy.horizon_days, last=last)
    reason = calendar.closed_reason(day)
    if reason is not None or calendar.hours(day) is None:
        return OfficeClosed(day=day, reason=reason.name if reason else "")
    return None


def check_day_bookable(
    day: date, now: datetime, calendar: OfficeCalendar, policy: BookingPolicy
) -> OpeningHours:
    """The office is open on ``day`` and ``day`` is within the horizon; returns the day's hours."""
    refusal = day_refusal(day, now, calendar, policy)
    if refusal is not None:
        raise refusal
    hours = calendar.hours(day)
    assert hours is not None
    return hours


def desk_interval(
    day: date, period: DeskPeriod, hours: OpeningHours, policy: BookingPolicy
) -> tuple[datetime, datetime]:
    """UTC [start, end) of a desk period on ``day``."""
    midday = policy.midday
    if period is not DeskPeriod.FULL_DAY and not (hours.opens < midday < hours.closes):
        # a short day (e.g. open 08-11) has no afternoon: book the whole day instead
        raise OutsideOpeningHours(day=day, opens=hours.opens, closes=hours.closes)
    start_t, end_t = {
        DeskPeriod.FULL_DAY: (hours.opens, hours.closes),
        DeskPeriod.MORNING: (hours.opens, midday),
        DeskPeriod.AFTERNOON: (midday, hours.closes),
    }[period]
    return clk.local(day, start_t), clk.local(day, end_t)


def check_desk_booking(
    day: date, period: DeskPeriod, now: datetime, calendar: OfficeCalendar, policy: BookingPolicy
) -> tuple[datetime, datetime]:
    hours = check_day_bookable(day, now, calendar, policy)
    start, end = desk_interval(day, period, hours, policy)
    if end <= now:
        raise InThePast(day=day, start=start, end=end)
    return start, end


def room_refusal(
    start: datetime,
    end: datetime,
    participants: int | None,
    capacity: int,
    now: datetime,
    calendar: OfficeCalendar,
    policy: BookingPolicy,
) -> RuleViolation | None:
    """Why the room cannot be booked from ``start`` to ``end`` for ``participants`` (None: not
    chosen yet, not checked), or None: the first rule broken, in the order the service checks."""
    start, end = clk.to_utc(start), clk.to_utc(end)
    if participants is not None:
        maximum = min(policy.max_participants, capacity)
        if not 1 <= participants <= maximum:
            return ParticipantsOutOfRange(value=participants, maximum=maximum)
    if end <= start:
        return EndBeforeStart(start=start, end=end)
    refusal = _room_day_and_hours(start, end, now, calendar, policy)
    if refusal is not None:
        return refusal
    grid = policy.room_slot_minutes
    for moment in (clk.to_local(start), clk.to_local(end)):
        if moment.second or moment.microsecond or (moment.hour * 60 + moment.minute) % grid:
            return NotOnSlotGrid(minutes=grid, value=moment)
    minutes = int((end - start).total_seconds() // 60)
    if minutes < policy.room_min_minutes:
        return TooShort(minutes=minutes, minimum=policy.room_min_minutes)
    if minutes > policy.room_max_minutes:
        return TooLong(minutes=minutes, maximum=policy.room_max_minutes)
    return _room_past(start, end, now, policy)


def room_slot_refusal(
    start: datetime, end: datetime, now: datetime, calendar: OfficeCalendar, policy: BookingPolicy
) -> RuleViolation | None:
    """Why no room booking can take in [``start``, ``end``) (one slot of the room week): the
    rules of :func:`room_refusal` about the day and the time, not the length or the number."""
    start, end = clk.to_utc(start), clk.to_utc(end)
    return _room_day_and_hours(start, end, now, calendar, policy) or _room_past(start, end, now, policy)


def _room_day_and_hours(
    start: datetime, end: datetime, now: datetime, calendar: OfficeCalendar, policy: BookingPolicy
) -> RuleViolation | None:
    local_start, local_end = clk.to_local(start), clk.to_local(end)
    day = local_start.date()
    refusal = day_refusal(day, now, calendar, policy)
    if refusal is not None:
        return refusal
    hours = calendar.hours(day)
    assert hours is not None
    if local_end.date() != day and not (
        local_end.date() == day + timedelta(days=1) and local_end.time() == time(0)
    ):
        return OutsideOpeningHours(day=day, opens=hours.opens, closes=hours.closes)
    if local_start.time() < hours.opens or _end_time(local_end, day) > hours.closes:
        return OutsideOpeningHours(day=day, opens=hours.opens, closes=hours.closes)
    return None


def _room_past(start: datetime, end: datetime, now: datetime, policy: BookingPolicy) -> RuleViolation | None:
    if end <= now or start < now - timedelta(minutes=policy.room_start_grace_minutes):
        return InThePast(day=clk.to_local(start).date(), start=start, end=end)
    return None


def check_room_booking(
    start: datetime,
    end: datetime,
    participants: int,
    capacity: int,
    now: datetime,
    calendar: OfficeCalendar,
    policy: BookingPolicy,
) -> tuple[datetime, datetime]:
    refusal = room_refusal(start, end, participants, capacity, now, calendar, policy)
    if refusal is not None:
        raise refusal
    return clk.to_utc(start), clk.to_utc(end)


def _end_time(local_end: datetime, day: date) -> time:
    if local_end.date() != day:  # exactly midnight after the day
        return time(23, 59, 59, 999999)
    return local_end.time()


# --- fair rules (the counts they need come from the booking service) ---------------------------
def desk_days(period: DeskPeriod) -> float:
    """A full day counts one desk-day, a morning or an afternoon half of one."""
    return 1.0 if period is DeskPeriod.FULL_DAY else 0.5


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of ``day``'s week."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def month_of(day: date) -> tuple[date, date]:
    """The first and the last day of ``day``'s month."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def check_desk_days(
    person: str, day: date, period: DeskPeriod, used_week: float, used_month: float, policy: BookingPolicy
) -> None:
    """``person`` may hold this desk period on ``day`` beside the desk-days already held that week
    and month; the refusal names the rule and the day it frees up (the next week or month)."""
    need = desk_days(period)
    limit = policy.desk_days_per_week
    if limit is not None and used_week + need > limit:
        sunday = week_of(day)[1]
        raise DeskDaysPerWeek(
            person=person,
            limit=limit,
            used=used_week,
            week=day.isocalendar().week,
            frees=sunday + timedelta(days=1),
        )
    limit = policy.desk_days_per_month
    if limit is not None and used_month + need > limit:
        first, last = month_of(day)
        raise DeskDaysPerMonth(
            person=person, limit=limit, used=used_month, month_start=first, frees=last + timedelta(days=1)
        )


def series_last_day(first: date, policy: BookingPolicy) -> date | None:
    """The last day a series starting on ``first`` may reach (None: no limit)."""
    if policy.max_series_weeks is None:
        return None
    return first + timedelta(weeks=policy.max_series_weeks, days=-1)


def check_series_length(first: date, last: date, policy: BookingPolicy) -> None:
    limit = series_last_day(first, policy)
    if limit is not None and last > limit:
        raise SeriesTooLong(weeks=policy.max_series_weeks, first=first, last=limit, until=last)


def for_others_opens(day: date, policy: BookingPolicy) -> date | None:
    """The first day a desk on ``day`` may be booked for someone else (None: no limit)."""
    if policy.group_booking_days_ahead is None:
        return None
    return day - timedelta(days=policy.group_booking_days_ahead)


def check_for_others(day: date, now: datetime, for_other: bool, policy: BookingPolicy) -> None:
    opens = for_others_opens(day, policy)
    if for_other and opens is not None and clk.local_date(now) < opens:
        raise ForOthersTooEarly(days=policy.group_booking_days_ahead, day=day, opens=opens)
