"""The floor plan: desks and the conference room where they stand, drawn from the resources' x, y.

Plan units are centimetres (resources/office/default_office.json). Each desk shows its name and
its state in words as well as by shape: the morning half filled and hatched with "FM upptagen",
the afternoon half with "EM upptagen", all of it with "Full", nothing with "Ledig". The room shows
how many meetings it has. The view scales the plan to fit whenever it is resized.

The plan is drawn without antialiasing (the text keeps Qt's own, ``TextAntialiasing``): it is
all upright rectangles and one upright line, whose edges antialiasing only blurs at the view's
scale, and each paint took longer with it: 1.3-2.7x for the demo office's eight desks at 1920x1080
(tests/benchmarks/desks_paint_benchmark.py), 3-4x for the start-up benchmark's 41 (issue 18: the
first paint of the day's desks is one turn of the GUI thread).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.gui import theme
from satellitkontor.gui.models.desk_day_model import (
    booker_text,
    bookers,
    equipment_text,
    long_state_text,
    mine,
    my_state_text,
    state_text,
)
from satellitkontor.services.results import ResourceDay
from satellitkontor.words.texts import fmt_time

DESK_W, DESK_H = 180.0, 120.0
#: The strip the words are written on is the desk less 5 on each side (DeskItem.paint).
STRIP_W = DESK_W - 10
#: The state's words are 21 pixels high, smaller (down to 14) when they would not fit the strip.
WORDS_PX, MIN_WORDS_PX = 21, 14
ROOM_W, ROOM_H = 360.0, 420.0
MARGIN = 60.0


def _c(name: str, alpha: int = 255) -> QColor:
    """One of the theme's colours (gui/theme.py: light or dark, as applied), as the plan paints."""
    colour = QColor(getattr(theme.current(), name))
    colour.setAlpha(alpha)
    return colour


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _advance(words: str, pixels: int, bold: bool) -> int:
    """How wide ``words`` are written in the plan's font of ``pixels``."""
    return QFontMetrics(_font(pixels, bold)).horizontalAdvance(words)


class DeskItem(QGraphicsItem):
    """One desk: a table top with its name and state; the taken halves filled and hatched."""

    def __init__(self, resource: Resource) -> None:
        super().__init__()
        self.resource = resource
        self.day: ResourceDay | None = None
        self.closed = False
        self.selected = False
        self.show_names = False
        self.focused = False
        #: Who looks at the plan: their own half days read "Min bokning" and are drawn blue.
        self.me: int | None = None
        #: Worked out by ``set_day``, not on every paint: the words under the name, their size in
        #: pixels, and whether the viewer holds the morning and the afternoon. The first paint of
        #: the day's desks drew all 41 at once in one turn of the GUI thread (issue 18).
        self._words = state_text("free")
        self._words_px = WORDS_PX
        self._own = (False, False)
        self.setPos(resource.x, resource.y)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    @property
    def state(self) -> str:
        return self.day.state if self.day is not None else "free"

    def state_text(self) -> str:
        """The words shown under the desk's name ("Ledig", "FM upptagen", "EM upptagen", "Full")."""
        if self.closed:
            return QCoreApplication.translate("FloorPlan", "Stängt")
        own = my_state_text(self.day, self.me) if self.day is not None else None
        return own or state_text(self.state)

    def is_mine(self, period: DeskPeriod) -> bool:
        return self.day is not None and mine(self.day, period, self.me)

    def set_day(self, day: ResourceDay, *, show_names: bool, closed: bool, me: int | None = None) -> None:
        self.day, self.show_names, self.closed, self.me = day, show_names, closed, me
        self._own = (self.is_mine(DeskPeriod.MORNING), self.is_mine(DeskPeriod.AFTERNOON))
        self._words = words = self.state_text()
        bold = self.state != "free"
        self._words_px = next(
            (px for px in range(WORDS_PX, MIN_WORDS_PX, -1) if _advance(words, px, bold) <= STRIP_W - 6),
            MIN_WORDS_PX,
        )
        self.setToolTip(self._tooltip())
        self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def set_focused(self, focused: bool) -> None:
        if focused != self.focused:
            self.focused = focused
            self.update()

    def _tooltip(self) -> str:
        state = (
            QCoreApplication.translate("FloorPlan", "Stängt") if self.closed else long_state_text(self.state)
        )
        lines = [f"<b>{self.resource.name}</b>: {state}"]
        if self.day is not None:
            for period, text in (
                (DeskPeriod.MORNING, QCoreApplication.translate("FloorPlan", "Förmiddag: {who}")),
                (DeskPeriod.AFTERNOON, QCoreApplication.translate("FloorPlan", "Eftermiddag: {who}")),
            ):
                for b in bookers(self.day, period):
                    who = (
                        QCoreApplication.translate("FloorPlan", "min bokning")
                        if self.me is not None and b.person_id == self.me
                        else booker_text(b, self.show_names)
                    )
                    lines.append(text.format(who=who))
        if self.resource.equipment:
            lines.append(equipment_text(self.resource))
        return "<br>".join(lines)

    # --- drawing ---------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(-DESK_W / 2 - 6, -DESK_H / 2 - 6, DESK_W + 12, DESK_H + 12)

    def desk_rect(self) -> QRectF:
        return QRectF(-DESK_W / 2, -DESK_H / 2, DESK_W, DESK_H)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = self.desk_rect()
        painter.fillRect(rect, _c("closed") if self.closed else _c("free"))
        left = QRectF(rect.left(), rect.top(), rect.width() / 2, rect.height())
        right = QRectF(rect.center().x(), rect.top(), rect.width() / 2, rect.height())
        state = self.state
        taken = []
        if state in ("morning", "full"):
            taken.append(left)
        if state in ("afternoon", "full"):
            taken.append(right)
        for part in taken:
            own = self._own[0 if part is left else 1]
            painter.fillRect(part, _c("mine") if own else _c("taken"))
            hatch = QBrush(
                _c("accent") if own else _c("hatch"),
                Qt.BrushStyle.FDiagPattern if own else Qt.BrushStyle.BDiagPattern,
            )
            painter.fillRect(part, hatch)
        if state in ("morning", "afternoon"):
            painter.setPen(QPen(_c("outline"), 2, Qt.PenStyle.DashLine))
            painter.drawLine(
                QPointF(rect.center().x(), rect.top()), QPointF(rect.center().x(), rect.bottom())
            )
        outline = QPen(_c("accent"), 8) if self.selected else QPen(_c("outline"), 3)
        if self.closed:
            outline.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        if self.focused:  # the keyboard's place on the plan (arrow keys, Enter books)
            ring = QPen(_c("text"), 4, Qt.PenStyle.DashLine)
            painter.setPen(ring)
            painter.drawRect(rect.adjusted(-2, -2, 2, 2))
        # Words on a strip of the fields' colour so they stay readable over the hatching.
        strip = QRectF(rect.left() + 5, rect.top() + 14, rect.width() - 10, rect.height() - 28)
        painter.fillRect(strip, _c("base", 200))
        painter.setPen(_c("text"))
        painter.setFont(_font(24, bold=True))
        top = QRectF(strip.left(), strip.top(), strip.width(), strip.height() / 2)
        painter.drawText(top, Qt.AlignmentFlag.AlignCenter, self.resource.name)
        painter.setFont(_font(self._words_px, bold=state != "free"))
        bottom = QRectF(strip.left(), strip.center().y(), strip.width(), strip.height() / 2)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignCenter, self._words)


