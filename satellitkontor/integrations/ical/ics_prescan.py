"""The guard in front of ``icalendar``: an untrusted .ics file is read, decoded and scanned line
by line before the parser sees any of it.

The scan refuses, with an ``InvalidCalendarFile`` naming the line, what would make the parser
slow, deep or confused: a file over ``MAX_FILE_BYTES``, binary bytes, a first line that is not
BEGIN:VCALENDAR, an unfolded line over ``MAX_LINE_CHARS``, BEGIN/END nested deeper than
``MAX_DEPTH`` or not matching, a file that ends inside a component, more than
``MAX_COMPONENTS`` components or ``MAX_EVENTS`` events. It is one pass with one logical line in
hand; a line is sliced out of the text only when it is kept.

What it passes on is a smaller calendar: only VCALENDAR and VEVENT, and in them only the
properties the import reads. VTIMEZONE components (with STANDARD and DAYLIGHT) are taken out
and handed on beside the text (``ScanResult.zones``), never to ``icalendar``: the library builds
a zone from them as it parses, through dateutil, and two STANDARD parts with
``RRULE:FREQ=SECONDLY`` in a 518-byte file made it take gigabytes and never end.
ics_zones.py reads them within bounds. Everything else is dropped
unread whatever its size: reminders (VALARM: a file with thousands of them imports, and the
plan says they were left out), tasks, attachments, HTML descriptions, vendor properties. So an
Outlook export with a 5 MB attachment imports, while a 5 MB SUMMARY is refused. Each kept
VEVENT gets ``X-SK-LINE``, the line of its BEGIN, for messages.

Encodings (decided): a byte-order mark decides (UTF-8, UTF-16, UTF-32); without one the file
must be UTF-8, or else it is read as Windows-1252, the encoding Outlook and Excel on Swedish
Windows write, and the plan says so (``CalendarNotice(reason="cp1252")``) so that the user
checks å, ä and ö. UTF-16 without a mark is recognised by its zero bytes around "BEGIN". Bytes
that are not text in any of these (NUL, control characters, undefined Windows-1252 bytes) make
the file "binary".
"""

from __future__ import annotations

import codecs
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

from satellitkontor.domain.errors import CalendarNotice, InvalidCalendarFile
from satellitkontor.integrations.ical.ics_model import (
    ALARMS_NOTICE,
    MAX_COMPONENTS,
    MAX_DEPTH,
    MAX_EVENTS,
    MAX_FILE_BYTES,
    MAX_LINE_CHARS,
    MAX_TIMEZONES,
    MAX_ZONE_PARTS,
)

#: The parameters of a property with a TZID (names of real zones are under 100 characters).
MAX_TZID_CHARS = 300
#: Marker property the scan adds to each kept VEVENT: the line of its BEGIN.
LINE_PROPERTY = "X-SK-LINE"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NAME = re.compile(r"([A-Za-z0-9-]{1,100})[;:]")

