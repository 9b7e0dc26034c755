"""The Graph endpoints of the fake (see fake_graph.py): events as Graph JSON on FakeExchange."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit
from zoneinfo import ZoneInfo

from tests.integrations.exchange.fake_store import (
    ACCEPT,
    DECLINE,
    ORGANIZER,
    TENTATIVE,
    ConflictError,
    Event,
    FakeExchange,
    NotFoundError,
)

_RESPONSES = {
    ORGANIZER: "organizer",
    ACCEPT: "accepted",
    DECLINE: "declined",
    TENTATIVE: "tentativelyAccepted",
}
_ROUTES = [
    ("GET", re.compile(r"^/v1\.0/users/([^/]+)/calendar$"), "GET calendar"),
    ("POST", re.compile(r"^/v1\.0/users/([^/]+)/events$"), "POST events"),
    ("GET", re.compile(r"^/v1\.0/users/([^/]+)/events$"), "GET events"),
    ("GET", re.compile(r"^/v1\.0/users/([^/]+)/events/([^/]+)$"), "GET event"),
    ("PATCH", re.compile(r"^/v1\.0/users/([^/]+)/events/([^/]+)$"), "PATCH event"),
    ("DELETE", re.compile(r"^/v1\.0/users/([^/]+)/events/([^/]+)$"), "DELETE event"),
    ("GET", re.compile(r"^/v1\.0/users/([^/]+)/calendarView/delta$"), "GET delta"),
    ("POST", re.compile(r"^/v1\.0/users/([^/]+)/calendar/getSchedule$"), "POST getSchedule"),
    ("GET", re.compile(r"^/v1\.0/places/microsoft\.graph\.(room|workspace)$"), "GET places"),
    ("POST", re.compile(r"^/v1\.0/users/([^/]+)/sendMail$"), "POST sendMail"),
]
_LOOKUP = re.compile(r"ep/id eq '([^']+)' and ep/value eq '([^']*)'")


@dataclass
class GraphReply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _error(status: int, code: str, message: str) -> GraphReply:
    return GraphReply(status, {"error": {"code": code, "message": message}})


def _time(moment: datetime) -> dict[str, str]:
    return {"dateTime": moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"}


def _day(moment: datetime) -> dict[str, str]:
    """An all-day event's bound: midnight of its date, not shifted to the asked-for time zone."""
    day = moment.astimezone(STOCKHOLM).date()
    return {"dateTime": f"{day.isoformat()}T00:00:00.0000000", "timeZone": "UTC"}


def _parse_time(value: dict[str, str]) -> datetime:
    assert value.get("timeZone") == "UTC", value
    return datetime.fromisoformat(value["dateTime"]).replace(tzinfo=UTC)


def _name(property_id: str) -> str:
    """'String {guid} Name SatellitkontorBookingId' -> 'SatellitkontorBookingId'."""
    return property_id.split(" Name ", 1)[-1]


def _token(mailbox: str, seq: int, start: str, end: str) -> str:
    return base64.urlsafe_b64encode(f"{mailbox}|{seq}|{start}|{end}".encode()).decode()


def selected(entity: dict[str, Any], query: dict[str, str]) -> dict[str, Any]:
    """``entity`` as Graph answers a ``$select``: only the named properties, and always ``id`` and
    ``@odata.etag`` ("Use $select to ... specify ... the properties; the id is always returned");
    what ``$expand`` asked for comes too. Without ``$select``, everything."""
    if "$select" not in query:
        return entity
    keep = {p.strip() for p in query["$select"].split(",")} | {"id", "@odata.etag"}
    if "$expand" in query:
        keep.add(query["$expand"].split("(", 1)[0].strip())
    return {k: v for k, v in entity.items() if k in keep}


