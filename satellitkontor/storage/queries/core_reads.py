"""The frequent reads in SQLAlchemy Core: the bookings of a day, the office's set-up (policy,
closures, desks and rooms, privacy) and people by e-mail address or database login.

Each function takes a ``Connection`` (or a ``Session``: both execute a Core statement alike, but
a Session does not flush its pending changes before a Core statement, so a unit of work that
changed something uses storage/queries/common.py) and returns domain values, never rows of the
models. Nothing here imports the ORM or the models, so a process that only reads the day
(``satellitkontor occupancy``) loads neither (issue 18; storage/light_tables.py says why and how
the columns are kept in step). The statements mirror their ORM twins in storage/queries/common.py
and storage/queries/privacy.py; tests/storage/test_core_reads.py checks that both read the same.

The statements are built once, with bound parameters (see storage/queries/common.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, select, text

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, BookingView
from satellitkontor.domain.office_calendar import Closure, OfficeCalendar
from satellitkontor.domain.people import Person
from satellitkontor.domain.policy import DEFAULT_POLICY, BookingPolicy
from satellitkontor.domain.privacy import SETTINGS_KEY as PRIVACY_KEY
from satellitkontor.domain.privacy import PrivacySettings
from satellitkontor.domain.resources import Resource
from satellitkontor.storage.light_tables import bookings, closures, db_logins, people, resources, settings

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    Reader = Connection | Session

POLICY_KEY = "booking_policy"

# --- settings and calendar --------------------------------------------------------------------
_POLICY_VALUE = select(settings.c.value).where(settings.c.key == POLICY_KEY)
_PRIVACY_VALUE = select(settings.c.value).where(settings.c.key == PRIVACY_KEY)


def load_policy(reader: Reader) -> BookingPolicy:
    return policy_of(reader.scalar(_POLICY_VALUE))


def policy_of(value: Any) -> BookingPolicy:
    """The booking policy stored as ``value`` (the ``policy`` setting; None: the default)."""
    return BookingPolicy.from_dict(value) if isinstance(value, dict) else DEFAULT_POLICY


def load_privacy(reader: Reader) -> PrivacySettings:
    return PrivacySettings.from_dict(reader.scalar(_PRIVACY_VALUE))


_CLOSURES = select(closures.c.start_date, closures.c.end_date, closures.c.reason).order_by(
    closures.c.start_date
)
_FROM_FIRST = closures.c.end_date >= bindparam("first")
_UNTIL_LAST = closures.c.start_date <= bindparam("last")
#: By (first given, last given).
_CLOSURES_IN = {
    (False, False): _CLOSURES,
    (True, False): _CLOSURES.where(_FROM_FIRST),
    (False, True): _CLOSURES.where(_UNTIL_LAST),
    (True, True): _CLOSURES.where(_FROM_FIRST, _UNTIL_LAST),
}


def load_closures(reader: Reader, first: date | None = None, last: date | None = None) -> list[Closure]:
    stmt = _CLOSURES_IN[first is not None, last is not None]
    params = {k: v for k, v in (("first", first), ("last", last)) if v is not None}
    return [Closure(r[0], r[1], r[2]) for r in reader.execute(stmt, params)]


def load_calendar(
    reader: Reader, policy: BookingPolicy, first: date | None = None, last: date | None = None
) -> OfficeCalendar:
    return policy.calendar(load_closures(reader, first, last))


#: The fields of a Resource, in order, as plain rows: loading ORM objects for a read-only list
#: took twice as long.
_RESOURCES_ALL = select(
    resources.c.id,
    resources.c.kind,
    resources.c.name,
    resources.c.equipment,
    resources.c.capacity,
    resources.c.active,
    resources.c.x,
    resources.c.y,
    resources.c.sort_order,
).order_by(resources.c.kind, resources.c.sort_order, resources.c.name)
_RESOURCES_ACTIVE = _RESOURCES_ALL.where(resources.c.active.is_(True))


def load_resources(reader: Reader, *, include_inactive: bool = False) -> list[Resource]:
    stmt = _RESOURCES_ALL if include_inactive else _RESOURCES_ACTIVE
    return [
        Resource(r[0], r[1], r[2], tuple(r[3] or ()), r[4], r[5], r[6], r[7], r[8])
        for r in reader.execute(stmt)
    ]


# --- people -----------------------------------------------------------------------------------
_PERSON = select(
    people.c.id,
    people.c.name,
    people.c.email,
    people.c.municipality_code,
    people.c.kind,
    people.c.role,
    people.c.active,
)
_PERSON_BY_EMAIL = _PERSON.where(people.c.email == bindparam("email"))
_PERSON_OF_LOGIN = _PERSON.join(db_logins, db_logins.c.person_id == people.c.id).where(
    db_logins.c.login == text("session_user")
)
#: The viewer's role, if the viewer is an active person.
_ROLE_OF_ACTIVE = select(people.c.role).where(people.c.id == bindparam("viewer"), people.c.active.is_(True))


_ACTIVE_PEOPLE = _PERSON.where(people.c.active.is_(True)).order_by(people.c.name)


def active_people(reader: Reader) -> list[Person]:
    """The active people by name, as ``OfficeService.people()`` reads them."""
    return [Person(*row) for row in reader.execute(_ACTIVE_PEOPLE)]


def person_with_email(reader: Reader, email: str) -> Person | None:
    row = reader.execute(_PERSON_BY_EMAIL, {"email": email.strip().lower()}).first()
    return None if row is None else Person(*row)


def person_of_login(reader: Reader) -> Person | None:
    """The person the connection's PostgreSQL login is mapped to (migration 0006), or None."""
    row = reader.execute(_PERSON_OF_LOGIN).first()
    return None if row is None else Person(*row)


