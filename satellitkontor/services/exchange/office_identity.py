"""The office's identity in Exchange: a random id written on every event it pushes.

Booking numbers start at 1 in every installation, so a pilot beside production, or a copy of the
office, would otherwise find and take over each other's events (a create whose answer was lost
is looked up by the booking id). The identity is kept in the database (the ``settings`` row
``office_identity``): a backup restored as the same office keeps it; a copy restored as a new
office (``restore --new-office``) drops it with the office's Exchange links, and gets a new one
at its first push.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from satellitkontor.storage.models import (
    ExchangeLinkRow,
    ExchangeOutboxRow,
    ExchangeSyncStateRow,
    SettingRow,
)
from satellitkontor.storage.queries import common as queries

SETTINGS_KEY = "office_identity"


def read(s: Session) -> str | None:
    row = s.get(SettingRow, SETTINGS_KEY)
    value = row.value.get("id") if row is not None and isinstance(row.value, dict) else None
    return str(value) if value else None


def get_or_make(s: Session, now: datetime) -> str:
    """The office's identity, made (and stored in this transaction) the first time."""
    found = read(s)
    if found:
        return found
    made = uuid.uuid4().hex[:16]
    queries.save_setting(s, SETTINGS_KEY, {"id": made}, now)
    return made


def forget(s: Session) -> None:
    """A copy becomes a new office: no identity (a new one comes with the first push) and none
    of the old office's ties to Exchange events, which stay the original's."""
    s.execute(delete(SettingRow).where(SettingRow.key == SETTINGS_KEY))
    s.execute(delete(ExchangeLinkRow))
    s.execute(delete(ExchangeOutboxRow))
    s.execute(delete(ExchangeSyncStateRow))


def booking_of(tag: str | None, office: str | None) -> int | None:
    """Our booking id in an event's booking-id property (``<id>@<office>``), when it is this
    office's; a bare number is an event pushed before offices had an identity."""
    if not tag:
        return None
    number, at, owner = tag.partition("@")
    if not number.isdigit() or (at and owner != office):
        return None
    return int(number)
