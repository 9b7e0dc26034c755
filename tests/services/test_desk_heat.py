"""Desk use by weekday × half-day and per desk: booked half-days over what was offered."""

from __future__ import annotations

from datetime import date

from satellitkontor.domain.bookings import DeskPeriod
from tests.conftest import MONDAY, Office


def test_heat_counts_half_days_and_leaves_out_cancelled(office: Office) -> None:
    b = office.services.booking
    b.book_desk(office.anna.id, office.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    b.book_desk(office.bertil.id, office.desk(2).id, MONDAY, DeskPeriod.MORNING)
    gone = b.book_desk(office.cecilia.id, office.desk(3).id, MONDAY, DeskPeriod.AFTERNOON)
    b.cancel(office.cecilia.id, gone.id)
    heat = office.services.statistics.heat(MONDAY, date(2026, 11, 27))
    assert heat.open_days == (1, 1, 1, 1, 1)
    assert heat.booked == {(0, 0): 2, (0, 1): 1}
    assert heat.share(0, 0) == 2 / len(heat.desks)
    assert heat.share(0, 0, "Plats 1") == 1.0 and heat.share(0, 1, "Plats 1") == 1.0
    assert heat.share(0, 1, "Plats 2") == 0.0
    assert heat.share(1, 0) == 0.0
