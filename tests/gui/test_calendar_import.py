"""Administration → Kalendrar och Exchange, importing an .ics file: the file is read off the GUI
thread, each place of the file gets a desk or room (or "Hoppa över"), the plan shows what would
happen, and only "Importera N bokningar" writes. Real widgets, a real SQLite office, .ics files
written by the test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from satellitkontor.domain.bookings import BookingView, DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.import_dialog import PLACE_TEXT, ImportDialog
from satellitkontor.gui.models.import_plan_model import DATE, PERSON, PLACE, STATUS, TIME, TITLE
from satellitkontor.gui.views.admin.calendar_import_box import CalendarImportBox
from satellitkontor.gui.views.admin.integrations_page import IntegrationsPage
from tests.conftest import Office
from tests.gui.conftest import error_boxes
from tests.gui.test_accessibility import _unnamed


def _event(uid: str, day: str, start: str, end: str, summary: str, location: str, organizer: str) -> str:
    return (
        "BEGIN:VEVENT\r\n"
        f"UID:{uid}\r\n"
        "DTSTAMP:20261101T120000Z\r\n"
        f"DTSTART;TZID=Europe/Stockholm:{day}T{start}00\r\n"
        f"DTEND;TZID=Europe/Stockholm:{day}T{end}00\r\n"
        f"SUMMARY:{summary}\r\n"
        + (f"LOCATION:{location}\r\n" if location else "")
        + f"ORGANIZER:mailto:{organizer}\r\n"
        "END:VEVENT\r\n"
    )


def _calendar(*events: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Outlook//SV\r\n" + "".join(events) + "END:VCALENDAR\r\n"
    )


#: Tue 24 Nov: Anna at Plats 3 (created); the same event again (a duplicate); Wed 25 Nov: Bertil's
#: meeting in "Stora salen" (no such place: rejected until mapped); Thu 26 Nov: someone unknown
#: at Plats 4 (rejected until a default person is chosen); Fri 27 Nov: lunch at "Köket".
FILE = _calendar(
    _event("a@test", "20261124", "0800", "1700", "Arbete på kontoret", "Plats 3", "anna.andersson@umea.se"),
    _event("a@test", "20261124", "0800", "1700", "Arbete på kontoret", "Plats 3", "anna.andersson@umea.se"),
    _event("b@test", "20261125", "1000", "1100", "Styrgrupp", "Stora salen", "bertil.oberg@vindeln.se"),
    _event("c@test", "20261126", "0800", "1200", "Gäst", "Plats 4", "gast@example.se"),
    _event("d@test", "20261127", "1130", "1230", "Lunch", "Köket", "anna.andersson@umea.se"),
)


@pytest.fixture
def box(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> Iterator[CalendarImportBox]:
    page = IntegrationsPage(make_ctx(gui_office.admin))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    wait_idle()
    page.import_box.native_file_dialogs = False
    yield page.import_box  # the page lives as long as the test


def _open(qtbot: QtBot, box: CalendarImportBox, path: Path, wait_idle: Callable[[], None]) -> ImportDialog:
    """Choose ``path`` in the file dialog; the import dialog that opens, planned."""
    files = box.choose_file()
    assert files.isVisible()
    files.selectFile(str(path))
    files.accept()
    wait_idle()
    dialog = box.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _rows(dialog: ImportDialog) -> list[dict[int, str]]:
    model = dialog.model
    return [
        {c: model.index(r, c).data() for c in range(model.columnCount())} for r in range(model.rowCount())
    ]


def _place_row(dialog: ImportDialog, text: str) -> int:
    table = dialog.place_table
    return next(r for r in range(table.rowCount()) if table.item(r, PLACE_TEXT).text() == text)


def _choose(combo: object, text: str) -> None:
    index = combo.findText(text)  # type: ignore[attr-defined]
    assert index >= 0, text
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def _bookings(office: Office) -> list[BookingView]:
    occupancy = office.services.occupancy
    people = (office.anna, office.bertil, office.cecilia, office.admin)
    return [b for p in people for b in occupancy.bookings_of(p.id, upcoming=True)]


def _replanned(qtbot: QtBot, dialog: ImportDialog, wait_idle: Callable[[], None]) -> None:
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        pass
    wait_idle()


def test_import_a_file_nothing_is_written_before_importera(
    qtbot: QtBot, box: CalendarImportBox, gui_office: Office, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    path = tmp_path / "outlook.ics"
    path.write_text(FILE, encoding="utf-8")
    dialog = _open(qtbot, box, path, wait_idle)
    assert _unnamed(dialog) == []

    # The places of the file, each with the suggested desk or room.
    table = dialog.place_table
    assert [table.item(r, PLACE_TEXT).text() for r in range(table.rowCount())] == [
        "Plats 3",
        "Stora salen",
        "Plats 4",
        "Köket",
    ]
    assert dialog.place_combo(_place_row(dialog, "Plats 3")).currentText() == "Plats 3"
    assert (
        dialog.place_combo(_place_row(dialog, "Stora salen")).currentText() == "Som föreslaget per händelse"
    )

    rows = _rows(dialog)
    assert [r[STATUS].split(":")[0] for r in rows] == ["Skapas", "Dubblett", "Avvisas", "Avvisas", "Avvisas"]
    assert rows[0][DATE] == "tis 24 nov 2026" and rows[0][TIME] == "heldag"
    assert rows[0][PLACE] == "Plats 3" and rows[0][PERSON] == "Anna Andersson"
    assert rows[0][TITLE] == "Arbete på kontoret"
    assert "Stora salen" in rows[2][STATUS]  # the service's sentence says which place is unknown
    assert "gast@example.se" in rows[3][STATUS]
    assert dialog.counts_label.text().startswith("Skapas: 1")
    assert dialog.import_button.text().replace("&", "") == "Importera 1 bokning"
    assert _bookings(gui_office) == []

    # Map the places: Stora salen is the conference room, Köket is skipped, unknown people are Cecilia's.
    _choose(dialog.place_combo(_place_row(dialog, "Stora salen")), "Konferensrummet")
    _choose(dialog.place_combo(_place_row(dialog, "Köket")), "Hoppa över")
    _choose(dialog.person_combo, "Cecilia Ek (cecilia.ek@ornskoldsvik.se)")
    assert not dialog.import_button.isEnabled()  # the old plan cannot be imported meanwhile
    _replanned(qtbot, dialog, wait_idle)
    rows = _rows(dialog)
    assert [r[STATUS].split(":")[0] for r in rows] == [
        "Skapas",
        "Dubblett",
        "Skapas",
        "Skapas",
        "Hoppas över",
    ]
    assert rows[2][PLACE] == "Konferensrummet" and rows[2][TIME] == "10:00–11:00"
    assert rows[3][PERSON] == "Cecilia Ek"
    assert rows[4][PLACE] == "Köket" and rows[4][TITLE] == "Lunch"
    assert dialog.counts() == {"create": 3, "duplicate": 1, "reject": 0, "skip": 1}
    assert "Hoppas över: 1" in dialog.counts_label.text()
    assert dialog.import_button.text().replace("&", "") == "Importera 3 bokningar"
    assert _bookings(gui_office) == []  # planning writes nothing

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert not isValid(dialog) or not dialog.isVisible()
    assert box.status_label.text() == "3 bokningar importerades."
    made = {(b.person_name, b.resource_name, b.day) for b in _bookings(gui_office)}
    assert made == {
        ("Anna Andersson", "Plats 3", date(2026, 11, 24)),
        ("Bertil Öberg", "Konferensrummet", date(2026, 11, 25)),
        ("Cecilia Ek", "Plats 4", date(2026, 11, 26)),
    }
    desk = next(b for b in _bookings(gui_office) if b.resource_name == "Plats 4")
    assert desk.desk_period is DeskPeriod.MORNING
    assert error_boxes() == []

    # The same file again: everything is a duplicate and the button says 0 and does nothing. (The
    # change watch hears the import a moment later and the open dialog plans again: wait for the
    # state the user ends up seeing.)
    dialog = _open(qtbot, box, path, wait_idle)

    def all_duplicates() -> bool:
        statuses = [r[STATUS].split(":")[0] for r in _rows(dialog)][:2]
        return (
            "Skapas: 0" in dialog.counts_label.text()
            and not dialog.import_button.isEnabled()
            and statuses == ["Dubblett", "Dubblett"]
        )

    qtbot.waitUntil(all_duplicates, timeout=10_000)


def test_a_conflict_at_import_writes_nothing_and_refreshes_the_plan(
    qtbot: QtBot, box: CalendarImportBox, gui_office: Office, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    path = tmp_path / "two.ics"
    path.write_text(
        _calendar(
            _event("x@test", "20261124", "0800", "1700", "Arbete", "Plats 3", "anna.andersson@umea.se"),
            _event("y@test", "20261125", "0800", "1700", "Arbete", "Plats 5", "bertil.oberg@vindeln.se"),
        ),
        encoding="utf-8",
    )
    dialog = _open(qtbot, box, path, wait_idle)
    assert dialog.counts()["create"] == 2
    # Meanwhile, on another PC, Cecilia takes Plats 3 that Tuesday (before the change watch
    # would notice and plan again: the import itself must catch it).
    box.ctx.stop_watching()
    gui_office.services.booking.book_desk(
        gui_office.cecilia.id, gui_office.desk(3).id, date(2026, 11, 24), DeskPeriod.FULL_DAY
    )
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle()
    boxes = error_boxes()
    assert len(boxes) == 1
    assert "ingenting sparades" in boxes[0].text()
    assert dialog.isVisible()
    assert [(b.person_name, b.resource_name) for b in _bookings(gui_office)] == [("Cecilia Ek", "Plats 3")]
    rows = _rows(dialog)  # planned again: what now stands in the way
    assert rows[0][STATUS].startswith("Avvisas:") and "Plats 3" in rows[0][STATUS]
    assert rows[1][STATUS] == "Skapas"
    assert dialog.import_button.text().replace("&", "") == "Importera 1 bokning"


def test_a_broken_file_gives_an_error_box_and_no_dialog(
    qtbot: QtBot, box: CalendarImportBox, gui_office: Office, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    path = tmp_path / "trasig.ics"
    path.write_text(FILE[: FILE.index("END:VEVENT")], encoding="utf-8")  # cut off in the first event
    with qtbot.waitSignal(box.read_failed, timeout=10_000):
        box.read_file(str(path))
    wait_idle()
    boxes = error_boxes()
    assert len(boxes) == 1
    assert boxes[0].text().startswith("Filen tar slut för tidigt")
    assert box.dialog is None
    assert "ingenting importerades" in box.status_label.text()
    assert box.import_button.isEnabled()
    assert _bookings(gui_office) == []


def test_not_a_calendar_file(
    qtbot: QtBot, box: CalendarImportBox, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    path = tmp_path / "lista.ics"
    path.write_text("Namn;Plats\r\nAnna;Plats 3\r\n", encoding="utf-8")
    box.read_file(str(path))
    wait_idle()
    boxes = error_boxes()
    assert len(boxes) == 1 and "ingen kalenderfil" in boxes[0].text()
    assert box.dialog is None


def test_the_plan_model_passes_the_model_tester(
    qtmodeltester: ModelTester,
    qtbot: QtBot,
    box: CalendarImportBox,
    tmp_path: Path,
    wait_idle: Callable[[], None],
) -> None:
    path = tmp_path / "outlook.ics"
    path.write_text(FILE, encoding="utf-8")
    dialog = _open(qtbot, box, path, wait_idle)
    assert dialog.model.rowCount() == 5
    qtmodeltester.check(dialog.model)


def test_a_calendar_without_events_imports_nothing(
    qtbot: QtBot, box: CalendarImportBox, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    path = tmp_path / "tom.ics"
    path.write_text(_calendar(), encoding="utf-8")
    dialog = _open(qtbot, box, path, wait_idle)
    assert dialog.place_table.rowCount() == 0 and dialog.model.rowCount() == 0
    assert dialog.findChild(QLabel, "importAbout").text() == "Filen har 0 händelser."  # type: ignore[union-attr]
    assert dialog.counts_label.text().startswith("Skapas: 0")
    assert not dialog.import_button.isEnabled()


def test_the_plan_in_english(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    tmp_path: Path,
    wait_idle: Callable[[], None],
) -> None:
    page = IntegrationsPage(make_ctx(gui_office.admin, lang="en"))
    qtbot.addWidget(page)
    page.show()
    path = tmp_path / "outlook.ics"
    path.write_text(FILE, encoding="utf-8")
    page.import_box.read_file(str(path))
    wait_idle()
    dialog = page.import_box.dialog
    assert dialog is not None
    rows = _rows(dialog)
    assert rows[0][DATE] == "Tue 24 Nov 2026" and rows[0][TIME] == "full day"
    # The service's reasons in English too (the dialog's own words come from the .qm).
    assert "No desk or room of the office matches «Stora salen»" in rows[2][STATUS]


def test_a_choice_for_one_place_does_not_catch_events_of_another(gui_office: Office, tmp_path: Path) -> None:
    """A rule "Plats 3 = Plats 5" would also match an event at Plats 4 titled "Flytt från Plats 3";
    the dialog maps each changed place's own events only (gui/models/import_places.py)."""
    from satellitkontor.gui.models.import_places import file_places, plan_import

    path = tmp_path / "two.ics"
    path.write_text(
        _calendar(
            _event("p@test", "20261124", "0800", "1700", "Arbete", "Plats 3", "anna.andersson@umea.se"),
            _event(
                "q@test",
                "20261124",
                "0800",
                "1700",
                "Flytt från Plats 3",
                "Plats 4",
                "bertil.oberg@vindeln.se",
            ),
        ),
        encoding="utf-8",
    )
    imports = gui_office.services.ical_import
    parsed = imports.read(path)
    places = file_places(parsed, imports.suggest_mapping(parsed), gui_office.services.office.resources())
    # The place named "Plats 4" starts at Plats 4 (the service alone would take "Plats 3" from the title).
    assert [(p.text, p.suggested) for p in places] == [("Plats 3", "Plats 3"), ("Plats 4", "Plats 4")]
    as_shown = plan_import(imports, gui_office.admin.id, parsed, places, {})
    assert [i.resource_name for i in as_shown.plan.items] == ["Plats 3", "Plats 4"]
    planned = plan_import(imports, gui_office.admin.id, parsed, places, {places[0].key: "Plats 5"})
    assert [(i.summary, i.resource_name) for i in planned.plan.items] == [
        ("Arbete", "Plats 5"),
        ("Flytt från Plats 3", "Plats 4"),
    ]
    assert planned.skipped == ()
    assert _bookings(gui_office) == []


