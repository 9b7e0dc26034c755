"""Backup and restore move the whole office between SQLite and PostgreSQL, unchanged.

The office is the demo office (through the real services) plus a published and a revoked feed,
a closure, a changed rule, a confirmed rotation year, Exchange outbox/link/sync rows, a
people-count adjustment and a database login; the audit trail has every change. Contents are
compared table by table and row by row (tests/storage/office_content.py).
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import (
    ResourceTaken,
    RestoreFailed,
    RestoreTargetNotEmpty,
)
from satellitkontor.services.app_services import open_office
from satellitkontor.storage import backup, backup_seal, schema
from satellitkontor.storage.database import sqlite_url
from satellitkontor.storage.queries import audit_search
from satellitkontor.words.texts import describe
from tests.conftest import MONDAY, NOW, MovableClock, make_office
from tests.storage.backup_office import ADMIN, backup_to, content_of, content_of_backup, restore_from
from tests.storage.office_content import differences


# --- round trips -------------------------------------------------------------------------------------
@pytest.mark.postgresql
def test_sqlite_to_postgresql_to_sqlite_keeps_every_row(demo_url: str, pg_url: str, tmp_path: Path) -> None:
    original = content_of(demo_url)
    empty = sorted(t for t, rows in original.items() if not rows)
    assert empty == [], f"the test office should have rows in every table: {empty}"

    seen: list[tuple[int, int]] = []
    first = backup_to(demo_url, tmp_path / "one.sqlite3", progress=lambda d, t: seen.append((d, t)))
    total = sum(len(rows) for rows in original.values())
    assert first.total == total and first.people == 30 and first.audit_entries == len(original["audit_log"])
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert content_of_backup(first.file) == original

    restored = restore_from(first.file, pg_url)
    assert restored.total == total and restored.upgraded_from is None
    assert differences(content_of(pg_url), original) == []

    second = backup_to(pg_url, tmp_path / "two.sqlite3")
    assert differences(content_of_backup(second.file), original) == []
    back = tmp_path / "back.sqlite3"
    restore_from(second.file, sqlite_url(back))
    assert differences(content_of(sqlite_url(back)), original) == []
    # and as SQLite stores them, byte for byte: the office file, both backups, the file restored
    stored = _stored_rows(make_url(demo_url).database or "")
    for path in (first.file, second.file, back):
        assert _stored_rows(path) == stored, path
        with sqlite3.connect(path) as conn:  # each file's search index holds exactly its trail
            table = audit_search.TABLE
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
        conn.close()


def _stored_rows(path: Path | str) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
            # sqlite_stat1 and the like are the planner's statistics (ANALYZE), not the office's rows
            for (t,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite^_%' ESCAPE '^' "
                "ORDER BY name"
            )
            if t != backup.CHECKSUM_TABLE  # a backup's own, never an office's
            # the audit search index: how FTS5 lays out its pieces depends on how it was filled
            # (one by one, or at once by a copy); it is checked against the trail instead
            and not audit_search.is_index_table(t)
        }
    finally:
        conn.close()


@pytest.mark.postgresql
def test_postgresql_to_sqlite_to_postgresql_with_replace(
    demo_backup: Path, pg_url: str, tmp_path: Path
) -> None:
    restore_from(demo_backup, pg_url)
    on_server = content_of(pg_url)
    file = backup_to(pg_url, tmp_path / "server.sqlite3").file
    laptop = sqlite_url(tmp_path / "laptop.sqlite3")
    restore_from(file, laptop)
    assert differences(content_of(laptop), on_server) == []
    # a change on the laptop, then the laptop's office goes back to the server, replacing it
    services = open_office(laptop, clock=MovableClock(NOW))
    try:
        admin = services.office.person_by_email(ADMIN)
        services.office.add_person(admin.id, "Ny Person", "ny.person@vannas.se", "Vännäs")
    finally:
        services.db.dispose()
    changed = content_of(laptop)
    again = backup_to(laptop, tmp_path / "laptop-backup.sqlite3").file
    restore_from(again, pg_url, replace=True)
    assert differences(content_of(pg_url), changed) == []
    assert len(changed["people"]) == len(on_server["people"]) + 1


def test_the_backup_is_a_working_office_file_at_the_newest_schema(demo_url: str, tmp_path: Path) -> None:
    file = backup_to(demo_url, tmp_path / "kontoret.backup").file
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "kontoret.backup",
        "office.sqlite3",
    ]  # nothing beside it
    with sqlite3.connect(file) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (schema.head_revision(),)
        ]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"bookings_no_overlap_insert", "audit_log_no_delete"} <= triggers
    services = open_office(sqlite_url(file), clock=MovableClock(NOW))
    try:
        assert services.upgrade is not None and not services.upgrade.changed
        day = services.occupancy.day(MONDAY)
        assert len(day.desks) == 8 and any(r.bookings for r in day.resources)
    finally:
        services.db.dispose()


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_a_backup_is_one_moment_of_the_office(
    kind: str, demo_backup: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A booking committed while the backup runs is not half in it: the backup is the moment it
    started (REPEATABLE READ on PostgreSQL, one read transaction on SQLite)."""
    url = sqlite_url(tmp_path / "live.sqlite3") if kind == "sqlite" else request.getfixturevalue("pg_url")
    restore_from(demo_backup, url)
    before = content_of(url)
    other = open_office(url, clock=MovableClock(NOW))
    try:
        admin = other.office.person_by_email(ADMIN)

        def meanwhile(done: int, total: int) -> None:
            if done == 0:  # after the backup has counted its rows
                other.office.add_person(admin.id, "Under Tiden", "under.tiden@umea.se", "Umeå")

        file = backup_to(url, tmp_path / "moment.sqlite3", progress=meanwhile).file
    finally:
        other.db.dispose()
    assert differences(content_of(sqlite_url(file)), before) == []
    assert len(content_of(url)["people"]) == len(before["people"]) + 1


