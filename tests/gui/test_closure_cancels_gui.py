"""A closure over booked days in the app: the dialog lists what it cancels and asks again; the
booker sees the booking in Mina bokningar as cancelled by the office, with the reason (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.cancel_range_dialog import CancelRangeDialog
from satellitkontor.gui.dialogs.change_dialog import ChangeDialog
from satellitkontor.gui.dialogs.closure_dialog import ClosureDialog
from satellitkontor.gui.models.my_bookings_model import STATUS
from tests.conftest import MONDAY, Office
from tests.gui.test_my_bookings import column, open_view

DAY = date(2026, 12, 2)


def _dialog(qtbot: QtBot, ctx: AppContext) -> ClosureDialog:
    dialog = ClosureDialog(ctx, MONDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.from_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    dialog.reason_edit.setText("Renovering")
    return dialog


def test_the_dialog_lists_the_bookings_then_closes_and_cancels_them(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    a = o.services.booking.book_desk(o.anna.id, o.desk(1).id, DAY, DeskPeriod.FULL_DAY)
    b = o.services.booking.book_desk(o.bertil.id, o.desk(2).id, DAY, DeskPeriod.MORNING)
    dialog = _dialog(qtbot, make_ctx(o.admin))
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)  # Enter: the first press asks
    wait_idle()
    assert dialog.isVisible() and o.services.office.closures() == []
    assert dialog.affected_label.isVisible() and dialog.affected_label.text().startswith(
        "2 bokningar påverkas"
    )
    items = [dialog.affected_list.item(i).text() for i in range(dialog.affected_list.count())]
    assert items == ["ons 2 dec 2026  Plats 1  Anna Andersson", "ons 2 dec 2026  Plats 2  Bertil Öberg"]
    assert dialog.save_button.text() == "&Stäng och avboka"

    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [x.id for x in saved.args[0].cancelled] == [a.id, b.id]
    for booking_id in (a.id, b.id):
        view = o.services.occupancy.booking(booking_id)
        assert view is not None and view.status is BookingStatus.CANCELLED

    mine = open_view(qtbot, make_ctx(o.anna))
    assert column(mine, STATUS) == ["avbokad av kontoret (kontoret stängt: Renovering)"]
    mine.select_row(0)
    assert not mine.cancel_button.isEnabled()


def test_changing_the_dates_asks_again(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, DAY, DeskPeriod.FULL_DAY)
    dialog = _dialog(qtbot, make_ctx(o.admin))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.affected_list.count() == 1
    dialog.from_edit.setDate(QDate(2026, 12, 9))  # an empty day: no question, closed at once
    assert not dialog.affected_list.isVisible() and dialog.save_button.text() == "&Lägg till"
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [c.start for c in o.services.office.closures()] == [date(2026, 12, 9)]


# --- Mina bokningar: change, check in, cancel several days (issue 16, sections 2 and 3) ----------
def test_change_a_booking_from_mina_bokningar(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    b = o.services.booking.book_desk(o.anna.id, o.desk(1).id, DAY, DeskPeriod.FULL_DAY)
    o.services.booking.book_desk(o.bertil.id, o.desk(2).id, DAY, DeskPeriod.FULL_DAY)
    mine = open_view(qtbot, make_ctx(o.anna))
    mine.select_row(0)
    assert mine.change_button.isEnabled() and not mine.check_in_button.isEnabled()  # not today
    mine.change_button.click()
    wait_idle()
    dialog = mine.dialog
    assert isinstance(dialog, ChangeDialog)
    dialog.desk_combo.setCurrentIndex(dialog.desk_combo.findText("Plats 2"))  # taken: refused inline
    dialog.save_button.click()
    wait_idle()
    assert dialog.isVisible() and "Plats 2 är redan bokad" in dialog.error_label.text()
    dialog.desk_combo.setCurrentIndex(dialog.desk_combo.findText("Plats 5"))
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData(DeskPeriod.AFTERNOON))
    with qtbot.waitSignal(mine.data_loaded, timeout=5000):
        dialog.save_button.click()
    view = o.services.occupancy.booking(b.id)
    assert view is not None and (view.resource_name, view.desk_period) == ("Plats 5", DeskPeriod.AFTERNOON)
    assert mine.status_label.text().startswith("Ändrat: Plats 5")


def test_the_booker_checks_in_from_mina_bokningar_on_the_day(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    b = o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    mine = open_view(qtbot, make_ctx(o.anna))
    mine.select_row(0)
    assert mine.check_in_button.isEnabled()
    with qtbot.waitSignal(mine.data_loaded, timeout=5000):
        mine.check_in_button.click()
    view = o.services.occupancy.booking(b.id)
    assert view is not None and view.status is BookingStatus.CHECKED_IN
    assert column(mine, STATUS) == ["incheckad"]


def test_cancel_several_days_with_a_reason(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    for day in (DAY, DAY + timedelta(days=1)):
        o.services.booking.book_desk(o.anna.id, o.desk(1).id, day, DeskPeriod.FULL_DAY)
    kept = o.services.booking.book_desk(o.anna.id, o.desk(1).id, DAY + timedelta(days=7), DeskPeriod.FULL_DAY)
    mine = open_view(qtbot, make_ctx(o.anna))
    mine.cancel_range_button.click()
    dialog = mine.dialog
    assert isinstance(dialog, CancelRangeDialog)
    dialog.from_edit.setDate(QDate(DAY.year, DAY.month, DAY.day))
    dialog.to_edit.setDate(QDate(DAY.year, DAY.month, DAY.day + 1))
    qtbot.keyClicks(dialog.reason_edit, "Semester")
    with qtbot.waitSignal(mine.data_loaded, timeout=5000):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)  # Enter saves
    assert mine.status_label.text() == "2 bokningar avbokade."
    assert column(mine, STATUS) == ["avbokad (Semester)", "avbokad (Semester)", "bokad"]
    view = o.services.occupancy.booking(kept.id)
    assert view is not None and view.status is BookingStatus.CONFIRMED
