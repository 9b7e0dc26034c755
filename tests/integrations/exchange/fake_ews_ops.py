"""The item operations of the fake EWS server (GetFolder, CreateItem, UpdateItem, DeleteItem,
GetItem, FindItem with the restrictions exchangelib's filters produce), on the shared
:class:`FakeExchange` mailboxes. The calendar-wide ones are in fake_ews_calendar.py.

Each handler takes the operation's element of the SOAP body and returns the response element.
Mailboxes are found the way Exchange finds them: the ``<t:Mailbox>`` of a DistinguishedFolderId,
the impersonated mailbox, the account that signed in, or the item's own mailbox for ItemIds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from lxml import etree

from tests.integrations.exchange.fake_ews_shape import Shape
from tests.integrations.exchange.fake_ews_xml import (
    ExtendedDefs,
    calendar_item,
    el,
    find,
    message,
    parse_time,
    read_calendar_item,
    sub,
    text,
)
from tests.integrations.exchange.fake_store import (
    ConflictError,
    Event,
    FakeExchange,
    NotFoundError,
)


class EwsError(Exception):
    """A per-message error: ResponseCode and text."""

    def __init__(self, code: str, text_: str = "") -> None:
        super().__init__(code)
        self.code, self.text = code, text_ or code


class Call:
    """One request: who is asking, as whom, and the store."""

    def __init__(self, store: FakeExchange, defs: ExtendedDefs, user_mailbox: str, impersonated: str | None):
        self.store, self.defs = store, defs
        self.user_mailbox, self.impersonated = user_mailbox, impersonated
        self.force_conflict = False
        self.mailbox = ""  # the mailbox the request is about (for logging and failure switches)

    # --- mailboxes ----------------------------------------------------------------------------
    def default_mailbox(self) -> str:
        return (self.impersonated or self.user_mailbox).lower()

    def folder_mailbox(self, folder: etree._Element | None) -> str:
        if folder is None:
            return self.default_mailbox()
        local = etree.QName(folder).localname
        if local == "FolderId":
            return (folder.get("Id") or "::").split(":", 2)[2]
        return (text(folder, "t:Mailbox/t:EmailAddress") or self.default_mailbox()).lower()

    def check(self, mailbox: str) -> None:
        if mailbox not in self.store.mailboxes:
            raise EwsError("ErrorNonExistentMailbox", f"No mailbox with such guid or SMTP address: {mailbox}")
        if mailbox in self.store.denied:
            raise EwsError("ErrorAccessDenied", "Access is denied. Check credentials and try again.")

    def item_mailbox(self, item_id: str) -> str:
        master = item_id.partition("OCC")[0]  # an occurrence's id names its master
        for box in self.store.mailboxes.values():
            if item_id in box.events or item_id in box.gone or master in box.events:
                return box.email
        raise EwsError("ErrorItemNotFound", "The specified object was not found in the store.")


def children(node: etree._Element | None, path: str) -> list[etree._Element]:
    found = find(node, path)
    return list(found) if found is not None else []


def messages_of(operation: str) -> tuple[etree._Element, etree._Element]:
    response = el(f"m:{operation}Response")
    return response, sub(response, "m:ResponseMessages")


def error_message(operation: str, error: EwsError) -> etree._Element:
    return message(operation, error.code, error.text)


def get_folder(call: Call, body: etree._Element) -> etree._Element:
    response, msgs = messages_of("GetFolder")
    for folder in children(body, "m:FolderIds"):
        mailbox = call.folder_mailbox(folder)
        call.mailbox = call.mailbox or mailbox
        try:
            call.check(mailbox)
        except EwsError as e:
            msgs.append(error_message("GetFolder", e))
            continue
        name = folder.get("Id") or ""
        kind = "calendar" if "calendar" in name else "root"
        msg = message("GetFolder")
        container = sub(sub(msg, "m:Folders"), "t:CalendarFolder" if kind == "calendar" else "t:Folder")
        sub(container, "t:FolderId", Id=f"F:{kind}:{mailbox}", ChangeKey="AQAAAA==")
        if kind == "calendar":
            sub(container, "t:ParentFolderId", Id=f"F:root:{mailbox}", ChangeKey="AQAAAA==")
        sub(container, "t:FolderClass", "IPF.Appointment" if kind == "calendar" else "IPF.Note")
        sub(container, "t:DisplayName", "Kalender" if kind == "calendar" else "Root")
        sub(container, "t:TotalCount", len(call.store.mailbox(mailbox).events))
        sub(container, "t:ChildFolderCount", 0)
        sub(container, "t:DistinguishedFolderId", kind)
        msgs.append(msg)
    return response


def create_item(call: Call, body: etree._Element) -> etree._Element:
    response, msgs = messages_of("CreateItem")
    mailbox = call.folder_mailbox(find(body, "m:SavedItemFolderId/*"))
    call.mailbox = mailbox
    invite = body.get("SendMeetingInvitations", "SendToNone") != "SendToNone"
    for node in children(body, "m:Items"):
        if etree.QName(node).localname == "Message":
            msgs.append(_send_message(call, body, node, mailbox))
            continue
        try:
            call.check(mailbox)
            fields = read_calendar_item(node, call.defs)
            subject, start, end = fields.pop("subject", ""), fields.pop("start"), fields.pop("end")
            resources, required = fields.pop("resources", []), fields.pop("required", [])
            event = call.store.create(
                mailbox, subject, start, end, resources=resources, required=required,
                send_invitations=invite, **fields,
            )  # fmt: skip
        except EwsError as e:
            msgs.append(error_message("CreateItem", e))
            continue
        msg = message("CreateItem")
        sub(msg, "m:Items").append(calendar_item(event, call.defs, id_only=True))
        msgs.append(msg)
    return response


def _send_message(call: Call, body: etree._Element, node: etree._Element, mailbox: str) -> etree._Element:
    """CreateItem of a ``t:Message`` ("CreateItem operation (email message)"): with
    ``MessageDisposition="SendOnly"`` it is sent and not saved, and the answer's ``m:Items`` is
    empty (no item id is returned). MessageDisposition is required for messages. This fake sends
    only messages given as ``t:MimeContent`` (base64 of the MIME stream, RFC 2045), the way the
    notices do; recipients come from the MIME headers."""
    import base64
    import binascii
    from email import message_from_bytes

    disposition = body.get("MessageDisposition")
    try:
        call.check(mailbox)
        if disposition not in ("SendOnly", "SendAndSaveCopy", "SaveOnly"):
            raise EwsError("ErrorInvalidRequest", "MessageDisposition is required for e-mail messages.")
        if disposition == "SaveOnly":
            raise EwsError("ErrorInvalidOperation", "The fake keeps no drafts.")
        mime = text(node, "t:MimeContent")
        if not mime:
            raise EwsError("ErrorInvalidRequest", "The fake sends only MIME content.")
        try:
            data = base64.b64decode(mime, validate=True)
        except binascii.Error as e:
            raise EwsError("ErrorMimeContentConversionFailed", "The MIME content is not valid base64.") from e
        if not message_from_bytes(data).get_all("To"):
            raise EwsError("ErrorInvalidRecipients", "At least one recipient isn't valid.")
    except EwsError as e:
        return error_message("CreateItem", e)
    call.store.send_mail("ews", mailbox, data)
    msg = message("CreateItem")
    sub(msg, "m:Items")
    return msg


#: UpdateItem field URIs -> store field names.
_FIELD_URIS = {
    "item:Subject": "subject",
    "item:Body": "body",
    "calendar:Start": "start",
    "calendar:End": "end",
    "calendar:Location": "location",
    "calendar:UID": "uid",
    "calendar:RequiredAttendees": "required",
    "calendar:Resources": "resources",
    "calendar:IsCancelled": "is_cancelled",
}


def update_item(call: Call, body: etree._Element) -> etree._Element:
    response, msgs = messages_of("UpdateItem")
    overwrite = body.get("ConflictResolution") == "AlwaysOverwrite"
    for change in children(body, "m:ItemChanges"):
        id_el = find(change, "t:ItemId")
        assert id_el is not None
        item_id, change_key = id_el.get("Id") or "", id_el.get("ChangeKey")
        try:
            mailbox = call.item_mailbox(item_id)
            call.mailbox = call.mailbox or mailbox
            call.check(mailbox)
            changes: dict[str, object] = {}
            extended = dict(call.store.get(mailbox, item_id).extended)
            for update in children(change, "t:Updates"):
                local = etree.QName(update).localname
                uri = find(update, "t:FieldURI")
                ext = find(update, "t:ExtendedFieldURI")
                if ext is not None:
                    name = ext.get("PropertyName") or ""
                    if local == "DeleteItemField":
                        extended.pop(name, None)
                    else:
                        item = find(update, "t:CalendarItem")
                        assert item is not None
                        extended.update(read_calendar_item(item, call.defs).get("extended", {}))
                    changes["extended"] = extended
                    continue
                assert uri is not None
                field = _FIELD_URIS.get(uri.get("FieldURI") or "")
                if field is None:  # time zones, reminders, ...: not modelled
                    continue
                if local == "DeleteItemField":
                    changes[field] = [] if field in ("required", "resources") else ""
                    continue
                item = find(update, "t:CalendarItem")
                assert item is not None
                changes.update(read_calendar_item(item, call.defs))
            if call.force_conflict or (
                change_key and not overwrite and change_key != call.store.get(mailbox, item_id).change_key
            ):
                raise EwsError(
                    "ErrorIrresolvableConflict",
                    "The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.",
                )
            event = call.store.update(mailbox, item_id, **changes)
        except (EwsError, ConflictError, NotFoundError) as e:
            error = e if isinstance(e, EwsError) else EwsError("ErrorItemNotFound")
            msgs.append(error_message("UpdateItem", error))
            continue
        msg = message("UpdateItem")
        sub(msg, "m:Items").append(calendar_item(event, call.defs, id_only=True))
        sub(sub(msg, "m:ConflictResults"), "t:Count", 0)
        msgs.append(msg)
    return response


def delete_item(call: Call, body: etree._Element) -> etree._Element:
    response, msgs = messages_of("DeleteItem")
    cancel = body.get("SendMeetingCancellations", "SendToNone") != "SendToNone"
    for id_el in children(body, "m:ItemIds"):
        try:
            mailbox = call.item_mailbox(id_el.get("Id") or "")
            call.mailbox = call.mailbox or mailbox
            call.check(mailbox)
            call.store.delete(mailbox, id_el.get("Id") or "", send_cancellations=cancel)
        except (EwsError, NotFoundError) as e:
            msgs.append(
                error_message("DeleteItem", e if isinstance(e, EwsError) else EwsError("ErrorItemNotFound"))
            )
            continue
        msgs.append(message("DeleteItem"))
    return response


def get_item(call: Call, body: etree._Element) -> etree._Element:
    """Items by ItemId (an occurrence's id answers the occurrence: CalendarItemType Occurrence or
    Exception, with its RecurrenceId) or by RecurringMasterItemId (the master of the occurrence
    named by OccurrenceId), shaped as the ItemShape asks."""
    response, msgs = messages_of("GetItem")
    shape = Shape.of(body)
    for id_el in children(body, "m:ItemIds"):
        by_master = etree.QName(id_el).localname == "RecurringMasterItemId"
        wanted = (id_el.get("OccurrenceId") if by_master else id_el.get("Id")) or ""
        try:
            mailbox = call.item_mailbox(wanted)
            call.mailbox = call.mailbox or mailbox
            call.check(mailbox)
            event = call.store.get(mailbox, wanted)
            if by_master:
                if not event.series_master:
                    raise EwsError(
                        "ErrorItemNotFound", "The specified object is not an occurrence of a recurring item."
                    )
                event = call.store.get(mailbox, event.series_master)
        except (EwsError, NotFoundError) as e:
            msgs.append(
                error_message("GetItem", e if isinstance(e, EwsError) else EwsError("ErrorItemNotFound"))
            )
            continue
        msg = message("GetItem")
        sub(msg, "m:Items").append(shape.prune(calendar_item(event, call.defs)))
        msgs.append(msg)
    return response


def _matches(event: Event, node: etree._Element) -> bool:
    """Evaluate a FindItem restriction (the parts exchangelib's filters produce)."""
    local = etree.QName(node).localname
    if local == "Or":
        return any(_matches(event, child) for child in node)
    if local == "And":
        return all(_matches(event, child) for child in node)
    if local == "Not":
        return not _matches(event, node[0])
    ext = find(node, "t:ExtendedFieldURI")
    uri = find(node, "t:FieldURI")
    if ext is not None:
        value: object = event.extended.get(ext.get("PropertyName") or "")
    elif uri is not None:
        value = getattr(event, _FIELD_URIS.get(uri.get("FieldURI") or "", "subject"), None)
    else:
        raise EwsError("ErrorInvalidRestriction", f"cannot evaluate {local}")
    if local == "Exists":
        return value is not None
    constant = find(node, "t:FieldURIOrConstant/t:Constant")
    wanted: object = constant.get("Value") if constant is not None else None
    if isinstance(value, datetime):
        wanted = parse_time(str(wanted))
    compare: dict[str, Callable[[object, object], bool]] = {
        "IsEqualTo": lambda a, b: a == b,
        "IsNotEqualTo": lambda a, b: a != b,
        "IsGreaterThan": lambda a, b: a is not None and a > b,  # type: ignore[operator]
        "IsGreaterThanOrEqualTo": lambda a, b: a is not None and a >= b,  # type: ignore[operator]
        "IsLessThan": lambda a, b: a is not None and a < b,  # type: ignore[operator]
        "IsLessThanOrEqualTo": lambda a, b: a is not None and a <= b,  # type: ignore[operator]
    }
    if local not in compare:
        raise EwsError("ErrorInvalidRestriction", f"cannot evaluate {local}")
    return compare[local](value, wanted)


def find_item(call: Call, body: etree._Element) -> etree._Element:
    response, msgs = messages_of("FindItem")
    for folder in children(body, "m:ParentFolderIds"):
        mailbox = call.folder_mailbox(folder)
        call.mailbox = call.mailbox or mailbox
        try:
            call.check(mailbox)
        except EwsError as e:
            msgs.append(error_message("FindItem", e))
            continue
        events = call.store.events(mailbox)
        view = find(body, "m:CalendarView")
        types: dict[str, str] = {}
        if view is not None:  # occurrences of recurring masters expanded, the masters left out
            start, end = parse_time(view.get("StartDate") or ""), parse_time(view.get("EndDate") or "")
            for master in (e for e in events if e.recurrence is not None):
                for o in master.occurrences():
                    types[o.id] = "Exception" if o.modified else "Occurrence"
            events = [e for e in call.store.expanded(mailbox) if e.start < end and start < e.end]
        restriction = find(body, "m:Restriction")
        if restriction is not None and len(restriction):
            events = [e for e in events if _matches(e, restriction[0])]
        page = find(body, "m:IndexedPageItemView")
        offset = int(page.get("Offset", "0")) if page is not None else 0
        limit = int(page.get("MaxEntriesReturned", "1000")) if page is not None else 1000
        if view is not None:  # a calendar view has no paging: all of it, or MaxEntriesReturned
            offset, limit = 0, int(view.get("MaxEntriesReturned") or len(events) or 1)
        shown = events[offset : offset + limit]
        msg = message("FindItem")
        root = sub(
            msg,
            "m:RootFolder",
            IndexedPagingOffset=offset + len(shown),
            TotalItemsInView=len(events),
            IncludesLastItemInRange="true" if offset + len(shown) >= len(events) else "false",
        )
        items = sub(root, "t:Items")
        shape = Shape.of(body, find_item=True)
        for event in shown:
            items.append(shape.prune(calendar_item(event, call.defs, item_type=types.get(event.id, ""))))
        msgs.append(msg)
    return response


OPERATIONS: dict[str, Callable[[Call, etree._Element], etree._Element]] = {
    "GetFolder": get_folder,
    "CreateItem": create_item,
    "UpdateItem": update_item,
    "DeleteItem": delete_item,
    "GetItem": get_item,
    "FindItem": find_item,
}
