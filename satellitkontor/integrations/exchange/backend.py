"""The one interface to Exchange: what the sync service asks of a calendar server, in plain values.

Two implementations sit behind :class:`CalendarBackend`: ``ews_backend.EwsBackend`` (exchangelib, for
on-premises Exchange Server SE and allow-listed Exchange Online tenants) and
``graph_backend.GraphBackend`` (Microsoft Graph on msal + httpx, for Exchange Online after EWS is
switched off). The sync service, the outbox and the admin page talk to this protocol only, so either
backend (and a fake in tests) can be plugged in.

Decisions:

- Everything that crosses the interface is a frozen dataclass of strings, enums and aware UTC
  datetimes: no exchangelib item or Graph JSON leaks out, and results can be handed between threads.
- ``push()`` takes a whole batch and answers one :class:`PushResult` per item, in the same order;
  it does not raise for Exchange's failures. A failure of one item (a conflict, a mailbox without
  rights) does not fail the others; a failure of the whole server (unreachable, wrong password,
  throttled beyond the wait bound) gives every item not yet answered a ``FAILED`` result carrying
  the same typed error. The same booking twice for one mailbox is sent once (the highest
  ``sequence``) and both copies get its result (see ``push_plan``).
- What to do is read from the item: ``is_cancelled`` -> remove the event; a known ``remote_id`` ->
  update it; otherwise create it. ``maybe_exists`` says an earlier attempt ended without an answer
  (a timeout, a dropped connection): the backend then first looks for an event carrying the
  booking id in its extended property and updates that one instead of creating a second.
- An update with a ``change_key`` is refused with :class:`~.errors.ExchangeConflict` when the event
  changed in Outlook since (the sync service decides who wins, and can push again without a
  change key to overwrite).
- ``pull()`` is incremental: the cursor is the EWS sync state or the Graph delta link, opaque to
  the caller, who stores ``new_cursor`` only after handling the events. ``more_available`` says
  another call would return more right away (large first syncs come in pages).
- ``status()`` answers the current state of events we pushed: mainly the room's answer
  (accepted/declined), which arrives after the push. An event that no longer exists comes back
  with ``is_deleted=True``.
- Errors a user must hear about are the typed errors of :mod:`.errors` (code + facts, Swedish and
  English sentences in the word catalogue, ``words/sv.py`` and ``words/en.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from satellitkontor.integrations.exchange.errors import ExchangeError


class ResourceKind(StrEnum):
    ROOM = "room"
    DESK = "desk"


class BusyStatus(StrEnum):
    FREE = "free"
    TENTATIVE = "tentative"
    BUSY = "busy"
    OUT_OF_OFFICE = "oof"
    WORKING_ELSEWHERE = "working_elsewhere"
    UNKNOWN = "unknown"


class PushStatus(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    CANCELLED = "cancelled"
    NOT_FOUND = "not_found"  # the event to update or cancel is gone (deleted in Outlook)
    FAILED = "failed"  # see PushResult.error


class Response(StrEnum):
    """An attendee's (usually the room's) answer to a meeting."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    TENTATIVE = "tentative"
    NONE = "none"  # no answer yet, or not a meeting


