"""Two OS processes releasing unclaimed bookings at the same moment (issue 16): two reception PCs,
or a PC and the scheduled ``satellitkontor release``. Each booking is released once: one audit
entry and one Exchange cancellation each, on SQLite and on PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import text

from satellitkontor.domain.bookings import BookingStatus
from satellitkontor.domain.clock import system_clock
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.storage.models import BookingRow
from tests.conftest import make_office
from tests.services.exchange_helpers import enable_sync
from tests.storage.test_concurrent_booking import BARRIER_TIMEOUT, RealClock, _run_pair

BOOKINGS = 60


def _release_worker(side: str, url: str, work: list[int], barrier: Any, results: Any) -> None:
    from satellitkontor.services.app_services import open_office

    services = None
    try:
        services = open_office(url)
        (actor_id,) = work
        barrier.wait(BARRIER_TIMEOUT)
        try:
            released = services.attendance.release_unclaimed(actor_id)
            results.put((0, side, "done", sorted(b.id for b in released)))
        except Exception as err:
            results.put((0, side, "error", repr(err)))
    except Exception as err:
        barrier.abort()
        results.put((-1, side, "error", repr(err)))
    finally:
        if services is not None:
            services.db.dispose()


def test_two_processes_release_each_unclaimed_booking_once(db_url: str) -> None:
    office = make_office(db_url, RealClock())
    o = office
    try:
        enable_sync(o)
        o.services.office.update_policy(o.admin.id, auto_release=True, no_show_grace_minutes=1)
        desks = [
            o.services.office.add_resource(o.admin.id, ResourceKind.DESK, f"Extra {n}").id
            for n in range(BOOKINGS)
        ]
        now = system_clock()
        # started two minutes ago (never before today's local midnight), nobody checked in
        start, end = now - timedelta(minutes=2), now + timedelta(hours=1)
        with o.services.db.session(write=True) as s:
            for desk in desks:
                s.add(
                    BookingRow(
                        uid=f"{uuid.uuid4()}@satellitkontor",
                        resource_id=desk,
                        resource_kind=ResourceKind.DESK,
                        person_id=o.anna.id,
                        created_by_id=o.anna.id,
                        municipality_code="umea",
                        person_kind=o.anna.kind,
                        start_at=start,
                        end_at=end,
                        status=BookingStatus.CONFIRMED,
                        sequence=0,
                        created_at=now,
                        updated_at=now,
                    )
                )
        url = o.services.db.url.render_as_string(hide_password=False)
        outcomes = _run_pair(_release_worker, url, {"a": [o.reception.id], "b": [o.admin.id]}, 1)
        a, b = outcomes[0]["a"], outcomes[0]["b"]
        assert a[0] == "done" and b[0] == "done", outcomes
        assert set(a[1]).isdisjoint(b[1])
        assert len(a[1]) + len(b[1]) == BOOKINGS
        with o.services.db.session() as s:
            audited = s.execute(
                text(
                    "SELECT entity_id, COUNT(*) FROM audit_log WHERE action = 'booking.release' GROUP BY entity_id"
                )
            ).all()
            pushed = s.execute(
                text(
                    "SELECT booking_id, COUNT(*) FROM exchange_outbox WHERE operation = 'cancel' GROUP BY booking_id"
                )
            ).all()
            holding = s.execute(text("SELECT COUNT(*) FROM bookings WHERE status = 'confirmed'")).scalar_one()
        assert len(audited) == BOOKINGS and {n for _, n in audited} == {1}
        assert len(pushed) == BOOKINGS and {n for _, n in pushed} == {1}
        assert holding == 0
    finally:
        o.services.db.dispose()
