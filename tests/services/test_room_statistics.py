"""Statistik per conference room (issue 16): bookings, hours and occupancy per room and month,
and the same table in the CSV and Excel files, with known data."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.statistics import export
from satellitkontor.services.statistics.rooms import RoomPeriodRow
from tests.conftest import Office
from tests.services.helpers import TUESDAY, at

WEDNESDAY = date(2026, 11, 25)
FRIDAY = date(2026, 11, 27)
DEC_1 = date(2026, 12, 1)


def _known_data(o: Office) -> None:
    small = o.services.office.add_resource(o.admin.id, ResourceKind.ROOM, "Lilla rummet", capacity=4)
    b = o.services.booking
    b.book_room(o.anna.id, o.room.id, at(TUESDAY, 9), at(TUESDAY, 10, 30), 6)  # 1.5 h
    b.book_room(o.bertil.id, o.room.id, at(WEDNESDAY, 10), at(WEDNESDAY, 12), 6)  # 2 h
    b.book_room(o.anna.id, o.room.id, at(DEC_1, 13), at(DEC_1, 14), 6)  # December: 1 h
    b.book_room(o.anna.id, small.id, at(TUESDAY, 9), at(TUESDAY, 10), 2)  # 1 h
    gone = b.book_room(o.anna.id, small.id, at(TUESDAY, 13), at(TUESDAY, 16), 2)
    b.cancel(o.anna.id, gone.id)  # cancelled: not counted
    o.services.office.add_closure(o.admin.id, FRIDAY, FRIDAY, "Personaldag")  # not open


def _by(rows: list[RoomPeriodRow], month: int | None) -> dict[str, RoomPeriodRow]:
    return {r.room: r for r in rows if r.month == month}


def test_bookings_hours_and_occupancy_per_room_and_month(office: Office) -> None:
    _known_data(office)
    rows = office.services.statistics.room_breakdown(2026)
    assert len(rows) == 13 * 2  # two rooms, twelve months and the year
    november = _by(rows, 11)
    # November 2026: 21 weekdays, no holiday on a weekday, Friday 27th closed: 20 days of 8–17.
    big, small = november["Konferensrummet"], november["Lilla rummet"]
    assert (big.bookings, big.hours, big.open_hours) == (2, 3.5, 180.0)
    assert big.occupancy == pytest.approx(3.5 / 180)
    assert (small.bookings, small.hours, small.open_hours) == (1, 1.0, 180.0)
    assert small.occupancy == pytest.approx(1 / 180)
    december = _by(rows, 12)
    assert (december["Konferensrummet"].bookings, december["Konferensrummet"].hours) == (1, 1.0)
    assert (december["Lilla rummet"].bookings, december["Lilla rummet"].hours) == (0, 0.0)
    assert _by(rows, 1)["Konferensrummet"].bookings == 0
    year = _by(rows, None)
    assert (year["Konferensrummet"].bookings, year["Konferensrummet"].hours) == (3, 4.5)
    months_open = sum(r.open_hours for r in rows if r.month is not None and r.room == "Lilla rummet")
    assert year["Konferensrummet"].open_hours == pytest.approx(months_open)
    assert year["Konferensrummet"].occupancy == pytest.approx(4.5 / months_open)


def test_an_inactive_room_never_booked_is_left_out_and_a_bad_year_refused(office: Office) -> None:
    from satellitkontor.domain.errors import InvalidInput

    o = office
    unused = o.services.office.add_resource(o.admin.id, ResourceKind.ROOM, "Förrådet", capacity=2)
    used = o.services.office.add_resource(o.admin.id, ResourceKind.ROOM, "Gamla rummet", capacity=2)
    o.services.booking.book_room(o.anna.id, used.id, at(TUESDAY, 9), at(TUESDAY, 10), 2)
    for room in (unused, used):
        o.services.office.update_resource(o.admin.id, room.id, active=False)
    rows = o.services.statistics.room_breakdown(2026)
    assert {r.room for r in rows} == {"Konferensrummet", "Gamla rummet"}  # booked this year: kept
    with pytest.raises(InvalidInput):
        office.services.statistics.room_breakdown(1999)


def test_the_csv_and_the_workbook_carry_the_per_room_table(sqlite_office: Office, tmp_path: Path) -> None:
    o = sqlite_office
    _known_data(o)
    stats = o.services.statistics
    target = tmp_path / "statistik.csv"
    export.write_csv(target, stats.usage(2026), "sv", stats.room_breakdown(2026))
    text = target.read_text(encoding="utf-8-sig")
    _municipalities, rooms_part = text.split("\n\n")
    rows = list(csv.DictReader(io.StringIO(rooms_part), delimiter=";"))
    november = {r["Rum"]: r for r in rows if r["Månad"] == "november"}
    assert november["Konferensrummet"] == {
        "År": "2026",
        "Månad": "november",
        "Rum": "Konferensrummet",
        "Bokningar": "2",
        "Bokade timmar": "3,5",
        "Öppettimmar": "180",
        "Beläggning": "0,0194",
    }
    workbook = tmp_path / "statistik.xlsx"
    export.write_xlsx(workbook, stats.usage(2026), "sv", stats.room_breakdown(2026))
    import openpyxl

    book = openpyxl.load_workbook(workbook, read_only=True)
    try:
        sheet = book["Per rum"]
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    assert values[0] == ["År", "Månad", "Rum", "Bokningar", "Bokade timmar", "Öppettimmar", "Beläggning"]
    row = next(v for v in values if v[1] == "november" and v[2] == "Konferensrummet")
    assert row[3:6] == [2, 3.5, 180]
    assert row[6] == pytest.approx(3.5 / 180)
