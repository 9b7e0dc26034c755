"""XML for the fake EWS server: reading what exchangelib sends, writing what Exchange answers.

Only the shapes exchangelib really uses are handled (captured from its requests). ``calendar_item``
builds the whole item; fake_ews_shape.py prunes it to what the request's ItemShape asked for.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from lxml import etree

from tests.integrations.exchange.fake_store import Event

S = "http://schemas.xmlsoap.org/soap/envelope/"
M = "http://schemas.microsoft.com/exchange/services/2006/messages"
T = "http://schemas.microsoft.com/exchange/services/2006/types"
NSMAP = {"s": S, "m": M, "t": T}

#: What exchangelib's extended-property subclass says about each property (set id, type), learned
#: from the requests so the answer echoes them exactly.
ExtendedDefs = dict[str, dict[str, str]]


def q(name: str) -> str:
    """'t:Subject' -> '{types-ns}Subject'."""
    prefix, _, local = name.partition(":")
    return f"{{{NSMAP[prefix]}}}{local}"


def el(name: str, text: Any = None, /, **attrs: Any) -> etree._Element:
    node = etree.Element(q(name), nsmap=NSMAP if name.startswith("s:") else None)
    for key, value in attrs.items():
        if value is not None:
            node.set(key, str(value))
    if text is not None:
        node.text = text if isinstance(text, str) else str(text)
    return node


def sub(parent: etree._Element, name: str, text: Any = None, /, **attrs: Any) -> etree._Element:
    child = el(name, text, **attrs)
    parent.append(child)
    return child


def find(node: etree._Element | None, path: str) -> etree._Element | None:
    if node is None:
        return None
    return node.find(path, namespaces=NSMAP)


def text(node: etree._Element | None, path: str, default: str = "") -> str:
    found = find(node, path)
    return found.text or "" if found is not None else default


def ews_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def envelope(body_child: etree._Element) -> bytes:
    root = el("s:Envelope")
    header = sub(root, "s:Header")
    sub(
        header,
        "t:ServerVersionInfo",
        MajorVersion="15",
        MinorVersion="2",
        MajorBuildNumber="1544",
        MinorBuildNumber="4",
        Version="V2017_07_11",
    )
    sub(root, "s:Body").append(body_child)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def fault(code: str, message: str, values: dict[str, str] | None = None) -> bytes:
    """A SOAP fault as Exchange sends it (ErrorServerBusy carries BackOffMilliseconds)."""
    root = el("s:Envelope")
    body = sub(root, "s:Body")
    fault_el = sub(body, "s:Fault")
    faultcode = etree.SubElement(fault_el, "faultcode")
    faultcode.text = "a:" + code
    faultstring = etree.SubElement(fault_el, "faultstring")
    faultstring.text = message
    detail = etree.SubElement(fault_el, "detail")
    code_el = etree.SubElement(
        detail, "{http://schemas.microsoft.com/exchange/services/2006/errors}ResponseCode"
    )
    code_el.text = code
    msg_el = etree.SubElement(detail, "{http://schemas.microsoft.com/exchange/services/2006/errors}Message")
    msg_el.text = message
    if values:
        xml = sub(detail, "t:MessageXml")
        for name, value in values.items():
            sub(xml, "t:Value", value, Name=name)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def message(operation: str, code: str = "NoError", text_: str | None = None) -> etree._Element:
    """An <m:{operation}ResponseMessage> with its class and code."""
    cls = "Success" if code == "NoError" else "Error"
    msg = el(f"m:{operation}ResponseMessage", ResponseClass=cls)
    if code != "NoError":
        sub(msg, "m:MessageText", text_ or code)
    sub(msg, "m:ResponseCode", code)
    return msg


def mailbox_el(name: str, email: str, display: str = "") -> etree._Element:
    box = el(f"t:{name}") if name != "Mailbox" else el("t:Mailbox")
    inner = box if name == "Mailbox" else sub(box, "t:Mailbox")
    sub(inner, "t:Name", display or email.split("@")[0])
    sub(inner, "t:EmailAddress", email)
    sub(inner, "t:RoutingType", "SMTP")
    sub(inner, "t:MailboxType", "Mailbox")
    return box


def item_id(event: Event) -> etree._Element:
    return el("t:ItemId", Id=event.id, ChangeKey=event.change_key)


def calendar_item(
    event: Event, defs: ExtendedDefs, id_only: bool = False, item_type: str = ""
) -> etree._Element:
    """``item_type``: Single, RecurringMaster, Occurrence or Exception (default: Single, or
    RecurringMaster for an event with a recurrence)."""
    item_type = item_type or event.occurrence_type or ("RecurringMaster" if event.recurrence else "Single")
    item = el("t:CalendarItem")
    item.append(item_id(event))
    if id_only:
        return item
    sub(item, "t:Subject", event.subject)
    sub(item, "t:Body", event.body, BodyType="Text")
    sub(item, "t:LastModifiedTime", ews_time(event.last_modified))
    for name, value in sorted(event.extended.items()):
        if name not in defs:
            continue
        prop = sub(item, "t:ExtendedProperty")
        sub(prop, "t:ExtendedFieldURI", **defs[name])
        sub(prop, "t:Value", value)
    sub(item, "t:UID", event.uid)
    if event.original_start is not None:  # an occurrence: its original start (calendar:RecurrenceId)
        sub(item, "t:RecurrenceId", ews_time(event.original_start))
    sub(item, "t:Start", ews_time(event.start))
    sub(item, "t:End", ews_time(event.end))
    sub(item, "t:IsAllDayEvent", "true" if event.is_all_day else "false")
    sub(item, "t:IsCancelled", "true" if event.is_cancelled else "false")
    sub(item, "t:LegacyFreeBusyStatus", "Busy")
    sub(item, "t:Location", event.location)
    sub(item, "t:CalendarItemType", item_type)
    sub(item, "t:MyResponseType", event.my_response)
    item.append(mailbox_el("Organizer", event.organizer, event.organizer_name))
    for tag, people in (("t:RequiredAttendees", event.required), ("t:Resources", event.resources)):
        if not people:
            continue
        group = sub(item, tag)
        for person in people:
            attendee = sub(group, "t:Attendee")
            attendee.append(mailbox_el("Mailbox", person.mailbox))
            sub(attendee, "t:ResponseType", person.response)
    for tag in ("t:StartTimeZone", "t:EndTimeZone"):  # Outlook in Sweden
        sub(item, tag, Id="W. Europe Standard Time", Name="(UTC+01:00) Amsterdam, Berlin, Stockholm")
    return item


def read_calendar_item(node: etree._Element, defs: ExtendedDefs) -> dict[str, Any]:
    """The fields of a <t:CalendarItem> of CreateItem (or of an UpdateItem's SetItemField)."""
    fields: dict[str, Any] = {}
    for child in node:
        local = etree.QName(child).localname
        if local in ("Subject", "Location", "UID"):
            fields[local.lower()] = child.text or ""
        elif local == "Body":
            fields["body"] = child.text or ""
        elif local in ("Start", "End"):
            fields[local.lower()] = parse_time(child.text or "")
        elif local == "IsCancelled":
            fields["is_cancelled"] = (child.text or "").lower() in ("true", "1")
        elif local in ("RequiredAttendees", "Resources"):
            key = "required" if local == "RequiredAttendees" else "resources"
            fields[key] = [a.text or "" for a in child.iterfind(".//t:EmailAddress", namespaces=NSMAP)]
        elif local == "ExtendedProperty":
            uri = find(child, "t:ExtendedFieldURI")
            assert uri is not None
            name = uri.get("PropertyName") or uri.get("PropertyTag") or ""
            defs[name] = dict(uri.attrib)
            fields.setdefault("extended", {})[name] = text(child, "t:Value")
    return fields


def utc_definition() -> etree._Element:
    """GetServerTimeZones' full definition of UTC, as Exchange answers it."""
    tz = el("t:TimeZoneDefinition", Id="UTC", Name="(UTC) Coordinated Universal Time")
    periods = sub(tz, "t:Periods")
    sub(periods, "t:Period", Bias="PT0M", Name="Standard", Id="Std")
    groups = sub(tz, "t:TransitionsGroups")
    group = sub(groups, "t:TransitionsGroup", Id="0")
    sub(sub(group, "t:Transition"), "t:To", "Std", Kind="Period")
    transitions = sub(tz, "t:Transitions")
    sub(sub(transitions, "t:Transition"), "t:To", "0", Kind="Group")
    return tz
