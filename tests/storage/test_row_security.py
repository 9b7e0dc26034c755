"""The database decides who may do what (issue 6): three real logins on a real PostgreSQL.

Each test connects as a user (Anna; Bertil as a second user), the receptionist (Rut) and the admin
(Åsa), each a LOGIN role made with ``grant_login``, and asks twice: with raw SQL, as a client that
ignores the app would, and through the services the GUI uses for that role. The superuser
connection of ``make_office`` (the schema's owner) sets the scene and checks the outcome; row-level
security does not govern it, which is also why the rest of the suite is unaffected.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.errors import DatabaseRefused, PermissionDenied, PersonNotFound
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.domain.people import Role
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.app_services import AppServices
from satellitkontor.services.database_admin import grant_login
from satellitkontor.storage import pg_roles
from satellitkontor.storage.database import Database
from satellitkontor.storage.models import Base
from satellitkontor.storage.queries import common as queries
from tests.conftest import MONDAY, MovableClock, Office, make_office
from tests.pg_logins import connect_as, drop_logins, unique_login

pytestmark = pytest.mark.postgresql

TUESDAY = MONDAY + timedelta(days=1)


@dataclass
class Shared:
    office: Office  # the owner's (superuser's) services
    url: str
    logins: dict[str, str]
    anna: AppServices  # user
    bertil: AppServices  # another user
    rut: AppServices  # receptionist
    asa: AppServices  # admin

    @property
    def owner(self) -> AppServices:
        return self.office.services


@pytest.fixture
def shared(pg_url: str, clock: MovableClock) -> Iterator[Shared]:
    office = make_office(pg_url, clock)
    pg_roles.init_database(office.services.db)
    people = {"asa": office.admin, "rut": office.reception, "anna": office.anna, "bertil": office.bertil}
    roles = {"asa": Role.ADMIN, "rut": Role.RECEPTIONIST, "anna": Role.USER, "bertil": Role.USER}
    logins = {key: unique_login(key) for key in people}
    opened: list[AppServices] = []
    try:
        for key, person in people.items():
            grant_login(office.services.db, logins[key], email=person.email, role=roles[key])
        opened = [AppServices(connect_as(pg_url, logins[k]), clock) for k in ("anna", "bertil", "rut", "asa")]
        yield Shared(office, pg_url, logins, *opened)
    finally:
        for services in opened:
            services.db.dispose()
        office.services.db.dispose()
        drop_logins(pg_url, list(logins.values()))


def run_sql(db: Database, statement: str, **params: Any) -> list[Any]:
    """One statement in a write transaction, as a client without the app would send it."""
    with db.session(write=True) as s:
        result = s.execute(text(statement), params)
        return list(result.all()) if result.returns_rows else []


def refusal(exc_info: pytest.ExceptionInfo[DatabaseRefused]) -> str:
    """The database's own words, after checking that it was an SQLSTATE 42501 refusal."""
    orig = getattr(exc_info.value.__cause__, "orig", None)
    assert getattr(orig, "sqlstate", None) == "42501", orig
    return str(exc_info.value.params["detail"])


def status_of(shared: Shared, booking_id: int) -> str:
    return str(run_sql(shared.owner.db, "SELECT status FROM bookings WHERE id = :i", i=booking_id)[0][0])


# --- every table ------------------------------------------------------------------------------
def test_every_table_has_row_security_and_named_privileges(shared: Shared) -> None:
    rows = run_sql(
        shared.owner.db,
        "SELECT c.relname, c.relrowsecurity, (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) "
        "FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'",
    )
    tables = {name for name, _, _ in rows}
    assert set(Base.metadata.tables) | {"alembic_version"} == tables
    assert [name for name, secured, policies in rows if not secured or policies < 2] == []
    assert tables == set(pg_roles.TABLE_PRIVILEGES)


