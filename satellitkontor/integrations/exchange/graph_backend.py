"""The Microsoft Graph backend (msal + httpx): Exchange Online after EWS is switched off.

Decisions:

- **Push in $batch requests**: every create (POST events), change (PATCH with ``If-Match`` on the
  change key: a stale one is a 412, i.e. :class:`~.errors.ExchangeConflict`) and cancellation
  (DELETE, which sends the cancellation to the room) of a push goes into JSON batches of up to 20
  requests, for all mailboxes together. Throttled parts are sent again (see ``graph_http``).
- **No duplicates**: a batch whose answer was lost is followed by a look-up of its creates by the
  booking id in our extended property; ``maybe_exists`` items are looked up first. Graph's
  ``transactionId`` on each POST is a second guard. An update whose answer was lost, or refused
  with 412, is UPDATED when the event already carries the item's ``sequence`` (an earlier try of
  the same version landed), as on EWS.
- **Pull** is ``calendarView/delta`` of the mailbox, one page per call; the cursor is the next or
  delta link Graph returns (``more_available`` while it is a next link). The first pull covers a
  window around today (``WINDOW_DAYS``). Delta answers carry no extended properties, so the
  changed events' booking ids are read in one batched GET per 20 changes (a pull with nothing new
  stays one request). A delta link Graph no longer knows (410, 404, or 400 with
  ``syncStateNotFound``) starts over, and so does a window with less than a year minus
  ``ROLL_DAYS`` left ahead, so the window rolls forward; both say ``restarted`` (the sync
  service then cancels what the full delta no longer shows).
- **Free/busy** is ``getSchedule`` asked through the configured account's calendar.
- Times go out and come back in UTC (``Prefer: outlook.timezone="UTC"``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode

import httpx

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
from satellitkontor.integrations.exchange.graph_auth import GraphAuth
from satellitkontor.integrations.exchange.graph_http import GraphHttp
from satellitkontor.integrations.exchange.graph_items import (
    BOOKING_ID_PROPERTY,
    EXPAND,
    SELECT,
    event_json,
    graph_time,
    parse_time,
    remote_event,
    user_path,
)
from satellitkontor.integrations.exchange.push_plan import Key, PushPlan, key
from satellitkontor.integrations.exchange.settings import GraphSettings

UTC_PREFERENCE = {"Prefer": 'outlook.timezone="UTC"'}
_BUSY = {
    "free": BusyStatus.FREE,
    "tentative": BusyStatus.TENTATIVE,
    "busy": BusyStatus.BUSY,
    "oof": BusyStatus.OUT_OF_OFFICE,
    "workingElsewhere": BusyStatus.WORKING_ELSEWHERE,
}


#: The delta window is renewed (a full delta) when less than a year minus this is left ahead.
ROLL_DAYS = 30
#: Error codes with which Graph says it no longer knows a delta link (documented: 410 Gone,
#: and 400 with syncStateNotFound / syncStateInvalid; 404 seen too): start over.
_SYNC_STATE_LOST = ("syncstatenotfound", "syncstateinvalid", "resyncrequired", "invaliddeltatoken")


def _sync_state_lost(response: httpx.Response) -> bool:
    if response.status_code in (404, 410):
        return True
    if response.status_code != 400:
        return False
    code = str(_json(response).get("error", {}).get("code", "")).lower()
    return code in _SYNC_STATE_LOST


def _split_cursor(cursor: str | None) -> tuple[datetime | None, str | None]:
    """``<window end>|<link>`` (a cursor of an older version is the link alone)."""
    if not cursor:
        return None, None
    head, bar, rest = cursor.partition("|")
    if bar and not head.startswith("http") and not head.startswith("/"):
        try:
            return datetime.strptime(head, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC), rest or None
        except ValueError:
            pass
    return None, cursor


class GraphBackend:
    name = "graph"
    PAGE_SIZE = 200
    WINDOW_DAYS = (31, 400)  # the first pull: from a month back to a bit over a year ahead

    def __init__(
        self,
        settings: GraphSettings,
        http_client: httpx.Client | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.settings = settings
        self._own_client = http_client is None
        self.client = http_client or httpx.Client(timeout=settings.timeout)
        self.auth = GraphAuth(settings, self.client)
        self.http = GraphHttp(settings, self.client, self.auth)
        self.clock = clock or (lambda: datetime.now(UTC))

    # --- the interface ------------------------------------------------------------------------
    def test_connection(self, mailboxes: Sequence[str] = ()) -> None:
        with self.http.budget():
            self.http.token()  # a refused sign-in is the first thing to say
            for mailbox in mailboxes or ((self.settings.username,) if self.settings.username else ()):
                response = self.http.request("GET", f"{user_path(mailbox)}/calendar?$select=id", mailbox)
                error = self.http.part_error(
                    {"status": response.status_code, "body": _json(response)}, mailbox
                )
                if error is not None:
                    raise error

    def list_resources(self) -> list[RemoteResource]:
        desks = {m.lower() for m in self.settings.desk_mailboxes}
        found: dict[str, RemoteResource] = {}
        with self.http.budget():
            for kind, path in ((ResourceKind.ROOM, "room"), (ResourceKind.DESK, "workspace")):
                url: str | None = f"/places/microsoft.graph.{path}?$top=100"
                while url:
                    try:
                        body = _json(self.http.request("GET", url))
                    except ours.ExchangeServerError:
                        if kind is ResourceKind.DESK:  # workspaces are not in every tenant's Graph
                            break
                        raise
                    for place in body.get("value", []):
                        email = str(place.get("emailAddress") or "").lower()
                        if email:
                            which = ResourceKind.DESK if email in desks else kind
                            found.setdefault(
                                email, RemoteResource(email, place.get("displayName") or email, which)
                            )
                    url = body.get("@odata.nextLink")
        return sorted(found.values(), key=lambda r: (r.kind, r.name))

    def free_busy(self, mailboxes: Sequence[str], start: datetime, end: datetime) -> list[FreeBusy]:
        if not mailboxes:
            return []
        asker = self.settings.username or mailboxes[0]
        payload = {
            "schedules": list(mailboxes),
            "startTime": graph_time(start),
            "endTime": graph_time(end),
            "availabilityViewInterval": 15,
        }
        with self.http.budget():
            response = self.http.request(
                "POST",
                f"{user_path(asker)}/calendar/getSchedule",
                asker,
                json=payload,
                headers=UTC_PREFERENCE,
            )
        by_mailbox = {str(v.get("scheduleId", "")).lower(): v for v in _json(response).get("value", [])}
        out = []
        for mailbox in mailboxes:
            schedule = by_mailbox.get(mailbox.lower(), {})
            if "error" in schedule or not schedule:
                error = ours.ExchangeMailboxNotFound(mailbox=mailbox, username=self.auth.who)
                out.append(FreeBusy(mailbox, error=error))
                continue
            slots = tuple(
                BusySlot(
                    parse_time(s.get("start")) or start,
                    parse_time(s.get("end")) or end,
                    _BUSY.get(str(s.get("status")), BusyStatus.UNKNOWN),
                )
                for s in schedule.get("scheduleItems", [])
                if s.get("status") != "free"
            )
            out.append(FreeBusy(mailbox, slots=slots))
        return out

    def push(self, items: Sequence[PushItem]) -> list[PushResult]:
        plan = PushPlan(items)
        chosen = list(plan.chosen.values())
        with self.http.budget():
            try:
                found = self._lookup(
                    [i for i in chosen if i.remote_id is None and (i.maybe_exists or i.is_cancelled)]
                )
            except ours.ExchangeError as e:
                plan.stop(e)
                return plan.results()
            requests: list[dict[str, Any]] = []
            sent: list[tuple[PushItem, PushStatus, str | None]] = []
            for item in chosen:
                hit = found.get(key(item))
                remote = hit[:2] if hit else ((item.remote_id, item.change_key) if item.remote_id else None)
                path = f"{user_path(item.mailbox)}/events"
                if item.is_cancelled and remote is None:
                    plan.answer(item, PushResult(item.booking_id, PushStatus.NOT_FOUND))
                elif item.is_cancelled and remote is not None:
                    requests.append({"method": "DELETE", "url": f"{path}/{quote(remote[0])}"})
                    sent.append((item, PushStatus.CANCELLED, remote[0]))
                elif remote is not None:
                    headers = {"If-Match": f'W/"{remote[1]}"'} if remote[1] else {}
                    requests.append(
                        {
                            "method": "PATCH",
                            "url": f"{path}/{quote(remote[0])}",
                            "body": event_json(item, False),
                            "headers": headers,
                        }
                    )
                    sent.append((item, PushStatus.UPDATED, remote[0]))
                else:
                    requests.append({"method": "POST", "url": path, "body": event_json(item, True)})
                    sent.append((item, PushStatus.CREATED, None))
            answers = self._batch_answers(requests)
            lost = [
                item
                for (item, status, _), a in zip(sent, answers, strict=True)
                if status is PushStatus.CREATED and _lost(a)
            ]
            recovered = self._recover(lost)
            unsure = [
                (item, remote_id or "")
                for (item, status, remote_id), a in zip(sent, answers, strict=True)
                if status is PushStatus.UPDATED and (_lost(a) or a.get("status") == 412)
            ]
            recovered.update(self._confirm(unsure))
            for (item, status, remote_id), answer in zip(sent, answers, strict=True):
                if key(item) in recovered:
                    plan.answer(item, recovered[key(item)])
                else:
                    plan.answer(item, self._result(item, status, answer, remote_id))
        return plan.results()

    def pull(self, mailbox: str, cursor: str | None) -> PullResult:
        window_end, link = _split_cursor(cursor)
        restarted = link is None
        if window_end is not None and window_end - self.clock() < timedelta(
            days=self.WINDOW_DAYS[1] - ROLL_DAYS
        ):
            link, restarted = None, True  # the window rolls forward: a new full delta
        with self.http.budget():
            url = link or self._first_delta(mailbox)
            response = self._delta(url, mailbox)
            if link is not None and _sync_state_lost(response):  # Graph no longer knows this delta
                restarted, window_end = True, None
                url = self._first_delta(mailbox)
                response = self._delta(url, mailbox)
            if restarted:
                window_end = self.clock() + timedelta(days=self.WINDOW_DAYS[1])
            error = self.http.part_error({"status": response.status_code, "body": _json(response)}, mailbox)
            if error is not None:
                raise error
            body = _json(response)
            changes = [e for e in body.get("value", []) if isinstance(e, dict)]
            details = self._details(mailbox, [str(e["id"]) for e in changes if "@removed" not in e])
        events = []
        for change in changes:
            if "@removed" not in change:
                extra = details.get(str(change["id"]))
                if extra is None:  # deleted between the delta page and the look at it
                    change = {"id": change["id"], "@removed": {"reason": "deleted"}}
                else:
                    change = {**change, **extra}
            events.append(remote_event(mailbox, change))
        next_link = body.get("@odata.nextLink")
        new_link = str(next_link or body.get("@odata.deltaLink") or link or "")
        assert window_end is not None
        return PullResult(
            events=tuple(events),
            new_cursor=f"{window_end.strftime('%Y-%m-%dT%H:%M:%SZ')}|{new_link}",
            more_available=bool(next_link),
            restarted=restarted,
        )

    def _delta(self, url: str, mailbox: str) -> httpx.Response:
        return self.http.request(
            "GET", url, mailbox, accept=(400,),
            headers={"Prefer": f'outlook.timezone="UTC", odata.maxpagesize={self.PAGE_SIZE}'},
        )  # fmt: skip

    def status(self, mailbox: str, remote_ids: Sequence[str]) -> list[RemoteEvent]:
        with self.http.budget():
            answers = self._batch_answers(
                [
                    {
                        "method": "GET",
                        "url": f"{user_path(mailbox)}/events/{quote(i)}?$select={SELECT}&$expand={EXPAND}",
                        "headers": UTC_PREFERENCE,
                    }
                    for i in remote_ids
                ]
            )
        out = []
        for remote_id, answer in zip(remote_ids, answers, strict=True):
            if "error" in answer:
                raise answer["error"]
            if answer.get("status") == 404:
                out.append(RemoteEvent(remote_id=remote_id, mailbox=mailbox, is_deleted=True))
                continue
            error = self.http.part_error(answer, mailbox)
            if error is not None:
                raise error
            out.append(remote_event(mailbox, answer.get("body") or {}))
        return out

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    # --- helpers ------------------------------------------------------------------------------
    def _first_delta(self, mailbox: str) -> str:
        now = self.clock()
        back, ahead = self.WINDOW_DAYS
        window = {
            "startDateTime": (now - timedelta(days=back)).strftime("%Y-%m-%dT00:00:00Z"),
            "endDateTime": (now + timedelta(days=ahead)).strftime("%Y-%m-%dT00:00:00Z"),
        }
        return f"{user_path(mailbox)}/calendarView/delta?{urlencode(window)}"

    def _batch_answers(self, requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """One answer per request; a batch that failed as a whole gives its parts {"error": e}."""
        answers: list[dict[str, Any]] = []
        failed: ours.ExchangeError | None = None
        for first in range(0, len(requests), 20):
            part = requests[first : first + 20]
            if failed is not None and not isinstance(failed, ours.ExchangeTimeout):
                answers += [{"error": failed}] * len(part)
                continue
            try:
                answers += self.http.batch(part)
            except ours.ExchangeError as e:
                failed = e
                answers += [{"error": e}] * len(part)
        return answers

    def _lookup(self, items: Sequence[PushItem]) -> dict[Key, tuple[str, str | None, str | None]]:
        """Our events by booking id, for items whose earlier push may have created one."""
        if not items:
            return {}
        requests = []
        for item in items:
            condition = f"singleValueExtendedProperties/Any(ep: ep/id eq '{BOOKING_ID_PROPERTY}' and ep/value eq '{item.tag}')"
            query = urlencode({"$filter": condition, "$select": "id,changeKey,iCalUId"}, quote_via=quote)
            requests.append({"method": "GET", "url": f"{user_path(item.mailbox)}/events?{query}"})
        answers = self._batch_answers(requests)
        found: dict[Key, tuple[str, str | None, str | None]] = {}
        for item, answer in zip(items, answers, strict=True):
            if "error" in answer:
                raise answer["error"]
            error = self.http.part_error(answer, item.mailbox)
            if error is not None:
                raise error
            hits = (answer.get("body") or {}).get("value", [])
            if hits:
                found[key(item)] = (str(hits[0]["id"]), hits[0].get("changeKey"), hits[0].get("iCalUId"))
        return found

    def _recover(self, lost: list[PushItem]) -> dict[Key, PushResult]:
        """After a batch whose answer was lost: the creates that did happen, found by booking id."""
        if not lost:
            return {}
        try:
            found = self._lookup(lost)
        except ours.ExchangeError:
            return {}
        return {k: PushResult(k[0], PushStatus.CREATED, v[0], v[1], v[2]) for k, v in found.items()}

    def _confirm(self, updates: list[tuple[PushItem, str]]) -> dict[Key, PushResult]:
        """Updates whose answer was lost, or refused as a conflict (412): an event that already
        carries the item's sequence got this very version from an earlier try, so it is UPDATED
        (with its current change key), not a conflict with Outlook."""
        out: dict[Key, PushResult] = {}
        for item, remote_id in updates:
            try:
                (state,) = self.status(item.mailbox, [remote_id])
            except ours.ExchangeError:
                continue
            if not state.is_deleted and state.sequence == item.sequence:
                out[key(item)] = PushResult(
                    item.booking_id, PushStatus.UPDATED, state.remote_id, state.change_key
                )
        return out

    def _details(self, mailbox: str, ids: list[str]) -> dict[str, dict[str, Any] | None]:
        """The extended properties of changed events (None: the event is gone meanwhile)."""
        if not ids:
            return {}
        answers = self._batch_answers(
            [
                {
                    "method": "GET",
                    "url": f"{user_path(mailbox)}/events/{quote(i)}?$select=id&$expand={EXPAND}",
                }
                for i in ids
            ]
        )
        out: dict[str, dict[str, Any] | None] = {}
        for event_id, answer in zip(ids, answers, strict=True):
            if "error" in answer:
                raise answer["error"]
            if answer.get("status") == 404:
                out[event_id] = None
                continue
            error = self.http.part_error(answer, mailbox)
            if error is not None:
                raise error
            body = answer.get("body") or {}
            out[event_id] = {"singleValueExtendedProperties": body.get("singleValueExtendedProperties", [])}
        return out

    def _result(
        self, item: PushItem, status: PushStatus, answer: dict[str, Any], remote_id: str | None
    ) -> PushResult:
        if "error" in answer:
            return PushResult(item.booking_id, PushStatus.FAILED, error=answer["error"])
        if answer.get("status") == 404 and status is not PushStatus.CREATED:
            return PushResult(item.booking_id, PushStatus.NOT_FOUND)
        error = self.http.part_error(answer, item.mailbox)
        if error is not None or answer.get("status") == 404:
            error = error or ours.ExchangeMailboxNotFound(mailbox=item.mailbox, username=self.auth.who)
            return PushResult(item.booking_id, PushStatus.FAILED, error=error)
        body = answer.get("body") or {}
        if status is PushStatus.CANCELLED:
            return PushResult(item.booking_id, status, remote_id)
        return PushResult(item.booking_id, status, body.get("id"), body.get("changeKey"), body.get("iCalUId"))


def _lost(answer: dict[str, Any]) -> bool:
    return isinstance(answer.get("error"), ours.ExchangeTimeout)


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
