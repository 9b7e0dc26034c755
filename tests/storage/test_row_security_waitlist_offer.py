"""A user's own cancel offers the freed place to the waitlist in the same transaction, on a shared
PostgreSQL office (migration 0017's ``satellitkontor_waitlist_offer``), with real logins; and
what a user with a SQL client cannot make it do.

The function reads the server's clock, so these tests put the app's clock at the real time and
book the next open day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.errors import DatabaseRefused
from satellitkontor.domain.waitlist import WaitlistState
from satellitkontor.storage.queries import common as queries
from tests.conftest import MovableClock
from tests.storage.test_row_security import Shared, refusal, run_sql, shared, status_of

__all__ = ["shared"]  # the fixture, used by name

pytestmark = pytest.mark.postgresql

CALL = "SELECT * FROM satellitkontor_waitlist_offer(:b)"


def _next_open_day(shared: Shared, clock: MovableClock) -> date:
    """The app's clock at the server's time; the next day after today the office is open."""
    clock.moment = datetime.now(UTC).replace(microsecond=0)
    day = clk.local_date(clock.moment)
    with shared.owner.db.session() as s:
        policy = queries.load_policy(s)
        calendar = queries.load_calendar(s, policy, day, day + timedelta(days=14))
    day += timedelta(days=1)
    while calendar.hours(day) is None:
        day += timedelta(days=1)
    return day


def _full(shared: Shared, day: date) -> int:
    """Only Plats 1 and 2 active; Anna (in her app) and Åsa hold them all ``day``; Anna's id."""
    o = shared.office
    for desk in o.desks[2:]:
        shared.owner.office.update_resource(o.admin.id, desk.id, active=False)
    shared.asa.booking.book_desk(o.admin.id, o.desk(2).id, day, DeskPeriod.FULL_DAY)
    return shared.anna.booking.book_desk(o.anna.id, o.desk(1).id, day, DeskPeriod.FULL_DAY).id