class GraphRoutes:
    def __init__(self, store: FakeExchange, base: str) -> None:
        self.store, self.base = store, base
        self.property_ids: dict[str, str] = {}  # name -> full id, as the client sent it

    def operation(self, method: str, url: str) -> str:
        path = urlsplit(url if "://" in url else self.base + url).path
        for verb, pattern, name in _ROUTES:
            if verb == method and pattern.match(path):
                return name
        return f"{method} {path}"

    def mailbox_of(self, url: str) -> str:
        match = re.search(r"/users/([^/?]+)", urlsplit(url).path)
        return unquote(match.group(1)).lower() if match else ""

    # --- JSON ---------------------------------------------------------------------------------
    def event_json(self, event: Event, expand: bool = True) -> dict[str, Any]:
        attendees = [
            {
                "type": kind,
                "emailAddress": {"address": a.mailbox},
                "status": {"response": _RESPONSES.get(a.response, "none")},
            }
            for kind, people in (("required", event.required), ("resource", event.resources))
            for a in people
        ]
        body: dict[str, Any] = {
            "@odata.etag": f'W/"{event.change_key}"',
            "id": event.id,
            "changeKey": event.change_key,
            "iCalUId": event.uid,
            "subject": event.subject,
            "body": {"contentType": "text", "content": event.body},
            "start": _day(event.start) if event.is_all_day else _time(event.start),
            "end": _day(event.end) if event.is_all_day else _time(event.end),
            "isAllDay": event.is_all_day,
            "location": {"displayName": event.location},
            "organizer": {
                "emailAddress": {
                    "name": event.organizer_name or event.organizer.split("@")[0],
                    "address": event.organizer,
                }
            },
            "isCancelled": event.is_cancelled,
            "lastModifiedDateTime": event.last_modified.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "responseStatus": {"response": _RESPONSES.get(event.my_response, "none")},
            "attendees": attendees,
            "type": "singleInstance",
        }
        if event.series_master:  # an instance of a series: its own iCalUId (documented)
            body["type"] = event.occurrence_type.lower()
            body["seriesMasterId"] = event.series_master
            body["iCalUId"] = f"{event.uid}{event.original_start:%Y%m%d%H%M}"
        elif event.recurrence is not None:
            body["type"] = "seriesMaster"
        if expand:
            body["singleValueExtendedProperties"] = [
                {
                    "id": self.property_ids.get(
                        name, f"String {{00000000-0000-0000-0000-000000000000}} Name {name}"
                    ),
                    "value": value,
                }
                for name, value in sorted(event.extended.items())
            ]
        return body

    def _fields(self, body: dict[str, Any]) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        if "subject" in body:
            fields["subject"] = body["subject"]
        if "body" in body:
            fields["body"] = body["body"].get("content", "")
        if "start" in body:
            fields["start"] = _parse_time(body["start"])
        if "end" in body:
            fields["end"] = _parse_time(body["end"])
        if "location" in body:
            fields["location"] = body["location"].get("displayName", "")
        if "attendees" in body:
            fields["required"] = [
                a["emailAddress"]["address"] for a in body["attendees"] if a.get("type") != "resource"
            ]
            fields["resources"] = [
                a["emailAddress"]["address"] for a in body["attendees"] if a.get("type") == "resource"
            ]
        for prop in body.get("singleValueExtendedProperties", []):
            self.property_ids[_name(prop["id"])] = prop["id"]
            fields.setdefault("extended", {})[_name(prop["id"])] = str(prop["value"])
        return fields

    # --- the endpoints ------------------------------------------------------------------------
    def answer(
        self, method: str, url: str, headers: dict[str, str], body: Any, force_conflict: bool = False
    ) -> GraphReply:
        parts = urlsplit(url)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        op = self.operation(method, url)
        mailbox = self.mailbox_of(url)
        if mailbox:
            if mailbox not in self.store.mailboxes:
                return _error(404, "ErrorInvalidUser", f"The requested user '{mailbox}' is invalid.")
            if mailbox in self.store.denied:
                return _error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
        event_id = unquote(parts.path.rsplit("/", 1)[-1])
        try:
            if op == "GET calendar":
                return GraphReply(200, selected({"id": f"cal-{mailbox}", "name": "Kalender"}, query))
            if op == "POST events":
                return self._create(mailbox, body)
            if op == "GET events":
                return self._find(mailbox, query)
            if op == "GET event":
                event = self.event_json(self.store.get(mailbox, event_id), "$expand" in query)
                return GraphReply(200, selected(event, query))
            if op == "PATCH event":
                current = self.store.get(mailbox, event_id)
                wanted = {k.lower(): v for k, v in headers.items()}.get("if-match")
                if force_conflict or (wanted and wanted != f'W/"{current.change_key}"'):
                    return _error(
                        412,
                        "ErrorIrresolvableConflict",
                        "The change key passed in the request does not match the current change key for the item.",
                    )
                event = self.store.update(mailbox, event_id, **self._fields(body or {}))
                return GraphReply(200, self.event_json(event, expand=False))
            if op == "DELETE event":
                self.store.delete(mailbox, event_id, send_cancellations=True)
                return GraphReply(204, None)
            if op == "GET delta":
                return self._delta(mailbox, query, headers)
            if op == "POST getSchedule":
                return self._schedule(body or {})
            if op == "GET places":
                kind = "room" if parts.path.endswith("room") else "desk"
                return GraphReply(200, {"value": [
                    {"id": b.email, "emailAddress": b.email, "displayName": b.name}
                    for b in self.store.mailboxes.values() if b.kind == kind
                ]})  # fmt: skip
        except NotFoundError:
            return _error(404, "ErrorItemNotFound", "The specified object was not found in the store.")
        except ConflictError:
            return _error(412, "ErrorIrresolvableConflict", "Conflict.")
        return _error(400, "BadRequest", f"The fake does not implement {method} {parts.path}.")

    def _create(self, mailbox: str, body: dict[str, Any]) -> GraphReply:
        transaction = body.get("transactionId")
        for event in self.store.events(mailbox):
            if transaction and event.transaction_id == transaction:
                return GraphReply(201, self.event_json(event, expand=False))
        fields = self._fields(body)
        event = self.store.create(
            mailbox,
            fields.pop("subject", ""),
            fields.pop("start"),
            fields.pop("end"),
            resources=fields.pop("resources", []),
            required=fields.pop("required", []),
            transaction_id=transaction,
            **fields,
        )
        return GraphReply(201, self.event_json(event, expand=False))

    def _find(self, mailbox: str, query: dict[str, str]) -> GraphReply:
        condition = query.get("$filter", "")
        match = _LOOKUP.search(condition)
        if match is None:
            return _error(400, "BadRequest", f"Unsupported $filter: {condition}")
        name, value = _name(match.group(1)), match.group(2)
        hits = self.store.find_extended(mailbox, name, [value])
        return GraphReply(200, {"value": [selected(self.event_json(e, False), query) for e in hits]})

    def _delta(self, mailbox: str, query: dict[str, str], headers: dict[str, str]) -> GraphReply:
        token = query.get("$deltatoken") or query.get("$skiptoken")
        if token:
            try:
                owner, seq, start, end = base64.urlsafe_b64decode(token.encode()).decode().split("|")
                since = int(seq)
            except ValueError:
                return _error(410, "SyncStateNotFound", "The sync state generation is not found.")
            if owner != mailbox:
                return _error(410, "SyncStateNotFound", "The sync state generation is not found.")
            if self.store.is_expired(mailbox, since):
                status, code = self.store.graph_expired_answer
                return _error(status, code, "The sync state generation is not found.")
        else:
            since, start, end = 0, query["startDateTime"], query["endDateTime"]
        prefer = {k.lower(): v for k, v in headers.items()}.get("prefer", "")
        size = re.search(r"odata\.maxpagesize=(\d+)", prefer)
        changes, point, more = self.store.changes(mailbox, since, int(size.group(1)) if size else 100)
        window = (
            datetime.fromisoformat(start.replace("Z", "+00:00")),
            datetime.fromisoformat(end.replace("Z", "+00:00")),
        )
        value: list[dict[str, Any]] = []
        for _kind, event_id, event in changes:
            gone = self.store.mailbox(mailbox).gone_events.get(event_id) if event is None else None
            if gone is not None and gone.recurrence is not None:  # a series deleted: each instance
                value.extend({"id": o.id, "@removed": {"reason": "deleted"}} for o in gone.occurrences())
            elif event is None:
                value.append({"id": event_id, "@removed": {"reason": "deleted"}})
            elif event.recurrence is not None:  # calendarView: the instances, never the master
                value.extend(self._instances(event, window))
            elif event.start < window[1] and window[0] < event.end:
                value.append(self.event_json(event, expand=False))  # delta carries no extended properties
        link = f"{self.base}/users/{quote(mailbox)}/calendarView/delta?"
        reply: dict[str, Any] = {"value": value}
        if more:
            reply["@odata.nextLink"] = link + "$skiptoken=" + _token(mailbox, point, start, end)
        else:
            reply["@odata.deltaLink"] = link + "$deltatoken=" + _token(mailbox, point, start, end)
        return GraphReply(200, reply)

    def _instances(self, master: Event, window: tuple[datetime, datetime]) -> list[dict[str, Any]]:
        """A changed series in a calendarView delta: its occurrences and exceptions inside the
        window, and each deleted occurrence as removed."""
        from tests.integrations.exchange.fake_store import occurrence_id

        out: list[dict[str, Any]] = []
        for o in master.occurrences():
            if o.start < window[1] and window[0] < o.end:
                out.append(self.event_json(master.occurrence(o), expand=False))
        assert master.recurrence is not None
        out.extend(
            {"id": occurrence_id(master.id, original), "@removed": {"reason": "deleted"}}
            for original in sorted(master.recurrence.deleted)
        )
        return out

    def _schedule(self, body: dict[str, Any]) -> GraphReply:
        start, end = _parse_time(body["startTime"]), _parse_time(body["endTime"])
        value = []
        for mailbox in body.get("schedules", []):
            if mailbox.lower() not in self.store.mailboxes:
                value.append(
                    {
                        "scheduleId": mailbox,
                        "error": {
                            "message": "The mailbox is not found.",
                            "responseCode": "ErrorMailRecipientNotFound",
                        },
                    }
                )
                continue
            items = [
                {
                    "status": "tentative" if e.my_response == TENTATIVE else "busy",
                    "start": _time(e.start),
                    "end": _time(e.end),
                }
                for e in self.store.busy(mailbox, start, end)
            ]
            value.append({"scheduleId": mailbox, "availabilityView": "", "scheduleItems": items})
        return GraphReply(200, {"value": value})
