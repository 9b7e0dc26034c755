"""The administration pages: desks and room, people and roles, closures, booking rules."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from satellitkontor.domain.people import Role
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.closures_model import ClosuresModel
from satellitkontor.gui.models.people_model import PeopleFilter, PeopleModel
from satellitkontor.gui.models.resources_model import NAME, ResourcesModel
from satellitkontor.gui.views.admin.closures_page import ClosuresPage
from satellitkontor.gui.views.admin.people_page import PeoplePage
from satellitkontor.gui.views.admin.resources_page import ResourcesPage
from satellitkontor.gui.views.admin.rules_page import RulesPage
from satellitkontor.gui.views.admin_view import AdminView
from satellitkontor.services.office import ClosureView
from tests.conftest import Office
from tests.gui.conftest import error_boxes

OpenPage = Callable[[str], QWidget]


@pytest.fixture
def open_page(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> OpenPage:
    """The admin view as Åsa sees it, at 1280x720, on the tab ``key``, loaded."""

    def open_(key: str) -> QWidget:
        view = AdminView(make_ctx(gui_office.admin))
        qtbot.addWidget(view)
        view.resize(1280, 720)
        view.show()
        page = view.pages[key]
        view.tabs.setCurrentWidget(page)
        wait_idle()
        return page

    return open_


def _resources_page(open_page: OpenPage) -> ResourcesPage:
    page = open_page("resources")
    assert isinstance(page, ResourcesPage)
    return page


def _names(model: ResourcesModel) -> list[str]:
    return [model.index(r, NAME).data() for r in range(model.rowCount())]


# --- desks and the room ---------------------------------------------------------------------------
def test_add_a_desk_and_it_appears(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = _resources_page(open_page)
    assert "Plats 8" in _names(page.model)
    dialog = page.new_desk()
    dialog.name_edit.setText("Plats 9")
    dialog.equipment_edit.setText("En skärm, Headset")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert not isValid(dialog) or not dialog.isVisible()  # closed
    assert "Plats 9" in _names(page.model)
    assert page.selected() is not None and page.selected().name == "Plats 9"  # type: ignore[union-attr]
    saved = {r.name: r for r in gui_office.services.office.resources()}
    assert saved["Plats 9"].kind is ResourceKind.DESK
    assert saved["Plats 9"].equipment == ("En skärm", "Headset")
    assert page.plan.item(saved["Plats 9"].id) is not None


def test_rename_to_an_existing_name_shows_the_error(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = _resources_page(open_page)
    page.select_resource(gui_office.desk(1).id)
    dialog = page.edit_selected()
    assert dialog is not None
    assert dialog.name_edit.text() == "Plats 1"
    dialog.name_edit.setText("Plats 2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "Det finns redan en plats eller ett rum som heter Plats 2" in dialog.error_label.text()
    assert gui_office.services.office.resources()[0].name == "Plats 1"


def test_deactivate_and_activate_a_desk(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = _resources_page(open_page)
    desk = gui_office.desk(3)
    page.select_resource(desk.id)
    assert page.active_button.text() == "&Inaktivera"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert not gui_office.services.office.resource_by_name("Plats 3").active
    assert page.selected() is not None and not page.selected().active  # type: ignore[union-attr]
    assert page.active_button.text() == "&Aktivera"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert gui_office.services.office.resource_by_name("Plats 3").active


def test_drag_a_desk_on_the_plan_and_save(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = _resources_page(open_page)
    desk = gui_office.desk(1)
    item = page.plan.item(desk.id)
    assert item is not None and (item.pos().x(), item.pos().y()) == (desk.x, desk.y)
    viewport = page.plan.viewport()
    start = page.plan.mapFromScene(item.pos())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + QPoint(step * 12, step * 8))
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(60, 40)
    )
    moved = page.plan.pending()
    assert desk.id in moved
    x, y = moved[desk.id]
    assert (x, y) != (desk.x, desk.y)
    assert x % 10 == 0 and y % 10 == 0  # snapped to 10 cm
    assert "1 flyttade, inte sparade" in page.plan_status.text()
    qtbot.mouseClick(page.save_plan_button, Qt.MouseButton.LeftButton)
    wait_idle()
    saved = gui_office.services.office.resource_by_name("Plats 1")
    assert (saved.x, saved.y) == (x, y)
    assert page.plan.pending() == {}
    assert page.plan_status.text() == "Placeringen är sparad"


def test_arrow_keys_move_the_selected_desk(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = _resources_page(open_page)
    desk = gui_office.desk(2)
    page.select_resource(desk.id)
    page.plan.setFocus()
    QTest.keyClick(page.plan, Qt.Key.Key_Right)
    QTest.keyClick(page.plan, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert page.plan.pending() == {desk.id: (desk.x + 10, desk.y + 50)}
    page.refresh()  # a reload (a booking made elsewhere) keeps the unsaved move
    wait_idle()
    assert page.plan.pending() == {desk.id: (desk.x + 10, desk.y + 50)}
    qtbot.mouseClick(page.undo_plan_button, Qt.MouseButton.LeftButton)
    assert page.plan.pending() == {}


def test_resources_model(qtmodeltester: ModelTester, gui_office: Office) -> None:
    model = ResourcesModel("sv")
    model.set_resources(gui_office.services.office.resources(include_inactive=True))
    qtmodeltester.check(model)
    assert model.rowCount() == 9
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Namn"


# --- people and roles -----------------------------------------------------------------------------
def _people_page(open_page: OpenPage) -> PeoplePage:
    page = open_page("people")
    assert isinstance(page, PeoplePage)
    return page


def test_add_a_person_and_make_them_receptionist(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = _people_page(open_page)
    assert page.proxy.rowCount() == 5
    dialog = page.new_person()
    dialog.name_edit.setText("Doris Dahl")
    dialog.email_edit.setText("doris.dahl@vannas.se")
    dialog.municipality_combo.setCurrentIndex(dialog.municipality_combo.findText("Vännäs"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    doris = gui_office.services.office.person_by_email("doris.dahl@vannas.se")
    assert (doris.municipality_code, doris.role) == ("vannas", Role.USER)
    assert page.proxy.rowCount() == 6
    page.filter_edit.setText("vännäs")
    assert page.proxy.rowCount() == 1
    assert page.count_label.text() == "1 av 6"
    assert page.selected() is not None and page.selected().id == doris.id  # type: ignore[union-attr]
    page.role_combo.setCurrentIndex(page.role_combo.findText("Receptionist"))
    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert gui_office.services.office.person(doris.id).role is Role.RECEPTIONIST
    assert page.proxy.index(0, 4).data() == "receptionist"


def test_a_new_person_with_a_taken_email_shows_the_error(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    dialog = _people_page(open_page).new_person()
    dialog.name_edit.setText("Anna Igen")
    dialog.email_edit.setText("anna.andersson@umea.se")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "Det finns redan en person med e-postadressen anna.andersson@umea.se." in dialog.error_label.text()


def test_the_last_admin_cannot_be_demoted(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = _people_page(open_page)
    page.select_person(gui_office.admin.id)
    assert page.role_combo.currentText() == "Administratör"
    page.role_combo.setCurrentIndex(page.role_combo.findText("Användare"))
    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)
    wait_idle()
    texts = [box.text() for box in error_boxes()]
    assert any("ta bort den sista administratören (utse först en ny)" in t for t in texts), texts
    assert gui_office.services.office.person(gui_office.admin.id).role is Role.ADMIN
    for box in error_boxes():
        box.close()


def test_deactivate_a_person(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = _people_page(open_page)
    page.select_person(gui_office.cecilia.id)
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert not gui_office.services.office.person(gui_office.cecilia.id).active
    assert page.active_button.text() == "&Aktivera"


def test_people_models(qtmodeltester: ModelTester, gui_office: Office) -> None:
    model = PeopleModel("sv")
    model.set_people(gui_office.services.office.people(include_inactive=True))
    qtmodeltester.check(model)
    proxy = PeopleFilter(model)
    proxy.setFilterFixedString("politiker")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1 and proxy.person(0) == gui_office.bertil


# --- closures -------------------------------------------------------------------------------------
def test_add_and_remove_a_closure(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = open_page("closures")
    assert isinstance(page, ClosuresPage)
    assert page.model.rowCount() == 0 and page.empty_label.isVisible()
    holidays = [page.holidays.item(i).text() for i in range(page.holidays.count())]
    assert "fre 25 dec 2026 – Juldagen" in holidays
    assert "tors 24 dec 2026 – Julafton" in holidays
    dialog = page.new_closure()
    assert dialog.from_edit.calendarPopup()
    assert dialog.from_edit.date() == QDate(2026, 11, 23)  # today
    dialog.from_edit.setDate(QDate(2026, 12, 1))
    assert dialog.to_edit.date() == QDate(2026, 12, 1)
    dialog.to_edit.setDate(QDate(2026, 12, 2))
    dialog.reason_edit.setText("Renovering")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    calendar = gui_office.services.occupancy.calendar()
    reason = calendar.closed_reason(date(2026, 12, 2))
    assert reason is not None and reason.name == "Renovering"
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "tis 1 dec 2026"
    page.table.selectRow(0)
    box = page.remove_selected()
    assert box is not None and "Renovering" in box.text()
    qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.MouseButton.LeftButton)
    wait_idle()
    assert gui_office.services.office.closures() == []
    assert gui_office.services.occupancy.calendar().is_open(date(2026, 12, 2))
    assert page.model.rowCount() == 0


def test_a_closure_ending_before_it_starts_is_refused(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = open_page("closures")
    assert isinstance(page, ClosuresPage)
    dialog = page.new_closure()
    dialog.from_edit.setDate(QDate(2026, 12, 3))
    dialog.to_edit.setDate(QDate(2026, 12, 1))
    dialog.reason_edit.setText("Fel")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "stängningens datum (första dagen före sista)" in dialog.error_label.text()
    assert gui_office.services.office.closures() == []


def test_closures_model(qtmodeltester: ModelTester) -> None:
    model = ClosuresModel("sv")
    model.set_closures([ClosureView(1, date(2026, 12, 1), date(2026, 12, 2), "Renovering")])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "ons 2 dec 2026"


# --- booking rules --------------------------------------------------------------------------------
def _rules_page(open_page: OpenPage) -> RulesPage:
    page = open_page("rules")
    assert isinstance(page, RulesPage)
    return page


def test_change_the_max_participants_rule(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = _rules_page(open_page)
    assert page.spins["max_participants"].value() == 12
    assert not page.save_button.isEnabled()
    page.spins["max_participants"].setValue(8)
    assert page.save_button.isEnabled()
    page.refresh()  # a reload does not overwrite unsaved edits
    wait_idle()
    assert page.spins["max_participants"].value() == 8
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert gui_office.services.office.policy().max_participants == 8
    assert page.status_label.text() == "Reglerna är sparade"
    assert not page.error_label.isVisible()


def test_an_invalid_rule_is_refused_and_nothing_is_saved(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = _rules_page(open_page)
    page.spins["max_participants"].setValue(6)
    page.spins["room_min_minutes"].setValue(600)  # longer than the longest (540)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert page.error_label.text() == "Ogiltigt värde för kortaste rumsbokning i minuter: 600."
    policy = gui_office.services.office.policy()
    assert (policy.max_participants, policy.room_min_minutes) == (12, 30)
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert page.spins["room_min_minutes"].value() == 30
    assert not page.dirty


def test_opening_hours_per_weekday(
    qtbot: QtBot, open_page: OpenPage, gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = _rules_page(open_page)
    assert page.open_checks[0].isChecked() and not page.open_checks[5].isChecked()
    page.open_checks[5].setChecked(True)
    page.opens_edits[5].setTime(QTime(9, 0))
    page.closes_edits[5].setTime(QTime(13, 0))
    page.closes_edits[4].setTime(QTime(7, 0))  # Friday closes before it opens
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "öppettid (öppnar före stängning): 08:00-07:00" in page.error_label.text()
    assert gui_office.services.office.policy().week[5] is None
    page.closes_edits[4].setTime(QTime(16, 0))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    week = gui_office.services.office.policy().week
    assert week[5] is not None and (week[5].opens, week[5].closes) == (time(9, 0), time(13, 0))
    assert week[4] is not None and week[4].closes == time(16, 0)
