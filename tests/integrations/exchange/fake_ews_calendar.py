"""The calendar-wide EWS operations of the fake server: SyncFolderItems (sync states on the
store's change journal), GetUserAvailability with GetServerTimeZones, GetRoomLists and GetRooms."""

from __future__ import annotations

import base64
from collections.abc import Callable

from lxml import etree

from tests.integrations.exchange.fake_ews_ops import OPERATIONS as ITEM_OPERATIONS
from tests.integrations.exchange.fake_ews_ops import Call, EwsError, error_message, messages_of
from tests.integrations.exchange.fake_ews_shape import Shape
from tests.integrations.exchange.fake_ews_xml import (
    NSMAP,
    calendar_item,
    el,
    ews_time,
    find,
    message,
    parse_time,
    sub,
    text,
    utc_definition,
)


def _state(mailbox: str, seq: int) -> str:
    return base64.b64encode(f"{mailbox}|{seq}".encode()).decode()


def sync_folder_items(call: Call, body: etree._Element) -> etree._Element:
    response, msgs = messages_of("SyncFolderItems")
    mailbox = call.folder_mailbox(find(body, "m:SyncFolderId/*"))
    call.mailbox = mailbox
    try:
        call.check(mailbox)
        state = text(body, "m:SyncState")
        since = 0
        if state:
            try:
                owner, _, seq = base64.b64decode(state).decode().partition("|")
                since = int(seq)
            except ValueError:
                raise EwsError(
                    "ErrorInvalidSyncStateData", "Synchronization state data is corrupt or otherwise invalid."
                ) from None
            if owner != mailbox or call.store.is_expired(mailbox, since):
                raise EwsError(
                    "ErrorInvalidSyncStateData", "Synchronization state data is corrupt or otherwise invalid."
                )
        limit = int(text(body, "m:MaxChangesReturned", "100"))
        changes, point, more = call.store.changes(mailbox, since, limit)
    except EwsError as e:
        msgs.append(error_message("SyncFolderItems", e))
        return response
    msg = message("SyncFolderItems")
    shape = Shape.of(body)
    sub(msg, "m:SyncState", _state(mailbox, point))
    sub(msg, "m:IncludesLastItemInRange", "false" if more else "true")
    container = sub(msg, "m:Changes")
    for kind, event_id, event in changes:
        change = sub(container, f"t:{kind.capitalize()}")
        if event is None:
            sub(change, "t:ItemId", Id=event_id, ChangeKey="AAAA")
        else:
            change.append(shape.prune(calendar_item(event, call.defs)))
    msgs.append(msg)
    return response


def get_user_availability(call: Call, body: etree._Element) -> etree._Element:
    response = el("m:GetUserAvailabilityResponse")
    array = sub(response, "m:FreeBusyResponseArray")
    window = find(body, "t:FreeBusyViewOptions/t:TimeWindow")
    start, end = parse_time(text(window, "t:StartTime")), parse_time(text(window, "t:EndTime"))
    for data in body.iterfind(".//t:MailboxData", namespaces=NSMAP):
        mailbox = text(data, "t:Email/t:Address").lower()
        call.mailbox = call.mailbox or mailbox
        answer = sub(array, "m:FreeBusyResponse")
        if mailbox not in call.store.mailboxes:
            msg = el("m:ResponseMessage", ResponseClass="Error")
            sub(msg, "m:MessageText", f"No mailbox with such guid or SMTP address: {mailbox}")
            sub(msg, "m:ResponseCode", "ErrorMailRecipientNotFound")
            answer.append(msg)
            continue
        msg = el("m:ResponseMessage", ResponseClass="Success")
        sub(msg, "m:ResponseCode", "NoError")
        answer.append(msg)
        view = sub(answer, "m:FreeBusyView")
        sub(view, "t:FreeBusyViewType", "Detailed")
        events = sub(view, "t:CalendarEventArray")
        for event in call.store.busy(mailbox, start, end):
            cal = sub(events, "t:CalendarEvent")
            sub(cal, "t:StartTime", ews_time(event.start).rstrip("Z"))
            sub(cal, "t:EndTime", ews_time(event.end).rstrip("Z"))
            sub(cal, "t:BusyType", "Tentative" if event.my_response == "Tentative" else "Busy")
    return response


def get_server_time_zones(call: Call, body: etree._Element) -> etree._Element:
    response, msgs = messages_of("GetServerTimeZones")
    msg = message("GetServerTimeZones")
    sub(msg, "m:TimeZoneDefinitions").append(utc_definition())
    msgs.append(msg)
    return response


def get_room_lists(call: Call, body: etree._Element) -> etree._Element:
    response = el("m:GetRoomListsResponse", ResponseClass="Success")
    sub(response, "m:ResponseCode", "NoError")
    lists = sub(response, "m:RoomLists")
    for address in call.store.room_lists:
        lists.append(_address("t:Address", address, address.split("@")[0], "PublicDL"))
    return response


def get_rooms(call: Call, body: etree._Element) -> etree._Element:
    wanted = text(body, "m:RoomList/t:EmailAddress").lower()
    if wanted not in call.store.room_lists:
        response = el("m:GetRoomsResponse", ResponseClass="Error")
        sub(response, "m:MessageText", "The room list is not found.")
        sub(response, "m:ResponseCode", "ErrorNameResolutionNoResults")
        return response
    response = el("m:GetRoomsResponse", ResponseClass="Success")
    sub(response, "m:ResponseCode", "NoError")
    rooms = sub(response, "m:Rooms")
    for email in call.store.room_lists[wanted]:
        box = call.store.mailbox(email)
        sub(rooms, "t:Room").append(_address("t:Id", box.email, box.name, "Mailbox"))
    return response


def _address(tag: str, email: str, name: str, kind: str) -> etree._Element:
    node = el(tag)
    sub(node, "t:Name", name)
    sub(node, "t:EmailAddress", email)
    sub(node, "t:RoutingType", "SMTP")
    sub(node, "t:MailboxType", kind)
    return node


OPERATIONS: dict[str, Callable[[Call, etree._Element], etree._Element]] = {
    **ITEM_OPERATIONS,
    "SyncFolderItems": sync_folder_items,
    "GetUserAvailabilityRequest": get_user_availability,
    "GetServerTimeZones": get_server_time_zones,
    "GetRoomLists": get_room_lists,
    "GetRooms": get_rooms,
}
