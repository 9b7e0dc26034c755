"""The office's fair rules in a booking dialog, said before the booker meets a refusal.

"Regel: högst 2 platsdagar per person och vecka – du har 1,5 vecka 48." One line per rule that
is on (desk rules only in the desk dialog), the booker's own count beside it, and when a limit is
already reached, the day it frees up. Loaded off the GUI thread (BookingService.fair_status);
hidden when no rule is on.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from satellitkontor.domain import policy as rules
from satellitkontor.gui.context import AppContext
from satellitkontor.services.results import FairStatus
from satellitkontor.words.texts import fmt_date, month_name


class FairRulesLabel(QLabel):
    #: The rules for the current person and day are on screen.
    loaded = Signal()

    def __init__(self, ctx: AppContext, *, desks: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.desks = desks
        self.status: FairStatus | None = None
        self._generation = 0
        self.setObjectName("fairRules")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Kontorets regler för rättvis fördelning"))
        self.hide()

    def load(self, day: date, for_person_id: int | None) -> None:
        self._generation += 1
        generation, booking, actor = self._generation, self.ctx.svc.booking, self.ctx.person_id

        def done(status: FairStatus) -> None:
            if generation == self._generation:
                self.show_status(status)

        def failed(_exc: BaseException) -> None:  # the booking itself will say what is wrong
            if generation == self._generation:
                self.setText("")
                self.hide()
                self.loaded.emit()

        self.ctx.run(
            lambda: booking.fair_status(actor, day, for_person_id=for_person_id),
            done,
            owner=self,
            on_error=failed,
        )

    def show_status(self, status: FairStatus) -> None:
        self.status = status
        lines = self.lines(status)
        self.setText("\n".join(lines))
        self.setAccessibleDescription(" ".join(lines))
        self.setVisible(bool(lines))
        self.loaded.emit()

    def _left(self, used: float, limit: int, frees: date) -> str:
        """What is left under a limit, when little or nothing is."""
        if used + 0.5 > limit:
            return " " + self.tr("Gränsen är nådd; det går att boka igen från {day}.").format(
                day=fmt_date(frees, self.ctx.lang)
            )
        if used + 1 > limit:
            return " " + self.tr("Bara en halv dag kvar.")
        return ""

    def _number(self, value: float) -> str:
        text = f"{value:.1f}".removesuffix(".0")
        return text.replace(".", ",") if self.ctx.lang == "sv" else text

    def lines(self, st: FairStatus) -> list[str]:
        lang = self.ctx.lang
        who = st.person_name if st.for_other else self.tr("du")
        out: list[str] = []
        if self.desks and st.desk_days_per_week is not None:
            line = self.tr(
                "Regel: högst {limit} platsdagar per person och vecka – {who} har {used} vecka {week}."
            ).format(
                limit=st.desk_days_per_week,
                who=who,
                used=self._number(st.used_week),
                week=st.day.isocalendar().week,
            )
            line += self._left(
                st.used_week, st.desk_days_per_week, rules.week_of(st.day)[1] + timedelta(days=1)
            )
            out.append(line)
        if self.desks and st.desk_days_per_month is not None:
            month = f"{month_name(st.day.month, lang)} {st.day.year}"
            line = self.tr(
                "Regel: högst {limit} platsdagar per person och månad – {who} har {used} i {month}."
            ).format(limit=st.desk_days_per_month, who=who, used=self._number(st.used_month), month=month)
            line += self._left(
                st.used_month, st.desk_days_per_month, rules.month_of(st.day)[1] + timedelta(days=1)
            )
            out.append(line)
        if st.max_series_weeks is not None and st.series_last is not None:
            out.append(
                self.tr(
                    "Regel: en återkommande bokning får vara högst {weeks} veckor – från den här dagen till och med {last}."
                ).format(weeks=st.max_series_weeks, last=fmt_date(st.series_last, lang))
            )
        if self.desks and st.for_other and st.others_open is not None:
            line = self.tr(
                "Regel: en plats åt någon annan kan bokas tidigast {days} dagar före – för den här dagen från {day}."
            ).format(days=st.group_booking_days_ahead, day=fmt_date(st.others_open, lang))
            out.append(line)
        return out
