"""Charts saved with the report: a PDF with one chart a page (A4 landscape), or one PNG image of
them all, one below the other. The charts draw themselves (their ``paint(painter, area)``)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter


class Chart(Protocol):
    def paint(self, painter: QPainter, area: QRectF) -> None: ...
    def sizeHint(self) -> QSize: ...


def save_charts(path: str, charts: Sequence[Chart]) -> bool:
    target = Path(path)
    if not target.parent.is_dir() or not os.access(target.parent, os.W_OK):
        return False
    if target.suffix.lower() == ".png":
        width = 1000
        heights = [max(200, c.sizeHint().height()) for c in charts]
        image = QImage(width, sum(heights) + 20 * len(charts), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        y = 10.0
        for chart, height in zip(charts, heights, strict=True):
            chart.paint(painter, QRectF(10, y, width - 20, height))
            y += height + 20
        painter.end()
        return bool(image.save(str(target), "PNG"))  # type: ignore[call-overload]
    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(96)
    painter = QPainter(writer)
    for n, chart in enumerate(charts):
        if n:
            writer.newPage()
        page = QRectF(0, 0, writer.width(), writer.height())
        chart.paint(painter, page)
    painter.end()
    return target.exists() and target.stat().st_size > 0
