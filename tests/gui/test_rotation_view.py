"""Värdkommun: this year's host, projected years marked preliminary, admins confirm years and add
meetings, and everyone else only reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.domain.rotation import RotationStatus
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.meeting_dialog import MeetingDialog
from satellitkontor.gui.dialogs.rotation_year_dialog import RotationYearDialog
from satellitkontor.gui.models.meetings_model import COL_KIND, COL_TIME, COL_TITLE, MeetingsModel
from satellitkontor.gui.models.rotation_years_model import (
    COL_HOST,
    COL_STATUS,
    COL_VICE_CHAIR,
    RotationYearsModel,
)
from satellitkontor.gui.views.rotation_view import RotationView
from tests.conftest import Office


def _view(qtbot: QtBot, ctx: AppContext) -> RotationView:
    view = RotationView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    return view


def _status(view: RotationView, year: int) -> str:
    row = view.years_model.row_of_year(year)
    assert row is not None, year
    return str(view.years_model.index(row, COL_STATUS).data())


def test_shows_bjurholm_as_host_for_2026(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    view = _view(qtbot, make_ctx(gui_office.anna))
    assert view.header_label.text() == "Värdkommun 2026: Bjurholm"
    assert view.vice_label.text() == "Vice ordförande: Nordmaling"
    assert "Nästa år (2027): Nordmaling" in view.next_label.text()
    assert "Bjurholm → Nordmaling" in view.handover_label.text()
    assert "december" in view.handover_label.text()
    assert view.no_meetings_label.isVisible()
    model = view.years_model
    assert [model.host_year(r).year for r in (0, model.rowCount() - 1)] == [2023, 2035]
    row = model.row_of_year(2026)
    assert row is not None
    assert model.index(row, COL_HOST).data() == "Bjurholm"


def test_projected_years_say_preliminary_in_words(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    view = _view(qtbot, make_ctx(gui_office.anna, "sv"))
    assert _status(view, 2025) == "beslutad"
    assert _status(view, 2027) == "beslutad"
    assert _status(view, 2028) == "preliminär"
    assert _status(view, 2035) == "preliminär"
    row = view.years_model.row_of_year(2028)
    assert row is not None
    font = view.years_model.index(row, COL_HOST).data(Qt.ItemDataRole.FontRole)
    assert font.italic()


def test_admin_confirms_a_year_and_the_table_says_confirmed(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    view = _view(qtbot, make_ctx(gui_office.admin))
    assert view.confirm_button.isVisible()
    view.years_table.selectRow(view.years_model.row_of_year(2029) or 0)
    dialog = view.open_confirm_dialog()
    assert isinstance(dialog, RotationYearDialog)
    assert dialog.year_spin.value() == 2029
    assert dialog.host_combo.currentText() == "Umeå"
    dialog.vice_combo.setCurrentIndex(dialog.vice_combo.findData("vannas"))
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        dialog.save_button.click()
    assert _status(view, 2029) == "bekräftad"
    row = view.years_model.row_of_year(2029)
    assert row is not None
    assert view.years_model.index(row, COL_VICE_CHAIR).data() == "Vännäs"
    saved = gui_office.services.rotation.years(2029, 2029)[0]
    assert (saved.host.name, saved.kc_vice_chair.name, saved.status) == (
        "Umeå",
        "Vännäs",
        RotationStatus.CONFIRMED,
    )


def test_same_host_and_vice_chair_is_refused_inline(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    view = _view(qtbot, make_ctx(gui_office.admin))
    dialog = view.open_confirm_dialog()
    assert dialog is not None
    dialog.vice_combo.setCurrentIndex(dialog.vice_combo.findData("bjurholm"))
    dialog.save_button.click()
    wait_idle()
    assert dialog.isVisible()
    assert "olika kommuner" in dialog.error_label.text()
    assert gui_office.services.rotation.years(2026, 2026)[0].status is RotationStatus.DECIDED


def test_admin_adds_the_handover_meeting(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    view = _view(qtbot, make_ctx(gui_office.admin))
    dialog = view.open_meeting_dialog()
    assert isinstance(dialog, MeetingDialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("handover"))
    assert dialog.title_edit.text() == "Överlämning värdkommun"
    dialog.date_edit.setDate(QDate(2026, 12, 10))
    dialog.start_edit.setTime(QTime(13, 0))
    dialog.end_edit.setTime(QTime(15, 0))
    dialog.location_edit.setText("Bjurholms kommunhus")
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        dialog.save_button.click()
    assert view.meetings_model.rowCount() == 1
    assert view.meetings_model.index(0, COL_TITLE).data() == "Överlämning värdkommun"
    assert view.meetings_model.index(0, COL_TIME).data() == "13:00–15:00"
    assert view.meetings_model.index(0, COL_KIND).data() == "Överlämning"
    assert "tors 10 dec 2026 13:00–15:00" in view.handover_label.text()
    assert "Bjurholms kommunhus" in view.handover_label.text()
    assert not view.no_meetings_label.isVisible()


def test_a_user_sees_no_admin_buttons(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    view = _view(qtbot, make_ctx(gui_office.anna))
    assert not view.confirm_button.isVisible()
    assert not view.meeting_button.isVisible()
    assert view.open_confirm_dialog() is None
    assert view.open_meeting_dialog() is None
    view.ctx.set_person(gui_office.admin)
    assert view.confirm_button.isVisible()


def test_english_labels(qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office) -> None:
    view = _view(qtbot, make_ctx(gui_office.anna, "en"))
    assert _status(view, 2028) == "projected"
    assert "Bjurholm" in view.header_label.text()


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, gui_office: Office) -> None:
    years = RotationYearsModel("sv")
    years.set_rows(gui_office.services.rotation.years(2023, 2035), current_year=2026)
    qtmodeltester.check(years)
    svc = gui_office.services.rotation
    start = clk.local(date(2026, 3, 5), time(9))
    svc.add_meeting(gui_office.admin.id, "council", "Rådsmöte", start, start.replace(hour=start.hour + 3))
    meetings = MeetingsModel("sv")
    meetings.set_meetings(svc.year(2026).meetings)
    assert meetings.rowCount() == 1
    qtmodeltester.check(meetings)
    empty = MeetingsModel("sv")
    qtmodeltester.check(empty)
    assert isinstance(meetings.meeting(0).start, datetime)