# --- a user -----------------------------------------------------------------------------------
def test_a_user_cannot_cancel_someone_elses_booking(shared: Shared) -> None:
    o = shared.office
    theirs = shared.owner.booking.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    anna = shared.anna.db
    with pytest.raises(DatabaseRefused) as refused:
        run_sql(anna, "UPDATE bookings SET status = 'cancelled' WHERE id = :i", i=theirs.id)
    assert "another person's booking" in refusal(refused)
    with pytest.raises(DatabaseRefused) as refused:  # nor take it over
        run_sql(anna, "UPDATE bookings SET person_id = :me WHERE id = :i", me=o.anna.id, i=theirs.id)
    refusal(refused)
    with pytest.raises(DatabaseRefused) as refused:  # a whole-table update stops at the first
        run_sql(anna, "UPDATE bookings SET status = 'cancelled'")
    refusal(refused)
    with pytest.raises(DatabaseRefused) as refused:
        run_sql(anna, "DELETE FROM bookings WHERE id = :i", i=theirs.id)
    assert "permission denied" in refusal(refused)
    with pytest.raises(PermissionDenied):  # the app says no before asking the database
        shared.anna.booking.cancel(o.anna.id, theirs.id)
    assert status_of(shared, theirs.id) == "confirmed"
    # her own she cancels, through the app and in SQL alike
    mine = shared.anna.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.MORNING)
    assert shared.anna.booking.cancel(o.anna.id, mine.id).status is BookingStatus.CANCELLED
    again = shared.anna.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.AFTERNOON)
    run_sql(anna, "UPDATE bookings SET status = 'cancelled' WHERE id = :i", i=again.id)
    assert status_of(shared, again.id) == "cancelled"


def test_a_user_cannot_change_a_desk_even_when_the_app_thinks_she_is_an_admin(shared: Shared) -> None:
    o = shared.office
    with pytest.raises(DatabaseRefused) as refused:
        run_sql(shared.anna.db, "UPDATE resources SET name = 'Min plats' WHERE id = :i", i=o.desk(1).id)
    assert "permission denied for table resources" in refusal(refused)
    with pytest.raises(PermissionDenied):
        shared.anna.office.update_resource(o.anna.id, o.desk(1).id, name="Min plats")
    # someone edits people.role behind the app's back: the app is fooled, the database is not
    run_sql(shared.owner.db, "UPDATE people SET role = 'admin' WHERE id = :i", i=o.anna.id)
    with pytest.raises(DatabaseRefused) as refused:
        shared.anna.office.update_resource(o.anna.id, o.desk(1).id, name="Min plats")
    assert "resources" in refusal(refused)
    with pytest.raises(DatabaseRefused):
        shared.anna.office.add_closure(o.anna.id, TUESDAY, TUESDAY, "Stängt")
    assert shared.owner.office.resources()[0].name == o.desks[0].name


def test_a_user_cannot_book_for_someone_else(shared: Shared) -> None:
    o = shared.office
    insert = (
        "INSERT INTO bookings (uid, resource_id, resource_kind, person_id, created_by_id, municipality_code, "
        "person_kind, start_at, end_at, desk_period, status, sequence, created_at, updated_at) VALUES "
        "(:uid, :r, 'desk', :p, :by, 'umea', 'employee', :s, :e, 'full_day', 'confirmed', 0, now(), now())"
    )
    start, end = clk.local(TUESDAY, time(8)), clk.local(TUESDAY, time(17))
    params = {"r": o.desk(3).id, "s": start, "e": end}
    with pytest.raises(DatabaseRefused) as refused:
        run_sql(shared.anna.db, insert, uid="x1", p=o.bertil.id, by=o.anna.id, **params)
    assert "row-level security" in refusal(refused)
    with pytest.raises(DatabaseRefused):  # nor in someone else's name
        run_sql(shared.anna.db, insert, uid="x2", p=o.bertil.id, by=o.bertil.id, **params)
    with pytest.raises(PermissionDenied):
        shared.anna.booking.book_desk(
            o.anna.id, o.desk(3).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.bertil.id
        )
    with pytest.raises(PersonNotFound):  # pretending to be Bertil: she cannot even see him
        shared.anna.booking.book_desk(o.bertil.id, o.desk(3).id, TUESDAY, DeskPeriod.FULL_DAY)
    shared.asa.privacy.set_visibility(o.admin.id, True)
    with pytest.raises(DatabaseRefused):  # now she sees him, and the database still says no
        shared.anna.booking.book_desk(o.bertil.id, o.desk(3).id, TUESDAY, DeskPeriod.FULL_DAY)
    assert run_sql(shared.owner.db, "SELECT count(*) FROM bookings")[0][0] == 0
    run_sql(shared.anna.db, insert, uid="x3", p=o.anna.id, by=o.anna.id, **params)  # for herself: yes
    assert run_sql(shared.owner.db, "SELECT person_id FROM bookings")[0][0] == o.anna.id


