"""Two installations against one Exchange (issue 15, point 9), on EWS and on Graph: booking numbers
collide (both start at 1), so the events carry the office's identity, and a create whose answer
was lost is never taken for the other office's event. A backup restored as the same office
keeps the identity; a copy restored as a new office does not."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from satellitkontor.services.backup import backup_office, restore_office
from satellitkontor.services.exchange import office_identity
from satellitkontor.storage.database import Database, sqlite_url
from tests.conftest import MovableClock, make_office
from tests.integrations.exchange.sync_helpers import ANNA, ROOM_MAILBOX, Synced, local, synced_office

LOST_CREATE = {"ews": "CreateItem", "graph": "$batch"}


@pytest.fixture(params=["ews", "graph"])
def synced(request: pytest.FixtureRequest, tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock, request.param)


def _identity(url: str) -> str | None:
    db = Database(url)
    try:
        with db.session() as s:
            return office_identity.read(s)
    finally:
        db.dispose()


def test_a_pilot_beside_production_never_takes_productions_event(synced: Synced, tmp_path: Path) -> None:
    production = synced.room_booking(9, 10)  # booking number 1 in production
    synced.run()
    [theirs] = synced.store.events(ANNA)

    pilot = make_office(sqlite_url(tmp_path / "pilot.db"), synced.clock)
    try:
        pilot.services.exchange.save_config(pilot.admin.id, synced.sync.config())
        anna = pilot.services.office.person_by_email(ANNA)
        mine = pilot.services.booking.book_room(anna.id, pilot.room.id, local(13), local(14), 2, "Pilot")
        assert mine.id == production.id  # type: ignore[attr-defined]  # the same number
        kind = "graph" if "Graph" in type(synced.backend).__name__ else "ews"
        synced.store.fail("drop_after", operation=LOST_CREATE[kind])  # the answer to the create is lost
        pilot.services.exchange.push_pending(synced.backend)
        later = synced.clock() + timedelta(hours=2)  # past the back-off
        pilot.services.exchange.push_pending(synced.backend, now=later)

        events = synced.store.events(ANNA)
        assert len(events) == 2  # the pilot's own, and production's untouched
        assert synced.store.get(ANNA, theirs.id).start == local(9)
        with pilot.services.db.session() as s:
            from satellitkontor.storage.models import ExchangeLinkRow

            link = s.get(ExchangeLinkRow, mine.id)
            assert link is not None and link.remote_id not in (None, theirs.id)
        assert _identity(sqlite_url(tmp_path / "pilot.db")) != _identity(sqlite_url(synced.db_file))
    finally:
        pilot.services.db.dispose()
    assert len(synced.store.events(ROOM_MAILBOX)) == 2  # and each holds the room at its own time


def test_a_restored_office_keeps_its_identity_and_a_new_office_copy_does_not(
    synced: Synced, tmp_path: Path
) -> None:
    synced.room_booking(9, 10)
    synced.run()
    url = sqlite_url(synced.db_file)
    original = _identity(url)
    assert original
    backup = tmp_path / "office-backup.db"
    backup_office(url, backup)

    same = sqlite_url(tmp_path / "restored.db")
    restore_office(backup, same)
    assert _identity(same) == original

    copy = sqlite_url(tmp_path / "pilot.db")
    restore_office(backup, copy, new_office=True)
    assert _identity(copy) is None  # a new one comes with its first push
    db = Database(copy)
    try:
        from satellitkontor.storage.models import ExchangeLinkRow

        with db.session() as s:
            assert s.query(ExchangeLinkRow).count() == 0  # the events stay the original's
    finally:
        db.dispose()
