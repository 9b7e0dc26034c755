"""Each release's schema upgrades to the newest with the data intact, on SQLite and PostgreSQL.

tests/storage/schema_versions/ keeps one small office per past schema version, made by its
make.py with plain SQL of that version. Each is upgraded to head: every row that was there is
still there with the same values (column by column, for the columns that existed), the database
still refuses an overlapping booking, and the app books and shows the day afterwards.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import ResourceTaken
from satellitkontor.services.app_services import open_office
from satellitkontor.storage import schema
from satellitkontor.storage.backup import replace_rows
from satellitkontor.storage.database import Database, sqlite_url
from tests.conftest import NOW, MovableClock
from tests.storage.office_content import content, differences, schema_columns
from tests.storage.schema_versions import make

TUESDAY = date(2026, 11, 24)
PAST = list(make.REVISIONS)


def _raw(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every table's columns and rows as SQLite stores them, read with the plain sqlite3 module."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = {}
        for name in names:
            cursor = conn.execute(f'SELECT * FROM "{name}" ORDER BY 1')
            out[name] = ([d[0] for d in cursor.description], cursor.fetchall())
        return out
    finally:
        conn.close()


def _fixture_copy(revision: str, tmp_path: Path) -> Path:
    path = tmp_path / f"office-{revision}.sqlite3"
    shutil.copyfile(make.path_of(revision), path)
    return path


# --- the files themselves ----------------------------------------------------------------------------
def test_every_past_revision_has_a_file() -> None:
    """The next release must add the file of the revision that is head today (see make.py)."""
    head = schema.head_revision()
    past = schema.known_revisions() - {head}
    files = {p.stem for p in make.HERE.glob("*.db")}
    assert past == set(make.REVISIONS), (
        f"add the revisions {sorted(past - set(make.REVISIONS))} to make.REVISIONS and run "
        "python -m tests.storage.schema_versions.make"
    )
    assert files == past, f"missing files: {sorted(past - files)}; extra: {sorted(files - past)}"
    for revision in past:
        assert make.path_of(revision).stat().st_size < 100_000


@pytest.mark.parametrize("revision", PAST)
def test_each_file_is_its_revision_with_rows_in_every_table(revision: str) -> None:
    raw = _raw(make.path_of(revision))
    assert raw["alembic_version"][1] == [(revision,)]
    expected = make.rows_of(revision)
    for table, rows in expected.items():
        assert len(raw[table][1]) == len(rows) > 0, table
    # every table of that schema holds something, so every table's upgrade is exercised
    empty = {t for t, (_cols, rows) in raw.items() if not rows}
    assert empty == set(), empty


@pytest.mark.parametrize("revision", PAST)
def test_make_py_still_makes_the_committed_file(revision: str, tmp_path: Path) -> None:
    """The migrations up to an old revision must keep making that revision's schema: an edit of a
    released migration shows here (a committed file stands for what that release wrote)."""
    fresh = make.make(revision, tmp_path / f"{revision}.db")
    assert _raw(fresh) == _raw(make.path_of(revision))
    sql = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    with sqlite3.connect(fresh) as a, sqlite3.connect(make.path_of(revision)) as b:
        assert a.execute(sql).fetchall() == b.execute(sql).fetchall()


# --- SQLite ----------------------------------------------------------------------------------------
#: Rows a later migration adds to a table of an older one (0009: the statistics' "Extern"), with
#: the revision that adds them: a file of that revision or later has them already.
ADDED = {"municipalities": ("0009", [("extern", "Extern", "0000")])}


def _added(table: str, revision: str) -> list[tuple[object, ...]]:
    since, rows = ADDED.get(table, ("", []))
    return list(rows) if revision < since else []


@pytest.mark.parametrize("revision", PAST)
def test_a_sqlite_file_of_each_version_upgrades_keeping_every_row(revision: str, tmp_path: Path) -> None:
    path = _fixture_copy(revision, tmp_path)
    before = _raw(path)
    db = Database(sqlite_url(path))
    try:
        result = schema.prepare(db)  # what the app does on start
    finally:
        db.dispose()
    assert (result.before, result.after) == (revision, schema.head_revision())
    assert result.backup is not None and _raw(result.backup) == before  # the copy set aside
    after = _raw(path)
    assert after["alembic_version"][1] == [(schema.head_revision(),)]
    for table, (columns, rows) in before.items():
        if table == "alembic_version":
            continue
        new_columns, new_rows = after[table]
        assert set(columns) <= set(new_columns), table
        keep = [new_columns.index(c) for c in columns]
        kept = [tuple(r[i] for i in keep) for r in new_rows]
        assert [r for r in kept if r not in _added(table, revision)] == rows, table

    conn = sqlite3.connect(path)
    try:
        _assert_sqlite_refuses_overlap_and_audit_delete(conn)
    finally:
        conn.close()
    _assert_the_app_books_and_shows_the_day(sqlite_url(path))


def _assert_sqlite_refuses_overlap_and_audit_delete(conn: sqlite3.Connection) -> None:
    columns = [d[1] for d in conn.execute("PRAGMA table_info(bookings)")]
    row = dict(zip(columns, conn.execute("SELECT * FROM bookings WHERE id = 10").fetchone(), strict=True))
    row.update(id=None, uid="overlap@test", import_key=None)
    insert = f"INSERT INTO bookings ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"
    with pytest.raises(sqlite3.IntegrityError, match="bookings_no_overlap"):
        conn.execute(insert, list(row.values()))
    conn.execute(
        "INSERT INTO audit_log (at, action, entity) VALUES ('2026-11-23 07:00:00.000000', 'test', 'test')"
    )
    with pytest.raises(sqlite3.IntegrityError, match="audit_log_append_only"):
        conn.execute("DELETE FROM audit_log")
    conn.rollback()


def _assert_the_app_books_and_shows_the_day(url: str) -> None:
    services = open_office(url, clock=MovableClock(NOW))
    try:
        assert services.upgrade is not None and not services.upgrade.changed
        cecilia, plats_1, plats_3 = 5, 1, 3
        booked = services.booking.book_desk(cecilia, plats_3, TUESDAY, DeskPeriod.FULL_DAY)
        assert booked.id > 10  # after the highest id that was there (PostgreSQL: its sequence)
        with pytest.raises(ResourceTaken):  # Bertil has Plats 1 that morning
            services.booking.book_desk(3, plats_1, TUESDAY, DeskPeriod.MORNING)
        day = services.occupancy.day(TUESDAY, viewer_id=2)
        by_name = {r.resource.name: r for r in day.resources}
        assert [b.person_name for b in by_name["Plats 3"].bookings] == ["Cecilia Ek"]
        assert by_name["Plats 1"].state == "morning"
        room = [(b.title, b.status.value) for b in by_name["Konferensrummet"].bookings]
        assert room == [
            ("Upphandlingssamverkan", "confirmed"),
            ("Arbetsgrupp kompetensförsörjning", "confirmed"),
        ]
    finally:
        services.db.dispose()


# --- PostgreSQL --------------------------------------------------------------------------------------
@pytest.mark.postgresql
@pytest.mark.parametrize("revision", PAST)
def test_a_postgresql_database_of_each_version_upgrades_keeping_every_row(
    revision: str, pg_url: str, tmp_path: Path
) -> None:
    fixture = Database(sqlite_url(_fixture_copy(revision, tmp_path)))
    pg = Database(pg_url)
    try:
        assert schema.upgrade(pg, target=revision).after == revision
        with fixture.connect() as src, src.begin(), pg.connect() as dst, dst.begin():
            replace_rows(src, dst)
        columns = schema_columns(fixture)
        before = content(fixture, columns)
        assert differences(content(pg, columns), before) == []  # loaded as it was

        result = schema.upgrade(pg)  # 'satellitkontor db upgrade'
        assert (result.before, result.after, result.backup) == (revision, schema.head_revision(), None)
        after = {
            table: [r for r in rows if tuple(r.values()) not in _added(table, revision)]
            for table, rows in content(pg, columns).items()
        }
        assert differences(after, before) == []

        with pg.engine.connect() as conn, pytest.raises(IntegrityError, match="bookings_no_overlap"):
            conn.execute(
                text(
                    "INSERT INTO bookings (uid, resource_id, resource_kind, person_id, municipality_code, "
                    "person_kind, start_at, end_at, status, sequence, created_at, updated_at) "
                    "SELECT 'overlap@test', resource_id, resource_kind, 5, 'bjurholm', person_kind, "
                    "start_at, end_at, 'confirmed', 0, created_at, updated_at FROM bookings WHERE id = 10"
                )
            )
    finally:
        fixture.dispose()
        pg.dispose()
    _assert_the_app_books_and_shows_the_day(pg_url)