# --- PostgreSQL after a restore ---------------------------------------------------------------------
@pytest.mark.postgresql
def test_after_a_restore_postgresql_gives_fresh_ids_and_still_guards(demo_backup: Path, pg_url: str) -> None:
    restore_from(demo_backup, pg_url)
    top = max(r["id"] for r in content_of(pg_url)["bookings"])
    services = open_office(pg_url, clock=MovableClock(NOW))
    try:
        admin = services.office.person_by_email(ADMIN)
        cecilia = services.office.add_person(admin.id, "Cecilia Ek", "cecilia.ek@bjurholm.se", "Bjurholm")
        david = services.office.add_person(
            admin.id, "David Nordin", "david.nordin@nordmaling.se", "Nordmaling"
        )
        tuesday = MONDAY + timedelta(days=1)
        free = next(r for r in services.occupancy.day(tuesday).desks if not r.bookings)
        booked = services.booking.book_desk(cecilia.id, free.resource.id, tuesday, DeskPeriod.FULL_DAY)
        assert booked.id == top + 1
        with pytest.raises(ResourceTaken):
            services.booking.book_desk(david.id, free.resource.id, tuesday, DeskPeriod.MORNING)
    finally:
        services.db.dispose()
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn, pytest.raises(IntegrityError, match="bookings_no_overlap"):
            conn.execute(
                text(
                    "INSERT INTO bookings (uid, resource_id, resource_kind, person_id, municipality_code, "
                    "person_kind, start_at, end_at, status, sequence, created_at, updated_at) "
                    "SELECT 'overlap@test', resource_id, resource_kind, person_id, municipality_code, person_kind, "
                    "start_at, end_at, 'confirmed', 0, created_at, updated_at FROM bookings WHERE id = :id"
                ),
                {"id": booked.id},
            )
        with engine.connect() as conn, pytest.raises(DBAPIError, match="audit_log_append_only"):
            conn.execute(text("DELETE FROM audit_log WHERE id = 1"))
        with engine.connect() as conn:
            notify = conn.scalar(text("SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%\\_notify'"))
            assert notify and notify >= 9
    finally:
        engine.dispose()