class RoomItem(QGraphicsRectItem):
    """The conference room: its name, size and how many meetings it has that day."""

    def __init__(self, resource: Resource) -> None:
        super().__init__(-ROOM_W / 2, -ROOM_H / 2, ROOM_W, ROOM_H)
        self.resource = resource
        self.meetings = 0
        self.setPos(resource.x, resource.y)
        self.setBrush(_c("room"))
        self.setPen(QPen(_c("outline"), 4))
        self.setAcceptHoverEvents(True)
        self.name_item = QGraphicsSimpleTextItem(resource.name, self)
        self.name_item.setFont(_font(28, bold=True))
        self.meetings_item = QGraphicsSimpleTextItem("", self)
        self.meetings_item.setFont(_font(24))
        for words in (self.name_item, self.meetings_item):
            words.setBrush(_c("text"))
        self._place(self.name_item, -30)

    def meetings_text(self) -> str:
        return self.meetings_item.text()

    def set_day(self, day: ResourceDay, text: str, tooltip: str) -> None:
        self.meetings = sum(1 for b in day.bookings if b.status.holds_resource)
        self.meetings_item.setText(text)
        self._place(self.meetings_item, 20)
        self.setToolTip(tooltip)

    def _place(self, item: QGraphicsSimpleTextItem, dy: float) -> None:
        r = item.boundingRect()
        item.setPos(-r.width() / 2, dy - r.height() / 2)


