"""The app's look: one palette (light, or dark when the system is dark), the style, the
navigation icons and a few rules of spacing and focus.

Style: Qt's ``windows11`` where it exists (Windows 11, Qt 6.7+), so the app looks native there;
Fusion elsewhere, with the same palette, so every PC shows the same colours. The palette's text
and background pairs are chosen for WCAG AA (at least 4.5:1, tests/gui/test_theme.py measures
them). Icons are Tabler's outline SVGs (resources/icons/tabler, MIT), drawn in the palette's
text colour so they follow light and dark.

Dark: the fields (base) are lighter than the window, as on Windows 11: Fusion draws the borders of
fields, check boxes and radio buttons in the window colour darkened, which vanished on a base darker
than the window. ``SATELLITKONTOR_THEME=dark`` (or ``light``) overrides the system, for screenshots
and for trying the dark palette on a light desktop.

Disabled: fields that cannot be edited (the who-are-you dialog's Namn and E-post) have a grey
background of their own and muted text, in both palettes, so they do not look like white, editable
fields.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLayout,
    QStyleFactory,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.resources_data import resource_path


@dataclass(frozen=True)
class Colours:
    window: str
    base: str
    alternate: str
    text: str
    muted: str  # secondary text ("ledig", hints), still ≥ 4.5:1 on base and alternate
    accent: str  # selection, focus ring, links
    accent_text: str  # text on the accent
    button: str
    panel: str  # the navigation's background
    error: str
    mine: str  # one's own bookings (with the words "Min bokning")
    border: str  # panels and tabs (not text)
    disabled: str  # the background of disabled fields and buttons (muted text on it)
    accent_hover: str  # the primary button under the mouse
    booked: str  # Dagsöversikt's row tints, repeating the status text: booked,
    arrived: str  # checked in,
    absent: str  # no-show
    # The floor plan, the plan editor and the room week, drawn in the palette's colours:
    free: str  # a free desk (text on it)
    taken: str  # a taken half day (text on it, over a hatch in ``hatch``)
    hatch: str  # the taken half day's hatching
    outline: str  # desks' and the room's outlines, the split of a half-taken desk
    room: str  # the conference room (text on it); in the room week: others' meetings
    closed: str  # closed desks, closed days and hours outside opening (a hatch in ``border``)
    own_meeting: str  # one's own meeting in the room week (text on it), edged in ``own_edge``
    own_edge: str


LIGHT = Colours(
    window="#f4f6f8",
    base="#ffffff",
    alternate="#f2f5f8",
    text="#1b1f24",
    muted="#545b63",
    accent="#1d5fb4",
    accent_text="#ffffff",
    button="#eef1f4",
    panel="#e8edf2",
    error="#a40000",
    mine="#d6e6fb",
    border="#b8c2cc",
    disabled="#dde2e7",
    accent_hover="#174d93",
    booked="#e8f0fb",
    arrived="#e3f4e1",
    absent="#fbe9e4",
    free="#e8f5e9",
    taken="#f4c7c3",
    hatch="#9b2c20",
    outline="#37474f",
    room="#dbe8f7",
    closed="#e9ecef",
    own_meeting="#fde9c8",
    own_edge="#7a4b00",
)
DARK = Colours(
    window="#1e2227",
    base="#2a2f36",
    alternate="#30363e",
    text="#e8ebee",
    muted="#a9b1ba",
    accent="#5b9cf0",
    accent_text="#0b1420",
    button="#363c45",
    panel="#252a31",
    error="#ff8a80",
    mine="#21406b",
    border="#4a535e",
    disabled="#191c20",
    accent_hover="#7ab0f5",
    booked="#213552",
    arrived="#1f3b27",
    absent="#4a2725",
    free="#1f3b27",
    taken="#4a2725",
    hatch="#c76a5e",
    outline="#9aa7b3",
    room="#213552",
    closed="#33383f",
    own_meeting="#4a3819",
    own_edge="#e0a85a",
)

#: Navigation icons by view key (resources/icons/tabler).
VIEW_ICONS = {
    "book": "armchair",
    "room": "presentation",
    "mine": "calendar-user",
    "day": "clipboard-list",
    "rotation": "building-community",
    "admin": "settings",
}


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def chosen_dark() -> bool | None:
    """``SATELLITKONTOR_THEME`` = dark or light, else None (follow the system)."""
    choice = os.environ.get("SATELLITKONTOR_THEME", "").strip().lower()
    return {"dark": True, "light": False}.get(choice)


def colours(dark: bool | None = None) -> Colours:
    if dark is None:
        dark = chosen_dark()
    if dark is None:
        dark = system_is_dark()
    return DARK if dark else LIGHT


def palette(c: Colours) -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, c.window),
        (roles.WindowText, c.text),
        (roles.Base, c.base),
        (roles.AlternateBase, c.alternate),
        (roles.Text, c.text),
        (roles.Button, c.button),
        (roles.ButtonText, c.text),
        (roles.Highlight, c.accent),
        (roles.HighlightedText, c.accent_text),
        (roles.ToolTipBase, c.base),
        (roles.ToolTipText, c.text),
        (roles.PlaceholderText, c.muted),
        (roles.Link, c.accent),
        (roles.BrightText, c.error),
    ):
        p.setColor(role, QColor(value))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.muted))
    for role in (roles.Base, roles.Button):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.disabled))
    return p


def style_name(available: list[str] | None = None) -> str:
    """``windows11`` where Qt has it, else Fusion."""
    keys = [k.lower() for k in (available if available is not None else QStyleFactory.keys())]
    return "windows11" if "windows11" in keys else "Fusion"


def stylesheet(c: Colours) -> str:
    """Spacing of the navigation, and a focus ring on lists and tables that is seen.

    Labels get 2 px above their text: the dots of "Ö" and "Ä" reach 2 px above the font's ascent
    in DejaVu Sans (Linux's usual font), and a label one line high clipped them ("Öppet",
    "Överlämning"; tests/gui/clipping.py measures the ink).

    Panels: group boxes and frames marked ``card`` (:func:`card`) are drawn as cards, a rounded
    border around a section under its heading, the same margins everywhere. The primary action (a
    form dialog's button, a view's main button: marked ``primary``) is filled with the accent
    colour, so one button on a screen says "this is what you came for". Not ``:default``: a
    dialog's focused button becomes its default, and a style that changes with the focus changed
    the button's padding after the layout had sized it (its text was cut)."""
    return f"""
QLabel {{ padding-top: 2px; }}
QListWidget#navigation {{ background: {c.panel}; border: none; padding: 6px; }}
QListWidget#navigation::item {{ padding: 6px 8px; border-radius: 6px; }}
QListWidget#navigation::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
QTableView:focus, QListView:focus, QTreeView:focus {{ border: 2px solid {c.accent}; }}
QTabWidget::pane {{ border: 1px solid {c.border}; border-radius: 4px; top: -1px; background: {c.window}; }}
QTabBar::tab {{
    padding: 7px 14px; margin-right: 2px; color: {c.text}; background: {c.button};
    border: 1px solid {c.border}; border-bottom: none;
    border-top-left-radius: 6px; border-top-right-radius: 6px;
}}
QTabBar::tab:selected {{ background: {c.window}; color: {c.accent}; }}
QTabBar::tab:!selected {{ margin-top: 3px; }}
QTabBar::tab:focus {{ border: 2px solid {c.accent}; border-bottom: none; }}
QGraphicsView#floorPlan:focus {{ border: 2px solid {c.accent}; }}
QGroupBox {{
    border: 1px solid {c.border}; border-radius: 8px; margin-top: 20px; padding: 10px 8px 8px 8px;
}}
QGroupBox::title {{
    subcontrol-origin: margin; subcontrol-position: top left; left: 10px; padding: 2px 4px 0 4px;
    color: {c.text};
}}
QFrame[card="true"] {{ border: 1px solid {c.border}; border-radius: 8px; background: {c.window}; }}
QPushButton[primary="true"] {{
    background: {c.accent}; color: {c.accent_text}; border: 1px solid {c.accent}; border-radius: 4px;
    padding: 5px 14px;
}}
QPushButton[primary="true"]:hover {{ background: {c.accent_hover}; }}
QPushButton[primary="true"]:focus {{ border-color: {c.text}; }}
QPushButton[primary="true"]:disabled {{ background: {c.disabled}; color: {c.muted}; border-color: {c.border}; }}
"""


