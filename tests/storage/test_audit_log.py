"""``audit_log`` is append-only in the database itself (migration 0003), on SQLite and PostgreSQL:
raw SQL cannot delete an entry or rewrite what happened, but may blank the personal data in it
(what retention and a person's erasure need), and removing a person keeps their entries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.services.app_services import open_office
from tests.conftest import MONDAY, NOW, MovableClock, Office, make_office


@pytest.fixture
def audited(db_url: str, clock: MovableClock) -> Iterator[tuple[Office, int]]:
    """An office with one booking, and the id of its audit entry."""
    o = make_office(db_url, clock)
    o.services.booking.book_desk(o.anna.id, o.desk(1).id, MONDAY, DeskPeriod.FULL_DAY)
    with o.services.db.engine.connect() as conn:
        entry = int(conn.execute(text("SELECT MAX(id) FROM audit_log")).scalar_one())
    yield o, entry
    o.services.db.dispose()


def _row(engine: Engine, entry: int) -> tuple[object, ...]:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM audit_log WHERE id = :id"), {"id": entry}).one()
    return tuple(row)


def _refused(engine: Engine, sql: str, **params: object) -> None:
    with pytest.raises(DBAPIError, match="audit_log_append_only"), engine.begin() as conn:
        conn.execute(text(sql), params)


def test_no_entry_can_be_deleted(audited: tuple[Office, int]) -> None:
    o, entry = audited
    engine = o.services.db.engine
    before = _row(engine, entry)
    _refused(engine, "DELETE FROM audit_log WHERE id = :id", id=entry)
    _refused(engine, "DELETE FROM audit_log")
    assert _row(engine, entry) == before


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("id", 999_999),
        ("at", datetime(2020, 1, 1, tzinfo=UTC)),
        ("action", "booking.cancel"),
        ("entity", "person"),
        ("entity_id", "42"),
    ],
)
def test_what_happened_cannot_be_rewritten(audited: tuple[Office, int], column: str, value: object) -> None:
    o, entry = audited
    engine = o.services.db.engine
    if isinstance(value, datetime) and engine.dialect.name == "sqlite":
        value = value.replace(tzinfo=None).isoformat(" ")
    before = _row(engine, entry)
    _refused(engine, f"UPDATE audit_log SET {column} = :v WHERE id = :id", v=value, id=entry)
    if column != "id":  # SQLite refuses a NULL rowid before any trigger runs
        _refused(engine, f"UPDATE audit_log SET {column} = NULL WHERE id = :id", id=entry)
    assert _row(engine, entry) == before


def test_personal_data_can_be_blanked(audited: tuple[Office, int]) -> None:
    o, entry = audited
    engine = o.services.db.engine
    stamp: object = NOW if engine.dialect.name == "postgresql" else NOW.replace(tzinfo=None).isoformat(" ")
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE audit_log SET actor_name = NULL, actor_id = NULL, subject_id = NULL, before = NULL, "
                "after = NULL, anonymized_at = :now WHERE id = :id"
            ),
            {"id": entry, "now": stamp},
        )
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT action, entity, actor_name, actor_id, subject_id, before, after, anonymized_at FROM audit_log WHERE id = :id"
            ),
            {"id": entry},
        ).one()
    assert row[:2] == ("booking.create", "booking")
    assert row[2:7] == (None, None, None, None, None)
    assert row[7] is not None


def test_removing_a_person_keeps_their_entries(audited: tuple[Office, int]) -> None:
    """The foreign keys set actor and subject to NULL; the trigger allows exactly that."""
    o, entry = audited
    engine = o.services.db.engine
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM bookings WHERE person_id = :p"), {"p": o.anna.id})
        conn.execute(text("DELETE FROM people WHERE id = :p"), {"p": o.anna.id})
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT action, actor_id, subject_id, actor_name FROM audit_log WHERE id = :id"),
            {"id": entry},
        ).one()
    assert tuple(row) == ("booking.create", None, None, "Anna Andersson")  # the name is retention's


def test_new_entries_are_still_written(audited: tuple[Office, int]) -> None:
    o, entry = audited
    with o.services.db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO audit_log (at, action, entity) VALUES (:at, 'booking.create', 'booking')"),
            {"at": NOW if conn.dialect.name == "postgresql" else NOW.replace(tzinfo=None).isoformat(" ")},
        )
        assert (
            conn.execute(text("SELECT COUNT(*) FROM audit_log WHERE id > :id"), {"id": entry}).scalar_one()
            == 1
        )


def test_the_guard_survives_reopening(db_url: str, clock: MovableClock) -> None:
    """Opening an existing office again (schema.prepare) keeps the triggers."""
    o = make_office(db_url, clock)
    o.services.db.dispose()
    again = open_office(db_url, clock=clock)
    try:
        _refused(again.db.engine, "DELETE FROM audit_log")
    finally:
        again.db.dispose()
