"""Reading calendar feeds back in tests: unfolding, parsing with icalendar and vobject, and
expanding a series with dateutil."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from icalendar import Calendar, Event

from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.services.app_services import AppServices


def feed(
    services: AppServices,
    kind: FeedKind,
    target: object = None,
    *,
    privacy: Privacy = Privacy.PUBLIC,
    first: date | None = None,
    last: date | None = None,
    lang: str = "sv",
) -> bytes:
    spec = FeedSpec(kind, None if target is None else str(target))
    return b"".join(services.feeds.stream(spec, privacy=privacy, first=first, last=last, lang=lang))


def unfold(data: bytes) -> str:
    """The feed's text with folded lines joined again (RFC 5545 3.1)."""
    return data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")


def check_lines(data: bytes) -> None:
    """Every physical line ends with CRLF, holds at most 75 octets and is valid UTF-8 alone."""
    assert data.endswith(b"\r\n")
    for line in data[:-2].split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never splits a character
    assert b"\n" not in data.replace(b"\r\n", b"")


def events(data: bytes) -> dict[str, Event]:
    """The VEVENTs by UID, parsed by icalendar; UIDs are unique in a feed."""
    cal = Calendar.from_ical(data)
    found = [e for e in cal.walk("VEVENT")]
    by_uid = {str(e["UID"]): e for e in found}
    assert len(by_uid) == len(found), "a UID appears twice"
    return by_uid


def vobject_events(data: bytes) -> dict[str, Any]:
    """The VEVENTs by UID, parsed by vobject in validating mode."""
    import vobject

    cal = vobject.readOne(data.decode("utf-8"), validate=True)
    return {e.uid.value: e for e in getattr(cal, "vevent_list", [])}


def expand(event: Event) -> list[datetime | date]:
    """The start of every occurrence of ``event`` (RRULE minus EXDATE), expanded by dateutil."""
    from dateutil.rrule import rruleset, rrulestr

    start = event.decoded("DTSTART")
    rules = rruleset()
    rule_text = event["RRULE"].to_ical().decode()
    is_date = not isinstance(start, datetime)
    # dateutil wants a datetime; with an all-day start, UNTIL (a DATE) is read as its midnight
    anchor = datetime.combine(start, datetime.min.time()) if is_date else start
    rules.rrule(rrulestr(rule_text, dtstart=anchor))
    exdates = event.get("EXDATE", [])
    for group in exdates if isinstance(exdates, list) else [exdates]:
        for value in group.dts:
            ex = value.dt
            rules.exdate(datetime.combine(ex, datetime.min.time()) if not isinstance(ex, datetime) else ex)
    out = list(rules)
    return [d.date() for d in out] if is_date else out