#: Which components are kept inside which (None: the top level).
_KEEP_CHILDREN: dict[str | None, frozenset[str]] = {
    None: frozenset({"VCALENDAR"}),
    "VCALENDAR": frozenset({"VEVENT", "VTIMEZONE"}),
    "VTIMEZONE": frozenset({"STANDARD", "DAYLIGHT"}),
}
_ZONE_PART = frozenset({"DTSTART", "RRULE", "RDATE", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME"})
#: Which properties are kept in each kept component.
_KEEP_PROPERTIES: dict[str, frozenset[str]] = {
    "VCALENDAR": frozenset({"VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-TIMEZONE"}),
    "VEVENT": frozenset(
        {
            "UID",
            "RECURRENCE-ID",
            "SEQUENCE",
            "SUMMARY",
            "LOCATION",
            "DTSTART",
            "DTEND",
            "DURATION",
            "ORGANIZER",
            "ATTENDEE",
            "STATUS",
            "RRULE",
            "RDATE",
            "EXDATE",
            "X-MICROSOFT-CDO-ALLDAYEVENT",
        }
    ),
    "VTIMEZONE": frozenset({"TZID", "X-LIC-LOCATION"}),
    "STANDARD": _ZONE_PART,
    "DAYLIGHT": _ZONE_PART,
}


@dataclass(frozen=True, slots=True)
class ZonePart:
    """A STANDARD or DAYLIGHT part of a VTIMEZONE: its kept property lines, unparsed."""

    kind: str
    line: int
    properties: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ZoneText:
    """A VTIMEZONE of the file: which VCALENDAR (0-based) it is in, its TZID and parts."""

    calendar: int
    line: int
    tzid: str
    parts: tuple[ZonePart, ...]


@dataclass(frozen=True, slots=True)
class ScanResult:
    text: str
    encoding: str
    notices: tuple[CalendarNotice, ...]
    events: int
    components: int
    zones: tuple[ZoneText, ...] = ()


def read_limited(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, refusing a file over ``MAX_FILE_BYTES`` before reading it."""
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            raise _too_large(size)
        with Path(path).open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)  # the file may grow while we read it
    except OSError as exc:
        raise InvalidCalendarFile(reason="unreadable", detail=exc.strerror or type(exc).__name__) from exc
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data))
    return data


def _too_large(size: int) -> InvalidCalendarFile:
    mb = 1024 * 1024
    return InvalidCalendarFile(
        reason="too_large", size=math.ceil(size * 10 / mb) / 10, limit=MAX_FILE_BYTES // mb
    )


def decode(data: bytes) -> tuple[str, str, list[CalendarNotice]]:
    """(text, encoding, notices); see the module's docstring for the decisions."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data))
    notices: list[CalendarNotice] = []
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and len(data) >= 4:
        if data[0] != 0 and data[1] == 0 and data[3] == 0:
            encoding = "utf-16-le"
        elif data[0] == 0 and data[1] != 0 and data[2] == 0:
            encoding = "utf-16-be"
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InvalidCalendarFile(reason="encoding", detail=f"{encoding}: {exc.reason}") from exc
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise InvalidCalendarFile(reason="binary", line=data.count(b"\n", 0, nul) + 1)
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError as exc:
                raise InvalidCalendarFile(reason="binary", line=data.count(b"\n", 0, exc.start) + 1) from exc
            notices.append(CalendarNotice(reason="cp1252"))
    text = text.removeprefix("\ufeff")
    bad = _CONTROL.search(text)
    if bad is not None:
        raise InvalidCalendarFile(reason="binary", line=text.count("\n", 0, bad.start()) + 1)
    if not text.strip():
        raise InvalidCalendarFile(reason="empty")
    return text, encoding, notices


class _Scanner:
    """One pass over the logical (unfolded) lines; see ``prescan``."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.notices: list[CalendarNotice] = []
        #: (component name, kept?) from the outside in.
        self.stack: list[tuple[str, bool]] = []
        self.components = 0
        self.events = 0
        self.zones = 0
        self.zone_parts = 0
        self.alarms = 0
        self.event_line = 0
        self.seen_calendar = False
        self.calendars = 0
        self.zone_texts: list[ZoneText] = []
        #: the VTIMEZONE being read: its line, TZID, finished parts; and the part being read
        self.zone: tuple[int, list[str], list[ZonePart]] | None = None
        self.part: tuple[str, int, list[str]] | None = None
        # the logical line being read: its first line's number, its parts, their length, and
        # whether it is kept (a line the import does not read is never put together)
        self.line_no = 0
        self.parts: list[str] = []
        self.length = 0
        self.keep = False

    def run(self, text: str) -> None:
        pos, number, end = 0, 0, len(text)
        while pos < end:
            newline = text.find("\n", pos)
            stop = end if newline < 0 else newline
            number += 1
            if text.startswith((" ", "\t"), pos):  # a folded continuation
                if self.line_no == 0:
                    raise InvalidCalendarFile(reason="not_calendar", line=number)
                if self.keep:
                    self._grow(text, pos + 1, stop)
            else:
                self._finish()
                self._start(text, pos, stop, number)
            pos = stop + 1
        self._finish()
        if self.stack:
            raise InvalidCalendarFile(reason="truncated", line=number, expected=self.stack[-1][0])
        if not self.seen_calendar:
            raise InvalidCalendarFile(reason="empty")

    def _start(self, text: str, pos: int, stop: int, number: int) -> None:
        self.line_no, self.parts, self.length = number, [], 0
        head = text[pos : min(stop, pos + 120)].rstrip("\r")
        if not head.strip():
            if stop - pos > len(head) + 1:  # whitespace, then something far along the line
                raise InvalidCalendarFile(reason="bad_line", line=number)
            self.keep = False
            return
        if not self.seen_calendar and not head.upper().startswith("BEGIN:VCALENDAR"):
            raise InvalidCalendarFile(reason="not_calendar", line=number)
        match = _NAME.match(head)
        if match is None:
            raise InvalidCalendarFile(reason="bad_line", line=number)
        name = match.group(1).upper()
        self.keep = name in ("BEGIN", "END") or self._wanted(name)
        if self.keep:
            self._grow(text, pos, stop)

    def _grow(self, text: str, start: int, stop: int) -> None:
        if stop > start and text[stop - 1] == "\r":
            stop -= 1
        self.length += stop - start
        if self.length > MAX_LINE_CHARS:
            raise InvalidCalendarFile(reason="line_too_long", line=self.line_no, limit=MAX_LINE_CHARS)
        self.parts.append(text[start:stop])

    def _wanted(self, name: str) -> bool:
        if not self.stack:
            raise InvalidCalendarFile(reason="bad_line", line=self.line_no)
        component, kept = self.stack[-1]
        return kept and name in _KEEP_PROPERTIES.get(component, frozenset())

    def _finish(self) -> None:
        if not self.keep or not self.parts:
            self.keep = False
            return
        line = "".join(self.parts)
        self.keep, self.parts = False, []
        name, _, value = line.partition(":")
        upper = name.upper()
        if upper == "BEGIN":
            self._begin(value.strip().upper(), line)
        elif upper == "END":
            self._end(value.strip().upper())
        elif upper.startswith(("BEGIN;", "END;")):
            raise InvalidCalendarFile(reason="bad_line", line=self.line_no)
        elif len(name) > MAX_TZID_CHARS and "TZID=" in upper:
            # a 200 KB TZID made zoneinfo look for a file of that name, and the error quoted it
            tzid = name[upper.index("TZID=") + 5 :]
            raise InvalidCalendarFile(reason="unknown_timezone", line=self.line_no, detail=tzid[:60] + "…")
        elif self.part is not None:
            self.part[2].append(line)
        elif self.zone is not None:
            if upper.partition(";")[0] == "TZID":
                if len(value) > MAX_TZID_CHARS:
                    raise InvalidCalendarFile(
                        reason="unknown_timezone", line=self.line_no, detail=value[:60] + "…"
                    )
                self.zone[1].append(value)
        else:
            self.out.append(line)

    def _begin(self, component: str, line: str) -> None:
        if not component or len(component) > 60:
            raise InvalidCalendarFile(reason="bad_line", line=self.line_no)
        if not self.stack and component != "VCALENDAR":
            raise InvalidCalendarFile(reason="not_calendar", line=self.line_no)
        if len(self.stack) >= MAX_DEPTH:
            raise InvalidCalendarFile(reason="too_deep", line=self.line_no, limit=MAX_DEPTH)
        self.components += 1
        if self.components > MAX_COMPONENTS:
            raise InvalidCalendarFile(reason="too_many_components", limit=MAX_COMPONENTS)
        parent = self.stack[-1] if self.stack else None
        kept = (parent is None or parent[1]) and component in _KEEP_CHILDREN.get(
            parent[0] if parent else None, frozenset()
        )
        if component == "VALARM" and parent is not None and parent[0] == "VEVENT":
            self.alarms += 1
        self.stack.append((component, kept))
        self.seen_calendar = True
        if component == "VCALENDAR" and parent is None:
            self.calendars += 1
        if not kept:
            return
        if component == "VTIMEZONE":
            self.zones += 1
            if self.zones > MAX_TIMEZONES:
                raise InvalidCalendarFile(reason="too_many_timezones", line=self.line_no, limit=MAX_TIMEZONES)
            self.zone = (self.line_no, [], [])
            return
        if component in ("STANDARD", "DAYLIGHT"):
            self.zone_parts += 1
            if self.zone_parts > MAX_ZONE_PARTS:
                raise InvalidCalendarFile(
                    reason="too_many_timezones", line=self.line_no, limit=MAX_ZONE_PARTS
                )
            self.part = (component, self.line_no, [])
            return
        self.out.append(f"BEGIN:{component}")
        if component == "VEVENT":
            self.events += 1
            if self.events > MAX_EVENTS:
                raise InvalidCalendarFile(reason="too_many_events", limit=MAX_EVENTS)
            self.alarms, self.event_line = 0, self.line_no
            self.out.append(f"{LINE_PROPERTY}:{self.line_no}")

    def _end(self, component: str) -> None:
        if not self.stack or self.stack[-1][0] != component:
            expected = self.stack[-1][0] if self.stack else "-"
            raise InvalidCalendarFile(
                reason="mismatch", line=self.line_no, found=component or "-", expected=expected
            )
        _, kept = self.stack.pop()
        if not kept:
            return
        if component in ("STANDARD", "DAYLIGHT") and self.part is not None and self.zone is not None:
            kind, line, properties = self.part
            self.zone[2].append(ZonePart(kind, line, tuple(properties)))
            self.part = None
            return
        if component == "VTIMEZONE" and self.zone is not None:
            line, tzids, parts = self.zone
            tzid = tzids[0].strip() if tzids else ""
            self.zone_texts.append(ZoneText(self.calendars - 1, line, tzid, tuple(parts)))
            self.zone = None
            return
        self.out.append(f"END:{component}")
        if component == "VEVENT" and self.alarms > ALARMS_NOTICE:
            self.notices.append(
                CalendarNotice(reason="alarms_dropped", line=self.event_line, count=self.alarms)
            )


def prescan(text: str, encoding: str = "utf-8") -> ScanResult:
    """Check ``text`` (a decoded file) and return the part of it the import reads."""
    scanner = _Scanner()
    scanner.run(text)
    return ScanResult(
        "\r\n".join(scanner.out) + "\r\n",
        encoding,
        tuple(scanner.notices),
        scanner.events,
        scanner.components,
        tuple(scanner.zone_texts),
    )
