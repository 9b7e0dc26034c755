"""Guests under row-level security (migration 0014): a user cannot book a guest, nor put one on
or change one on a booking she may otherwise update; the receptionist can; a host who is a user
may cancel her guest's booking."""

from __future__ import annotations

from datetime import time

import pytest

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, DeskPeriod, Guest
from satellitkontor.domain.errors import DatabaseRefused, PermissionDenied
from tests.storage.test_row_security import TUESDAY, Shared, refusal, run_sql, shared, status_of

__all__ = ["shared"]  # the fixture, used by name

pytestmark = pytest.mark.postgresql

KIM = Guest("Kim Berg", "Region Västerbotten")
INSERT = (
    "INSERT INTO bookings (uid, resource_id, resource_kind, person_id, created_by_id, municipality_code, "
    "person_kind, start_at, end_at, desk_period, status, sequence, created_at, updated_at, guest_name, guest_org) "
    "VALUES (:uid, :r, 'desk', :p, :p, 'umea', 'employee', :s, :e, 'full_day', 'confirmed', 0, now(), now(), "
    ":g, :org)"
)


def test_a_user_cannot_book_a_guest_in_the_app_or_in_sql(shared: Shared) -> None:
    o = shared.office
    start, end = clk.local(TUESDAY, time(8)), clk.local(TUESDAY, time(17))
    params = {"r": o.desk(3).id, "s": start, "e": end, "p": o.anna.id}
    with pytest.raises(PermissionDenied):
        shared.anna.booking.book_desk(o.anna.id, o.desk(3).id, TUESDAY, DeskPeriod.FULL_DAY, guest=KIM)
    with pytest.raises(DatabaseRefused) as refused:
        run_sql(shared.anna.db, INSERT, uid="g1", g="Kim Berg", org="Region", **params)
    assert "only a receptionist or an admin may book for a guest" in refusal(refused)
    with pytest.raises(DatabaseRefused):  # an organisation alone is a guest too
        run_sql(shared.anna.db, INSERT, uid="g2", g=None, org="Region", **params)
    assert run_sql(shared.owner.db, "SELECT count(*) FROM bookings")[0][0] == 0
    # her own booking: booked, but no guest may be put on it afterwards
    mine = shared.anna.booking.book_desk(o.anna.id, o.desk(3).id, TUESDAY, DeskPeriod.FULL_DAY)
    with pytest.raises(DatabaseRefused) as refused:
        run_sql(shared.anna.db, "UPDATE bookings SET guest_name = 'Kim' WHERE id = :i", i=mine.id)
    assert "change a booking's guest" in refusal(refused)


def test_a_user_cannot_put_a_guest_s_e_mail_address_on_a_booking_in_sql(shared: Shared) -> None:
    """Migration 0018: guest_email is a guest's column like guest_name and guest_org."""
    o = shared.office
    start, end = clk.local(TUESDAY, time(8)), clk.local(TUESDAY, time(17))
    with pytest.raises(DatabaseRefused) as refused:
        run_sql(
            shared.anna.db,
            INSERT.replace("guest_org)", "guest_org, guest_email)").replace(":org)", ":org, :mail)"),
            uid="g3",
            r=o.desk(3).id,
            s=start,
            e=end,
            p=o.anna.id,
            g=None,
            org=None,
            mail="kim@region.se",
        )
    assert "only a receptionist or an admin may book for a guest" in refusal(refused)
    mine = shared.anna.booking.book_desk(o.anna.id, o.desk(3).id, TUESDAY, DeskPeriod.FULL_DAY)
    with pytest.raises(DatabaseRefused) as refused:
        run_sql(shared.anna.db, "UPDATE bookings SET guest_email = 'kim@region.se' WHERE id = :i", i=mine.id)
    assert "change a booking's guest" in refusal(refused)
    assert run_sql(shared.owner.db, "SELECT guest_email FROM bookings WHERE id = :i", i=mine.id)[0][0] is None


def test_the_receptionist_books_a_guest_and_the_host_may_cancel_but_not_rename_it(shared: Shared) -> None:
    o = shared.office
    view = shared.rut.booking.book_desk(
        o.reception.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY, for_person_id=o.anna.id, guest=KIM
    )
    assert (view.guest_name, view.person_id) == ("Kim Berg", o.anna.id)
    with pytest.raises(DatabaseRefused):
        run_sql(shared.anna.db, "UPDATE bookings SET guest_name = 'Someone' WHERE id = :i", i=view.id)
    with pytest.raises(DatabaseRefused):
        run_sql(shared.anna.db, "UPDATE bookings SET guest_org = NULL WHERE id = :i", i=view.id)
    assert shared.anna.booking.cancel(o.anna.id, view.id).status is BookingStatus.CANCELLED
    assert status_of(shared, view.id) == "cancelled"
    assert (
        run_sql(shared.owner.db, "SELECT guest_name FROM bookings WHERE id = :i", i=view.id)[0][0]
        == "Kim Berg"
    )
