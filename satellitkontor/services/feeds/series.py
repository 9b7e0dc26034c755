"""A series in a calendar feed: one event with RRULE and EXDATE, or its bookings one by one.

A series (bookings sharing ``series_id``; the rule in ``booking_series``) is written as ONE
event when every booking of it that the feed publishes has the same desk or room, the same
wall-clock times (or is a full day), the same person and the same title: then
"RRULE + EXDATE" says exactly what was booked. Otherwise each booking is its own event, with
its own UID, as if there were no series.

The event:
- ``UID`` ``series-<series id>@satellitkontor``, the same for the series' whole life;
- ``DTSTART`` the first published occurrence in the feed's range, ``RRULE`` the stored rule's
  FREQ, INTERVAL and BYDAY with ``UNTIL`` the last published occurrence in the range (the feed
  shows its range of days, a series included);
- ``EXDATE`` every date of the rule in between that has no published booking: skipped when
  the series was booked (a holiday, a taken desk) or cancelled since. A no-show stays an
  occurrence (bookings keep their no-shows, see feed_writer);
- ``SEQUENCE`` the sum of the sequences of all the series' bookings, in and out of the range:
  every change to an occurrence (a cancellation raises its sequence) raises it, and it never
  falls as the range moves on; ``DTSTAMP``/``LAST-MODIFIED`` the newest change of any of them.

A series whose published bookings in the range are all cancelled has no event of its own: its
cancelled bookings are then written one by one for as long as cancelled bookings stay in a feed.
Before writing the rule, the clipped rule is expanded again and must give exactly the rule's
dates; if it does not (a rule this module does not understand), the bookings are written one
by one, which is always right.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any

from satellitkontor.domain.bookings import BookingStatus
from satellitkontor.domain.clock import OFFICE_TZ
from satellitkontor.domain.errors import BadRecurrence
from satellitkontor.domain.recurrence import Frequency, Recurrence, parse_rrule
from satellitkontor.integrations.ical.feed_writer import UID_DOMAIN, FeedBooking, FeedWriter, SeriesEvent
from satellitkontor.storage.queries import feeds as fq


def series_uid(series_id: str) -> str:
    return f"series-{series_id}@{UID_DOMAIN}"


def series_events(
    rows: Sequence[Any],
    writer: FeedWriter,
    *,
    range_start: datetime,
    range_end: datetime,
    cutoff: datetime,
) -> Iterator[str]:
    """The VEVENT text of one series, from all its rows (``feed_queries.series_bookings``)."""
    in_range = [r for r in rows if range_start <= r[3] < range_end]
    published = [r for r in in_range if r[2] is not BookingStatus.CANCELLED]
    event = _as_one_event(rows, published) if published else None
    if event is not None:
        yield writer.series(event)
        return
    for r in in_range:
        if r[2] is not BookingStatus.CANCELLED or (r[fq.CANCELLED_AT] or r[13]) >= cutoff:
            yield writer.booking(FeedBooking._make(r[: fq.N_FEED_COLUMNS]))


def _local_day(moment: datetime) -> date:
    return moment.astimezone(OFFICE_TZ).date()


def _shape(r: Any) -> tuple[object, ...]:
    """What must be equal in every occurrence of a series written as one event."""
    start, end = r[3].astimezone(OFFICE_TZ), r[4].astimezone(OFFICE_TZ)
    return (
        r[fq.RESOURCE_ID],
        r[fq.PERSON_ID],
        r[5],
        r[7],
        r[8],
        r[9],
        r[10],
        r[11],
        start.time(),
        end.time(),
    )


def _as_one_event(rows: Sequence[Any], published: list[Any]) -> SeriesEvent | None:
    first = published[0]
    shape = _shape(first)
    if any(_shape(r) != shape for r in published[1:]):
        return None
    days = [_local_day(r[3]) for r in published]
    if len(set(days)) != len(days):
        return None
    try:
        rule = parse_rrule(first[fq.RRULE], first[fq.FIRST_DAY])
    except BadRecurrence:
        return None
    first_day, last_day = days[0], days[-1]
    rule_days = [d for d in rule.dates() if first_day <= d <= last_day]
    if not set(days) <= set(rule_days):
        return None
    weekdays = rule.effective_weekdays if rule.frequency is Frequency.WEEKLY else frozenset()
    clipped = Recurrence(rule.frequency, first_day, last_day, None, weekdays, rule.interval)
    if clipped.dates() != rule_days:
        return None
    booked = set(days)
    return SeriesEvent(
        uid=series_uid(first[fq.SERIES_ID]),
        first=FeedBooking._make(first[: fq.N_FEED_COLUMNS]),
        rule=clipped,
        exdates=[d for d in rule_days if d not in booked],
        sequence=sum(r[1] for r in rows),
        created_at=min(r[12] for r in rows),
        updated_at=max(r[13] for r in rows),
    )
