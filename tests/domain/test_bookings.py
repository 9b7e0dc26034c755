"""Which halves of the day a desk booking holds: one function for every screen and the service."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from satellitkontor.domain.bookings import (
    BookingStatus,
    BookingView,
    DeskPeriod,
    halves_held,
    halves_of,
)
from satellitkontor.domain.resources import ResourceKind

FULL, MORNING, AFTERNOON = DeskPeriod.FULL_DAY, DeskPeriod.MORNING, DeskPeriod.AFTERNOON
BOTH = frozenset({MORNING, AFTERNOON})

BOOKING = BookingView(
    id=1,
    uid="b1@satellitkontor",
    resource_id=1,
    resource_name="Plats 1",
    resource_kind=ResourceKind.DESK,
    person_id=1,
    person_name="Anna Andersson",
    person_email="anna.andersson@umea.se",
    municipality_code="umea",
    created_by_id=1,
    start=datetime(2026, 11, 24, 7, tzinfo=UTC),
    end=datetime(2026, 11, 24, 16, tzinfo=UTC),
    day=date(2026, 11, 24),
    desk_period=FULL,
    title=None,
    participants=None,
    status=BookingStatus.CONFIRMED,
    series_id=None,
    sequence=0,
)


@pytest.mark.parametrize(
    ("period", "halves"),
    [(FULL, BOTH), (MORNING, {MORNING}), (AFTERNOON, {AFTERNOON}), (None, BOTH)],
)
def test_halves_of_a_period(period: DeskPeriod | None, halves: set[DeskPeriod]) -> None:
    assert halves_of(period) == halves


@pytest.mark.parametrize(
    ("status", "period", "held"),
    [
        (BookingStatus.CONFIRMED, FULL, BOTH),
        (BookingStatus.CHECKED_IN, MORNING, {MORNING}),
        (BookingStatus.CONFIRMED, AFTERNOON, {AFTERNOON}),
        (BookingStatus.NO_SHOW, FULL, set()),  # a walk-in may take the desk of a no-show
        (BookingStatus.CANCELLED, MORNING, set()),
    ],
)
def test_a_booking_holds_the_halves_of_its_period_while_it_holds_the_desk(
    status: BookingStatus, period: DeskPeriod, held: set[DeskPeriod]
) -> None:
    assert halves_held(replace(BOOKING, status=status, desk_period=period)) == held


def test_periods_that_share_a_half_cover_each_other() -> None:
    assert FULL.covers(MORNING) and AFTERNOON.covers(FULL) and MORNING.covers(MORNING)
    assert not MORNING.covers(AFTERNOON)
