"""The Exchange outbox: a booking change to push, added in the booking's own transaction.

``booking_service`` calls :func:`enqueue` when it creates or cancels a booking (single, series,
import, and the cancellations of an erasure, which go through ``mark_cancelled``), with the
session of that unit of work: the booking and the promise to push it commit together or not at
all, so Exchange being down, slow or refusing never stops a booking and never loses one.

Only while Exchange sync is enabled (the ``exchange`` setting): an office without Exchange gets
no rows. The setting is read with ``Session.get`` (the identity map answers repeated calls in one
transaction, so a series of 50 occurrences reads it once).

Bookings that came *from* Exchange (an Outlook meeting on the room mailbox) are not enqueued:
they are there already. The push reads the booking as it is when it is sent, so the operation is
a hint for the status page; several rows of one booking go out as one item.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from satellitkontor.domain.bookings import HOLDING_STATUSES
from satellitkontor.storage.models import (
    BookingRow,
    ExchangeLinkRow,
    ExchangeOutboxRow,
    ResourceRow,
    SettingRow,
)

SETTINGS_KEY = "exchange"


def sync_enabled(s: Session) -> bool:
    """Whether Exchange sync is on, read once per unit of work: ``Session.get`` answers a row it
    holds from the identity map, but a missing row (an office without Exchange) is asked again
    each time, after an autoflush; releasing 500 bookings did 500 flushes for it (issue 16)."""
    known = s.info.get(_INFO_KEY)
    if known is not None:
        return bool(known)
    with s.no_autoflush:
        row = s.get(SettingRow, SETTINGS_KEY)
    return know_sync(s, row.value if row is not None else None)


def know_sync(s: Session, value: object) -> bool:
    """Tell the unit of work the ``exchange`` setting's value, read by the caller with others
    (a booking reads it with the policy, in one statement); whether sync is on."""
    enabled = isinstance(value, dict) and bool(value.get("enabled"))
    s.info[_INFO_KEY] = enabled
    return enabled


_INFO_KEY = "satellitkontor.exchange_sync_enabled"


def enqueue(s: Session, booking: BookingRow, operation: str, now: datetime) -> None:
    """Remember that ``booking`` must be written to Exchange (``upsert`` or ``cancel``)."""
    if not sync_enabled(s):
        return
    s.add(
        ExchangeOutboxRow(
            booking_id=booking.id,
            operation=operation,
            created_at=now,
            attempts=0,
            next_attempt_at=now,
        )
    )


def enqueue_future(s: Session, now: datetime, places: Collection[str] | None = None) -> int:
    """Put every future holding booking made in the app in the outbox (those of ``places`` only,
    plus those never pushed, when given); bookings already waiting are not added twice.

    For bookings made before the sync was on (or before a place had its mailbox): turning the
    sync on, adding a mailbox and ``sync --resend`` call this. Returns how many were added."""
    if not sync_enabled(s):
        return 0
    waiting = select(ExchangeOutboxRow.booking_id).where(ExchangeOutboxRow.done_at.is_(None))
    stmt = (
        select(BookingRow, ExchangeLinkRow, ResourceRow.name)
        .join(ResourceRow, ResourceRow.id == BookingRow.resource_id)
        .outerjoin(ExchangeLinkRow, ExchangeLinkRow.booking_id == BookingRow.id)
        .where(
            BookingRow.status.in_(HOLDING_STATUSES),
            BookingRow.end_at > now,
            BookingRow.id.not_in(waiting),
            or_(ExchangeLinkRow.origin.is_(None), ExchangeLinkRow.origin == "app"),
        )
        .order_by(BookingRow.start_at, BookingRow.id)
    )
    added = 0
    for booking, link, place in s.execute(stmt):
        pushed = link is not None and link.remote_id is not None
        if places is not None and pushed and place not in places:
            continue
        enqueue(s, booking, "upsert", now)
        added += 1
    return added
