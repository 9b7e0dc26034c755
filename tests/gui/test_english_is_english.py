"""In English the app speaks English: holiday names, the About dialog's privacy section and the
window title (which Qt builds from the title and the application's display name)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGroupBox
from pytestqt.qtbot import QtBot

from satellitkontor.domain.office_calendar import ClosedKind, ClosedReason, OfficeCalendar
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.main_window import MainWindow
from satellitkontor.words.texts import closed_name
from tests.conftest import Office


def test_closed_days_are_named_in_english() -> None:
    calendar = OfficeCalendar()
    names = {
        day: closed_name(reason, "en")
        for day in (date(2026, 12, 24), date(2026, 12, 25), date(2026, 6, 19), date(2026, 12, 26))
        if (reason := calendar.closed_reason(day)) is not None
    }
    assert names[date(2026, 12, 24)] == "Christmas Eve"
    assert names[date(2026, 12, 25)] == "Christmas Day"
    assert names[date(2026, 6, 19)] == "Midsummer Eve"
    assert (
        closed_name(ClosedReason(ClosedKind.CLOSURE, "Personaldag"), "en") == "Personaldag"
    )  # an admin's words
    assert closed_name(calendar.closed_reason(date(2026, 12, 24)), "sv") == "Julafton"  # type: ignore[arg-type]


def test_about_dialog_in_english_has_no_swedish_heading(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    window = MainWindow(make_ctx(gui_office.anna, "en"))
    qtbot.addWidget(window)
    about = window.show_about()
    titles = [box.title() for box in about.findChildren(QGroupBox)]
    assert "Processing of personal data" in titles
    assert not any("Behandling" in t for t in titles)
    about.done(0)


def test_window_title_says_the_name_once_in_the_windows_language(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    window = MainWindow(make_ctx(gui_office.anna, "en"))
    qtbot.addWidget(window)
    assert "Satellitkontoret" not in window.windowTitle()
    assert QGuiApplication.applicationDisplayName() == window.windowTitle()


def test_texts_of_the_app_itself_are_translated() -> None:
    """The app's own messages ("Databas: …", the demo offer) were filed by lupdate under a
    context "self.window" that Qt never asks for, and showed in Swedish in the English app."""
    from satellitkontor.gui import i18n

    source = (resource_path_of_app()).read_text(encoding="utf-8")
    assert "self.window.tr(" not in source
    i18n.install("en")
    try:
        from PySide6.QtCore import QCoreApplication

        assert QCoreApplication.translate("DesktopApp", "Databas: {where}") == "Database: {where}"
    finally:
        i18n.install("sv")


def resource_path_of_app():  # type: ignore[no-untyped-def]
    from pathlib import Path

    import satellitkontor.gui.app as app

    return Path(app.__file__)


def test_every_translation_context_is_a_class_qt_asks_for() -> None:
    """lupdate names a context after what tr() is called on; ``section.tr`` or ``self.window.tr``
    outside the class gave contexts ("section", "self.window") that are never looked up."""
    import xml.etree.ElementTree as ET

    from satellitkontor.resources_data import resource_path

    root = ET.parse(resource_path("translations", "satellitkontor_en.ts")).getroot()
    odd = [name for ctx in root.iter("context") if not (name := ctx.findtext("name") or "")[:1].isupper()]
    assert odd == []
