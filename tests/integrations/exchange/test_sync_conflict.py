"""An Outlook meeting moved onto a time an app booking holds (issue 15, point 5), on EWS and on
Graph: the app's booking wins, and the conflict is recorded (audit), listed in ``sync --status``
and the Exchange box, and shown on the booking it concerns."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import redirect_stdout
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from satellitkontor.domain.bookings import HOLDING_STATUSES
from satellitkontor.storage.models import AuditRow
from tests.conftest import MovableClock
from tests.integrations.exchange.sync_helpers import BERTIL, ROOM_MAILBOX, Synced, local, synced_office


@pytest.fixture(params=["ews", "graph"])
def synced(request: pytest.FixtureRequest, tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock, request.param)


def _holding(s: Synced) -> dict[int, tuple[datetime, datetime]]:
    from satellitkontor.storage.queries import common as queries

    with s.office.services.db.session() as session:
        views = [queries.to_view(r) for r in session.execute(queries.booking_select()).all()]
    return {v.id: (v.start, v.end) for v in views if v.status in HOLDING_STATUSES}


def test_an_outlook_move_onto_an_app_booking_loses_and_is_shown(synced: Synced) -> None:
    from satellitkontor.cli.commands.sync import print_status

    meeting = synced.store.create(ROOM_MAILBOX, "Styrgrupp", local(13), local(14), organizer=BERTIL)
    app = synced.room_booking(9, 10)
    synced.run()
    [outlook_id] = [i for i in _holding(synced) if i != app.id]  # type: ignore[attr-defined]

    synced.store.move(ROOM_MAILBOX, meeting.id, local(9), local(10))  # onto Anna's booking
    report = synced.run()

    assert report.ok, report  # type: ignore[attr-defined]
    assert _holding(synced) == {app.id: (local(9), local(10)), outlook_id: (local(13), local(14))}  # type: ignore[attr-defined]
    status = synced.sync.status()
    assert status.skipped == ()
    [conflict] = status.conflicts
    assert conflict.booking_id == app.id and conflict.moved_booking == outlook_id  # type: ignore[attr-defined]
    assert (
        "Krock med Outlook: «Styrgrupp»" in conflict.text("sv") and "Appens bokning gäller" in conflict.text()
    )
    shown = synced.sync.conflicts([app.id, outlook_id])  # type: ignore[attr-defined]
    assert list(shown) == [app.id] and "Styrgrupp" in shown[app.id]  # type: ignore[attr-defined]
    out = io.StringIO()
    with redirect_stdout(out):
        print_status(status, "sv")
    assert f"#{app.id} Konferensrummet: Krock med Outlook" in out.getvalue()  # type: ignore[attr-defined]
    with synced.office.services.db.session() as s:
        [entry] = s.scalars(select(AuditRow).where(AuditRow.action == "exchange.override"))
        assert entry.entity_id == str(app.id) and entry.after["winner"] == "app"  # type: ignore[attr-defined,index]

    synced.store.move(ROOM_MAILBOX, meeting.id, local(15), local(16))  # then somewhere free
    synced.run()
    assert _holding(synced)[outlook_id] == (local(15), local(16))
