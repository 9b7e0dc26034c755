"""Reading property values of an imported VEVENT (icalendar objects) into plain values, and
comparing the moments of a series (dates for all-day events, aware datetimes otherwise)."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from satellitkontor.integrations.ical.ics_model import Party

Moment = datetime | date


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value).split())


def as_int(value: Any, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def value_of(ev: Any, name: str) -> str:
    prop = ev.get(name)
    if prop is None:
        return name
    try:
        raw = prop.to_ical()
        shown = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    except Exception:  # a broken value may not even serialise: name it instead
        shown = str(prop)
    return f"{name}:{shown[:60]}"


def tzid(prop: Any) -> str:
    params = getattr(prop, "params", None)
    return str(params.get("TZID", "")).strip() if params is not None else ""


def is_floating(prop: Any) -> bool:
    value = getattr(prop, "dt", None)
    return isinstance(value, datetime) and value.tzinfo is None and not tzid(prop)


def party(value: Any) -> Party | None:
    if value is None:
        return None
    raw = str(value).strip()
    email = raw[7:] if raw.lower().startswith("mailto:") else raw
    email = email.strip().lower()
    if "@" not in email or len(email) > 254 or any(c.isspace() for c in email):
        email = ""
    params = getattr(value, "params", {}) or {}
    name = " ".join(str(params.get("CN", "")).split()).strip('"')
    if not email and not name:
        return None
    return Party(
        email=email,
        name=name,
        cutype=str(params.get("CUTYPE", "INDIVIDUAL")).upper(),
        role=str(params.get("ROLE", "REQ-PARTICIPANT")).upper(),
        partstat=str(params.get("PARTSTAT", "NEEDS-ACTION")).upper(),
    )


def outlook_all_day(ev: Any, start: Moment, end: Moment) -> tuple[Moment, Moment]:
    flag = as_text(ev.get("X-MICROSOFT-CDO-ALLDAYEVENT")).upper()
    if (
        flag == "TRUE"
        and isinstance(start, datetime)
        and isinstance(end, datetime)
        and start.time() == time(0)
        and end.time() == time(0)
        and end > start
    ):
        return start.date(), end.date()
    return start, end


def made_up_uid(start: Moment, summary: str, location: str) -> str:
    """A stable identity for an event without UID: the same event gives the same one."""
    digest = hashlib.sha256(f"{iso(start)}|{summary}|{location}".encode()).hexdigest()[:32]
    return f"utan-uid-{digest}"


def iso(moment: Moment) -> str:
    return moment.isoformat()


def shown(moment: Moment) -> str:
    """A moment as the file gave it, for messages: '2026-11-24 15:00' or '2026-11-24'."""
    return moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else moment.isoformat()


def occurrence_key(moment: Moment | None) -> tuple[str, Any]:
    """What identifies an occurrence: its instant, or its day for all-day events."""
    if isinstance(moment, datetime):
        return ("t", moment.astimezone(UTC))
    return ("d", moment)


def sort_key(moment: Moment) -> datetime:
    if isinstance(moment, datetime):
        return moment.astimezone(UTC)
    return datetime.combine(moment, time(0), tzinfo=UTC)


def before(a: Moment, b: Moment) -> bool:
    return sort_key(a) < sort_key(b)


def length(start: Moment, end: Moment) -> timedelta:
    if isinstance(start, datetime) and isinstance(end, datetime):
        if start.tzinfo is end.tzinfo:
            return end.replace(tzinfo=None) - start.replace(tzinfo=None)  # wall-clock length
        return end - start
    return day_of(end) - day_of(start)


def day_of(moment: Moment) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def until_day(until: date | datetime) -> date:
    return until.date() if isinstance(until, datetime) else until


def after_until(moment: Moment, until: date | datetime) -> bool:
    if isinstance(moment, datetime):
        if isinstance(until, datetime):
            if until.tzinfo is None:
                return moment.replace(tzinfo=None) > until
            return moment > until
        return moment.date() > until
    return moment > until_day(until)
