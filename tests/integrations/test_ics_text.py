"""The hand-written iCalendar text: escaping, folding at 75 octets, dates and the VTIMEZONE."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from satellitkontor.integrations.ical import ics_text as ics

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _unfold(text: str) -> str:
    return text.replace("\r\n ", "")


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("Plats 3", "Plats 3"),
        ("Åsa Öberg, jr; test", "Åsa Öberg\\, jr\\; test"),
        ("C:\\temp", "C:\\\\temp"),
        ("rad ett\nrad två\r\nrad tre\rslut", "rad ett\\nrad två\\nrad tre\\nslut"),
        ("klocka\x07 och\x00 nul\ttab", "klocka och nul\ttab"),
        ("\\,;", "\\\\\\,\\;"),
    ],
)
def test_text_values_are_escaped(raw: str, escaped: str) -> None:
    assert ics.escape(raw) == escaped


def test_escaped_text_reads_back_the_same_in_icalendar() -> None:
    value = "Åsa Öberg, jr; test \\ med\nny rad"
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20261123T063000Z\r\n"
        + ics.text_line("SUMMARY", value)
        + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    event = Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == value


@pytest.mark.parametrize("length", [*range(60, 240), 1000])
@pytest.mark.parametrize("char", ["a", "å", "€", "😀"])
def test_folding_keeps_lines_within_75_octets_without_splitting_a_character(length: int, char: str) -> None:
    line = "SUMMARY:" + (char * length)
    folded = ics.fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode()) <= ics.LINE_OCTETS for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert _unfold(folded) == line
    # every piece but the last is as full as it can be without cutting a character
    width = len(char.encode())
    for p in pieces[:-1]:
        assert len(p.encode()) > ics.LINE_OCTETS - width


def test_a_short_line_is_left_alone() -> None:
    line = "SUMMARY:" + "x" * 67
    assert len(line) == 75 and ics.fold(line) == line
    assert ics.fold(line + "y") == line + "\r\n y"


def test_dates_and_times() -> None:
    moment = datetime(2026, 11, 23, 6, 30, 15, 123456, tzinfo=UTC)
    assert ics.utc_stamp(moment) == "20261123T063015Z"
    assert ics.utc_stamp(moment.astimezone(STOCKHOLM)) == "20261123T063015Z"
    assert ics.local_stamp(moment) == "20261123T073015"
    assert ics.date_value(date(2026, 3, 9)) == "20260309"
    assert ics.local_datetime_line("DTSTART", moment) == "DTSTART;TZID=Europe/Stockholm:20261123T073015"
    assert ics.date_line("DTEND", date(2026, 11, 24)) == "DTEND;VALUE=DATE:20261124"
    summer = datetime(2026, 7, 1, 6, 0, tzinfo=UTC)
    assert ics.local_stamp(summer) == "20260701T080000"


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() - 6) % 7)


def _vtimezone_transitions(year: int) -> tuple[datetime, datetime]:
    """The UTC instants at which the VTIMEZONE's DAYLIGHT and STANDARD start in ``year``,
    expanded from its own DTSTART/RRULE/TZOFFSETFROM lines with dateutil."""
    from dateutil.rrule import rrulestr

    out = []
    block = "\r\n".join(ics.VTIMEZONE_LINES)
    for kind in ("DAYLIGHT", "STANDARD"):
        part = block.split(f"BEGIN:{kind}")[1].split(f"END:{kind}")[0]
        fields = dict(line.split(":", 1) for line in part.strip().split("\r\n"))
        start = datetime.strptime(fields["DTSTART"], "%Y%m%dT%H%M%S")
        rule = rrulestr(fields["RRULE"], dtstart=start)
        local = rule.after(datetime(year, 1, 1), inc=True)
        sign, hh, mm = (
            fields["TZOFFSETFROM"][0],
            int(fields["TZOFFSETFROM"][1:3]),
            int(fields["TZOFFSETFROM"][3:]),
        )
        offset = timedelta(hours=hh, minutes=mm) * (1 if sign == "+" else -1)
        out.append((local - offset).replace(tzinfo=UTC))
    return out[0], out[1]


@pytest.mark.parametrize("year", range(ics.VTIMEZONE_FIRST_YEAR, 2038))
def test_the_vtimezone_agrees_with_zoneinfo(year: int) -> None:
    summer, winter = _vtimezone_transitions(year)
    assert summer.date() == _last_sunday(year, 3) and winter.date() == _last_sunday(year, 10)
    minute = timedelta(minutes=1)
    for moment, before, after in ((summer, 1, 2), (winter, 2, 1)):
        assert (moment - minute).astimezone(STOCKHOLM).utcoffset() == timedelta(hours=before)
        assert moment.astimezone(STOCKHOLM).utcoffset() == timedelta(hours=after)
    # no other change in the year: noon UTC of every day has the offset the VTIMEZONE says
    day = datetime(year, 1, 1, 12, tzinfo=UTC)
    while day.year == year:
        expected = 2 if summer <= day < winter else 1
        assert day.astimezone(STOCKHOLM).utcoffset() == timedelta(hours=expected), day
        day += timedelta(days=1)


def test_the_dst_changes_of_2026() -> None:
    summer, winter = _vtimezone_transitions(2026)
    assert summer == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # 02:00 CET -> 03:00 CEST
    assert winter == datetime(2026, 10, 25, 1, 0, tzinfo=UTC)  # 03:00 CEST -> 02:00 CET


def test_vobject_reads_times_through_the_vtimezone_as_zoneinfo_does() -> None:
    import vobject

    starts = ["20260327T080000", "20260330T080000", "20261023T080000", "20261026T080000"]
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{s}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID={ics.TZID}:{s}\r\nEND:VEVENT\r\n"
        for s in starts
    )
    text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + ics.VTIMEZONE + body + "END:VCALENDAR\r\n"
    cal = vobject.readOne(text, validate=True)
    for event in cal.vevent_list:
        local = datetime.strptime(event.uid.value, "%Y%m%dT%H%M%S").replace(tzinfo=STOCKHOLM)
        assert event.dtstart.value.astimezone(UTC) == local.astimezone(UTC)
