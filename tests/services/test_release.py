"""Release of unclaimed bookings (issue 16, section 3): after the grace period, when the office
turned the rule on; audited as released, queued for Exchange, the place free at once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.errors import PermissionDenied
from satellitkontor.storage.models import ExchangeOutboxRow
from satellitkontor.words.plans import status_text
from tests.conftest import MONDAY, Office
from tests.services.audit_helpers import entries_after, last_id
from tests.services.exchange_helpers import enable_sync
from tests.services.helpers import TUESDAY, at


def _turn_on(o: Office) -> None:
    o.services.office.update_policy(o.admin.id, auto_release=True)


def test_release_frees_unclaimed_bookings_after_the_grace_period(office: Office) -> None:
    o = office
    enable_sync(o)
    b = o.services.booking
    unclaimed = b.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    claimed = b.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    later = b.book_desk(o.cecilia.id, o.desk(3).id, TUESDAY, DeskPeriod.AFTERNOON)
    o.clock.moment = at(TUESDAY, 8, 10)
    o.services.attendance.check_in(o.bertil.id, claimed.id)

    o.clock.moment = at(TUESDAY, 8, 45)  # 08:00 + 30 min grace has passed
    assert o.services.attendance.release_unclaimed(o.reception.id) == []  # the rule is off
    _turn_on(o)
    mark = last_id(o)
    released = o.services.attendance.release_unclaimed(o.reception.id)
    assert [r.id for r in released] == [unclaimed.id]
    assert status_text(released[0]) == "avbokad av kontoret (frisläppt: ingen incheckning)"
    (entry,) = entries_after(o, mark)
    assert (entry.action, entry.after["cause"], entry.actor_id) == (
        "booking.release",
        "release",
        o.reception.id,
    )
    with o.services.db.session() as s:
        ops = [(r.booking_id, r.operation) for r in s.scalars(select(ExchangeOutboxRow))]
    assert (unclaimed.id, "cancel") in ops
    # the desk is free again at once; the afternoon booking and the checked-in one stay
    assert b.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.AFTERNOON).resource_name == "Plats 1"
    for kept in (claimed, later):
        view = o.services.occupancy.booking(kept.id)
        assert view is not None and view.status in (BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN)
    assert o.services.attendance.release_unclaimed(o.reception.id) == []  # once


def test_only_staff_release(sqlite_office: Office) -> None:
    o = sqlite_office
    _turn_on(o)
    with pytest.raises(PermissionDenied):
        o.services.attendance.release_unclaimed(o.anna.id)
    assert o.services.attendance.release_unclaimed(None) == []  # a scheduled task with nobody named


def test_yesterdays_and_imported_bookings_are_not_released(sqlite_office: Office) -> None:
    o = sqlite_office
    _turn_on(o)
    b = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    o.clock.moment = at(TUESDAY, 10)
    assert o.services.attendance.release_unclaimed(o.admin.id) == []
    view = o.services.occupancy.booking(b.id)
    assert view is not None and view.status is BookingStatus.CONFIRMED
