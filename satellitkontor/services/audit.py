"""Writing the audit trail: one entry per change, in the same transaction as the change.

Every service that changes something calls :func:`record` with the session of its unit of work,
so the entry commits with the change or not at all (a change that fails leaves no entry). The
database keeps the entries append-only (migration 0003). Values in ``before``/``after`` are plain
JSON (see :func:`snapshot`); personal data in them is what retention and erasure later remove.
"""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from satellitkontor.storage.models import AuditRow, PersonRow


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
