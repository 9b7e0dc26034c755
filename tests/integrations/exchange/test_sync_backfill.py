"""Bookings made before the sync was on reach Outlook (issue 15, point 2), on EWS and on Graph:
turning the sync on, adding a mailbox and ``sync --resend`` queue every future holding booking,
and the status counts them."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import redirect_stdout
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.storage.models import AuditRow
from tests.conftest import MovableClock
from tests.integrations.exchange.sync_helpers import (
    ANNA,
    BERTIL,
    ROOM_MAILBOX,
    TUESDAY,
    Synced,
    local,
    synced_office,
)


@pytest.fixture(params=["ews", "graph"])
def synced(request: pytest.FixtureRequest, tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock, request.param)


def _switch(s: Synced, on: bool) -> None:
    s.sync.save_config(s.office.admin.id, replace(s.sync.config(), enabled=on))


def _book_before(s: Synced) -> list[int]:
    o = s.office
    room = o.services.booking.book_room(o.anna.id, o.room.id, local(9), local(10), 4, "Före synken")
    later = o.services.booking.book_room(o.bertil.id, o.room.id, local(13), local(14), 2, "Också före")
    desk = o.services.booking.book_desk(
        o.anna.id, o.desks[0].id, TUESDAY + timedelta(days=1), DeskPeriod.FULL_DAY
    )
    gone = o.services.booking.book_room(o.anna.id, o.room.id, local(15), local(16), 2, "Avbokad")
    o.services.booking.cancel(o.anna.id, gone.id)
    return [room.id, later.id, desk.id]


def test_turning_the_sync_on_queues_the_bookings_made_before(synced: Synced) -> None:
    from satellitkontor.cli.commands.sync import print_status

    _switch(synced, False)
    _book_before(synced)
    assert synced.sync.status().pending == 0  # sync off: nothing queued while booking

    _switch(synced, True)
    status = synced.sync.status()
    assert status.pending == 3  # the cancelled one is not sent
    out = io.StringIO()
    with redirect_stdout(out):
        print_status(status, "sv")
    assert "Väntar: 3" in out.getvalue() and "Inget väntar" not in out.getvalue()

    report = synced.run()
    assert report.ok and report.push.done == 3  # type: ignore[attr-defined]
    assert sorted(e.subject for e in synced.store.events(ANNA)) == [
        "Konferensrummet: Före synken",
        "Plats 1 (Satellitkontoret)",
    ]
    assert [e.subject for e in synced.store.events(BERTIL)] == ["Konferensrummet: Också före"]
    assert len(synced.store.events(ROOM_MAILBOX)) == 2  # the room was invited and accepted
    assert synced.sync.status().pending == 0

    _switch(synced, True)  # saved again, nothing new: nothing queued twice
    assert synced.sync.status().pending == 0


def test_resend_queues_every_future_booking_again(synced: Synced) -> None:
    _book_before(synced)
    synced.run()
    [event] = [e for e in synced.store.events(ANNA) if "Före" in e.subject]
    synced.store.delete(ANNA, event.id)  # someone emptied a calendar by hand

    assert synced.sync.resend(synced.office.admin.id) == 3
    assert synced.sync.status().pending == 3
    assert synced.sync.resend(synced.office.admin.id) == 0  # already waiting: not twice
    synced.run()
    assert sorted(e.subject for e in synced.store.events(ANNA)) == [
        "Konferensrummet: Före synken",
        "Plats 1 (Satellitkontoret)",
    ]
    with synced.office.services.db.session() as s:
        entries = s.scalars(
            select(AuditRow).where(AuditRow.action == "exchange.resend").order_by(AuditRow.id)
        )
        assert [e.after for e in entries] == [{"queued": 3}, {"queued": 0}]


def test_a_new_mailbox_queues_the_bookings_of_its_place(synced: Synced) -> None:
    o = synced.office
    synced.store.add_mailbox("plats2@umea.se", "Plats 2", kind="desk")
    desk = next(d for d in o.desks if d.name == "Plats 2")
    booking = o.services.booking.book_desk(o.anna.id, desk.id, TUESDAY, DeskPeriod.FULL_DAY)
    o.services.booking.book_room(o.anna.id, o.room.id, local(9), local(10), 4, "Redan i Outlook")
    synced.run()
    assert synced.store.events("plats2@umea.se") == []  # Plats 2 had no mailbox in the app yet

    config = synced.sync.config()
    synced.sync.save_config(
        o.admin.id, replace(config, mailboxes=(*config.mailboxes, ("Plats 2", "plats2@umea.se")))
    )
    status = synced.sync.status()
    assert [i.booking_id for i in status.items] == [booking.id]  # the room's booking is in Outlook already
    synced.run()
    [copy] = synced.store.events("plats2@umea.se")  # now the desk is invited, and accepted
    assert copy.start == booking.start  # type: ignore[attr-defined]
