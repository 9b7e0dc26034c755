"""E-mail to the bookers, as the admin and Anna meet it (issue 19): the admin's mail box beside
Exchange (a malformed sender refused at once, in Swedish; "Skicka nu" against a real SMTP server;
the status in words) and Anna's "Aviseringar…" in Mina bokningar."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.views.admin.integrations_page import IntegrationsPage
from satellitkontor.gui.views.my_bookings_view import MyBookingsView
from tests.conftest import MONDAY, Office
from tests.integrations.mail.smtp_server import SmtpServer


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


def test_the_admin_sets_up_mail_and_sends(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    wait_idle: Callable[[], None],
    smtp: SmtpServer,
) -> None:
    o = gui_office
    page = IntegrationsPage(make_ctx(o.admin))
    qtbot.addWidget(page)
    box = page.mail_box
    page.refresh()
    wait_idle()
    assert box.title() == "E-post till de som bokar"
    assert "E-post är avstängt" in box.status_label.text()  # a new office sends nothing

    box.enabled_check.setChecked(True)
    box.sender_edit.setText("satellitkontoret@umea")  # no top-level domain
    box.sender_edit.editingFinished.emit()
    assert box.sender_error.isVisibleTo(box)
    assert "e-postadress" in box.sender_error.text() and "anna.andersson@umea.se" in box.sender_error.text()
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert o.services.notices.config().enabled is False  # nothing stored

    box.sender_edit.setText("satellitkontoret@umea.se")
    box.sender_edit.editingFinished.emit()
    assert not box.sender_error.isVisibleTo(box)
    box.host_edit.setText("127.0.0.1")
    box.port_spin.setValue(smtp.port)
    box.security_combo.setCurrentIndex(box.security_combo.findData("none"))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "sparades" in box.message_label.text(), timeout=10_000)
    config = o.services.notices.config()
    assert (config.enabled, config.sender, config.smtp_port) == (True, "satellitkontoret@umea.se", smtp.port)

    o.services.booking.book_desk(
        o.reception.id, o.desk(2).id, MONDAY + timedelta(days=1), DeskPeriod.FULL_DAY, for_person_id=o.anna.id
    )
    page.refresh()
    wait_idle()
    assert "Väntar på att skickas: 1" in box.status_label.text()
    qtbot.mouseClick(box.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: box.send_button.isEnabled() and "Klart" in box.message_label.text(), timeout=10_000
    )
    assert "Inget väntar" in box.status_label.text() and "Skickade: 1" in box.status_label.text()
    assert [r.recipients for r in smtp.received] == [["anna.andersson@umea.se"]]


def test_anna_chooses_her_notices_in_mina_bokningar(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    o = gui_office
    view = MyBookingsView(make_ctx(o.anna))
    qtbot.addWidget(view)
    assert view.notices_button.text() == "Aviseri&ngar…"
    dialog = view.show_notice_prefs()
    wait_idle()
    assert dialog.combos["reminders"].currentData() is None  # as the office, until she chooses
    assert "påminnelse av" in dialog.office_label.text()
    dialog.combos["reminders"].setCurrentIndex(dialog.combos["reminders"].findData(True))
    dialog.combos["language"].setCurrentIndex(dialog.combos["language"].findData("en"))
    dialog.save()
    wait_idle()
    own, effective = o.services.notices.prefs(o.anna.id)
    assert (own.reminders, own.language, own.confirmations) == (True, "en", None)
    assert effective.reminders is True
    assert view.status_label.text() == "Dina val av aviseringar sparades."