def role_of_active(reader: Reader, person_id: int) -> Any:
    """The role of ``person_id`` if that person is active, else None."""
    return reader.execute(_ROLE_OF_ACTIVE, {"viewer": person_id}).scalar()


# --- bookings ---------------------------------------------------------------------------------
_Person = people.alias()

#: Columns of a BookingView (see ``to_view``), joined with the resource and the person it is for;
#: the same columns as storage/queries/common.booking_select(), which is built on the models.
BOOKING_VIEW = (
    select(
        bookings.c.id,
        bookings.c.uid,
        bookings.c.resource_id,
        resources.c.name,
        resources.c.kind,
        bookings.c.person_id,
        func.coalesce(_Person.c.name, bookings.c.guest_name),  # an Outlook organiser's own
        func.coalesce(_Person.c.email, bookings.c.guest_email),
        bookings.c.municipality_code,
        bookings.c.created_by_id,
        bookings.c.start_at,
        bookings.c.end_at,
        bookings.c.desk_period,
        bookings.c.title,
        bookings.c.participants,
        bookings.c.status,
        bookings.c.series_id,
        bookings.c.sequence,
        bookings.c.cancel_cause,
        bookings.c.cancel_reason,
        bookings.c.guest_name,
        bookings.c.guest_org,
    )
    .join(resources, resources.c.id == bookings.c.resource_id)
    .outerjoin(_Person, _Person.c.id == bookings.c.person_id)
)

#: One day's bookings, not cancelled, in time order.
_DAY_BOOKINGS = BOOKING_VIEW.where(
    bookings.c.start_at >= bindparam("day_start"),
    bookings.c.start_at < bindparam("day_end"),
    bookings.c.status != BookingStatus.CANCELLED,
).order_by(bookings.c.start_at)


def day_bookings(reader: Reader, day: date) -> list[BookingView]:
    """The bookings of the local day ``day`` that are not cancelled, in time order."""
    start, end = clk.local_day_bounds(day)
    return [to_view(r, day) for r in reader.execute(_DAY_BOOKINGS, {"day_start": start, "day_end": end})]


def to_view(row: Sequence[Any], day: date | None = None) -> BookingView:
    """A BookingView from a row of ``BOOKING_VIEW`` (or common.booking_select()); ``day`` saves
    the time-zone arithmetic when the caller knows the local date already."""
    start = row[10]
    # positional: this runs for every row of the day view
    return BookingView(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        start,
        row[11],
        day if day is not None else clk.local_date(start),
        row[12],
        row[13],
        row[14],
        row[15],
        row[16],
        row[17],
        row[18],
        row[19],
        row[20] if row[21] is not None else None,  # a guest booked in the app (an Outlook
        row[21],  # organiser's name is the person's, above)
    )
