"""The app's look: every text colour of both palettes on every background it is drawn on has at
least 4.5:1 contrast (WCAG 2.1 AA), "ledig" included; the style is windows11 where Qt has it and
Fusion elsewhere; the navigation shows an icon beside each view's name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint
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


@pytest.mark.parametrize("colours", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_disabled_fields_look_disabled(colours: theme.Colours) -> None:
    """A field that cannot be edited has a background of its own, not the white (or dark) of a
    field one types in, and its text is muted but readable."""
    palette = theme.palette(colours)
    disabled, active = QPalette.ColorGroup.Disabled, QPalette.ColorGroup.Active
    roles = QPalette.ColorRole
    for role in (roles.Base, roles.Button):
        assert palette.color(disabled, role) != palette.color(active, role), role
        assert theme.contrast(palette.color(disabled, role).name(), palette.color(active, role).name()) >= 1.1
    for role in (roles.Text, roles.ButtonText, roles.WindowText):
        assert palette.color(disabled, role) != palette.color(active, role), role
        assert (
            theme.contrast(palette.color(disabled, role).name(), palette.color(disabled, roles.Base).name())
            >= 4.5
        )


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_who_are_you_dialog_greys_the_fields_it_does_not_use(
    qtbot: QtBot,
    themed: Callable[[bool], theme.Colours],
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    dark: bool,
) -> None:
    """With "I am already in the list" chosen, Namn and E-post are disabled: drawn on the palette's
    disabled background, not on the background of a field one can type in."""
    from satellitkontor.gui.dialogs.identity_dialog import IdentityDialog

    c = themed(dark)
    dialog = IdentityDialog(make_ctx(gui_office.admin), gui_office.services.office.people())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.name_edit.isEnabled() and not dialog.email_edit.isEnabled()
    for edit in (dialog.name_edit, dialog.email_edit):
        image = edit.grab().toImage()
        seen = Counter(
            image.pixelColor(x, y).name()
            for x in range(4, image.width() - 4)
            for y in range(4, image.height() - 4)
        )
        inside = seen.most_common(1)[0][0]  # the background, whatever text lies on it
        assert inside == c.disabled, (edit.objectName(), inside)
        assert inside != c.base


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_floor_plan_sits_in_the_palette(
    qtbot: QtBot,
    themed: Callable[[bool], theme.Colours],
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    dark: bool,
) -> None:
    """The plan was light in the dark palette: its floor, a free desk and the words on it are
    drawn in the theme's colours, the words readable on the desk."""
    from tests.gui.test_book_view import desk_point, open_view

    colours = themed(dark)
    view = open_view(qtbot, make_ctx(gui_office.anna))
    image = view.plan.grab().toImage()
    desk = desk_point(view, "Plats 1")
    item = view.plan.desk_item("Plats 1")
    edge = view.plan.mapFromScene(item.sceneBoundingRect().topLeft()) + QPoint(6, 6)  # off the strip
    floor = view.plan.mapFromScene(item.sceneBoundingRect().topLeft()) - QPoint(8, 8)
    assert image.pixelColor(edge).name() == colours.free
    assert image.pixelColor(floor).name() == colours.base
    assert theme.contrast(colours.text, colours.free) >= 4.5
    ink = [
        image.pixelColor(desk.x() + dx, desk.y() + dy).name()
        for dx in range(-40, 40)
        for dy in range(-30, 30)
    ]
    assert any(theme.contrast(pixel, colours.text) < 1.5 for pixel in ink)  # the words in the text colour
