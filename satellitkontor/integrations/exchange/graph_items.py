"""Our bookings as Graph event JSON, and Graph events back as :class:`RemoteEvent`.

The booking id and sequence travel as single-value extended properties in the same property set as
on EWS (``String {guid} Name SatellitkontorBookingId``), so an event pushed by one backend is found
by the other. Graph makes the event's iCalUId itself (it cannot be set); it is returned in the push
result for matching the room's copy. ``transactionId`` makes Graph itself drop a repeated POST of
the same version of a booking.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from urllib.parse import quote

from satellitkontor.domain import clock as clk
from satellitkontor.integrations.exchange.backend import AttendeeResponse, PushItem, RemoteEvent, Response

PROPERTY_SET_ID = "7f3c2a4e-1b6d-4c8e-9a51-5d0e6b2f8c13"  # the same as ews_items.PROPERTY_SET_ID
BOOKING_ID_PROPERTY = f"String {{{PROPERTY_SET_ID}}} Name SatellitkontorBookingId"
SEQUENCE_PROPERTY = f"Integer {{{PROPERTY_SET_ID}}} Name SatellitkontorSequence"

#: $select for what pull and status read; the extended properties come with $expand.
SELECT = (
    "id,changeKey,iCalUId,subject,start,end,location,organizer,isCancelled,"
    "lastModifiedDateTime,responseStatus,attendees,type,isAllDay,seriesMasterId"
)
EXPAND = (
    f"singleValueExtendedProperties($filter=id eq '{BOOKING_ID_PROPERTY}' or id eq '{SEQUENCE_PROPERTY}')"
)

_RESPONSES = {
    "accepted": Response.ACCEPTED,
    "declined": Response.DECLINED,
    "tentativelyAccepted": Response.TENTATIVE,
}


def user_path(mailbox: str) -> str:
    return f"/users/{quote(mailbox)}"


def graph_time(moment: datetime) -> dict[str, str]:
    return {"dateTime": moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"}


def parse_time(value: Any) -> datetime | None:
    """A Graph dateTimeTimeZone (always asked for in UTC) or an ISO string as aware UTC."""
    if not value:
        return None
    text = value.get("dateTime", "") if isinstance(value, dict) else str(value)
    if not text:
        return None
    text = text.replace("Z", "+00:00")
    head, dot, fraction = text.partition(".")
    if dot:  # Graph sends seven fraction digits; Python reads six
        digits = "".join(c for c in fraction if c.isdigit())
        zone = fraction[len(digits) :]
        text = f"{head}.{digits[:6]}{zone}"
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def all_day_bounds(event: dict[str, Any]) -> tuple[datetime | None, datetime | None]:
    """An all-day event's first day and the day after its last, as the office's local midnights.

    Graph gives an all-day event's start and end as dates at 00:00 in the event's own ``timeZone``
    (not shifted to the asked-for UTC): the date is what counts, not the instant."""
    days = []
    for key in ("start", "end"):
        value = event.get(key)
        text = value.get("dateTime", "") if isinstance(value, dict) else ""
        days.append(date.fromisoformat(text[:10]) if len(text) >= 10 else None)
    first, after = days
    return (
        clk.local(first, time(0, 0)) if first is not None else None,
        clk.local(after, time(0, 0)) if after is not None else None,
    )


def event_json(item: PushItem, new: bool) -> dict[str, Any]:
    attendees = [{"emailAddress": {"address": m}, "type": "required"} for m in item.attendees]
    attendees += [{"emailAddress": {"address": m}, "type": "resource"} for m in item.resources]
    body: dict[str, Any] = {
        "subject": item.subject,
        "body": {"contentType": "text", "content": item.body},
        "start": graph_time(item.start),
        "end": graph_time(item.end),
        "location": {"displayName": item.location},
        "attendees": attendees,
        "showAs": "busy",
        "singleValueExtendedProperties": [
            {"id": BOOKING_ID_PROPERTY, "value": item.tag},
            {"id": SEQUENCE_PROPERTY, "value": str(item.sequence)},
        ],
    }
    if new:
        office = f"{item.office[:32]}-" if item.office else ""
        body["transactionId"] = f"satellitkontor-{office}{item.booking_id}-{item.sequence}"[:100]
    return body


def _extended(event: dict[str, Any], prop: str) -> str | None:
    for entry in event.get("singleValueExtendedProperties") or ():
        if str(entry.get("id", "")).lower() == prop.lower():
            return str(entry.get("value"))
    return None


def remote_event(mailbox: str, event: dict[str, Any]) -> RemoteEvent:
    if "@removed" in event:
        return RemoteEvent(remote_id=str(event["id"]), mailbox=mailbox, is_deleted=True)
    organizer = str((event.get("organizer") or {}).get("emailAddress", {}).get("address", "")).lower()
    organizer_name = str((event.get("organizer") or {}).get("emailAddress", {}).get("name", "") or "")
    all_day = bool(event.get("isAllDay"))
    if all_day:
        start, end = all_day_bounds(event)
    else:
        start, end = parse_time(event.get("start")), parse_time(event.get("end"))
    resources = tuple(
        AttendeeResponse(
            str(a.get("emailAddress", {}).get("address", "")).lower(),
            _RESPONSES.get(str((a.get("status") or {}).get("response", "")), Response.NONE),
        )
        for a in event.get("attendees") or ()
        if a.get("type") == "resource"
    )
    own = _RESPONSES.get(str((event.get("responseStatus") or {}).get("response", "")), Response.NONE)
    room = (
        own
        if organizer and organizer != mailbox.lower()
        else (resources[0].response if resources else Response.NONE)
    )
    sequence = _extended(event, SEQUENCE_PROPERTY)
    return RemoteEvent(
        remote_id=str(event["id"]),
        mailbox=mailbox,
        change_key=event.get("changeKey"),
        booking_id=_extended(event, BOOKING_ID_PROPERTY),
        sequence=int(sequence) if sequence not in (None, "") else None,
        ical_uid=event.get("iCalUId"),
        subject=event.get("subject") or "",
        organizer=organizer,
        organizer_name=organizer_name,
        location=str((event.get("location") or {}).get("displayName") or ""),
        start=start,
        end=end,
        all_day=all_day,
        is_cancelled=bool(event.get("isCancelled")),
        last_modified=parse_time(event.get("lastModifiedDateTime")),
        room_response=room,
        resource_responses=resources,
    )
