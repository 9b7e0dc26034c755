"""The entry and its change are one transaction: a change that fails leaves no entry, and an entry
that cannot be written takes its change with it. On SQLite and on PostgreSQL.

Failures are real: the rules refusing, a missing permission, and errors raised inside the
database by a trigger the test adds for the moment (on ``audit_log`` itself, or on ``bookings``
halfway through a series).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.errors import (
    AlreadyCancelled,
    ImportConflict,
    PermissionDenied,
    PersonAlreadyHasDesk,
    ResourceTaken,
)
from satellitkontor.domain.people import Role
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.services.imports.results import ImportRequest
from tests.conftest import MONDAY, Office
from tests.services.audit_helpers import entries_after, last_id
from tests.services.helpers import TUESDAY, at, count_bookings

FULL = DeskPeriod.FULL_DAY


@contextmanager
def failing_trigger(o: Office, table: str, event: str, when: str = "TRUE") -> Iterator[None]:
    """A trigger that makes the database refuse ``event`` on ``table`` while the block runs."""
    engine = o.services.db.engine
    pg = engine.dialect.name == "postgresql"
    with engine.begin() as conn:
        if pg:
            conn.execute(
                text(
                    "CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    f"BEGIN IF {when} THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$"
                )
            )
            conn.execute(
                text(
                    f"CREATE TRIGGER injected BEFORE {event} ON {table} FOR EACH ROW EXECUTE FUNCTION injected_failure()"
                )
            )
        else:
            conn.execute(
                text(
                    f"CREATE TRIGGER injected BEFORE {event} ON {table} WHEN {when.replace('TRUE', '1')} "
                    "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
                )
            )
    try:
        yield
    finally:
        with engine.begin() as conn:
            if pg:
                conn.execute(text(f"DROP TRIGGER injected ON {table}"))
                conn.execute(text("DROP FUNCTION injected_failure()"))
            else:
                conn.execute(text("DROP TRIGGER injected"))


def test_refused_bookings_and_cancels_leave_no_entry(office: Office) -> None:
    o = office
    b = o.services.booking
    taken = b.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)
    mark = last_id(o)
    with pytest.raises(ResourceTaken):
        b.book_desk(o.bertil.id, o.desk(1).id, MONDAY, FULL)
    with pytest.raises(PersonAlreadyHasDesk):
        b.book_desk(o.anna.id, o.desk(2).id, MONDAY, FULL)
    with pytest.raises(PermissionDenied):
        b.book_desk(o.anna.id, o.desk(3).id, MONDAY, FULL, for_person_id=o.bertil.id)
    with pytest.raises(PermissionDenied):
        b.cancel(o.bertil.id, taken.id)
    b.cancel(o.anna.id, taken.id)
    mark_after_cancel = last_id(o)
    assert mark_after_cancel == mark + 1
    with pytest.raises(AlreadyCancelled):
        b.cancel(o.anna.id, taken.id)
    assert last_id(o) == mark_after_cancel


def test_refused_administration_leaves_no_entry(office: Office) -> None:
    o = office
    svc = o.services.office
    mark = last_id(o)
    with pytest.raises(PermissionDenied):
        svc.set_role(o.anna.id, o.anna.id, Role.ADMIN)  # a user making herself admin
    with pytest.raises(PermissionDenied):
        svc.set_role(o.admin.id, o.admin.id, Role.USER)  # the last admin
    with pytest.raises(PermissionDenied):
        svc.update_policy(o.reception.id, horizon_days=10)
    with pytest.raises(PermissionDenied):
        svc.add_closure(o.reception.id, date(2026, 12, 28), date(2026, 12, 28), "Städning")
    with pytest.raises(PermissionDenied):
        o.services.rotation.confirm_year(o.reception.id, 2028)
    assert entries_after(o, mark) == []
    assert svc.person(o.anna.id).role is Role.USER


def test_an_import_stopped_halfway_leaves_no_entry(office: Office) -> None:
    o = office
    o.services.booking.book_desk(o.cecilia.id, o.desk(5).id, TUESDAY, FULL)
    requests = [
        ImportRequest(o.room.id, o.anna.id, at(TUESDAY, 9), at(TUESDAY, 10), None, None, 2, "k|1", "Möte"),
        ImportRequest(
            o.desk(5).id, o.bertil.id, at(TUESDAY, 8), at(TUESDAY, 17), FULL, None, None, "k|2", "Plats"
        ),
    ]
    mark = last_id(o)
    with pytest.raises(ImportConflict):
        o.services.booking.import_bookings(o.admin.id, requests)
    assert entries_after(o, mark) == []
    assert count_bookings(o) == 1


def test_an_entry_the_database_refuses_takes_its_change_with_it(office: Office) -> None:
    """If the entry is not written, the booking is not either: they commit together."""
    o = office
    mark, before = last_id(o), count_bookings(o)
    with failing_trigger(o, "audit_log", "INSERT"), pytest.raises(DBAPIError, match="injected failure"):
        o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)
    assert count_bookings(o) == before
    with failing_trigger(o, "audit_log", "INSERT"), pytest.raises(DBAPIError, match="injected failure"):
        o.services.office.set_role(o.admin.id, o.anna.id, Role.RECEPTIONIST)
    assert o.services.office.person(o.anna.id).role is Role.USER
    assert entries_after(o, mark) == []
    # and without the trigger, the same calls write one entry each
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)
    o.services.office.set_role(o.admin.id, o.anna.id, Role.RECEPTIONIST)
    assert [e.action for e in entries_after(o, mark)] == ["booking.create", "person.role"]


def test_a_database_error_halfway_through_a_series_cancel_leaves_no_entry(office: Office) -> None:
    """Three occurrences are cancelled in one transaction; the database refuses the last one, so
    the first two cancellations and all their entries are rolled back."""
    o = office
    series = o.services.booking.book_series(
        o.anna.id, o.desk(2).id, Recurrence.weekly(date(2026, 11, 24), {1}, count=3), period=FULL
    )
    last = max(b.id for b in series.booked)
    mark = last_id(o)
    with (
        failing_trigger(o, "bookings", "UPDATE", when=f"NEW.id = {last} AND NEW.status = 'cancelled'"),
        pytest.raises(DBAPIError, match="injected failure"),
    ):
        o.services.booking.cancel_series(o.anna.id, series.series_id or "")
    assert entries_after(o, mark) == []
    assert {o.services.occupancy.booking(b.id).status for b in series.booked} == {BookingStatus.CONFIRMED}
    assert len(o.services.booking.cancel_series(o.anna.id, series.series_id or "")) == 3
    assert len(entries_after(o, mark)) == 3
