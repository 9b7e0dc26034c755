"""Changing a series from one occurrence on (issue 16): another desk or other weekdays, with a
preview of skipped dates; the earlier occurrences stay as they were."""

from __future__ import annotations

from datetime import date, timedelta

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.errors import ResourceTaken
from satellitkontor.domain.recurrence import Recurrence
from tests.conftest import MONDAY, Office
from tests.services.helpers import TUESDAY

FRIDAY = date(2026, 11, 27)


def _series(o: Office) -> str:
    result = o.services.booking.book_series(
        o.anna.id, o.desk(1).id, Recurrence.weekly(TUESDAY, {1}, count=4), period=DeskPeriod.FULL_DAY
    )
    assert result.series_id is not None and len(result.booked) == 4
    return result.series_id


def test_change_the_desk_and_weekday_from_the_second_occurrence_with_a_preview(sqlite_office: Office) -> None:
    o = sqlite_office
    sid = _series(o)
    b = o.services.booking
    second = TUESDAY + timedelta(days=7)
    b.book_desk(o.bertil.id, o.desk(3).id, FRIDAY + timedelta(days=14), DeskPeriod.FULL_DAY)  # in the way
    before = {x.day: x for x in o.services.occupancy.bookings_of(o.anna.id)}

    preview = b.change_series(
        o.anna.id, sid, second, resource_id=o.desk(3).id, weekdays=frozenset({1, 4}), dry_run=True
    )
    assert preview.dry_run and [s.day for s in preview.skipped] == [FRIDAY + timedelta(days=14)]
    assert isinstance(preview.skipped[0].error, ResourceTaken)
    assert {x.day: x for x in o.services.occupancy.bookings_of(o.anna.id)} == before  # nothing written

    done = b.change_series(o.anna.id, sid, second, resource_id=o.desk(3).id, weekdays=frozenset({1, 4}))
    assert not done.dry_run and done.series_id not in (None, sid)
    after = {x.day: x for x in o.services.occupancy.bookings_of(o.anna.id)}
    assert after[TUESDAY].resource_name == "Plats 1" and after[TUESDAY].series_id == sid  # earlier: as it was
    moved = after[second]
    assert moved.id == before[second].id and moved.resource_name == "Plats 3" and moved.sequence == 1
    assert after[FRIDAY + timedelta(days=7)].resource_name == "Plats 3"  # a Friday added
    assert FRIDAY + timedelta(days=14) not in after  # skipped: taken
    assert all(x.series_id == done.series_id for d, x in after.items() if d >= second)


def test_dropping_a_weekday_cancels_those_occurrences(sqlite_office: Office) -> None:
    o = sqlite_office
    sid = o.services.booking.book_series(
        o.anna.id,
        o.desk(1).id,
        Recurrence.weekly(MONDAY + timedelta(days=7), {0, 2}, count=4),
        period=DeskPeriod.MORNING,
    ).series_id
    assert sid is not None
    o.services.booking.change_series(o.anna.id, sid, MONDAY + timedelta(days=7), weekdays=frozenset({0}))
    mine = o.services.occupancy.bookings_of(o.anna.id, include_cancelled=True)
    assert sorted((x.day.weekday(), x.status.value) for x in mine) == [
        (0, "confirmed"), (0, "confirmed"), (2, "cancelled"), (2, "cancelled"),
    ]  # fmt: skip
    assert all(x.status is BookingStatus.CONFIRMED for x in mine if x.day.weekday() == 0)
