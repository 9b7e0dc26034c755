"""Reads and small writes the services share. Functions take a Session and return rows or
plain values; they decide nothing about rules or permissions.

storage/queries/core_reads.py has the reads of the day, the set-up and the acting person in
SQLAlchemy Core, for paths that load no ORM (issue 18). Inside a Session use these: a Core
statement executed by a Session does not flush the session's pending changes first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, exists, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingView, DeskPeriod
from satellitkontor.domain.office_calendar import Closure, OfficeCalendar
from satellitkontor.domain.people import Person
from satellitkontor.domain.policy import DEFAULT_POLICY, BookingPolicy
from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.storage.models import (
    BookingRow,
    ClosureRow,
    PersonRow,
    ResourceRow,
    SettingRow,
    WaitlistEntryRow,
)
from satellitkontor.storage.queries.core_reads import to_view as to_view

POLICY_KEY = "booking_policy"

# The statements of the frequent reads (the day view, every booking) are built once, with bound
# parameters: a Select is immutable (``.where()`` returns a new one), so sharing one is safe, and
# a statement object executed again reuses its memoised cache key. Building the statement and
# its cache key anew on every call cost more than running the query on SQLite (see
# tests/benchmarks/core_benchmark.py).

# --- settings and calendar --------------------------------------------------------------------
_POLICY_VALUE = select(SettingRow.value).where(SettingRow.key == POLICY_KEY)


def load_policy(session: Session) -> BookingPolicy:
    return policy_of(session.scalar(_POLICY_VALUE))


def settings_values(session: Session, keys: tuple[str, ...]) -> dict[str, Any]:
    """The values of the settings ``keys`` that exist, in one statement."""
    rows = session.execute(select(SettingRow.key, SettingRow.value).where(SettingRow.key.in_(keys)))
    return {key: value for key, value in rows}


def policy_of(value: Any) -> BookingPolicy:
    """The booking policy stored as ``value`` (the ``policy`` setting; None: the default)."""
    return BookingPolicy.from_dict(value) if isinstance(value, dict) else DEFAULT_POLICY


def save_setting(session: Session, key: str, value: Any, now: datetime) -> None:
    row = session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=value, updated_at=now))
    else:
        row.value = value
        row.updated_at = now


_CLOSURES = select(ClosureRow.start_date, ClosureRow.end_date, ClosureRow.reason).order_by(
    ClosureRow.start_date
)
_FROM_FIRST = ClosureRow.end_date >= bindparam("first")
_UNTIL_LAST = ClosureRow.start_date <= bindparam("last")
#: By (first given, last given).
_CLOSURES_IN = {
    (False, False): _CLOSURES,
    (True, False): _CLOSURES.where(_FROM_FIRST),
    (False, True): _CLOSURES.where(_UNTIL_LAST),
    (True, True): _CLOSURES.where(_FROM_FIRST, _UNTIL_LAST),
}


def load_closures(session: Session, first: date | None = None, last: date | None = None) -> list[Closure]:
    stmt = _CLOSURES_IN[first is not None, last is not None]
    params = {k: v for k, v in (("first", first), ("last", last)) if v is not None}
    return [Closure(r[0], r[1], r[2]) for r in session.execute(stmt, params)]


def load_calendar(
    session: Session, policy: BookingPolicy, first: date | None = None, last: date | None = None
) -> OfficeCalendar:
    return policy.calendar(load_closures(session, first, last))


def calendar_after_lock(
    session: Session, policy: BookingPolicy, calendar: OfficeCalendar, first: date, last: date
) -> OfficeCalendar:
    """The calendar as it is once the booking holds its locks (``lock_for_booking``).

    A booking reads the calendar before its lock, which keeps the lock short; on PostgreSQL a
    closure can commit in between, and the booking would land on the closed day (issue 16). A
    closure takes every resource's lock before it writes (OfficeService.add_closure), so once
    the booking holds its resource's lock, every closure that did not wait for the booking has
    committed, and READ COMMITTED lets this read see it; a later closure waits for the booking
    and cancels it. So the closures of ``first``..``last`` are read once more (one small query
    under the lock), and the calendar is new only if they changed: the caller then checks the
    day again and refuses it with the closed-day message.

    SQLite returns ``calendar`` as it is: the booking's write transaction began with BEGIN
    IMMEDIATE, before its first read, and holds the database's only write lock, so no closure
    can commit in between.
    """
    if session.get_bind().dialect.name != "postgresql":
        return calendar
    closures = load_closures(session, first, last)
    if set(closures) == {c for c in calendar.closures if c.start <= last and c.end >= first}:
        return calendar
    return policy.calendar(closures)


# --- people and resources ---------------------------------------------------------------------
def person_view(row: PersonRow) -> Person:
    return Person(row.id, row.name, row.email, row.municipality_code, row.kind, row.role, row.active)


def resource_view(row: ResourceRow) -> Resource:
    return Resource(
        row.id,
        row.kind,
        row.name,
        tuple(row.equipment or ()),
        row.capacity,
        row.active,
        row.x,
        row.y,
        row.sort_order,
    )


def person_by_email(session: Session, email: str) -> PersonRow | None:
    return session.scalar(select(PersonRow).where(PersonRow.email == email.strip().lower()))


def resource_by_name(session: Session, name: str) -> ResourceRow | None:
    wanted = " ".join(name.split()).casefold()
    for row in session.scalars(select(ResourceRow)):
        if row.name.casefold() == wanted:
            return row
    return None


#: The fields of a Resource, in order, as plain rows: loading ORM objects for a read-only list
#: took twice as long.
_RESOURCES_ALL = select(
    ResourceRow.id,
    ResourceRow.kind,
    ResourceRow.name,
    ResourceRow.equipment,
    ResourceRow.capacity,
    ResourceRow.active,
    ResourceRow.x,
    ResourceRow.y,
    ResourceRow.sort_order,
).order_by(ResourceRow.kind, ResourceRow.sort_order, ResourceRow.name)
_RESOURCES_ACTIVE = _RESOURCES_ALL.where(ResourceRow.active.is_(True))


def resources(session: Session, *, include_inactive: bool = False) -> list[Resource]:
    stmt = _RESOURCES_ALL if include_inactive else _RESOURCES_ACTIVE
    return [
        Resource(r[0], r[1], r[2], tuple(r[3] or ()), r[4], r[5], r[6], r[7], r[8])
        for r in session.execute(stmt)
    ]


# --- bookings ---------------------------------------------------------------------------------
_Person = aliased(PersonRow)


def _booking_select() -> Select[*tuple[Any, ...]]:
    return (
        select(
            BookingRow.id,
            BookingRow.uid,
            BookingRow.resource_id,
            ResourceRow.name,
            ResourceRow.kind,
            BookingRow.person_id,
            func.coalesce(_Person.name, BookingRow.guest_name),  # an Outlook organiser's own
            func.coalesce(_Person.email, BookingRow.guest_email),
            BookingRow.municipality_code,
            BookingRow.created_by_id,
            BookingRow.start_at,
            BookingRow.end_at,
            BookingRow.desk_period,
            BookingRow.title,
            BookingRow.participants,
            BookingRow.status,
            BookingRow.series_id,
            BookingRow.sequence,
            BookingRow.cancel_cause,
            BookingRow.cancel_reason,
            BookingRow.guest_name,
            BookingRow.guest_org,
        )
        .join(ResourceRow, ResourceRow.id == BookingRow.resource_id)
        .outerjoin(_Person, _Person.id == BookingRow.person_id)
    )


_BOOKING_SELECT = _booking_select()


def booking_select() -> Select[*tuple[Any, ...]]:
    """Columns of a BookingView, joined with the resource and the person it is for.

    One shared statement: ``.where()``, ``.order_by()`` and the like return copies.
    """
    return _BOOKING_SELECT


_BOOKING_BY_ID = _BOOKING_SELECT.where(BookingRow.id == bindparam("booking_id"))


def booking(session: Session, booking_id: int) -> BookingView | None:
    row = session.execute(_BOOKING_BY_ID, {"booking_id": booking_id}).first()
    return None if row is None else to_view(row)


def bookings_by_ids(session: Session, ids: Sequence[int]) -> list[BookingView]:
    """The bookings ``ids`` in that order, read 500 at a time."""
    found: dict[int, BookingView] = {}
    for i in range(0, len(ids), 500):
        stmt = _BOOKING_SELECT.where(BookingRow.id.in_(ids[i : i + 500]))
        found.update((v.id, v) for v in (to_view(r) for r in session.execute(stmt)))
    return [found[i] for i in ids if i in found]


def holding_overlaps(
    session: Session,
    *,
    start: datetime,
    end: datetime,
    resource_id: int | None = None,
    person_id: int | None = None,
    desks_only: bool = False,
    exclude_id: int | None = None,
) -> list[BookingView]:
    """Bookings that hold a place and overlap [start, end). Bookings never exceed a day, so the
    lower bound on start_at keeps the look-up on the (resource|person, start_at) index."""
    params: dict[str, Any] = {"ov_start": start, "ov_end": end, "ov_earliest": start - timedelta(days=1)}
    if resource_id is not None:
        params["ov_resource"] = resource_id
    if person_id is not None:
        params["ov_person"] = person_id
    if exclude_id is not None:
        params["ov_exclude"] = exclude_id
    stmt = _holding_overlaps_select(
        resource_id is not None, person_id is not None, desks_only, exclude_id is not None
    )
    return [to_view(r) for r in session.execute(stmt, params)]


def place_or_person_overlaps(
    session: Session, *, start: datetime, end: datetime, resource_id: int, person_id: int
) -> list[BookingView]:
    """:func:`holding_overlaps` of the resource, and of the person's own desks, in one
    statement (a desk booking asks both: issue 18)."""
    params = {
        "ov_start": start,
        "ov_end": end,
        "ov_earliest": start - timedelta(days=1),
        "ov_resource": resource_id,
        "ov_person": person_id,
    }
    return [to_view(r) for r in session.execute(_PLACE_OR_PERSON, params)]


@cache
def _holding_overlaps_select(
    by_resource: bool, by_person: bool, desks_only: bool, exclude: bool
) -> Select[*tuple[Any, ...]]:
    """The statement of ``holding_overlaps`` for one combination of filters (16 at most)."""
    stmt = _BOOKING_SELECT.where(
        BookingRow.status.in_(HOLDING_STATUSES),
        BookingRow.start_at < bindparam("ov_end"),
        BookingRow.end_at > bindparam("ov_start"),
        BookingRow.start_at > bindparam("ov_earliest"),
    )
    if by_resource:
        stmt = stmt.where(BookingRow.resource_id == bindparam("ov_resource"))
    if by_person:  # the person's own bookings, not those of guests they host
        stmt = stmt.where(BookingRow.person_id == bindparam("ov_person"), BookingRow.guest_org.is_(None))
    if desks_only:
        stmt = stmt.where(BookingRow.resource_kind == "desk")
    if exclude:
        stmt = stmt.where(BookingRow.id != bindparam("ov_exclude"))
    return stmt.order_by(BookingRow.start_at)


def booking_row_for_update(session: Session, booking_id: int) -> BookingRow | None:
    """The booking's row, locked until the transaction ends (PostgreSQL ``FOR UPDATE``; SQLite's
    write transaction holds the whole database already): two changes of one booking take turns."""
    stmt = select(BookingRow).where(BookingRow.id == booking_id)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    return session.scalars(stmt).first()


def not_a_held_offer() -> ColumnElement[bool]:
    """A booking that is not a place held for a waitlist offer not yet taken (services/waitlist/
    offers.py): such a hold keeps the place from others but is nobody's booking yet, so the
    statistics leave it out until it is accepted (then its entry is ``booked``)."""
    return ~exists().where(
        WaitlistEntryRow.offered_booking_id == BookingRow.id, WaitlistEntryRow.state == "offered"
    )


def desk_days_of(session: Session, person_id: int, first: date, last: date) -> list[tuple[date, float]]:
    """The (local day, desk-days) of each desk booking ``person_id`` holds from ``first`` to
    ``last`` (a full day 1, a half 0.5): what the fair rules of domain/policy.py count."""
    stmt = select(BookingRow.start_at, BookingRow.desk_period).where(
        BookingRow.person_id == person_id,
        BookingRow.guest_org.is_(None),  # a guest's desk is not the host's
        BookingRow.resource_kind == ResourceKind.DESK,
        BookingRow.status.in_([st.value for st in HOLDING_STATUSES]),
        BookingRow.start_at >= clk.local_day_bounds(first)[0],
        BookingRow.start_at < clk.local_day_bounds(last)[1],
    )
    return [
        (clk.local_date(start), 1.0 if period is DeskPeriod.FULL_DAY else 0.5)
        for start, period in session.execute(stmt)
    ]


def lock_for_booking(session: Session, resource_id: int, person_id: int) -> None:
    """Serialise bookers of one resource and of one person on PostgreSQL (row locks on the
    resource's and the person's rows, taken by ``satellitkontor_lock_for_booking`` of migration
    0008: a user cannot hold them for somebody else, as she could the advisory keys before).

    SQLite needs nothing: the write transaction began with BEGIN IMMEDIATE and already holds the
    database's only write lock. On PostgreSQL the exclusion constraint guards the resource anyway;
    the locks make the loser of a race see the winner's booking and get the ordinary
    conflict message, and they make "one desk per person" race-free, which no constraint can
    express while the rule is optional. Resource before person, always: no deadlock.
    """
    lock_for_import(session, [resource_id], [person_id])


def imported_keys(session: Session, keys: Sequence[str]) -> dict[str, int]:
    """The bookings (import key -> id) that already carry one of ``keys`` (calendar import)."""
    unique = list(dict.fromkeys(keys))
    found: dict[str, int] = {}
    for i in range(0, len(unique), 500):
        stmt = select(BookingRow.import_key, BookingRow.id).where(
            BookingRow.import_key.in_(unique[i : i + 500])
        )
        found.update((key, booking_id) for key, booking_id in session.execute(stmt) if key is not None)
    return found


def lock_for_import(session: Session, resource_ids: Sequence[int], person_ids: Sequence[int]) -> None:
    """``lock_for_booking`` for many bookings at once (a calendar import): every resource, then
    every person, each in ascending order, so an import and single bookings never wait on each
    other in a circle."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(
        text("SELECT satellitkontor_lock_for_booking(CAST(:r AS integer[]), CAST(:p AS integer[]))"),
        {"r": sorted(set(resource_ids)), "p": sorted(set(person_ids))},
    )


_PLACE_OR_PERSON = _BOOKING_SELECT.where(
    BookingRow.status.in_(HOLDING_STATUSES),
    BookingRow.start_at < bindparam("ov_end"),
    BookingRow.end_at > bindparam("ov_start"),
    BookingRow.start_at > bindparam("ov_earliest"),
    or_(
        BookingRow.resource_id == bindparam("ov_resource"),
        and_(
            BookingRow.person_id == bindparam("ov_person"),
            BookingRow.guest_org.is_(None),
            BookingRow.resource_kind == "desk",
        ),
    ),
).order_by(BookingRow.start_at)
