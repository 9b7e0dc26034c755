"""The gaps of issue 16 in the app: a single cancel with a reason, and changing a series from one
occurrence on ("Bara denna" / "Denna och kommande") in Mina bokningar and the day view."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.change_dialog import ChangeDialog
from satellitkontor.gui.dialogs.series_change_dialog import SeriesChangeDialog
from satellitkontor.gui.models.my_bookings_model import STATUS
from satellitkontor.gui.models.series_preview_model import OUTCOME, REASON
from satellitkontor.gui.models.usage_model import VALUE_ROLE
from satellitkontor.gui.views.admin.statistics_page import StatisticsPage
from satellitkontor.gui.views.day_view import DayView
from tests.conftest import MONDAY, Office
from tests.gui.test_day_view import M, reload
from tests.gui.test_my_bookings import column, open_view

DAY = date(2026, 12, 2)


def test_a_single_cancel_takes_an_optional_reason_the_booker_sees(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    o = gui_office
    b = o.services.booking.book_desk(o.anna.id, o.desk(1).id, DAY, DeskPeriod.FULL_DAY)
    mine = open_view(qtbot, make_ctx(o.anna))
    mine.select_row(0)
    mine.cancel_button.click()
    box, reason = mine.confirm_box, mine.reason_edit
    assert box is not None and reason is not None and reason.isVisible()
    qtbot.keyClicks(reason, "Sjuk,  vabb ")
    with qtbot.waitSignal(mine.data_loaded, timeout=5000):
        box.button(QMessageBox.StandardButton.Yes).click()
    view = o.services.occupancy.booking(b.id)
    assert view is not None and view.status is BookingStatus.CANCELLED
    assert view.cancel_reason == "Sjuk, vabb"
    assert column(mine, STATUS) == ["avbokad (Sjuk, vabb)"]
    entries = o.services.audit.entries(o.admin.id, action="booking.cancel")
    assert [e.entity_id for e in entries] == [str(b.id)]
    assert "Sjuk, vabb" in str(entries[0])


def test_a_single_cancel_without_a_reason_stores_none(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    o = gui_office
    b = o.services.booking.book_desk(o.anna.id, o.desk(1).id, DAY, DeskPeriod.FULL_DAY)
    mine = open_view(qtbot, make_ctx(o.anna))
    mine.select_row(0)
    mine.cancel_button.click()
    assert mine.confirm_box is not None
    with qtbot.waitSignal(mine.data_loaded, timeout=5000):
        mine.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    view = o.services.occupancy.booking(b.id)
    assert view is not None and view.status is BookingStatus.CANCELLED and view.cancel_reason is None
    assert column(mine, STATUS) == []  # a plain cancel leaves the list, as before


# --- changing a series from one occurrence on --------------------------------------------------
WEEK = timedelta(days=7)


def _wednesdays(o: Office, first: date = DAY, count: int = 4) -> str:
    result = o.services.booking.book_series(
        o.anna.id, o.desk(1).id, Recurrence.weekly(first, {2}, count=count), period=DeskPeriod.FULL_DAY
    )
    assert result.series_id is not None and len(result.booked) == count
    return result.series_id


def _preview_rows(dialog: SeriesChangeDialog) -> list[tuple[date, str, str]]:
    m = dialog.preview.model
    return [
        (row.day, m.index(i, OUTCOME).data(), m.index(i, REASON).data()) for i, row in enumerate(m.rows())
    ]


def _places(o: Office) -> dict[date, str]:
    return {
        b.day: b.resource_name
        for b in o.services.occupancy.bookings_of(o.anna.id)
        if b.status is BookingStatus.CONFIRMED
    }


def test_mina_bokningar_changes_the_series_from_the_chosen_occurrence_after_a_preview(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    _wednesdays(o)
    o.services.booking.book_desk(o.bertil.id, o.desk(3).id, DAY + 2 * WEEK, DeskPeriod.MORNING)  # in the way
    mine = open_view(qtbot, make_ctx(o.anna))
    mine.select_row(1)  # the second Wednesday
    mine.change_button.click()
    box = mine.scope_box
    assert box is not None and box.isVisible()
    assert "Plats 1, ons 9 dec 2026 ingår i en serie" in box.text()
    assert box.defaultButton() is box.only_this_button
    box.from_here_button.click()
    wait_idle()
    dialog = mine.dialog
    assert isinstance(dialog, SeriesChangeDialog)
    assert [d for d, c in dialog.weekday_checks.items() if c.isChecked()] == [2]  # the series' own
    dialog.desk_combo.setCurrentIndex(dialog.desk_combo.findText("Plats 3"))
    with qtbot.waitSignal(dialog.preview.shown, timeout=5000):
        dialog.preview_button.click()
    rows = _preview_rows(dialog)
    assert [(d, outcome) for d, outcome, _r in rows] == [
        (DAY + WEEK, "Ändras"),
        (DAY + 2 * WEEK, "Avbokas"),
        (DAY + 3 * WEEK, "Ändras"),
    ]
    assert "Plats 3 är redan bokad" in rows[1][2]  # the conflict, in words
    assert dialog.preview.summary_label.text() == (
        "Ändras: 2. Bokas: 0. Avbokas: 1. Hoppas över: 0. Ingenting är sparat ännu."
    )
    assert _places(o) == {DAY + n * WEEK: "Plats 1" for n in range(4)}  # nothing saved by the preview

    dialog.desk_combo.setCurrentIndex(dialog.desk_combo.findText("Plats 4"))  # a changed input
    assert not dialog.preview.isVisible() and dialog.preview_button.isVisible()  # withdraws it
    dialog.desk_combo.setCurrentIndex(dialog.desk_combo.findText("Plats 3"))
    with qtbot.waitSignal(dialog.preview.shown, timeout=5000):
        dialog.preview_button.click()
    assert dialog.preview.confirm_button.text() == "&Spara ändringen av serien"
    with qtbot.waitSignal(mine.data_loaded, timeout=5000):
        dialog.preview.confirm_button.click()
    assert _places(o) == {DAY: "Plats 1", DAY + WEEK: "Plats 3", DAY + 3 * WEEK: "Plats 3"}
    assert mine.status_label.text() == "Serien på Plats 1 ändrades från och med ons 9 dec 2026: 2 bokningar."


def test_only_this_one_opens_the_single_change(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    _wednesdays(o, count=2)
    mine = open_view(qtbot, make_ctx(o.anna))
    mine.select_row(0)
    mine.change_button.click()
    assert mine.scope_box is not None
    mine.scope_box.only_this_button.click()
    wait_idle()
    dialog = mine.dialog
    assert isinstance(dialog, ChangeDialog)
    dialog.desk_combo.setCurrentIndex(dialog.desk_combo.findText("Plats 2"))
    with qtbot.waitSignal(mine.data_loaded, timeout=5000):
        dialog.save_button.click()
    assert _places(o) == {DAY: "Plats 2", DAY + WEEK: "Plats 1"}  # the rest of the series as it was


def test_a_single_booking_asks_nothing(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, DAY, DeskPeriod.FULL_DAY)
    mine = open_view(qtbot, make_ctx(o.anna))
    mine.select_row(0)
    mine.change_button.click()
    wait_idle()
    assert mine.scope_box is None and isinstance(mine.dialog, ChangeDialog)


def test_no_weekday_is_refused_inline_and_nothing_changes(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    _wednesdays(o, count=2)
    mine = open_view(qtbot, make_ctx(o.anna))
    mine.select_row(0)
    mine.change_button.click()
    assert mine.scope_box is not None
    mine.scope_box.from_here_button.click()
    wait_idle()
    dialog = mine.dialog
    assert isinstance(dialog, SeriesChangeDialog)
    dialog.weekday_checks[2].setChecked(False)
    dialog.preview_button.click()
    wait_idle()
    assert dialog.error_label.isVisible() and "veckodag" in dialog.error_label.text()
    assert not dialog.preview.isVisible()
    assert _places(o) == {DAY: "Plats 1", DAY + WEEK: "Plats 1"}


def test_the_day_view_changes_a_series_weekdays_from_an_occurrence(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    day_view = DayView(make_ctx(o.reception))
    qtbot.addWidget(day_view)
    day_view.resize(1280, 720)
    with qtbot.waitSignal(day_view.data_loaded, timeout=5000):
        day_view.show()
    wait_idle()
    result = o.services.booking.book_series(
        o.anna.id, o.desk(1).id, Recurrence.weekly(MONDAY, {0}, count=3), period=DeskPeriod.MORNING
    )
    assert result.series_id is not None
    reload(qtbot, day_view)
    day_view.select_desk_cell(0, M)
    day_view.change_button.click()
    box = day_view.scope_box
    assert box is not None
    box.from_here_button.click()
    wait_idle()
    dialog = day_view.booking_dialog
    assert isinstance(dialog, SeriesChangeDialog)
    dialog.weekday_checks[0].setChecked(False)
    dialog.weekday_checks[1].setChecked(True)  # Tuesdays instead of Mondays
    with qtbot.waitSignal(dialog.preview.shown, timeout=5000):
        dialog.preview_button.click()
    outcomes = {d: outcome for d, outcome, _r in _preview_rows(dialog)}
    assert outcomes == {
        MONDAY: "Avbokas",
        MONDAY + WEEK: "Avbokas",
        MONDAY + 2 * WEEK: "Avbokas",
        MONDAY + timedelta(days=1): "Bokas",
        MONDAY + timedelta(days=8): "Bokas",
    }
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.preview.confirm_button.click()
    assert sorted(_places(o)) == [MONDAY + timedelta(days=1), MONDAY + timedelta(days=8)]


# --- Statistik per room --------------------------------------------------------------------------
def test_statistik_shows_bookings_hours_and_occupancy_per_room_for_the_period(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, tmp_path: Path
) -> None:
    o = gui_office
    b = o.services.booking
    b.book_room(o.anna.id, o.room.id, clk.local(DAY, time(9)), clk.local(DAY, time(12)), 3)  # Dec: 3 h
    b.book_room(o.anna.id, o.room.id, clk.local(MONDAY, time(13)), clk.local(MONDAY, time(14, 30)), 3)
    page = StatisticsPage(make_ctx(o.admin))
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    with qtbot.waitSignal(page.data_loaded, timeout=5000):
        page.refresh()
    tab = next(i for i in range(page.chart_tabs.count()) if page.chart_tabs.tabText(i) == "Per rum")
    page.chart_tabs.setCurrentIndex(tab)
    m = page.room_model

    def shown() -> list[list[str]]:
        return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]

    whole_year = shown()
    assert [row[:3] for row in whole_year] == [["Konferensrummet", "2", "4,5"]]
    page.period_combo.setCurrentIndex(page.period_combo.findData(11))  # November
    # November 2026: 21 weekdays of 8–17, no holiday on a weekday: 189 open hours; 1.5 booked.
    assert shown() == [["Konferensrummet", "1", "1,5", "189", "1 %"]]
    assert m.index(0, 4).data(VALUE_ROLE) == pytest.approx(1.5 / 189)

    target = tmp_path / "statistik.csv"
    with qtbot.waitSignal(page.exported, timeout=5000):
        page.export_csv(str(target))
    rooms_part = target.read_text(encoding="utf-8-sig").split("\n\n")[1]
    assert "2026;december;Konferensrummet;1;3;" in rooms_part


# --- a guest's e-mail address and series ----------------------------------------------------------
def test_the_guest_fields_take_an_optional_e_mail_and_a_series(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    from satellitkontor.gui.dialogs.desk_booking_dialog import DeskBookingDialog

    o = gui_office
    dialog = DeskBookingDialog(make_ctx(o.reception), o.desk(2), DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    fields = dialog.guest_fields
    assert fields is not None
    fields.check.setChecked(True)
    fields.name_edit.setText("Kim Berg")
    fields.org_edit.setText("Region Västerbotten")
    fields.email_edit.setText("kim.berg")
    dialog.book_button.click()
    wait_idle()
    assert dialog.isVisible() and "e-postadress" in dialog.error_label.text()
    fields.email_edit.setText("Kim.Berg@region.se")
    dialog.recurrence_editor.repeat_check.setChecked(True)
    dialog.recurrence_editor.count_radio.setChecked(True)
    dialog.recurrence_editor.count_spin.setValue(2)
    with qtbot.waitSignal(dialog.preview.shown, timeout=5000):
        dialog.book_button.click()
    with qtbot.waitSignal(dialog.booked, timeout=5000) as made:
        dialog.preview.confirm_button.click()
    assert [(v.day, v.guest_name) for v in made.args[0]] == [(DAY, "Kim Berg"), (DAY + WEEK, "Kim Berg")]
    assert o.services.personal_data.erase_guest(o.admin.id, "kim.berg@region.se") == (2, 2)


@pytest.fixture
def apps_look(qapp: QApplication) -> Iterator[None]:
    """As the app draws it (gui/app.py): the clipping guard measures the ink, and labels get their
    2 px above the dots of "Ä" from the app's stylesheet."""
    from satellitkontor.gui import theme

    old_palette, old_style, old_sheet = qapp.palette(), qapp.style().name(), qapp.styleSheet()
    theme.apply(qapp, dark=False)
    yield
    qapp.setStyleSheet(old_sheet)
    qapp.setStyle(old_style)
    qapp.setPalette(old_palette)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_series_change_dialog_and_its_question_show_their_texts_whole(
    apps_look: None,
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    wait_idle: Callable[[], None],
    lang: str,
) -> None:
    from satellitkontor.gui.dialogs.series_change_dialog import SeriesScopeQuestion
    from tests.gui.clipping import problems, title

    o = gui_office
    _wednesdays(o)
    o.services.booking.book_desk(o.bertil.id, o.desk(3).id, DAY + 2 * WEEK, DeskPeriod.MORNING)
    ctx = make_ctx(o.anna, lang)
    booking = o.services.occupancy.bookings_of(o.anna.id)[1]
    question = SeriesScopeQuestion(DayView(ctx), booking, lang)
    qtbot.addWidget(question)
    question.show()
    wait_idle()
    found = [f"question: {p}" for p in problems(question)]
    question.done(0)
    dialog = SeriesChangeDialog(ctx, booking, o.desks, frozenset({2}))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.desk_combo.setCurrentIndex(dialog.desk_combo.findText("Plats 3"))
    with qtbot.waitSignal(dialog.preview.shown, timeout=5000):
        dialog.preview_button.click()
    wait_idle()
    qtbot.wait(20)
    found += [f"dialog: {p}" for p in problems(dialog) + title(dialog)]
    # the conflict's sentence wraps and its row grows to hold it (it was cut to one line)
    table, m = dialog.preview.table, dialog.preview.model
    row = [r.day for r in m.rows()].index(DAY + 2 * WEEK)
    reason = str(m.index(row, REASON).data())
    width = table.columnWidth(REASON) - 8
    wrapped = table.fontMetrics().boundingRect(
        QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), reason
    )
    assert table.fontMetrics().horizontalAdvance(reason) > width  # it does need two lines or more
    assert table.rowHeight(row) >= wrapped.height()
    assert not found, "\n".join(found)