def test_the_plan_follows_changes_made_elsewhere(
    qtbot: QtBot, box: CalendarImportBox, gui_office: Office, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    path = tmp_path / "one.ics"
    path.write_text(
        _calendar(
            _event("z@test", "20261124", "0800", "1700", "Arbete", "Plats 3", "anna.andersson@umea.se")
        ),
        encoding="utf-8",
    )
    dialog = _open(qtbot, box, path, wait_idle)
    assert _rows(dialog)[0][STATUS] == "Skapas"
    gui_office.services.booking.book_desk(
        gui_office.cecilia.id, gui_office.desk(3).id, date(2026, 11, 24), DeskPeriod.FULL_DAY
    )
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        box.ctx.poll_now()  # the change watch's next look (every two seconds in the app)
    wait_idle()
    assert _rows(dialog)[0][STATUS].startswith("Avvisas:")
    assert not dialog.import_button.isEnabled()


def test_what_the_reader_noticed_is_shown(
    qtbot: QtBot, box: CalendarImportBox, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    path = tmp_path / "ansi.ics"
    path.write_bytes(FILE.replace("Köket", "Kök").encode("cp1252"))  # not UTF-8: read as Windows-1252
    dialog = _open(qtbot, box, path, wait_idle)
    notices = dialog.findChild(QLabel, "importNotices")
    assert notices is not None and notices.isVisible()
    assert "Windows-1252" in notices.text()
    assert dialog.model.index(0, TITLE).data() == "Arbete på kontoret"  # å survived
