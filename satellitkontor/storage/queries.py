"""Reads and small writes the services share. Functions take a Session and return rows or
plain values; they decide nothing about rules or permissions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select, text
from sqlalchemy.orm import Session, aliased

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingStatus, BookingView
from satellitkontor.domain.office_calendar import Closure, OfficeCalendar
from satellitkontor.domain.people import Person
from satellitkontor.domain.policy import DEFAULT_POLICY, BookingPolicy
from satellitkontor.domain.resources import Resource
from satellitkontor.storage.models import BookingRow, ClosureRow, PersonRow, ResourceRow, SettingRow

POLICY_KEY = "booking_policy"


# --- settings and calendar --------------------------------------------------------------------
def load_policy(session: Session) -> BookingPolicy:
    value = session.scalar(select(SettingRow.value).where(SettingRow.key == POLICY_KEY))
    if not isinstance(value, dict):
        return DEFAULT_POLICY
    return BookingPolicy.from_dict(value)


def save_setting(session: Session, key: str, value: Any, now: datetime) -> None:
    row = session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=value, updated_at=now))
    else:
        row.value = value
        row.updated_at = now


def load_closures(session: Session, first: date | None = None, last: date | None = None) -> list[Closure]:
    stmt = select(ClosureRow).order_by(ClosureRow.start_date)
    if first is not None:
        stmt = stmt.where(ClosureRow.end_date >= first)
    if last is not None:
        stmt = stmt.where(ClosureRow.start_date <= last)
    return [Closure(r.start_date, r.end_date, r.reason) for r in session.scalars(stmt)]


def load_calendar(
    session: Session, policy: BookingPolicy, first: date | None = None, last: date | None = None
) -> OfficeCalendar:
    return policy.calendar(load_closures(session, first, last))


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


def resources(session: Session, *, include_inactive: bool = False) -> list[Resource]:
    stmt = select(ResourceRow).order_by(ResourceRow.kind, ResourceRow.sort_order, ResourceRow.name)
    if not include_inactive:
        stmt = stmt.where(ResourceRow.active.is_(True))
    return [resource_view(r) for r in session.scalars(stmt)]


# --- bookings ---------------------------------------------------------------------------------
_Person = aliased(PersonRow)


def booking_select() -> Select[*tuple[Any, ...]]:
    """Columns of a BookingView, joined with the resource and the person it is for."""
    return (
        select(
            BookingRow.id,
            BookingRow.uid,
            BookingRow.resource_id,
            ResourceRow.name,
            ResourceRow.kind,
            BookingRow.person_id,
            _Person.name,
            _Person.email,
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
        )
        .join(ResourceRow, ResourceRow.id == BookingRow.resource_id)
        .outerjoin(_Person, _Person.id == BookingRow.person_id)
    )


def to_view(row: Sequence[Any]) -> BookingView:
    start = row[10]
    return BookingView(
        id=row[0],
        uid=row[1],
        resource_id=row[2],
        resource_name=row[3],
        resource_kind=row[4],
        person_id=row[5],
        person_name=row[6],
        person_email=row[7],
        municipality_code=row[8],
        created_by_id=row[9],
        start=start,
        end=row[11],
        day=clk.local_date(start),
        desk_period=row[12],
        title=row[13],
        participants=row[14],
        status=row[15],
        series_id=row[16],
        sequence=row[17],
    )


def booking(session: Session, booking_id: int) -> BookingView | None:
    row = session.execute(booking_select().where(BookingRow.id == booking_id)).first()
    return None if row is None else to_view(row)


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
    stmt = booking_select().where(
        BookingRow.status.in_(HOLDING_STATUSES),
        BookingRow.start_at < end,
        BookingRow.end_at > start,
        BookingRow.start_at > start - timedelta(days=1),
    )
    if resource_id is not None:
        stmt = stmt.where(BookingRow.resource_id == resource_id)
    if person_id is not None:
        stmt = stmt.where(BookingRow.person_id == person_id)
    if desks_only:
        stmt = stmt.where(BookingRow.resource_kind == "desk")
    if exclude_id is not None:
        stmt = stmt.where(BookingRow.id != exclude_id)
    return [to_view(r) for r in session.execute(stmt.order_by(BookingRow.start_at))]


def lock_for_booking(session: Session, resource_id: int, person_id: int) -> None:
    """Serialise bookers of one resource and of one person on PostgreSQL.

    SQLite needs nothing: the write transaction began with BEGIN IMMEDIATE and already holds the
    database's only write lock. On PostgreSQL the exclusion constraint guards the resource anyway;
    the advisory locks make the loser of a race see the winner's booking and get the ordinary
    conflict message, and they make "one desk per person" race-free, which no constraint can
    express while the rule is optional. Resource before person, always: no deadlock.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(text("SELECT pg_advisory_xact_lock(1, :r)"), {"r": resource_id})
    session.execute(text("SELECT pg_advisory_xact_lock(2, :p)"), {"p": person_id})


def cancellable(status: BookingStatus) -> bool:
    return status in HOLDING_STATUSES
