"""The Core reads (storage/queries/core_reads.py over storage/light_tables.py) read what their ORM
twins read, on SQLite and PostgreSQL: ``satellitkontor occupancy`` and the day view use them so
that no ORM is loaded (issue 18), and a user must see the very same office either way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Enum, select, text

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus
from satellitkontor.services.app_services import AppServices, open_office
from satellitkontor.services.demo import DemoService
from satellitkontor.storage import light_tables
from satellitkontor.storage.models import Base, BookingRow, DbLoginRow, PersonRow
from satellitkontor.storage.queries import common, core_reads
from satellitkontor.storage.queries import privacy as privacy_queries
from tests.conftest import NOW, MovableClock
from tests.storage.backup_office import ADMIN, add_the_rest


def test_every_light_column_is_a_column_of_the_models_with_the_same_type() -> None:
    for clause in light_tables.ALL:
        model = Base.metadata.tables[clause.name]
        for col in clause.c:
            assert col.name in model.c, f"{clause.name}.{col.name} is not in the models"
            theirs = model.c[col.name].type
            assert repr(col.type) == repr(theirs), f"{clause.name}.{col.name}"
            assert type(col.type) is type(theirs), f"{clause.name}.{col.name}"
            if isinstance(theirs, Enum):
                assert isinstance(col.type, Enum)
                assert (col.type.enum_class, col.type.validate_strings) == (
                    theirs.enum_class,
                    theirs.validate_strings,
                )


@pytest.fixture
def demo(db_url: str) -> Iterator[AppServices]:
    """The demo office (two weeks either side) with a closure, a policy, a cancelled booking, an
    inactive desk, a person who left and names visible to users."""
    clock = MovableClock(NOW)
    services = open_office(db_url, clock=clock)
    DemoService(services.db, clock).create(weeks_back=2, weeks_ahead=2)
    add_the_rest(db_url)
    admin = services.office.person_by_email(ADMIN)
    day = clk.local_date(NOW)
    booked = services.occupancy.day(day).resources
    first = next(b for r in booked for b in r.bookings)
    services.booking.cancel(admin.id, first.id, "Sjuk")
    desk = next(r.resource for r in booked if r.resource.kind.value == "desk")
    services.office.update_resource(admin.id, desk.id, active=False)
    services.privacy.set_visibility(admin.id, True)
    leaver = next(p for p in services.office.people() if p.id not in (admin.id, first.person_id))
    services.office.set_active(admin.id, leaver.id, False)
    yield services
    services.db.dispose()


def test_the_set_up_reads_the_same_through_core_and_the_orm(demo: AppServices) -> None:
    with demo.db.session() as s:
        orm = (
            common.load_policy(s),
            common.load_closures(s),
            common.resources(s),
            common.resources(s, include_inactive=True),
            privacy_queries.load_privacy(s),
        )
    with demo.db.connect() as conn:
        core = (
            core_reads.load_policy(conn),
            core_reads.load_closures(conn),
            core_reads.load_resources(conn),
            core_reads.load_resources(conn, include_inactive=True),
            core_reads.load_privacy(conn),
        )
    assert core == orm
    assert orm[1] and orm[2] != orm[3]  # there is a closure, and an inactive desk
    assert orm[4].names_to_users


def test_people_read_the_same_through_core_and_the_orm(demo: AppServices) -> None:
    with demo.db.session() as s:
        people = [common.person_view(row) for row in s.scalars(select(PersonRow))]
    assert len(people) > 5 and not all(p.active for p in people)
    with demo.db.connect() as conn:
        for person in people:
            assert core_reads.person_with_email(conn, f"  {person.email.upper()} ") == person
            assert core_reads.role_of_active(conn, person.id) == (person.role if person.active else None)
        assert core_reads.person_with_email(conn, "ingen@example.se") is None
        assert core_reads.active_people(conn) == demo.office.people()  # the app's choice on opening
    if demo.db.is_postgresql:  # shared office mode: the login is a person (migration 0006)
        with demo.db.connect() as conn:
            assert core_reads.person_of_login(conn) is None
            login = conn.scalar(text("SELECT session_user"))
        with demo.db.session(write=True) as s:
            s.add(DbLoginRow(login=login, person_id=people[3].id, granted_at=NOW))
        with demo.db.connect() as conn:
            assert core_reads.person_of_login(conn) == people[3]


def test_the_bookings_of_each_day_read_the_same_through_core_and_the_orm(demo: AppServices) -> None:
    today = clk.local_date(NOW)
    seen = set()
    for offset in range(-14, 15):
        day = today + timedelta(days=offset)
        start, end = clk.local_day_bounds(day)
        stmt = (
            common.booking_select()
            .where(
                BookingRow.start_at >= start,
                BookingRow.start_at < end,
                BookingRow.status != BookingStatus.CANCELLED,
            )
            .order_by(BookingRow.start_at, BookingRow.id)
        )
        with demo.db.session() as s:
            orm = [common.to_view(r, day) for r in s.execute(stmt)]
        with demo.db.connect() as conn:
            core = core_reads.day_bookings(conn, day)
        assert sorted(core, key=lambda b: (b.start, b.id)) == orm
        seen.update((b.resource_kind.value, b.status.value, b.guest_org is not None) for b in orm)
        with demo.db.session() as s:
            every = [
                common.to_view(r)
                for r in s.execute(
                    common.booking_select().where(BookingRow.start_at >= start, BookingRow.start_at < end)
                )
            ]
        assert {b.id for b in every} - {b.id for b in orm} == {
            b.id for b in every if b.status is BookingStatus.CANCELLED
        }
    assert {("desk", "confirmed", False), ("room", "confirmed", False)} <= seen
