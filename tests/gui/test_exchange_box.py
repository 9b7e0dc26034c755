"""The Exchange box on the page Kalendrar as an admin meets it: settings saved (the password to the
keyring only), "Testa anslutningen" saying what is wrong, "Synka nu" and the status, all against
the fake EWS server over HTTP, the work off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.views.admin.exchange_box import ExchangeBox
from satellitkontor.gui.views.admin.integrations_page import IntegrationsPage
from tests.conftest import Office
from tests.integrations.exchange.conftest import PASSWORD, SERVICE, USER
from tests.integrations.exchange.fake_ews import FakeEws
from tests.integrations.exchange.sync_helpers import ANNA, ROOM_MAILBOX, fake_store, local


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.delenv("SATELLITKONTOR_EWS_PASSWORD", raising=False)
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def server() -> Iterator[FakeEws]:
    with FakeEws(fake_store(), users={USER: (PASSWORD, SERVICE)}) as fake:
        yield fake


def _fill(qtbot: QtBot, box: ExchangeBox, url: str, password: str) -> None:
    box.enabled_check.setChecked(True)
    box.server_edit.setText(url)
    box.account_edit.setText(SERVICE)
    box.username_edit.setText(USER)
    box.password_edit.setText(password)
    box.mailboxes_edit.setPlainText(f"Konferensrummet={ROOM_MAILBOX}")


def test_save_test_and_sync_now(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    wait_idle: Callable[[], None],
    memory_keyring: MemoryKeyring,
    server: FakeEws,
    tmp_path: Path,
) -> None:
    ctx = make_ctx(gui_office.admin)
    page = IntegrationsPage(ctx)
    qtbot.addWidget(page)
    box = page.exchange_box
    page.refresh()
    wait_idle()
    assert box.title() == "Exchange / Outlook" and box.test_button.isEnabled()

    # A wrong password: the test says so in words, under the buttons.
    _fill(qtbot, box, server.url, "fel")
    config = box.current_config()
    from dataclasses import replace

    box.config = replace(config, auth="basic", timeout=1.5, max_wait=1.5)
    qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.test_button.isEnabled(), timeout=10_000)
    assert "godtar inte inloggningen för svc" in box.message_label.text()

    box.password_edit.setText(PASSWORD)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "sparades" in box.message_label.text(), timeout=10_000)
    assert box.password_edit.text() == ""
    assert memory_keyring.items == {("satellitkontor", USER): PASSWORD}
    saved = gui_office.services.exchange.config()
    assert (
        saved.enabled and saved.url == server.url and saved.mailboxes == (("Konferensrummet", ROOM_MAILBOX),)
    )

    qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.test_button.isEnabled(), timeout=10_000)
    assert box.message_label.text() == "Anslutningen fungerar."

    o = gui_office
    o.services.booking.book_room(o.anna.id, o.room.id, local(9), local(10), 4, "Planering")
    page.refresh()
    wait_idle()
    assert "Inte i Outlook än: 1" in box.status_label.text()
    qtbot.mouseClick(box.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.sync_button.isEnabled(), timeout=15_000)
    assert box.message_label.text() == "Synkningen är klar."
    assert "Inget väntar" in box.status_label.text()
    assert len(server.store.events(ANNA)) == 1

    # The password is in the keyring only: not in the database, the settings file or the logs.
    import os

    places = [tmp_path, Path(os.environ["SATELLITKONTOR_LOG_DIR"])]
    files = [p for place in places for p in place.rglob("*") if p.is_file()]
    assert any(p.suffix == ".sqlite3" for p in files)
    assert [str(p) for p in files if PASSWORD.encode() in p.read_bytes()] == []


def test_the_box_lists_what_outlook_could_not_give_and_the_conflicts(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    wait_idle: Callable[[], None],
    memory_keyring: MemoryKeyring,
    server: FakeEws,
) -> None:
    from dataclasses import replace

    from tests.integrations.exchange.sync_helpers import BERTIL, config_for

    o = gui_office
    sync = o.services.exchange
    config = replace(config_for(server.url), mailboxes=(("Konferensrummet", ROOM_MAILBOX),))
    sync.save_config(o.admin.id, config)
    server.store.create(ROOM_MAILBOX, "Nollmöte", local(11), local(11), organizer=BERTIL)
    meeting = server.store.create(ROOM_MAILBOX, "Styrgrupp", local(13), local(14), organizer=BERTIL)
    o.services.booking.book_room(o.anna.id, o.room.id, local(9), local(10), 4, "Planering")
    from satellitkontor.services.exchange.config import make_backend

    backend = make_backend(config, PASSWORD)
    try:
        sync.run(backend)
        server.store.move(ROOM_MAILBOX, meeting.id, local(9), local(10))  # onto Anna's booking
        sync.run(backend)
    finally:
        backend.close()

    page = IntegrationsPage(make_ctx(o.admin))
    qtbot.addWidget(page)
    page.refresh()
    wait_idle()
    text = page.exchange_box.status_label.text()
    assert "Möten i Outlook som inte kunde tas in: 1" in text and "Nollmöte" in text
    assert "Krockar med Outlook där appens bokning gällde: 1" in text and "«Styrgrupp»" in text


def test_the_box_names_a_mailbox_out_of_reach_until_the_admin_removes_the_notice(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    wait_idle: Callable[[], None],
    memory_keyring: MemoryKeyring,
    server: FakeEws,
) -> None:
    from dataclasses import replace

    from satellitkontor.services.exchange.config import make_backend
    from tests.integrations.exchange.sync_helpers import config_for

    o = gui_office
    sync = o.services.exchange
    config = replace(config_for(server.url), mailboxes=(("Konferensrummet", ROOM_MAILBOX),))
    sync.save_config(o.admin.id, config)
    o.services.booking.book_room(o.cecilia.id, o.room.id, local(9), local(10), 4, "Samverkan")
    backend = make_backend(config, PASSWORD)
    try:
        sync.run(backend)
    finally:
        backend.close()
    assert sync.status().pending == 0  # pushed from the office's mailbox

    page = IntegrationsPage(make_ctx(o.admin))
    qtbot.addWidget(page)
    page.show()
    box = page.exchange_box
    page.refresh()
    wait_idle()
    text = box.status_label.text()
    assert "Postlådor kontot inte når (mötena skickas från kontorets postlåda): 1" in text
    assert "når inte postlådan cecilia.ek@ornskoldsvik.se" in text
    assert box.dismiss_button.isVisible()
    qtbot.mouseClick(box.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cecilia.ek@" not in box.status_label.text(), timeout=10_000)
    assert not box.dismiss_button.isVisible()
