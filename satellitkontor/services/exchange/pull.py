"""Pulling a room's or desk's mailbox: Outlook meetings become, move and cancel bookings.

One page of changes at a time (``backend.pull`` with the stored cursor); the cursor is stored
only after the page's events are handled, so a crash sees them again (handling is idempotent:
events are matched to bookings by id, never added twice).

How an event is matched: by our booking id (the extended property of the events we push), by the
item id of a link (the event, or the room's copy of a meeting we pushed), or by the iCalendar UID
(a room's copy of our meeting carries the booking's UID, not our property).

The rule when both sides changed:

- **App-made bookings: the app wins.** The room's copy of our meeting moved or deleted in Outlook
  (and the organizer's event gone) -> the booking is pushed again as it is in the app. A meeting
  cancelled in the app is cancelled in Exchange whatever Outlook did.
- **Outlook-made meetings: Exchange wins.** Moved in Outlook -> the booking moves (through
  ``BookingService.move_from_exchange``, same locks). Deleted in Outlook -> cancelled. Cancelled
  in the app but changed in Outlook before that cancellation reached Exchange -> the cancellation
  is dropped and the meeting is booked again as Outlook has it.

Every override writes an audit entry ``exchange.override`` (what lost, what stands, who won),
so the receptionist sees it in the change log and on the Exchange status. A new Outlook meeting
that collides with a booking already in the app is not booked (the app's booking was first);
that, too, is recorded as an override.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingStatus
from satellitkontor.domain.errors import (
    OutlookEventFailed,
    OutlookEventNoPerson,
    OutlookEventNotTaken,
    OutlookEventUnknownPlace,
    OutlookEventZeroLength,
    SatellitkontorError,
)
from satellitkontor.services.exchange import office_identity, skipped
from satellitkontor.services.exchange import outbox as exchange_outbox
from satellitkontor.services.exchange.blocks import Block, blocks, one_day
from satellitkontor.services.exchange.config import ExchangeConfig
from satellitkontor.services.exchange.push import record_override
from satellitkontor.services.results import MAX_TITLE
from satellitkontor.storage.models import (
    BookingRow,
    ExchangeLinkRow,
    ExchangeOutboxRow,
    ExchangeSyncStateRow,
    PersonRow,
    ResourceRow,
)
from satellitkontor.storage.queries import common as queries
from satellitkontor.words import DEFAULT, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from satellitkontor.integrations.exchange.backend import CalendarBackend, RemoteEvent
    from satellitkontor.services.booking.service import BookingService

log = logging.getLogger(__name__)
MAX_PAGES = 50


@dataclass
class PullReport:
    mailbox: str
    events: int = 0
    created: int = 0
    moved: int = 0
    cancelled: int = 0
    overridden: int = 0
    skipped: int = 0  # events not taken in (see services/exchange/skipped.py)
    requests: int = 0


def state_key(mailbox: str) -> str:
    return f"pull:{mailbox.lower()}"


class MailboxPull:
    """Pull one mailbox; ``now`` is the clock of the sync run."""

    def __init__(
        self,
        booking: BookingService,
        backend: CalendarBackend,
        config: ExchangeConfig,
        mailbox: str,
        now: datetime,
    ) -> None:
        self.booking = booking
        self.db = booking.db
        self.backend = backend
        self.config = config
        self.mailbox = mailbox.lower()
        self.now = now
        self.report = PullReport(self.mailbox)
        #: Read once per run (not per event): the office's identity, and the events recorded
        #: as not taken in (cleared when one of them is taken in after all).
        self._office: str | None = None
        self._skipped: set[str] = set()

    def office(self, s: Session) -> str | None:
        if self._office is None:
            self._office = office_identity.read(s) or ""
        return self._office or None

    def run(self) -> PullReport:
        with self.db.session() as s:
            state = s.get(ExchangeSyncStateRow, state_key(self.mailbox))
            cursor = state.cursor if state is not None else None
            self._skipped = skipped.keys_of(s, self.mailbox)
        seen: set[str] | None = None  # the ids a full sync showed, while one runs
        for _ in range(MAX_PAGES):
            page = self.backend.pull(self.mailbox, cursor)
            self.report.requests += 1
            if page.restarted:
                seen = set()
            for event in page.events:
                self.report.events += 1
                if seen is not None and not event.is_deleted and not event.is_cancelled:
                    seen.add(event.remote_id)
                self.take(event)
            for master_id, occurrence_ids in page.series:
                self._series_seen(master_id, occurrence_ids)
            cursor = page.new_cursor
            with self.db.session(write=True) as s:
                state = s.get(ExchangeSyncStateRow, state_key(self.mailbox))
                if state is None:
                    state = ExchangeSyncStateRow(key=state_key(self.mailbox))
                    s.add(state)
                state.cursor = cursor
                state.last_attempt_at = state.last_success_at = self.now
                state.last_error_code = state.last_error_text = None
            if not page.more_available:
                if seen is not None:
                    self._reconcile(seen)
                break
        return self.report

    def _reconcile(self, seen: set[str]) -> None:
        """After a full sync (an expired sync state, a new delta window): Outlook meetings this
        app holds that the server no longer shows were deleted in the gap, and are cancelled."""
        from satellitkontor.integrations.exchange.backend import RemoteEvent

        with self.db.session() as s:
            known = set(
                s.scalars(
                    select(ExchangeLinkRow.remote_id)
                    .join(BookingRow, BookingRow.id == ExchangeLinkRow.booking_id)
                    .where(
                        ExchangeLinkRow.origin == "outlook",
                        ExchangeLinkRow.mailbox == self.mailbox,
                        ExchangeLinkRow.remote_id.is_not(None),
                        BookingRow.status.in_(HOLDING_STATUSES),
                        BookingRow.end_at > self.now,
                    )
                )
            )
        for gone in sorted(r for r in known - seen if r is not None):
            log.info("Outlook meeting %s in %s is gone after a full sync", gone, self.mailbox)
            self.take(RemoteEvent(remote_id=gone, mailbox=self.mailbox, is_deleted=True))

    def take(self, ev: RemoteEvent) -> None:
        """Handle one event; whatever goes wrong with it is recorded and the run goes on.

        Errors of the server (``ExchangeError``) still end the page: the cursor is then not
        stored, and the next run sees the page again."""
        from satellitkontor.integrations.exchange.errors import ExchangeError

        if ev.is_deleted and self._series_gone(ev.remote_id):
            return
        try:
            self.handle(ev)
        except ExchangeError:
            raise
        except OutlookEventNotTaken as e:
            self._skip(ev, e)
        except Exception as e:  # one event must never stop the others, nor the push after them
            log.exception("Exchange event %s in %s not taken in", ev.remote_id, self.mailbox)
            detail = e.code if isinstance(e, SatellitkontorError) else type(e).__name__
            self._skip(ev, OutlookEventFailed(**self._facts(ev), detail=detail))
        else:
            if skipped.key(self.mailbox, ev.remote_id) in self._skipped:
                with self.db.session(write=True) as s:
                    skipped.clear(s, self.mailbox, ev.remote_id)
                self._skipped.discard(skipped.key(self.mailbox, ev.remote_id))

    # --- recurring series (EWS) ----------------------------------------------------------------
    def _series_key(self, master_id: str) -> str:
        return f"series:{self.mailbox}:{master_id}"[:300]

    def _series_seen(self, master_id: str, occurrence_ids: Sequence[str]) -> None:
        """A series changed: occurrences known before and not among ``occurrence_ids`` were
        deleted in Outlook (an occurrence deleted, or the series shortened)."""
        from satellitkontor.integrations.exchange.backend import RemoteEvent

        with self.db.session(write=True) as s:
            row = s.get(ExchangeSyncStateRow, self._series_key(master_id))
            before = json.loads(row.cursor or "[]") if row is not None else []
            if row is None:
                row = ExchangeSyncStateRow(key=self._series_key(master_id))
                s.add(row)
            row.cursor = json.dumps(list(occurrence_ids))
            row.last_attempt_at = row.last_success_at = self.now
        for gone in [i for i in before if i not in set(occurrence_ids)]:
            self.take(RemoteEvent(remote_id=gone, mailbox=self.mailbox, is_deleted=True))

    def _series_gone(self, remote_id: str) -> bool:
        """A deleted event that was a series master: every occurrence of it is deleted."""
        from satellitkontor.integrations.exchange.backend import RemoteEvent

        with self.db.session(write=True) as s:
            row = s.get(ExchangeSyncStateRow, self._series_key(remote_id))
            if row is None:
                return False
            known = json.loads(row.cursor or "[]")
            s.delete(row)
        for gone in known:
            self.take(RemoteEvent(remote_id=gone, mailbox=self.mailbox, is_deleted=True))
        return True

    def _facts(self, ev: RemoteEvent) -> dict[str, object]:
        return {"subject": ev.subject or "–", "mailbox": self.mailbox, "start": ev.start, "end": ev.end}

    def _skip(self, ev: RemoteEvent, error: OutlookEventNotTaken) -> None:
        log.warning("Exchange event %s in %s not taken in: %s", ev.remote_id, self.mailbox, error.code)
        with self.db.session(write=True) as s:
            skipped.record(s, self.mailbox, ev.remote_id, error, self.now)
        self._skipped.add(skipped.key(self.mailbox, ev.remote_id))
        self.report.skipped += 1

    def _blocks(self, ev: RemoteEvent) -> list[Block]:
        """The times ``ev`` blocks (see ``blocks``); a zero-length event is refused."""
        assert ev.start is not None and ev.end is not None
        if ev.end <= ev.start:
            raise OutlookEventZeroLength(**self._facts(ev))
        with self.db.session() as s:
            first, last = clk.local_date(ev.start), clk.local_date(ev.end)
            calendar = queries.load_calendar(s, queries.load_policy(s), first, last)
        return [b for b in blocks(ev.start, ev.end, ev.all_day, calendar) if b[1] > self.now]

    def _outlook_links(self, s: Session, ev: RemoteEvent) -> list[int]:
        """The bookings an Outlook-made event is (several for a multi-day event)."""
        return list(
            s.scalars(
                select(ExchangeLinkRow.booking_id)
                .where(ExchangeLinkRow.remote_id == ev.remote_id, ExchangeLinkRow.origin == "outlook")
                .order_by(ExchangeLinkRow.booking_id)
            )
        )

    # --- matching -----------------------------------------------------------------------------
    def _match(self, s: Session, ev: RemoteEvent) -> tuple[BookingRow | None, ExchangeLinkRow | None]:
        link = s.scalar(
            select(ExchangeLinkRow).where(
                or_(ExchangeLinkRow.remote_id == ev.remote_id, ExchangeLinkRow.room_copy_id == ev.remote_id)
            )
        )
        ours = office_identity.booking_of(ev.booking_id, self.office(s))
        if link is None and ours is not None:
            link = s.get(ExchangeLinkRow, ours)
            if link is None:
                booking = s.get(BookingRow, ours)
                return booking, None
        if link is None and ev.ical_uid and ev.series_id is None:  # occurrences share the UID
            link = s.scalar(select(ExchangeLinkRow).where(ExchangeLinkRow.ical_uid == ev.ical_uid))
            if link is None:
                booking = s.scalar(select(BookingRow).where(BookingRow.uid == ev.ical_uid))
                return booking, None
        if link is None:
            return None, None
        return s.get(BookingRow, link.booking_id), link

    # --- handling -----------------------------------------------------------------------------
    def handle(self, ev: RemoteEvent) -> None:
        with self.db.session() as s:
            days = self._outlook_links(s, ev)
        if len(days) > 1 or (days and not ev.is_deleted and not ev.is_cancelled and self._spans_days(ev)):
            self._outlook_days(ev, days)
            return
        with self.db.session(write=True) as s:
            booking, link = self._match(s, ev)
            if booking is not None and (link is None or link.origin == "app"):
                self._ours(s, ev, booking, link)
                return
            booking_id = booking.id if booking is not None else None
            origin_outlook = link is not None and link.origin == "outlook"
            # an event another installation pushed is a meeting like any other Outlook meeting here
            foreign = office_identity.booking_of(ev.booking_id, self.office(s)) is None
        if origin_outlook and booking_id is not None:
            self._outlooks(ev, booking_id)
        elif booking_id is None and not ev.is_deleted and not ev.is_cancelled and foreign:
            self._new(ev)

    def _ours(self, s: Session, ev: RemoteEvent, booking: BookingRow, link: ExchangeLinkRow | None) -> None:
        """An event of a booking made in the app (the room's copy, or our own event)."""
        from satellitkontor.integrations.exchange.backend import Response

        holding = booking.status in HOLDING_STATUSES and booking.end_at > self.now
        if link is not None and ev.remote_id == link.remote_id and ev.mailbox == link.mailbox:
            copy = False
        else:
            copy = True
        if ev.is_deleted or ev.is_cancelled:
            if link is not None and copy:
                link.room_copy_id = None
            if holding and link is not None and link.remote_id:
                self._check_organizer(s, booking, link)
            return
        if link is not None and copy:
            link.room_copy_id = ev.remote_id
            if ev.room_response is not Response.NONE:
                link.room_response = ev.room_response.value
        if booking.status is BookingStatus.CANCELLED:
            if not _pending(s, booking.id):
                exchange_outbox.enqueue(s, booking, "cancel", self.now)
                record_override(
                    s,
                    self.now,
                    booking,
                    winner="app",
                    lost={"outlook": _times(ev)},
                    kept={"app": "cancelled"},
                )
                self.report.overridden += 1
            return
        if holding and ev.start is not None and (ev.start, ev.end) != (booking.start_at, booking.end_at):
            if not _pending(s, booking.id):
                exchange_outbox.enqueue(s, booking, "upsert", self.now)
            record_override(
                s,
                self.now,
                booking,
                winner="app",
                lost={"outlook": _times(ev)},
                kept={"app": {"start": booking.start_at, "end": booking.end_at}},
            )
            self.report.overridden += 1

    def _check_organizer(self, s: Session, booking: BookingRow, link: ExchangeLinkRow) -> None:
        """The room's copy of our meeting is gone: the room declined, or the meeting was deleted."""
        assert link.remote_id is not None
        [event] = self.backend.status(link.mailbox, [link.remote_id])
        self.report.requests += 1
        if event.is_deleted or event.is_cancelled:  # deleted in Outlook: the app's booking wins
            link.remote_id = link.change_key = None
            link.room_response = "none"
            if not _pending(s, booking.id):
                exchange_outbox.enqueue(s, booking, "upsert", self.now)
            record_override(
                s, self.now, booking, winner="app", lost={"outlook": "deleted"}, kept={"app": "booked again"}
            )
            self.report.overridden += 1
        else:
            link.room_response = event.room_response.value

    def _spans_days(self, ev: RemoteEvent) -> bool:
        if ev.start is None or ev.end is None or ev.end <= ev.start:
            return False
        return ev.all_day or not one_day(ev.start, ev.end)

    def _outlook_days(self, ev: RemoteEvent, booking_ids: list[int]) -> None:
        """An Outlook event blocking several days (or that did): one booking per block, kept in
        step with the event. Blocks that are gone are cancelled, new ones booked."""
        from satellitkontor.domain.errors import PersonAlreadyHasDesk, ResourceTaken

        wanted: list[Block] = []
        if not ev.is_deleted and not ev.is_cancelled and ev.start is not None and ev.end is not None:
            wanted = self._blocks(ev)
        with self.db.session() as s:
            have = {
                (b.start_at, b.end_at): b.id
                for b in s.scalars(select(BookingRow).where(BookingRow.id.in_(booking_ids)))
                if b.status in HOLDING_STATUSES and b.end_at > self.now
            }
        for block, booking_id in have.items():
            if block not in wanted:
                self.booking.cancel_from_exchange(booking_id, lambda s, row: _set_link(s, row.id, ev))
                self.report.cancelled += 1
        for start, end in wanted:
            if (start, end) in have:
                continue
            try:
                self._book(ev, start, end)
            except (ResourceTaken, PersonAlreadyHasDesk) as e:
                self._collides(ev, start, end, e.code)

    def _outlooks(self, ev: RemoteEvent, booking_id: int) -> None:
        """An event of a meeting booked in Outlook: Exchange wins."""
        if ev.is_deleted or ev.is_cancelled:
            self.booking.cancel_from_exchange(booking_id, lambda s, row: None)
            self.report.cancelled += 1
            return
        with self.db.session(write=True) as s:
            booking = s.get(BookingRow, booking_id)
            assert booking is not None
            status, start, end = booking.status, booking.start_at, booking.end_at
            pending = list(
                s.scalars(
                    select(ExchangeOutboxRow).where(
                        ExchangeOutboxRow.booking_id == booking_id, ExchangeOutboxRow.done_at.is_(None)
                    )
                )
            )
            if status is BookingStatus.CANCELLED and pending:
                for row in pending:  # the app's cancellation loses
                    row.done_at = self.now
                    row.last_error_code, row.last_error_text = (
                        "exchange.override",
                        say("exchange.error.overridden", DEFAULT),
                    )
                record_override(
                    s,
                    self.now,
                    booking,
                    winner="exchange",
                    lost={"app": "cancelled"},
                    kept={"outlook": _times(ev)},
                )
                self.report.overridden += 1
                s.delete(s.get(ExchangeLinkRow, booking_id))
        if status is BookingStatus.CANCELLED:
            if pending:
                self._new(ev)
            return
        if ev.start is None or ev.end is None or (ev.start, ev.end) == (start, end):
            self._update_link(booking_id, ev)
            return
        from satellitkontor.domain.errors import PersonAlreadyHasDesk, ResourceTaken

        try:
            self.booking.move_from_exchange(
                booking_id, ev.start, ev.end, lambda s, row: _set_link(s, row.id, ev)
            )
        except (ResourceTaken, PersonAlreadyHasDesk) as e:
            # Moved in Outlook onto a time the app holds: the app's booking wins; the meeting
            # keeps its old time in the app (it follows again once moved somewhere free).
            self._collides(ev, ev.start, ev.end, e.code, moved=booking_id)
            self._update_link(booking_id, ev)
            return
        self.report.moved += 1

    def _update_link(self, booking_id: int, ev: RemoteEvent) -> None:
        with self.db.session(write=True) as s:
            _set_link(s, booking_id, ev)

    def _new(self, ev: RemoteEvent) -> None:
        """A meeting booked in Outlook on this mailbox: a booking per block, if the place is free."""
        from satellitkontor.domain.errors import PersonAlreadyHasDesk, ResourceTaken

        if ev.start is None or ev.end is None or ev.end <= self.now:
            return
        for start, end in self._blocks(ev):
            try:
                self._book(ev, start, end)
            except (ResourceTaken, PersonAlreadyHasDesk) as e:
                self._collides(ev, start, end, e.code)

    def _book(self, ev: RemoteEvent, start: datetime, end: datetime) -> None:
        places = self.config.places_of(self.mailbox)
        with self.db.session() as s:
            resources = [r for r in (_resource(s, name) for name in places) if r is not None and r.active]
            if len(resources) != 1:  # a shared desk mailbox: which desk is unknown
                raise OutlookEventUnknownPlace(**self._facts(ev))
            resource_id = resources[0].id
            person = _person(s, ev.organizer)
            if person is None and not ev.organizer:  # no organiser at all: the fallback person
                person = _person(s, self.config.fallback_person)
            person_id = person.id if person is not None else None
        title = (ev.subject or "").strip()[:MAX_TITLE] or None
        if person_id is not None:
            self.booking.book_from_exchange(
                person_id, resource_id, start, end, title, lambda s, row: _new_link(s, row.id, ev)
            )
        elif self._place_organised(ev):  # made in the room's own calendar: the organiser is unknown
            self.booking.book_guest_from_exchange(
                "", "", resource_id, start, end, title or say("exchange.room_meeting.title", DEFAULT),
                lambda s, row: _new_link(s, row.id, ev),
            )  # fmt: skip
        elif ev.organizer:  # an organiser who is no person here: a guest booking, name and address
            self.booking.book_guest_from_exchange(
                ev.organizer_name, ev.organizer, resource_id, start, end, title,
                lambda s, row: _new_link(s, row.id, ev),
            )  # fmt: skip
        else:
            raise OutlookEventNoPerson(**self._facts(ev))
        self.report.created += 1

    def _place_organised(self, ev: RemoteEvent) -> bool:
        """A meeting whose organiser is the room (or a desk) itself: made directly in the place's
        calendar (by a delegate, or in the room's own Outlook), so who organised it is unknown."""
        places = {m.lower() for _, m in self.config.mailboxes} | {self.mailbox.lower()}
        return ev.organizer.lower() in places

    def _collides(
        self, ev: RemoteEvent, start: datetime, end: datetime, code: str, moved: int | None = None
    ) -> None:
        """A new Outlook meeting (or one ``moved`` in Outlook: that booking's id) on a time the
        app holds: the app's booking was first. Recorded on the app's booking, so the status, the
        Exchange box and the booking itself show the conflict."""
        log.warning("Outlook meeting %s in %s collides with a booking: %s", ev.remote_id, self.mailbox, code)
        places = self.config.places_of(self.mailbox)
        with self.db.session(write=True) as s:
            ids = [r.id for r in (_resource(s, name) for name in places) if r is not None]
            holder = s.scalar(
                select(BookingRow)
                .where(
                    BookingRow.resource_id.in_(ids),
                    BookingRow.status.in_(HOLDING_STATUSES),
                    BookingRow.start_at < end,
                    BookingRow.end_at > start,
                    BookingRow.id != (moved or 0),
                )
                .limit(1)
            )
            lost: dict[str, object] = {"outlook": _times(ev)}
            if moved is not None:
                lost["moved_booking"] = moved
            record_override(s, self.now, holder, winner="app", lost=lost, kept={"app": "booked first"})
        self.report.overridden += 1


def _pending(s: Session, booking_id: int) -> bool:
    stmt = select(ExchangeOutboxRow.id).where(
        ExchangeOutboxRow.booking_id == booking_id, ExchangeOutboxRow.done_at.is_(None)
    )
    return s.scalar(stmt.limit(1)) is not None


def _times(ev: RemoteEvent) -> dict[str, object]:
    return {"start": ev.start, "end": ev.end, "subject": ev.subject}


def _resource(s: Session, name: str) -> ResourceRow | None:
    return s.scalar(select(ResourceRow).where(ResourceRow.name == name))


def _person(s: Session, email: str) -> PersonRow | None:
    if not email:
        return None
    return s.scalar(select(PersonRow).where(PersonRow.email == email.lower(), PersonRow.active.is_(True)))


def _new_link(s: Session, booking_id: int, ev: RemoteEvent) -> None:
    s.add(
        ExchangeLinkRow(
            booking_id=booking_id,
            mailbox=ev.mailbox.lower(),
            remote_id=ev.remote_id,
            change_key=ev.change_key,
            ical_uid=ev.ical_uid,
            synced_sequence=0,
            room_response=ev.room_response.value,
            origin="outlook",
        )
    )


def _set_link(s: Session, booking_id: int, ev: RemoteEvent) -> None:
    link = s.get(ExchangeLinkRow, booking_id)
    if link is None:
        _new_link(s, booking_id, ev)
        return
    link.change_key = ev.change_key
    link.room_response = ev.room_response.value
