"""A heat map drawn with QPainter: rows × columns of shares (0 to 1), each cell tinted from pale
to deep blue and carrying its percentage in words (never colour alone), with row and column
labels. Used by Statistik for desk use by weekday × half-day and per desk."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from satellitkontor.gui import theme

_LOW = QColor("#eef4fb")
_HIGH = QColor("#0b3d91")


def tint(share: float) -> QColor:
    share = max(0.0, min(1.0, share))
    return QColor(
        round(_LOW.red() + (_HIGH.red() - _LOW.red()) * share),
        round(_LOW.green() + (_HIGH.green() - _LOW.green()) * share),
        round(_LOW.blue() + (_HIGH.blue() - _LOW.blue()) * share),
    )


def text_on(colour: QColor) -> str:
    """Black or white, whichever reads better on ``colour`` (≥ 4.5:1)."""
    return (
        "#000000"
        if theme.contrast("#000000", colour.name()) >= theme.contrast("#ffffff", colour.name())
        else "#ffffff"
    )


class HeatMap(QWidget):
    CELL_H = 30

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heatMap")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._title = ""
        self._rows: list[str] = []
        self._cols: list[str] = []
        self._values: list[list[float]] = []

    def set_data(self, title: str, rows: list[str], cols: list[str], values: list[list[float]]) -> None:
        self._title, self._rows, self._cols, self._values = title, rows, cols, values
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            "; ".join(
                f"{row}: "
                + ", ".join(f"{col} {round(v * 100)} %" for col, v in zip(cols, vals, strict=False))
                for row, vals in zip(rows, values, strict=False)
            )
        )
        self.updateGeometry()
        self.update()

    def cell_text(self, row: int, col: int) -> str:
        return f"{round(self._values[row][col] * 100)} %"

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(560, fm.height() * 3 + self.CELL_H * max(1, len(self._rows)) + 12)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint().boundedTo(QSize(420, 10_000))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        self.paint(painter, QRectF(self.rect()))
        painter.end()

    def paint(self, painter: QPainter, area: QRectF) -> None:
        """Draw into ``area`` (the widget, a PNG or a PDF page)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        fm = QFontMetrics(painter.font())
        text = self.palette().windowText().color()
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setPen(text)
        painter.setFont(bold)
        painter.drawText(QRectF(area.left(), area.top(), area.width(), fm.height() + 4), self._title)
        painter.setFont(self.font())
        label_w = max((fm.horizontalAdvance(r) for r in self._rows), default=0) + 12
        top = area.top() + fm.height() * 2 + 4
        cols = max(1, len(self._cols))
        cell_w = (area.width() - label_w) / cols
        for c, name in enumerate(self._cols):
            painter.setPen(text)
            painter.drawText(
                QRectF(area.left() + label_w + c * cell_w, top - fm.height() - 2, cell_w, fm.height()),
                Qt.AlignmentFlag.AlignCenter,
                name,
            )
        for r, name in enumerate(self._rows):
            y = top + r * self.CELL_H
            painter.setPen(text)
            painter.drawText(
                QRectF(area.left(), y, label_w - 6, self.CELL_H),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                name,
            )
            for c in range(len(self._cols)):
                share = self._values[r][c]
                cell = QRectF(area.left() + label_w + c * cell_w, y, cell_w, self.CELL_H).adjusted(
                    1, 1, -1, -1
                )
                colour = tint(share)
                painter.fillRect(cell, colour)
                painter.setPen(QPen(QColor(text_on(colour))))
                painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, self.cell_text(r, c))
