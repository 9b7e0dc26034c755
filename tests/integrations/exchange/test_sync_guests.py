"""Outlook meetings whose organiser is no person in the app (issue 15, point 4), on EWS and on
Graph: they block the slot as a booking carrying the organiser's name and address, which the
receptionist sees, the statistics count under "Extern", and retention clears."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from satellitkontor.domain.errors import ResourceTaken
from satellitkontor.storage.models import BookingRow
from tests.conftest import MovableClock
from tests.integrations.exchange.sync_helpers import ROOM_MAILBOX, TUESDAY, Synced, local, synced_office

GUEST = "gunilla.gast@region.se"


@pytest.fixture(params=["ews", "graph"])
def synced(request: pytest.FixtureRequest, tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    yield from synced_office(tmp_path, clock, request.param)


def test_a_guest_organisers_meeting_blocks_the_room_with_her_name(synced: Synced) -> None:
    synced.store.create(
        ROOM_MAILBOX, "Regionmöte", local(13), local(14), organizer=GUEST, organizer_name="Gunilla Gäst"
    )
    report = synced.run()
    assert report.ok and report.pulls[0].created == 1  # type: ignore[attr-defined]
    o = synced.office

    day = o.services.occupancy.day(TUESDAY, viewer_id=o.reception.id)
    [booking] = [b for r in day.resources for b in r.bookings]
    assert (booking.person_id, booking.person_name, booking.person_email) == (None, "Gunilla Gäst", GUEST)
    assert booking.municipality_code == "extern" and booking.title == "Regionmöte"
    with pytest.raises(ResourceTaken):
        o.services.booking.book_room(o.anna.id, o.room.id, local(13), local(14), 3, "Krock")

    usage = o.services.statistics.usage(TUESDAY.year)
    [year] = [r for r in usage if r.month is None and r.municipality_code == "extern"]
    assert year.bookings == 1 and year.people == 0
    assert len({r.municipality_code for r in usage}) == 8  # the seven, and Extern

    synced.run()  # seen again: not doubled
    [hidden] = [
        b for r in o.services.occupancy.day(TUESDAY, viewer_id=o.cecilia.id).resources for b in r.bookings
    ]
    assert hidden.person_name is None and hidden.person_email is None  # names follow the privacy rules


def test_retention_clears_the_guests_name_and_address(synced: Synced) -> None:
    synced.store.create(
        ROOM_MAILBOX, "Regionmöte", local(13), local(14), organizer=GUEST, organizer_name="Gunilla Gäst"
    )
    synced.run()
    o = synced.office
    o.clock.advance(days=5 * 366)
    o.services.privacy.retention(o.admin.id, apply=True)
    with o.services.db.session() as s:
        [row] = s.query(BookingRow).all()
        assert (row.guest_name, row.guest_email, row.title) == (None, None, None)


def test_the_statistics_have_no_extern_row_in_a_year_without_guests(synced: Synced) -> None:
    usage = synced.office.services.statistics.usage(TUESDAY.year + 1)
    assert "extern" not in {r.municipality_code for r in usage}


def test_a_meeting_made_in_the_rooms_own_calendar_is_a_room_meeting_not_a_guest(synced: Synced) -> None:
    """Its organiser is the room itself: shown with its subject and no organiser, never as a
    guest named after the room."""
    synced.store.create(
        ROOM_MAILBOX, "Ledningsgrupp", local(13), local(14), organizer=ROOM_MAILBOX,
        organizer_name="Konferensrummet",
    )  # fmt: skip
    synced.store.create(
        ROOM_MAILBOX, "", local(15), local(16), organizer=ROOM_MAILBOX, organizer_name="Konferensrummet"
    )
    report = synced.run()
    assert report.ok and report.pulls[0].created == 2  # type: ignore[attr-defined]
    o = synced.office
    day = o.services.occupancy.day(TUESDAY, viewer_id=o.reception.id)
    bookings = sorted((b for r in day.resources for b in r.bookings), key=lambda b: b.start)
    assert [(b.title, b.person_id, b.person_name, b.person_email, b.guest_name) for b in bookings] == [
        ("Ledningsgrupp", None, None, None, None),
        ("Möte i rummets kalender", None, None, None, None),  # no subject: said what it is
    ]
    with pytest.raises(ResourceTaken):
        o.services.booking.book_room(o.anna.id, o.room.id, local(13), local(14), 3, "Krock")
    with o.services.db.session() as s:
        assert {(r.guest_name, r.guest_email) for r in s.query(BookingRow)} == {(None, None)}
    synced.run()  # seen again: not doubled
    day = o.services.occupancy.day(TUESDAY, viewer_id=o.reception.id)
    assert len([b for r in day.resources for b in r.bookings]) == 2
