"""The application's icon: the PNGs built from resources/icons/satellitkontor.svg, every size.

Qt picks the best size for a title bar, the task bar or the About dialog from the set, so the
hand-drawn 16 px image is used where 16 px are shown, and nothing is scaled on start (no SVG
renderer is loaded for it). packaging/build_icons.py makes the PNGs; they are committed.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from satellitkontor.resources_data import resource_path

#: The sizes built and installed (the hicolor sizes on Linux; the .ico holds those up to 256).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_file(size: int) -> str:
    return str(resource_path("icons", f"satellitkontor-{size}.png"))


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(icon_file(size), QSize(size, size))
    return icon
