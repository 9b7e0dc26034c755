"""Statistics to CSV (for Swedish Excel) and XLSX: the files hold exactly what usage() says."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.services.statistics import export as statistics_export
from satellitkontor.services.statistics.service import UsageRow
from tests.conftest import MONDAY, Office
from tests.services.helpers import TUESDAY, at


def _bookings(o: Office) -> list[UsageRow]:
    b = o.services.booking
    b.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    b.book_desk(o.anna.id, o.desk(1).id, TUESDAY, DeskPeriod.MORNING)
    b.book_desk(o.cecilia.id, o.desk(2).id, date(2026, 12, 1), DeskPeriod.AFTERNOON)
    b.book_room(o.bertil.id, o.room.id, at(MONDAY, 9), at(MONDAY, 10, 30), 4, "Beredning")
    return o.services.statistics.usage(2026)


def test_csv_has_bom_semicolons_and_swedish_decimals(sqlite_office: Office, tmp_path: Path) -> None:
    rows = _bookings(sqlite_office)
    path = tmp_path / "statistik.csv"
    statistics_export.write_csv(path, rows)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert lines[0][:4] == ["År", "Månad", "Kommun", "Platsdagar"]
    assert len(lines) == 1 + len(rows)
    umea = next(line for line in lines if line[1] == "Hela året" and line[2] == "Umeå")
    assert umea[3] == "1,5"  # full day + morning
    assert umea[5] == "2"
    vindeln = next(line for line in lines if line[1] == "november" and line[2] == "Vindeln")
    assert vindeln[4] == "1,5"  # 09:00-10:30 in the room
    orn = next(line for line in lines if line[1] == "december" and line[2] == "Örnsköldsvik")
    assert orn[3] == "0,5"


def test_csv_in_english_uses_points(sqlite_office: Office, tmp_path: Path) -> None:
    rows = _bookings(sqlite_office)
    path = tmp_path / "stats.csv"
    statistics_export.write_csv(path, rows, "en")
    lines = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert lines[0][0] == "Year"
    umea = next(line for line in lines if line[1] == "Whole year" and line[2] == "Umeå")
    assert umea[3] == "1.5"


def test_xlsx_reads_back_as_the_same_numbers(sqlite_office: Office, tmp_path: Path) -> None:
    rows = _bookings(sqlite_office)
    path = tmp_path / "statistik.xlsx"
    statistics_export.write_xlsx(path, rows)
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames[:2] == ["Helår", "Per månad"]  # then "Dolda celler" when cells count < 3 people
    year = list(book["Helår"].iter_rows(values_only=True))
    assert year[0][:3] == ("År", "Månad", "Kommun")
    by_name = {r[2]: r for r in year[1:]}
    for r in statistics_export.whole_year(rows):
        got = by_name[r.municipality_name]
        assert got[3:11] == (
            r.desk_days,
            r.room_hours,
            r.bookings,
            r.people,
            r.employees,
            r.politicians,
            r.no_shows,
            r.started,
        )
    assert by_name["Totalt"][3] == 2.0  # 1.5 Umeå + 0.5 Örnsköldsvik
    assert by_name["Totalt"][5] == 4
    months = list(book["Per månad"].iter_rows(values_only=True))
    assert len(months) == 1 + 12 * 7
    nov_vindeln = next(r for r in months if r[1] == "november" and r[2] == "Vindeln")
    assert nov_vindeln[4] == 1.5
    book.close()


def test_total_sums_the_rows(sqlite_office: Office) -> None:
    rows = statistics_export.whole_year(_bookings(sqlite_office))
    t = statistics_export.total(rows)
    assert (t.desk_days, t.room_hours, t.bookings) == (2.0, 1.5, 4)
    assert t.month is None
