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

from datetime import datetime

from sqlalchemy.orm import Session

from satellitkontor.storage.models import BookingRow, ExchangeOutboxRow, SettingRow

SETTINGS_KEY = "exchange"


def sync_enabled(s: Session) -> bool:
    row = s.get(SettingRow, SETTINGS_KEY)
    return row is not None and isinstance(row.value, dict) and bool(row.value.get("enabled"))


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
