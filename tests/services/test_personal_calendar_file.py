"""Mina bokningar → Exportera till kalender: chosen bookings of one person as an .ics file, written
by the feeds' writer (FeedService.write_bookings): valid RFC 5545 in icalendar and validating
vobject, each booking's own UID, office time, cancellations kept with a higher SEQUENCE."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from pathlib import Path

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from tests.conftest import Office
from tests.integrations.feed_helpers import check_lines, events, vobject_events

TUESDAY = date(2026, 11, 24)
STOCKHOLM = "Europe/Stockholm"


def test_desk_and_room_bookings_become_events_in_office_time(sqlite_office: Office, tmp_path: Path) -> None:
    o = sqlite_office
    booking, anna = o.services.booking, o.anna
    desk = booking.book_desk(anna.id, o.desk(3).id, TUESDAY, DeskPeriod.MORNING)
    full = booking.book_desk(anna.id, o.desk(2).id, date(2026, 11, 25), DeskPeriod.FULL_DAY)
    room = booking.book_room(
        anna.id,
        o.room.id,
        clk.local(TUESDAY, time(13)),
        clk.local(TUESDAY, time(14, 30)),
        4,
        "Möte om älvstråket",
    )
    others = booking.book_desk(o.bertil.id, o.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY)
    path = tmp_path / "mina bokningar.ics"

    count = o.services.feeds.write_bookings(anna.id, [desk.id, full.id, room.id, others.id], path)

    assert count == 3  # Bertil's booking is not Anna's to export
    data = path.read_bytes()
    check_lines(data)
    by_icalendar, by_vobject = events(data), vobject_events(data)
    assert set(by_icalendar) == set(by_vobject) == {desk.uid, full.uid, room.uid}
    text = data.decode()
    assert "X-WR-CALNAME:Satellitkontoret – Anna Andersson\r\n" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm" in text
    d, f, r = by_icalendar[desk.uid], by_icalendar[full.uid], by_icalendar[room.uid]
    assert str(d["SUMMARY"]) == "Plats 3 – Anna Andersson (Umeå)"
    assert str(d["LOCATION"]) == "Umeåregionens satellitkontor, Plats 3"
    assert d.decoded("DTSTART") == datetime(2026, 11, 24, 8, tzinfo=clk.OFFICE_TZ)
    assert d["DTSTART"].params["TZID"] == STOCKHOLM
    assert d.decoded("DTEND").hour == 12 and d["DTEND"].params["TZID"] == STOCKHOLM
    assert f.decoded("DTSTART") == date(2026, 11, 25)  # a whole day at the office: an all-day item
    assert str(r["SUMMARY"]) == "Konferensrummet – Möte om älvstråket – Anna Andersson (Umeå)"
    assert (r.decoded("DTSTART").hour, r.decoded("DTEND").minute) == (13, 30)
    assert str(r["TRANSP"]) == "OPAQUE" and str(d["TRANSP"]) == "TRANSPARENT"  # her meeting is busy time
    assert str(d["STATUS"]) == "CONFIRMED" and int(d["SEQUENCE"]) == 0
    assert d.decoded("DTSTAMP").tzinfo is not None
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".mina")]  # no temporary file left


def test_a_cancelled_booking_keeps_its_uid_with_a_higher_sequence(sqlite_office: Office) -> None:
    o = sqlite_office
    booking, anna = o.services.booking, o.anna
    made = booking.book_room(anna.id, o.room.id, clk.local(TUESDAY, time(9)), clk.local(TUESDAY, time(10)), 2)
    before = io.BytesIO()
    o.services.feeds.write_bookings(anna.id, [made.id], before)
    booking.cancel(anna.id, made.id)
    after = io.BytesIO()
    o.services.feeds.write_bookings(anna.id, [made.id], after)

    first, second = events(before.getvalue())[made.uid], events(after.getvalue())[made.uid]
    assert int(second["SEQUENCE"]) > int(first["SEQUENCE"])
    assert str(second["STATUS"]) == "CANCELLED"
    assert str(second["SUMMARY"]).startswith("Avbokad: Konferensrummet")
    assert str(second["TRANSP"]) == "TRANSPARENT"
    assert set(vobject_events(after.getvalue())) == {made.uid}


def test_english_and_an_empty_calendar(sqlite_office: Office) -> None:
    o = sqlite_office
    made = o.services.booking.book_room(
        o.bertil.id, o.room.id, clk.local(TUESDAY, time(9)), clk.local(TUESDAY, time(10)), 3
    )
    o.services.booking.cancel(o.bertil.id, made.id)
    out = io.BytesIO()
    assert o.services.feeds.write_bookings(o.bertil.id, [made.id], out, lang="en") == 1
    assert str(events(out.getvalue())[made.uid]["SUMMARY"]).startswith("Cancelled: ")
    empty = io.BytesIO()
    assert o.services.feeds.write_bookings(o.bertil.id, [], empty) == 0
    check_lines(empty.getvalue())
    assert events(empty.getvalue()) == {} and vobject_events(empty.getvalue()) == {}
