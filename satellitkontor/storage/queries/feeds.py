"""The reads of the calendar feeds (services/feeds/service.py): statements built once per feed kind.

Every statement takes the same bound parameters:

- ``range_start``, ``range_end``: the feed's first local day at 00:00 and the day after its last,
  as UTC instants; a booking belongs to the feed when it starts in between;
- ``cutoff``: cancelled bookings cancelled before this instant have left the feed;
- ``target``: the resource id, municipality code or person id (not for the office feed).

The bookings come in two statements so that neither needs all rows at once: the bookings outside
any series, in time order, and the bookings of every series that has a booking in the range,
grouped by series (all of a series' bookings, also those outside the range: the series event's
SEQUENCE and DTSTAMP are taken over all of them).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, String, bindparam, func, or_, select, union

from satellitkontor.domain.bookings import BookingStatus
from satellitkontor.domain.feeds import FeedKind
from satellitkontor.storage.models import (
    BookingRow,
    ClosureRow,
    PersonRow,
    ResourceRow,
    RotationMeetingRow,
    RotationYearRow,
    SeriesRow,
)
from satellitkontor.storage.types import UTCDateTime

#: The columns of integrations.ical.feed_writer.FeedBooking, in its order.
FEED_BOOKING_COLUMNS: tuple[Any, ...] = (
    BookingRow.uid,
    BookingRow.sequence,
    BookingRow.status,
    BookingRow.start_at,
    BookingRow.end_at,
    BookingRow.desk_period,
    BookingRow.resource_kind,
    ResourceRow.name,
    PersonRow.name,
    BookingRow.municipality_code,
    BookingRow.title,
    BookingRow.participants,
    BookingRow.created_at,
    BookingRow.updated_at,
    BookingRow.guest_name,
    BookingRow.guest_org,
)
N_FEED_COLUMNS = len(FEED_BOOKING_COLUMNS)
#: After the FeedBooking columns, the series statement has these (positions in the row).
SERIES_ID, RESOURCE_ID, PERSON_ID, CANCELLED_AT, RRULE, FIRST_DAY = range(N_FEED_COLUMNS, N_FEED_COLUMNS + 6)

_IN_RANGE = (
    BookingRow.start_at >= bindparam("range_start", type_=UTCDateTime()),
    BookingRow.start_at < bindparam("range_end", type_=UTCDateTime()),
)
_VISIBLE = or_(
    BookingRow.status != BookingStatus.CANCELLED,
    func.coalesce(BookingRow.cancelled_at, BookingRow.updated_at) >= bindparam("cutoff", type_=UTCDateTime()),
)
_IN_RANGE_AND = _IN_RANGE[0] & _IN_RANGE[1]


def _target(kind: FeedKind) -> tuple[ColumnElement[bool], ...]:
    if kind is FeedKind.RESOURCE:
        return (BookingRow.resource_id == bindparam("target", type_=Integer()),)
    if kind is FeedKind.MUNICIPALITY:
        return (BookingRow.municipality_code == bindparam("target", type_=String()),)
    if kind is FeedKind.PERSON:
        return (BookingRow.person_id == bindparam("target", type_=Integer()),)
    return ()


def _of_target(kind: FeedKind) -> tuple[ColumnElement[bool], ...]:
    """:func:`_target` written so that no index serves it (``+ 0``, ``|| ''``), for the bookings
    of the series found in the range: SQLite took the target's index for them and read the
    place's or person's whole history (a 20-year office's ``export-ical --all``: 1.04 s of its
    booking queries instead of 20 ms, issue 18); the series' index finds a handful of rows."""
    if kind is FeedKind.RESOURCE:
        return ((BookingRow.resource_id + 0) == bindparam("target", type_=Integer()),)
    if kind is FeedKind.MUNICIPALITY:
        return (BookingRow.municipality_code.concat("") == bindparam("target", type_=String()),)
    if kind is FeedKind.PERSON:
        return ((BookingRow.person_id + 0) == bindparam("target", type_=Integer()),)
    return ()


