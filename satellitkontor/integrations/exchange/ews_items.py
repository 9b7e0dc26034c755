"""Our bookings as exchangelib calendar items, and calendar items back as :class:`RemoteEvent`.

Our events carry two custom MAPI named properties in a property set of our own (a fixed GUID, so
every installation finds the events of every other): ``SatellitkontorBookingId`` (the booking id,
what a retried push looks for) and ``SatellitkontorSequence`` (which version of the booking the
event shows). They are registered on exchangelib's ``CalendarItem`` once, when this module is
imported (exchangelib keeps registrations on the class).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from exchangelib import Attendee, CalendarItem, ExtendedProperty, Mailbox
from exchangelib.ewsdatetime import UTC as EWS_UTC
from exchangelib.ewsdatetime import EWSDateTime
from exchangelib.properties import ItemId

from satellitkontor.domain import clock as clk
from satellitkontor.integrations.exchange.backend import (
    AttendeeResponse,
    PushItem,
    RemoteEvent,
    Response,
)

PROPERTY_SET_ID = "7f3c2a4e-1b6d-4c8e-9a51-5d0e6b2f8c13"
BOOKING_ID_FIELD = "satellitkontor_booking_id"
SEQUENCE_FIELD = "satellitkontor_sequence"


class BookingIdProperty(ExtendedProperty):  # type: ignore[misc]
    property_set_id = PROPERTY_SET_ID
    property_name = "SatellitkontorBookingId"
    property_type = "String"


class SequenceProperty(ExtendedProperty):  # type: ignore[misc]
    property_set_id = PROPERTY_SET_ID
    property_name = "SatellitkontorSequence"
    property_type = "Integer"


def register_properties() -> None:
    known = {f.name for f in CalendarItem.FIELDS}
    if BOOKING_ID_FIELD not in known:
        CalendarItem.register(BOOKING_ID_FIELD, BookingIdProperty)
    if SEQUENCE_FIELD not in known:
        CalendarItem.register(SEQUENCE_FIELD, SequenceProperty)


register_properties()

#: What a pushed event consists of (the fields an update writes).
PUSHED_FIELDS = (
    "subject",
    "body",
    "start",
    "end",
    "location",
    "required_attendees",
    "resources",
    "legacy_free_busy_status",
    BOOKING_ID_FIELD,
    SEQUENCE_FIELD,
)
#: What pull reads (only fields SyncFolderItems and FindItem can return: no attendees, no body).
PULLED_FIELDS = (
    "subject",
    "start",
    "end",
    "location",
    "organizer",
    "uid",
    "is_cancelled",
    "last_modified_time",
    "my_response_type",
    "is_all_day",
    "_start_timezone",
    "type",
    BOOKING_ID_FIELD,
    SEQUENCE_FIELD,
)
#: What status() reads with GetItem (the resources' answers too).
STATUS_FIELDS = (*PULLED_FIELDS, "resources")

_RESPONSES = {
    "Accept": Response.ACCEPTED,
    "Decline": Response.DECLINED,
    "Tentative": Response.TENTATIVE,
}


def ews_time(moment: dt.datetime) -> EWSDateTime:
    return EWSDateTime.from_datetime(moment.astimezone(dt.UTC)).astimezone(EWS_UTC)


def utc(moment: Any) -> dt.datetime | None:
    if moment is None:
        return None
    if not isinstance(moment, dt.datetime):  # an all-day event's EWSDate: the office's midnight
        return clk.local(dt.date(moment.year, moment.month, moment.day), dt.time(0, 0))
    return dt.datetime.fromtimestamp(moment.timestamp(), tz=dt.UTC)


def _all_day_bounds(item: Any) -> tuple[dt.datetime | None, dt.datetime | None]:
    """An all-day item's first day and the day after its last, as the office's local midnights.

    exchangelib turns the start and end of an all-day item into dates in the item's own time
    zone (``StartTimeZone``, asked for in the pull) and takes a day off the end, so the last day
    is the end date itself."""
    start, end = item.start, item.end
    if isinstance(start, dt.datetime):  # no time zone came back: the office's own days
        start = clk.to_local(start).date()
    if isinstance(end, dt.datetime):
        end = clk.to_local(end).date() - dt.timedelta(days=1)
    first = utc(start)
    after = utc(dt.date(end.year, end.month, end.day) + dt.timedelta(days=1)) if end is not None else None
    return first, after


def calendar_item(
    account: Any, folder: Any, item: PushItem, remote: tuple[str, str | None] | None = None
) -> Any:
    """The exchangelib item for ``item``; with ``remote`` (id, change key) one that updates it."""
    fields: dict[str, Any] = {
        "subject": item.subject,
        "body": item.body or None,
        "start": ews_time(item.start),
        "end": ews_time(item.end),
        "location": item.location or None,
        "required_attendees": [Attendee(mailbox=Mailbox(email_address=m)) for m in item.attendees] or None,
        "resources": [Attendee(mailbox=Mailbox(email_address=m)) for m in item.resources] or None,
        "legacy_free_busy_status": "Busy",
        BOOKING_ID_FIELD: item.tag,
        SEQUENCE_FIELD: item.sequence,
    }
    if remote is None:
        return CalendarItem(account=account, folder=folder, uid=item.uid, **fields)
    return CalendarItem(account=account, folder=folder, id=remote[0], changekey=remote[1], **fields)


def response(value: str | None) -> Response:
    return _RESPONSES.get(value or "", Response.NONE)


def is_master(item: Any) -> bool:
    return getattr(item, "type", None) == "RecurringMaster"


def is_occurrence(item: Any) -> bool:
    """An occurrence (or a modified one, an exception) of a recurring series."""
    return getattr(item, "type", None) in ("Occurrence", "Exception")


def remote_event(mailbox: str, item: Any, series_id: str | None = None) -> RemoteEvent:
    """A :class:`RemoteEvent` from a CalendarItem, or a deleted one from an ItemId."""
    if isinstance(item, ItemId):
        return RemoteEvent(remote_id=item.id, mailbox=mailbox, is_deleted=True)
    organizer = (item.organizer.email_address or "").lower() if item.organizer else ""
    organizer_name = (item.organizer.name or "") if item.organizer else ""
    all_day = bool(getattr(item, "is_all_day", False))
    start, end = _all_day_bounds(item) if all_day else (utc(item.start), utc(item.end))
    resources = tuple(
        AttendeeResponse((a.mailbox.email_address or "").lower(), response(a.response_type))
        for a in (getattr(item, "resources", None) or ())
        if a.mailbox is not None
    )
    if organizer and organizer != mailbox.lower():
        room = response(item.my_response_type)  # the room's (or desk's) own answer in its calendar
    else:
        room = resources[0].response if resources else Response.NONE
    sequence = getattr(item, SEQUENCE_FIELD, None)
    return RemoteEvent(
        remote_id=item.id,
        mailbox=mailbox,
        change_key=item.changekey,
        booking_id=getattr(item, BOOKING_ID_FIELD, None) or None,
        sequence=int(sequence) if sequence is not None else None,
        ical_uid=item.uid,
        subject=item.subject or "",
        organizer=organizer,
        organizer_name=organizer_name,
        location=item.location or "",
        start=start,
        end=end,
        all_day=all_day,
        is_cancelled=bool(item.is_cancelled),
        last_modified=utc(item.last_modified_time),
        room_response=room,
        resource_responses=resources,
        series_id=series_id,
    )
