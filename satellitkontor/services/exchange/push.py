"""Pushing the outbox to Exchange: due rows in batches, results stored, failures retried later.

Decisions:

- **Batches.** Due rows are taken oldest first, up to ``batch_size`` bookings, and sent in one
  ``backend.push`` call (the backends group them into bulk requests). Several rows of one booking
  go out as one item built from the booking *as it is now*; the rows taken are marked done
  together. A row added while the push was on the wire is newer than the ones taken and stays.
- **No session over the network.** Rows are read in one transaction, pushed without one, and the
  results written in another; a crash in between leaves the rows due, and the retry is safe:
- **No duplicates.** An item whose earlier attempt failed is sent with ``maybe_exists``: the
  backend first looks for an event carrying the booking id (its extended property) and updates
  that one instead of creating a second.
- **Back-off.** A failed item keeps its row: ``attempts`` + 1, next try after
  ``retry_base_seconds * 2**(attempts-1)`` capped at ``retry_cap_seconds`` (30 s … 1 h by
  default), and never sooner than the server's own retry-after (``ExchangeThrottled.seconds``).
  The error is kept as its code and the Swedish sentence the status page shows.
- **App wins for app-made bookings.** An update answered ``NOT_FOUND`` means the event was
  deleted in Outlook: the link is cleared and the booking pushed again as new, and the override
  is recorded (audit ``exchange.override``) so the receptionist can see it.
- Bookings never pushed and cancelled before their first attempt are not sent at all.
- A link without a mailbox belongs to an erased booker (services/privacy/erasure.py): its cancellation
  goes to the room's copy in the room's mailbox when the pull has seen it, else nothing is sent.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from satellitkontor.domain.bookings import BookingStatus
from satellitkontor.domain.errors import DatabaseRefused
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.exchange.config import ExchangeConfig
from satellitkontor.storage.database import Database
from satellitkontor.storage.models import (
    BookingRow,
    ExchangeLinkRow,
    ExchangeOutboxRow,
    PersonRow,
    ResourceRow,
)
from satellitkontor.words import DEFAULT, say

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from satellitkontor.integrations.exchange.backend import CalendarBackend, PushItem, PushResult
    from satellitkontor.integrations.exchange.errors import ExchangeError

log = logging.getLogger(__name__)

SITE = "Satellitkontoret"
#: A mailbox the account has no rights to, even from the office's own mailbox, is tried this many
#: times; then the push is given up (listed in the status, sent again by ``sync --resend``).
GIVE_UP_AFTER = 3


@dataclass
class PushReport:
    sent: int = 0
    done: int = 0
    failed: int = 0
    requests: int = 0  # push calls (batches)
    errors: list[str] = field(default_factory=list)  # Swedish sentences, one per distinct error


@dataclass(frozen=True)
class _Planned:
    booking_id: int
    row_ids: tuple[int, ...]
    item: PushItem | None  # None: nothing to send (never pushed and already cancelled)


def backoff(config: ExchangeConfig, attempts: int, error: ExchangeError | None) -> float:
    """Seconds until the next try after ``attempts`` failed ones."""
    delay = min(config.retry_cap_seconds, config.retry_base_seconds * 2 ** max(0, attempts - 1))
    asked = error.params.get("seconds") if error is not None and error.code == "exchange.throttled" else None
    if isinstance(asked, (int, float)):
        delay = max(delay, float(asked))
    return float(delay)


def subject(booking: BookingRow, resource: ResourceRow) -> str:
    return f"{resource.name}: {booking.title}" if booking.title else f"{resource.name} ({SITE})"


def build_item(
    config: ExchangeConfig,
    booking: BookingRow,
    resource: ResourceRow,
    person: PersonRow | None,
    link: ExchangeLinkRow | None,
    retried: bool,
    office: str = "",
) -> PushItem | None:
    from satellitkontor.integrations.exchange.backend import PushItem

    # A no-show frees the place: in Exchange its meeting is cancelled like a cancelled booking's.
    cancelled = booking.status in (BookingStatus.CANCELLED, BookingStatus.NO_SHOW)
    if link is not None and link.origin == "outlook":
        if not cancelled or not link.remote_id:
            return None  # an Outlook meeting is Outlook's: only a cancellation in the app goes back
        return PushItem(
            booking_id=str(booking.id),
            uid=link.ical_uid or booking.uid,
            mailbox=link.mailbox,
            subject=booking.title or resource.name,
            start=booking.start_at,
            end=booking.end_at,
            is_cancelled=True,
            sequence=booking.sequence,
            remote_id=link.remote_id,
        )
    has_remote = link is not None and link.remote_id is not None
    if cancelled and not has_remote and not retried:
        return None
    if link is not None and has_remote and not link.mailbox:
        return _erased_cancel(config, booking, resource, link)
    booker = person.email.lower() if person else ""
    mailbox = (link.mailbox if link is not None and link.mailbox else booker).lower()
    if not mailbox:
        return None  # the booker is erased and nothing was ever pushed
    place = config.mailbox_of(resource.name)
    invite = place is not None and (resource.kind.value == "room" or config.desk_mode == "invite")
    # Organised by the office (the booker's mailbox is out of the account's reach, e.g. in another
    # municipality's organisation): the booker is invited, and gets an ordinary invitation.
    attendees = (booker,) if booker and mailbox != booker else ()
    return PushItem(
        booking_id=str(booking.id),
        uid=booking.uid,
        mailbox=mailbox.lower(),
        subject=subject(booking, resource),
        start=booking.start_at,
        end=booking.end_at,
        location=f"{resource.name}, {SITE}",
        body=say("exchange.event.body", DEFAULT, site=SITE),  # the office's language: Outlook has no --lang
        resources=(place,) if invite and place and place != mailbox else (),
        attendees=attendees,
        is_cancelled=cancelled,
        sequence=booking.sequence,
        remote_id=link.remote_id if link is not None else None,
        maybe_exists=retried and not has_remote,
        office=office,
    )


def _erased_cancel(
    config: ExchangeConfig, booking: BookingRow, resource: ResourceRow, link: ExchangeLinkRow
) -> PushItem | None:
    """The booker was erased (services/privacy/erasure.py) and their calendar's address with them: cancel
    the room's copy of the meeting in the room's mailbox, which frees the room, when it is known."""
    from satellitkontor.integrations.exchange.backend import PushItem

    place = config.mailbox_of(resource.name)
    if booking.status is not BookingStatus.CANCELLED or not link.room_copy_id or not place:
        return None
    return PushItem(
        booking_id=str(booking.id),
        uid=link.ical_uid or booking.uid,
        mailbox=place.lower(),
        subject=resource.name,
        start=booking.start_at,
        end=booking.end_at,
        is_cancelled=True,
        sequence=booking.sequence,
        remote_id=link.room_copy_id,
    )


def _by_key(s: Session, model: Any, column: Any, keys: Sequence[int]) -> dict[int, Any]:
    """Rows of ``model`` whose ``column`` is one of ``keys``, by that key: one query per 500
    (the batch's rows at once, instead of a ``Session.get`` with its autoflush for each)."""
    wanted = list(dict.fromkeys(keys))
    found: dict[int, Any] = {}
    for i in range(0, len(wanted), 500):
        found.update(
            (getattr(r, column.key), r)
            for r in s.scalars(select(model).where(column.in_(wanted[i : i + 500])))
        )
    return found


def _plan(s: Session, config: ExchangeConfig, now: datetime, batch_size: int) -> list[_Planned]:
    due = s.scalars(
        select(ExchangeOutboxRow)
        .where(ExchangeOutboxRow.done_at.is_(None), ExchangeOutboxRow.next_attempt_at <= now)
        .order_by(ExchangeOutboxRow.id)
    )
    rows: dict[int, list[ExchangeOutboxRow]] = {}
    for row in due:
        if row.booking_id not in rows and len(rows) >= batch_size:
            continue
        rows.setdefault(row.booking_id, []).append(row)
    from satellitkontor.services.exchange import office_identity

    office = office_identity.read(s) or ""
    bookings = _by_key(s, BookingRow, BookingRow.id, list(rows))
    resources = {r.id: r for r in s.scalars(select(ResourceRow))}
    people = _by_key(s, PersonRow, PersonRow.id, [b.person_id for b in bookings.values() if b.person_id])
    links = _by_key(s, ExchangeLinkRow, ExchangeLinkRow.booking_id, list(rows))
    out = []
    for booking_id, mine in rows.items():
        booking = bookings.get(booking_id)
        if booking is None:
            continue
        resource = resources[booking.resource_id]
        person = people.get(booking.person_id) if booking.person_id else None
        link = links.get(booking_id)
        retried = any(r.attempts > 0 for r in mine)
        item = build_item(config, booking, resource, person, link, retried, office)
        out.append(_Planned(booking_id, tuple(r.id for r in mine), item))
    return out


def push_once(
    db: Database, backend: CalendarBackend, config: ExchangeConfig, now: datetime, batch_size: int
) -> PushReport | None:
    """One batch: None when nothing is due."""
    from satellitkontor.services.exchange import office_identity

    with db.session() as s:
        known = office_identity.read(s)
    if known is None:  # sync turned on before identities existed: made by whoever may
        try:
            with db.session(write=True) as s:
                office_identity.get_or_make(s, now)
        except DatabaseRefused:  # a receptionist's login may not write settings: an admin's run will
            log.info("the office's identity is made by the next admin run or Exchange save")
    with db.session() as s:
        planned = _plan(s, config, now, batch_size)
    if not planned:
        return None
    items = [p.item for p in planned if p.item is not None]
    results = backend.push(items) if items else []
    by_booking = {r.booking_id: r for r in results}
    report = PushReport(sent=len(items), requests=1 if items else 0)
    with db.session(write=True) as s:
        outbox = _by_key(s, ExchangeOutboxRow, ExchangeOutboxRow.id, [i for p in planned for i in p.row_ids])
        links = _by_key(s, ExchangeLinkRow, ExchangeLinkRow.booking_id, [p.booking_id for p in planned])
        for p in planned:
            result = by_booking.get(str(p.booking_id)) if p.item is not None else None
            _apply(s, config, now, p, result, report, outbox, links)
    return report


def _apply(
    s: Session,
    config: ExchangeConfig,
    now: datetime,
    planned: _Planned,
    result: PushResult | None,
    report: PushReport,
    outbox: dict[int, ExchangeOutboxRow],
    links: dict[int, ExchangeLinkRow],
) -> None:
    """``outbox`` and ``links``: the batch's outbox rows and links, read at once (push_once)."""
    from satellitkontor.integrations.exchange.backend import PushStatus

    rows = [outbox[i] for i in planned.row_ids if i in outbox]
    item = planned.item
    if item is None or result is None:
        _done(rows, now, report)
        return
    link = links.get(planned.booking_id)
    if result.status in (PushStatus.CREATED, PushStatus.UPDATED):
        if link is None:
            link = ExchangeLinkRow(booking_id=planned.booking_id, origin="app", room_response="none")
            s.add(link)
            links[planned.booking_id] = link
        if link.remote_id != result.remote_id:
            link.room_copy_id = None
            link.room_response = "none"
        link.mailbox = item.mailbox
        link.remote_id = result.remote_id
        link.change_key = result.change_key
        link.ical_uid = result.ical_uid or link.ical_uid or item.uid
        link.synced_sequence = item.sequence
        link.synced_at = now
        _done(rows, now, report)
    elif result.status is PushStatus.CANCELLED or (
        result.status is PushStatus.NOT_FOUND and item.is_cancelled
    ):
        if link is not None:
            link.synced_sequence = item.sequence
            link.synced_at = now
            booking = s.get(BookingRow, planned.booking_id)
            if booking is not None and booking.status is BookingStatus.NO_SHOW and link.origin == "app":
                # gone from Outlook; checked in after all, it is created anew
                link.remote_id = link.change_key = link.room_copy_id = None
                link.room_response = "none"
        _done(rows, now, report)
    elif result.status is PushStatus.NOT_FOUND:  # deleted in Outlook: the app's booking wins
        booking = s.get(BookingRow, planned.booking_id)
        if link is not None:
            link.remote_id = link.change_key = link.room_copy_id = None
            link.room_response = "none"
        record_override(
            s, now, booking, winner="app", lost={"outlook": "deleted"}, kept={"app": "booked again"}
        )
        for r in rows:  # sent again as new in the next batch
            r.next_attempt_at = now
    elif _organise_by_office(s, config, now, planned, item, result.error, link, rows):
        pass  # sent again at once, from the office's mailbox
    else:
        from satellitkontor.integrations.exchange.errors import ExchangeNoRights
        from satellitkontor.words.texts import describe

        error = result.error
        text = describe(error, DEFAULT) if error is not None else say("exchange.error.unknown", DEFAULT)
        for r in rows:
            r.attempts += 1
            r.next_attempt_at = now + timedelta(seconds=backoff(config, r.attempts, error))
            r.last_error_code = error.code if error is not None else "exchange"
            r.last_error_text = text
            if isinstance(error, ExchangeNoRights) and r.attempts >= GIVE_UP_AFTER:
                r.done_at = now  # given up (the error stays): a mailbox nobody can reach
                log.warning(
                    "Booking %s: given up after %d attempts (%s)", planned.booking_id, r.attempts, error.code
                )
        report.failed += 1
        if text not in report.errors:
            report.errors.append(text)
        log.warning(
            "Booking %s not in Exchange yet (%s); next try %s",
            planned.booking_id,
            error.code if error is not None else "?",
            rows[0].next_attempt_at if rows else "-",
        )


def office_mailbox(config: ExchangeConfig, resource: ResourceRow) -> str:
    """The mailbox that organises meetings for bookers the account cannot reach: the service
    account's own, else the place's (a room organising its own meeting)."""
    return (config.account or config.mailbox_of(resource.name) or "").lower()


def _organise_by_office(
    s: Session,
    config: ExchangeConfig,
    now: datetime,
    planned: _Planned,
    item: PushItem,
    error: ExchangeError | None,
    link: ExchangeLinkRow | None,
    rows: Sequence[ExchangeOutboxRow],
) -> bool:
    """The booker's mailbox is out of reach (no such mailbox here, or no rights to it: a booker
    in another organisation): the meeting is organised by the office from now on, with the
    booker invited. True when it was so re-planned (the rows are due again at once)."""
    from satellitkontor.integrations.exchange.errors import ExchangeNoRights, ExchangeOrganisedByOffice
    from satellitkontor.services.exchange import out_of_reach
    from satellitkontor.words.texts import describe

    if not isinstance(error, ExchangeNoRights) or item.is_cancelled:
        return False
    booking = s.get(BookingRow, planned.booking_id)
    resource = s.get(ResourceRow, booking.resource_id) if booking is not None else None
    person = s.get(PersonRow, booking.person_id) if booking is not None and booking.person_id else None
    if resource is None or person is None or item.mailbox != person.email.lower():
        return False  # not the booker's own calendar: nothing else to try
    office = office_mailbox(config, resource)
    if not office or office == item.mailbox:
        return False
    if link is None:
        link = ExchangeLinkRow(booking_id=planned.booking_id, origin="app", room_response="none")
        s.add(link)
    link.mailbox, link.remote_id, link.change_key = office, None, None
    who = error.params.get("username") or config.username or config.client_id
    notice = ExchangeOrganisedByOffice(username=who, mailbox=item.mailbox, office=office)
    text = describe(notice, "sv")
    out_of_reach.record(s, item.mailbox, notice.code, text, describe(notice, "en"), now)  # stays after
    log.info("Booking %s: %s; organised by %s instead", planned.booking_id, error.code, office)
    for r in rows:
        r.next_attempt_at = now
        r.last_error_code = "exchange.organised_by_office"
        r.last_error_text = text
    return True


def _done(rows: Sequence[ExchangeOutboxRow], now: datetime, report: PushReport) -> None:
    for r in rows:
        r.done_at = now
        r.last_error_code = r.last_error_text = None
    report.done += 1


def record_override(
    s: Session,
    now: datetime,
    booking: BookingRow | None,
    *,
    winner: str,
    lost: dict[str, Any],
    kept: dict[str, Any],
) -> None:
    """An audit entry ``exchange.override``: what lost (``before``) and what stands (``after``)."""
    if booking is None:
        return
    audit.record(
        s,
        at=now,
        actor=None,
        action="exchange.override",
        entity="booking",
        entity_id=booking.id,
        before=lost,
        after={**kept, "winner": winner},
        subject_id=booking.person_id,
    )
