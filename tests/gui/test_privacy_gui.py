"""Personal data in the app: what a user and the receptionist see, the admin's Personuppgifter page
(who sees names, retention with a dry run first), erasing a person from Personer och roller,
"Mina uppgifter…" and the record of processing under "Om Satellitkontoret"."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.about_dialog import AboutDialog
from satellitkontor.gui.dialogs.erase_person_dialog import ErasePersonDialog
from satellitkontor.gui.dialogs.my_data_dialog import MyDataDialog
from satellitkontor.gui.dialogs.privacy_notice import PrivacyNoticeDialog
from satellitkontor.gui.models.desk_day_model import COL_MORNING
from satellitkontor.gui.views.admin.people_page import PeoplePage
from satellitkontor.gui.views.admin.privacy_page import PrivacyPage
from satellitkontor.gui.views.admin_view import AdminView
from satellitkontor.gui.views.book_view import BookView
from satellitkontor.gui.views.my_bookings_view import MyBookingsView
from satellitkontor.gui.views.room_view import RoomView
from satellitkontor.storage.models import AuditRow, PersonRow
from tests.conftest import MONDAY, Office
from tests.privacy_history import DORA_NAME, OLD_ROOM_TITLE, database_text, make_history

Idle = Callable[[], None]


def _book_view(qtbot: QtBot, ctx: AppContext) -> BookView:
    view = BookView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    return view


def _admin_page(qtbot: QtBot, ctx: AppContext, key: str, wait_idle: Idle) -> QWidget:
    view = AdminView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    page = view.pages[key]
    view.tabs.setCurrentWidget(page)
    wait_idle()
    return page


def _morning_text(view: BookView, desk: int) -> str:
    return str(view.model.index(desk - 1, COL_MORNING).data())


def test_a_user_sees_the_municipality_the_receptionist_the_name(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    o = gui_office
    o.services.booking.book_desk(o.bertil.id, o.desk(2).id, MONDAY, DeskPeriod.FULL_DAY)
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)

    user = _book_view(qtbot, make_ctx(o.anna))
    assert _morning_text(user, 2) == "Upptagen – Vindeln"
    assert _morning_text(user, 1) == "Min bokning"  # her own
    assert "Bertil" not in user.plan.desk_item("Plats 2").toolTip()

    staff = _book_view(qtbot, make_ctx(o.reception))
    assert _morning_text(staff, 2) == "Upptagen – Bertil Öberg (Vindeln)"


def test_the_admin_lets_users_see_names_and_their_views_follow(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    o = gui_office
    o.services.booking.book_desk(o.bertil.id, o.desk(2).id, MONDAY, DeskPeriod.FULL_DAY)
    o.services.booking.book_room(
        o.bertil.id, o.room.id, clk.local(MONDAY, time(9)), clk.local(MONDAY, time(10)), 3, "Budgetmöte"
    )
    user_ctx = make_ctx(o.cecilia)
    user = _book_view(qtbot, user_ctx)
    page = _admin_page(qtbot, make_ctx(o.admin), "privacy", wait_idle)
    assert isinstance(page, PrivacyPage)
    assert not page.names_check.isChecked() and not page.save_button.isEnabled()
    assert page.names_check.text() == "Visa &namn för alla användare (annars bara kommun)"

    page.names_check.setChecked(True)
    assert page.save_button.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle()

    assert o.services.privacy.settings().names_to_users is True
    assert page.status_label.text() == "Inställningarna är sparade"
    with qtbot.waitSignal(user.data_loaded, timeout=5000):
        user_ctx.notify_changed()
    assert _morning_text(user, 2) == "Upptagen – Bertil Öberg (Vindeln)"
    room = RoomView(user_ctx)
    qtbot.addWidget(room)
    room.resize(1100, 720)
    with qtbot.waitSignal(room.data_loaded, timeout=5000):
        room.show()
    assert not room.table.isColumnHidden(5)
    assert room.model.title_text(room.model.booking(0)) == "Budgetmöte"


def test_retention_settings_are_saved_and_each_writes_its_audit_entry(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    page = _admin_page(qtbot, make_ctx(gui_office.admin), "privacy", wait_idle)
    assert isinstance(page, PrivacyPage)
    assert page.months_spin.value() == 13 and page.months_spin.minimum() == 12
    page.months_spin.setValue(24)
    page.on_start_check.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    settings = gui_office.services.privacy.settings()
    assert (settings.retention_months, settings.retention_on_start) == (24, True)
    with gui_office.services.db.session() as s:
        actions = s.scalars(select(AuditRow.action).where(AuditRow.entity == "settings")).all()
    assert actions == ["settings.retention"]


def test_removing_old_personal_data_shows_a_dry_run_first_and_asks(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    make_history(gui_office, MONDAY)
    page = _admin_page(qtbot, make_ctx(gui_office.admin), "privacy", wait_idle)
    assert isinstance(page, PrivacyPage)

    with qtbot.waitSignal(page.retention_previewed, timeout=5000):
        qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    box = page.confirm_box
    assert box is not None and box.isVisible()
    assert "ons 1 okt 2025" in box.text() and "Det går inte att ångra." in box.text()
    assert "Personer som tas bort: 1" in box.informativeText()
    assert "Månader: 2025-03, 2025-08" in box.informativeText()
    assert DORA_NAME in database_text(gui_office)  # nothing happened yet

    with qtbot.waitSignal(page.retention_done, timeout=10_000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    text = database_text(gui_office)
    assert DORA_NAME not in text and OLD_ROOM_TITLE not in text
    assert page.status_label.text().startswith("Rensat. Statistiken är oförändrad.")


def test_cancelling_the_question_removes_nothing(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    make_history(gui_office, MONDAY)
    page = _admin_page(qtbot, make_ctx(gui_office.admin), "privacy", wait_idle)
    assert isinstance(page, PrivacyPage)
    with qtbot.waitSignal(page.retention_previewed, timeout=5000):
        page.preview_retention()
    assert page.confirm_box is not None
    page.confirm_box.button(QMessageBox.StandardButton.No).click()
    wait_idle()
    assert DORA_NAME in database_text(gui_office)


def test_erasing_a_person_needs_their_email_typed(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle
) -> None:
    o = gui_office
    o.services.booking.book_desk(o.bertil.id, o.desk(2).id, MONDAY, DeskPeriod.FULL_DAY)
    page = _admin_page(qtbot, make_ctx(o.admin), "people", wait_idle)
    assert isinstance(page, PeoplePage)
    page.select_person(o.admin.id)
    assert not page.erase_button.isEnabled()  # not oneself
    page.select_person(o.bertil.id)
    assert page.erase_button.isEnabled() and page.erase_button.text() == "Radera &personuppgifter…"

    dialog = page.erase_selected()
    assert isinstance(dialog, ErasePersonDialog) and dialog.isVisible()
    assert "Det går inte att ångra." in dialog.explanation.text()
    assert not dialog.erase_button.isEnabled()
    qtbot.keyClicks(dialog.confirm_edit, "anna.andersson@umea.se")
    assert not dialog.erase_button.isEnabled()
    dialog.confirm_edit.clear()
    qtbot.keyClicks(dialog.confirm_edit, o.bertil.email)
    assert dialog.erase_button.isEnabled()
    with qtbot.waitSignal(dialog.erased, timeout=10_000):
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    wait_idle()
    with o.services.db.session() as s:
        assert s.get(PersonRow, o.bertil.id) is None
    assert "Bertil Öberg" not in database_text(o)
    assert page.model.row_of(o.bertil.id) < 0 and page.proxy.rowCount() == 4


def test_my_data_saves_my_bookings_in_a_new_folder(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Idle, tmp_path: Path
) -> None:
    o = gui_office
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    o.services.booking.book_desk(o.bertil.id, o.desk(2).id, MONDAY, DeskPeriod.FULL_DAY)
    view = MyBookingsView(make_ctx(o.anna))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    assert view.my_data_button.text() == "Mina &uppgifter…"
    qtbot.mouseClick(view.my_data_button, Qt.MouseButton.LeftButton)
    dialog = view.my_data_dialog
    assert isinstance(dialog, MyDataDialog) and dialog.isVisible()
    out = tmp_path / "val"
    out.mkdir()

    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.export_to(out)

    (folder,) = out.iterdir()
    data = json.loads((folder / "personuppgifter.json").read_text(encoding="utf-8"))
    assert [b["resource"] for b in data["bookings"]] == ["Plats 1"]
    assert "Bertil" not in (folder / "personuppgifter.json").read_text(encoding="utf-8")
    assert str(folder) in dialog.result_label.text() and "1 bokningar" in dialog.result_label.text()
    assert dialog.open_button.isEnabled()


def test_about_shows_the_record_of_processing(qtbot: QtBot, make_ctx: Callable[..., AppContext]) -> None:
    about = AboutDialog(make_ctx())
    qtbot.addWidget(about)
    about.show()
    section = about.privacy_section
    assert section.isVisible()
    assert section.button.text() == "Visa &information om personuppgifter…"
    dialog = section.open_notice()
    assert isinstance(dialog, PrivacyNoticeDialog) and dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "Behandling av personuppgifter i Satellitkontoret" in text
    for words in (
        "uppgift av allmänt intresse",
        "13 månader",
        "Mina uppgifter",
        "Receptionister och administratörer",
    ):
        assert words in text
    dialog.close()
    english = PrivacyNoticeDialog("en")
    qtbot.addWidget(english)
    assert "task carried out in the public interest" in english.browser.toPlainText()
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, PrivacyNoticeDialog) and w.isVisible()
    ]
