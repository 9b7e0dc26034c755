"""Retention: names, e-mail addresses and titles older than the limit leave the database (its file
too), while the statistics of those months stay exactly as they were."""

from __future__ import annotations

import tempfile
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import InvalidInput, PermissionDenied
from satellitkontor.domain.privacy import retention_cutoff
from satellitkontor.storage.models import AuditRow, BookingRow, PersonRow, SeriesRow
from tests.conftest import MONDAY, Office
from tests.privacy_history import (
    DORA_EMAIL,
    DORA_NAME,
    GUSTAV_NAME,
    NEW_ROOM_TITLE,
    OLD_ROOM_TITLE,
    OLD_SERIES_TITLE,
    History,
    database_text,
    found_in_file,
    make_history,
)
from tests.services.exchange_helpers import enable_sync, links, pending, push_all

#: NOW's cut-off with the default 13 months, as an instant.
CUTOFF_AT = clk.local(date(2025, 10, 1), time(0))
OLD_ONLY = (DORA_NAME, DORA_EMAIL, OLD_ROOM_TITLE, OLD_SERIES_TITLE)


def _stats(office: Office) -> list[object]:
    return [row for year in (2024, 2025, 2026) for row in office.services.statistics.usage(year)]


def _audit_count(office: Office) -> int:
    with office.services.db.session() as s:
        return len(s.scalars(select(AuditRow.id)).all())


@pytest.fixture
def history(office: Office) -> History:
    return make_history(office, MONDAY)


def test_the_cut_off_is_the_first_of_the_month_thirteen_months_back() -> None:
    assert retention_cutoff(date(2026, 11, 23), 13) == date(2025, 10, 1)
    assert retention_cutoff(date(2026, 1, 31), 13) == date(2024, 12, 1)
    assert retention_cutoff(date(2026, 11, 1), 12) == date(2025, 11, 1)


def test_a_dry_run_says_what_would_change_and_changes_nothing(office: Office, history: History) -> None:
    before, entries = database_text(office), _audit_count(office)

    report = office.services.privacy.retention(office.admin.id)

    assert not report.applied and report.cutoff == date(2025, 10, 1)
    assert report.months == ((2025, 3), (2025, 8))
    assert report.bookings == len(history.old)
    assert report.series == 1
    assert report.people == 1  # Dora; Gustav is staff and stays
    assert report.audit_entries > len(history.old)
    assert database_text(office) == before and _audit_count(office) == entries


def test_apply_removes_every_old_name_and_title_and_keeps_the_statistics(
    office: Office, history: History
) -> None:
    stats = _stats(office)
    assert all(n in database_text(office) for n in OLD_ONLY)  # the test can fail: they are there

    report = office.services.privacy.retention(office.admin.id, apply=True)

    assert report.applied and report.bookings == len(history.old) and report.people == 1
    text = database_text(office)
    assert [n for n in OLD_ONLY if n in text] == []
    # what is newer stays: people with recent bookings, staff, the recent title
    for kept in ("Anna Andersson", "Bertil Öberg", "Cecilia Ek", GUSTAV_NAME, NEW_ROOM_TITLE):
        assert kept in text
    assert _stats(office) == stats
    # the year 2025 straddles the cut-off: Bertil is counted once in it, before and after
    whole_2025 = {r.municipality_code: r for r in office.services.statistics.usage(2025) if r.month is None}
    assert (whole_2025["vindeln"].people, whole_2025["vindeln"].politicians) == (1, 1)
    with office.services.db.session() as s:
        old_rows = s.scalars(select(BookingRow).where(BookingRow.id.in_([b.id for b in history.old]))).all()
        assert len(old_rows) == len(history.old)  # the bookings stay, for the counts
        assert all(r.person_id is None and r.created_by_id is None and r.title is None for r in old_rows)
        assert {r.municipality_code for r in old_rows} == {
            "bjurholm",
            "vindeln",
            "umea",
            "nordmaling",
            "ornskoldsvik",
        }
        assert s.get(PersonRow, history.dora.id) is None
        assert s.get(PersonRow, history.gustav.id) is not None
        series = s.scalars(select(SeriesRow)).one()
        assert (series.person_id, series.title) == (None, None)
        old_entries = s.scalars(select(AuditRow).where(AuditRow.at < CUTOFF_AT)).all()
        assert old_entries and all(
            e.anonymized_at is not None
            and e.actor_name is None
            and e.actor_id is None
            and e.subject_id is None
            for e in old_entries
        )


def test_nothing_is_left_in_the_sqlite_file_or_its_log(sqlite_office: Office) -> None:
    make_history(sqlite_office, MONDAY)
    assert found_in_file(sqlite_office, *OLD_ONLY) == list(OLD_ONLY)

    report = sqlite_office.services.privacy.retention(sqlite_office.admin.id, apply=True)

    assert report.log_cleared is True
    assert found_in_file(sqlite_office, *OLD_ONLY) == []
    assert found_in_file(sqlite_office, "Anna Andersson", NEW_ROOM_TITLE) == [
        "Anna Andersson",
        NEW_ROOM_TITLE,
    ]


