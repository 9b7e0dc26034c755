"""One Outlook event never stops a run (issue 15, point 1), on EWS and on Graph.

Multi-day and all-day events block the room on every opening day they cover, one block a day
inside opening hours; zero-length events and events of a mailbox shared by several places are
recorded with their reason (``sync --status``, the Exchange box) and the run goes on. The days
around the last Sundays of March and October (23 and 25 hours in Europe/Stockholm) included.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import redirect_stdout
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import HOLDING_STATUSES
from satellitkontor.domain.errors import ResourceTaken
from tests.conftest import MovableClock
from tests.integrations.exchange.sync_helpers import (
    ANNA,
    BERTIL,
    DESK_MAILBOX,
    ROOM_MAILBOX,
    TUESDAY,
    Synced,
    local,
    synced_office,
)

WEDNESDAY = TUESDAY + timedelta(days=1)
THURSDAY = TUESDAY + timedelta(days=2)


@pytest.fixture(params=["ews", "graph"])
def synced(request: pytest.FixtureRequest, tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock, request.param)


def _room_blocks(s: Synced) -> list[tuple[datetime, datetime]]:
    from satellitkontor.storage.queries import common as queries

    with s.office.services.db.session() as session:
        views = [queries.to_view(r) for r in session.execute(queries.booking_select()).all()]
    return sorted(
        (v.start, v.end)
        for v in views
        if v.resource_name == "Konferensrummet" and v.status in HOLDING_STATUSES
    )


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return clk.local(day, time(hour, minute))


def _midnight(day: date) -> datetime:
    return clk.local(day, time(0, 0))


def test_a_two_day_workshop_blocks_both_days_and_the_push_still_arrives(synced: Synced) -> None:
    synced.store.create(ROOM_MAILBOX, "Tvådagarsworkshop", local(9), _at(WEDNESDAY, 16), organizer=BERTIL)
    o = synced.office
    booking = o.services.booking.book_room(
        o.anna.id, o.room.id, _at(THURSDAY, 9), _at(THURSDAY, 10), 4, "Planering"
    )

    report = synced.run()

    assert report.ok, report  # type: ignore[attr-defined]
    assert _room_blocks(synced) == [
        (local(9), _at(TUESDAY, 17)),
        (_at(WEDNESDAY, 8), _at(WEDNESDAY, 16)),
        (_at(THURSDAY, 9), _at(THURSDAY, 10)),
    ]
    [pushed] = synced.store.events(ANNA)  # the app's booking of the same run is in Outlook
    assert (pushed.start, pushed.end) == (_at(THURSDAY, 9), _at(THURSDAY, 10))
    for day in (TUESDAY, WEDNESDAY):
        with pytest.raises(ResourceTaken):
            o.services.booking.book_room(o.cecilia.id, o.room.id, _at(day, 14), _at(day, 15), 3, "Krock")
    assert synced.sync.status().pending == 0 and synced.sync.status().skipped == ()
    assert booking.id  # type: ignore[attr-defined]

    synced.run()  # seen again: nothing doubled
    assert len(_room_blocks(synced)) == 3


def test_a_workshop_shortened_and_then_deleted_in_outlook_follows(synced: Synced) -> None:
    event = synced.store.create(ROOM_MAILBOX, "Workshop", local(9), _at(THURSDAY, 12), organizer=BERTIL)
    synced.run()
    assert len(_room_blocks(synced)) == 3
    synced.store.move(ROOM_MAILBOX, event.id, local(9), _at(WEDNESDAY, 12))
    synced.run()
    assert _room_blocks(synced) == [(local(9), _at(TUESDAY, 17)), (_at(WEDNESDAY, 8), _at(WEDNESDAY, 12))]
    synced.store.delete(ROOM_MAILBOX, event.id)
    synced.run()
    assert _room_blocks(synced) == []


def test_all_day_events_around_the_last_sunday_of_october(synced: Synced) -> None:
    friday, sunday, monday = date(2027, 10, 29), date(2027, 10, 31), date(2027, 11, 1)
    assert _midnight(monday) - _midnight(sunday) == timedelta(hours=25)
    synced.store.create(
        ROOM_MAILBOX, "Höstmöte", _midnight(friday), _midnight(monday + timedelta(days=1)),
        organizer=BERTIL, is_all_day=True,
    )  # fmt: skip
    synced.store.create(
        ROOM_MAILBOX, "Söndag", _midnight(sunday), _midnight(monday), organizer=BERTIL, is_all_day=True
    )
    report = synced.run()
    assert report.ok  # type: ignore[attr-defined]
    assert _room_blocks(synced) == [(_at(friday, 8), _at(friday, 17)), (_at(monday, 8), _at(monday, 17))]
    assert synced.sync.status().skipped == ()  # a closed Sunday blocks nothing, and is no error


def test_timed_and_all_day_events_around_the_last_sunday_of_march(synced: Synced) -> None:
    # 2027: the clocks go forward on Easter Sunday, 28 March; Good Friday and Easter Monday are
    # public holidays, so the office is closed from Friday to Monday.
    thursday, sunday, tuesday = date(2027, 3, 25), date(2027, 3, 28), date(2027, 3, 30)
    assert _midnight(sunday + timedelta(days=1)) - _midnight(sunday) == timedelta(hours=23)
    synced.store.create(ROOM_MAILBOX, "Påskkonferens", _at(thursday, 14), _at(tuesday, 10), organizer=BERTIL)
    wednesday = tuesday + timedelta(days=1)
    synced.store.create(
        ROOM_MAILBOX, "Heldag", _midnight(wednesday), _midnight(wednesday + timedelta(days=1)),
        organizer=BERTIL, is_all_day=True,
    )  # fmt: skip
    report = synced.run()
    assert report.ok, report  # type: ignore[attr-defined]
    assert synced.sync.status().skipped == ()
    assert _room_blocks(synced) == [
        (_at(thursday, 14), _at(thursday, 17)),
        (_at(tuesday, 8), _at(tuesday, 10)),
        (_at(wednesday, 8), _at(wednesday, 17)),
    ]
    assert [clk.to_local(start).hour for start, _ in _room_blocks(synced)] == [14, 8, 8]


def test_what_cannot_be_taken_in_is_recorded_and_the_run_goes_on(synced: Synced) -> None:
    from satellitkontor.cli.commands.sync import print_status

    synced.store.create(ROOM_MAILBOX, "Nollmöte", local(11), local(11), organizer=BERTIL)
    synced.store.create(ROOM_MAILBOX, "Riktigt möte", local(13), local(14), organizer=BERTIL)
    # one mailbox for two desks: which desk is unknown
    config = synced.sync.config()
    config = replace(config, mailboxes=(*config.mailboxes, ("Plats 2", DESK_MAILBOX)))
    synced.sync.save_config(synced.office.admin.id, config)
    synced.store.create(DESK_MAILBOX, "Skrivbord", local(9), local(12), organizer=BERTIL)

    report = synced.run()

    assert report.ok  # type: ignore[attr-defined]
    assert _room_blocks(synced) == [(local(13), local(14))]
    status = synced.sync.status()
    reasons = sorted(s.code for s in status.skipped)
    assert reasons == ["exchange.event_not_taken.unknown_place", "exchange.event_not_taken.zero_length"]
    zero = next(s for s in status.skipped if s.code.endswith("zero_length"))
    assert "Nollmöte" in zero.text_sv and "slutar när det börjar" in zero.text_sv
    out = io.StringIO()
    with redirect_stdout(out):
        print_status(status, "sv")
    assert "Ej intagna från Outlook: 2" in out.getvalue() and "Nollmöte" in out.getvalue()
    assert "Inget väntar" in out.getvalue()

    synced.run()  # the next run goes on too, and lists them once
    assert len(synced.sync.status().skipped) == 2