def test_a_room_series_moves_to_other_times_from_an_occurrence(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    from PySide6.QtCore import QTime

    o = gui_office
    o.services.booking.book_series(
        o.anna.id, o.room.id, Recurrence.weekly(DAY, {2}, count=3), start_time=time(9), end_time=time(10),
        participants=4, title="Ledningsgrupp",
    )  # fmt: skip
    blocker = clk.local(DAY + 2 * WEEK, time(13, 30))
    o.services.booking.book_room(o.bertil.id, o.room.id, blocker, blocker + timedelta(hours=1), 2)
    mine = open_view(qtbot, make_ctx(o.anna))
    mine.select_row(1)
    mine.change_button.click()
    assert mine.scope_box is not None
    mine.scope_box.from_here_button.click()
    wait_idle()
    dialog = mine.dialog
    assert isinstance(dialog, SeriesChangeDialog)
    assert not dialog.desk_combo.isVisible() and dialog.start_edit.isVisible()
    dialog.start_edit.setTime(QTime(13, 0))
    dialog.end_edit.setTime(QTime(14, 0))
    with qtbot.waitSignal(dialog.preview.shown, timeout=5000):
        dialog.preview_button.click()
    assert [(d, outcome) for d, outcome, _r in _preview_rows(dialog)] == [
        (DAY + WEEK, "Ändras"),
        (DAY + 2 * WEEK, "Avbokas"),  # taken at 13:30 by Bertil
    ]
    with qtbot.waitSignal(mine.data_loaded, timeout=5000):
        dialog.preview.confirm_button.click()
    times = {
        b.day: (clk.to_local(b.start).time(), b.title)
        for b in o.services.occupancy.bookings_of(o.anna.id)
        if b.status is BookingStatus.CONFIRMED
    }
    assert times == {DAY: (time(9), "Ledningsgrupp"), DAY + WEEK: (time(13), "Ledningsgrupp")}