def test_retention_writes_one_audit_entry_without_names_and_a_second_run_nothing(
    office: Office, history: History
) -> None:
    office.services.privacy.retention(office.admin.id, apply=True)
    with office.services.db.session() as s:
        runs = s.scalars(select(AuditRow).where(AuditRow.action == "retention.apply")).all()
        assert len(runs) == 1
        assert runs[0].actor_id == office.admin.id
        assert runs[0].after["cutoff"] == "2025-10-01" and runs[0].after["months"] == ["2025-03", "2025-08"]
    entries = _audit_count(office)

    again = office.services.privacy.retention(office.admin.id, apply=True)

    assert again.nothing_to_do and _audit_count(office) == entries


def test_only_an_admin_runs_retention_or_changes_its_settings(office: Office, history: History) -> None:
    with pytest.raises(PermissionDenied):
        office.services.privacy.retention(office.reception.id, apply=True)
    with pytest.raises(PermissionDenied):
        office.services.privacy.set_retention(office.anna.id, months=24)
    with pytest.raises(InvalidInput):
        office.services.privacy.set_retention(office.admin.id, months=6)
    assert office.services.privacy.settings().retention_months == 13
    assert DORA_NAME in database_text(office)


def test_a_longer_limit_keeps_more(office: Office, history: History) -> None:
    office.services.privacy.set_retention(office.admin.id, months=18)
    report = office.services.privacy.retention(office.admin.id)
    assert report.cutoff == date(2025, 5, 1) and report.months == ((2025, 3),)


def test_on_start_runs_only_when_turned_on(office: Office, history: History) -> None:
    privacy = office.services.privacy
    assert privacy.retention_on_start() is None
    assert DORA_NAME in database_text(office)

    privacy.set_retention(office.admin.id, on_start=True)
    report = privacy.retention_on_start()

    assert report is not None and report.applied and report.people == 1
    assert DORA_NAME not in database_text(office)
    with office.services.db.session() as s:
        run = s.scalars(select(AuditRow).where(AuditRow.action == "retention.apply")).one()
        assert run.actor_id is None and run.after["automatic"] is True


def test_the_apps_start_reads_the_setting_without_the_privacy_service(
    office: Office, history: History, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``AppServices.retention_on_start`` (each start of the app): with the setting off it
    removes what a killed restore left and makes no privacy service (so no ORM on the way to the
    day's desks, issue 18); turned on, it removes what the privacy service's own run removes."""
    from satellitkontor.services.app_services import AppServices
    from satellitkontor.storage.backup_leftovers import RESTORE_PREFIX

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    left = tmp_path / f"{RESTORE_PREFIX}{2**22 + 7}-abc"  # a process id no system has in use
    left.mkdir()
    (left / "kontoret.sqlite3").write_text("personal data")
    fresh = AppServices(office.services.db, office.clock)

    assert fresh.retention_on_start() is None
    assert not left.exists()
    assert "privacy" in fresh.unmade()
    assert DORA_NAME in database_text(office)

    office.services.privacy.set_retention(office.admin.id, on_start=True)
    report = fresh.retention_on_start()
    assert report is not None and report.applied and report.people == 1
    assert DORA_NAME not in database_text(office)


def test_exchange_links_and_push_errors_of_old_bookings_go_too(sqlite_office: Office) -> None:
    """With Exchange sync the link of each pushed booking holds the booker's calendar address, and
    a refused push stores an error naming it: retention removes them for old bookings only."""
    enable_sync(sqlite_office)
    history = make_history(sqlite_office, MONDAY)
    push_all(sqlite_office, error_for=DORA_EMAIL)
    old_ids = {b.id for b in history.old}
    assert old_ids & set(links(sqlite_office)) and old_ids & pending(sqlite_office)
    assert found_in_file(sqlite_office, DORA_EMAIL) == [DORA_EMAIL]

    report = sqlite_office.services.privacy.retention(sqlite_office.admin.id, apply=True)

    assert report.log_cleared is True
    assert found_in_file(sqlite_office, DORA_EMAIL) == []
    assert old_ids.isdisjoint(links(sqlite_office)) and old_ids.isdisjoint(pending(sqlite_office))
    kept = {b.id: b for b in history.kept}
    assert {b: m for b, m in links(sqlite_office).items() if b in kept} == {
        b.id: p.email
        for b in history.kept
        for p in (sqlite_office.anna, sqlite_office.bertil, sqlite_office.cecilia)
        if b.person_id == p.id
    }


def test_entries_of_one_instant_are_all_made_anonymous_when_batches_stop_among_them(
    office: Office, history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each batch of audit entries starts where the last one stopped (its time): the entries of
    the same instant as the last one done, and not yet done, are still found, also when every
    transaction's time runs out after one entry and the batches are small."""
    from satellitkontor.services.audit import trail
    from satellitkontor.services.privacy import pacing, retention

    same = clk.local(date(2025, 5, 6), time(10))
    with office.services.db.session(write=True) as s:
        dora = s.get(PersonRow, history.dora.id)
        for i in range(30):
            trail.record(s, at=same, actor=dora, action="booking.create", entity="booking", entity_id=i)
    monkeypatch.setattr(retention, "AUDIT_BATCH", 3)
    monkeypatch.setattr(pacing.Pacer, "spent", lambda self: True)

    office.services.privacy.retention(office.admin.id, apply=True)

    with office.services.db.session() as s:
        named = s.scalars(
            select(AuditRow.id).where(AuditRow.at < CUTOFF_AT, AuditRow.anonymized_at.is_(None))
        ).all()
        at_same = s.scalars(select(AuditRow.actor_name).where(AuditRow.at == same)).all()
    assert named == []
    assert len(at_same) == 30 and set(at_same) == {None}
