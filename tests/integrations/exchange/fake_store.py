"""The mailboxes behind the fake Exchange servers: calendars in memory, shared by the fake EWS server
and the fake Graph, so one contract suite can drive both and look at the same data.

What it models, because the backends depend on it:

- events per mailbox with an id, a change key that changes on every write, extended properties, an
  iCalendar UID, an organizer, required attendees and resources with their answers;
- rooms answer invitations like Exchange's resource booking assistant: a room mailbox that is free
  at that time puts a copy of the meeting into its own calendar and accepts; a busy one declines.
  Moving the meeting asks the room again; deleting it (with cancellations) removes the room's copy.
  The room's copy has the same UID but not the organizer's extended properties;
- a change journal per mailbox, so incremental sync (EWS sync state, Graph delta token) returns
  what changed since a point, collapsed per event (created / updated / deleted), in pages;
- failure switches (:meth:`FakeExchange.fail`) taken by the next matching request(s), and mailboxes
  the service account may not touch (:attr:`FakeExchange.denied`);
- a log of the requests each server answered (:attr:`FakeExchange.requests`), for counting.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

#: How the fake names answers (EWS's words; Graph's fake maps them).
ORGANIZER, ACCEPT, DECLINE, TENTATIVE, NO_RESPONSE = (
    "Organizer",
    "Accept",
    "Decline",
    "Tentative",
    "NoResponseReceived",
)


@dataclass
class Attendee:
    mailbox: str
    response: str = NO_RESPONSE


@dataclass
class Event:
    id: str
    change_key: str
    mailbox: str
    subject: str
    start: datetime
    end: datetime
    location: str = ""
    body: str = ""
    organizer: str = ""
    uid: str = ""
    required: list[Attendee] = field(default_factory=list)
    resources: list[Attendee] = field(default_factory=list)
    extended: dict[str, str] = field(default_factory=dict)  # property name -> value
    is_cancelled: bool = False
    my_response: str = ORGANIZER
    last_modified: datetime = field(default_factory=lambda: datetime.now(UTC))
    created_seq: int = 0
    transaction_id: str | None = None
    #: An all-day event: start and end are midnights in Europe/Stockholm (as Outlook in Sweden
    #: makes them: ``W. Europe Standard Time``), so a day is 23, 24 or 25 hours.
    is_all_day: bool = False
    organizer_name: str = ""
    #: A recurring master: every ``weeks``-th week from ``start``, ``count`` times in all;
    #: ``deleted`` and ``modified`` are occurrences by their original start (modified: new times).
    recurrence: Recurrence | None = None
    #: An occurrence made by :meth:`occurrence`: its master's id, and Occurrence or Exception.
    series_master: str = ""
    occurrence_type: str = ""
    original_start: datetime | None = None

    def occurrences(self) -> list[Occurrence]:
        """The occurrences of a recurring master (nothing for a single event)."""
        rec = self.recurrence
        if rec is None:
            return []
        out = []
        for n in range(rec.count):
            original = self.start + timedelta(weeks=n * rec.weeks)
            if original in rec.deleted:
                continue
            start, end = rec.modified.get(original, (original, original + (self.end - self.start)))
            out.append(
                Occurrence(occurrence_id(self.id, original), original, start, end, original in rec.modified)
            )
        return out

    def occurrence(self, occurrence: Occurrence) -> Event:
        """The occurrence as an event of its own (an EWS occurrence item, a Graph instance)."""
        return replace(
            self, id=occurrence.id, start=occurrence.start, end=occurrence.end, recurrence=None,
            series_master=self.id, occurrence_type="Exception" if occurrence.modified else "Occurrence",
            original_start=occurrence.original_start,
        )  # fmt: skip


def occurrence_id(master_id: str, original: datetime) -> str:
    return f"{master_id}OCC{original.astimezone(UTC):%Y%m%d%H%M}"


@dataclass
class Recurrence:
    weeks: int = 1
    count: int = 10
    deleted: set[datetime] = field(default_factory=set)
    modified: dict[datetime, tuple[datetime, datetime]] = field(default_factory=dict)


@dataclass(frozen=True)
class Occurrence:
    id: str
    original_start: datetime
    start: datetime
    end: datetime
    modified: bool


@dataclass
class Mailbox:
    email: str
    name: str
    kind: str = "user"  # user / room / desk
    auto_accept: bool = True
    events: dict[str, Event] = field(default_factory=dict)
    journal: list[tuple[int, str]] = field(default_factory=list)  # (seq, event id)
    gone: dict[str, int] = field(default_factory=dict)  # deleted id -> its created_seq
    gone_events: dict[str, Event] = field(default_factory=dict)  # deleted id -> the event it was


@dataclass
class Failure:
    """One failure switch. ``kind``: busy (EWS ErrorServerBusy / Graph 429, ``back_off`` seconds),
    unavailable (503 with Retry-After ``back_off``), unauthorized (401), drop (close the connection
    without answering), drop_after (do the work, then close without answering), slow (answer after
    ``delay`` seconds), conflict (the change key is stale), server_error (500), ews_disabled (403
    with the tenant's message). ``operation`` / ``mailbox`` narrow which requests it hits; ``count``
    how many (None: all until cleared)."""

    kind: str
    operation: str | None = None
    mailbox: str | None = None
    count: int | None = 1
    back_off: float = 0.2
    delay: float = 0.0


@dataclass(frozen=True)
class Request:
    server: str  # ews / graph (HTTP requests), graph-batch (a part of a $batch), login (sign-in)
    operation: str  # CreateItem, GetFolder, ... / POST events, $batch, ...
    mailbox: str = ""
    items: int = 0


@dataclass(frozen=True)
class SentMail:
    """A message Exchange took for sending: EWS CreateItem (SendOnly) or Graph sendMail."""

    server: str  # ews / graph
    mailbox: str  # the mailbox it was sent as
    mime: bytes


class ConflictError(Exception):
    """A write with a stale change key."""


class NotFoundError(Exception):
    pass


class FakeExchange:
    EWS_DISABLED_TEXT = (
        "Access to EWS is blocked for this tenant. EWS will be retired on 1 April 2027; "
        "use Microsoft Graph (AADSTS EwsBlockedByPolicy)."
    )

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.mailboxes: dict[str, Mailbox] = {}
        self.denied: set[str] = set()
        self.failures: list[Failure] = []
        self.requests: list[Request] = []
        #: Mail sent through the fake (notices, issue 19), in the order taken.
        self.sent_mail: list[SentMail] = []
        self._seq = itertools.count(1)
        self._ids = itertools.count(1)
        self.room_lists: dict[str, list[str]] = {}
        #: Sync states / delta tokens of a mailbox older than this journal point have expired.
        self.expired_before: dict[str, int] = {}
        #: How Graph says so: (status, error code). Documented: 410 Gone, and 400 syncStateNotFound.
        self.graph_expired_answer: tuple[int, str] = (400, "syncStateNotFound")

    # --- set-up -------------------------------------------------------------------------------
    def add_mailbox(
        self, email: str, name: str = "", kind: str = "user", auto_accept: bool = True
    ) -> Mailbox:
        with self.lock:
            box = Mailbox(email.lower(), name or email.split("@")[0], kind, auto_accept)
            self.mailboxes[box.email] = box
            return box

    def mailbox(self, email: str) -> Mailbox:
        try:
            return self.mailboxes[email.lower()]
        except KeyError:
            raise NotFoundError(email) from None

    def fail(self, kind: str, **how: object) -> Failure:
        failure = Failure(kind, **how)  # type: ignore[arg-type]
        with self.lock:
            self.failures.append(failure)
        return failure

    def take_failure(
        self, operations: str | Iterable[str], mailbox: str = "", kinds: Iterable[str] | None = None
    ) -> Failure | None:
        """The first switch that hits a request doing ``operations`` (one name, or all the names of a
        batch) in ``mailbox``; ``kinds`` limits which switches this level of the server acts on."""
        names = {operations} if isinstance(operations, str) else set(operations)
        with self.lock:
            for failure in self.failures:
                if failure.operation is not None and failure.operation not in names:
                    continue
                if failure.mailbox is not None and failure.mailbox.lower() != mailbox.lower():
                    continue
                if kinds is not None and failure.kind not in kinds:
                    continue
                if failure.count is not None:
                    failure.count -= 1
                    if failure.count <= 0:
                        self.failures.remove(failure)
                return failure
            return None

    def send_mail(self, server: str, mailbox: str, mime: bytes) -> None:
        with self.lock:
            self.sent_mail.append(SentMail(server, mailbox.lower(), mime))

    def record(self, server: str, operation: str, mailbox: str = "", items: int = 0) -> None:
        with self.lock:
            self.requests.append(Request(server, operation, mailbox.lower(), items))

    def count(self, operation: str | None = None) -> int:
        """HTTP requests answered (all, or those doing ``operation``: then the parts of a Graph
        $batch count too). Sign-in requests are not counted."""
        with self.lock:
            if operation is None:
                return sum(1 for r in self.requests if r.server in ("ews", "graph"))
            return sum(1 for r in self.requests if r.operation == operation)

    # --- reading ------------------------------------------------------------------------------
    def events(self, mailbox: str, include_cancelled: bool = True) -> list[Event]:
        with self.lock:
            box = self.mailbox(mailbox)
            found = [e for e in box.events.values() if include_cancelled or not e.is_cancelled]
            return sorted(found, key=lambda e: (e.start, e.id))

    def get(self, mailbox: str, event_id: str) -> Event:
        """An event, or an occurrence of a recurring master by its occurrence id (read only)."""
        with self.lock:
            box = self.mailbox(mailbox)
            if event_id in box.events:
                return box.events[event_id]
            master = box.events.get(event_id.partition("OCC")[0])
            if master is not None and master.recurrence is not None:
                for o in master.occurrences():
                    if o.id == event_id:
                        return master.occurrence(o)
            raise NotFoundError(event_id)

    def find_extended(self, mailbox: str, name: str, values: Iterable[str]) -> list[Event]:
        wanted = set(values)
        return [e for e in self.events(mailbox) if e.extended.get(name) in wanted]

    def expanded(self, mailbox: str) -> list[Event]:
        """The calendar as a calendar view shows it: single events, and the occurrences of each
        recurring master (not the master itself)."""
        out: list[Event] = []
        for e in self.events(mailbox):
            if e.recurrence is None:
                out.append(e)
            else:
                out.extend(e.occurrence(o) for o in e.occurrences())
        return sorted(out, key=lambda e: (e.start, e.id))

    def busy(self, mailbox: str, start: datetime, end: datetime) -> list[Event]:
        return [
            e
            for e in self.expanded(mailbox)
            if not e.is_cancelled and e.start < end and start < e.end and e.my_response != DECLINE
        ]

    # --- writing ------------------------------------------------------------------------------
    def _new_id(self, mailbox: str) -> str:
        return f"AAMk{next(self._ids):06d}{mailbox.split('@')[0][:8]}"

    def _touch(self, box: Mailbox, event: Event) -> None:
        seq = next(self._seq)
        event.change_key = f"CK{seq:08d}"
        event.last_modified = datetime.now(UTC)
        box.journal.append((seq, event.id))

    def create(
        self,
        mailbox: str,
        subject: str,
        start: datetime,
        end: datetime,
        *,
        organizer: str | None = None,
        resources: Iterable[str] = (),
        required: Iterable[str] = (),
        send_invitations: bool = True,
        **fields: object,
    ) -> Event:
        """A new event in ``mailbox`` (as if made in Outlook when called by a test)."""
        with self.lock:
            box = self.mailbox(mailbox)
            event = Event(
                id=self._new_id(box.email),
                change_key="",
                mailbox=box.email,
                subject=subject,
                start=start,
                end=end,
                organizer=(organizer or box.email).lower(),
                required=[Attendee(m.lower()) for m in required],
                resources=[Attendee(m.lower()) for m in resources],
                **fields,  # type: ignore[arg-type]
            )
            if not event.uid:
                event.uid = f"040000008200E00074C5B7101A82E008{event.id}"
            if event.organizer != box.email:
                event.my_response = ACCEPT
            box.events[event.id] = event
            self._touch(box, event)
            event.created_seq = box.journal[-1][0]
            if send_invitations:
                self._ask_rooms(event)
            return event

    def update(self, mailbox: str, event_id: str, change_key: str | None = None, **changes: object) -> Event:
        with self.lock:
            box = self.mailbox(mailbox)
            event = self.get(mailbox, event_id)
            if change_key is not None and change_key != event.change_key:
                raise ConflictError(event_id)
            if "resources" in changes:
                old = {a.mailbox: a for a in event.resources}
                changes["resources"] = [old.get(m.lower(), Attendee(m.lower())) for m in changes["resources"]]  # type: ignore[attr-defined]
            if "required" in changes:
                changes["required"] = [Attendee(m.lower()) for m in changes["required"]]  # type: ignore[attr-defined]
            moved = any(k in changes for k in ("start", "end", "resources"))
            for key, value in changes.items():
                setattr(event, key, value)
            self._touch(box, event)
            if moved and event.organizer == box.email:
                self._ask_rooms(event, again=True)
            return event

    def create_series(
        self, mailbox: str, subject: str, start: datetime, end: datetime, *, weeks: int = 1, count: int = 10,
        **fields: object,
    ) -> Event:  # fmt: skip
        """A recurring meeting made in Outlook: every ``weeks``-th week, ``count`` times."""
        return self.create(mailbox, subject, start, end, recurrence=Recurrence(weeks, count), **fields)

    def modify_occurrence(
        self, mailbox: str, master_id: str, original: datetime, start: datetime, end: datetime
    ) -> None:
        """One occurrence moved in Outlook (an exception): the master changes with it."""
        with self.lock:
            event = self.get(mailbox, master_id)
            assert event.recurrence is not None
            event.recurrence.modified[original] = (start, end)
            self._touch(self.mailbox(mailbox), event)

    def delete_occurrence(self, mailbox: str, master_id: str, original: datetime) -> None:
        with self.lock:
            event = self.get(mailbox, master_id)
            assert event.recurrence is not None
            event.recurrence.deleted.add(original)
            self._touch(self.mailbox(mailbox), event)

    def move(self, mailbox: str, event_id: str, start: datetime, end: datetime) -> Event:
        """Someone moved the meeting in Outlook."""
        return self.update(mailbox, event_id, start=start, end=end)

    def delete(self, mailbox: str, event_id: str, send_cancellations: bool = True) -> None:
        with self.lock:
            box = self.mailbox(mailbox)
            event = box.events.pop(event_id, None)
            if event is None:
                raise NotFoundError(event_id)
            box.journal.append((next(self._seq), event_id))
            box.gone[event_id] = event.created_seq
            box.gone_events[event_id] = event
            if send_cancellations and event.organizer == box.email:
                for resource in event.resources:
                    self._drop_copy(resource.mailbox, event.uid)

    # --- rooms --------------------------------------------------------------------------------
    def _ask_rooms(self, event: Event, again: bool = False) -> None:
        organizer_box = self.mailbox(event.mailbox)
        for resource in event.resources:
            room = self.mailboxes.get(resource.mailbox)
            if room is None or not room.auto_accept:
                continue
            copy = next((e for e in room.events.values() if e.uid == event.uid), None)
            clash = [e for e in self.busy(room.email, event.start, event.end) if e.uid != event.uid]
            if clash:
                resource.response = DECLINE
                if copy is not None:
                    self.delete(room.email, copy.id, send_cancellations=False)
                continue
            resource.response = ACCEPT
            if copy is None:
                self.create(
                    room.email,
                    event.subject,
                    event.start,
                    event.end,
                    organizer=event.organizer,
                    send_invitations=False,
                    uid=event.uid,
                    location=event.location,
                )
            else:
                copy.start, copy.end, copy.subject = event.start, event.end, event.subject
                self._touch(room, copy)
        if again or event.resources:
            # the room's answer arrives in the organizer's calendar as a change of the event
            self._touch(organizer_box, event)

    def _drop_copy(self, room_email: str, uid: str) -> None:
        room = self.mailboxes.get(room_email)
        if room is None:
            return
        for copy in [e for e in room.events.values() if e.uid == uid]:
            self.delete(room.email, copy.id, send_cancellations=False)

    # --- incremental sync ---------------------------------------------------------------------
    def expire_sync_states(self, mailbox: str) -> None:
        """Every sync state and delta token handed out for ``mailbox`` so far is forgotten."""
        with self.lock:
            self.expired_before[mailbox.lower()] = next(self._seq)

    def is_expired(self, mailbox: str, seq: int) -> bool:
        with self.lock:
            return seq < self.expired_before.get(mailbox.lower(), 0)

    def now_seq(self) -> int:
        with self.lock:
            seq = next(self._seq)
            return seq

    def changes(
        self, mailbox: str, since: int, limit: int
    ) -> tuple[list[tuple[str, str, Event | None]], int, bool]:
        """Changes of ``mailbox`` after journal point ``since``: (kind, id, event) with kind
        create/update/delete, at most ``limit``; the new point and whether more remain."""
        with self.lock:
            box = self.mailbox(mailbox)
            latest: dict[str, int] = {}
            for seq, event_id in box.journal:
                if seq > since:
                    latest[event_id] = seq
            ordered = sorted(latest.items(), key=lambda kv: kv[1])
            out: list[tuple[str, str, Event | None]] = []
            point = since
            for event_id, seq in ordered:
                if len(out) >= limit:
                    return out, point, True
                point = seq
                event = box.events.get(event_id)
                if event is None:
                    if box.gone.get(event_id, 0) <= since:
                        out.append(("delete", event_id, None))
                    continue
                out.append(("create" if event.created_seq > since else "update", event_id, replace(event)))
            return out, max([since, *(s for s, _ in box.journal)]), False


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in November 2026, UTC (the tests' week)."""
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


HOUR = timedelta(hours=1)
