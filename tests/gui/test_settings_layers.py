"""The app's settings over IT's machine-wide file: the machine's language, database and Exchange
apply until the user sets their own, and what the app writes the command line reads alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from satellitkontor import machine_settings as ms
from satellitkontor.gui import i18n
from satellitkontor.gui.app import DesktopApp
from satellitkontor.gui.settings import AppSettings
from satellitkontor.storage.locations import resolve_url, sqlite_url
from tests.conftest import MovableClock

SHARED = "postgresql+psycopg://bokning@db.umea.se/satellitkontor"
MACHINE = f"""; written by IT for every PC of the office
[database]
url = {SHARED}

[ui]
language = en

[exchange]
backend = graph
graph_tenant = umea.onmicrosoft.com
"""


@pytest.fixture
def machine_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "etc" / "satellitkontor.ini"
    path.parent.mkdir()
    path.write_text(MACHINE, encoding="utf-8")
    monkeypatch.setenv(ms.ENV_SYSTEM_CONFIG, str(path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("SATELLITKONTOR_DB_URL", raising=False)
    return path


def test_the_machine_file_applies_until_the_user_sets_their_own(machine_file: Path) -> None:
    settings = AppSettings.default()
    assert settings.path == ms.user_settings_path()
    assert settings.machine.path == machine_file
    assert settings.language == "en"
    assert settings.database_url == SHARED
    assert settings.exchange == ms.ExchangeEndpoint("graph", None, "umea.onmicrosoft.com", None)

    settings.language = "sv"  # Språk → Svenska in the menu
    own = "sqlite+pysqlite:////home/anna/prov.sqlite3"
    settings.database_url = own
    settings.store.setValue(ms.EXCHANGE_BACKEND, "ews")
    settings.sync()
    again = AppSettings.default()  # the next start
    assert again.language == "sv"
    assert again.database_url == own
    assert again.exchange.backend == "ews" and again.exchange.graph_tenant == "umea.onmicrosoft.com"

    again.database_url = None  # cleared: the machine's shows through
    again.sync()
    assert AppSettings.default().database_url == SHARED


def test_what_the_app_writes_the_command_line_reads_alike(machine_file: Path) -> None:
    settings = AppSettings.default()
    tricky = "postgresql+psycopg://anna@db.umea.se/prov?sslmode=require&application_name=reception, Umeå"
    settings.database_url = tricky  # QSettings quotes it (",", "=") and keeps "å" as UTF-8
    settings.language = "sv"
    settings.sync()
    assert resolve_url() == tricky  # the CLI's way, without Qt
    assert ms.read_user_settings()[ms.LANGUAGE] == "sv"
    assert resolve_url("sqlite+pysqlite:////tmp/given.sqlite3") == "sqlite+pysqlite:////tmp/given.sqlite3"


def test_the_user_file_is_the_one_qt_would_choose(tmp_path: Path) -> None:
    """gui/settings.py opens machine_settings.user_settings_path(): the same file QSettings uses
    by itself, so settings from before this change are still found."""
    qt_default = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ms.ORGANISATION, ms.APPLICATION
    )
    assert Path(qt_default.fileName()) == ms.user_settings_path()


def test_the_app_starts_in_the_machines_language_until_the_user_chooses(
    qtbot: QtBot, machine_file: Path, tmp_path: Path, clock: MovableClock
) -> None:
    db = sqlite_url(tmp_path / "office.sqlite3")
    first = DesktopApp(AppSettings.default(), db, clock=clock)
    try:
        assert first.ctx.lang == "en"
        first.change_language("sv")
        assert first.ctx.lang == "sv"
    finally:
        first.window.close()
        first.ctx.close()
    second = DesktopApp(AppSettings.default(), db, clock=clock)
    try:
        assert second.ctx.lang == "sv"  # the user's choice wins over the machine's English
    finally:
        second.window.close()
        second.ctx.close()
        i18n.install("sv")