def test_names_of_others_follow_the_privacy_setting(shared: Shared) -> None:
    o = shared.office
    everyone = sorted(p.name for p in (o.admin, o.reception, o.anna, o.bertil, o.cecilia))
    names = "SELECT name FROM people ORDER BY name"
    assert [r[0] for r in run_sql(shared.anna.db, names)] == [o.anna.name]
    assert [r[0] for r in run_sql(shared.rut.db, names)] == everyone  # staff always see names
    assert run_sql(shared.anna.db, "SELECT count(*) FROM people WHERE email LIKE '%vindeln%'")[0][0] == 0

    theirs = shared.owner.booking.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    mine = shared.anna.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    day = shared.anna.occupancy.day(TUESDAY, viewer_id=o.anna.id)
    shown = {b.id: b for r in day.resources for b in r.bookings}
    assert not day.names_visible
    assert shown[theirs.id].person_name is None and shown[theirs.id].municipality_code == "vindeln"
    assert shown[mine.id].person_name == o.anna.name
    assert [p.name for p in shared.anna.office.people()] == [o.anna.name]

    shared.asa.privacy.set_visibility(o.admin.id, True)
    assert [r[0] for r in run_sql(shared.anna.db, names)] == everyone
    anna_setup = shared.anna.occupancy.setup
    anna_setup.clear()  # another PC's change: her app learns of it by notification (not tested here)
    shown = {
        b.id: b for r in shared.anna.occupancy.day(TUESDAY, viewer_id=o.anna.id).resources for b in r.bookings
    }
    assert shown[theirs.id].person_name == o.bertil.name
    shared.asa.privacy.set_visibility(o.admin.id, False)
    assert [r[0] for r in run_sql(shared.bertil.db, names)] == [o.bertil.name]


def test_a_user_works_through_the_app(shared: Shared, clock: MovableClock, tmp_path: Path) -> None:
    """What the GUI does for an employee: book a desk and the room, a series, Mina bokningar
    (with Exchange's "not in Outlook yet"), check in, cancel, and the my-data export."""
    o = shared.office
    run_sql(
        shared.owner.db,
        "INSERT INTO settings (key, value, updated_at) VALUES ('exchange', '{\"enabled\": true}', now())",
    )
    anna = shared.anna
    assert anna.identity.person_for_login() == o.anna
    today = anna.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    room = anna.booking.book_room(
        o.anna.id, o.room.id, clk.local(TUESDAY, time(10)), clk.local(TUESDAY, time(11)), 4, "Planering"
    )
    series = anna.booking.book_series(
        o.anna.id,
        o.desk(4).id,
        Recurrence.weekly(TUESDAY + timedelta(days=1), (), count=3),
        period=DeskPeriod.MORNING,
    )
    theirs = shared.bertil.booking.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    mine = anna.occupancy.bookings_of(o.anna.id)
    assert {b.id for b in mine} == {today.id, room.id, *(b.id for b in series.booked)}
    assert set(anna.exchange.outlook_lag([b.id for b in mine])) == {b.id for b in mine}
    outbox = {r[0] for r in run_sql(anna.db, "SELECT booking_id FROM exchange_outbox")}
    assert theirs.id not in outbox and today.id in outbox  # another's Exchange queue is not hers
    with pytest.raises(DatabaseRefused):
        run_sql(anna.db, "SELECT * FROM exchange_sync_state")

    clock.set_local(MONDAY, time(8, 5))
    assert anna.attendance.check_in(o.anna.id, today.id).status is BookingStatus.CHECKED_IN
    assert anna.booking.cancel(o.anna.id, room.id).status is BookingStatus.CANCELLED
    assert len(anna.booking.cancel_series(o.anna.id, str(series.series_id))) == 3

    export = anna.personal_data.export(o.anna.id, o.anna.id, tmp_path)
    assert export.bookings == 5 and export.audit_entries >= 9
    actors = run_sql(anna.db, "SELECT DISTINCT actor_id, subject_id FROM audit_log")
    assert actors and all(o.anna.id in row for row in actors)  # her own entries only
    assert run_sql(anna.db, "SELECT login FROM db_logins") == [(shared.logins["anna"],)]
    assert run_sql(anna.db, "SELECT count(*) FROM feed_tokens") == [(0,)]
    assert status_of(shared, theirs.id) == "confirmed"


