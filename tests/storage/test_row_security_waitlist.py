"""The waitlist under row-level security (migration 0016), with real logins: a user joins, leaves
and answers only her own entries, sees nobody else's (no rows, no names) and cannot jump the
line from a SQL client; the receptionist sees the day's line and her sweep makes the offers
nobody made yet. A user's own cancel offers her place at once (migration 0017):
test_row_security_waitlist_offer.py."""

from __future__ import annotations

import pytest

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.errors import DatabaseRefused, PermissionDenied
from satellitkontor.domain.waitlist import WaitlistState
from tests.storage.test_row_security import TUESDAY, Shared, refusal, run_sql, shared, status_of

__all__ = ["shared"]  # the fixture, used by name

pytestmark = pytest.mark.postgresql

INSERT = (
    "INSERT INTO waitlist_entries (person_id, day, desk_period, auto_book, state, created_at) "
    "VALUES (:p, :d, 'full_day', false, :st, :c)"
)


def _full_tuesday(shared: Shared) -> int:
    """Only Plats 1 and 2 active; Anna (in her app) and Åsa hold them all Tuesday; Anna's id."""
    o = shared.office
    for desk in o.desks[2:]:
        shared.owner.office.update_resource(o.admin.id, desk.id, active=False)
    shared.asa.booking.book_desk(o.admin.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    return shared.anna.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY).id


def test_a_user_sees_and_changes_only_her_own_entries(shared: Shared) -> None:
    o = shared.office
    _full_tuesday(shared)
    bertils = shared.bertil.waitlist.join(o.bertil.id, TUESDAY, DeskPeriod.FULL_DAY)
    ceciliias = shared.owner.waitlist.join(o.cecilia.id, TUESDAY, DeskPeriod.MORNING)
    assert run_sql(shared.owner.db, "SELECT count(*) FROM waitlist_entries")[0][0] == 2
    # Bertil: his own row only; Anna: none, and nobody's name
    assert run_sql(shared.bertil.db, "SELECT id FROM waitlist_entries") == [(bertils.id,)]
    assert run_sql(shared.anna.db, "SELECT id FROM waitlist_entries") == []
    assert [e.id for e in shared.bertil.waitlist.mine(o.bertil.id)] == [bertils.id]
    assert shared.bertil.waitlist.mine(o.bertil.id)[0].position is None  # he cannot count the line
    with pytest.raises(PermissionDenied):
        shared.bertil.waitlist.day_queue(o.bertil.id, TUESDAY)
    # the receptionist sees the line with names
    line = shared.rut.waitlist.day_queue(o.reception.id, TUESDAY)
    assert [(e.person_name, e.position) for e in line] == [("Bertil Öberg", 1), ("Cecilia Ek", 2)]

    # Anna cannot put anyone else in line, nor touch Cecilia's entry (she does not even see it)
    with pytest.raises(DatabaseRefused):
        run_sql(shared.anna.db, INSERT, p=o.bertil.id, d=TUESDAY, st="waiting", c=TUESDAY)
    run_sql(shared.anna.db, "UPDATE waitlist_entries SET state = 'withdrawn' WHERE id = :i", i=ceciliias.id)
    assert run_sql(shared.owner.db, "SELECT state FROM waitlist_entries WHERE id = :i", i=ceciliias.id) == [
        ("waiting",)
    ]
    # Bertil withdraws his own through the app
    assert shared.bertil.waitlist.leave(o.bertil.id, bertils.id).state is WaitlistState.WITHDRAWN


def test_a_user_cannot_jump_the_line_from_a_sql_client(shared: Shared) -> None:
    o = shared.office
    _full_tuesday(shared)
    shared.owner.waitlist.join(o.cecilia.id, TUESDAY, DeskPeriod.FULL_DAY)
    # an entry dated in the past gets the server's time: behind Cecilia
    run_sql(shared.bertil.db, INSERT, p=o.bertil.id, d=TUESDAY, st="waiting", c="2000-01-01 00:00+00")
    line = shared.rut.waitlist.day_queue(o.reception.id, TUESDAY)
    assert [e.person_name for e in line] == ["Cecilia Ek", "Bertil Öberg"]
    mine = line[1].id
    with pytest.raises(DatabaseRefused) as moved:
        run_sql(
            shared.bertil.db, "UPDATE waitlist_entries SET created_at = '2000-01-01' WHERE id = :i", i=mine
        )
    assert "only a receptionist or an admin may change a waitlist entry" in refusal(moved)
    with pytest.raises(DatabaseRefused) as offered:
        run_sql(shared.bertil.db, "UPDATE waitlist_entries SET state = 'booked' WHERE id = :i", i=mine)
    assert "cannot go from waiting to booked" in refusal(offered)
    with pytest.raises(DatabaseRefused):  # nor start as an offer
        run_sql(shared.bertil.db, INSERT, p=o.bertil.id, d=TUESDAY, st="offered", c=TUESDAY)


def test_what_a_users_cancel_did_not_offer_the_reception_sweep_does(shared: Shared) -> None:
    o = shared.office
    annas = _full_tuesday(shared)
    entry = shared.bertil.waitlist.join(o.bertil.id, TUESDAY, DeskPeriod.FULL_DAY)
    # the database's offer at her cancel (0017) goes by the server's clock, by which this test's
    # Tuesday is over: it offers nothing, and the sweep of the app's clock does
    shared.anna.booking.cancel(o.anna.id, annas)
    assert status_of(shared, annas) == "cancelled"
    assert shared.bertil.waitlist.mine(o.bertil.id)[0].state is WaitlistState.WAITING
    assert shared.rut.waitlist.sweep(o.reception.id).offered == 1  # the five-minute timer
    (offer,) = shared.bertil.waitlist.mine(o.bertil.id)
    assert (offer.id, offer.state, offer.offered_resource_name) == (
        entry.id,
        WaitlistState.OFFERED,
        "Plats 1",
    )
    booking = shared.bertil.waitlist.accept(o.bertil.id, entry.id)
    assert (booking.person_id, booking.status) == (o.bertil.id, BookingStatus.CONFIRMED)
    assert shared.bertil.waitlist.mine(o.bertil.id)[0].state is WaitlistState.BOOKED
