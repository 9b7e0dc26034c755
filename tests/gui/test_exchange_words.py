"""Exchange in words a person can act on: a connection test with empty fields names the fields to
fill in (it said "Något gick fel: ValueError"), and with sync off the status says it is off and
how to turn it on (it said "Inget väntar: allt finns i Outlook.")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.views.admin.integrations_page import IntegrationsPage
from tests.conftest import Office


def test_empty_fields_are_named_and_sync_off_is_said(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    page = IntegrationsPage(make_ctx(gui_office.admin))
    qtbot.addWidget(page)
    box = page.exchange_box
    page.refresh()
    wait_idle()
    assert not box.enabled_check.isChecked()
    assert "Synkningen är avstängd" in box.status_label.text()
    assert "Inget väntar" not in box.status_label.text()

    box.account_edit.clear()
    box.username_edit.clear()
    qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
    wait_idle()
    text = box.message_label.text()
    assert text.startswith("Fyll i Tjänstekonto (postlåda), Användarnamn")
    assert "ValueError" not in text and "gick fel" not in text
