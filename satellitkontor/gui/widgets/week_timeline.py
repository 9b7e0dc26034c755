"""A week of the conference room as a timeline: one column per day, one row per room slot.

The view hands in a :class:`TimelineWeek` (loaded off the GUI thread); the widget only paints and
turns mouse and keys into choices. A person chooses free time by dragging over one day column
(snapped to the slot grid), by clicking (one hour from the clicked slot, shortened at the next
meeting or closing time), or with the keyboard (arrows move a focus slot, Shift+Up/Down widen it,
Enter chooses). What cannot be chosen (closed days, hours outside opening time, times already past,
days beyond the horizon, too short or too long a time) is asked of domain/policy.py, the rules the
booking service applies; the widget words the answer and says it through :attr:`WeekTimeline.refused`. Meetings are blocks with time, title,
participants and municipality (the booker's name only for staff); my own meetings carry the words
"Min bokning" and a striped edge, never colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, BookingView
from satellitkontor.domain.errors import (
    BeyondHorizon,
    InThePast,
    OfficeClosed,
    OutsideOpeningHours,
    RuleViolation,
    TooShort,
)
from satellitkontor.domain.office_calendar import OfficeCalendar, OpeningHours
from satellitkontor.domain.policy import BookingPolicy, room_refusal, room_slot_refusal
from satellitkontor.gui.widgets import week_timeline_paint
from satellitkontor.words.texts import describe, fmt_date, fmt_time, municipality_name

#: Minimum height of one slot row, in pixels.
MIN_ROW_HEIGHT = 7
#: A click (not a drag) chooses this many minutes from the clicked slot.
CLICK_MINUTES = 60


@dataclass(frozen=True, slots=True)
class TimelineWeek:
    """Everything the timeline shows of one week (local times as minutes after midnight)."""

    days: tuple[date, ...]
    first_minute: int  # top of the first row
    last_minute: int  # bottom of the last row
    slot_minutes: int
    hours: tuple[OpeningHours | None, ...]  # per day; None when closed
    closed: tuple[str | None, ...]  # per day: why it is closed (holiday, closure, weekday)
    bookings: tuple[BookingView, ...]  # the room's meetings that hold it
    now: datetime
    #: The office's rules and calendar: what may be booked is asked of domain/policy.py.
    calendar: OfficeCalendar
    policy: BookingPolicy
    capacity: int = 12  # the room's own
    my_id: int | None = None
    show_names: bool = False
    lang: str = "sv"

    @property
    def rows(self) -> int:
        return max(1, (self.last_minute - self.first_minute) // self.slot_minutes)


class WeekTimeline(QWidget):
    #: Free time chosen: (start, end) as aware datetimes.
    range_chosen = Signal(object, object)
    #: A meeting was clicked or chosen with Enter (BookingView).
    booking_clicked = Signal(object)
    #: Why the chosen time cannot be booked (a sentence for the status line).
    refused = Signal(str)
    #: One's own meeting dragged to another time or day: (BookingView, new start, new end).
    move_requested = Signal(object, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekTimeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Veckoschema för konferensrummet"))
        self.week: TimelineWeek | None = None
        self.focus_cell: tuple[int, int] = (0, 0)
        #: (day index, first row, end row exclusive) being chosen, or None.
        self.selection: tuple[int, int, int] | None = None
        self._anchor: tuple[int, int] | None = None
        self._press: QPointF | None = None
        self._dragged = False
        self._key_anchor: int | None = None
        #: One's own meeting being dragged: (the booking, the cell it was picked up at).
        self._moving: tuple[BookingView, tuple[int, int]] | None = None

    # --- data ------------------------------------------------------------------------------------
    def set_week(self, week: TimelineWeek) -> None:
        same_days = self.week is not None and self.week.days == week.days
        self.week = week
        self.selection = None
        self._anchor = None
        day, row = self.focus_cell
        if not same_days or day >= len(week.days) or row >= week.rows:
            self.focus_cell = self._first_free_cell()
        self._describe_focus()
        self.update()

    def clear_selection(self) -> None:
        self.selection = None
        self.update()

    def closed_name(self, day: date) -> str | None:
        """Why ``day`` is closed (shown in its header and across its column), or None."""
        if self.week is None or day not in self.week.days:
            return None
        return self.week.closed[self.week.days.index(day)]

    def day_header(self, index: int) -> str:
        assert self.week is not None
        return fmt_date(self.week.days[index], self.week.lang).rsplit(" ", 1)[0]  # without the year

    # --- geometry (also used by tests) -----------------------------------------------------------
    def _gutter(self) -> float:
        return float(self.fontMetrics().horizontalAdvance("00:00") + 14)

    def _header(self) -> float:
        return float(self.fontMetrics().height() * 2 + 10)

    def _col_width(self) -> float:
        n = len(self.week.days) if self.week else 5
        return max(1.0, (self.width() - self._gutter() - 1) / n)

    def _row_height(self) -> float:
        rows = self.week.rows if self.week else 40
        return max(1.0, (self.height() - self._header() - 1) / rows)

    def _cell_rect(self, day: int, row: int, rows: int = 1) -> QRectF:
        return QRectF(
            self._gutter() + day * self._col_width(),
            self._header() + row * self._row_height(),
            self._col_width(),
            rows * self._row_height(),
        )

    def _row_of(self, at: time) -> int:
        assert self.week is not None
        return (at.hour * 60 + at.minute - self.week.first_minute) // self.week.slot_minutes

    def slot_rect(self, day: date, at: time) -> QRect:
        """Widget coordinates of the slot that starts at ``at`` on ``day``."""
        assert self.week is not None
        return self._cell_rect(self.week.days.index(day), self._row_of(at)).toAlignedRect()

    def point_for(self, day: date, at: time) -> QPoint:
        """The middle of the slot that starts at ``at`` on ``day``."""
        assert self.week is not None
        return self._cell_rect(self.week.days.index(day), self._row_of(at)).center().toPoint()

    def cell_at(self, pos: QPointF | QPoint) -> tuple[int, int] | None:
        if self.week is None:
            return None
        x, y = pos.x() - self._gutter(), pos.y() - self._header()
        if x < 0 or y < 0:
            return None
        day, row = int(x // self._col_width()), int(y // self._row_height())
        if day >= len(self.week.days) or row >= self.week.rows:
            return None
        return day, row

    # --- what is where ---------------------------------------------------------------------------
    def _moment(self, day: int, row: int) -> datetime:
        assert self.week is not None
        minutes = self.week.first_minute + row * self.week.slot_minutes
        d = self.week.days[day] + timedelta(days=minutes // (24 * 60))
        minutes %= 24 * 60
        return clk.local(d, time(minutes // 60, minutes % 60))

    def _booking_in(self, day: int, row: int) -> BookingView | None:
        if self.week is None:
            return None
        start, end = self._moment(day, row), self._moment(day, row + 1)
        return next((b for b in self.week.bookings if b.start < end and b.end > start), None)

    def block_at(self, day: date, at: time) -> BookingView | None:
        """The meeting drawn over the slot at ``at`` on ``day``, if any."""
        assert self.week is not None
        return self._booking_in(self.week.days.index(day), self._row_of(at))

    def is_mine(self, booking: BookingView) -> bool:
        return self.week is not None and self.week.my_id is not None and booking.person_id == self.week.my_id

    def block_lines(self, b: BookingView) -> list[str]:
        """The lines written in a meeting's block (and its tool tip)."""
        lines = [self.tr("Min bokning")] if self.is_mine(b) else []
        lines.append(f"{fmt_time(b.start)}–{fmt_time(b.end)}")
        hidden = not self.is_mine(b) and not (self.week is not None and self.week.show_names)
        lines.append(b.title or (self.tr("Bokat") if hidden else self.tr("(utan rubrik)")))
        people = self.tr("{n} pers.").format(n=b.participants) if b.participants else ""
        lines.append(" · ".join(p for p in (people, municipality_name(b.municipality_code)) if p))
        if self.week is not None and self.week.show_names and b.person_name:
            lines.append(b.person_name)
        return lines

    def why_not(self, day: int, row: int) -> str | None:
        """Why the slot cannot be chosen, or None when it is free to book. The office's rules
        are asked of domain/policy.py (as the booking service does); then whether it is taken."""
        week = self.week
        if week is None:
            return self.tr("Schemat laddas fortfarande.")
        start, end = self._moment(day, row), self._moment(day, row + 1)
        refusal = room_slot_refusal(start, end, week.now, week.calendar, week.policy)
        if refusal is not None:
            return self.refusal_text(refusal)
        booking = self._booking_in(day, row)
        if booking is not None:
            return self.tr("Tiden är redan bokad: {what}.").format(what=", ".join(self.block_lines(booking)))
        return None

    def why_not_range(self, start: datetime, end: datetime, participants: int | None = None) -> str | None:
        """Why the room cannot be booked from ``start`` to ``end`` (for ``participants``, when
        known) by the office's rules, or None. Whether the time is taken is not asked here."""
        week = self.week
        if week is None:
            return self.tr("Schemat laddas fortfarande.")
        refusal = room_refusal(start, end, participants, week.capacity, week.now, week.calendar, week.policy)
        return None if refusal is None else self.refusal_text(refusal)

    def refusal_text(self, refusal: RuleViolation) -> str:
        """The room week's words for a rule the domain says is broken."""
        assert self.week is not None
        lang, facts = self.week.lang, refusal.params
        if isinstance(refusal, OfficeClosed):
            day = facts["day"]
            reason = self.closed_name(day) or facts.get("reason") or ""
            return self.tr("Kontoret är stängt {day}: {reason}.").format(
                day=fmt_date(day, lang), reason=reason
            )
        if isinstance(refusal, OutsideOpeningHours):
            return self.tr("Kontoret har öppet {opens}–{closes} den dagen.").format(
                opens=fmt_time(facts["opens"]), closes=fmt_time(facts["closes"])
            )
        if isinstance(refusal, InThePast):
            return self.tr("Den tiden har redan varit. Välj en senare tid.")
        if isinstance(refusal, BeyondHorizon):
            return self.tr("Rummet kan bokas till och med {day}.").format(day=fmt_date(facts["last"], lang))
        if isinstance(refusal, TooShort):
            return self.tr(
                "Det finns bara {free} minuter ledigt där; ett möte är minst {minimum} minuter."
            ).format(free=facts["minutes"], minimum=facts["minimum"])
        return describe(refusal, lang)

    def _free_run(self, day: int, anchor: int, target: int) -> tuple[int, int]:
        """Rows [first, end) from ``anchor`` towards ``target``, stopping before a taken slot."""
        step = 1 if target >= anchor else -1
        last = anchor
        row = anchor + step
        while (row <= target if step > 0 else row >= target) and self.why_not(day, row) is None:
            last = row
            row += step
        return (anchor, last + 1) if step > 0 else (last, anchor + 1)

    def _first_free_cell(self) -> tuple[int, int]:
        week = self.week
        cells = ((d, r) for d in range(len(week.days)) for r in range(week.rows)) if week else iter(())
        return next((c for c in cells if self.why_not(*c) is None), (0, 0))

    # --- choosing --------------------------------------------------------------------------------
    def choose_cell(self, day: int, row: int) -> None:
        """A click (or Enter) on one slot: a meeting shows itself; free time opens an hour."""
        booking = self._booking_in(day, row)
        if booking is not None:
            self.booking_clicked.emit(booking)
            return
        reason = self.why_not(day, row)
        if reason is not None:
            self.refused.emit(reason)
            return
        assert self.week is not None
        want = max(1, CLICK_MINUTES // self.week.slot_minutes)
        first, end = self._free_run(day, row, min(row + want - 1, self.week.rows - 1))
        self._choose(day, first, end)

    def _choose(self, day: int, first: int, end: int) -> None:
        assert self.week is not None
        start, stop = self._moment(day, first), self._moment(day, end)
        reason = self.why_not_range(start, stop)
        if reason is not None:
            self.selection = None
            self.update()
            self.refused.emit(reason)
            return
        self.selection = (day, first, end)
        self.update()
        self.range_chosen.emit(start, stop)

    # --- mouse -----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is not Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        cell = self.cell_at(event.position())
        self._press, self._dragged, self._anchor = event.position(), False, None
        if cell is None:
            return
        self.focus_cell = cell
        self._describe_focus()
        booking = self._booking_in(*cell)
        if booking is not None and self.is_mine(booking) and booking.status is BookingStatus.CONFIRMED:
            self._moving = (booking, cell)  # dragged: moved (issue 16); let go at once: shown
            return
        if self.why_not(*cell) is None:
            self._anchor = cell
            self.selection = (cell[0], cell[1], cell[1] + 1)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._moving is not None and self._press is not None and self.week is not None:
            if (event.position() - self._press).manhattanLength() >= 4:
                self._dragged = True
            over = self.cell_at(event.position())
            if over is not None:  # where the meeting would go, drawn as the selection
                booking, (_, grabbed) = self._moving
                rows = max(
                    1, round((booking.end - booking.start).total_seconds() / 60 / self.week.slot_minutes)
                )
                first = over[1] - (grabbed - self._row_of(clk.to_local(booking.start).time()))
                self.selection = (over[0], first, first + rows)
                self.update()
            return
        if self._anchor is None or self._press is None or self.week is None:
            return
        if (event.position() - self._press).manhattanLength() >= 4:
            self._dragged = True
        day, anchor = self._anchor
        y = event.position().y() - self._header()
        target = min(max(int(y // self._row_height()), 0), self.week.rows - 1)
        self.selection = (day, *self._free_run(day, anchor, target))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() is not Qt.MouseButton.LeftButton or self._press is None:
            return
        cell = self.cell_at(self._press)
        selection, dragged = self.selection, self._dragged
        self._press, self._anchor = None, None
        if self._moving is not None:
            booking, _ = self._moving
            self._moving, self.selection = None, None
            self.update()
            if dragged and selection is not None and self.week is not None:
                start, end = (
                    self._moment(selection[0], selection[1]),
                    self._moment(selection[0], selection[2]),
                )
                if start != booking.start:
                    self.move_requested.emit(booking, start, end)
                    return
            self.booking_clicked.emit(booking)
            return
        if dragged and selection is not None and selection[2] - selection[1] > 1:
            self._choose(*selection)
        elif cell is not None:
            self.selection = None
            self.choose_cell(*cell)

    # --- keyboard --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.week is None:
            super().keyPressEvent(event)
            return
        key, shift = Qt.Key(event.key()), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        day, row = self.focus_cell
        moves = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in moves:
            dd, dr = moves[key]
            if shift and dd == 0:
                self._extend_by_key(dr)
                return
            self.selection, self._key_anchor = None, None
            self.focus_cell = (
                min(max(day + dd, 0), len(self.week.days) - 1),
                min(max(row + dr, 0), self.week.rows - 1),
            )
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.focus_cell = (day, 0 if key == Qt.Key.Key_Home else self.week.rows - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            sel = self.selection
            if sel is not None and sel[2] - sel[1] > 1:
                self._choose(*sel)
            else:
                self.choose_cell(day, row)
            return
        elif key == Qt.Key.Key_Escape and self.selection is not None:
            self.clear_selection()
            return
        else:
            super().keyPressEvent(event)
            return
        self._describe_focus()
        self.update()

    def _extend_by_key(self, step: int) -> None:
        """Shift+Up/Down: widen the chosen time from where the widening began, over free slots."""
        assert self.week is not None
        day, row = self.focus_cell
        if self.selection is None or self.selection[0] != day or self._key_anchor is None:
            reason = self.why_not(day, row)
            if reason is not None:
                self.refused.emit(reason)
                return
            self._key_anchor = row
        target = min(max(row + step, 0), self.week.rows - 1)
        if self.why_not(day, target) is not None:
            return
        anchor = self._key_anchor
        self.selection = (day, min(anchor, target), max(anchor, target) + 1)
        self.focus_cell = (day, target)
        self._describe_focus()
        self.update()

    def _describe_focus(self) -> None:
        if self.week is None:
            return
        day, row = self.focus_cell
        where = f"{fmt_date(self.week.days[day], self.week.lang)} {fmt_time(self._moment(day, row))}"
        booking = self._booking_in(day, row)
        if booking is not None:
            state = ", ".join(self.block_lines(booking))
        else:
            state = self.why_not(day, row) or self.tr("ledig; Enter bokar")
        if self.selection is not None:
            d, first, end = self.selection
            span = f"{fmt_time(self._moment(d, first))}–{fmt_time(self._moment(d, end))}"
            state = self.tr("vald tid {span}; Enter bokar").format(span=span)
        self.setAccessibleDescription(f"{where}: {state}")

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._describe_focus()
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # --- tool tips -------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self.cell_at(event.pos())
            text = ""
            if cell is not None:
                booking = self._booking_in(*cell)
                text = "\n".join(self.block_lines(booking)) if booking else (self.why_not(*cell) or "")
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # --- size and painting -----------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        rows = self.week.rows if self.week else 40
        return QSize(720, int(self._header() + rows * 12))

    def minimumSizeHint(self) -> QSize:
        rows = self.week.rows if self.week else 40
        return QSize(420, int(self._header() + rows * MIN_ROW_HEIGHT))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if self.week is not None:
            week_timeline_paint.paint_days(self, painter, self.week)
            week_timeline_paint.paint_grid(self, painter, self.week)
            for booking in self.week.bookings:
                week_timeline_paint.paint_block(self, painter, self.week, booking)
            week_timeline_paint.paint_selection(self, painter)
            week_timeline_paint.paint_now(self, painter, self.week)
            if self.hasFocus():
                pen = QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(self._cell_rect(*self.focus_cell).adjusted(1, 1, -1, -1))
        painter.end()
