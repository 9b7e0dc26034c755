"""Reading .ics files: the fixture exports (Outlook, Microsoft Bookings, a recurring series) and
broken and hostile files. Each bad file ends in its own typed error, quickly, with a sentence a
receptionist can read; the big hostile files are made here at run time."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import InvalidCalendarFile
from satellitkontor.integrations.ical.ics_model import (
    MAX_COMPONENTS,
    MAX_DEPTH,
    MAX_EVENTS,
    MAX_FILE_BYTES,
    MAX_TIMEZONES,
    ParsedCalendar,
)
from satellitkontor.integrations.ical.ics_reader import read_ics
from satellitkontor.words.texts import describe

#: A hang fails the test instead of blocking the run.
pytestmark = pytest.mark.timeout(60)

ICS = Path(__file__).parent / "ics"
TODAY = date(2026, 11, 23)
#: Generous: each of these takes well under a second on a laptop.
QUICK = 5.0

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//SV\r\n"
TAIL = "END:VCALENDAR\r\n"


def event(uid: str = "e1@umea.se", body: str = "") -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART;TZID=Europe/Stockholm:20261124T100000\r\n"
        f"DTEND;TZID=Europe/Stockholm:20261124T110000\r\nSUMMARY:Möte\r\nLOCATION:Konferensrummet\r\n{body}END:VEVENT\r\n"
    )


def read(path_or_bytes: Path | bytes) -> ParsedCalendar:
    return read_ics(path_or_bytes, today=TODAY)


def local(moment: datetime | date) -> datetime:
    assert isinstance(moment, datetime)
    return clk.to_local(moment)


def refused(source: Path | bytes) -> InvalidCalendarFile:
    """The error ``source`` gives, asserting it came quickly."""
    started = time.perf_counter()
    with pytest.raises(InvalidCalendarFile) as caught:
        read(source)
    assert time.perf_counter() - started < QUICK
    return caught.value


# --- the exports ------------------------------------------------------------------------------
def test_an_outlook_export_with_its_windows_time_zone_folded_lines_and_a_room() -> None:
    parsed = read(ICS / "outlook_export.ics")

    assert parsed.encoding == "utf-8" and parsed.event_components == 6 and not parsed.notices
    assert "Outlook 16.0" in parsed.product
    meeting = parsed.events[0]
    # the folded UID is one string; the escaped comma is a comma
    assert meeting.uid.startswith("040000008200E00074C5B7101A82E008") and meeting.uid.endswith("A5C6")
    assert meeting.summary == "Styrgrupp digitalisering, Umeåregionen"
    assert meeting.location == "Konferensrummet; Microsoft Teams-möte"
    # "W. Europe Standard Time" read with the file's own VTIMEZONE: 10:00 in Umeå, 09:00 UTC
    assert local(meeting.start).strftime("%Y-%m-%d %H:%M") == "2026-11-24 10:00"
    assert meeting.start.astimezone(UTC).hour == 9
    assert local(meeting.end).strftime("%H:%M") == "11:30"
    assert meeting.organizer_email == "anna.andersson@umea.se" and meeting.organizer_name == "Anna Andersson"
    # a folded ATTENDEE line, and the room as a resource
    assert "kalle.kommunalrad@vannas.se" in meeting.attendee_emails
    room = next(a for a in meeting.attendees if a.is_place)
    assert (room.email, room.name, room.cutype) == ("konferensrum@umea.se", "Konferensrummet", "RESOURCE")
    assert meeting.line == 31 and meeting.index == 1
    # summer time in October: 13:00 local is 11:00 UTC; the organizer's e-mail in lower case
    history = parsed.events[1]
    assert history.start == datetime(2026, 10, 15, 11, 0, tzinfo=UTC)
    assert history.organizer_email == "bertil.oberg@vindeln.se"
    assert "Örjan Åström (Nordmaling)" in history.attendee_names
    all_day = parsed.events[2]
    assert all_day.all_day and (all_day.start, all_day.end) == (date(2026, 11, 25), date(2026, 11, 26))


def test_a_microsoft_bookings_export_with_utc_times_and_a_cancelled_appointment() -> None:
    parsed = read(ICS / "bookings_export.ics")

    assert [e.summary for e in parsed.events[:3]] == [
        "Kontorsplats heldag",
        "Kontorsplats heldag",
        "Kontorsplats förmiddag",
    ]
    first = parsed.events[0]
    assert first.organizer_email == "satellitkontoretbokningar@umea.onmicrosoft.com"
    assert first.attendee_emails == ("anna.andersson@umea.se", "reception@umea.onmicrosoft.com")
    assert local(first.start).strftime("%H:%M") == "08:00" and local(first.end).strftime("%H:%M") == "17:00"
    assert [e.status for e in parsed.events].count("CANCELLED") == 1
    # the same appointment twice: the reader keeps both, the plan calls the second a duplicate
    assert [e.uid for e in parsed.events].count(first.uid) == 2
    room = parsed.events[4]
    assert room.summary == "Konferensrum" and local(room.start).strftime("%H:%M") == "13:00"


def test_a_weekly_series_with_an_excluded_day_and_a_moved_occurrence_across_the_autumn_change() -> None:
    parsed = read(ICS / "recurring_series.ics")

    starts = [local(e.start).strftime("%a %Y-%m-%d %H:%M") for e in parsed.events]
    assert starts == [
        "Tue 2026-10-13 09:00",  # summer time (UTC+2)
        # 2026-10-20 is an EXDATE
        "Tue 2026-10-27 09:00",  # winter time (UTC+1), still 09:00 on the wall
        "Tue 2026-11-03 09:00",
        "Tue 2026-11-10 09:00",
        "Tue 2026-11-17 09:00",
        "Wed 2026-11-25 14:00",  # the 24th, moved (RECURRENCE-ID)
        "Tue 2026-12-01 09:00",
        "Tue 2026-12-08 09:00",  # UNTIL 08:00Z is 09:00 local: included
    ]
    assert parsed.events[0].start.astimezone(UTC).hour == 7
    assert parsed.events[1].start.astimezone(UTC).hour == 8
    moved = parsed.events[5]
    assert moved.summary.endswith("(flyttat till onsdag)") and not moved.from_series
    assert moved.recurrence_id is not None and local(moved.recurrence_id).date() == date(2026, 11, 24)
    assert all(e.from_series for i, e in enumerate(parsed.events) if i != 5)
    assert {e.uid for e in parsed.events} == {"it-gruppen-veckomote-2026@vannas.se"}
    # the one who declined is still listed, with what they said
    assert any(a.partstat == "DECLINED" for a in parsed.events[0].attendees)


def test_a_series_without_end_stops_at_the_horizon_and_says_so() -> None:
    parsed = read(ICS / "rrule_no_end.ics")

    assert len(parsed.events) == 730  # 24 Nov 2026 up to and including 22 Nov 2028
    assert parsed.horizon == date(2028, 11, 22)
    assert clk.local_date(parsed.events[-1].start) == date(2028, 11, 22)
    (notice,) = parsed.notices
    assert notice.params["reason"] == "series_open_ended"
    assert describe(notice) == (
        "Serien «Daglig avstämning i Konferensrummet» (rad 5) har inget slut; "
        "tillfällen efter ons 22 nov 2028 har inte tagits med."
    )


def test_daylight_saving_days_in_a_zone_in_utc_and_floating() -> None:
    parsed = read(ICS / "dst_days.ics")

    spring, autumn_utc, autumn_floating = parsed.events
    # 29 March 2026: clocks go forward at 02:00; 10:00 is summer time
    assert spring.start.astimezone(UTC) == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    # 25 October 2026: clocks go back at 03:00; 09:00 UTC is 10:00 winter time
    assert local(autumn_utc.start).strftime("%H:%M") == "10:00"
    # a time without a zone is office time
    assert autumn_floating.floating
    assert autumn_floating.start.astimezone(UTC) == datetime(2026, 10, 25, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "encoding", "summary"),
    [
        ("windows1252.ics", "cp1252", "Möte om älvstråket – Åsa, Örjan och Ärla"),
        ("utf16_bom.ics", "utf-16", "Samråd i Vännäs och Örnsköldsvik – ”ärenden” €"),
    ],
)
def test_windows_encodings_keep_a_a_and_o(name: str, encoding: str, summary: str) -> None:
    parsed = read(ICS / name)

    assert parsed.encoding == encoding
    (ev,) = parsed.events
    assert ev.summary == summary
    assert ev.organizer_name == "Bertil Öberg" and ev.organizer_email == "bertil.oberg@vindeln.se"
    reasons = [n.params["reason"] for n in parsed.notices]
    assert reasons == (["cp1252"] if encoding == "cp1252" else [])


def test_utf8_with_a_byte_order_mark_and_utf16_without_one() -> None:
    text = HEAD + event(body="ORGANIZER;CN=Åsa Öberg:mailto:asa@umea.se\r\n") + TAIL
    with_bom = read(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert with_bom.encoding == "utf-8-sig" and with_bom.events[0].organizer_name == "Åsa Öberg"
    big_endian = read(text.encode("utf-16-be"))
    assert big_endian.encoding == "utf-16-be" and big_endian.events[0].summary == "Möte"


# --- broken files -----------------------------------------------------------------------------
def test_an_empty_file() -> None:
    err = refused(ICS / "empty.ics")
    assert err.params["reason"] == "empty"
    assert describe(err) == "Filen är tom – den innehåller ingen kalender."
    assert refused(b" \r\n\r\n").params["reason"] == "empty"


def test_a_file_that_is_not_a_calendar() -> None:
    err = refused(ICS / "not_calendar.ics")
    assert (err.params["reason"], err.params["line"]) == ("not_calendar", 1)
    assert describe(err) == "Filen är ingen kalenderfil (.ics): rad 1 börjar inte med BEGIN:VCALENDAR."
    assert describe(err, "en").startswith("The file is not a calendar file (.ics)")
    # an indented calendar, and one that starts further down: named by the line
    assert refused(b" BEGIN:VCALENDAR\r\n").params["line"] == 1
    assert refused(b"\r\nX-HEADER:1\r\nBEGIN:VCALENDAR\r\n").params == {"reason": "not_calendar", "line": 2}


def test_a_truncated_file() -> None:
    err = refused(ICS / "truncated.ics")
    assert err.params["reason"] == "truncated" and err.params["line"] == 15
    assert "händelsen (VEVENT) avslutas aldrig" in describe(err)


def test_a_date_that_does_not_exist_names_its_line() -> None:
    err = refused(ICS / "bad_date.ics")
    assert (err.params["reason"], err.params["line"]) == ("bad_date", 11)
    assert "20261345T100000" in describe(err) and "rad 11" in describe(err)


def test_an_event_that_ends_before_it_starts() -> None:
    err = refused(ICS / "end_before_start.ics")
    assert (err.params["reason"], err.params["line"]) == ("end_before_start", 4)
    assert describe(err) == (
        "Händelsen på rad 4 slutar innan den börjar (2026-11-24 15:00 – 2026-11-24 13:00)."
    )


def test_a_time_zone_the_file_does_not_describe() -> None:
    body = "DTSTART;TZID=Mars/Olympus Mons:20261124T100000\r\n"
    text = HEAD + "BEGIN:VEVENT\r\nUID:x\r\n" + body + "END:VEVENT\r\n" + TAIL
    err = refused(text.encode())
    assert err.params["reason"] == "unknown_timezone" and "Mars/Olympus Mons" in describe(err)


def test_mismatched_begin_and_end() -> None:
    text = HEAD + "BEGIN:VEVENT\r\nUID:x\r\nEND:VTODO\r\n" + TAIL
    err = refused(text.encode())
    assert (err.params["reason"], err.params["line"]) == ("mismatch", 6)
    assert describe(err) == (
        "Filen är trasig: rad 6 avslutar VTODO, men det som är öppet är händelsen (VEVENT)."
    )


# --- hostile files, made here -----------------------------------------------------------------
def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_five_thousand_reminders_are_dropped_and_the_event_imports(tmp_path: Path) -> None:
    alarm = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nDESCRIPTION:Påminnelse\r\nEND:VALARM\r\n"
    path = _write(tmp_path, "alarms.ics", (HEAD + event(body=alarm * 5000) + TAIL).encode())

    started = time.perf_counter()
    parsed = read(path)
    assert time.perf_counter() - started < QUICK
    (ev,) = parsed.events
    assert ev.summary == "Möte"
    (notice,) = parsed.notices
    assert notice.params == {"reason": "alarms_dropped", "line": 4, "count": 5000}
    assert describe(notice) == "Händelsen på rad 4 hade 5000 påminnelser; påminnelser importeras inte."


def test_two_hundred_levels_of_nesting(tmp_path: Path) -> None:
    deep = "".join(f"BEGIN:X-LEVEL{i}\r\n" for i in range(200)) + "".join(
        f"END:X-LEVEL{i}\r\n" for i in reversed(range(200))
    )
    path = _write(tmp_path, "deep.ics", (HEAD + deep + TAIL).encode())
    err = refused(path)
    assert err.params["reason"] == "too_deep" and err.params["line"] == 4 + MAX_DEPTH - 1
    assert f"fler än {MAX_DEPTH} nivåer" in describe(err)


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        (
            "summary",
            lambda big: HEAD + event(body=f"DESCRIPTION:x\r\nSUMMARY:{big}\r\n") + TAIL,
            "line_too_long",
        ),
        ("no line breaks", lambda big: big + "BEGIN:VCALENDAR", "not_calendar"),
        ("after the header", lambda big: "BEGIN:VCALENDAR" + big, "line_too_long"),
    ],
)
def test_a_ten_megabyte_line(tmp_path: Path, name: str, make: Callable[[str], str], reason: str) -> None:
    path = _write(tmp_path, "long.ics", make("A" * 10_000_000).encode())
    err = refused(path)
    assert err.params["reason"] == reason
    if reason == "line_too_long":
        assert "är för lång" in describe(err)


def test_a_ten_megabyte_line_the_import_does_not_read_is_skipped(tmp_path: Path) -> None:
    """An Outlook export with a big attachment (ATTACH) still imports: the line is never kept."""
    attach = "ATTACH;ENCODING=BASE64;VALUE=BINARY;X-FILENAME=bild.png:" + "QUFB" * 2_500_000 + "\r\n"
    path = _write(tmp_path, "attachment.ics", (HEAD + event(body=attach) + TAIL).encode())
    started = time.perf_counter()
    parsed = read(path)
    assert time.perf_counter() - started < QUICK
    assert [e.summary for e in parsed.events] == ["Möte"]


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.ics"
    with path.open("wb") as f:  # sparse: costs no disk
        f.truncate(MAX_FILE_BYTES + 1)
    err = refused(path)
    assert err.params["reason"] == "too_large"
    assert describe(err) == "Filen är för stor (20,1 MB; högst 20 MB). Exportera en kortare period åt gången."


def test_binary_garbage(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 10
    assert refused(_write(tmp_path, "bild.ics", png)).params["reason"] == "binary"
    control = (HEAD + "BEGIN:VEVENT\r\nSUMMARY:a\x07b\r\n").encode()
    err = refused(control)
    assert (err.params["reason"], err.params["line"]) == ("binary", 5)


def test_too_many_events_and_components(tmp_path: Path) -> None:
    many = HEAD + "BEGIN:VEVENT\r\nEND:VEVENT\r\n" * (MAX_EVENTS + 1) + TAIL
    err = refused(_write(tmp_path, "many.ics", many.encode()))
    assert err.params["reason"] == "too_many_events"
    assert describe(err) == (
        f"Filen har för många händelser (fler än {MAX_EVENTS} åt gången). Exportera en kortare period åt gången."
    )
    parts = HEAD + "BEGIN:X-PART\r\nEND:X-PART\r\n" * MAX_COMPONENTS + TAIL
    assert refused(_write(tmp_path, "parts.ics", parts.encode())).params["reason"] == "too_many_components"


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",  # never: dateutil searches to the year 9999 for this
        "FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30;BYDAY=MO",
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=9",
        "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31",
    ],
)
def test_a_rule_that_never_matches_ends_quickly_with_the_first_occurrence(rule: str) -> None:
    text = HEAD + event(body=f"RRULE:{rule}\r\n") + TAIL
    started = time.perf_counter()
    parsed = read(text.encode())
    assert time.perf_counter() - started < QUICK
    assert [clk.local_date(e.start) for e in parsed.events] == [date(2026, 11, 24)]


def test_a_rule_within_the_day_keeps_only_the_first_occurrence() -> None:
    parsed = read((HEAD + event(body="RRULE:FREQ=SECONDLY\r\n") + TAIL).encode())
    assert len(parsed.events) == 1
    (notice,) = parsed.notices
    assert notice.params["reason"] == "series_unsupported" and "FREQ=SECONDLY" in describe(notice)


def test_a_long_daily_series_is_cut_at_the_limit() -> None:
    text = HEAD + event(body="RRULE:FREQ=DAILY;COUNT=100000\r\n") + TAIL
    parsed = read_ics(text.encode(), today=TODAY, horizon_days=3650)
    assert len(parsed.events) == 2000
    assert [n.params["reason"] for n in parsed.notices] == ["series_truncated"]


def test_extra_dates_of_a_series_are_capped_too() -> None:
    dates = ",".join(f"{date(2026, 11, 25) + timedelta(days=i):%Y%m%d}T100000" for i in range(3000))
    text = HEAD + event(body=f"RDATE;TZID=Europe/Stockholm:{dates}\r\n") + TAIL
    parsed = read_ics(text.encode(), today=TODAY, horizon_days=3650)
    assert len(parsed.events) == 2000
    assert [n.params["reason"] for n in parsed.notices] == ["series_truncated"]


def test_a_broken_rule_names_the_event() -> None:
    err = refused((HEAD + event(body="RRULE:FREQ=FORTNIGHTLY\r\n") + TAIL).encode())
    assert (err.params["reason"], err.params["line"]) == ("bad_rrule", 4)


def zone(tzid: str, offset: str) -> str:
    return (
        f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
        f"TZOFFSETFROM:{offset}\r\nTZOFFSETTO:{offset}\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    )


def zoned_event(tzid: str) -> str:
    return f"BEGIN:VEVENT\r\nUID:z\r\nDTSTART;TZID={tzid}:20261124T100000\r\nEND:VEVENT\r\n"


def test_each_file_is_read_with_its_own_time_zones() -> None:
    """icalendar remembers the first VTIMEZONE of a name it does not know for the whole process;
    a later file with the same TZID must still get its own (and a Windows name without one, the
    real zone)."""
    name = "Satellitkontorets testzon"
    odd = read((HEAD + zone(name, "+0500") + zoned_event(name) + TAIL).encode())
    assert odd.events[0].start.utcoffset() == timedelta(hours=5)
    mine = read((HEAD + zone(name, "+0100") + zoned_event(name) + TAIL).encode())
    assert mine.events[0].start.utcoffset() == timedelta(hours=1)
    plain = read((HEAD + zoned_event("W. Europe Standard Time") + TAIL).encode())
    assert plain.events[0].start.utcoffset() == timedelta(hours=1)  # Europe/Berlin in November
    assert local(read(ICS / "outlook_export.ics").events[0].start).strftime("%H:%M") == "10:00"
    vendor = read((HEAD + zoned_event("/freeassociation.sourceforge.net/Europe/Stockholm") + TAIL).encode())
    assert vendor.events[0].start == datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_too_many_time_zones() -> None:
    zones = "".join(zone(f"Zon {i}", "+0100") for i in range(MAX_TIMEZONES + 1))
    err = refused((HEAD + zones + TAIL).encode())
    assert err.params["reason"] == "too_many_timezones"
    assert describe(err).startswith("Filen beskriver för många tidszoner")
