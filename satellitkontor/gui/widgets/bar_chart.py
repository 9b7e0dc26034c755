"""A small horizontal bar chart drawn with QPainter (QtCharts is not part of PySide6-Essentials).

One bar per label; every bar carries its value as a number beside it, so the chart reads
without colour, and the same numbers are in the accessible description for screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Space (pixels) around the chart, between bars, and between a bar and its number.
MARGIN = 8
GAP = 6
VALUE_GAP = 6


def _plain(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._bars: list[tuple[str, float]] = []
        self._texts: list[str] = []
        self.setObjectName("barChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so screen readers read it

    # --- content ---------------------------------------------------------------------------------
    def set_data(self, title: str, bars: list[tuple[str, float]], texts: list[str] | None = None) -> None:
        """``bars`` as (label, value); ``texts`` the numbers as shown (default: plain numbers)."""
        self._title = title
        self._bars = list(bars)
        self._texts = list(texts) if texts is not None else [_plain(v) for _, v in bars]
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            "; ".join(f"{name}: {text}" for (name, _), text in zip(self._bars, self._texts, strict=True))
        )
        self.updateGeometry()
        self.update()

    def title(self) -> str:
        return self._title

    def bars(self) -> list[tuple[str, float]]:
        return list(self._bars)

    def value_texts(self) -> list[str]:
        return list(self._texts)

    # --- drawing ---------------------------------------------------------------------------------
    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + GAP

    def sizeHint(self) -> QSize:
        rows = max(len(self._bars), 1) + 1
        return QSize(420, 2 * MARGIN + rows * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter, self.width())
        finally:
            painter.end()

    def paint(self, painter: QPainter, area: QRectF) -> None:
        """Draw into ``area`` of another device (a PNG or a PDF page, gui/widgets/chart_files.py)."""
        painter.save()
        painter.translate(area.topLeft())
        painter.setFont(self.font())
        self._paint(painter, int(area.width()))
        painter.restore()

    def _paint(self, painter: QPainter, full_width: int) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = QFontMetrics(self.font())
        row_h = self._row_height()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(MARGIN, MARGIN + metrics.ascent(), self._title)
        painter.setFont(self.font())
        if not self._bars:
            return
        label_w = max(metrics.horizontalAdvance(name) for name, _ in self._bars) + VALUE_GAP
        text_w = max(metrics.horizontalAdvance(t) for t in self._texts) + VALUE_GAP
        bar_space = max(full_width - 2 * MARGIN - label_w - text_w, 10)
        top = MARGIN + row_h
        biggest = max((v for _, v in self._bars), default=0.0)
        bar_color = palette.color(QPalette.ColorRole.Highlight)
        outline = palette.color(QPalette.ColorRole.WindowText)
        for n, ((name, value), text) in enumerate(zip(self._bars, self._texts, strict=True)):
            y = top + n * row_h
            text_y = y + (row_h - GAP + metrics.ascent() - metrics.descent()) / 2
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(MARGIN, int(text_y), name)
            width = bar_space * value / biggest if biggest > 0 else 0.0
            x = MARGIN + label_w
            if width > 0:
                rect = QRectF(x, y, max(width, 2.0), row_h - GAP)
                painter.fillRect(rect, bar_color)
                painter.setPen(outline)
                painter.drawRect(rect)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(int(x + width + VALUE_GAP), int(text_y), text)