def _with_names(stmt: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
    return stmt.join(ResourceRow, ResourceRow.id == BookingRow.resource_id).outerjoin(
        PersonRow, PersonRow.id == BookingRow.person_id
    )


@cache
def single_bookings(kind: FeedKind) -> Select[*tuple[Any, ...]]:
    """Bookings outside any series that the feed shows, in time order."""
    stmt = _with_names(select(*FEED_BOOKING_COLUMNS).select_from(BookingRow))
    return stmt.where(*_IN_RANGE, *_target(kind), _VISIBLE, BookingRow.series_id.is_(None)).order_by(
        BookingRow.start_at, BookingRow.id
    )


#: Chosen bookings of one person (``ids``, expanding; ``person``), for a one-off calendar file.
PERSON_BOOKINGS_BY_ID: Select[*tuple[Any, ...]] = _with_names(
    select(*FEED_BOOKING_COLUMNS, BookingRow.id).select_from(BookingRow)
).where(
    BookingRow.id.in_(bindparam("ids", expanding=True)),
    BookingRow.person_id == bindparam("person", type_=Integer()),
)


def _series_in_range(kind: FeedKind) -> Select[*tuple[Any, ...]]:
    return select(BookingRow.series_id).where(*_IN_RANGE, *_target(kind), BookingRow.series_id.is_not(None))


@cache
def series_bookings(kind: FeedKind) -> Select[*tuple[Any, ...]]:
    """All bookings of the series that have a booking in the range, series by series."""
    stmt = _with_names(
        select(
            *FEED_BOOKING_COLUMNS,
            BookingRow.series_id,
            BookingRow.resource_id,
            BookingRow.person_id,
            BookingRow.cancelled_at,
            SeriesRow.rrule,
            SeriesRow.first_day,
        ).select_from(BookingRow)
    ).join(SeriesRow, SeriesRow.id == BookingRow.series_id)
    return stmt.where(*_of_target(kind), BookingRow.series_id.in_(_series_in_range(kind))).order_by(
        BookingRow.series_id, BookingRow.start_at, BookingRow.id
    )


@cache
def bookings_version(kind: FeedKind) -> Select[*tuple[Any, ...]]:
    """count, newest change, highest id and sum of sequences of every booking the feed's bytes
    depend on: those in the range (any status) and every booking of a series among them."""
    # The two halves of the OR found apart, each by an index, and their rows joined (a union
    # drops a booking found twice): as one OR, PostgreSQL read all of bookings (a sequential scan
    # growing with history, issue 18), and so did an IN over the union's ids.
    row = (BookingRow.id, BookingRow.updated_at, BookingRow.sequence)
    rows = union(
        select(*row).where(*_target(kind), _IN_RANGE_AND),
        select(*row).where(*_of_target(kind), BookingRow.series_id.in_(_series_in_range(kind))),
    ).subquery()
    return select(func.count(), func.max(rows.c.updated_at), func.max(rows.c.id), func.sum(rows.c.sequence))


#: The set-up that names things in a feed: desks and rooms (any change renames), people, series.
RESOURCES_VERSION = select(func.count(), func.max(ResourceRow.updated_at))
PEOPLE_VERSION = select(func.count(), func.max(PersonRow.updated_at))
SERIES_COUNT = select(func.count()).select_from(SeriesRow)

# --- the rotation calendar ----------------------------------------------------------------------
CONFIRMATIONS = select(RotationYearRow.year, RotationYearRow.confirmed_at)
ROTATION_YEARS_VERSION = select(func.count(), func.max(RotationYearRow.confirmed_at))

_MEETING_FROM = RotationMeetingRow.start_at >= bindparam("range_start", type_=UTCDateTime())
_MEETING_UNTIL = RotationMeetingRow.start_at < bindparam("range_end", type_=UTCDateTime())
#: The columns of integrations.ical.feed_writer.FeedMeeting, in its order.
MEETINGS = (
    select(
        RotationMeetingRow.uid,
        RotationMeetingRow.sequence,
        RotationMeetingRow.kind,
        RotationMeetingRow.title,
        RotationMeetingRow.start_at,
        RotationMeetingRow.end_at,
        RotationMeetingRow.location,
        RotationMeetingRow.note,
        RotationMeetingRow.created_at,
        RotationMeetingRow.updated_at,
    )
    .where(_MEETING_FROM, _MEETING_UNTIL)
    .order_by(RotationMeetingRow.start_at, RotationMeetingRow.id)
)
#: Start times of handover meetings in the range (the feed's years, for the December placeholder).
HANDOVER_STARTS = select(RotationMeetingRow.start_at).where(
    RotationMeetingRow.kind == "handover", _MEETING_FROM, _MEETING_UNTIL
)
MEETINGS_VERSION = select(
    func.count(),
    func.max(RotationMeetingRow.updated_at),
    func.max(RotationMeetingRow.id),
    func.sum(RotationMeetingRow.sequence),
).where(_MEETING_FROM, _MEETING_UNTIL)


# --- closures (issue 16: a closed day shows as closed in the office's and a place's feed) --------
CLOSURES = (
    select(
        ClosureRow.id, ClosureRow.start_date, ClosureRow.end_date, ClosureRow.reason, ClosureRow.created_at
    )
    .where(ClosureRow.end_date >= bindparam("first_day"), ClosureRow.start_date <= bindparam("last_day"))
    .order_by(ClosureRow.start_date, ClosureRow.id)
)
CLOSURES_VERSION = select(func.count(), func.max(ClosureRow.created_at), func.sum(ClosureRow.id))
