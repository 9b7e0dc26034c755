"""The fair rules in the app: the admin's rules page sets them, the booking dialogs show them
before a refusal, and a refusal says which rule and when the booking frees up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.desk_booking_dialog import DeskBookingDialog
from satellitkontor.gui.views.admin.rules_page import RulesPage
from satellitkontor.gui.views.admin_view import AdminView
from tests.conftest import MONDAY, Office

Idle = Callable[[], None]
TUESDAY = MONDAY + timedelta(days=1)


def test_the_rules_page_turns_a_fair_rule_on_and_off(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    view = AdminView(make_ctx(gui_office.admin))
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    page = view.pages["rules"]
    assert isinstance(page, RulesPage)
    view.tabs.setCurrentWidget(page)
    wait_idle()
    check, spin = page.fair_checks["desk_days_per_week"], page.fair_spins["desk_days_per_week"]
    assert not check.isChecked() and not spin.isEnabled()  # off by default
    assert all(not c.isChecked() for c in page.fair_checks.values())
    check.setChecked(True)
    assert spin.isEnabled() and page.save_button.isEnabled()
    spin.setValue(2)
    page.fair_checks["max_series_weeks"].setChecked(True)
    page.fair_spins["max_series_weeks"].setValue(6)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    policy = gui_office.services.office.policy()
    assert (policy.desk_days_per_week, policy.max_series_weeks, policy.desk_days_per_month) == (2, 6, None)
    assert page.status_label.text() == "Reglerna är sparade"
    page.fair_checks["max_series_weeks"].setChecked(False)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert gui_office.services.office.policy().max_series_weeks is None
    assert (
        page.fair_checks["desk_days_per_week"].isChecked()
        and page.fair_spins["desk_days_per_week"].value() == 2
    )


def test_the_desk_dialog_shows_the_rules_and_the_refusal_names_the_rule(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    o = gui_office
    o.services.office.update_policy(o.admin.id, desk_days_per_week=1, max_series_weeks=4)
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.MORNING)
    dialog = DeskBookingDialog(make_ctx(o.anna), o.desk(2), TUESDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    assert dialog.fair_rules.isVisible()
    assert dialog.fair_rules.text().splitlines() == [
        "Regel: högst 1 platsdagar per person och vecka – du har 0,5 vecka 48. Bara en halv dag kvar.",
        "Regel: en återkommande bokning får vara högst 4 veckor – från den här dagen till och med mån 21 dec 2026.",
    ]
    dialog.period_buttons[DeskPeriod.FULL_DAY].setChecked(True)
    dialog.book_button.click()
    wait_idle()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text().startswith(
        "Regeln högst 1 platsdagar per person och vecka: Anna Andersson har redan 0,5 vecka 48. "
        "Det går att boka igen från mån 30 nov 2026"
    )
    dialog.period_buttons[DeskPeriod.AFTERNOON].setChecked(True)  # half a day still fits
    with qtbot.waitSignal(dialog.booked):
        dialog.book_button.click()
    again = DeskBookingDialog(dialog.ctx, o.desk(3), TUESDAY + timedelta(days=1))
    qtbot.addWidget(again)
    again.show()
    wait_idle()
    assert (
        again.fair_rules.text()
        .splitlines()[0]
        .endswith("du har 1 vecka 48. Gränsen är nådd; det går att boka igen från mån 30 nov 2026.")
    )


def test_staff_see_the_rules_of_the_person_they_book_for(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    o = gui_office
    o.services.office.update_policy(o.admin.id, desk_days_per_month=5, group_booking_days_ahead=3)
    o.services.booking.book_desk(o.bertil.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    far = MONDAY + timedelta(days=8)
    dialog = DeskBookingDialog(make_ctx(o.reception), o.desk(3), far)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    assert (
        dialog.fair_rules.text()
        == "Regel: högst 5 platsdagar per person och månad – du har 0 i december 2026."
    )
    chooser = dialog.person_chooser
    assert chooser is not None
    with qtbot.waitSignal(dialog.fair_rules.loaded):
        chooser.set_person_id(o.bertil.id)
    assert dialog.fair_rules.text().splitlines() == [
        "Regel: högst 5 platsdagar per person och månad – Bertil Öberg har 0 i december 2026.",
        "Regel: en plats åt någon annan kan bokas tidigast 3 dagar före – för den här dagen från lör 28 nov 2026.",
    ]
    dialog.book_button.click()
    wait_idle()
    assert dialog.error_label.text() == (
        "Regeln för bokning åt andra: en plats åt någon annan kan bokas tidigast 3 dagar före, "
        "för tis 1 dec 2026 alltså från lör 28 nov 2026."
    )
    assert len(o.services.occupancy.bookings_of(o.bertil.id)) == 1  # nothing saved


def test_no_rule_on_shows_nothing(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    dialog = DeskBookingDialog(make_ctx(gui_office.anna), gui_office.desk(2), TUESDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    assert not dialog.fair_rules.isVisible() and dialog.fair_rules.text() == ""
