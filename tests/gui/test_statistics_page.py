"""Administration → Statistik: the numbers of the bookings made here, the bar chart's labels,
exports that read back as the same numbers, and the Kalendrar och Exchange placeholder page."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.usage_model import (
    COL_BOOKINGS,
    COL_DESK_DAYS,
    COL_MUNICIPALITY,
    COL_ROOM_HOURS,
    VALUE_ROLE,
    UsageModel,
)
from satellitkontor.gui.views.admin.integrations_page import IntegrationsPage
from satellitkontor.gui.views.admin.statistics_page import StatisticsPage
from satellitkontor.services.statistics.service import UsageRow
from tests.conftest import MONDAY, Office


def _book(o: Office) -> None:
    b = o.services.booking
    b.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    b.book_desk(o.anna.id, o.desk(1).id, date(2026, 11, 24), DeskPeriod.MORNING)
    b.book_desk(o.cecilia.id, o.desk(2).id, date(2026, 12, 2), DeskPeriod.FULL_DAY)
    b.book_room(
        o.bertil.id, o.room.id, clk.local(MONDAY, time(9)), clk.local(MONDAY, time(11)), 3, "Beredning"
    )


def _page(qtbot: QtBot, ctx: AppContext) -> StatisticsPage:
    page = StatisticsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.refresh()
    return page


def _cells(model: UsageModel, name: str) -> dict[int, str]:
    for row in range(model.rowCount()):
        if model.index(row, COL_MUNICIPALITY).data() == name:
            return {c: model.index(row, c).data() for c in range(model.columnCount())}
    raise AssertionError(name)


def test_shows_the_numbers_of_the_bookings_made(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    _book(gui_office)
    page = _page(qtbot, make_ctx(gui_office.admin))
    assert page.year() == 2026
    assert page.page_title() == "Statistik"
    umea = _cells(page.model, "Umeå")
    assert (umea[COL_DESK_DAYS], umea[COL_BOOKINGS]) == ("1,5", "2")
    assert _cells(page.model, "Vindeln")[COL_ROOM_HOURS] == "2"
    assert _cells(page.model, "Örnsköldsvik")[COL_DESK_DAYS] == "1"
    assert _cells(page.model, "Bjurholm")[COL_BOOKINGS] == "0"
    total = _cells(page.model, "Totalt")
    assert (total[COL_DESK_DAYS], total[COL_BOOKINGS]) == ("2,5", "4")
    bars = dict(page.chart.bars())
    assert bars["Umeå"] == 1.5
    assert "1,5" in page.chart.value_texts()
    assert "Umeå: 1,5" in page.chart.accessibleDescription()
    assert page.chart.grab().width() > 0  # paints without errors


def test_month_and_measure_choices(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    _book(gui_office)
    page = _page(qtbot, make_ctx(gui_office.admin))
    page.period_combo.setCurrentIndex(page.period_combo.findData(12))
    assert _cells(page.model, "Umeå")[COL_DESK_DAYS] == "0"
    assert _cells(page.model, "Örnsköldsvik")[COL_DESK_DAYS] == "1"
    page.period_combo.setCurrentIndex(0)
    page.measure_combo.setCurrentIndex(page.measure_combo.findData(COL_ROOM_HOURS))
    assert dict(page.chart.bars())["Vindeln"] == 2.0
    assert "Rumstimmar" in page.chart.title()
    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.year_spin.setValue(2025)
    assert _cells(page.model, "Totalt")[COL_BOOKINGS] == "0"


def test_exports_round_trip(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, tmp_path: Path
) -> None:
    _book(gui_office)
    page = _page(qtbot, make_ctx(gui_office.admin))
    expected: list[UsageRow] = gui_office.services.statistics.usage(2026)
    xlsx = tmp_path / "statistik.xlsx"
    with qtbot.waitSignal(page.exported, timeout=5000):
        page.export_xlsx(str(xlsx))
    assert "sparades" in page.status_label.text()
    book = openpyxl.load_workbook(xlsx, read_only=True)
    sheet = {r[2]: r for r in book["Helår"].iter_rows(min_row=2, values_only=True)}
    for r in (r for r in expected if r.month is None):
        assert sheet[r.municipality_name][3:6] == (r.desk_days, r.room_hours, r.bookings)
    book.close()
    path = tmp_path / "statistik.csv"
    with qtbot.waitSignal(page.exported, timeout=5000):
        page.export_csv(str(path))
    municipalities_part = path.read_text(encoding="utf-8-sig").split("\n\n")[0]  # then per room
    lines = list(csv.reader(municipalities_part.splitlines(), delimiter=";"))
    assert len(lines) == 1 + len(expected)
    umea = next(x for x in lines if x[1] == "Hela året" and x[2] == "Umeå")
    assert umea[3:6] == ["1,5", "0", "2"]


def _cli(*args: str) -> tuple[int, str]:
    import contextlib
    import io

    from satellitkontor.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(args))
    return code, out.getvalue()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_command_line_writes_the_same_files_as_the_page(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    """``satellitkontor stats --out`` and Statistik → Exportera give the same file for a year."""
    monkeypatch.delenv("SATELLITKONTOR_DB_URL", raising=False)
    monkeypatch.delenv("SATELLITKONTOR_USER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    _book(gui_office)
    gui_office.clock.moment = clk.system_clock()  # "started" counts up to now, as the CLI's clock
    page = _page(qtbot, make_ctx(gui_office.admin, lang))
    url = gui_office.services.db.url.render_as_string(hide_password=False)
    for suffix, export in ((".csv", page.export_csv), (".xlsx", page.export_xlsx)):
        from_page, from_cli = tmp_path / f"page{suffix}", tmp_path / f"cli{suffix}"
        with qtbot.waitSignal(page.exported, timeout=5000):
            export(str(from_page))
        admin = gui_office.admin.email  # the page is an admin's; anyone else gets "< 3" (issue 20)
        code, _ = _cli(
            "--db", url, "--lang", lang, "--as", admin, "stats", "--year", "2026", "--out", str(from_cli)
        )
        assert code == 0
        if suffix == ".csv":
            assert from_cli.read_bytes() == from_page.read_bytes()
            continue
        page_book, cli_book = openpyxl.load_workbook(from_page), openpyxl.load_workbook(from_cli)
        assert cli_book.sheetnames == page_book.sheetnames
        for name in page_book.sheetnames:
            want = list(page_book[name].iter_rows(values_only=True))
            assert len(want) > (1 if name in ("Dolda celler", "Hidden cells") else 8)
            assert list(cli_book[name].iter_rows(values_only=True)) == want


def test_usage_model_passes_the_model_tester(qtmodeltester: ModelTester, gui_office: Office) -> None:
    _book(gui_office)
    model = UsageModel("sv")
    rows = [r for r in gui_office.services.statistics.usage(2026) if r.month is None]
    model.set_rows(rows)
    assert model.rowCount() == 8  # seven municipalities and the total
    assert model.index(7, COL_DESK_DAYS).data(VALUE_ROLE) == 2.5
    qtmodeltester.check(model)
    qtmodeltester.check(UsageModel("en"))


def test_exchange_on_the_integrations_page_is_a_real_box(
    qtbot: QtBot, make_ctx: Callable[..., AppContext]
) -> None:
    """The Exchange box has live controls (it is tested in test_exchange_box.py; the iCal feeds
    and the import in test_feeds_box.py and test_calendar_import.py)."""
    page = IntegrationsPage(make_ctx())
    qtbot.addWidget(page)
    assert page.feeds_box.title() == "Kalenderflöden (iCal)"
    assert page.exchange_box.title() == "Exchange / Outlook"
    assert page.exchange_box.server_edit.isEnabled()
    assert page.exchange_box.test_button.isEnabled()
    assert page.exchange_box.findChild(QLabel, "comingLabel") is None


def test_heat_maps_and_no_shows_are_drawn_and_saved_with_the_report(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, tmp_path: Path
) -> None:
    """Where people look rather than read: desk use by weekday × half-day and per desk for the
    chosen period, the no-show rate per month, saved as PDF and PNG."""
    import pypdf
    from PySide6.QtGui import QImage

    _book(gui_office)
    page = _page(qtbot, make_ctx(gui_office.admin))
    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.period_combo.setCurrentIndex(page.period_combo.findData(11))
    assert page.heat is not None and page.heat.first.month == 11
    assert page.heat_map.accessibleName().startswith("Andel bokade platser, november 2026")
    assert "Måndag" in page.heat_map.accessibleDescription()
    assert "%" in page.heat_map.cell_text(0, 0)
    assert page.desk_heat_map.accessibleDescription().startswith("Plats 1:")
    assert [name for name, _v in page.no_show_chart.bars()][:2] == ["Januari", "Februari"]
    pdf = tmp_path / "diagram.pdf"
    assert page.save_charts(str(pdf))
    assert len(pypdf.PdfReader(pdf).pages) == 4
    assert "Andel uteblivna bokningar per månad 2026" in " ".join(
        pypdf.PdfReader(pdf).pages[3].extract_text().split()
    )
    png = tmp_path / "diagram.png"
    assert page.save_charts(str(png))
    assert QImage(str(png)).height() > 400
    assert not page.save_charts(str(tmp_path / "saknas" / "x.png"))