def card(*parts: QWidget | QLayout, name: str = "card") -> QFrame:
    """A panel around ``parts`` (a heading label first, then what it heads), drawn as a card by the
    stylesheet, with the app's one set of margins."""
    frame = QFrame()
    frame.setObjectName(name)
    frame.setProperty("card", True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 8, 12, 12)
    layout.setSpacing(6)
    for part in parts:  # tables and empty states grow (their size policies), the rest keeps its height
        if isinstance(part, QWidget):
            layout.addWidget(part)
        else:
            layout.addLayout(part)
    return frame


_current = LIGHT


def current() -> Colours:
    """The colours last applied (light before :func:`apply`): for what paints or colours its own
    items (models' row colours, the floor plan) and must follow light and dark."""
    return _current


def apply(app: QApplication, dark: bool | None = None) -> Colours:
    """The style, palette and stylesheet for the whole app; the colours chosen."""
    global _current
    c = _current = colours(dark)
    app.setStyle(style_name())
    app.setPalette(palette(c))
    app.setStyleSheet(stylesheet(c))
    return c


def icon(name: str, colour: str | None = None, size: int = 24) -> QIcon:
    """A Tabler outline icon, drawn in ``colour`` (the palette's text colour by default)."""
    svg = resource_path("icons", "tabler", f"{name}.svg").read_bytes()
    if colour is None:
        app = QGuiApplication.instance()
        colour = (
            QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
            if app is not None
            else "#000000"
        )
    renderer = QSvgRenderer(QByteArray(svg.replace(b"currentColor", colour.encode())))
    result = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(QSize(size * scale, size * scale))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size * scale, size * scale))
        painter.end()
        result.addPixmap(pixmap)
    return result


