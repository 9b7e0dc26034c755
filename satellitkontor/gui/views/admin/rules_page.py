"""Administration: Bokningsregler. The office's booking rules and opening hours as one form.

"Spara" sends every value in one ``update_policy`` call: the service checks the whole policy and
saves all of it or nothing, and its Swedish sentence is shown when a value is refused.
The fair rules ("Rättvis fördelning") are each a check box and a number: without the tick the rule
is off (None in the policy). "Återställ" throws the edits away and shows the saved rules again. While the form has unsaved
edits, a reload (a booking made somewhere, say) does not overwrite them.
"""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.office_calendar import OpeningHours
from satellitkontor.domain.policy import BookingPolicy
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.errors import message_for

#: The number fields of the form: policy field -> (minimum, maximum).
NUMBER_FIELDS: dict[str, tuple[int, int]] = {
    "horizon_days": (1, 730),
    "room_slot_minutes": (1, 240),
    "room_min_minutes": (1, 1440),
    "room_max_minutes": (1, 1440),
    "max_participants": (1, 500),
    "room_start_grace_minutes": (0, 240),
    "no_show_grace_minutes": (0, 480),
    "check_in_early_minutes": (0, 480),
    "waitlist_offer_minutes": (1, 1440),
}
#: The fair rules (each off unless ticked): policy field -> (minimum, maximum, value when ticked).
FAIR_FIELDS: dict[str, tuple[int, int, int]] = {
    "desk_days_per_week": (1, 7, 3),
    "desk_days_per_month": (1, 31, 10),
    "max_series_weeks": (1, 104, 12),
    "group_booking_days_ahead": (1, 365, 14),
}


