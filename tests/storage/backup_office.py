"""The office the backup tests move around: the demo office (through the real services) plus what
the demo does not make, and small helpers that open a database, back it up or restore into it and
close it again. Shared by tests/storage/test_backup.py and test_backup_files.py."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.services.app_services import open_office
from satellitkontor.services.demo import DemoService
from satellitkontor.storage import backup
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
    WaitlistEntryRow,
)
from tests.conftest import NOW, MovableClock
from tests.storage.office_content import content

ADMIN = "sofia.lindqvist@umea.se"


# --- the office ------------------------------------------------------------------------------------
def add_the_rest(url: str) -> None:
    """What the demo does not make: feeds, a closure, a rule, a confirmed year, Exchange rows,
    a people-count adjustment, a database login."""
    clock = MovableClock(NOW)
    services = open_office(url, clock=clock)
    try:
        admin = services.office.person_by_email(ADMIN)
        desk = next(r for r in services.office.resources() if r.name == "Plats 1")
        room = next(r for r in services.office.resources() if r.kind.value == "room")
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
                    WaitlistEntryRow(person_id=admin.id, day=date(2026, 11, 25), desk_period=DeskPeriod.MORNING,
                                     auto_book=False, state="offered", created_at=now, decided_at=now,
                                     offered_booking_id=first, offer_until=now + timedelta(hours=2)),
                    WaitlistEntryRow(person_id=admin.id, day=date(2026, 11, 26), resource_id=room.id,
                                     start_at=now + timedelta(days=3), end_at=now + timedelta(days=3, hours=1),
                                     participants=4, auto_book=True, state="waiting", created_at=now),
                ]
            )  # fmt: skip
    finally:
        services.db.dispose()


def content_of(url: str) -> dict[str, list[dict[str, object]]]:
    db = Database(url)
    try:
        return content(db)
    finally:
        db.dispose()


def content_of_backup(file: Path) -> dict[str, list[dict[str, object]]]:
    """The rows of the backup ``file`` as a person looks into one: through a copy (opening the
    file itself as an office would change it, and its checksum would say so)."""
    copy = file.with_name(f"{file.stem}-copy{file.suffix}")
    shutil.copyfile(file, copy)
    try:
        return content_of(sqlite_url(copy))
    finally:
        for leftover in (copy, copy.with_name(copy.name + "-wal"), copy.with_name(copy.name + "-shm")):
            leftover.unlink(missing_ok=True)


def backup_to(url: str, file: Path, **kwargs: object) -> backup.BackupSummary:
    db = Database(url)
    try:
        return backup.backup(db, file, **kwargs)  # type: ignore[arg-type]
    finally:
        db.dispose()


def restore_from(file: Path, url: str, **kwargs: object) -> backup.BackupSummary:
    db = Database(url)
    try:
        return backup.restore(file, db, **kwargs)  # type: ignore[arg-type]
    finally:
        db.dispose()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_demo_file(path: Path) -> Path:
    """The demo office on SQLite at path, with add_the_rest."""
    services = open_office(sqlite_url(path), clock=MovableClock(NOW))
    try:
        DemoService(services.db, services.clock).create(weeks_back=2, weeks_ahead=2)
    finally:
        services.db.dispose()
    add_the_rest(sqlite_url(path))
    return path