# --- the receptionist -------------------------------------------------------------------------
def test_the_receptionist_books_for_others_checks_in_and_marks_no_shows(
    shared: Shared, clock: MovableClock
) -> None:
    o = shared.office
    rut = shared.rut
    for_anna = rut.booking.book_desk(
        o.reception.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY, for_person_id=o.anna.id
    )
    assert (for_anna.person_id, for_anna.created_by_id) == (o.anna.id, o.reception.id)
    for_bertil = rut.booking.book_desk(
        o.reception.id, o.desk(2).id, MONDAY, DeskPeriod.MORNING, for_person_id=o.bertil.id
    )
    assert len(rut.office.people()) == 5
    assert rut.exchange.status(o.reception.id) is not None

    clock.set_local(MONDAY, time(8, 10))
    assert rut.attendance.check_in(o.reception.id, for_anna.id).status is BookingStatus.CHECKED_IN
    clock.set_local(MONDAY, time(11, 0))
    assert rut.attendance.mark_no_show(o.reception.id, for_bertil.id).status is BookingStatus.NO_SHOW
    entries = run_sql(rut.db, "SELECT action FROM audit_log WHERE entity = 'booking' ORDER BY id")
    assert [e[0] for e in entries] == [
        "booking.create",
        "booking.create",
        "booking.check_in",
        "booking.no_show",
    ]

    # in SQL too; but no desk, no rules, no roles
    later = shared.anna.booking.book_desk(o.anna.id, o.desk(3).id, TUESDAY, DeskPeriod.FULL_DAY)
    run_sql(rut.db, "UPDATE bookings SET status = 'cancelled' WHERE id = :i", i=later.id)
    for statement in (
        "UPDATE resources SET capacity = 2",
        "UPDATE settings SET value = '{}' WHERE key = 'privacy'",
        "UPDATE people SET role = 'admin'",
    ):
        with pytest.raises(DatabaseRefused):
            run_sql(rut.db, statement)
    with pytest.raises(PermissionDenied):
        rut.office.set_role(o.reception.id, o.reception.id, Role.ADMIN)


def test_a_user_may_not_mark_a_no_show_even_on_her_own_booking(shared: Shared) -> None:
    o = shared.office
    mine = shared.anna.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    with pytest.raises(DatabaseRefused) as refused:
        run_sql(shared.anna.db, "UPDATE bookings SET status = 'no_show' WHERE id = :i", i=mine.id)
    assert "no-show" in refusal(refused)


def test_the_receptionist_runs_the_exchange_sync_and_a_user_cannot(shared: Shared) -> None:
    """The background sync writes the outbox, links, sync state, and bookings and audit entries
    for Outlook meetings: the receptionist's PC may; a user's PC is refused (and logs it)."""
    from satellitkontor.services.exchange.config import make_backend
    from tests.integrations.exchange.conftest import PASSWORD, SERVICE, USER
    from tests.integrations.exchange.fake_ews import FakeEws
    from tests.integrations.exchange.sync_helpers import (
        ANNA,
        BERTIL,
        ROOM_MAILBOX,
        config_for,
        fake_store,
        local,
    )

    o = shared.office
    store = fake_store()
    with FakeEws(store, users={USER: (PASSWORD, SERVICE)}) as server:
        config = shared.asa.exchange.save_config(o.admin.id, config_for(server.url))
        mine = shared.anna.booking.book_room(o.anna.id, o.room.id, local(9), local(10), 4, "Planering")
        store.create(ROOM_MAILBOX, "Styrgruppsmöte", local(13), local(14), organizer=BERTIL)
        backend = make_backend(config, PASSWORD, ())
        try:
            with pytest.raises(DatabaseRefused):
                shared.anna.exchange.run(backend)
            report = shared.rut.exchange.run(backend)
        finally:
            backend.close()
    assert report.ok, report.errors
    assert len(store.events(ANNA)) == 1  # refused before it reached Exchange: no duplicate
    assert shared.anna.exchange.outlook_lag([mine.id]) == {}  # in Outlook now, as she sees it
    pulled = shared.owner.occupancy.bookings_of(o.bertil.id)
    assert [b.title for b in pulled] == ["Styrgruppsmöte"]
    assert run_sql(shared.rut.db, "SELECT count(*) FROM exchange_sync_state")[0][0] >= 1


