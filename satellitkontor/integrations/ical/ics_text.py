"""Writing iCalendar (RFC 5545) text by hand: escaping, line folding, dates, the office's VTIMEZONE.

The calendar feeds write tens of thousands of events; building an ``icalendar.Event`` per event
and serialising the tree costs far more than the few string operations an event really needs
(see tests/benchmarks/feed_benchmark.py). These functions are that handful of operations, kept
exact:

- TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11); other control
  characters, which TEXT may not contain, are dropped.
- Lines are folded at 75 octets (3.1): the first piece holds up to 75 octets, every
  continuation line a space and up to 74 more. A fold never falls inside a UTF-8 sequence, so
  "å" stays whole and every piece is valid UTF-8 on its own.
- Lines end with CRLF. Functions here return ``str`` lines *without* the line break; the writer
  joins them with :data:`CRLF` and encodes once.
- DATE-TIME values are either UTC (``...Z``: DTSTAMP, CREATED, LAST-MODIFIED, UNTIL) or local
  office time with ``TZID=Europe/Stockholm``; DATE values are ``YYYYMMDD``.
- :data:`VTIMEZONE` describes Europe/Stockholm with the EU rule (summer time from the last
  Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC) as two yearly RRULEs
  starting 1996, the year Sweden took the current end date. One fixed block covers any range of
  years the office can have bookings in; tests/integrations/test_ics_text.py checks it against
  zoneinfo for every year 1996–2037.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from satellitkontor.domain.clock import OFFICE_TZ

PRODID = "-//Umeåregionen//Satellitkontoret//SV"
#: The office's name in LOCATION, before the desk's or room's name.
OFFICE_NAME = "Umeåregionens satellitkontor"

CRLF = "\r\n"
TZID = "Europe/Stockholm"
#: Octets per physical line, the line break excluded (RFC 5545 3.1).
LINE_OCTETS = 75

_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})
#: Control characters TEXT may not hold (HTAB is allowed); CR and CRLF become a newline first.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NEEDS_WORK = re.compile(r"[\\;,\n\r\x00-\x08\x0b-\x1f\x7f]")

VTIMEZONE_LINES: tuple[str, ...] = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19960331T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)
VTIMEZONE = CRLF.join(VTIMEZONE_LINES) + CRLF
#: The first year the VTIMEZONE above is right for.
VTIMEZONE_FIRST_YEAR = 1996


def escape(value: str) -> str:
    """A TEXT value: ``a, b; c\\d`` -> ``a\\, b\\; c\\\\d``; newlines become ``\\n``."""
    if _NEEDS_WORK.search(value) is None:
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value).translate(_ESCAPES)


def fold(line: str) -> str:
    """``line`` folded so that no physical line exceeds 75 octets of UTF-8 (CRLF between)."""
    if len(line) <= LINE_OCTETS and (line.isascii() or len(line.encode()) <= LINE_OCTETS):
        return line
    if line.isascii():
        pieces = [line[:LINE_OCTETS]]
        pieces.extend(line[i : i + LINE_OCTETS - 1] for i in range(LINE_OCTETS, len(line), LINE_OCTETS - 1))
        return "\r\n ".join(pieces)
    data = line.encode()
    out: list[bytes] = []
    start, room = 0, LINE_OCTETS
    while len(data) - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: do not split the character
            cut -= 1
        out.append(data[start:cut])
        start, room = cut, LINE_OCTETS - 1
    out.append(data[start:])
    return "\r\n ".join(piece.decode() for piece in out)


def text_line(name: str, value: str) -> str:
    """``NAME:escaped value``, folded."""
    return fold(f"{name}:{escape(value)}")


def utc_stamp(moment: datetime) -> str:
    """``20261123T063000Z``: an aware datetime as a UTC DATE-TIME (seconds, no fraction)."""
    if moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    iso = moment.isoformat()  # 2026-11-23T06:30:00[.ffffff]+00:00, fast and fixed-width
    return f"{iso[:4]}{iso[5:7]}{iso[8:10]}T{iso[11:13]}{iso[14:16]}{iso[17:19]}Z"


def local_stamp(moment: datetime) -> str:
    """``20261124T080000``: an aware instant as office wall-clock time (for ``TZID=``)."""
    iso = moment.astimezone(OFFICE_TZ).isoformat()
    return f"{iso[:4]}{iso[5:7]}{iso[8:10]}T{iso[11:13]}{iso[14:16]}{iso[17:19]}"


def wall_stamp(moment: datetime) -> str:
    """``20261124T080000`` of a naive (or already local) datetime, as it stands."""
    iso = moment.isoformat()
    return f"{iso[:4]}{iso[5:7]}{iso[8:10]}T{iso[11:13]}{iso[14:16]}{iso[17:19]}"


def date_value(day: date) -> str:
    """``20261124``."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def local_datetime_line(name: str, moment: datetime) -> str:
    """``DTSTART;TZID=Europe/Stockholm:20261124T080000``."""
    return f"{name};TZID={TZID}:{local_stamp(moment)}"


def date_line(name: str, day: date) -> str:
    """``DTSTART;VALUE=DATE:20261124``."""
    return f"{name};VALUE=DATE:{date_value(day)}"
