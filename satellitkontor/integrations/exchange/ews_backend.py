"""The EWS backend on exchangelib: on-premises Exchange Server SE and allow-listed Exchange Online.

How it connects (configuration, accounts, the adjusted exchangelib services) is ``ews_connection``;
how failures are waited out or reported is ``ews_errors``; items and events are ``ews_items``.

Decisions:

- **Batches.** A push groups the items by mailbox and sends, per mailbox, at most one FindItem (the
  look-up below), one DeleteItem, one UpdateItem and one CreateItem; exchangelib splits each at
  100 items per request. 500 new bookings in one mailbox are 5 requests.
- **No duplicates.** A create whose answer was lost (dropped connection, timeout) is looked up at
  once by our extended property (one FindItem); an item marked ``maybe_exists`` is looked up
  before anything is created. exchangelib never repeats a request after a connection error here.
- **Rooms** are invited as resources with ``SendToAllAndSaveCopy``; their answer arrives in the
  organizer's item later and is read by :meth:`EwsBackend.status`. Cancelling deletes the
  organizer's event with cancellations sent (to Deleted Items), which frees the room.
- **Updates** use AutoResolve with the change key of the last push: an event changed in Outlook
  since is an ``ExchangeConflict`` for that item; without a change key the update writes over it.
  An update whose answer was lost, or that conflicts, is checked with one GetItem: an event that
  already carries the item's ``sequence`` got this version from an earlier try and is UPDATED
  (a retried update never conflicts with itself).
- **Pull** is one SyncFolderItems page per call with the stored sync state (exchangelib's
  ``folder.sync_items()`` loops over all pages and hides whether more are waiting; the request is
  the same). An expired or foreign sync state starts over from scratch (the sync service matches
  events by id, so seeing them again is harmless). Only fields SyncFolderItems can return are
  asked for; the resources' answers come from ``status()`` (GetItem). Exchange answers each
  request with only the properties it names (ItemShape IdOnly + AdditionalProperties), so every
  field read is in PULLED_FIELDS / STATUS_FIELDS.
- **Occurrences by id.** GetItem of an occurrence's id answers the occurrence itself
  (CalendarItemType Occurrence or Exception, the master's UID); ``status()`` names its series
  (``series_id``) with one GetItem by ``RecurringMasterItemId``, so an occurrence is never taken
  for the series (they share the UID).
- **Free/busy** is GetUserAvailability (after GetServerTimeZones for the UTC definition, which
  exchangelib asks first): two requests for any number of mailboxes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from exchangelib import Account, CalendarItem
from exchangelib import errors as ews
from exchangelib.folders import Calendar
from exchangelib.items import (
    ID_ONLY,
    MOVE_TO_DELETED_ITEMS,
    SEND_TO_ALL_AND_SAVE_COPY,
    SEND_TO_NONE,
)
from exchangelib.properties import RecurringMasterItemId

from satellitkontor.integrations.exchange import errors as ours
from satellitkontor.integrations.exchange.backend import (
    BusySlot,
    BusyStatus,
    FreeBusy,
    PullResult,
    PushItem,
    PushResult,
    PushStatus,
    RemoteEvent,
    RemoteResource,
    ResourceKind,
)
from satellitkontor.integrations.exchange.ews_connection import (
    CreateItems,
    DeleteItems,
    EwsConnection,
    SyncFolderItemsPage,
    UpdateItems,
)
from satellitkontor.integrations.exchange.ews_errors import is_unknown_outcome, translate
from satellitkontor.integrations.exchange.ews_items import (
    BOOKING_ID_FIELD,
    PULLED_FIELDS,
    PUSHED_FIELDS,
    STATUS_FIELDS,
    calendar_item,
    ews_time,
    is_master,
    is_occurrence,
    remote_event,
    utc,
)
from satellitkontor.integrations.exchange.push_plan import PushPlan
from satellitkontor.integrations.exchange.settings import EwsSettings

log = logging.getLogger(__name__)
T = TypeVar("T")

_BUSY = {
    "Free": BusyStatus.FREE,
    "Tentative": BusyStatus.TENTATIVE,
    "Busy": BusyStatus.BUSY,
    "OOF": BusyStatus.OUT_OF_OFFICE,
    "WorkingElsewhere": BusyStatus.WORKING_ELSEWHERE,
}


class EwsBackend:
    name = "ews"
    PAGE_SIZE = 200  # changes per pull
    WINDOW_DAYS = (31, 400)  # recurring series are expanded from a month back to a year ahead

    def __init__(self, settings: EwsSettings) -> None:
        self.settings = settings
        self.conn = EwsConnection(settings)

    # --- the interface ------------------------------------------------------------------------
    def test_connection(self, mailboxes: Sequence[str] = ()) -> None:
        for mailbox in mailboxes or (self.settings.account,):
            account = self.conn.account(mailbox)
            folder = self.conn.calendar(account)
            with self.conn.talking(mailbox):
                found = Calendar.resolve(account=account, folder=folder)
            if isinstance(found, Exception):
                raise translate(found, self.settings, mailbox)

    def list_resources(self) -> list[RemoteResource]:
        protocol = self.conn.account(self.settings.account).protocol
        desks = {m.lower() for m in self.settings.desk_mailboxes}
        found: dict[str, RemoteResource] = {}
        with self.conn.talking():
            for room_list in protocol.get_roomlists():
                for room in protocol.get_rooms(room_list.email_address):
                    email = (room.email_address or "").lower()
                    kind = ResourceKind.DESK if email in desks else ResourceKind.ROOM
                    found.setdefault(email, RemoteResource(email, room.name or email, kind))
        return sorted(found.values(), key=lambda r: (r.kind, r.name))

    def free_busy(self, mailboxes: Sequence[str], start: datetime, end: datetime) -> list[FreeBusy]:
        if not mailboxes:
            return []
        protocol = self.conn.account(self.settings.account).protocol
        asked = [(m, "Required", False) for m in mailboxes]
        with self.conn.talking():
            views = list(
                protocol.get_free_busy_info(asked, ews_time(start), ews_time(end), requested_view="Detailed")
            )
        out: list[FreeBusy] = []
        for mailbox, view in zip(mailboxes, views, strict=True):
            if isinstance(view, Exception):
                out.append(FreeBusy(mailbox, error=translate(view, self.settings, mailbox)))
                continue
            slots = tuple(
                BusySlot(utc(e.start) or start, utc(e.end) or end, _BUSY.get(e.busy_type, BusyStatus.UNKNOWN))
                for e in view.calendar_events or ()
                if e.busy_type != "Free"
            )
            out.append(FreeBusy(mailbox, slots=slots))
        return out

    def push(self, items: Sequence[PushItem]) -> list[PushResult]:
        plan = PushPlan(items)
        for mailbox, batch in plan.by_mailbox():
            if plan.stopped is not None:
                break
            try:
                self._push_mailbox(plan, mailbox, batch)
            except ours.ExchangeError as e:
                plan.fail_open(batch, e)
                if not isinstance(e, ours.ExchangeNoRights):
                    plan.stop(e)  # the server, not this mailbox: do not try the others now
        return plan.results()

    def pull(self, mailbox: str, cursor: str | None) -> PullResult:
        account = self.conn.account(mailbox)
        folder = self.conn.calendar(account)
        fields = {f for f in folder.normalize_fields(fields=PULLED_FIELDS) if not f.field.is_attribute}

        def page(state: str | None) -> tuple[list[Any], str, bool]:
            svc = SyncFolderItemsPage(account=account)
            changes = list(
                svc.call(
                    folder=folder,
                    shape=ID_ONLY,
                    additional_fields=fields,
                    sync_state=state,
                    ignore=None,
                    max_changes_returned=self.PAGE_SIZE,
                    sync_scope=None,
                )
            )
            return changes, svc.sync_state, not svc.includes_last_item_in_range

        restarted = cursor is None
        with self.conn.talking(mailbox):
            try:
                changes, state, more = page(cursor)
            except ews.ErrorInvalidSyncStateData:
                log.warning(
                    "The sync state of %s is no longer valid: syncing %s from scratch", mailbox, mailbox
                )
                changes, state, more = page(None)
                restarted = True
        items = [
            item
            for kind, item in changes
            if kind in ("create", "update", "delete") and not isinstance(item, Exception)
        ]
        masters = [i for i in items if is_master(i)]
        events = [remote_event(mailbox, i) for i in items if not is_master(i)]
        series: list[tuple[str, tuple[str, ...]]] = []
        if masters:
            occurrences = self._occurrences(mailbox, account, folder, {m.uid: m.id for m in masters})
            for master in masters:
                mine = occurrences.get(master.id, [])
                events.extend(mine)
                series.append((master.id, tuple(e.remote_id for e in mine)))
        return PullResult(
            events=tuple(events),
            new_cursor=state,
            more_available=more,
            series=tuple(series),
            restarted=restarted,
        )

    def _occurrences(
        self, mailbox: str, account: Account, folder: Calendar, masters: dict[str, str]
    ) -> dict[str, list[RemoteEvent]]:
        """The occurrences of the recurring masters ``masters`` (uid -> master id) inside the
        window, with moved ones at their new times and deleted ones left out: one CalendarView
        (FindItem) for the whole page, whatever the number of series."""
        now = datetime.now(UTC)
        back, ahead = self.WINDOW_DAYS
        start, end = ews_time(now - timedelta(days=back)), ews_time(now + timedelta(days=ahead))
        out: dict[str, list[RemoteEvent]] = {}
        with self.conn.talking(mailbox):
            view = folder.view(start=start, end=end).only(*PULLED_FIELDS)
            for item in view:
                if isinstance(item, Exception) or item.uid not in masters:
                    continue
                master_id = masters[item.uid]
                out.setdefault(master_id, []).append(remote_event(mailbox, item, series_id=master_id))
        return out

    def status(self, mailbox: str, remote_ids: Sequence[str]) -> list[RemoteEvent]:
        if not remote_ids:
            return []
        account = self.conn.account(mailbox)
        with self.conn.talking(mailbox):
            found = list(
                account.fetch(
                    ids=[(i, None) for i in remote_ids],
                    folder=self.conn.calendar(account),
                    only_fields=STATUS_FIELDS,
                )
            )
        masters = self._masters(mailbox, account, [i for i in found if is_occurrence(i)])
        out: list[RemoteEvent] = []
        for remote_id, item in zip(remote_ids, found, strict=True):
            if isinstance(item, ews.ErrorItemNotFound):
                out.append(RemoteEvent(remote_id=remote_id, mailbox=mailbox, is_deleted=True))
            elif isinstance(item, Exception):
                raise translate(item, self.settings, mailbox)
            else:
                out.append(remote_event(mailbox, item, series_id=masters.get(item.id)))
        return out

    def _masters(self, mailbox: str, account: Account, occurrences: list[Any]) -> dict[str, str]:
        """The recurring master's id of each occurrence (or exception) GetItem answered: one more
        GetItem by ``RecurringMasterItemId`` (an occurrence carries its master's UID, not its id)."""
        if not occurrences:
            return {}
        ids = [RecurringMasterItemId(id=i.id, changekey=i.changekey) for i in occurrences]
        with self.conn.talking(mailbox):
            found = list(account.fetch(ids=ids, folder=self.conn.calendar(account), only_fields=("uid",)))
        return {
            occurrence.id: master.id
            for occurrence, master in zip(occurrences, found, strict=True)
            if not isinstance(master, Exception)
        }

    def close(self) -> None:
        self.conn.close()

    # --- pushing one mailbox ------------------------------------------------------------------
    def _lookup(self, account: Account, booking_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Our events in ``account``'s calendar by booking-id property value (``PushItem.tag``):
        (id, change key), one FindItem."""
        if not booking_ids:
            return {}
        query = self.conn.calendar(account).filter(**{f"{BOOKING_ID_FIELD}__in": list(booking_ids)})
        found: dict[str, tuple[str, str]] = {}
        for item in query.only(BOOKING_ID_FIELD):
            if isinstance(item, CalendarItem):
                found.setdefault(getattr(item, BOOKING_ID_FIELD), (item.id, item.changekey))
        return found

    def _push_mailbox(self, plan: PushPlan, mailbox: str, batch: list[PushItem]) -> None:
        account = self.conn.account(mailbox)
        folder = self.conn.calendar(account)
        unknown = [i.tag for i in batch if i.remote_id is None and (i.maybe_exists or i.is_cancelled)]
        known = self.conn.run(mailbox, lambda: self._lookup(account, unknown))
        remote = {
            i.booking_id: known.get(i.tag) or ((i.remote_id, i.change_key) if i.remote_id else None)
            for i in batch
        }

        cancels = [i for i in batch if i.is_cancelled]
        for item in [i for i in cancels if remote[i.booking_id] is None]:
            plan.answer(item, PushResult(item.booking_id, PushStatus.NOT_FOUND))
        cancels = [i for i in cancels if remote[i.booking_id] is not None]
        if cancels:
            ids = [remote[i.booking_id] for i in cancels]
            answers = self.conn.run(mailbox, lambda: list(DeleteItems(account=account).call(
                items=ids, delete_type=MOVE_TO_DELETED_ITEMS, send_meeting_cancellations=SEND_TO_ALL_AND_SAVE_COPY,
                affected_task_occurrences="AllOccurrences", suppress_read_receipts=True,
            )))  # fmt: skip
            for item, answer in zip(cancels, answers, strict=True):
                plan.answer(
                    item, self._result(item, answer, PushStatus.CANCELLED, mailbox, remote[item.booking_id])
                )

        updates = [i for i in batch if not i.is_cancelled and remote[i.booking_id] is not None]
        if updates:
            changes = [
                (calendar_item(account, folder, i, remote[i.booking_id]), PUSHED_FIELDS) for i in updates
            ]
            try:
                answers = self.conn.run(mailbox, lambda: list(UpdateItems(account=account).call(
                    items=changes, conflict_resolution="AutoResolve", message_disposition="SaveOnly",
                    send_meeting_invitations_or_cancellations=SEND_TO_ALL_AND_SAVE_COPY, suppress_read_receipts=True,
                )))  # fmt: skip
            except ours.ExchangeError as e:
                if not is_unknown_outcome(e):
                    raise
                for item, result in self._confirm(mailbox, updates, remote).items():
                    plan.answer(item, result)
                raise
            results = [
                self._result(i, a, PushStatus.UPDATED, mailbox) for i, a in zip(updates, answers, strict=True)
            ]
            conflicts = [
                i for i, r in zip(updates, results, strict=True) if isinstance(r.error, ours.ExchangeConflict)
            ]
            confirmed = self._confirm(mailbox, conflicts, remote)
            for item, result in zip(updates, results, strict=True):
                plan.answer(item, confirmed.get(item, result))

        creates = [i for i in batch if not i.is_cancelled and remote[i.booking_id] is None]
        if creates:
            self._create(plan, account, folder, mailbox, creates)

    def _create(
        self, plan: PushPlan, account: Account, folder: Calendar, mailbox: str, creates: list[PushItem]
    ) -> None:
        new = [calendar_item(account, folder, i) for i in creates]
        send = SEND_TO_ALL_AND_SAVE_COPY if any(i.resources or i.attendees for i in creates) else SEND_TO_NONE
        try:
            answers = self.conn.run(mailbox, lambda: list(CreateItems(account=account).call(
                items=new, folder=folder, message_disposition="SaveOnly", send_meeting_invitations=send,
            )))  # fmt: skip
        except ours.ExchangeError as e:
            if not is_unknown_outcome(e):
                raise
            # The answer was lost: look at what is there before anyone creates these again.
            log.warning(
                "No answer to creating %d events in %s (%s): looking them up", len(creates), mailbox, e.code
            )
            try:
                found = self.conn.run(mailbox, lambda: self._lookup(account, [i.tag for i in creates]))
            except ours.ExchangeError:
                found = {}
            for item in creates:
                hit = found.get(item.tag)
                plan.answer(
                    item,
                    PushResult(item.booking_id, PushStatus.CREATED, hit[0], hit[1], item.uid)
                    if hit
                    else PushResult(item.booking_id, PushStatus.FAILED, error=e),
                )
            return
        for item, answer in zip(creates, answers, strict=True):
            plan.answer(item, self._result(item, answer, PushStatus.CREATED, mailbox))

    def _confirm(
        self, mailbox: str, items: list[PushItem], remote: dict[str, tuple[str, str | None] | None]
    ) -> dict[PushItem, PushResult]:
        """Updates whose answer was lost, or refused as a conflict: an event that already carries the
        item's sequence got this very version from an earlier try, so it is UPDATED (with its
        current change key), not a conflict with Outlook. One GetItem; nothing when it fails."""
        ids = [remote[i.booking_id] for i in items]
        if not items or any(r is None for r in ids):
            return {}
        try:
            states = self.status(mailbox, [r[0] for r in ids if r is not None])
        except ours.ExchangeError:
            return {}
        return {
            item: PushResult(item.booking_id, PushStatus.UPDATED, state.remote_id, state.change_key)
            for item, state in zip(items, states, strict=True)
            if not state.is_deleted and state.sequence == item.sequence
        }

    def _result(
        self,
        item: PushItem,
        answer: Any,
        status: PushStatus,
        mailbox: str,
        remote: tuple[str, str | None] | None = None,
    ) -> PushResult:
        if isinstance(answer, ews.ErrorItemNotFound):
            return PushResult(item.booking_id, PushStatus.NOT_FOUND)
        if isinstance(answer, Exception):
            return PushResult(
                item.booking_id, PushStatus.FAILED, error=translate(answer, self.settings, mailbox)
            )
        if answer is True:  # a deletion
            return PushResult(item.booking_id, status, remote[0] if remote else None)
        remote_id, change_key = (answer.id, answer.changekey) if hasattr(answer, "changekey") else answer
        return PushResult(
            item.booking_id, status, remote_id, change_key, item.uid if status is PushStatus.CREATED else None
        )
