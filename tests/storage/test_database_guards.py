"""The database itself refuses what the booking rules forbid, whoever writes to it.

Every test here writes with plain SQL, bypassing the services and the ORM's own enum checks, so a
refusal can only come from the database: the exclusion constraint and CHECKs on PostgreSQL, the
triggers, CHECKs and foreign keys on SQLite. After each refusal the bookings table is unchanged.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, bindparam, text
from sqlalchemy.exc import IntegrityError

from satellitkontor.domain import clock as clk
from satellitkontor.storage.types import UTCDateTime
from tests.conftest import MONDAY, Office

_INSERT = text(
    "INSERT INTO bookings (uid, resource_id, resource_kind, person_id, created_by_id, municipality_code,"
    " person_kind, start_at, end_at, desk_period, status, sequence, created_at, updated_at)"
    " VALUES (:uid, :resource_id, 'desk', :person_id, :person_id, 'umea', 'employee', :start_at, :end_at,"
    " 'morning', :status, 0, :now, :now)"
).bindparams(
    bindparam("start_at", type_=UTCDateTime()),
    bindparam("end_at", type_=UTCDateTime()),
    bindparam("now", type_=UTCDateTime()),
)
_UPDATE_STATUS = text("UPDATE bookings SET status = :status WHERE id = :id")
_UPDATE_TIMES = text("UPDATE bookings SET start_at = :start_at, end_at = :end_at WHERE id = :id").bindparams(
    bindparam("start_at", type_=UTCDateTime()), bindparam("end_at", type_=UTCDateTime())
)

DAY = MONDAY + timedelta(days=1)  # Tuesday 24 November 2026


def at(hour: int, minute: int = 0, *, day_offset: int = 0) -> datetime:
    return clk.local(DAY + timedelta(days=day_offset), time(hour, minute))


class Guarded:
    """Plain-SQL writes to one office's bookings table."""

    def __init__(self, office: Office) -> None:
        self.engine: Engine = office.services.db.engine
        self.dialect = self.engine.dialect.name
        self.person_id = office.anna.id
        self.desk_id = office.desk(1).id
        self.other_desk_id = office.desk(2).id

    def insert(
        self,
        start: datetime,
        end: datetime,
        status: str = "confirmed",
        *,
        resource_id: int | None = None,
    ) -> int:
        uid = f"{uuid.uuid4()}@test"
        params: dict[str, Any] = {
            "uid": uid,
            "resource_id": self.desk_id if resource_id is None else resource_id,
            "person_id": self.person_id,
            "start_at": start,
            "end_at": end,
            "status": status,
            "now": start,
        }
        with self.engine.begin() as conn:
            conn.execute(_INSERT, params)
            new_id = conn.scalar(text("SELECT id FROM bookings WHERE uid = :uid"), {"uid": uid})
        assert isinstance(new_id, int)
        return new_id

    def set_status(self, booking_id: int, status: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(_UPDATE_STATUS, {"status": status, "id": booking_id})

    def set_times(self, booking_id: int, start: datetime, end: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(_UPDATE_TIMES, {"start_at": start, "end_at": end, "id": booking_id})

    def rows(self) -> list[tuple[Any, ...]]:
        with self.engine.connect() as conn:
            return [
                tuple(r)
                for r in conn.execute(
                    text("SELECT id, uid, resource_id, start_at, end_at, status FROM bookings ORDER BY id")
                )
            ]

    def status_of(self, booking_id: int) -> str:
        with self.engine.connect() as conn:
            return str(conn.scalar(text("SELECT status FROM bookings WHERE id = :id"), {"id": booking_id}))


@pytest.fixture
def db(office: Office) -> Iterator[Guarded]:
    yield Guarded(office)


def refused(db: Guarded, name: str, action: Any, *args: Any, **kwargs: Any) -> str:
    """Run a write the database must refuse; check it names ``name`` and changed nothing."""
    before = db.rows()
    with pytest.raises(IntegrityError) as info:
        action(*args, **kwargs)
    message = str(info.value.orig)
    assert name.lower() in message.lower(), message
    assert db.rows() == before, "a refused write left the bookings table changed"
    return message


# --- overlaps ---------------------------------------------------------------------------------
OVERLAPPING = [
    ((8, 0), (12, 0)),  # the same morning
    ((11, 0), (13, 0)),  # over its end
    ((7, 0), (8, 1)),  # over its start
    ((9, 0), (10, 0)),  # inside it
    ((7, 0), (17, 0)),  # around it
]


@pytest.mark.parametrize("holding", ["confirmed", "checked_in"])
def test_an_overlapping_holding_booking_on_the_same_desk_is_refused(db: Guarded, holding: str) -> None:
    db.insert(at(8), at(12), holding)
    for start, end in OVERLAPPING:
        refused(db, "bookings_no_overlap", db.insert, at(*start), at(*end))
        refused(db, "bookings_no_overlap", db.insert, at(*start), at(*end), "checked_in")
    assert len(db.rows()) == 1


def test_the_same_time_on_another_desk_is_allowed(db: Guarded) -> None:
    db.insert(at(8), at(12))
    db.insert(at(8), at(12), resource_id=db.other_desk_id)
    assert len(db.rows()) == 2


def test_back_to_back_bookings_are_allowed(db: Guarded) -> None:
    db.insert(at(8), at(12))
    db.insert(at(12), at(17))  # starts when the morning ends
    db.insert(at(7), at(8))  # ends when the morning starts
    assert len(db.rows()) == 3
    # ...but one minute more on either side is an overlap
    refused(db, "bookings_no_overlap", db.insert, at(11, 59), at(12, 30))


@pytest.mark.parametrize("freed", ["cancelled", "no_show"])
def test_an_overlap_with_a_cancelled_or_no_show_booking_is_allowed(db: Guarded, freed: str) -> None:
    db.insert(at(8), at(12), freed)
    db.insert(at(8), at(12))
    assert [r[5] for r in db.rows()] == [freed, "confirmed"]
    # the new confirmed booking holds the desk again
    refused(db, "bookings_no_overlap", db.insert, at(9), at(10))


@pytest.mark.parametrize("freed", ["cancelled", "no_show"])
def test_a_cancelled_or_no_show_booking_may_overlap_a_holding_one(db: Guarded, freed: str) -> None:
    db.insert(at(8), at(12))
    db.insert(at(8), at(12), freed)
    assert len(db.rows()) == 2


@pytest.mark.parametrize("back_to", ["confirmed", "checked_in"])
def test_reviving_a_cancelled_booking_into_an_overlap_is_refused(db: Guarded, back_to: str) -> None:
    db.insert(at(8), at(12))
    cancelled = db.insert(at(9), at(13), "cancelled")
    refused(db, "bookings_no_overlap", db.set_status, cancelled, back_to)
    assert db.status_of(cancelled) == "cancelled"


def test_moving_a_booking_into_an_overlap_is_refused(db: Guarded) -> None:
    db.insert(at(8), at(12))
    afternoon = db.insert(at(12), at(17))
    refused(db, "bookings_no_overlap", db.set_times, afternoon, at(11), at(17))


def test_updates_that_overlap_nothing_else_are_allowed(db: Guarded) -> None:
    booking = db.insert(at(8), at(12))
    db.set_status(booking, "checked_in")  # a booking never conflicts with itself
    db.set_times(booking, at(8), at(13))
    cancelled = db.insert(at(14), at(17), "cancelled")
    db.set_status(cancelled, "confirmed")  # nothing else holds the afternoon
    assert [r[5] for r in db.rows()] == ["checked_in", "confirmed"]


# --- shape of a booking -----------------------------------------------------------------------
def test_a_booking_longer_than_a_day_is_refused(db: Guarded) -> None:
    refused(db, "ck_bookings_at_most_one_day", db.insert, at(8), at(9, day_offset=1))
    refused(db, "ck_bookings_at_most_one_day", db.insert, at(8), at(8, 1, day_offset=1))
    db.insert(at(8), at(7, 59, day_offset=1))  # just under 24 h is accepted
    assert len(db.rows()) == 1


def test_a_booking_stretched_past_a_day_by_an_update_is_refused(db: Guarded) -> None:
    booking = db.insert(at(8), at(12))
    refused(db, "ck_bookings_at_most_one_day", db.set_times, booking, at(8), at(12, day_offset=1))


@pytest.mark.parametrize(
    "end", [pytest.param((8, 0), id="end-equals-start"), pytest.param((7, 0), id="end-before")]
)
def test_a_booking_that_ends_before_it_starts_is_refused(db: Guarded, end: tuple[int, int]) -> None:
    refused(db, "ck_bookings_end_after_start", db.insert, at(8), at(*end))
    assert db.rows() == []


def test_an_unknown_status_is_refused(db: Guarded) -> None:
    refused(db, "booking_status", db.insert, at(8), at(12), "tentative")
    booking = db.insert(at(8), at(12))
    refused(db, "booking_status", db.set_status, booking, "CONFIRMED")
    assert db.status_of(booking) == "confirmed"


def test_a_booking_for_a_nonexistent_resource_is_refused(db: Guarded) -> None:
    name = "foreign key" if db.dialect == "sqlite" else "bookings_resource_id_fkey"
    refused(db, name, db.insert, at(8), at(12), resource_id=999_999)
    assert db.rows() == []
