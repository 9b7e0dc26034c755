"""Booking the conference room: time, title, participants, conflicts before saving, once or repeated.

Whenever the times change, the room's day is loaded off the GUI thread and the bookings the slot
would overlap are listed ("Krockar med 10:00–11:00 Styrgrupp (Umeå)"); "Boka" stays disabled until
the slot is free, the end is after the start and the participants fit (the policy's maximum and the
room's capacity, at most 12 by default). Times move on the policy's slot grid (15 minutes); moving
the start keeps the meeting's length. A repeated booking is tried as a dry run first and booked on
"Bekräfta N bokningar" (see series_preview.py). Errors are shown inline; nothing is saved then.

API (used by the room view and the day view; keep it):
    RoomBookingDialog(ctx, room: Resource, start: datetime, end: datetime, parent=None,
                      *, for_person: Person | None = None, rooms: Sequence[Resource] = ())
    .room_combo: QComboBox | None (only when ``rooms`` holds several: choosing one checks it again)
    .title_edit: QLineEdit, .participants_spin: QSpinBox (1..99; above the maximum: inline error),
    .start_edit / .end_edit: QTimeEdit (on the day of ``start``)
    .book_button: QPushButton; .booked: Signal(object) -> list[BookingView]; .error_label: QLabel
    .participants_error: QLabel, .conflict_label: QLabel, .conflicts() -> list[BookingView]
    .conflicts_checked: Signal()   (the overlap check for the current times is on screen)
    .person_chooser: PersonChooser | None, .recurrence_editor, .preview (SeriesPreview)
    .fair_rules: FairRulesLabel (the longest series, when that rule is on)
    .guest_fields: GuestFields | None (staff: book for an external guest; the person is the host)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time

from PySide6.QtCore import QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingView
from satellitkontor.domain.errors import SatellitkontorError
from satellitkontor.domain.people import Person
from satellitkontor.domain.policy import DEFAULT_POLICY, BookingPolicy
from satellitkontor.domain.resources import Resource
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.booking_dialog import BookingDialog
from satellitkontor.gui.dialogs.form_dialog import ERROR_STYLE, heading_label
from satellitkontor.gui.widgets.fair_rules_label import FairRulesLabel
from satellitkontor.gui.widgets.guest_fields import GuestFields
from satellitkontor.gui.widgets.person_chooser import PersonChooser
from satellitkontor.gui.widgets.recurrence_editor import RecurrenceEditor
from satellitkontor.services.results import MAX_TITLE, DayOccupancy
from satellitkontor.words.texts import fmt_date, fmt_time, municipality_name

#: The spin box accepts this many, so that a too-large meeting is explained, not silently capped.
SPIN_MAXIMUM = 99
#: Wait this long after the last time change before asking the database about overlaps.
CHECK_DELAY_MS = 120


class SlotTimeEdit(QTimeEdit):
    """A time edit whose minutes step (arrow keys, wheel) and settle on the room's slot grid."""

    def __init__(self, value: QTime, grid_minutes: int = 15, parent: QWidget | None = None) -> None:
        super().__init__(value, parent)
        self.grid = grid_minutes
        self.setDisplayFormat("HH:mm")
        self.editingFinished.connect(self.snap)

    def stepBy(self, steps: int) -> None:
        if self.currentSection() == QTimeEdit.Section.MinuteSection:
            minutes = self.time().hour() * 60 + self.time().minute()
            minutes = (minutes // self.grid + steps) * self.grid
            if 0 <= minutes < 24 * 60:
                self.setTime(QTime(minutes // 60, minutes % 60))
            return
        super().stepBy(steps)

    def snap(self) -> None:
        minutes = self.time().hour() * 60 + self.time().minute()
        snapped = min(round(minutes / self.grid) * self.grid, 24 * 60 - self.grid)
        if snapped != minutes:
            self.setTime(QTime(snapped // 60, snapped % 60))


class RoomBookingDialog(BookingDialog):
    conflicts_checked = Signal()

    def __init__(
        self,
        ctx: AppContext,
        room: Resource,
        start: datetime,
        end: datetime,
        parent: QWidget | None = None,
        *,
        for_person: Person | None = None,
        rooms: Sequence[Resource] = (),
    ) -> None:
        super().__init__(ctx, parent, for_person)
        self.room = room
        self.rooms = tuple(rooms) or (room,)
        self.day = clk.local_date(start)
        self.policy: BookingPolicy = DEFAULT_POLICY
        self._checking = False
        self._generation = 0
        self._conflicts: list[BookingView] = []
        self.setObjectName("roomBookingDialog")
        self.setWindowTitle(self.tr("Boka {room}").format(room=room.name))
        self.setMinimumWidth(520)

        self.form = QWidget()
        form_layout = QVBoxLayout(self.form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        self.name_label = heading_label(room.name, "roomName")
        self.date_label = QLabel(fmt_date(self.day, ctx.lang))
        self.date_label.setObjectName("roomDay")
        self.hours_label = QLabel()
        self.hours_label.setObjectName("openingHours")
        self.hours_label.hide()
        self.equipment_label = QLabel(self._room_facts(room))
        self.equipment_label.setObjectName("roomEquipment")
        self.equipment_label.setWordWrap(True)
        for w in (self.name_label, self.date_label, self.hours_label, self.equipment_label):
            form_layout.addWidget(w)

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.title_edit.setAccessibleName(self.tr("Rubrik"))
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setPlaceholderText(self.tr("t.ex. Styrgruppsmöte"))
        self.participants_spin = QSpinBox()
        self.participants_spin.setObjectName("participants")
        self.participants_spin.setAccessibleName(self.tr("Antal deltagare"))
        self.participants_spin.setRange(1, SPIN_MAXIMUM)
        self.participants_spin.setValue(2)
        self.participants_error = QLabel()
        self.participants_error.setObjectName("participantsError")
        self.participants_error.setWordWrap(True)
        self.participants_error.setStyleSheet(ERROR_STYLE)
        self.participants_error.hide()
        ls, le = clk.to_local(start), clk.to_local(end)
        self.start_edit = SlotTimeEdit(QTime(ls.hour, ls.minute))
        self.start_edit.setObjectName("start")
        self.start_edit.setAccessibleName(self.tr("Starttid"))
        self.end_edit = SlotTimeEdit(QTime(le.hour, le.minute))
        self.end_edit.setObjectName("end")
        self.end_edit.setAccessibleName(self.tr("Sluttid"))
        self._last_start = self.start_edit.time()

        fields = QFormLayout()
        self.room_combo: QComboBox | None = None
        if len(self.rooms) > 1:
            self.room_combo = QComboBox()
            self.room_combo.setObjectName("roomChoice")
            self.room_combo.setAccessibleName(self.tr("Rum"))
            for r in self.rooms:
                self.room_combo.addItem(r.name, r.id)
            self.room_combo.setCurrentIndex(max(0, self.room_combo.findData(room.id)))
            fields.addRow(self.tr("R&um:"), self.room_combo)
        fields.addRow(self.tr("&Rubrik:"), self.title_edit)
        fields.addRow(self.tr("D&eltagare:"), self.participants_spin)
        fields.addRow("", self.participants_error)
        fields.addRow(self.tr("&Från:"), self.start_edit)
        fields.addRow(self.tr("&Till:"), self.end_edit)
        self.person_chooser: PersonChooser | None = None
        if for_person is not None:
            fields.addRow(self.tr("Bokas åt:"), QLabel(for_person.name))
        elif ctx.is_staff:
            self.person_chooser = PersonChooser(ctx)
            fields.addRow(self.tr("B&oka åt:"), self.person_chooser)
        form_layout.addLayout(fields)
        self.guest_fields: GuestFields | None = None
        if ctx.is_staff:  # the person booked for is then the guest's host
            self.guest_fields = GuestFields()
            self.guest_fields.changed.connect(self._inputs_changed)
            form_layout.addWidget(self.guest_fields)
        self.recurrence_editor = RecurrenceEditor(self.day)
        form_layout.addWidget(self.recurrence_editor)
        self.fair_rules = FairRulesLabel(ctx, desks=False)  # the longest series
        form_layout.addWidget(self.fair_rules)
        self.fair_rules.load(self.day, None)

        self.conflict_label = QLabel()
        self.conflict_label.setObjectName("conflicts")
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setStyleSheet(ERROR_STYLE)
        self.conflict_label.hide()

        buttons, self.book_button = self.button_box(self.tr("&Boka"), self.tr("Boka"), "book", self._book)
        self._preview_takes_default()

        self.lay_out([self.conflict_label], buttons)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._check_conflicts)
        self.start_edit.timeChanged.connect(self._start_changed)
        self.end_edit.timeChanged.connect(self._times_changed)
        self.participants_spin.valueChanged.connect(self._inputs_changed)
        self.title_edit.textChanged.connect(self._inputs_changed)
        self.recurrence_editor.changed.connect(self._inputs_changed)
        if self.person_chooser is not None:
            self.person_chooser.currentIndexChanged.connect(self._inputs_changed)
        if self.room_combo is not None:
            self.room_combo.currentIndexChanged.connect(self._room_changed)
        ctx.data_changed.connect(self._data_changed)
        self._load_policy()
        self._check_conflicts()

    def _room_facts(self, room: Resource) -> str:
        return ", ".join([self.tr("Plats för {n} personer").format(n=room.capacity), *room.equipment])

    def _room_changed(self, index: int) -> None:
        """Another room chosen: its name, size and overlaps."""
        self.room = next((r for r in self.rooms if r.id == self.room_combo_id(index)), self.room)
        self.setWindowTitle(self.tr("Boka {room}").format(room=self.room.name))
        self.name_label.setText(self.room.name)
        self.equipment_label.setText(self._room_facts(self.room))
        self._conflicts = []
        self._times_changed()

    def room_combo_id(self, index: int) -> int | None:
        return self.room_combo.itemData(index) if self.room_combo is not None else None

    # --- what the times mean ---------------------------------------------------------------------
    def start_at(self) -> datetime:
        return clk.local(self.day, _time(self.start_edit.time()))

    def end_at(self) -> datetime:
        return clk.local(self.day, _time(self.end_edit.time()))

    def max_participants(self) -> int:
        return min(self.policy.max_participants, self.room.capacity)

    def conflicts(self) -> list[BookingView]:
        return list(self._conflicts)

    # --- loading ---------------------------------------------------------------------------------
    def _load_policy(self) -> None:
        def done(policy: BookingPolicy) -> None:
            self.policy = policy
            for edit in (self.start_edit, self.end_edit):
                edit.grid = policy.room_slot_minutes
            self._inputs_changed()

        self.ctx.run(self.ctx.svc.office.policy, done, owner=self, on_error=self.show_error)

    def _start_changed(self, value: QTime) -> None:
        """Moving the start moves the end too: the meeting keeps its length."""
        shift = self._last_start.secsTo(value)
        self._last_start = value
        moved = self.end_edit.time().addSecs(shift)
        if shift and moved > value:
            self.end_edit.blockSignals(True)
            self.end_edit.setTime(moved)
            self.end_edit.blockSignals(False)
        self._times_changed()

    def _data_changed(self) -> None:
        """Someone booked or cancelled (here or elsewhere): check the slot again."""
        if self.isVisible() and not self._busy:
            self._checking = True
            self._check_timer.start()

    def _times_changed(self) -> None:
        self._checking = True
        self._generation += 1
        self._check_timer.start()
        self._inputs_changed()

    def _check_conflicts(self) -> None:
        self._check_timer.stop()
        self._checking = True
        self._generation += 1
        generation = self._generation
        occupancy, day, viewer = self.ctx.svc.occupancy, self.day, self.ctx.viewer_id

        def done(result: DayOccupancy) -> None:
            if generation != self._generation:
                return
            self._checking = False
            self._show_day(result)
            self.conflicts_checked.emit()

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._checking = False
            self._conflicts = []
            self.show_error(exc)
            self._update_state()
            self.conflicts_checked.emit()

        self.ctx.run(lambda: occupancy.day(day, viewer_id=viewer), done, owner=self, on_error=failed)

    def _show_day(self, result: DayOccupancy) -> None:
        if result.closed is not None:
            self.hours_label.setText(self.tr("Stängt: {reason}").format(reason=result.closed.name))
        elif result.hours is not None:
            self.hours_label.setText(
                self.tr("Öppet {opens}–{closes}").format(
                    opens=fmt_time(result.hours.opens), closes=fmt_time(result.hours.closes)
                )
            )
        self.hours_label.setVisible(bool(self.hours_label.text()))
        start, end = self.start_at(), self.end_at()
        mine = next((r for r in result.resources if r.resource.id == self.room.id), None)
        bookings = mine.bookings if mine is not None else ()
        self._conflicts = [
            b for b in bookings if b.status in HOLDING_STATUSES and b.start < end and b.end > start
        ]
        self._update_state()

    # --- what the user sees ----------------------------------------------------------------------
    def _conflict_line(self, b: BookingView) -> str:
        span = f"{fmt_time(b.start)}–{fmt_time(b.end)}"
        municipality = municipality_name(b.municipality_code)
        if b.title:
            return self.tr("Krockar med {span} {title} ({municipality})").format(
                span=span, title=b.title, municipality=municipality
            )
        return self.tr("Krockar med {span} ({municipality})").format(span=span, municipality=municipality)

    def _update_state(self) -> None:
        maximum, value = self.max_participants(), self.participants_spin.value()
        too_many = value > maximum
        self.participants_error.setText(
            self.tr("Högst {maximum} deltagare får plats i {room}; du angav {value}.").format(
                maximum=maximum, room=self.room.name, value=value
            )
            if too_many
            else ""
        )
        self.participants_error.setVisible(too_many)
        lines = [self._conflict_line(b) for b in self._conflicts]
        if self.end_edit.time() <= self.start_edit.time():
            lines.insert(0, self.tr("Sluttiden måste vara efter starttiden."))
        self.conflict_label.setText("\n".join(lines))
        self.conflict_label.setVisible(bool(lines))
        self.book_button.setEnabled(self.can_book())

    def can_book(self) -> bool:
        """Whether "Boka" may be pressed. A check still under way does not block it: the booking
        service refuses an overlap anyway, with the same facts."""
        return (
            not self._busy
            and not self._conflicts
            and self.participants_spin.value() <= self.max_participants()
            and self.end_edit.time() > self.start_edit.time()
        )

    # --- booking ---------------------------------------------------------------------------------
    def _book(self) -> None:
        if not self.can_book():
            return
        self.error_label.hide()
        try:
            recurrence = self.recurrence_editor.recurrence()
        except SatellitkontorError as exc:
            self.show_error(exc)
            return
        try:
            guest = self._guest()
        except SatellitkontorError as exc:
            self.show_error(exc)
            return
        svc = self.ctx.svc.booking
        actor, room_id, for_id = self.ctx.person_id, self.room.id, self._for_person_id()
        n, title = self.participants_spin.value(), self.title_edit.text()
        start, end = self.start_at(), self.end_at()
        if recurrence is not None:
            start_time, end_time = _time(self.start_edit.time()), _time(self.end_edit.time())
            self.preview.preview(
                lambda dry_run: svc.book_series(
                    actor,
                    room_id,
                    recurrence,
                    start_time=start_time,
                    end_time=end_time,
                    participants=n,
                    title=title,
                    for_person_id=for_id,
                    guest=guest,
                    dry_run=dry_run,
                )
            )
            return
        self.submit(
            lambda: svc.book_room(actor, room_id, start, end, n, title, for_person_id=for_id, guest=guest),
            lambda view: self.booked.emit([view]),
        )


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())
