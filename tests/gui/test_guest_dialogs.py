"""Booking for a guest in the desk and room dialogs (staff only), and the guest in the day view."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta

from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.desk_booking_dialog import DeskBookingDialog
from satellitkontor.gui.dialogs.room_booking_dialog import RoomBookingDialog
from satellitkontor.gui.views.day_view import DayView
from tests.conftest import MONDAY, Office

Idle = Callable[[], None]
TUESDAY = MONDAY + timedelta(days=1)


def test_the_receptionist_books_a_desk_for_a_guest_with_a_host(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    o = gui_office
    ctx = make_ctx(o.reception)
    dialog = DeskBookingDialog(ctx, o.desk(2), TUESDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    fields = dialog.guest_fields
    assert fields is not None and dialog.person_chooser is not None
    assert not fields.details.isVisible()
    fields.check.setChecked(True)
    assert fields.details.isVisible()
    fields.name_edit.setText("Kim Berg")
    dialog.book_button.click()  # no organisation yet
    wait_idle()
    assert dialog.isVisible() and dialog.error_label.text() == (
        "Ogiltigt värde för gästens organisation (1–200 tecken): -."
    )
    assert o.services.occupancy.bookings_of(o.bertil.id) == []
    fields.org_edit.setText("Region Västerbotten")
    assert dialog.person_chooser.set_person_id(o.bertil.id)
    with qtbot.waitSignal(dialog.booked) as made:
        dialog.book_button.click()
    [view] = made.args[0]
    assert (view.guest_name, view.guest_org, view.person_id) == (
        "Kim Berg",
        "Region Västerbotten",
        o.bertil.id,
    )

    day_view = DayView(make_ctx(o.reception))
    qtbot.addWidget(day_view)
    day_view.resize(1280, 720)
    with qtbot.waitSignal(day_view.data_loaded, timeout=5000):
        day_view.show()
    with qtbot.waitSignal(day_view.data_loaded, timeout=5000):
        day_view.navigator.set_date(TUESDAY)
    texts = [str(day_view.desks_model.index(r, 1).data()) for r in range(day_view.desks_model.rowCount())]
    assert "Gäst: Kim Berg, Region Västerbotten (värd Bertil Öberg, Vindeln)" in texts


def test_a_user_sees_no_guest_fields(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    desk = DeskBookingDialog(make_ctx(gui_office.anna), gui_office.desk(2), TUESDAY)
    qtbot.addWidget(desk)
    room = RoomBookingDialog(
        make_ctx(gui_office.anna), gui_office.room, clk.local(TUESDAY, time(9)), clk.local(TUESDAY, time(10))
    )
    qtbot.addWidget(room)
    assert desk.guest_fields is None and room.guest_fields is None


def test_an_admin_books_the_room_for_a_guest_as_a_series(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    o = gui_office
    dialog = RoomBookingDialog(
        make_ctx(o.admin), o.room, clk.local(TUESDAY, time(9)), clk.local(TUESDAY, time(10))
    )
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    fields = dialog.guest_fields
    assert fields is not None
    fields.check.setChecked(True)
    fields.name_edit.setText("Kim Berg")
    fields.org_edit.setText("Region Västerbotten")
    dialog.title_edit.setText("Studiebesök")
    dialog.recurrence_editor.repeat_check.setChecked(True)
    dialog.recurrence_editor.count_radio.setChecked(True)
    dialog.recurrence_editor.count_spin.setValue(3)
    with qtbot.waitSignal(dialog.preview.shown, timeout=5000):
        dialog.book_button.click()  # the series preview first, as for anyone's series (issue 16)
    assert dialog.preview.model.booked_days() == [TUESDAY + timedelta(days=7 * n) for n in range(3)]
    assert o.services.occupancy.bookings_of(o.admin.id) == []
    with qtbot.waitSignal(dialog.booked, timeout=5000) as made:
        dialog.preview.confirm_button.click()
    views = made.args[0]
    assert [(v.guest_name, v.guest_org, v.person_id, v.title) for v in views] == [
        ("Kim Berg", "Region Västerbotten", o.admin.id, "Studiebesök")
    ] * 3
    assert len({v.series_id for v in views}) == 1 and views[0].series_id is not None
    assert all(v.desk_period is None for v in views)  # room bookings


def test_the_host_sees_the_guest_in_my_bookings(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    from satellitkontor.domain.bookings import DeskPeriod, Guest
    from satellitkontor.gui.models.my_bookings_model import TITLE
    from satellitkontor.gui.views.my_bookings_view import MyBookingsView

    o = gui_office
    o.services.booking.book_desk(
        o.reception.id,
        o.desk(2).id,
        TUESDAY,
        DeskPeriod.FULL_DAY,
        for_person_id=o.anna.id,
        guest=Guest.of("Kim Berg", "Region Västerbotten"),
    )
    view = MyBookingsView(make_ctx(o.anna))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    assert view.model.index(0, TITLE).data() == "Gäst: Kim Berg, Region Västerbotten"
