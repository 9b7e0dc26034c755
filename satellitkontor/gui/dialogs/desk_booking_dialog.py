"""Booking a desk: full day, morning or afternoon, for me or (staff) for someone else, once or
repeated.

Periods already taken are disabled and say by whom ("Förmiddag (upptagen – Umeå)"); the desk's
day is handed in by the caller (``occupancy``) or loaded off the GUI thread. A repeated booking is
first tried as a dry run: the dialog lists the dates that will be booked and the ones skipped (with
the reason) and books them on "Bekräfta N bokningar". Errors are shown inline; nothing is saved
then and the dialog stays open.

API (used by the book view and the day view; keep it):
    DeskBookingDialog(ctx, desk: Resource, day: date, parent=None, *, for_person: Person | None = None,
                      occupancy: ResourceDay | None = None)
    .period_buttons: dict[DeskPeriod, QRadioButton]   (the free periods enabled)
    .book_button: QPushButton                           (books; on success the dialog accepts)
    .booked: Signal(object)  -> list[BookingView] made  (ctx.notify_changed() is called too)
    .error_label: QLabel                                (the Swedish error, shown inline)
    .occupancy_loaded: Signal()                         (taken periods are shown)
    .person_chooser: PersonChooser | None               (staff booking with no ``for_person``)
    .recurrence_editor: RecurrenceEditor, .preview: SeriesPreview (its .confirm_button books a series)
    .fair_rules: FairRulesLabel (the fair rules that are on, for the person booked for)
    .guest_fields: GuestFields | None (staff: book for an external guest; the person is the host)
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.bookings import BookingView, DeskPeriod, halves_held, halves_of
from satellitkontor.domain.errors import SatellitkontorError
from satellitkontor.domain.people import Person
from satellitkontor.domain.resources import Resource
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.booking_dialog import BookingDialog
from satellitkontor.gui.dialogs.form_dialog import heading_label
from satellitkontor.gui.widgets.fair_rules_label import FairRulesLabel
from satellitkontor.gui.widgets.guest_fields import GuestFields
from satellitkontor.gui.widgets.person_chooser import PersonChooser
from satellitkontor.gui.widgets.recurrence_editor import RecurrenceEditor
from satellitkontor.services.results import DayOccupancy, ResourceDay
from satellitkontor.words.texts import fmt_date, municipality_name


class DeskBookingDialog(BookingDialog):
    occupancy_loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        desk: Resource,
        day: date,
        parent: QWidget | None = None,
        *,
        for_person: Person | None = None,
        occupancy: ResourceDay | None = None,
    ) -> None:
        super().__init__(ctx, parent, for_person)
        self.desk, self.day = desk, day
        self.setObjectName("deskBookingDialog")
        self.setWindowTitle(self.tr("Boka {desk}").format(desk=desk.name))
        self.setMinimumWidth(480)

        self.form = QWidget()
        form_layout = QVBoxLayout(self.form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        self.name_label = heading_label(desk.name, "deskName")
        self.date_label = QLabel(fmt_date(day, ctx.lang))
        self.date_label.setObjectName("deskDay")
        self.equipment_label = QLabel(self.tr("Utrustning: {items}").format(items=", ".join(desk.equipment)))
        self.equipment_label.setObjectName("deskEquipment")
        self.equipment_label.setWordWrap(True)
        self.equipment_label.setVisible(bool(desk.equipment))
        for w in (self.name_label, self.date_label, self.equipment_label):
            form_layout.addWidget(w)

        periods = QGroupBox(self.tr("Del av dagen"))
        periods.setObjectName("periods")
        periods_layout = QVBoxLayout(periods)
        self._period_texts = {
            DeskPeriod.FULL_DAY: self.tr("&Heldag"),
            DeskPeriod.MORNING: self.tr("&Förmiddag"),
            DeskPeriod.AFTERNOON: self.tr("&Eftermiddag"),
        }
        group = QButtonGroup(self)
        self.period_buttons: dict[DeskPeriod, QRadioButton] = {}
        for period, text in self._period_texts.items():
            button = QRadioButton(text)
            button.setObjectName(f"period_{period.value}")
            button.setAccessibleName(text.replace("&", ""))
            group.addButton(button)
            self.period_buttons[period] = button
            periods_layout.addWidget(button)
        self.period_buttons[DeskPeriod.FULL_DAY].setChecked(True)
        self.full_label = QLabel(self.tr("Platsen är fullbokad den här dagen."))
        self.full_label.setObjectName("fullyBooked")
        self.full_label.hide()
        periods_layout.addWidget(self.full_label)
        form_layout.addWidget(periods)

        self.person_chooser: PersonChooser | None = None
        who = QFormLayout()
        if for_person is not None:
            who.addRow(self.tr("Bokas åt:"), QLabel(for_person.name))
        elif ctx.is_staff:
            self.person_chooser = PersonChooser(ctx)
            self.person_chooser.currentIndexChanged.connect(self._inputs_changed)
            who.addRow(self.tr("B&oka åt:"), self.person_chooser)
        form_layout.addLayout(who)
        self.guest_fields: GuestFields | None = None
        if ctx.is_staff:  # the person booked for is then the guest's host
            self.guest_fields = GuestFields()
            self.guest_fields.changed.connect(self._inputs_changed)
            form_layout.addWidget(self.guest_fields)

        self.recurrence_editor = RecurrenceEditor(day)
        self.recurrence_editor.changed.connect(self._inputs_changed)
        form_layout.addWidget(self.recurrence_editor)
        self.fair_rules = FairRulesLabel(ctx, desks=True)
        form_layout.addWidget(self.fair_rules)
        if self.person_chooser is not None:
            self.person_chooser.currentIndexChanged.connect(self._load_fair_rules)
        self._load_fair_rules()

        buttons, self.book_button = self.button_box(self.tr("&Boka"), self.tr("Boka"), "book", self._book)
        self._preview_takes_default()

        self.lay_out([], buttons)

        for button in self.period_buttons.values():
            button.toggled.connect(self._inputs_changed)
        ctx.data_changed.connect(self._data_changed)
        if occupancy is not None:
            self.set_occupancy(occupancy)
        else:
            self._load_occupancy()

    def _load_fair_rules(self) -> None:
        self.fair_rules.load(self.day, self._for_person_id())

    # --- what is taken ---------------------------------------------------------------------------
    def _data_changed(self) -> None:
        """Someone booked or cancelled (here or elsewhere): show what is taken now."""
        if self.isVisible() and not self._busy:
            self._load_occupancy()

    def _load_occupancy(self) -> None:
        occupancy, day, desk_id, viewer = self.ctx.svc.occupancy, self.day, self.desk.id, self.ctx.viewer_id

        def done(result: DayOccupancy) -> None:
            mine = next((r for r in result.resources if r.resource.id == desk_id), None)
            if mine is not None:
                self.set_occupancy(mine)

        self.ctx.run(lambda: occupancy.day(day, viewer_id=viewer), done, owner=self, on_error=self.show_error)

    def set_occupancy(self, occupancy: ResourceDay) -> None:
        """Disable (and say so) the periods other bookings already hold."""
        taken = {
            DeskPeriod.FULL_DAY: occupancy.morning_taken or occupancy.afternoon_taken,
            DeskPeriod.MORNING: occupancy.morning_taken,
            DeskPeriod.AFTERNOON: occupancy.afternoon_taken,
        }
        for period, button in self.period_buttons.items():
            text = self._period_texts[period]
            if taken[period]:
                holders = [b for b in occupancy.bookings if halves_held(b) & halves_of(period)]
                text = self._taken_text(text, holders)
            button.setText(text)
            button.setAccessibleName(text.replace("&", ""))
            button.setEnabled(not taken[period])
        checked = next((p for p, b in self.period_buttons.items() if b.isChecked()), None)
        if checked is None or taken[checked]:
            free = next((p for p in DeskPeriod if not taken[p]), None)
            if free is not None:
                self.period_buttons[free].setChecked(True)
        self.full_label.setVisible(all(taken.values()))
        self._update_state()
        self.occupancy_loaded.emit()

    def _taken_text(self, text: str, holders: list[BookingView]) -> str:
        names = sorted({municipality_name(b.municipality_code) for b in holders})
        if not names:
            return self.tr("{period} (upptagen)").format(period=text)
        return self.tr("{period} (upptagen – {who})").format(period=text, who=", ".join(names))

    # --- state -----------------------------------------------------------------------------------
    def period(self) -> DeskPeriod | None:
        return next(
            (p for p, b in self.period_buttons.items() if b.isChecked() and b.isEnabled()),
            None,
        )

    def _update_state(self) -> None:
        self.book_button.setEnabled(not self._busy and self.period() is not None)

    # --- booking ---------------------------------------------------------------------------------
    def _book(self) -> None:
        period = self.period()
        if period is None or self._busy:
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
        actor, desk_id, day, for_id = self.ctx.person_id, self.desk.id, self.day, self._for_person_id()
        if recurrence is not None:
            self.preview.preview(
                lambda dry_run: svc.book_series(
                    actor,
                    desk_id,
                    recurrence,
                    period=period,
                    for_person_id=for_id,
                    guest=guest,
                    dry_run=dry_run,
                )
            )
            return
        self.submit(
            lambda: svc.book_desk(actor, desk_id, day, period, for_person_id=for_id, guest=guest),
            lambda view: self.booked.emit([view]),
        )