def _notices_on(shared: Shared) -> None:
    run_sql(
        shared.owner.db,
        "INSERT INTO settings (key, value, updated_at) VALUES ('notices', '{\"enabled\": true}', now()) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )


def test_a_users_own_cancel_offers_her_place_to_the_first_in_line_at_once(
    shared: Shared, clock: MovableClock
) -> None:
    o = shared.office
    day = _next_open_day(shared, clock)
    annas = _full(shared, day)
    _notices_on(shared)
    bertils = shared.bertil.waitlist.join(o.bertil.id, day, DeskPeriod.FULL_DAY)
    shared.owner.waitlist.join(o.cecilia.id, day, DeskPeriod.FULL_DAY)

    before = datetime.now(UTC)
    shared.anna.booking.cancel(o.anna.id, annas)  # she cannot read the line, the database can
    assert status_of(shared, annas) == "cancelled"
    # committed with the cancel: no sweep has run
    (offer,) = shared.bertil.waitlist.mine(o.bertil.id)
    assert (offer.id, offer.state, offer.offered_resource_name) == (
        bertils.id,
        WaitlistState.OFFERED,
        "Plats 1",
    )
    assert offer.offer_until is not None
    assert before + timedelta(minutes=119) < offer.offer_until < datetime.now(UTC) + timedelta(minutes=121)
    line = shared.rut.waitlist.day_queue(o.reception.id, day)
    assert [(e.person_name, e.state) for e in line] == [
        ("Bertil Öberg", WaitlistState.OFFERED),
        ("Cecilia Ek", WaitlistState.WAITING),
    ]
    # the place is held: Anna cannot take it back, the others see it taken
    held = run_sql(
        shared.owner.db,
        "SELECT person_id, created_by_id, status, desk_period FROM bookings WHERE id = :i",
        i=offer.offered_booking_id,
    )
    assert held == [(o.bertil.id, o.bertil.id, "confirmed", "full_day")]
    # Bertil is told (a tentative invitation, his own booking's uid) and the trail names no actor
    notices = run_sql(
        shared.owner.db,
        "SELECT n.person_id, n.kind, n.booking_uid = b.uid, n.offer_until IS NOT NULL, n.payload "
        "FROM notice_outbox n JOIN bookings b ON b.id = n.booking_id WHERE n.booking_id = :i",
        i=offer.offered_booking_id,
    )
    assert [row[:4] for row in notices] == [(o.bertil.id, "waitlist_offer", True, True)]
    assert '"place": "Plats 1"' in notices[0][4]
    trail = run_sql(
        shared.owner.db,
        "SELECT actor_id, action, subject_id FROM audit_log WHERE entity = 'waitlist' AND entity_id = :e",
        e=str(bertils.id),
    )
    assert (None, "waitlist.offer", o.bertil.id) in trail

    booking = shared.bertil.waitlist.accept(o.bertil.id, bertils.id)
    assert (booking.person_id, booking.status) == (o.bertil.id, BookingStatus.CONFIRMED)
    assert shared.rut.waitlist.sweep(o.reception.id).offered == 0  # nothing left for the sweep


def test_the_database_skips_who_would_break_a_fair_rule_and_books_straight_away(
    shared: Shared, clock: MovableClock
) -> None:
    o = shared.office
    day = _next_open_day(shared, clock)
    shared.owner.office.update_policy(o.admin.id, one_desk_per_person=False, desk_days_per_week=1)
    # Bertil holds the morning of Plats 3 that day: a whole day more makes 1.5 desk-days that week
    shared.rut.booking.book_desk(
        o.reception.id, o.desk(3).id, day, DeskPeriod.MORNING, for_person_id=o.bertil.id
    )
    annas = _full(shared, day)
    shared.bertil.waitlist.join(o.bertil.id, day, DeskPeriod.FULL_DAY)
    shared.owner.waitlist.join(o.cecilia.id, day, DeskPeriod.FULL_DAY, auto_book=True)
    shared.anna.booking.cancel(o.anna.id, annas)
    line = shared.rut.waitlist.day_queue(o.reception.id, day)
    assert [(e.person_name, e.state) for e in line] == [
        ("Bertil Öberg", WaitlistState.WAITING),
        ("Cecilia Ek", WaitlistState.BOOKED),
    ]
    assert line[1].offered_resource_name == "Plats 1"


def test_a_user_with_a_sql_client_cannot_make_the_database_offer_a_place(
    shared: Shared, clock: MovableClock
) -> None:
    o = shared.office
    day = _next_open_day(shared, clock)
    annas = _full(shared, day)
    asas = run_sql(shared.owner.db, "SELECT id FROM bookings WHERE person_id = :p", p=o.admin.id)[0][0]
    shared.bertil.waitlist.join(o.bertil.id, day, DeskPeriod.FULL_DAY)

    def offered() -> list[tuple[str]]:
        return run_sql(shared.owner.db, "SELECT state FROM waitlist_entries")  # type: ignore[no-any-return]

    # her own booking that still holds its place
    with pytest.raises(DatabaseRefused) as standing:
        run_sql(shared.anna.db, CALL, b=annas)
    assert "only a place of one's own booking cancelled in this transaction" in refusal(standing)
    # someone else's booking, cancelled by the admin: not hers
    shared.asa.booking.cancel(o.admin.id, asas)  # the admin's app makes the offer itself ...
    assert offered() == [("offered",)]
    run_sql(shared.owner.db, "UPDATE waitlist_entries SET state = 'waiting', offered_booking_id = NULL")
    run_sql(shared.owner.db, "DELETE FROM bookings WHERE id <> :a AND id <> :b", a=annas, b=asas)
    with pytest.raises(DatabaseRefused):  # ... and Anna cannot make it again with Åsa's booking
        run_sql(shared.anna.db, CALL, b=asas)
    # her own booking, cancelled and a place freed, but in a transaction of its own before
    with shared.anna.db.session(write=True) as s:
        s.execute(text("UPDATE bookings SET status = 'cancelled' WHERE id = :i"), {"i": annas})
    with pytest.raises(DatabaseRefused):
        run_sql(shared.anna.db, CALL, b=annas)
    assert offered() == [("waiting",)]
    # a place she frees and takes again in one transaction is not free: nothing to offer
    run_sql(shared.owner.db, "UPDATE bookings SET status = 'confirmed' WHERE id = :i", i=annas)
    with shared.anna.db.session(write=True) as s:
        s.execute(text("UPDATE bookings SET status = 'cancelled' WHERE id = :i"), {"i": annas})
        s.execute(
            text(
                "INSERT INTO bookings (uid, resource_id, resource_kind, person_id, created_by_id, "
                "municipality_code, person_kind, start_at, end_at, desk_period, status, sequence, "
                "created_at, updated_at) SELECT 'again@x', resource_id, resource_kind, person_id, "
                "created_by_id, municipality_code, person_kind, start_at, end_at, desk_period, "
                "'confirmed', 0, now(), now() FROM bookings WHERE id = :i"
            ),
            {"i": annas},
        )
        made = s.execute(text(CALL), {"b": annas}).all()
        # what it answers is ids, never names; and she still reads no entry
        assert made == [] and s.execute(text("SELECT count(*) FROM waitlist_entries")).scalar_one() == 0
    assert offered() == [("waiting",)]


def test_a_cancel_stands_when_the_login_may_not_call_the_offer(shared: Shared, clock: MovableClock) -> None:
    """A database upgraded without ``db grant`` since: the cancel is not lost, the sweep offers."""
    o = shared.office
    day = _next_open_day(shared, clock)
    annas = _full(shared, day)
    shared.bertil.waitlist.join(o.bertil.id, day, DeskPeriod.FULL_DAY)
    run_sql(
        shared.owner.db,
        "REVOKE EXECUTE ON FUNCTION satellitkontor_waitlist_offer(integer) FROM PUBLIC, satellitkontor_user",
    )
    try:
        shared.anna.booking.cancel(o.anna.id, annas)
        assert status_of(shared, annas) == "cancelled"
        assert shared.bertil.waitlist.mine(o.bertil.id)[0].state is WaitlistState.WAITING
        assert shared.rut.waitlist.sweep(o.reception.id).offered == 1
    finally:
        run_sql(
            shared.owner.db,
            "GRANT EXECUTE ON FUNCTION satellitkontor_waitlist_offer(integer) TO satellitkontor_user",
        )
