"""A person's bookings as a one-off .ics file ("Exportera till kalender" in Mina bokningar).

Small on purpose: one VEVENT per booking, no RRULE for series and no subscription feed (a later
issue builds full calendar feeds). What it gets right is what a calendar program needs to keep
the file's events up to date when it is imported again:

- ``UID`` is the booking's own uid, so the same booking always has the same UID;
- ``SEQUENCE`` is the booking's sequence, raised on each change (a cancellation too), and a
  cancelled booking is written with ``STATUS:CANCELLED``;
- times are local office time with ``TZID=Europe/Stockholm`` and a matching ``VTIMEZONE``.

Texts (summary, location) are in Swedish unless ``lang="en"``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from icalendar import Calendar, Event

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, BookingView
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.integrations.ical.ics_text import OFFICE_NAME as OFFICE_NAME
from satellitkontor.integrations.ical.ics_text import PRODID as PRODID
from satellitkontor.words.texts import label


def summary(booking: BookingView, lang: str = "sv") -> str:
    """'Kontorsplats Plats 3 – förmiddag' for a desk; the room booking's title or 'Konferensrum'."""
    if booking.resource_kind is ResourceKind.ROOM:
        return booking.title or label("room", lang).capitalize()
    text = f"{label('desk', lang).capitalize()} {booking.resource_name}"
    if booking.desk_period is not None:
        text += f" – {label(booking.desk_period.value, lang)}"
    return text


def booking_event(booking: BookingView, stamp: datetime, lang: str = "sv") -> Event:
    """One VEVENT for ``booking``; ``stamp`` (UTC) is the DTSTAMP."""
    event = Event()
    event.add("uid", booking.uid)
    event.add("sequence", booking.sequence)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", clk.to_local(booking.start))
    event.add("dtend", clk.to_local(booking.end))
    event.add("summary", summary(booking, lang))
    event.add("location", f"{OFFICE_NAME}, {booking.resource_name}")
    cancelled = booking.status is BookingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    return event


def build_calendar(
    bookings: Iterable[BookingView], *, calendar_name: str, lang: str = "sv", now: datetime | None = None
) -> Calendar:
    """The VCALENDAR with one VEVENT per booking and the Europe/Stockholm VTIMEZONE."""
    stamp = now or datetime.now(UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", calendar_name)
    cal.add("x-wr-timezone", clk.OFFICE_TZ.key)
    days = []
    for booking in bookings:
        cal.add_component(booking_event(booking, stamp, lang))
        days.append(booking.day)
    if days and hasattr(cal, "add_missing_timezones"):  # icalendar >= 6.1
        # Only the transitions around the bookings, not 1970–2038.
        cal.add_missing_timezones(
            first_date=min(days) - timedelta(days=366), last_date=max(days) + timedelta(days=366)
        )
    return cal


def write_personal_ics(
    bookings: Iterable[BookingView],
    out: BinaryIO | str | os.PathLike[str],
    *,
    calendar_name: str,
    lang: str = "sv",
    now: datetime | None = None,
) -> int:
    """Write ``bookings`` as an .ics file to ``out`` (a path or a binary file); return the count.

    A path is written whole or not at all: to a temporary file beside it, then renamed.
    """
    cal = build_calendar(bookings, calendar_name=calendar_name, lang=lang, now=now)
    data = cal.to_ical()
    count = len(cal.events)
    if isinstance(out, (str, os.PathLike)):
        path = Path(out)
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    else:
        out.write(data)
    return count
