"""Backup and restore move the whole office between SQLite and PostgreSQL, unchanged.

The office is the demo office (through the real services) plus a published and a revoked feed,
a closure, a changed rule, a confirmed rotation year, Exchange outbox/link/sync rows, a
people-count adjustment and a database login; the audit trail has every change. Contents are
compared table by table and row by row (tests/storage/office_content.py).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import (
    BackupDamaged,
    BackupFileExists,
    BackupFileMissing,
    BackupFolderMissing,
    BackupFolderNotWritable,
    BackupNeedsOwner,
    BackupTooNew,
    DatabaseUnavailable,
    NoOfficeToBackUp,
    NotABackup,
    ResourceTaken,
    RestoreFailed,
    RestoreTargetNotEmpty,
)
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.services.app_services import open_office
from satellitkontor.services.demo import DemoService
from satellitkontor.storage import backup, schema
from satellitkontor.storage.database import Database, sqlite_url
from satellitkontor.storage.models import (
    BookingRow,
    DbLoginRow,
    ExchangeLinkRow,
    ExchangeOutboxRow,
    ExchangeSyncStateRow,
    NoticeOutboxRow,
    NoticePrefsRow,
    PeopleCountAdjustmentRow,
)
from satellitkontor.words.texts import describe
from tests.conftest import MONDAY, NOW, PG_ADMIN_URL, MovableClock, make_office
from tests.storage.office_content import content, differences, schema_columns
from tests.storage.schema_versions import make

ADMIN = "sofia.lindqvist@umea.se"


# --- the office ------------------------------------------------------------------------------------
def _add_the_rest(url: str) -> None:
    """What the demo does not make: feeds, a closure, a rule, a confirmed year, Exchange rows,
    a people-count adjustment, a database login."""
    clock = MovableClock(NOW)
    services = open_office(url, clock=clock)
    try:
        admin = services.office.person_by_email(ADMIN)
        desk = next(r for r in services.office.resources() if r.name == "Plats 1")
        services.feed_publishing.publish(
            admin.id, FeedSpec(FeedKind.RESOURCE, str(desk.id)), Privacy.PUBLIC, "Plats 1"
        )
        office_feed = services.feed_publishing.publish(admin.id, FeedSpec(FeedKind.OFFICE), Privacy.INTERNAL)
        clock.advance(minutes=5)
        services.feed_publishing.revoke(admin.id, office_feed.view.id)
        services.office.add_closure(admin.id, date(2026, 12, 7), date(2026, 12, 8), "Byte av nätverk")
        services.office.update_policy(admin.id, horizon_days=60)
        services.rotation.confirm_year(admin.id, 2027, note="Beslutat av Umeåregionrådet")
        now = clock()
        with services.db.session(write=True) as s:
            first, second = s.scalars(select(BookingRow.id).order_by(BookingRow.id.desc()).limit(2)).all()
            s.add_all(
                [
                    ExchangeOutboxRow(
                        booking_id=first, operation="upsert", created_at=now, attempts=0,
                        next_attempt_at=now, done_at=now + timedelta(seconds=2.5),
                    ),
                    ExchangeOutboxRow(
                        booking_id=second, operation="cancel", created_at=now, attempts=3,
                        next_attempt_at=now + timedelta(minutes=30), last_error_code="ews.unreachable",
                        last_error_text="Exchange-servern svarar inte.",
                    ),
                    ExchangeLinkRow(
                        booking_id=first, mailbox=ADMIN, remote_id="AAMkAGI2TG93AAA=", change_key="CQAA",
                        ical_uid="ical-uid@satellitkontor", synced_sequence=0, room_response="accepted",
                        origin="app", synced_at=now,
                    ),
                    ExchangeSyncStateRow(key="pull:konferensrum@umea.onmicrosoft.com", cursor="H4sIAAAA",
                                         last_success_at=now, last_attempt_at=now),
                    PeopleCountAdjustmentRow(year=2025, month=0, municipality_code="umea", people=3,
                                             employees=2, politicians=1),
                    DbLoginRow(login="sofia_admin", person_id=admin.id, granted_at=now),
                    NoticeOutboxRow(booking_id=first, booking_uid="u1", person_id=admin.id, kind="changed",
                                    sequence=1, by_other=True, payload={"place": "Plats 1"}, created_at=now,
                                    status="sent", attempts=1, next_attempt_at=now, sent_at=now),
                    NoticePrefsRow(person_id=admin.id, language="en", reminders=True, updated_at=now),
                ]
            )  # fmt: skip
    finally:
        services.db.dispose()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office on SQLite, made once for the module; tests use copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    services = open_office(sqlite_url(path), clock=MovableClock(NOW))
    try:
        DemoService(services.db, services.clock).create(weeks_back=2, weeks_ahead=2)
    finally:
        services.db.dispose()
    _add_the_rest(sqlite_url(path))
    return path


@pytest.fixture
def demo_url(demo_file: Path, tmp_path: Path) -> str:
    copy = tmp_path / "office.sqlite3"
    shutil.copyfile(demo_file, copy)
    return sqlite_url(copy)


@pytest.fixture
def demo_backup(demo_file: Path, tmp_path: Path) -> Path:
    """A backup of the demo office."""
    db = Database(sqlite_url(demo_file))
    try:
        return backup.backup(db, tmp_path / "demo-backup.sqlite3").file
    finally:
        db.dispose()


def _content(url: str) -> dict[str, list[dict[str, object]]]:
    db = Database(url)
    try:
        return content(db)
    finally:
        db.dispose()


def _backup(url: str, file: Path, **kwargs: object) -> backup.BackupSummary:
    db = Database(url)
    try:
        return backup.backup(db, file, **kwargs)  # type: ignore[arg-type]
    finally:
        db.dispose()


def _restore(file: Path, url: str, **kwargs: object) -> backup.BackupSummary:
    db = Database(url)
    try:
        return backup.restore(file, db, **kwargs)  # type: ignore[arg-type]
    finally:
        db.dispose()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- round trips -------------------------------------------------------------------------------------
@pytest.mark.postgresql
def test_sqlite_to_postgresql_to_sqlite_keeps_every_row(demo_url: str, pg_url: str, tmp_path: Path) -> None:
    original = _content(demo_url)
    empty = sorted(t for t, rows in original.items() if not rows)
    assert empty == [], f"the test office should have rows in every table: {empty}"

    seen: list[tuple[int, int]] = []
    first = _backup(demo_url, tmp_path / "one.sqlite3", progress=lambda d, t: seen.append((d, t)))
    total = sum(len(rows) for rows in original.values())
    assert first.total == total and first.people == 30 and first.audit_entries == len(original["audit_log"])
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert _content(sqlite_url(first.file)) == original

    restored = _restore(first.file, pg_url)
    assert restored.total == total and restored.upgraded_from is None
    assert differences(_content(pg_url), original) == []

    second = _backup(pg_url, tmp_path / "two.sqlite3")
    assert differences(_content(sqlite_url(second.file)), original) == []
    back = tmp_path / "back.sqlite3"
    _restore(second.file, sqlite_url(back))
    assert differences(_content(sqlite_url(back)), original) == []
    # and as SQLite stores them, byte for byte: the office file, both backups, the file restored
    stored = _stored_rows(make_url(demo_url).database or "")
    for path in (first.file, second.file, back):
        assert _stored_rows(path) == stored, path


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
        }
    finally:
        conn.close()


@pytest.mark.postgresql
def test_postgresql_to_sqlite_to_postgresql_with_replace(
    demo_backup: Path, pg_url: str, tmp_path: Path
) -> None:
    _restore(demo_backup, pg_url)
    on_server = _content(pg_url)
    file = _backup(pg_url, tmp_path / "server.sqlite3").file
    laptop = sqlite_url(tmp_path / "laptop.sqlite3")
    _restore(file, laptop)
    assert differences(_content(laptop), on_server) == []
    # a change on the laptop, then the laptop's office goes back to the server, replacing it
    services = open_office(laptop, clock=MovableClock(NOW))
    try:
        admin = services.office.person_by_email(ADMIN)
        services.office.add_person(admin.id, "Ny Person", "ny.person@vannas.se", "Vännäs")
    finally:
        services.db.dispose()
    changed = _content(laptop)
    again = _backup(laptop, tmp_path / "laptop-backup.sqlite3").file
    _restore(again, pg_url, replace=True)
    assert differences(_content(pg_url), changed) == []
    assert len(changed["people"]) == len(on_server["people"]) + 1


def test_the_backup_is_a_working_office_file_at_the_newest_schema(demo_url: str, tmp_path: Path) -> None:
    file = _backup(demo_url, tmp_path / "kontoret.backup").file
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
    _restore(demo_backup, url)
    before = _content(url)
    other = open_office(url, clock=MovableClock(NOW))
    try:
        admin = other.office.person_by_email(ADMIN)

        def meanwhile(done: int, total: int) -> None:
            if done == 0:  # after the backup has counted its rows
                other.office.add_person(admin.id, "Under Tiden", "under.tiden@umea.se", "Umeå")

        file = _backup(url, tmp_path / "moment.sqlite3", progress=meanwhile).file
    finally:
        other.db.dispose()
    assert differences(_content(sqlite_url(file)), before) == []
    assert len(_content(url)["people"]) == len(before["people"]) + 1


# --- PostgreSQL after a restore ---------------------------------------------------------------------
@pytest.mark.postgresql
def test_after_a_restore_postgresql_gives_fresh_ids_and_still_guards(demo_backup: Path, pg_url: str) -> None:
    _restore(demo_backup, pg_url)
    top = max(r["id"] for r in _content(pg_url)["bookings"])
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
    before = _content(db_url)
    with pytest.raises(RestoreTargetNotEmpty) as info:
        _restore(demo_backup, db_url)
    assert _content(db_url) == before
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
    _restore(demo_backup, url)
    assert len(_content(url)["people"]) == 30
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
    with sqlite3.connect(file) as conn:
        conn.execute(f"UPDATE {backup.CHECKSUM_TABLE} SET checksum = ?", (backup.rows_checksum(conn),))
    conn.close()


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
    before = _content(db_url)
    triggers = _triggers(db_url) if db_url.startswith("sqlite") else None
    _with_an_overlapping_booking(demo_backup)
    with pytest.raises(RestoreFailed) as info:
        _restore(demo_backup, db_url, replace=True)
    assert "no_overlap" in str(info.value.params["detail"])
    assert _content(db_url) == before  # people, bookings, the audit trail: all still there
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
        _restore(demo_backup, sqlite_url(target))
    assert not target.exists() and not Path(f"{target}-wal").exists()


def _not_sqlite(path: Path) -> None:
    path.write_text("Namn;E-post\nAnna;anna@umea.se\n", encoding="utf-8")


def _other_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('hej')")
    conn.close()


def _truncated(path: Path, good: Path) -> None:
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _newer(path: Path, good: Path) -> None:
    shutil.copyfile(good, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    conn.close()


@pytest.mark.parametrize(
    ("case", "error", "words"),
    [
        ("missing", BackupFileMissing, "finns inte"),
        ("empty", NotABackup, "är ingen säkerhetskopia av Satellitkontoret"),
        ("text", NotABackup, "är ingen säkerhetskopia av Satellitkontoret"),
        ("other sqlite", NotABackup, "är ingen säkerhetskopia av Satellitkontoret"),
        ("truncated", BackupDamaged, "är skadad eller ofullständig"),
        ("newer", BackupTooNew, "nyare version av Satellitkontoret (ffff)"),
    ],
)
def test_a_file_that_is_not_a_backup_we_can_read_is_refused_in_words(
    case: str, error: type[Exception], words: str, demo_backup: Path, tmp_path: Path
) -> None:
    file = tmp_path / "fil.backup"
    if case == "empty":
        file.write_bytes(b"")
    elif case == "text":
        _not_sqlite(file)
    elif case == "other sqlite":
        _other_sqlite(file)
    elif case == "truncated":
        _truncated(file, demo_backup)
    elif case == "newer":
        _newer(file, demo_backup)
    target = tmp_path / "target.sqlite3"
    with pytest.raises(error) as info:
        _restore(file, sqlite_url(target))
    assert words in describe(info.value, "sv")  # type: ignore[arg-type]
    assert not target.exists()  # nothing was created


def test_an_older_backup_is_upgraded_first_and_the_file_left_as_it_was(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    file = folder / "0003.db"
    shutil.copyfile(make.path_of("0003"), file)
    digest = _digest(file)
    summary = _restore(file, db_url)
    assert summary.upgraded_from == "0003" and summary.people == 8 and summary.audit_entries == 4
    assert _digest(file) == digest and sorted(p.name for p in folder.iterdir()) == ["0003.db"]
    old = Database(sqlite_url(file))
    try:
        columns = schema_columns(old)
        target = Database(db_url)
        try:
            restored = {  # less the row a later migration adds (0009: the statistics' "Extern")
                table: [r for r in rows if not (table == "municipalities" and r.get("code") == "extern")]
                for table, rows in content(target, columns).items()
            }
            assert differences(restored, content(old, columns)) == []
        finally:
            target.dispose()
    finally:
        old.dispose()


# --- backups that are not written -------------------------------------------------------------------------
def test_a_backup_does_not_overwrite_a_file_unless_asked(demo_url: str, tmp_path: Path) -> None:
    file = tmp_path / "kontor.backup"
    file.write_text("viktigt", encoding="utf-8")
    with pytest.raises(BackupFileExists) as info:
        _backup(demo_url, file)
    assert file.read_text(encoding="utf-8") == "viktigt"
    assert "--force" in describe(info.value, "sv")
    _backup(demo_url, file, overwrite=True)
    assert backup.check_backup_file(file) == schema.head_revision()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kontor.backup", "office.sqlite3"]


def test_a_backup_into_a_missing_folder_or_of_no_office_is_refused(demo_url: str, tmp_path: Path) -> None:
    with pytest.raises(BackupFolderMissing):
        _backup(demo_url, tmp_path / "finns-inte" / "kontor.backup")
    nowhere = tmp_path / "ingen.sqlite3"
    with pytest.raises(NoOfficeToBackUp) as info:
        _backup(sqlite_url(nowhere), tmp_path / "kontor.backup")
    assert not nowhere.exists()
    assert describe(info.value, "sv") == f"Databasen {nowhere} innehåller inget kontor att säkerhetskopiera."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.sqlite3"]


@pytest.mark.skipif(
    not Path("/proc/self").is_dir(), reason="needs Linux's /proc, a folder nobody may write in"
)
def test_a_folder_that_takes_no_files_is_the_file_s_problem_not_the_database_s(demo_url: str) -> None:
    # /proc: even root may not create files there (permissions cannot show it when tests run as root)
    with pytest.raises(BackupFolderNotWritable) as info:
        _backup(demo_url, Path("/proc/kontor.backup"))
    assert describe(info.value, "sv").startswith("Säkerhetskopian kan inte sparas i mappen /proc (")


def test_an_unreachable_server_leaves_no_file(tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    file = tmp_path / "kontor.backup"
    with pytest.raises(DatabaseUnavailable):
        _backup("postgresql+psycopg://postgres@127.0.0.1:1/satellitkontor", file)
    assert list(tmp_path.iterdir()) == []


# --- rights -------------------------------------------------------------------------------------------------
@pytest.fixture
def plain_login(pg_url: str) -> Iterator[str]:
    """A login on the server that owns nothing and was granted nothing; dropped afterwards."""
    name = f"sk_plain_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    here = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE ROLE "{name}" LOGIN'))
        yield make_url(pg_url).set(username=name).render_as_string(hide_password=False)
    finally:
        with here.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :n"), {"n": name}
            )
            conn.execute(text(f'DROP OWNED BY "{name}"'))  # and its grants in this database
        with admin.connect() as conn:
            conn.execute(text(f'DROP ROLE "{name}"'))
        here.dispose()
        admin.dispose()


def _grant_schema_usage(pg_url: str, login_url: str) -> None:
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{make_url(login_url).username}"'))
    finally:
        engine.dispose()


@pytest.mark.postgresql
def test_a_login_without_rights_to_every_row_is_told_to_ask_the_owner(
    demo_backup: Path, pg_url: str, plain_login: str, tmp_path: Path
) -> None:
    _restore(demo_backup, pg_url)
    before = _content(pg_url)
    for step in ("tables hidden", "tables seen, rows not granted"):
        if step == "tables seen, rows not granted":
            _grant_schema_usage(pg_url, plain_login)
        with pytest.raises(BackupNeedsOwner) as info:
            _backup(plain_login, tmp_path / "kontor.backup")
        assert "(DBA)" in describe(info.value, "sv"), step
        assert list(tmp_path.glob("*kontor.backup*")) == [], step
        with pytest.raises(BackupNeedsOwner):
            _restore(demo_backup, plain_login, replace=True)
        assert _content(pg_url) == before, step
