"""The desk and room booking dialogs: periods taken, participants, conflicts before saving,
repeated bookings (dry run, then confirm), booking for someone else, errors inline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingView, DeskPeriod
from satellitkontor.domain.errors import BadRecurrence, OfficeClosed, ResourceTaken
from satellitkontor.domain.recurrence import Frequency
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.desk_booking_dialog import DeskBookingDialog
from satellitkontor.gui.dialogs.room_booking_dialog import RoomBookingDialog
from satellitkontor.gui.models.series_preview_model import BOOKED_ROLE, SeriesPreviewModel
from satellitkontor.gui.widgets.recurrence_editor import RecurrenceEditor
from satellitkontor.services.booking.service import SeriesResult, SkippedOccurrence
from tests.conftest import MONDAY, Office

Idle = Callable[[], None]


def _desk_bookings(office: Office, day: date, desk_no: int) -> list[BookingView]:
    occ = office.services.occupancy.day(day, viewer_id=office.admin.id)
    desk = office.desk(desk_no)
    return list(next(r for r in occ.resources if r.resource.id == desk.id).bookings)


def _room_bookings(office: Office, day: date) -> list[BookingView]:
    occ = office.services.occupancy.day(day, viewer_id=office.admin.id)
    return list(next(r for r in occ.rooms if r.resource.id == office.room.id).bookings)


def _room_dialog(
    qtbot: QtBot, ctx: AppContext, office: Office, start: time, end: time, day: date = MONDAY
) -> RoomBookingDialog:
    dialog = RoomBookingDialog(ctx, office.room, clk.local(day, start), clk.local(day, end))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


# --- desks ---------------------------------------------------------------------------------------
def test_desk_booked_for_the_morning(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    ctx = make_ctx(gui_office.anna)
    dialog = DeskBookingDialog(ctx, gui_office.desk(1), MONDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    assert dialog.person_chooser is None  # a user books for herself only
    assert "mån 23 nov 2026" in dialog.date_label.text()
    assert "Dockningsstation" in dialog.equipment_label.text()
    dialog.period_buttons[DeskPeriod.MORNING].setChecked(True)
    with qtbot.waitSignal(dialog.booked) as made, qtbot.waitSignal(ctx.data_changed):
        dialog.book_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [view] = made.args[0]
    assert view.desk_period is DeskPeriod.MORNING
    [saved] = _desk_bookings(gui_office, MONDAY, 1)
    assert (saved.person_id, saved.desk_period) == (gui_office.anna.id, DeskPeriod.MORNING)


def test_taken_periods_are_disabled_and_say_by_whom(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    gui_office.services.booking.book_desk(
        gui_office.bertil.id, gui_office.desk(2).id, MONDAY, DeskPeriod.MORNING
    )
    dialog = DeskBookingDialog(make_ctx(gui_office.anna), gui_office.desk(2), MONDAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.occupancy_loaded):
        dialog.show()
    morning, full = dialog.period_buttons[DeskPeriod.MORNING], dialog.period_buttons[DeskPeriod.FULL_DAY]
    afternoon = dialog.period_buttons[DeskPeriod.AFTERNOON]
    assert not morning.isEnabled() and not full.isEnabled()
    assert "upptagen – Vindeln" in morning.text()
    assert afternoon.isEnabled() and afternoon.isChecked()
    assert dialog.book_button.isEnabled()


def test_a_fully_booked_desk_cannot_be_booked(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    gui_office.services.booking.book_desk(
        gui_office.cecilia.id, gui_office.desk(3).id, MONDAY, DeskPeriod.FULL_DAY
    )
    occupancy = next(
        r
        for r in gui_office.services.occupancy.day(MONDAY, viewer_id=gui_office.admin.id).desks
        if r.resource.id == gui_office.desk(3).id
    )
    dialog = DeskBookingDialog(make_ctx(gui_office.anna), gui_office.desk(3), MONDAY, occupancy=occupancy)
    qtbot.addWidget(dialog)
    assert not any(b.isEnabled() for b in dialog.period_buttons.values())
    assert "Örnsköldsvik" in dialog.period_buttons[DeskPeriod.AFTERNOON].text()
    assert not dialog.full_label.isHidden()
    assert not dialog.book_button.isEnabled()


def test_error_is_shown_inline_and_nothing_is_saved(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    saturday = date(2026, 11, 28)
    dialog = DeskBookingDialog(make_ctx(gui_office.anna), gui_office.desk(1), saturday)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    dialog.book_button.click()
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden())
    assert "Kontoret är stängt" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.book_button.isEnabled()  # the user may change something and try again
    assert _desk_bookings(gui_office, saturday, 1) == []


def test_staff_books_for_someone_else(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    ctx = make_ctx(gui_office.reception)
    dialog = DeskBookingDialog(ctx, gui_office.desk(4), MONDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    chooser = dialog.person_chooser
    assert chooser is not None
    wait_idle()
    assert chooser.person_id() == gui_office.reception.id  # me by default
    assert "(jag)" in chooser.currentText()
    assert chooser.count() == 5
    assert chooser.set_person_id(gui_office.bertil.id)
    with qtbot.waitSignal(dialog.booked):
        dialog.book_button.click()
    [saved] = _desk_bookings(gui_office, MONDAY, 4)
    assert (saved.person_id, saved.created_by_id) == (gui_office.bertil.id, gui_office.reception.id)


def test_staff_dialog_for_a_given_person_has_no_chooser(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    dialog = DeskBookingDialog(
        make_ctx(gui_office.admin), gui_office.desk(5), MONDAY, for_person=gui_office.cecilia
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.person_chooser is None
    with qtbot.waitSignal(dialog.booked):
        dialog.book_button.click()
    [saved] = _desk_bookings(gui_office, MONDAY, 5)
    assert saved.person_id == gui_office.cecilia.id


def test_repeated_desk_booking_lists_skipped_days_then_books_the_rest(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    start = date(2026, 12, 21)  # Monday of Christmas week
    taken = date(2026, 12, 22)
    gui_office.services.booking.book_desk(
        gui_office.bertil.id, gui_office.desk(1).id, taken, DeskPeriod.FULL_DAY
    )
    ctx = make_ctx(gui_office.anna)
    dialog = DeskBookingDialog(ctx, gui_office.desk(1), start)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    editor = dialog.recurrence_editor
    editor.repeat_check.setChecked(True)
    editor.daily_radio.setChecked(True)
    editor.until_edit.setDate(QDate(2026, 12, 25))
    with qtbot.waitSignal(dialog.preview.shown):
        dialog.book_button.click()
    model = dialog.preview.model
    assert model.booked_days() == [date(2026, 12, 21), date(2026, 12, 23)]
    assert model.skipped_days() == [taken, date(2026, 12, 24), date(2026, 12, 25)]
    reasons = {r.day: r.reason for r in model.rows()}
    assert "redan bokad" in reasons[taken] and "Vindeln" in reasons[taken]
    assert "Juldagen" in reasons[date(2026, 12, 25)]
    assert "Julafton" in reasons[date(2026, 12, 24)]
    assert _desk_bookings(gui_office, start, 1) == []  # a dry run saves nothing
    assert dialog.preview.confirm_button.text() == "Be&kräfta 2 bokningar"
    with qtbot.waitSignal(dialog.booked) as made:
        dialog.preview.confirm_button.click()
    assert len(made.args[0]) == 2
    assert dialog.result() == QDialog.DialogCode.Accepted
    for day in (date(2026, 12, 21), date(2026, 12, 23)):
        [saved] = _desk_bookings(gui_office, day, 1)
        assert saved.person_id == gui_office.anna.id and saved.series_id is not None
    [other] = _desk_bookings(gui_office, taken, 1)
    assert other.person_id == gui_office.bertil.id


def test_a_changed_input_withdraws_the_preview(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    dialog = DeskBookingDialog(make_ctx(gui_office.anna), gui_office.desk(6), MONDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    dialog.recurrence_editor.repeat_check.setChecked(True)
    dialog.recurrence_editor.count_radio.setChecked(True)
    with qtbot.waitSignal(dialog.preview.shown):
        dialog.book_button.click()
    assert dialog.preview.is_current()
    dialog.period_buttons[DeskPeriod.AFTERNOON].setChecked(True)
    assert not dialog.preview.is_current()
    dialog.preview.confirm_button.click()  # hidden and forgotten: books nothing
    wait_idle()
    assert _desk_bookings(gui_office, MONDAY, 6) == []


def test_a_weekly_rule_without_weekdays_is_explained(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    dialog = DeskBookingDialog(make_ctx(gui_office.anna), gui_office.desk(7), MONDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    dialog.recurrence_editor.repeat_check.setChecked(True)
    dialog.recurrence_editor.weekday_checks[0].setChecked(False)
    dialog.book_button.click()
    assert "Upprepningen är ogiltig" in dialog.error_label.text()
    assert dialog.preview.isHidden()


# --- the room ------------------------------------------------------------------------------------
def test_too_many_participants_are_explained_and_nothing_is_booked(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    dialog = _room_dialog(qtbot, make_ctx(gui_office.anna), gui_office, time(13), time(14))
    wait_idle()
    assert dialog.book_button.isEnabled()
    dialog.participants_spin.setValue(13)
    assert not dialog.participants_error.isHidden()
    assert "Högst 12 deltagare" in dialog.participants_error.text()
    assert not dialog.book_button.isEnabled()
    dialog._book()  # even a forced click books nothing
    wait_idle()
    assert _room_bookings(gui_office, MONDAY) == []
    dialog.participants_spin.setValue(12)
    assert dialog.participants_error.isHidden() and dialog.book_button.isEnabled()


def test_conflicts_are_shown_before_saving(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    gui_office.services.booking.book_room(
        gui_office.anna.id,
        gui_office.room.id,
        clk.local(MONDAY, time(10)),
        clk.local(MONDAY, time(11)),
        5,
        "Styrgrupp",
    )
    dialog = _room_dialog(qtbot, make_ctx(gui_office.cecilia), gui_office, time(10, 30), time(11, 30))
    wait_idle()
    # Anna's title is not Cecilia's to see (domain/privacy.py); the time and municipality are
    assert dialog.conflict_label.text() == "Krockar med 10:00–11:00 (Umeå)"
    assert not dialog.conflict_label.isHidden()
    assert not dialog.book_button.isEnabled()
    with qtbot.waitSignal(dialog.conflicts_checked):
        dialog.start_edit.setTime(QTime(11, 0))  # the end follows: 11:00-12:00
    assert dialog.end_edit.time() == QTime(12, 0)
    assert dialog.conflict_label.isHidden() and dialog.book_button.isEnabled()
    dialog.title_edit.setText("Planering")
    with qtbot.waitSignal(dialog.booked):
        dialog.book_button.click()
    titles = sorted(b.title or "" for b in _room_bookings(gui_office, MONDAY))
    assert titles == ["Planering", "Styrgrupp"]


def test_end_before_start_disables_booking(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    dialog = _room_dialog(qtbot, make_ctx(gui_office.anna), gui_office, time(13), time(14))
    wait_idle()
    with qtbot.waitSignal(dialog.conflicts_checked):
        dialog.end_edit.setTime(QTime(12, 0))
    assert "Sluttiden måste vara efter starttiden." in dialog.conflict_label.text()
    assert not dialog.book_button.isEnabled()


def test_minutes_step_on_the_slot_grid(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    dialog = _room_dialog(qtbot, make_ctx(gui_office.anna), gui_office, time(13), time(14))
    wait_idle()
    edit = dialog.end_edit
    edit.setCurrentSection(edit.Section.MinuteSection)
    edit.stepBy(1)
    assert edit.time() == QTime(14, 15)
    edit.setTime(QTime(14, 22))
    edit.snap()
    assert edit.time() == QTime(14, 15)


def test_repeated_room_booking_skips_a_taken_week(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    second = date(2026, 11, 30)
    gui_office.services.booking.book_room(
        gui_office.bertil.id,
        gui_office.room.id,
        clk.local(second, time(10, 30)),
        clk.local(second, time(11)),
        3,
    )
    ctx = make_ctx(gui_office.reception)
    dialog = _room_dialog(qtbot, ctx, gui_office, time(10), time(11))
    wait_idle()
    assert dialog.person_chooser is not None and dialog.person_chooser.set_person_id(gui_office.anna.id)
    dialog.title_edit.setText("Veckomöte")
    dialog.participants_spin.setValue(6)
    dialog.recurrence_editor.repeat_check.setChecked(True)
    dialog.recurrence_editor.count_radio.setChecked(True)
    dialog.recurrence_editor.count_spin.setValue(3)
    with qtbot.waitSignal(dialog.preview.shown):
        dialog.book_button.click()
    assert dialog.preview.model.skipped_days() == [second]
    assert "Vindeln" in dialog.preview.model.rows()[1].reason
    with qtbot.waitSignal(dialog.booked):
        dialog.preview.confirm_button.click()
    for day in (MONDAY, date(2026, 12, 7)):
        [saved] = _room_bookings(gui_office, day)
        assert (saved.title, saved.participants, saved.person_id) == ("Veckomöte", 6, gui_office.anna.id)
        assert (clk.to_local(saved.start).time(), clk.to_local(saved.end).time()) == (time(10), time(11))


# --- the parts -----------------------------------------------------------------------------------
def test_recurrence_editor_builds_the_rule(qtbot: QtBot) -> None:
    editor = RecurrenceEditor(MONDAY)
    qtbot.addWidget(editor)
    assert editor.recurrence() is None
    editor.repeat_check.setChecked(True)
    editor.weekday_checks[2].setChecked(True)
    rule = editor.recurrence()
    assert rule is not None
    assert (rule.frequency, rule.weekdays, rule.until) == (
        Frequency.WEEKLY,
        frozenset({0, 2}),
        date(2026, 12, 21),
    )
    editor.count_radio.setChecked(True)
    editor.daily_radio.setChecked(True)
    rule = editor.recurrence()
    assert rule is not None and (rule.frequency, rule.count, rule.until) == (Frequency.DAILY, 4, None)
    editor.weekly_radio.setChecked(True)
    for check in editor.weekday_checks.values():
        check.setChecked(False)
    with pytest.raises(BadRecurrence):
        editor.recurrence()


def test_series_preview_model(qtmodeltester: object) -> None:
    model = SeriesPreviewModel("sv")
    taken = ResourceTaken(resource="Plats 1", kind="desk", start=None, end=None, municipality="umea")
    result = SeriesResult(
        None,
        (),
        (
            SkippedOccurrence(date(2026, 12, 25), OfficeClosed(day=date(2026, 12, 25), reason="Juldagen")),
            SkippedOccurrence(date(2026, 12, 22), taken),
        ),
        True,
        (date(2026, 12, 21), date(2026, 12, 23)),
    )
    model.set_result(result)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 4
    assert [model.index(r, 1).data() for r in range(4)] == ["Bokas", "Hoppas över", "Bokas", "Hoppas över"]
    assert model.index(3, 0).data() == "fre 25 dec 2026"
    assert "Juldagen" in model.index(3, 2).data()
    assert model.index(0, 0).data(BOOKED_ROLE) is True
    model.set_result(None)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 0
