""" "Om Satellitkontoret" under Hjälp: the version, the database in use, where the log file is,
and a "Kopiera" that puts those facts on the clipboard for an e-mail to IT."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from satellitkontor import logs
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.about_dialog import AboutDialog
from satellitkontor.gui.main_window import MainWindow
from satellitkontor.gui.settings import AppSettings

VERSION = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))[
    "project"
]["version"]


def _about(qtbot: QtBot, ctx: AppContext) -> AboutDialog:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    help_menu = window.menuBar().actions()[-1]
    assert help_menu.text() == "&Hjälp"
    about = window.findChild(QAction, "aboutAction")
    assert about.text() == "&Om Satellitkontoret"
    about.trigger()
    qtbot.waitUntil(
        lambda: any(isinstance(w, AboutDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible())
    assert dialog.windowTitle() == "Om Satellitkontoret"
    return dialog


def test_about_shows_version_database_and_log_file(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], tmp_path: Path
) -> None:
    log_file = logs.setup(tmp_path / "logs")
    try:
        ctx = make_ctx()
        dialog = _about(qtbot, ctx)
        shown = {name: label.text() for name, label in dialog.fact_labels.items()}
        assert shown["Version"] == VERSION
        assert shown["Databas"] == ctx.svc.db.describe()
        assert shown["Databas"].endswith("office.sqlite3")
        assert shown["Loggfil"] == str(log_file)
        assert shown["Licens"] == "EUPL-1.2"
        assert shown["Qt"].startswith("6.")
        assert "Satellitkontoret" in dialog.findChild(QLabel, "aboutTitle").text()

        dialog.copy_button.click()
        copied = QGuiApplication.clipboard().text()
        assert copied.startswith(f"Satellitkontoret {VERSION}\n")
        assert f"Databas: {ctx.svc.db.describe()}\n" in copied
        assert f"Loggfil: {log_file}\n" in copied
    finally:
        logs.shutdown()


def test_about_opens_when_the_database_could_not_be_reached(
    qtbot: QtBot, tmp_path: Path, app_settings: AppSettings
) -> None:
    """Support needs the facts most when nothing works: no database call, no password shown."""
    ctx = AppContext(app_settings, "sv", "postgresql+psycopg://bokning:hemligt@db.umea.se/satellitkontor")
    dialog = _about(qtbot, ctx)
    shown = dialog.fact_labels["Databas"].text()
    assert shown == "postgresql+psycopg://bokning:***@db.umea.se/satellitkontor (inte öppnad)"
    assert "hemligt" not in dialog.facts_text()


def test_about_in_english(qtbot: QtBot, make_ctx: Callable[..., AppContext]) -> None:
    ctx = make_ctx(lang="en")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.menuBar().actions()[-1].text() == "&Help"
    dialog = window.show_about()
    assert dialog.windowTitle() == "About Satellitkontoret"
    assert {"Database", "Log file", "Licence"} <= set(dialog.fact_labels)
    dialog.close()
