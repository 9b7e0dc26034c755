"""Reading a received notice as a calendar program would: its parts and its iCalendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from typing import Any

import icalendar

from tests.integrations.mail.smtp_server import Received


@dataclass
class Invitation:
    method: str
    part_method: str | None
    uid: str
    sequence: int
    start: datetime
    end: datetime
    status: str
    organizer: str
    attendees: list[str]
    event: Any


def parts(message: Message) -> dict[str, Message]:
    return {p.get_content_type(): p for p in message.walk() if not p.is_multipart()}


def invitation(received: Received) -> Invitation:
    message = received.message
    assert message.get_content_type() == "multipart/alternative"
    calendar_part = parts(message)["text/calendar"]
    payload = calendar_part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    cal = icalendar.Calendar.from_ical(payload)
    events = cal.walk("VEVENT")
    assert len(events) == 1
    ev = events[0]
    attendees = ev.get("ATTENDEE")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    return Invitation(
        method=str(cal["METHOD"]),
        part_method=calendar_part.get_param("method"),
        uid=str(ev["UID"]),
        sequence=int(ev["SEQUENCE"]),
        start=ev.decoded("DTSTART"),
        end=ev.decoded("DTEND"),
        status=str(ev["STATUS"]),
        organizer=str(ev["ORGANIZER"]),
        attendees=[str(a) for a in attendees],
        event=ev,
    )


def text_of(received: Received) -> str:
    part = parts(received.message)["text/plain"]
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode("utf-8")
