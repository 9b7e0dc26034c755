"""The pacing of retention's transactions (services/privacy/pacing.py): a transaction that has
spent its time budget stops part-way and the next one goes on, so the job still does everything;
and no cycle collection runs while a transaction holds the lock."""

from __future__ import annotations

import gc
from datetime import date, time
from typing import Any

import pytest
from sqlalchemy import func, select

from satellitkontor.domain import clock as clk
from satellitkontor.services.privacy import pacing
from satellitkontor.storage.models import AuditRow
from tests.conftest import MONDAY, Office
from tests.privacy_history import make_history

CUTOFF_AT = clk.local(date(2025, 10, 1), time(0))


def _old_entries(office: Office) -> tuple[int, int]:
    """(old entries, of them still naming someone)."""
    with office.services.db.session() as s:
        old = s.scalar(select(func.count()).select_from(AuditRow).where(AuditRow.at < CUTOFF_AT))
        named = s.scalar(
            select(func.count())
            .select_from(AuditRow)
            .where(AuditRow.at < CUTOFF_AT, AuditRow.anonymized_at.is_(None))
        )
    return int(old or 0), int(named or 0)


def test_with_no_time_at_all_every_entry_is_still_scrubbed_one_transaction_each(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_history(office, MONDAY)
    old, named = _old_entries(office)
    assert old >= 3 and named == old  # the test can fail: there are several to do
    monkeypatch.setattr(pacing.Pacer, "spent", lambda self: True)  # no time from the start
    sizes: list[int] = []
    adapt = pacing.Pacer.adapt

    def counted(self: pacing.Pacer, done: int) -> None:
        sizes.append(done)
        adapt(self, done)

    monkeypatch.setattr(pacing.Pacer, "adapt", counted)

    report = office.services.privacy.retention(office.admin.id, apply=True)

    assert _old_entries(office) == (old, 0)
    assert report.audit_entries == old
    assert sizes.count(1) >= old - 1  # one entry a transaction (the last may find none left)


def test_no_cycle_collection_while_the_lock_is_held(office: Office) -> None:
    seen: list[bool] = []
    pacer = pacing.Pacer(office.services.db, first=10, least=1, most=10)
    assert gc.isenabled()
    with pacer.write():
        seen.append(gc.isenabled())
    seen.append(gc.isenabled())
    gc.disable()  # as the app has it (gui/gc_guard.py): left as it was, not switched on
    try:
        with pacer.write():
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())
    finally:
        gc.enable()
    assert seen == [False, True, False, False]


def test_a_failed_transaction_gives_the_collector_back(office: Office) -> None:
    pacer = pacing.Pacer(office.services.db, first=10, least=1, most=10)
    with pytest.raises(RuntimeError), pacer.write():
        raise RuntimeError("det gick fel")
    assert gc.isenabled()


def test_the_size_follows_the_slower_of_the_last_two_rates(office: Office) -> None:
    pacer = pacing.Pacer(office.services.db, first=100, least=10, most=10_000, budget_s=0.04)
    timeline: list[Any] = []
    for took, done in ((0.02, 100), (0.01, 150), (0.04, 225), (0.01, 100)):
        pacer.last_s = took
        pacer.adapt(done)
        timeline.append(pacer.size)
    # 100 in 20 ms fits 200, at most half as large again: 150; then 150 in 10 ms (15,000/s) but
    # the slower rate was 5,000/s: 200; then 225 in 40 ms (5,625/s), slower 5,625: 225; then
    # 100 in 10 ms (10,000/s), slower 5,625/s: 225
    assert timeline == [150, 200, 225, 225]
