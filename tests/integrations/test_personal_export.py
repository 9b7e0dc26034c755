"""The personal .ics export: stable UIDs, local office times, Swedish texts, cancelled events."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time
from pathlib import Path

from icalendar import Calendar

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.integrations.ical.personal_export import summary, write_personal_ics
from tests.conftest import Office

TUESDAY = date(2026, 11, 24)
STOCKHOLM = "Europe/Stockholm"


def _parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def test_desk_and_room_bookings_become_events_in_office_time(sqlite_office: Office, tmp_path: Path) -> None:
    booking = sqlite_office.services.booking
    anna = sqlite_office.anna
    desk = booking.book_desk(anna.id, sqlite_office.desk(3).id, TUESDAY, DeskPeriod.MORNING)
    room = booking.book_room(
        anna.id,
        sqlite_office.room.id,
        clk.local(TUESDAY, time(13)),
        clk.local(TUESDAY, time(14, 30)),
        4,
        "Möte om älvstråket",
    )
    path = tmp_path / "mina bokningar.ics"

    count = write_personal_ics([desk, room], path, calendar_name="Satellitkontoret – Åsa Öberg")

    assert count == 2
    cal = _parse(path.read_bytes())
    assert str(cal["X-WR-CALNAME"]) == "Satellitkontoret – Åsa Öberg"
    assert str(cal["VERSION"]) == "2.0" and "Satellitkontoret" in str(cal["PRODID"])
    assert [tz.tz_name for tz in cal.timezones] == [STOCKHOLM]
    events = {str(e["UID"]): e for e in cal.events}
    assert set(events) == {desk.uid, room.uid}
    d, r = events[desk.uid], events[room.uid]
    assert str(d["SUMMARY"]) == "Kontorsplats Plats 3 – förmiddag"
    assert str(d["LOCATION"]) == "Umeåregionens satellitkontor, Plats 3"
    assert d.decoded("DTSTART") == datetime(2026, 11, 24, 8, tzinfo=clk.OFFICE_TZ)
    assert d["DTSTART"].params["TZID"] == STOCKHOLM
    assert d.decoded("DTEND").hour == 12 and d["DTEND"].params["TZID"] == STOCKHOLM
    assert str(r["SUMMARY"]) == "Möte om älvstråket"
    assert (r.decoded("DTSTART").hour, r.decoded("DTEND").minute) == (13, 30)
    assert str(d["STATUS"]) == "CONFIRMED" and int(d["SEQUENCE"]) == 0
    assert d.decoded("DTSTAMP").tzinfo is not None
    assert not path.with_name(".mina bokningar.ics.tmp").exists()


def test_a_cancelled_booking_keeps_its_uid_with_a_higher_sequence(sqlite_office: Office) -> None:
    booking = sqlite_office.services.booking
    anna = sqlite_office.anna
    made = booking.book_room(
        anna.id, sqlite_office.room.id, clk.local(TUESDAY, time(9)), clk.local(TUESDAY, time(10)), 2
    )
    cancelled = booking.cancel(anna.id, made.id)
    before, after = io.BytesIO(), io.BytesIO()
    stamp = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)

    write_personal_ics([made], before, calendar_name="x", now=stamp)
    write_personal_ics([cancelled], after, calendar_name="x", now=stamp)

    first, second = _parse(before.getvalue()).events[0], _parse(after.getvalue()).events[0]
    assert str(first["UID"]) == str(second["UID"]) == made.uid
    assert int(second["SEQUENCE"]) > int(first["SEQUENCE"])
    assert str(second["STATUS"]) == "CANCELLED"
    assert str(second["SUMMARY"]) == "Konferensrum"
    assert second.decoded("DTSTAMP") == stamp


def test_english_summary_and_an_empty_calendar(sqlite_office: Office) -> None:
    view = sqlite_office.services.booking.book_desk(
        sqlite_office.bertil.id, sqlite_office.desk(1).id, TUESDAY, DeskPeriod.FULL_DAY
    )
    assert summary(view, "en") == "Desk Plats 1 – full day"
    out = io.BytesIO()
    assert write_personal_ics([], out, calendar_name="Tom") == 0
    assert _parse(out.getvalue()).events == []
