"""The printed day: an A4 PDF with the day's desks, meetings, totals and when it was printed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from pathlib import Path

import pypdf
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.printing import day_sheet
from satellitkontor.gui.views.day_view import DayView
from tests.conftest import MONDAY, NOW, Office
from tests.gui.conftest import error_boxes


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def loaded_view(qtbot: QtBot, ctx: AppContext) -> DayView:
    view = DayView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    return view


def book_day(o: Office) -> None:
    b = o.services.booking
    b.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    b.book_desk(o.bertil.id, o.desk(2).id, MONDAY, DeskPeriod.MORNING)
    b.book_room(
        o.cecilia.id, o.room.id, clk.local(MONDAY, time(13)), clk.local(MONDAY, time(14, 30)), 5, "Samråd"
    )


def test_save_pdf_holds_the_day(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    tmp_path: Path,
    wait_idle: Callable[[], None],
) -> None:
    book_day(gui_office)
    view = loaded_view(qtbot, make_ctx(gui_office.reception))
    wait_idle()
    path = tmp_path / "dag.pdf"
    assert view.save_pdf(str(path))
    reader = pypdf.PdfReader(path)
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)  # A4
    text = pdf_text(path)
    assert "Satellitkontoret – dagsöversikt" in text
    assert "mån 23 nov 2026" in text
    for name in ("Anna Andersson", "Bertil Öberg", "Cecilia Ek", "Samråd", "13:00–14:30"):
        assert name in text
    assert "Platser: 2 bokade, 6 lediga · Konferensrum: 1,5 timmar bokade" in text
    assert "Utskriven mån 23 nov 2026 kl. 07:30" in text
    assert view.message_label.text() == f"Dagsöversikten sparades som {path}."


def test_save_pdf_to_a_place_that_cannot_be_written_says_so(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, tmp_path: Path
) -> None:
    view = loaded_view(qtbot, make_ctx(gui_office.reception))
    assert not view.save_pdf(str(tmp_path / "saknas" / "dag.pdf"))
    boxes = error_boxes()
    assert len(boxes) == 1 and "Det gick inte att spara" in boxes[0].text()
    boxes[0].close()


def test_sheet_html_names_a_closed_day_and_an_empty_room(gui_office: Office) -> None:
    saturday = MONDAY.replace(day=28)
    occupancy = gui_office.services.occupancy.day(saturday, viewer_id=gui_office.reception.id)
    html = day_sheet.day_sheet_html(occupancy, "sv", NOW)
    assert "lör 28 nov 2026 – stängt:" in html
    assert "Inga möten bokade." in html
    assert html.count("<tr>") == 1 + len(gui_office.desks)  # header + every desk


def test_totals_in_words(gui_office: Office) -> None:
    o = gui_office
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.MORNING)
    o.services.booking.book_room(
        o.anna.id, o.room.id, clk.local(MONDAY, time(9)), clk.local(MONDAY, time(10)), 2, None
    )
    occupancy = o.services.occupancy.day(MONDAY, viewer_id=o.reception.id)
    assert (
        day_sheet.totals_text(occupancy, "sv") == "Platser: 1 bokad, 7 lediga · Konferensrum: 1 timme bokad"
    )
    assert day_sheet.hours_text(3.25, "sv") == "3,25"
    assert day_sheet.hours_text(3.5, "en") == "3.5"
    assert day_sheet.hours_text(4.0, "sv") == "4"


def test_print_opens_a_print_dialog_without_blocking(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    view = loaded_view(qtbot, make_ctx(gui_office.reception))
    view.print_action.trigger()
    dialog = view.print_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.printer().pageLayout().pageSize().id().name == "A4"
    dialog.reject()


def test_the_sheet_uses_the_page_and_has_room_to_tick_and_sign(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    tmp_path: Path,
    wait_idle: Callable[[], None],
) -> None:
    """A4 full width (it used about 65 %), a check-in column and a signature line, the office's
    name and the date on top, the room's meetings with their participants."""
    book_day(gui_office)
    view = loaded_view(qtbot, make_ctx(gui_office.reception))
    wait_idle()
    path = tmp_path / "dag.pdf"
    assert view.save_pdf(str(path))
    page = pypdf.PdfReader(path).pages[0]
    width = float(page.mediabox.width)
    where: dict[str, float] = {}

    def visit(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        for word in ("Signatur", "Plats", "Umeåregionens"):
            if text.strip().startswith(word) and word not in where:
                where[word] = tm[4]

    page.extract_text(visitor_text=visit)
    text = pdf_text(path)
    assert "Umeåregionens satellitkontor" in text.split("Satellitkontoret – dagsöversikt")[0]
    assert "Incheckad" in text and "Signatur" in text
    assert "Kontrollerad av:" in text
    assert "Deltagare" in text and " 5 " in f" {text} "
    assert where["Signatur"] > 0.75 * width  # the last column reaches the right side of the page
    assert where["Plats"] < 0.15 * width
