"""The floor plan editor: an admin drags desks and the room to where they stand in the office.

Plan units are centimetres (the default office is 14 x 9 m). Items snap to a 10 cm grid while
dragged; with the keyboard, the arrow keys move the selected item 10 cm (50 cm with Shift).
Moves are kept as pending until the page saves them (``pending()``), and survive a reload of
the resources, so a booking made elsewhere meanwhile does not undo the admin's work.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QKeyEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.gui import theme

#: Snap to this many plan units (centimetres).
GRID = 10
#: The default floor plan (see resources/office/default_office.json).
PLAN_WIDTH, PLAN_HEIGHT = 1400, 900
DESK_SIZE = (140, 80)
ROOM_SIZE = (300, 240)


def snap(value: float) -> float:
    return float(round(value / GRID) * GRID)


class PlanItem(QGraphicsRectItem):
    """One desk or room; its position is the resource's (x, y), the centre of the shape."""

    def __init__(self, resource: Resource, editor: PlanEditor) -> None:
        w, h = ROOM_SIZE if resource.kind is ResourceKind.ROOM else DESK_SIZE
        super().__init__(-w / 2, -h / 2, w, h)
        self.resource = resource
        self._editor = editor
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        colours = theme.current()  # light or dark (gui/theme.py), as the floor plan
        fill = colours.room if resource.kind is ResourceKind.DESK else colours.free
        pen = QPen(QColor(colours.outline), 3)
        if not resource.active:  # shape and text too, not colour alone
            pen.setStyle(Qt.PenStyle.DashLine)
            fill = colours.closed
        self.setPen(pen)
        self.setBrush(QBrush(QColor(fill)))
        text = (
            resource.name
            if resource.active
            else QCoreApplication.translate("PlanEditor", "{name} (inaktiv)").format(name=resource.name)
        )
        self.text = QGraphicsSimpleTextItem(text, self)
        font = self.text.font()  # as large as the item allows: the plan is drawn scaled down
        font.setBold(True)
        size = 40
        font.setPixelSize(size)
        while size > 16 and QFontMetricsF(font).horizontalAdvance(text) > w - 16:
            size -= 2
            font.setPixelSize(size)
        self.text.setFont(font)
        self.text.setBrush(QColor(colours.text))
        bounds = self.text.boundingRect()
        self.text.setPos(-bounds.width() / 2, -bounds.height() / 2)
        self.setToolTip(text)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and isinstance(value, QPointF):
            return self._editor.place(value)
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self._editor.item_moved()
        return super().itemChange(change, value)


class PlanEditor(QGraphicsView):
    #: The set of unsaved moves changed.
    moved = Signal()
    #: The selected item changed: a resource id, or 0 for none.
    selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planEditor")
        self.setAccessibleName(self.tr("Planritning"))
        self.setAccessibleDescription(
            self.tr("Dra en plats för att flytta den, eller välj den och flytta med piltangenterna.")
        )
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 220)
        self._scene = QGraphicsScene(self)
        self._scene.setSceneRect(QRectF(0, 0, PLAN_WIDTH, PLAN_HEIGHT))
        self._scene.setBackgroundBrush(QBrush(QColor(theme.current().base)))
        self._scene.selectionChanged.connect(self._selection_changed)
        self.setScene(self._scene)
        self._items: dict[int, PlanItem] = {}
        self._saved: dict[int, tuple[float, float]] = {}
        self._loading = False
        self._draw_outline()

    # --- data -----------------------------------------------------------------------------------
    def set_resources(self, resources: list[Resource]) -> None:
        """Show ``resources``; unsaved moves of the same resources are kept."""
        keep = self.pending()
        chosen = self.selected_id()
        self._loading = True
        try:
            for item in self._items.values():
                self._scene.removeItem(item)
            self._items.clear()
            self._saved = {r.id: (r.x, r.y) for r in resources}
            right = max([PLAN_WIDTH, *(r.x + ROOM_SIZE[0] / 2 for r in resources)])
            bottom = max([PLAN_HEIGHT, *(r.y + ROOM_SIZE[1] / 2 for r in resources)])
            self._scene.setSceneRect(QRectF(0, 0, right, bottom))
            for r in resources:
                item = PlanItem(r, self)
                self._scene.addItem(item)
                x, y = keep.get(r.id, (r.x, r.y))
                item.setPos(QPointF(x, y))
                self._items[r.id] = item
        finally:
            self._loading = False
        if chosen:
            self.select_resource(chosen)
        self.fit()
        self.moved.emit()

    def pending(self) -> dict[int, tuple[float, float]]:
        """Unsaved moves: resource id -> new (x, y)."""
        out: dict[int, tuple[float, float]] = {}
        for rid, item in self._items.items():
            pos = (item.pos().x(), item.pos().y())
            if pos != self._saved.get(rid):
                out[rid] = pos
        return out

    def mark_saved(self, positions: dict[int, tuple[float, float]]) -> None:
        self._saved.update(positions)
        self.moved.emit()

    def undo_moves(self) -> None:
        self._loading = True
        try:
            for rid, item in self._items.items():
                item.setPos(QPointF(*self._saved[rid]))
        finally:
            self._loading = False
        self.moved.emit()

    def item(self, resource_id: int) -> PlanItem | None:
        return self._items.get(resource_id)

    def selected_id(self) -> int:
        items = [i for i in self._scene.selectedItems() if isinstance(i, PlanItem)]
        return items[0].resource.id if items else 0

    def select_resource(self, resource_id: int) -> None:
        item = self._items.get(resource_id)
        if item is None or item.isSelected():
            return
        self._scene.clearSelection()
        item.setSelected(True)
        item.setFocus()
        self.ensureVisible(item)

    # --- moving ---------------------------------------------------------------------------------
    def place(self, wanted: QPointF) -> QPointF:
        """Where an item asked to go at ``wanted`` ends up: on the grid, inside the plan."""
        rect = self._scene.sceneRect()
        x = min(max(snap(wanted.x()), rect.left()), rect.right())
        y = min(max(snap(wanted.y()), rect.top()), rect.bottom())
        return QPointF(x, y)

    def item_moved(self) -> None:
        if not self._loading:
            self.moved.emit()

    def move_selected(self, dx: float, dy: float) -> bool:
        items = [i for i in self._scene.selectedItems() if isinstance(i, PlanItem)]
        for item in items:
            item.setPos(item.pos() + QPointF(dx, dy))
        return bool(items)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = GRID * (5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
        moves = {
            Qt.Key.Key_Left: (-step, 0),
            Qt.Key.Key_Right: (step, 0),
            Qt.Key.Key_Up: (0, -step),
            Qt.Key.Key_Down: (0, step),
        }
        delta = moves.get(Qt.Key(event.key()))
        if delta is not None and self.move_selected(*delta):
            event.accept()
            return
        super().keyPressEvent(event)

    # --- display --------------------------------------------------------------------------------
    def fit(self) -> None:
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def _draw_outline(self) -> None:
        outline = self._scene.addRect(self._scene.sceneRect(), QPen(QColor(theme.current().outline), 4))
        outline.setZValue(-1)

    def _selection_changed(self) -> None:
        self.selected.emit(self.selected_id())
