"""Row-level security holds for changes (issue 16): through her own login a user moves her own
bookings and nobody else's; an admin's closure cancels everyone's bookings on the closed days."""

from __future__ import annotations

import pytest

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.errors import DatabaseRefused, PermissionDenied
from satellitkontor.services.booking.service import BookingChange
from tests.storage.test_row_security import TUESDAY, Shared, refusal, run_sql, status_of
from tests.storage.test_row_security import shared as shared  # the fixture

pytestmark = pytest.mark.postgresql


def test_a_user_moves_her_own_booking_and_not_someone_elses(shared: Shared) -> None:
    o = shared.office
    mine = shared.anna.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    theirs = shared.bertil.booking.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)

    moved = shared.anna.booking.change(o.anna.id, mine.id, BookingChange(resource_id=o.desk(3).id))
    assert moved.resource_name == "Plats 3" and moved.sequence == 1

    with pytest.raises(PermissionDenied):
        shared.anna.booking.change(o.anna.id, theirs.id, BookingChange(resource_id=o.desk(4).id))
    with pytest.raises(DatabaseRefused) as refused:  # around the app: the database says no
        run_sql(
            shared.anna.db, "UPDATE bookings SET resource_id = :r WHERE id = :i", r=o.desk(4).id, i=theirs.id
        )
    refusal(refused)
    with pytest.raises(PermissionDenied):
        shared.anna.booking.cancel_range(o.anna.id, TUESDAY, TUESDAY, person_id=o.bertil.id)
    assert status_of(shared, theirs.id) == "confirmed"
    view = shared.owner.occupancy.booking(theirs.id)
    assert view is not None and view.resource_name == "Plats 2"


def test_an_admins_closure_cancels_every_bookers_booking(shared: Shared) -> None:
    o = shared.office
    a = shared.anna.booking.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    b = shared.bertil.booking.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    closure = shared.asa.office.add_closure(o.admin.id, TUESDAY, TUESDAY, "Vattenläcka")
    assert sorted(x.id for x in closure.cancelled) == sorted([a.id, b.id])
    mine = shared.anna.occupancy.bookings_of(o.anna.id, with_reasons=True)
    assert [(x.id, x.status, x.cancel_reason) for x in mine] == [
        (a.id, BookingStatus.CANCELLED, "Vattenläcka")
    ]