def to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def to_time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class RulesPage(QWidget):
    #: Fresh data is on screen.
    data_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rulesPage")
        self.policy: BookingPolicy | None = None
        self.dirty = False
        self._just_saved = False
        self._filling = False

        captions = {
            "horizon_days": self.tr("Boka &högst så här många dagar framåt:"),
            "room_slot_minutes": self.tr("Rummets &tidsintervall (minuter):"),
            "room_min_minutes": self.tr("&Kortaste rumsbokning (minuter):"),
            "room_max_minutes": self.tr("&Längsta rumsbokning (minuter):"),
            "max_participants": self.tr("Högsta antal &deltagare i rummet:"),
            "room_start_grace_minutes": self.tr("Rummet kan bokas så här länge &efter start (minuter):"),
            "no_show_grace_minutes": self.tr("&Utebliven efter (minuter efter start):"),
            "check_in_early_minutes": self.tr("&Incheckning öppnar (minuter före start):"),
            "waitlist_offer_minutes": self.tr("En ledig plats hålls åt den första i &väntelistan (minuter):"),
        }
        self.spins: dict[str, QSpinBox] = {}
        rules_form = QFormLayout()
        for name, (low, high) in NUMBER_FIELDS.items():
            spin = QSpinBox()
            spin.setObjectName(name)
            spin.setRange(low, high)
            spin.setAccessibleName(captions[name].replace("&", "").rstrip(":"))
            spin.valueChanged.connect(self._edited)
            self.spins[name] = spin
            caption = QLabel(captions[name])
            caption.setBuddy(spin)
            rules_form.addRow(caption, spin)
        self.midday_edit = QTimeEdit()
        self.midday_edit.setObjectName("midday")
        self.midday_edit.setDisplayFormat("HH:mm")
        self.midday_edit.setAccessibleName(self.tr("Förmiddag slutar och eftermiddag börjar"))
        self.midday_edit.timeChanged.connect(self._edited)
        midday_caption = QLabel(self.tr("Förmiddag slutar och eftermiddag &börjar:"))
        midday_caption.setBuddy(self.midday_edit)
        rules_form.addRow(midday_caption, self.midday_edit)
        self.one_desk_check = QCheckBox(self.tr("En person kan bara ha en &plats åt gången"))
        self.one_desk_check.setObjectName("one_desk_per_person")
        self.one_desk_check.setAccessibleName(self.tr("En person kan bara ha en plats åt gången"))
        self.one_desk_check.toggled.connect(self._edited)
        rules_form.addRow(self.one_desk_check)
        self.auto_release_check = QCheckBox(
            self.tr("&Frisläpp bokningar utan incheckning när tiden för utebliven har gått")
        )
        self.auto_release_check.setObjectName("auto_release")
        self.auto_release_check.setAccessibleName(self.tr("Frisläpp bokningar utan incheckning automatiskt"))
        self.auto_release_check.setToolTip(
            self.tr(
                "Receptionens och administratörernas program frisläpper dem, och kommandot "
                "satellitkontor release i en schemalagd körning."
            )
        )
        self.auto_release_check.toggled.connect(self._edited)
        rules_form.addRow(self.auto_release_check)
        rules_box = QGroupBox(self.tr("Regler för bokning"))
        rules_box.setLayout(rules_form)

        weekdays = (
            self.tr("Måndag"),
            self.tr("Tisdag"),
            self.tr("Onsdag"),
            self.tr("Torsdag"),
            self.tr("Fredag"),
            self.tr("Lördag"),
            self.tr("Söndag"),
        )
        self.open_checks: list[QCheckBox] = []
        self.opens_edits: list[QTimeEdit] = []
        self.closes_edits: list[QTimeEdit] = []
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Öppnar")), 0, 1)
        grid.addWidget(QLabel(self.tr("Stänger")), 0, 2)
        for i, day in enumerate(weekdays, start=1):
            check = QCheckBox(day)
            check.setObjectName(f"open{i}")
            check.setAccessibleName(self.tr("{day}: öppet").format(day=day))
            opens, closes = QTimeEdit(), QTimeEdit()
            for edit, what in ((opens, self.tr("{day} öppnar")), (closes, self.tr("{day} stänger"))):
                edit.setDisplayFormat("HH:mm")
                edit.setAccessibleName(what.format(day=day))
                edit.timeChanged.connect(self._edited)
            check.toggled.connect(self._edited)
            check.toggled.connect(opens.setEnabled)
            check.toggled.connect(closes.setEnabled)
            grid.addWidget(check, i, 0)
            grid.addWidget(opens, i, 1)
            grid.addWidget(closes, i, 2)
            self.open_checks.append(check)
            self.opens_edits.append(opens)
            self.closes_edits.append(closes)
        hours_note = QLabel(self.tr("En veckodag utan bock är stängd. Helgdagar är alltid stängda."))
        hours_note.setWordWrap(True)
        grid.addWidget(hours_note, 8, 0, 1, 3)
        hours_box = QGroupBox(self.tr("Öppettider"))
        hours_box.setLayout(grid)

        fair_captions = {
            "desk_days_per_week": self.tr("Högst så här många &platsdagar per person och vecka:"),
            "desk_days_per_month": self.tr("Högst så här många platsdagar per person och &månad:"),
            "max_series_weeks": self.tr("Längsta återkommande &bokning (veckor):"),
            "group_booking_days_ahead": self.tr(
                "En plats åt någon annan (t.ex. en kommuns grupp) tidigast så här många &dagar före:"
            ),
        }
        self.fair_checks: dict[str, QCheckBox] = {}
        self.fair_spins: dict[str, QSpinBox] = {}
        fair_form = QFormLayout()
        for name, (low, high, _default) in FAIR_FIELDS.items():
            words = fair_captions[name].replace("&", "").rstrip(":")
            check = QCheckBox(fair_captions[name])
            check.setObjectName(f"{name}_on")
            check.setAccessibleName(words)
            spin = QSpinBox()
            spin.setObjectName(name)
            spin.setRange(low, high)
            spin.setAccessibleName(words)
            spin.setEnabled(False)
            check.toggled.connect(spin.setEnabled)
            check.toggled.connect(self._edited)
            spin.valueChanged.connect(self._edited)
            self.fair_checks[name], self.fair_spins[name] = check, spin
            fair_form.addRow(check, spin)
        fair_note = QLabel(
            self.tr(
                "Varje regel gäller bara när den är ikryssad. En halv dag räknas som en halv platsdag. "
                "Bokningsfönstren visar reglerna, och ett nej säger vilken regel och när det går att boka igen."
            )
        )
        fair_note.setWordWrap(True)
        fair_form.addRow(fair_note)
        fair_box = QGroupBox(self.tr("Rättvis fördelning"))
        fair_box.setObjectName("fairRulesBox")
        fair_box.setLayout(fair_form)

        columns = QHBoxLayout()
        columns.addWidget(rules_box, 3)
        columns.addWidget(hours_box, 2)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(columns)
        content_layout.addWidget(fair_box)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: palette(bright-text); font-weight: bold;")
        self.error_label.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("rulesStatus")
        self.save_button = QPushButton(self.tr("&Spara"))
        self.save_button.setObjectName("saveRules")
        self.save_button.setProperty("primary", True)  # the page's main action (gui/theme.py)
        self.save_button.setAccessibleName(self.tr("Spara reglerna"))
        self.save_button.clicked.connect(lambda _c=False: self.save())
        ctx.needs_connection(self.save_button)
        self.reset_button = QPushButton(self.tr("Åte&rställ"))
        self.reset_button.setObjectName("resetRules")
        self.reset_button.setAccessibleName(self.tr("Återställ till de sparade reglerna"))
        self.reset_button.clicked.connect(lambda _c=False: self.reset())
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.status_label, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._show_state()

    def page_title(self) -> str:
        return self.tr("Bokningsregler")

    # --- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        office = self.ctx.svc.office
        self.ctx.run(office.policy, self._loaded, owner=self)

    def _loaded(self, policy: BookingPolicy) -> None:
        self.policy = policy
        if not self.dirty:
            self._fill(policy)
        self.data_loaded.emit()

    def _fill(self, policy: BookingPolicy) -> None:
        self._filling = True
        try:
            for name, spin in self.spins.items():
                spin.setValue(int(getattr(policy, name)))
            self.midday_edit.setTime(to_qtime(policy.midday))
            self.one_desk_check.setChecked(policy.one_desk_per_person)
            self.auto_release_check.setChecked(policy.auto_release)
            for name, (_low, _high, default) in FAIR_FIELDS.items():
                value = getattr(policy, name)
                self.fair_checks[name].setChecked(value is not None)
                self.fair_spins[name].setEnabled(value is not None)
                self.fair_spins[name].setValue(default if value is None else int(value))
            for i, hours in enumerate(policy.week):
                self.open_checks[i].setChecked(hours is not None)
                self.opens_edits[i].setEnabled(hours is not None)
                self.closes_edits[i].setEnabled(hours is not None)
                if hours is not None:
                    self.opens_edits[i].setTime(to_qtime(hours.opens))
                    self.closes_edits[i].setTime(to_qtime(hours.closes))
                elif not self.opens_edits[i].time().isValid() or self.opens_edits[i].time() == QTime(0, 0):
                    self.opens_edits[i].setTime(QTime(8, 0))
                    self.closes_edits[i].setTime(QTime(17, 0))
        finally:
            self._filling = False
        self.dirty = False
        self._show_state()

    # --- editing --------------------------------------------------------------------------------
    def _edited(self, *_args: object) -> None:
        if self._filling:
            return
        self.dirty = True
        self._just_saved = False
        self._show_state()

    def _show_state(self) -> None:
        self.save_button.setEnabled(self.dirty)
        self.reset_button.setEnabled(self.dirty)
        if self.dirty:
            self.status_label.setText(self.tr("Ändringar som inte är sparade"))
        else:
            self.status_label.setText(self.tr("Reglerna är sparade") if self._just_saved else "")

    def values(self) -> dict[str, Any]:
        """What the form says, as ``update_policy`` keywords; ``week`` as (opens, closes) pairs."""
        out: dict[str, Any] = {name: spin.value() for name, spin in self.spins.items()}
        out["midday"] = to_time(self.midday_edit.time())
        out["one_desk_per_person"] = self.one_desk_check.isChecked()
        out["auto_release"] = self.auto_release_check.isChecked()
        for name, check in self.fair_checks.items():
            out[name] = self.fair_spins[name].value() if check.isChecked() else None
        out["week"] = tuple(
            (to_time(self.opens_edits[i].time()), to_time(self.closes_edits[i].time()))
            if self.open_checks[i].isChecked()
            else None
            for i in range(7)
        )
        return out

    # --- actions --------------------------------------------------------------------------------
    def save(self) -> None:
        office, actor = self.ctx.svc.office, self.ctx.person_id
        changes = self.values()
        pairs: tuple[tuple[time, time] | None, ...] = changes.pop("week")

        def work() -> BookingPolicy:
            # OpeningHours checks each day (opens before closes) here, off the GUI thread, so a
            # wrong day comes back as the same kind of error as any other refused value
            week = tuple(None if p is None else OpeningHours(*p) for p in pairs)
            return office.update_policy(actor, week=week, **changes)

        self.error_label.hide()
        self.save_button.setEnabled(False)
        self.ctx.run(work, self._saved, owner=self, on_error=self._failed)

    def _saved(self, policy: BookingPolicy) -> None:
        self.policy = policy
        self._just_saved = True
        self._fill(policy)
        self.ctx.notify_changed()

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(message_for(exc, self.ctx.lang))
        self.error_label.show()
        self._show_state()

    def reset(self) -> None:
        """Throw the edits away and show the saved rules (read again)."""
        self.dirty = False
        self._just_saved = False
        self.error_label.hide()
        if self.policy is not None:
            self._fill(self.policy)
        self.refresh()
