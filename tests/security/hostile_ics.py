"""Hostile .ics files too large to keep in the repository, made from a recipe (the small ones
are in tests/security/ics/). Each recipe is one that kept the reader busy for minutes or ate
memory without limit (issue 20, items 3 and 4)."""

from __future__ import annotations

from collections.abc import Callable

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n"
TAIL = "END:VCALENDAR\r\n"


def _event(uid: str, start: str, extra: str = "", tzid: str = "") -> str:
    tz = f";TZID={tzid}" if tzid else ""
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART{tz}:{start}T100000\r\nDTEND{tz}:{start}T110000\r\n"
        f"SUMMARY:x\r\n{extra}END:VEVENT\r\n"
    )


def zone_with_1000_yearly_parts() -> str:
    """A VTIMEZONE of 1,000 STANDARD/DAYLIGHT parts, each YEARLY from the year 1 (145 s)."""
    parts = "".join(
        f"BEGIN:{kind}\r\nDTSTART:00010101T0{i % 10}0000\r\nRRULE:FREQ=YEARLY\r\n"
        f"TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0{i % 2 + 1}00\r\nEND:{kind}\r\n"
        for i, kind in ((i, "STANDARD" if i % 2 else "DAYLIGHT") for i in range(1000))
    )
    zone = f"BEGIN:VTIMEZONE\r\nTZID:Many\r\n{parts}END:VTIMEZONE\r\n"
    return HEAD + zone + _event("a", "20261201", tzid="Many") + TAIL


def series_never_matching_20000() -> str:
    """20,000 series whose rule matches no day (30 February), each from 1980 (438 s)."""
    rule = "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\n"
    return HEAD + "".join(_event(f"n{i}", "19800105", rule) for i in range(20_000)) + TAIL


def series_2000_from_1980() -> str:
    """2,000 weekly series from 1980 without end (94 s)."""
    rule = "RRULE:FREQ=WEEKLY;BYDAY=MO\r\n"
    return HEAD + "".join(_event(f"s{i}", "19800107", rule) for i in range(2_000)) + TAIL


def zone_rule_every_day_from_1601() -> str:
    """A zone part that changes every day from 1601, with COUNT (it cannot be skipped)."""
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Daily\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
        "RRULE:FREQ=DAILY;COUNT=1000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\n"
        "END:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    return HEAD + zone + "".join(_event(f"d{i}", f"{2026 - i}1201", tzid="Daily") for i in range(400)) + TAIL


def tzid_of_200_kb() -> str:
    """A TZID of 200 KB: zoneinfo looked for a file of that name and the message quoted it."""
    tzid = "A" * 200_000
    return HEAD + _event("t", "20261201", tzid=tzid) + TAIL


def zone_tzid_of_200_kb() -> str:
    """The same TZID described by a VTIMEZONE of its own."""
    tzid = "B" * 200_000
    zone = (
        f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    return HEAD + zone + _event("t", "20261201", tzid=tzid) + TAIL


RECIPES: dict[str, Callable[[], str]] = {
    "tzid_of_200_kb.ics": tzid_of_200_kb,
    "zone_tzid_of_200_kb.ics": zone_tzid_of_200_kb,
    "zone_with_1000_yearly_parts.ics": zone_with_1000_yearly_parts,
    "series_never_matching_20000.ics": series_never_matching_20000,
    "series_2000_from_1980.ics": series_2000_from_1980,
    "zone_rule_every_day_from_1601.ics": zone_rule_every_day_from_1601,
}
