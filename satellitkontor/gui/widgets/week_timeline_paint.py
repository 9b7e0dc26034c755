"""Painting the room's week (gui/widgets/week_timeline.py): day headers, the grid, the
meetings' blocks, the chosen time and the line of now. Functions of the widget, kept apart so
that the widget's file holds its behaviour (choosing, keys, mouse) and this one its look."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QPainter,
    QPen,
)

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingView
from satellitkontor.gui import theme
from satellitkontor.words.texts import fmt_time

if TYPE_CHECKING:
    from satellitkontor.gui.widgets.week_timeline import TimelineWeek, WeekTimeline


def minutes_of(moment: datetime) -> int:
    """A moment's local time as minutes after midnight (the grid's unit)."""
    local = clk.to_local(moment)
    return local.hour * 60 + local.minute


def paint_days(w: WeekTimeline, p: QPainter, week: TimelineWeek) -> None:
    fm = QFontMetrics(w.font())
    text_color = w.palette().text().color()
    colours = theme.current()  # light or dark (gui/theme.py)
    today = clk.local_date(week.now)
    for i, day in enumerate(week.days):
        column = w._cell_rect(i, 0, week.rows)
        header = QRectF(column.left(), 0, column.width(), w._header())
        closed = week.closed[i]
        if closed:
            p.fillRect(column, QColor(colours.closed))
            p.fillRect(column, QBrush(QColor(colours.border), Qt.BrushStyle.BDiagPattern))
        else:
            hours = week.hours[i]
            for row in range(week.rows):
                start, end = w._moment(i, row), w._moment(i, row + 1)
                outside = hours is None or not (
                    clk.local(day, hours.opens) <= start and end <= clk.local(day, hours.closes)
                )
                if outside:
                    cell = w._cell_rect(i, row)
                    p.fillRect(cell, QColor(colours.closed))
                    p.fillRect(cell, QBrush(QColor(colours.border), Qt.BrushStyle.Dense7Pattern))
                elif start < week.now - timedelta(minutes=week.policy.room_start_grace_minutes):
                    p.fillRect(w._cell_rect(i, row), QColor(colours.alternate))
        font = p.font()
        font.setBold(day == today)
        p.setFont(font)
        p.setPen(text_color)
        title = w.day_header(i) + (
            QCoreApplication.translate("WeekTimeline", " (idag)") if day == today else ""
        )
        first = QRectF(header.left() + 2, 4, header.width() - 4, fm.height())
        draw_elided(p, first, title, Qt.AlignmentFlag.AlignCenter)
        font.setBold(False)
        p.setFont(font)
        if closed:
            p.setPen(QColor(theme.current().error))
            reason = QCoreApplication.translate("WeekTimeline", "Stängt: {reason}").format(reason=closed)
            draw_elided(p, first.translated(0, fm.height()), reason, Qt.AlignmentFlag.AlignCenter)
            paint_closed_name(w, p, column, closed)


def draw_elided(p: QPainter, rect: QRectF, text: str, align: Qt.AlignmentFlag) -> None:
    p.drawText(rect, align, p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width())))


def paint_closed_name(w: WeekTimeline, p: QPainter, column: QRectF, name: str) -> None:
    fm = QFontMetrics(w.font())
    box = QRectF(0, 0, fm.horizontalAdvance(name) + 16, fm.height() + 8)
    box.moveCenter(column.center())
    p.setPen(QColor(theme.current().error))
    p.setBrush(w.palette().base())
    p.drawRoundedRect(box, 4, 4)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, name)


def paint_grid(w: WeekTimeline, p: QPainter, week: TimelineWeek) -> None:
    left, right = w._gutter(), w._gutter() + len(week.days) * w._col_width()
    hour_pen = QPen(w.palette().mid().color(), 1)
    quarter_pen = QPen(w.palette().midlight().color(), 1, Qt.PenStyle.DotLine)
    fm = QFontMetrics(w.font())
    for row in range(week.rows + 1):
        y = w._header() + row * w._row_height()
        minute = week.first_minute + row * week.slot_minutes
        on_hour = minute % 60 == 0
        p.setPen(hour_pen if on_hour else quarter_pen)
        p.drawLine(QPointF(left, y), QPointF(right, y))
        if on_hour and row < week.rows:
            p.setPen(w.palette().text().color())
            label = f"{minute // 60 % 24:02d}:00"
            p.drawText(QRectF(0, y - 1, left - 6, fm.height()), Qt.AlignmentFlag.AlignRight, label)
    p.setPen(hour_pen)
    for i in range(len(week.days) + 1):
        x = left + i * w._col_width()
        p.drawLine(QPointF(x, 0), QPointF(x, w._header() + week.rows * w._row_height()))


def block_rect(w: WeekTimeline, week: TimelineWeek, b: BookingView) -> QRectF | None:
    if b.day not in week.days:
        return None
    top = (minutes_of(b.start) - week.first_minute) / week.slot_minutes
    end_minutes = minutes_of(b.end) or 24 * 60
    bottom = (end_minutes - week.first_minute) / week.slot_minutes
    top, bottom = max(top, 0), min(bottom, week.rows)
    if bottom <= top:
        return None
    col = w._cell_rect(week.days.index(b.day), 0)
    h = w._row_height()
    return QRectF(col.left() + 3, w._header() + top * h + 1, col.width() - 6, (bottom - top) * h - 2)


def paint_block(w: WeekTimeline, p: QPainter, week: TimelineWeek, b: BookingView) -> None:
    rect = block_rect(w, week, b)
    if rect is None:
        return
    mine = w.is_mine(b)
    colours = theme.current()  # light or dark (gui/theme.py)
    p.setPen(QPen(QColor(colours.own_edge if mine else colours.accent), 1))
    p.setBrush(QColor(colours.own_meeting if mine else colours.room))
    p.drawRoundedRect(rect, 3, 3)
    inner = rect.adjusted(4, 2, -3, -1)
    if mine:  # a striped edge: mine by shape too, not colour only
        stripe = QRectF(rect.left(), rect.top(), 6, rect.height())
        p.fillRect(stripe, QBrush(QColor(colours.own_edge), Qt.BrushStyle.BDiagPattern))
        inner.setLeft(inner.left() + 5)
    fm = QFontMetrics(w.font())
    lines = w.block_lines(b)
    fits = max(1, int(inner.height() // fm.height()))
    if fits < len(lines):
        lines = [*lines[: fits - 1], " · ".join(lines[fits - 1 :])]
    p.setPen(QColor(colours.text))
    p.save()
    p.setClipRect(rect)
    for n, line in enumerate(lines):
        font = p.font()
        font.setBold(n <= int(mine))  # the time (and "Min bokning") in bold
        p.setFont(font)
        line_rect = QRectF(inner.left(), inner.top() + n * fm.height(), inner.width(), fm.height())
        draw_elided(p, line_rect, line, Qt.AlignmentFlag.AlignLeft)
    p.restore()


def paint_selection(w: WeekTimeline, p: QPainter) -> None:
    if w.selection is None:
        return
    day, first, end = w.selection
    rect = w._cell_rect(day, first, end - first).adjusted(2, 1, -2, -1)
    color = QColor(w.palette().highlight().color())
    p.setPen(QPen(color, 2))
    color.setAlpha(70)
    p.setBrush(color)
    p.drawRect(rect)
    p.setPen(w.palette().text().color())
    span = f"{fmt_time(w._moment(day, first))}–{fmt_time(w._moment(day, end))}"
    p.drawText(rect.adjusted(4, 2, -2, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, span)


def paint_now(w: WeekTimeline, p: QPainter, week: TimelineWeek) -> None:
    today = clk.local_date(week.now)
    if today not in week.days:
        return
    minute = minutes_of(week.now)
    if not week.first_minute <= minute <= week.last_minute:
        return
    col = w._cell_rect(week.days.index(today), 0)
    y = w._header() + (minute - week.first_minute) / week.slot_minutes * w._row_height()
    p.setPen(QPen(QColor(theme.current().error), 2))
    p.drawLine(QPointF(col.left(), y), QPointF(col.right(), y))
    now_text = QCoreApplication.translate("WeekTimeline", "nu")
    p.drawText(QPointF(col.right() - p.fontMetrics().horizontalAdvance(now_text) - 3, y - 2), now_text)