# --- refusals that change nothing ----------------------------------------------------------------------
def test_restore_into_a_database_with_an_office_is_refused_and_changes_nothing(
    db_url: str, demo_backup: Path
) -> None:
    office = make_office(db_url, MovableClock(NOW))
    office.services.booking.book_desk(office.anna.id, office.desk(1).id, MONDAY, DeskPeriod.MORNING)
    office.services.db.dispose()
    before = content_of(db_url)
    with pytest.raises(RestoreTargetNotEmpty) as info:
        restore_from(demo_backup, db_url)
    assert content_of(db_url) == before
    message = describe(info.value, "sv")
    assert message.startswith("Databasen ") and message.endswith(
        "innehåller redan ett kontor. Använd --replace för att ersätta det."
    ), message


def test_a_new_database_with_only_the_default_desks_is_not_an_office(
    demo_backup: Path, tmp_path: Path
) -> None:
    """The app lays out eight desks and the room on its first start; a restore may replace them."""
    url = sqlite_url(tmp_path / "first-start.sqlite3")
    open_office(url).db.dispose()
    triggers = _triggers(url)
    restore_from(demo_backup, url)
    assert len(content_of(url)["people"]) == 30
    # the target's own triggers survived the emptying: overlaps and audit deletes still refused
    assert _triggers(url) == triggers
    with sqlite3.connect(tmp_path / "first-start.sqlite3") as conn:
        with pytest.raises(sqlite3.IntegrityError, match="audit_log_append_only"):
            conn.execute("DELETE FROM audit_log WHERE id = 1")
        columns = [d[1] for d in conn.execute("PRAGMA table_info(bookings)")]
        row = dict(
            zip(
                columns,
                conn.execute("SELECT * FROM bookings WHERE status = 'confirmed'").fetchone(),
                strict=True,
            )
        )
        row.update(id=None, uid="double@test")
        with pytest.raises(sqlite3.IntegrityError, match="bookings_no_overlap"):
            conn.execute(
                f"INSERT INTO bookings ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
    conn.close()


def _with_an_overlapping_booking(file: Path) -> None:
    """A damaged backup: its last holding booking doubled, past its own (dropped) triggers."""
    with sqlite3.connect(file) as conn:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        columns = [d[1] for d in conn.execute("PRAGMA table_info(bookings)")]
        row = dict(
            zip(
                columns,
                conn.execute(
                    "SELECT * FROM bookings WHERE status IN ('confirmed', 'checked_in') ORDER BY id DESC"
                ).fetchone(),
                strict=True,
            )
        )
        row.update(id=None, uid="double@test", import_key=None)
        conn.execute(
            f"INSERT INTO bookings ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
    _reseal(file)


def _reseal(file: Path) -> None:
    """The checksum computed again after an edit, so that the restore goes on to what is tested."""
    backup_seal.seal(file)


def _triggers(url: str) -> list[tuple[str, str]]:
    path = make_url(url).database
    assert path is not None
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()


def test_replace_is_one_transaction_a_refused_row_leaves_the_old_office(
    db_url: str, demo_backup: Path
) -> None:
    office = make_office(db_url, MovableClock(NOW))
    office.services.booking.book_desk(office.anna.id, office.desk(1).id, MONDAY, DeskPeriod.MORNING)
    office.services.db.dispose()
    before = content_of(db_url)
    triggers = _triggers(db_url) if db_url.startswith("sqlite") else None
    _with_an_overlapping_booking(demo_backup)
    with pytest.raises(RestoreFailed) as info:
        restore_from(demo_backup, db_url, replace=True)
    assert "no_overlap" in str(info.value.params["detail"])
    assert content_of(db_url) == before  # people, bookings, the audit trail: all still there
    if triggers is not None:
        assert _triggers(db_url) == triggers
    message = describe(info.value, "sv")
    assert "kunde inte läsas in" in message and message.endswith("Ingenting i databasen ändrades."), message


def test_a_row_the_backup_cannot_give_rolls_back_and_a_new_file_is_not_left(
    demo_backup: Path, tmp_path: Path
) -> None:
    with sqlite3.connect(demo_backup) as conn:
        conn.execute("UPDATE bookings SET end_at = 'nästa tisdag' WHERE id = (SELECT max(id) FROM bookings)")
    _reseal(demo_backup)
    target = tmp_path / "new.sqlite3"
    with pytest.raises(RestoreFailed):
        restore_from(demo_backup, sqlite_url(target))
    assert not target.exists() and not Path(f"{target}-wal").exists()
