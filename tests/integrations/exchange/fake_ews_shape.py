"""Which properties the fake EWS server puts in an answer: exactly those the request's ``ItemShape``
asks for, as Microsoft's EWS reference describes it (BaseShape, AdditionalProperties, FindItem).

- ``BaseShape`` ``IdOnly``: the ItemId alone; ``Default``: the calendar item's default set (the
  "Default item properties" table of "Property sets and response shapes in EWS": ItemId, Subject,
  Start, End, Location, LegacyFreeBusyStatus, CalendarItemType, Organizer, HasAttachments; the body
  in GetItem only); ``AllProperties``: every first-class property the fake models. Extended
  (MAPI) properties come back only when named in ``AdditionalProperties``, whatever the base shape.
- ``AdditionalProperties`` adds what it names (``FieldURI``, ``ExtendedFieldURI``).
- **FindItem** (and so a CalendarView) "does not return any of the message body formats or the
  recipient lists", and for the Organizer only its Name, never the EmailAddress (FindItem
  operation, Remarks). The full item is GetItem's.

The answer is built whole by ``fake_ews_xml.calendar_item`` and pruned here, so every operation
(GetItem, FindItem, SyncFolderItems) prunes the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from tests.integrations.exchange.fake_ews_xml import find, text

#: The FieldURIs the fake models -> the CalendarItem child element that carries each.
ELEMENTS = {
    "item:Subject": "Subject",
    "item:Body": "Body",
    "item:LastModifiedTime": "LastModifiedTime",
    "item:HasAttachments": "HasAttachments",
    "calendar:UID": "UID",
    "calendar:Start": "Start",
    "calendar:End": "End",
    "calendar:IsAllDayEvent": "IsAllDayEvent",
    "calendar:IsCancelled": "IsCancelled",
    "calendar:LegacyFreeBusyStatus": "LegacyFreeBusyStatus",
    "calendar:Location": "Location",
    "calendar:CalendarItemType": "CalendarItemType",
    "calendar:MyResponseType": "MyResponseType",
    "calendar:Organizer": "Organizer",
    "calendar:RequiredAttendees": "RequiredAttendees",
    "calendar:Resources": "Resources",
    "calendar:StartTimeZone": "StartTimeZone",
    "calendar:EndTimeZone": "EndTimeZone",
    "calendar:RecurrenceId": "RecurrenceId",
}
DEFAULT = frozenset(
    {
        "item:Subject",
        "item:Body",
        "item:HasAttachments",
        "calendar:Start",
        "calendar:End",
        "calendar:Location",
        "calendar:LegacyFreeBusyStatus",
        "calendar:CalendarItemType",
        "calendar:Organizer",
    }
)
ALL = frozenset(ELEMENTS)
#: What FindItem never returns (the body and the recipient lists).
NOT_IN_FIND = frozenset({"item:Body", "calendar:RequiredAttendees", "calendar:Resources"})


@dataclass(frozen=True)
class Shape:
    fields: frozenset[str]  # FieldURIs
    extended: frozenset[str]  # extended property names (PropertyName or PropertyTag)
    find: bool = False  # a FindItem answer

    @classmethod
    def of(cls, operation: etree._Element, find_item: bool = False) -> Shape:
        shape = find(operation, "m:ItemShape")
        base = text(shape, "t:BaseShape", "IdOnly")
        fields = {"IdOnly": frozenset(), "Default": DEFAULT, "AllProperties": ALL}.get(base, frozenset())
        extended: set[str] = set()
        wanted = set(fields)
        additional = find(shape, "t:AdditionalProperties")
        for node in additional if additional is not None else ():
            local = etree.QName(node).localname
            if local == "FieldURI":
                wanted.add(node.get("FieldURI") or "")
            elif local == "ExtendedFieldURI":
                extended.add(node.get("PropertyName") or node.get("PropertyTag") or "")
        if find_item:
            wanted -= NOT_IN_FIND
        return cls(frozenset(wanted), frozenset(extended), find_item)

    def prune(self, item: etree._Element) -> etree._Element:
        """``item`` (a whole <t:CalendarItem>) with only what was asked for."""
        keep = {ELEMENTS[f] for f in self.fields if f in ELEMENTS} | {"ItemId"}
        for child in list(item):
            local = etree.QName(child).localname
            if local == "ExtendedProperty":
                uri = find(child, "t:ExtendedFieldURI")
                name = (uri.get("PropertyName") or uri.get("PropertyTag") or "") if uri is not None else ""
                if name not in self.extended:
                    item.remove(child)
            elif local not in keep:
                item.remove(child)
        organizer = find(item, "t:Organizer/t:Mailbox")
        if self.find and organizer is not None:  # FindItem: the organizer's Name only
            for child in list(organizer):
                if etree.QName(child).localname != "Name":
                    organizer.remove(child)
        return item
