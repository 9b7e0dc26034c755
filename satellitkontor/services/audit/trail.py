"""Writing the audit trail: one entry per change, in the same transaction as the change.

Every service that changes something calls :func:`record` (or :func:`record_change`) with the
session of its unit of work, so the entry commits with the change or not at all (a change that
fails leaves no entry). The database keeps the entries append-only (migration 0003). Values in
``before``/``after`` are plain JSON (see :func:`snapshot`); personal data in them is what
retention and erasure later remove.

Decisions and reasons:

- **One entry per booking**, also for a series and an import: a series of ten occurrences
  writes ten ``booking.create`` entries, each naming its ``series_id``. A booking's history is
  then always "the entries with entity booking and its id", a cancel of one occurrence lines up
  with the create of that same occurrence, and retention can clear a booking's entries with the
  booking. The series row itself is part of those creates, not an entry of its own.
- **Only what changed** goes into ``before``/``after`` (:func:`record_change`): a role change
  is ``{"role": "user"} -> {"role": "admin"}``, not two copies of the person. A create has no
  ``before`` and the new thing's facts as ``after``; a removal the reverse.
- **No change, no entry**: a call that changes nothing (the same role again, revoking a revoked
  feed, checking in someone already checked in) writes no entry.
- **Who**: ``actor`` is the person acting (None while a new office has no admin yet, and for the
  default office laid out on creation); their name is copied into the entry so it reads the
  same after they leave, until retention or erasure removes it. ``subject_id`` is the person the
  change is about (a booking's person, a person whose role changed, a person's feed).
- Names of people never go into ``before``/``after`` of bookings: the person is
  ``subject_id``. A person's own entries (created, registered) carry their name and e-mail in
  ``after``, where retention and erasure look for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, is_dataclass
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from satellitkontor.storage.models import (
    AuditRow,
    BookingRow,
    ClosureRow,
    PersonRow,
    ResourceRow,
)


def record(
    s: Session,
    *,
    at: datetime,
    actor: PersonRow | None,
    action: str,
    entity: str,
    entity_id: object = None,
    before: Any = None,
    after: Any = None,
    subject_id: int | None = None,
) -> AuditRow:
    """Add one audit entry to the session's transaction (flushed with it)."""
    row = AuditRow(
        at=at,
        actor_id=actor.id if actor is not None else None,
        actor_name=actor.name if actor is not None else None,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        subject_id=subject_id,
        before=snapshot(before),
        after=snapshot(after),
    )
    s.add(row)
    return row


def snapshot(value: Any) -> Any:
    """``value`` as JSON-able data: dataclasses and mappings recursively, enums by value,
    dates and times in ISO form."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return snapshot(asdict(value))
    if isinstance(value, dict):
        return {str(k): snapshot(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [snapshot(v) for v in value]
    return str(value)


def changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The keys whose values differ, as (before, after), both as JSON-able data."""
    old, new = snapshot(dict(before)), snapshot(dict(after))
    keys = [k for k in {**old, **new} if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}


def record_change(
    s: Session,
    *,
    at: datetime,
    actor: PersonRow | None,
    action: str,
    entity: str,
    entity_id: object,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    subject_id: int | None = None,
) -> AuditRow | None:
    """Record only the fields that changed between ``before`` and ``after``; nothing when none did."""
    old, new = changed(before, after)
    if not old and not new:
        return None
    return record(
        s,
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=old,
        after=new,
        subject_id=subject_id,
    )


# --- the facts of each kind of thing, as they go into an entry ---------------------------------
def booking_facts(row: BookingRow, resource_name: str | None = None) -> dict[str, Any]:
    """A booking without its person (who is the entry's ``subject_id``)."""
    facts: dict[str, Any] = {
        "resource_id": row.resource_id,
        "resource": resource_name,
        "start": row.start_at,
        "end": row.end_at,
        "status": row.status,
    }
    optional = {
        "period": row.desk_period,
        "title": row.title,
        "participants": row.participants,
        "series_id": row.series_id,
        "import_key": row.import_key,
        # a guest is marked and their organisation kept; the name is personal data the booking
        # holds (and retention and erasure remove), not the append-only audit trail
        "guest": True if row.guest_name is not None else None,
        "guest_org": row.guest_org,
    }
    facts.update({k: v for k, v in optional.items() if v is not None})
    if resource_name is None:
        del facts["resource"]
    return snapshot(facts)  # type: ignore[no-any-return]


def person_facts(row: PersonRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "email": row.email,
        "municipality": row.municipality_code,
        "kind": row.kind.value,
        "role": row.role.value,
        "active": row.active,
    }


def resource_facts(row: ResourceRow) -> dict[str, Any]:
    return {
        "kind": row.kind.value,
        "name": row.name,
        "equipment": list(row.equipment or ()),
        "capacity": row.capacity,
        "active": row.active,
        "x": row.x,
        "y": row.y,
        "sort_order": row.sort_order,
    }


def closure_facts(row: ClosureRow) -> dict[str, Any]:
    return {
        "start_date": row.start_date.isoformat(),
        "end_date": row.end_date.isoformat(),
        "reason": row.reason,
    }