def _as_utc(name: str, moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got {moment!r}")
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class RemoteResource:
    """A room or desk mailbox the server knows about."""

    mailbox: str
    name: str
    kind: ResourceKind


@dataclass(frozen=True)
class BusySlot:
    start: datetime
    end: datetime
    status: BusyStatus


@dataclass(frozen=True)
class FreeBusy:
    """The busy times of one mailbox in the asked window; ``error`` when that mailbox could not be
    read (the others of the same call are still answered)."""

    mailbox: str
    slots: tuple[BusySlot, ...] = ()
    error: ExchangeError | None = None


@dataclass(frozen=True)
class PushItem:
    """One booking as it should look in Exchange.

    ``booking_id`` is our booking's id (written into the event's extended property), ``uid`` its
    calendar identity (the iCalendar UID, the same as in the app's iCal feeds; set on EWS, read-only
    on Graph). ``mailbox`` is the calendar the event is written into (the booker's, or a room or desk
    mailbox). ``start``/``end`` must be aware; they are kept in UTC. ``resources`` are invited as resources (the room),
    ``attendees`` as required attendees. ``sequence`` must grow with every change of the booking
    that is pushed: within a batch only the highest one per booking is sent, and an event that
    already carries the sequence has this version (a retried update whose first answer was lost is
    then UPDATED, not a conflict). ``remote_id``/``change_key`` come from the last
    successful push.
    """

    booking_id: str
    uid: str
    mailbox: str
    subject: str
    start: datetime
    end: datetime
    location: str = ""
    body: str = ""
    attendees: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    is_cancelled: bool = False
    sequence: int = 0
    remote_id: str | None = None
    change_key: str | None = None
    maybe_exists: bool = False
    #: The office's identity (services/exchange/office_identity.py): written with the booking id,
    #: so another installation's booking of the same number is never taken for this one.
    office: str = ""

    @property
    def tag(self) -> str:
        """The value of the booking-id property: ``<booking id>@<office>``."""
        return f"{self.booking_id}@{self.office}" if self.office else self.booking_id

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", _as_utc("start", self.start))
        object.__setattr__(self, "end", _as_utc("end", self.end))
        if self.end <= self.start:
            raise ValueError("end must be after start")


@dataclass(frozen=True)
class PushResult:
    booking_id: str
    status: PushStatus
    remote_id: str | None = None
    change_key: str | None = None
    ical_uid: str | None = None  # the server's iCalendar UID of the event (Graph makes its own)
    error: ExchangeError | None = None

    @property
    def ok(self) -> bool:
        return self.status is not PushStatus.FAILED


@dataclass(frozen=True)
class AttendeeResponse:
    mailbox: str
    response: Response


@dataclass(frozen=True)
class RemoteEvent:
    """An event as the server has it (from ``pull()`` or ``status()``).

    ``booking_id`` is set when the event carries our extended property (events we pushed; a room's
    copy of a meeting often does not, so match it by ``ical_uid`` too). ``room_response`` is the
    room's answer: read from the resource attendee on the organizer's copy, or the mailbox's own
    answer when ``mailbox`` is the room's. A deleted event has only ``remote_id`` and ``mailbox``.
    ``organizer_name`` is the organizer's display name (a guest from another organisation has no
    person in the app; the booking carries the name and address).
    """

    remote_id: str
    mailbox: str
    is_deleted: bool = False
    change_key: str | None = None
    booking_id: str | None = None
    sequence: int | None = None
    ical_uid: str | None = None
    subject: str = ""
    organizer: str = ""
    organizer_name: str = ""
    location: str = ""
    start: datetime | None = None
    end: datetime | None = None
    is_cancelled: bool = False
    last_modified: datetime | None = None
    room_response: Response = Response.NONE
    resource_responses: tuple[AttendeeResponse, ...] = field(default=())
    #: An all-day event: ``start``/``end`` are the office's local midnights of its first day and
    #: of the day after its last (Europe/Stockholm, so 23, 24 or 25 hours a day).
    all_day: bool = False
    #: An occurrence of a recurring series: the series master's id (EWS; Graph's occurrences
    #: come and go one by one in its delta, so it does not need it).
    series_id: str | None = None


@dataclass(frozen=True)
class PullResult:
    """The changes of one page. ``series``: for each recurring master that changed (EWS), the ids of all its occurrences
    inside the window, complete; an occurrence known before and missing now was deleted."""

    events: tuple[RemoteEvent, ...]
    new_cursor: str
    more_available: bool = False
    series: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The server started over (an expired sync state, a new delta window): this page begins a
    #: full sync, and what it does not show by its last page no longer exists.
    restarted: bool = False


@runtime_checkable
class CalendarBackend(Protocol):
    """What the sync service needs from Exchange. Every method may block on the network: call
    them off the GUI thread, and from one thread at a time (a backend keeps connections and
    per-call wait budgets). Failures raise the typed errors of :mod:`.errors`, except in ``push()``,
    which reports them per item."""

    @property
    def name(self) -> str:
        """'ews' or 'graph' (for logs and the admin page)."""
        ...

    def test_connection(self, mailboxes: Sequence[str] = ()) -> None:
        """Raise a typed error saying what is wrong, or return when the server answers, the
        credentials are accepted and each of ``mailboxes`` (default: the configured account) can be
        read."""
        ...

    def list_resources(self) -> list[RemoteResource]: ...

    def free_busy(self, mailboxes: Sequence[str], start: datetime, end: datetime) -> list[FreeBusy]:
        """One :class:`FreeBusy` per mailbox, in the order asked."""
        ...

    def push(self, items: Sequence[PushItem]) -> list[PushResult]:
        """Create, update or cancel the events of ``items`` in as few requests as the server allows;
        one result per item, in order."""
        ...

    def pull(self, mailbox: str, cursor: str | None) -> PullResult:
        """Changes of ``mailbox``'s calendar since ``cursor`` (None: everything, the first time)."""
        ...

    def status(self, mailbox: str, remote_ids: Sequence[str]) -> list[RemoteEvent]:
        """The current state of events in ``mailbox``, one per id, in order."""
        ...

    def close(self) -> None:
        """Release connections (the backend may be used again afterwards)."""
        ...
