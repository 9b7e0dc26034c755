"""Help in the app: F1 opens a short guide to the view one is in, in the app's language, with the
keyboard shortcuts; the first-start tour has four steps and can be skipped, and is shown once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.help_dialog import HelpDialog
from satellitkontor.gui.main_window import VIEWS, MainWindow
from satellitkontor.resources_data import resource_path
from tests.conftest import Office


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_view_has_a_guide_in_both_languages(lang: str) -> None:
    for spec in VIEWS:
        text = resource_path("help", f"{spec.key}_{lang}.md").read_text(encoding="utf-8")
        assert text.startswith("# ") and len(text) > 120


def test_f1_opens_the_guide_to_the_view_shown(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    window = MainWindow(make_ctx(gui_office.anna))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_view("mine")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Mina bokningar" in dialog.text()
    assert "Kortkommandon" in dialog.text() and "Ctrl+P" in dialog.text()
    dialog.reject()


def test_help_in_english(qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office) -> None:
    window = MainWindow(make_ctx(gui_office.anna, "en"))
    qtbot.addWidget(window)
    dialog = window.show_help()
    assert "Book a desk" in dialog.text() and "Keyboard shortcuts" in dialog.text()
    dialog.reject()


def test_the_tour_has_four_steps_can_be_skipped_and_is_remembered(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    ctx = make_ctx(gui_office.anna)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert not ctx.settings.tour_seen
    tour = window.show_tour()
    assert tour.pages.count() == 4
    tour.next_button.click()
    assert tour.step() == 1
    tour.skip_button.click()
    assert not tour.isVisible()
    assert ctx.settings.tour_seen
    again = window.show_tour()
    for _ in range(4):
        again.next_button.click()
    assert not again.isVisible()
