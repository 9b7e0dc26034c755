"""What the Exchange sync has not done yet, and why: for ``sync --status`` and the admin page.

Plain frozen dataclasses out. Pending items name the place and the time, never the person (the
status is for the receptionist and the admin, and names follow the privacy setting elsewhere).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from satellitkontor.services.exchange import out_of_reach
from satellitkontor.services.exchange.config import ExchangeConfig
from satellitkontor.services.exchange.out_of_reach import OutOfReach
from satellitkontor.services.exchange.skipped import PREFIX, SkippedEvent
from satellitkontor.services.exchange.skipped import read as read_skipped
from satellitkontor.storage.models import (
    AuditRow,
    BookingRow,
    ExchangeLinkRow,
    ExchangeOutboxRow,
    ExchangeSyncStateRow,
    ResourceRow,
)

OVERRIDES_SHOWN_DAYS = 14


@dataclass(frozen=True)
class PendingItem:
    booking_id: int
    place: str
    start: datetime
    end: datetime
    operation: str  # upsert | cancel
    created_at: datetime
    attempts: int
    next_attempt_at: datetime
    error_code: str | None
    error_text: str | None  # Swedish


@dataclass(frozen=True)
class RoomAnswer:
    booking_id: int
    place: str
    start: datetime
    response: str  # declined | tentative


@dataclass(frozen=True)
class Override:
    booking_id: int
    at: datetime
    winner: str  # app | exchange
    lost: object
    kept: object


@dataclass(frozen=True)
class Conflict:
    """An Outlook meeting booked or moved onto a time an app booking held: the app won."""

    booking_id: int  # the app's booking that kept the time
    place: str
    at: datetime
    subject: str  # the Outlook meeting's
    outlook_start: datetime | None
    outlook_end: datetime | None
    moved_booking: int | None  # the Outlook meeting's own booking, when it was a move

    def text(self, lang: str = "sv") -> str:
        from satellitkontor.words.texts import outlook_conflict

        return outlook_conflict(self.subject, self.outlook_start, self.outlook_end, lang)


@dataclass(frozen=True)
class SyncStatus:
    enabled: bool
    backend: str
    pending: int
    oldest_pending: datetime | None
    items: tuple[PendingItem, ...]
    last_success_at: datetime | None  # the last run that pushed (or found nothing to push) without error
    last_error: str | None  # Swedish
    answers: tuple[RoomAnswer, ...]  # rooms that declined or only said maybe
    overrides: tuple[Override, ...]
    #: Outlook events the pull could not take in, each with its reason.
    skipped: tuple[SkippedEvent, ...] = ()
    #: Outlook meetings that lost to an app booking, newest first (the last two weeks).
    conflicts: tuple[Conflict, ...] = ()
    #: Pushes given up (a mailbox the account cannot reach at all), for future bookings.
    given_up: tuple[PendingItem, ...] = ()
    #: Bookers' mailboxes the account cannot reach (their meetings go out from the office's
    #: mailbox), until an admin dismisses them or the address changes.
    out_of_reach: tuple[OutOfReach, ...] = ()


def read_status(s: Session, config: ExchangeConfig, now: datetime, limit: int = 100) -> SyncStatus:
    base = select(ExchangeOutboxRow).where(ExchangeOutboxRow.done_at.is_(None))
    count = s.scalar(select(func.count()).select_from(base.subquery())) or 0
    oldest = s.scalar(
        select(func.min(ExchangeOutboxRow.created_at)).where(ExchangeOutboxRow.done_at.is_(None))
    )
    rows = s.execute(
        select(ExchangeOutboxRow, BookingRow.start_at, BookingRow.end_at, ResourceRow.name)
        .join(BookingRow, BookingRow.id == ExchangeOutboxRow.booking_id)
        .join(ResourceRow, ResourceRow.id == BookingRow.resource_id)
        .where(ExchangeOutboxRow.done_at.is_(None))
        .order_by(ExchangeOutboxRow.id)
        .limit(limit)
    ).all()
    items = _pending_items(rows)
    push = s.get(ExchangeSyncStateRow, "push")
    states = list(s.scalars(select(ExchangeSyncStateRow)))
    notices = (PREFIX, out_of_reach.PREFIX)  # shown in their own lists, not as the last error
    errors = [st.last_error_text for st in states if st.last_error_text and not st.key.startswith(notices)]
    last_error = errors[0] if errors else next((i.error_text for i in items if i.error_text), None)
    answers = tuple(
        RoomAnswer(b, name, start, resp)
        for b, name, start, resp in s.execute(
            select(
                ExchangeLinkRow.booking_id,
                ResourceRow.name,
                BookingRow.start_at,
                ExchangeLinkRow.room_response,
            )
            .join(BookingRow, BookingRow.id == ExchangeLinkRow.booking_id)
            .join(ResourceRow, ResourceRow.id == BookingRow.resource_id)
            .where(ExchangeLinkRow.room_response.in_(("declined", "tentative")), BookingRow.end_at > now)
            .order_by(BookingRow.start_at)
        )
    )
    overrides = tuple(
        Override(int(a.entity_id or 0), a.at, _winner(a.after), a.before, a.after)
        for a in s.scalars(
            select(AuditRow)
            .where(
                AuditRow.action == "exchange.override",
                AuditRow.at >= now - timedelta(days=OVERRIDES_SHOWN_DAYS),
            )
            .order_by(AuditRow.at.desc())
            .limit(50)
        )
    )
    return SyncStatus(
        enabled=config.enabled,
        backend=config.backend,
        pending=int(count),
        oldest_pending=oldest,
        items=items,
        last_success_at=push.last_success_at if push is not None else None,
        last_error=last_error,
        answers=answers,
        overrides=overrides,
        skipped=read_skipped(s),
        conflicts=read_conflicts(s, now),
        given_up=_given_up(s, now),
        out_of_reach=out_of_reach.read(s),
    )


def _given_up(s: Session, now: datetime) -> tuple[PendingItem, ...]:
    rows = s.execute(
        select(ExchangeOutboxRow, BookingRow.start_at, BookingRow.end_at, ResourceRow.name)
        .join(BookingRow, BookingRow.id == ExchangeOutboxRow.booking_id)
        .join(ResourceRow, ResourceRow.id == BookingRow.resource_id)
        .where(
            ExchangeOutboxRow.done_at.is_not(None),
            ExchangeOutboxRow.last_error_code.is_not(None),
            BookingRow.end_at > now,
        )
        .order_by(ExchangeOutboxRow.id)
        .limit(100)
    ).all()
    return _pending_items(rows)


def read_conflicts(
    s: Session, now: datetime, booking_ids: Sequence[int] | None = None
) -> tuple[Conflict, ...]:
    stmt = (
        select(AuditRow)
        .where(
            AuditRow.action == "exchange.override",
            AuditRow.entity == "booking",
            AuditRow.at >= now - timedelta(days=OVERRIDES_SHOWN_DAYS),
        )
        .order_by(AuditRow.at.desc(), AuditRow.id.desc())
        .limit(200)
    )
    if booking_ids is not None:
        stmt = stmt.where(AuditRow.entity_id.in_([str(i) for i in booking_ids]))
    rows = list(s.scalars(stmt))
    ids = {int(a.entity_id) for a in rows if a.entity_id and a.entity_id.isdigit()}
    places: dict[int, str] = {
        booking_id: name
        for booking_id, name in s.execute(
            select(BookingRow.id, ResourceRow.name)
            .join(ResourceRow, ResourceRow.id == BookingRow.resource_id)
            .where(BookingRow.id.in_(ids))
        )
    }
    out = []
    for a in rows:
        after, before = a.after, a.before
        place = places.get(int(a.entity_id)) if a.entity_id and a.entity_id.isdigit() else None
        if place is None:
            continue
        if not isinstance(after, dict) or after.get("app") != "booked first" or not isinstance(before, dict):
            continue
        found = before.get("outlook")
        outlook: dict[str, object] = found if isinstance(found, dict) else {}
        moved = before.get("moved_booking")
        out.append(
            Conflict(
                int(a.entity_id or 0),
                place,
                a.at,
                str(outlook.get("subject") or ""),
                _moment(outlook.get("start")),
                _moment(outlook.get("end")),
                int(moved) if isinstance(moved, int) else None,
            )
        )
    return tuple(out)


def _moment(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def _winner(after: object) -> str:
    return str(after.get("winner", "")) if isinstance(after, dict) else ""


def not_in_outlook(s: Session, booking_ids: Sequence[int]) -> set[int]:
    ids = list(booking_ids)
    found: set[int] = set()
    for i in range(0, len(ids), 500):
        stmt = select(ExchangeOutboxRow.booking_id).where(
            ExchangeOutboxRow.done_at.is_(None), ExchangeOutboxRow.booking_id.in_(ids[i : i + 500])
        )
        found.update(s.scalars(stmt))
    return found


def not_in_outlook_reasons(s: Session, booking_ids: Sequence[int]) -> dict[int, str | None]:
    """Those of ``booking_ids`` with a change not yet written to Exchange, each with the last
    error in Swedish words (None while it has simply not been sent yet)."""
    ids = list(booking_ids)
    found: dict[int, str | None] = {}
    for i in range(0, len(ids), 500):
        stmt = (
            select(ExchangeOutboxRow.booking_id, ExchangeOutboxRow.last_error_text)
            .where(ExchangeOutboxRow.done_at.is_(None), ExchangeOutboxRow.booking_id.in_(ids[i : i + 500]))
            .order_by(ExchangeOutboxRow.id)
        )
        for booking_id, error in s.execute(stmt):
            found[booking_id] = error or found.get(booking_id)
    return found


def _pending_items(rows: Any) -> tuple[PendingItem, ...]:
    """Outbox rows joined with their booking's times and place name, as the status shows them."""
    return tuple(
        PendingItem(
            o.booking_id,
            name,
            start,
            end,
            o.operation,
            o.created_at,
            o.attempts,
            o.next_attempt_at,
            o.last_error_code,
            o.last_error_text,
        )
        for o, start, end, name in rows
    )
