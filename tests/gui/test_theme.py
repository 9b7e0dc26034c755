"""The app's look: every text colour of both palettes on every background it is drawn on has at
least 4.5:1 contrast (WCAG 2.1 AA), "ledig" included; the style is windows11 where Qt has it and
Fusion elsewhere; the navigation shows an icon beside each view's name."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from satellitkontor.gui import theme
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.main_window import MainWindow
from satellitkontor.gui.models.day_desks_model import free_colour
from tests.conftest import Office


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[Callable[[bool], theme.Colours]]:
    old_palette, old_style, old_sheet = qapp.palette(), qapp.style().name(), qapp.styleSheet()
    yield lambda dark: theme.apply(qapp, dark)
    qapp.setStyleSheet(old_sheet)
    qapp.setStyle(old_style)
    qapp.setPalette(old_palette)


@pytest.mark.parametrize("colours", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_every_text_colour_has_aa_contrast(colours: theme.Colours) -> None:
    low = {
        name: round(theme.contrast(fg, bg), 2)
        for name, (fg, bg) in theme.text_pairs(colours).items()
        if theme.contrast(fg, bg) < 4.5
    }
    assert not low


def test_contrast_is_measured_as_wcag_says() -> None:
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast("#6b6b6b", "#f2f2f2") < 4.9  # the old "ledig" grey on a shaded row


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_ledig_has_aa_contrast_on_rows_and_alternate_rows(
    themed: Callable[[bool], theme.Colours], dark: bool
) -> None:
    themed(dark)
    palette = QApplication.palette()
    ledig = free_colour().name()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        assert theme.contrast(ledig, palette.color(role).name()) >= 4.5


def test_style_is_windows11_where_qt_has_it_else_fusion() -> None:
    assert theme.style_name(["Windows", "windowsvista", "windows11", "Fusion"]) == "windows11"
    assert theme.style_name(["Windows", "Fusion"]) == "Fusion"


def test_navigation_shows_an_icon_for_every_view(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    window = MainWindow(make_ctx(gui_office.admin))
    qtbot.addWidget(window)
    assert window.nav.count() == 6
    for i in range(window.nav.count()):
        icon = window.nav.item(i).icon()
        assert not icon.isNull()
        image = icon.pixmap(20, 20).toImage()
        assert any(image.pixelColor(x, y).alpha() > 0 for x in range(20) for y in range(20))