class FloorPlan(QGraphicsView):
    #: A desk was clicked: its :class:`Resource`.
    desk_clicked = Signal(object)
    #: The room was clicked: its :class:`Resource`.
    room_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(_c("window"))
        self.setMouseTracking(True)
        self._desks: dict[str, DeskItem] = {}
        self._rooms: dict[str, RoomItem] = {}
        self._layout: tuple[tuple[int, str, float, float], ...] = ()
        self._closed_item: QGraphicsSimpleTextItem | None = None
        self._floor: QGraphicsRectItem | None = None
        #: The desk the keyboard is on (arrow keys move it, Enter or Space books it).
        self._focus_name: str | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # --- items -----------------------------------------------------------------------------------
    def desk_item(self, name: str) -> DeskItem:
        return self._desks[name]

    def desk_items(self) -> list[DeskItem]:
        return list(self._desks.values())

    def room_item(self, name: str) -> RoomItem:
        return self._rooms[name]

    def set_resources(self, resources: list[Resource]) -> None:
        """Lay out the plan; done again only when desks or the room moved, came or went."""
        layout = tuple((r.id, r.name, r.x, r.y) for r in resources)
        if layout == self._layout:
            return
        self._layout = layout
        scene = self.scene()
        scene.clear()
        self._desks.clear()
        self._rooms.clear()
        self._closed_item = None
        bounds = QRectF()
        for res in resources:
            item: QGraphicsItem
            if res.kind is ResourceKind.DESK:
                item = self._desks[res.name] = DeskItem(res)
            else:
                item = self._rooms[res.name] = RoomItem(res)
            scene.addItem(item)
            bounds = bounds.united(item.sceneBoundingRect())
        floor = bounds.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self._floor = scene.addRect(floor, QPen(_c("border"), 6), QBrush(_c("base")))
        self._floor.setZValue(-1)
        scene.setSceneRect(floor.adjusted(-10, -10, 10, 10))
        self.fit()

    def set_closed(self, text: str) -> None:
        """Write why the office is closed across the plan (or remove it with "")."""
        scene = self.scene()
        if self._closed_item is not None:
            scene.removeItem(self._closed_item)
            self._closed_item = None
        if not text:
            return
        item = QGraphicsSimpleTextItem(text)
        item.setFont(_font(52, bold=True))
        item.setBrush(_c("error"))
        item.setZValue(10)
        rect = item.boundingRect()
        center = scene.sceneRect().center()
        item.setPos(center.x() - rect.width() / 2, center.y() - rect.height() / 2)
        backdrop = QGraphicsRectItem(rect.adjusted(-20, -10, 20, 10), item)
        backdrop.setBrush(_c("base", 245))
        backdrop.setPen(QPen(_c("error"), 4))
        backdrop.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        scene.addItem(item)
        self._closed_item = item

    def closed_text(self) -> str:
        return self._closed_item.text() if self._closed_item is not None else ""

    def select_desk(self, name: str | None) -> None:
        for item in self._desks.values():
            item.set_selected(item.resource.name == name)
        if name is not None and name in self._desks:
            self._set_focus_desk(name)

    # --- keyboard --------------------------------------------------------------------------------
    def focus_desk(self) -> str | None:
        """The name of the desk the keyboard is on."""
        return self._focus_name

    def _set_focus_desk(self, name: str | None) -> None:
        self._focus_name = name
        for item in self._desks.values():
            item.set_focused(self.hasFocus() and item.resource.name == name)
        if name is not None and name in self._desks:
            item = self._desks[name]
            self.setAccessibleDescription(f"{name}: {item.state_text()}")

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self._focus_name not in self._desks:
            self._focus_name = next(iter(self._desks), None)
        self._set_focus_desk(self._focus_name)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        for item in self._desks.values():
            item.set_focused(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        current = self._desks.get(self._focus_name or "")
        if key in steps and self._desks:
            if current is None:
                self._set_focus_desk(next(iter(self._desks)))
            else:
                target = self._nearest(current, *steps[key])
                if target is not None:
                    self._set_focus_desk(target.resource.name)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and current is not None:
            self.desk_clicked.emit(current.resource)
            event.accept()
            return
        super().keyPressEvent(event)

    def _nearest(self, start: DeskItem, dx: int, dy: int) -> DeskItem | None:
        """The closest desk in the direction (dx, dy): along it first, then across it."""
        best: tuple[float, DeskItem] | None = None
        origin = start.pos()
        for item in self._desks.values():
            if item is start:
                continue
            d = item.pos() - origin
            along = d.x() * dx + d.y() * dy
            across = abs(d.x() * dy) + abs(d.y() * dx)
            if along <= 0:
                continue
            score = along + 2 * across
            if best is None or score < best[0]:
                best = (score, item)
        return best[1] if best is not None else None

    # --- fitting and clicks ----------------------------------------------------------------------
    def fit(self) -> None:
        rect = self.scene().sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def item_at(self, pos: QPointF) -> DeskItem | RoomItem | None:
        item = self.itemAt(pos.toPoint())
        while item is not None and not isinstance(item, DeskItem | RoomItem):
            item = item.parentItem()
        return item

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton:
            item = self.item_at(event.position())
            if isinstance(item, DeskItem):
                self.desk_clicked.emit(item.resource)
                event.accept()
                return
            if isinstance(item, RoomItem):
                self.room_clicked.emit(item.resource)
                event.accept()
                return
        super().mousePressEvent(event)


def room_tooltip(day: ResourceDay, show_names: bool, title: str) -> str:
    """The room's meetings of the day, one a line: time and municipality (and name for staff)."""
    lines = [f"<b>{title}</b>"]
    for b in day.bookings:
        if not b.status.holds_resource:
            continue
        lines.append(f"{fmt_time(b.start)}–{fmt_time(b.end)} {booker_text(b, show_names)}")
    return "<br>".join(lines)