# --- the admin --------------------------------------------------------------------------------
def test_the_admin_changes_resources_rules_roles_and_the_rest(shared: Shared, tmp_path: Path) -> None:
    o = shared.office
    asa, me = shared.asa, o.admin.id
    desk = asa.office.add_resource(me, ResourceKind.DESK, "Plats 99")
    assert asa.office.update_resource(me, desk.id, name="Plats 10").name == "Plats 10"
    asa.office.add_closure(me, date(2026, 12, 28), date(2026, 12, 30), "Mellandagar")
    assert asa.office.update_policy(me, horizon_days=30).horizon_days == 30
    assert asa.office.set_role(me, o.cecilia.id, Role.RECEPTIONIST).role is Role.RECEPTIONIST
    asa.rotation.confirm_year(me, 2028)
    asa.rotation.add_meeting(
        me, "council", "Regionrådet", clk.local(TUESDAY, time(13)), clk.local(TUESDAY, time(15))
    )
    asa.feed_publishing.publish(me, FeedSpec(FeedKind.OFFICE), Privacy.PUBLIC, "Kontoret")
    assert len(asa.feed_publishing.published(me)) == 1
    asa.privacy.set_retention(me, months=24)
    asa.privacy.retention(me, apply=True)
    assert asa.audit.count(me) > 10
    assert asa.statistics.usage(2026)
    asa.personal_data.erase(me, o.cecilia.id)
    assert run_sql(shared.owner.db, "SELECT count(*) FROM people WHERE id = :i", i=o.cecilia.id)[0][0] == 0
    assert run_sql(shared.owner.db, "SELECT name FROM resources WHERE id = :i", i=desk.id) == [("Plats 10",)]
    assert run_sql(asa.db, "SELECT count(*) FROM db_logins")[0][0] == 4  # all of them


def test_demoting_in_the_app_takes_the_rights_away_at_once(shared: Shared, clock: MovableClock) -> None:
    """The group role is the ceiling; the app's roles page lowers within it (migration 0007)."""
    o = shared.office
    theirs = shared.anna.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    shared.asa.office.set_role(o.admin.id, o.reception.id, Role.USER)
    clock.set_local(MONDAY, time(8, 10))
    with pytest.raises(DatabaseRefused):
        run_sql(shared.rut.db, "UPDATE bookings SET status = 'checked_in' WHERE id = :i", i=theirs.id)
    assert [r[0] for r in run_sql(shared.rut.db, "SELECT name FROM people")] == [o.reception.name]
    # promoting her past the receptionist the DBA granted does not make her an admin
    shared.asa.office.set_role(o.admin.id, o.reception.id, Role.ADMIN)
    with pytest.raises(DatabaseRefused):
        run_sql(shared.rut.db, "UPDATE resources SET capacity = 2")
    run_sql(shared.rut.db, "UPDATE bookings SET status = 'checked_in' WHERE id = :i", i=theirs.id)
    assert status_of(shared, theirs.id) == "checked_in"


def test_the_owner_is_not_governed(shared: Shared) -> None:
    """The migrating role (here the superuser) sees and changes everything, as before."""
    assert run_sql(shared.owner.db, "SELECT count(*) FROM people")[0][0] == 5
    with shared.owner.db.session() as s:
        assert queries.person_by_email(s, shared.office.bertil.email) is not None
    run_sql(shared.owner.db, "UPDATE resources SET capacity = 1 WHERE kind = 'desk'")
    assert run_sql(shared.anna.db, "SELECT satellitkontor_role(), satellitkontor_person_id()") == [
        ("user", shared.office.anna.id)
    ]


def test_the_admins_own_login_searches_the_audit_trail_as_the_owner_does(shared: Shared) -> None:
    """A text search sets the planner's settings for its own statements (storage/queries/audit.py,
    ``_index_first``): an ordinary login may, and finds what the schema's owner finds; a user's
    login is refused by the app."""
    o = shared.office
    for day in range(3):
        o.services.booking.book_desk(
            o.anna.id, o.desk(day + 1).id, TUESDAY + timedelta(days=day), DeskPeriod.FULL_DAY
        )
    me = o.admin.id
    for words in ("anna", "andersson", "plats"):
        owner = (
            o.services.audit.count(me, text=words),
            [e.id for e in o.services.audit.entries(me, text=words)],
        )
        asa = (
            shared.asa.audit.count(me, text=words),
            [e.id for e in shared.asa.audit.entries(me, text=words)],
        )
        assert asa == owner and owner[0] > 0, words
    with pytest.raises(PermissionDenied):
        shared.anna.audit.count(o.anna.id, text="anna")
