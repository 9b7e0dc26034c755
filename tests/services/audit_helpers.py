"""Reading the audit trail as it is stored (raw SQL, not through the service under test)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text

from satellitkontor.services.app_services import AppServices
from satellitkontor.storage.database import Database
from tests.conftest import Office


@dataclass(frozen=True)
class Entry:
    id: int
    at: Any
    actor_id: int | None
    actor_name: str | None
    action: str
    entity: str
    entity_id: str | None
    subject_id: int | None
    before: Any
    after: Any


def _db(o: Office | AppServices) -> Database:
    return o.services.db if isinstance(o, Office) else o.db


def last_id(o: Office | AppServices) -> int:
    with _db(o).session() as s:
        return int(s.execute(text("SELECT COALESCE(MAX(id), 0) FROM audit_log")).scalar_one())


def entries_after(o: Office | AppServices, mark: int) -> list[Entry]:
    """Every entry written after ``mark`` (an id from :func:`last_id`), oldest first."""
    sql = text(
        "SELECT id, at, actor_id, actor_name, action, entity, entity_id, subject_id, before, after "
        "FROM audit_log WHERE id > :mark ORDER BY id"
    )
    with _db(o).session() as s:
        rows = s.execute(sql, {"mark": mark}).all()
    return [
        Entry(
            *r[:8],
            json.loads(r[8]) if r[8] is not None else None,
            json.loads(r[9]) if r[9] is not None else None,
        )
        for r in rows
    ]


def one_after(o: Office | AppServices, mark: int) -> Entry:
    found = entries_after(o, mark)
    assert len(found) == 1, [(e.action, e.entity_id) for e in found]
    return found[0]


def same_moment(stored: Any, expected: datetime) -> bool:
    """``at`` as read raw (naive UTC text on SQLite, aware on PostgreSQL) is ``expected``."""
    if isinstance(stored, str):
        stored = datetime.fromisoformat(stored)
    if stored.tzinfo is None:
        stored = stored.replace(tzinfo=UTC)
    return bool(stored == expected)
