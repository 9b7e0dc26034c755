"""Build the icon set from the hand-drawn SVG: PNG at every size and a multi-size Windows .ico.

    python packaging/build_icons.py

Sources: ``resources/icons/satellitkontor.svg`` (24 px and up) and ``satellitkontor-small.svg``
(16 px, drawn on the pixel grid so the building and the orbit stay readable). Rendering is Qt's
own (QSvgRenderer, in PySide6-Essentials), so nothing beyond the app's dependencies is needed.
The .ico holds 16-256 px as PNG images, which Windows reads since Vista (Pillow writes the same).
The built files are committed: the app and the installers need no build step for them.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: TID251 (a build tool, not the app)
    from PySide6.QtGui import QImage, QPainter  # noqa: TID251 (a build tool, not the app)
    from PySide6.QtSvg import QSvgRenderer  # noqa: TID251 (a build tool, not the app)

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG for Qt")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (width/height 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QGuiApplication  # noqa: TID251 (a build tool, not the app)

    from satellitkontor.gui.app_icon import ICON_SIZES

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    built: dict[int, bytes] = {}
    for size in ICON_SIZES:
        source = ICONS / ("satellitkontor-small.svg" if size <= 16 else "satellitkontor.svg")
        built[size] = render(source, size)
        (ICONS / f"satellitkontor-{size}.png").write_bytes(built[size])
        print(f"satellitkontor-{size}.png  {len(built[size]):>7} bytes  (from {source.name})")
    data = ico({size: built[size] for size in ICO_SIZES})
    (ICONS / "satellitkontor.ico").write_bytes(data)
    print(f"satellitkontor.ico      {len(data):>7} bytes  ({', '.join(map(str, ICO_SIZES))} px)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
