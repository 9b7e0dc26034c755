"""The waitlist in the app (issue 19; services/waitlist/): three small widgets.

- ``WaitlistJoin`` (Boka plats): on a day whose desks are all taken for a half or the whole day,
  "Meddela mig om en plats blir ledig", with "boka direkt åt mig".
- ``MyWaitlist`` (Mina bokningar): my entries; an offer with the place, the time it is held until,
  and "Ta platsen" / "Avstå".
- ``DayQueue`` (the day view, receptionist): the day's line, first first, with names.

All reading and writing runs on the worker (``ctx.run``); refusals are shown as the sentence of
``describe`` beside the button, not as a box.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import SatellitkontorError
from satellitkontor.domain.waitlist import WaitlistEntry, WaitlistState
from satellitkontor.gui.context import AppContext
from satellitkontor.services.results import DayOccupancy
from satellitkontor.words.texts import describe, fmt_date, fmt_span, fmt_time, label


def state_text(entry: WaitlistEntry, *, mine: bool = True) -> str:
    """ "väntar, nummer 2 i kön", "erbjuden: Plats 1 hålls åt dig till 10:30", "bokad" …"""
    if entry.state is WaitlistState.WAITING:
        if entry.position is not None:
            return QCoreApplication.translate("Waitlist", "väntar, nummer {n} i kön").format(n=entry.position)
        return QCoreApplication.translate("Waitlist", "väntar")
    if entry.state is WaitlistState.OFFERED and entry.offer_until is not None:
        text = (
            QCoreApplication.translate("Waitlist", "erbjuden: {place} hålls åt dig till {until}")
            if mine
            else QCoreApplication.translate("Waitlist", "erbjuden: {place} hålls till {until}")
        )
        return text.format(place=entry.offered_resource_name or "", until=fmt_time(entry.offer_until))
    words = {
        WaitlistState.OFFERED: QCoreApplication.translate("Waitlist", "erbjuden"),
        WaitlistState.BOOKED: QCoreApplication.translate("Waitlist", "bokad"),
        WaitlistState.DECLINED: QCoreApplication.translate("Waitlist", "avstod"),
        WaitlistState.EXPIRED: QCoreApplication.translate("Waitlist", "gick ut"),
        WaitlistState.WITHDRAWN: QCoreApplication.translate("Waitlist", "lämnade kön"),
    }
    return words[entry.state]


def need_text(entry: WaitlistEntry, lang: str) -> str:
    """ "tis 24 nov 2026, förmiddag" or "Konferensrummet tis 24 nov 2026 10:00–11:00"."""
    if entry.start is not None and entry.end is not None:
        return f"{entry.resource_name} {fmt_span(entry.start, entry.end, lang)}"
    period = entry.desk_period.value if entry.desk_period is not None else "full_day"
    return f"{fmt_date(entry.day, lang)}, {label(period, lang)}"


def full_period(occupancy: DayOccupancy) -> DeskPeriod | None:
    """The part of the day every desk is taken (None: some desk is free in each half)."""
    desks = occupancy.desks
    if not desks or occupancy.closed is not None:
        return None
    morning = all(d.morning_taken for d in desks)
    afternoon = all(d.afternoon_taken for d in desks)
    if morning and afternoon:
        return DeskPeriod.FULL_DAY
    if morning:
        return DeskPeriod.MORNING
    if afternoon:
        return DeskPeriod.AFTERNOON
    return None


class WaitlistJoin(QWidget):
    """The button under a full day in Boka plats (hidden on other days)."""

    #: The entry made; ``said`` carries the sentence for the user (or the refusal).
    joined = Signal(object)
    said = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day: date | None = None
        self.period: DeskPeriod | None = None
        self.button = QPushButton(
            QCoreApplication.translate("Waitlist", "&Meddela mig om en plats blir ledig")
        )
        self.button.setObjectName("waitlistJoin")
        self.button.setAccessibleName(
            QCoreApplication.translate("Waitlist", "Ställ dig i kö för en plats den här dagen")
        )
        self.button.setToolTip(
            QCoreApplication.translate("Waitlist", "Den första i kön erbjuds en plats som blir ledig")
        )
        self.button.clicked.connect(self.join)
        self.auto_book = QCheckBox(QCoreApplication.translate("Waitlist", "boka &direkt åt mig"))
        self.auto_book.setObjectName("waitlistAutoBook")
        self.auto_book.setToolTip(
            QCoreApplication.translate("Waitlist", "Boka platsen åt mig direkt i stället för att erbjuda den")
        )
        ctx.needs_connection(self.button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.auto_book)
        self.hide()

    def set_day(self, occupancy: DayOccupancy, today: date) -> None:
        self.day = occupancy.day
        self.period = full_period(occupancy) if occupancy.day >= today else None
        self.setVisible(self.period is not None and self.ctx.person is not None)

    def join(self) -> None:
        if self.day is None or self.period is None or self.ctx.services is None:
            return
        wl, actor, day, period = self.ctx.svc.waitlist, self.ctx.person_id, self.day, self.period
        auto = self.auto_book.isChecked()

        def done(entry: WaitlistEntry) -> None:
            self.said.emit(
                QCoreApplication.translate("Waitlist", "Du står i kön {need}: {state}.").format(
                    need=need_text(entry, self.ctx.lang), state=state_text(entry)
                )
            )
            self.joined.emit(entry)

        self.ctx.run(
            lambda: wl.join(actor, day, period, auto_book=auto), done, owner=self, on_error=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SatellitkontorError):
            self.said.emit(describe(exc, self.ctx.lang, self.ctx.viewer_id))
        else:
            self.ctx.show_error(self, exc)


class MyWaitlist(QWidget):
    """My entries from today on, and the answer to an offer."""

    loaded = Signal()
    #: An offer was answered (the bookings list should reload).
    answered = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[WaitlistEntry] = []
        self.heading = QLabel(QCoreApplication.translate("Waitlist", "Väntelista"))
        self.list = QListWidget()
        self.list.setObjectName("myWaitlist")
        self.list.setAccessibleName(QCoreApplication.translate("Waitlist", "Mina platser i kön"))
        self.list.setMaximumHeight(90)
        self.offer_label = QLabel()
        self.offer_label.setObjectName("waitlistOffer")
        self.offer_label.setWordWrap(True)
        self.take_button = QPushButton(QCoreApplication.translate("Waitlist", "&Ta platsen"))
        self.take_button.setObjectName("waitlistAccept")
        self.take_button.clicked.connect(lambda _c=False: self.answer(True))
        self.decline_button = QPushButton(QCoreApplication.translate("Waitlist", "A&vstå"))
        self.decline_button.setObjectName("waitlistDecline")
        self.decline_button.clicked.connect(lambda _c=False: self.answer(False))
        self.leave_button = QPushButton(QCoreApplication.translate("Waitlist", "&Lämna kön"))
        self.leave_button.setObjectName("waitlistLeave")
        self.leave_button.clicked.connect(lambda _c=False: self.leave())
        ctx.needs_connection(self.take_button, self.decline_button, self.leave_button)
        row = QHBoxLayout()
        row.addWidget(self.offer_label, 1)
        row.addWidget(self.take_button)
        row.addWidget(self.decline_button)
        row.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.hide()

    def offer(self) -> WaitlistEntry | None:
        return next((e for e in self.entries if e.state is WaitlistState.OFFERED), None)

    def refresh(self) -> None:
        if self.ctx.services is None or self.ctx.person is None:
            return
        wl, me = self.ctx.svc.waitlist, self.ctx.person_id
        self.ctx.run(lambda: wl.mine(me), self._show, owner=self)

    def _show(self, entries: list[WaitlistEntry]) -> None:
        self.entries = entries
        self.list.clear()
        for e in entries:
            self.list.addItem(f"{need_text(e, self.ctx.lang)}: {state_text(e)}")
        offer = self.offer()
        if offer is not None and offer.offer_until is not None:
            self.offer_label.setText(
                QCoreApplication.translate(
                    "Waitlist", "{place} är ledig {need} och hålls åt dig till {until}. Vill du ha den?"
                ).format(
                    place=offer.offered_resource_name or "",
                    need=need_text(offer, self.ctx.lang),
                    until=f"{fmt_date(clk.local_date(offer.offer_until), self.ctx.lang)} {fmt_time(offer.offer_until)}",
                )
            )
        else:
            self.offer_label.clear()
        self.take_button.setVisible(offer is not None)
        self.decline_button.setVisible(offer is not None)
        self.leave_button.setVisible(self._waiting() is not None and offer is None)
        self.setVisible(bool(entries))
        self.loaded.emit()

    def _waiting(self) -> WaitlistEntry | None:
        return next((e for e in self.entries if e.state is WaitlistState.WAITING), None)

    def answer(self, take: bool) -> None:
        offer = self.offer()
        if offer is None:
            return
        wl, me = self.ctx.svc.waitlist, self.ctx.person_id
        work = (lambda: wl.accept(me, offer.id)) if take else (lambda: wl.decline(me, offer.id))
        self.ctx.run(work, lambda _r: self._answered(), owner=self, on_error=self._failed)

    def leave(self) -> None:
        entry = self._waiting()
        if entry is None:
            return
        wl, me = self.ctx.svc.waitlist, self.ctx.person_id
        self.ctx.run(
            lambda: wl.leave(me, entry.id), lambda _r: self._answered(), owner=self, on_error=self._failed
        )

    def _answered(self) -> None:
        self.answered.emit()
        self.ctx.notify_changed()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SatellitkontorError):
            self.offer_label.setText(describe(exc, self.ctx.lang, self.ctx.viewer_id))
            self.refresh()
        else:
            self.ctx.show_error(self, exc)


class DayQueue(QWidget):
    """The day's line for the receptionist (hidden for others and on days nobody waits)."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[WaitlistEntry] = []
        self.heading = QLabel(QCoreApplication.translate("Waitlist", "Väntelista"))
        self.list = QListWidget()
        self.list.setObjectName("dayWaitlist")
        self.list.setAccessibleName(QCoreApplication.translate("Waitlist", "Dagens väntelista"))
        self.list.setMaximumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.hide()

    def load(self, day: date) -> None:
        if self.ctx.services is None or self.ctx.person is None or not self.ctx.is_staff:
            self.hide()
            return
        wl, me = self.ctx.svc.waitlist, self.ctx.person_id
        self.ctx.run(lambda: wl.day_queue(me, day), self._show, owner=self, on_error=lambda _e: self.hide())

    def _show(self, entries: list[WaitlistEntry]) -> None:
        self.entries = [e for e in entries if e.state.in_line or e.state is WaitlistState.BOOKED]
        self.list.clear()
        for n, e in enumerate(self.entries, 1):
            auto = QCoreApplication.translate("Waitlist", " (boka direkt)") if e.auto_book else ""
            self.list.addItem(
                f"{n}. {e.person_name}, {need_text(e, self.ctx.lang)}{auto}: {state_text(e, mine=False)}"
            )
        self.setVisible(bool(self.entries))
        self.loaded.emit()