# --- contrast (WCAG 2.1) -----------------------------------------------------------------------------
def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    q = QColor(colour)
    r, g, b = (_linear(v) for v in (q.redF(), q.greenF(), q.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_pairs(c: Colours) -> dict[str, tuple[str, str]]:
    """Every text colour on every background it is drawn on."""
    return {
        "text on base": (c.text, c.base),
        "text on alternate rows": (c.text, c.alternate),
        "text on window": (c.text, c.window),
        "text on buttons": (c.text, c.button),
        "text on the navigation": (c.text, c.panel),
        "muted on base": (c.muted, c.base),
        "muted on alternate rows": (c.muted, c.alternate),
        "muted on window": (c.muted, c.window),
        "selected text": (c.accent_text, c.accent),
        "the primary button under the mouse": (c.accent_text, c.accent_hover),
        "links on base": (c.accent, c.base),
        "selected tab on window": (c.accent, c.window),
        "errors on window": (c.error, c.window),
        "text on own bookings": (c.text, c.mine),
        "disabled text on disabled fields": (c.muted, c.disabled),
        "errors on base": (c.error, c.base),
        "text on booked rows": (c.text, c.booked),
        "text on checked-in rows": (c.text, c.arrived),
        "text on no-show rows": (c.text, c.absent),
        "text on a free desk": (c.text, c.free),
        "text on a taken half day": (c.text, c.taken),
        "text on the room and others' meetings": (c.text, c.room),
        "text on closed desks and days": (c.text, c.closed),
        "text on one's own meeting": (c.text, c.own_meeting),
        "the closed notice on the plan": (c.error, c.base),
        "the plan's words on their strip": (c.text, c.base),
    }
