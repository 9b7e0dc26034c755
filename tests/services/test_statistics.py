"""Usage per municipality and month, against numbers worked out by hand.

The scenario is made by moving the clock: everything is booked on Monday 23 November 2026 at
07:30, then the clock walks through Monday and Tuesday while people check in or fail to come.

| booking | who (municipality, kind)    | what                        | ends as    |
|---------|-----------------------------|-----------------------------|------------|
| A1      | Anna (Umeå, employee)       | desk full day Mon 23 Nov    | checked in |
| A2      | Anna                        | desk morning Tue 24 Nov     | checked in |
| A3      | Anna                        | desk full day Tue 1 Dec     | confirmed (future) |
| A4      | Anna                        | desk full day Mon 4 Jan 2027| confirmed (next year) |
| D1      | Dan (Umeå, politician)      | desk afternoon Mon          | checked in |
| B1      | Bertil (Vindeln, politician)| room Mon 09:00-10:30        | checked in |
| B2      | Bertil, booked by reception | desk afternoon Mon          | no-show    |
| C1      | Cecilia (Örnsköldsvik, employee) | desk full day Mon      | cancelled  |
| C2      | Cecilia                     | desk morning Tue            | no-show (mark_no_shows) |
| C3      | Cecilia                     | room Tue 13:00-14:00        | confirmed, started at "now" |

"Now" for the statistics is Tuesday 24 November 13:00.
"""

from __future__ import annotations

from datetime import date, time

import pytest

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.people import PersonKind
from satellitkontor.services.statistics.service import UsageRow
from tests.conftest import MONDAY, Office
from tests.services.helpers import TUESDAY, at

FULL, MORNING, AFTERNOON = DeskPeriod.FULL_DAY, DeskPeriod.MORNING, DeskPeriod.AFTERNOON


def _scenario(o: Office) -> None:
    b = o.services.booking
    attendance = o.services.attendance
    dan = o.services.office.add_person(
        o.admin.id, "Dan Dahl", "dan.dahl@umea.se", "Umeå", PersonKind.POLITICIAN
    )

    a1 = b.book_desk(o.anna.id, o.desk(1).id, MONDAY, FULL)
    a2 = b.book_desk(o.anna.id, o.desk(1).id, TUESDAY, MORNING)
    b.book_desk(o.anna.id, o.desk(1).id, date(2026, 12, 1), FULL)
    b.book_desk(o.anna.id, o.desk(1).id, date(2027, 1, 4), FULL)
    d1 = b.book_desk(dan.id, o.desk(4).id, MONDAY, AFTERNOON)
    b1 = b.book_room(o.bertil.id, o.room.id, at(MONDAY, 9), at(MONDAY, 10, 30), 4, "Rådsberedning")
    b2 = b.book_desk(o.reception.id, o.desk(2).id, MONDAY, AFTERNOON, for_person_id=o.bertil.id)
    c1 = b.book_desk(o.cecilia.id, o.desk(3).id, MONDAY, FULL)
    c2 = b.book_desk(o.cecilia.id, o.desk(3).id, TUESDAY, MORNING)
    b.book_room(o.cecilia.id, o.room.id, at(TUESDAY, 13), at(TUESDAY, 14), 2)
    b.cancel(o.cecilia.id, c1.id)

    attendance.check_in(o.anna.id, a1.id)  # Monday 07:30
    o.clock.set_local(MONDAY, time(8, 30))
    attendance.check_in(o.reception.id, b1.id)
    o.clock.set_local(MONDAY, time(12, 5))
    attendance.check_in(dan.id, d1.id)
    o.clock.set_local(MONDAY, time(12, 30))
    attendance.mark_no_show(o.reception.id, b2.id)
    o.clock.set_local(TUESDAY, time(8, 5))
    attendance.check_in(o.anna.id, a2.id)
    o.clock.set_local(TUESDAY, time(13, 0))
    assert [x.id for x in attendance.mark_no_shows(o.reception.id)] == [c2.id]


def _row(rows: list[UsageRow], month: int | None, code: str) -> UsageRow:
    (row,) = [r for r in rows if r.month == month and r.municipality_code == code]
    return row


def _numbers(row: UsageRow) -> tuple:  # type: ignore[type-arg]
    return (
        row.desk_days,
        row.room_hours,
        row.bookings,
        row.people,
        row.employees,
        row.politicians,
        row.no_shows,
        row.started,
    )


def test_usage_per_municipality_and_month(office: Office) -> None:
    _scenario(office)

    rows = office.services.statistics.usage(2026)

    assert len(rows) == 13 * 7  # every month and the whole year, every municipality
    assert [(r.month, r.municipality_code) for r in rows[:2]] == [(1, "bjurholm"), (1, "nordmaling")]
    assert rows[-1].month is None
    #                       desk  room  bookings people emp pol no-shows started
    assert _numbers(_row(rows, 11, "umea")) == (2.0, 0.0, 3, 2, 1, 1, 0, 3)
    assert _numbers(_row(rows, 12, "umea")) == (1.0, 0.0, 1, 1, 1, 0, 0, 0)
    assert _numbers(_row(rows, None, "umea")) == (3.0, 0.0, 4, 2, 1, 1, 0, 3)
    assert _numbers(_row(rows, 11, "vindeln")) == (0.0, 1.5, 1, 1, 0, 1, 1, 2)
    assert _numbers(_row(rows, 11, "ornskoldsvik")) == (0.0, 1.0, 1, 1, 1, 0, 1, 2)
    assert _numbers(_row(rows, None, "bjurholm")) == (0.0, 0.0, 0, 0, 0, 0, 0, 0)

    assert _row(rows, 11, "umea").no_show_rate == 0.0
    assert _row(rows, 11, "vindeln").no_show_rate == 0.5
    assert _row(rows, 11, "ornskoldsvik").no_show_rate == 0.5
    assert _row(rows, None, "bjurholm").no_show_rate == 0.0
    assert _row(rows, 11, "vindeln").municipality_name == "Vindeln"
    assert _row(rows, 11, "ornskoldsvik").municipality_name == "Örnsköldsvik"

    # every month not named above is empty
    named = {(11, "umea"), (12, "umea"), (11, "vindeln"), (11, "ornskoldsvik")}
    for r in rows:
        if r.month is not None and (r.month, r.municipality_code) not in named:
            assert _numbers(r) == (0.0, 0.0, 0, 0, 0, 0, 0, 0), r

    next_year = office.services.statistics.usage(2027)
    assert _numbers(_row(next_year, 1, "umea")) == (1.0, 0.0, 1, 1, 1, 0, 0, 0)
    assert sum(r.bookings for r in next_year if r.month is None) == 1


@pytest.mark.parametrize("year", [1999, 2201])
def test_usage_of_an_impossible_year(sqlite_office: Office, year: int) -> None:
    with pytest.raises(InvalidInput):
        sqlite_office.services.statistics.usage(year)
