"""HTTP to Microsoft Graph: the bearer token, throttling, JSON batching and failures as typed errors.

- **Throttling.** 429, 503 and 504 carry Retry-After; the request (or, in a batch, only the parts
  that were throttled) is sent again after that many seconds, at most ``max_retries`` times and
  only while the call's wait budget (``max_wait`` seconds) lasts. A longer wait ends in
  :class:`~.errors.ExchangeThrottled` with the seconds Graph asked for; the outbox retries later.
- **401** fetches a fresh token once (it may have been revoked or expired early); a second 401 is
  :class:`~.errors.ExchangeUnauthorized`.
- **No blind repeats.** A request whose answer was lost (dropped connection, timeout) is not sent
  again here: the backend decides (a create is looked up by its booking id first).
- **$batch** sends up to 20 requests in one HTTP request (Graph's limit) and returns one answer per
  request, in order; each answer is a plain dict ``{"status", "headers", "body"}``.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Iterator, Sequence
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from satellitkontor.integrations.exchange import errors as ours
from satellitkontor.integrations.exchange.graph_auth import GraphAuth
from satellitkontor.integrations.exchange.settings import GraphSettings

THROTTLED = {429, 503, 504}
DEFAULT_RETRY_AFTER = 2.0


def retry_after(headers: Any, attempt: int) -> float:
    """Seconds Graph asks us to wait (Retry-After as seconds or as an HTTP date)."""
    value: Any = (headers or {}).get("Retry-After") or (headers or {}).get("retry-after")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            with contextlib.suppress(TypeError, ValueError):
                moment: float = parsedate_to_datetime(str(value)).timestamp()
                return max(0.0, moment - time.time())
    return float(DEFAULT_RETRY_AFTER * 2.0**attempt)


class GraphHttp:
    def __init__(self, settings: GraphSettings, client: httpx.Client, auth: GraphAuth) -> None:
        self.settings, self.client, self.auth = settings, client, auth
        self._local = threading.local()

    # --- the wait budget ----------------------------------------------------------------------
    @contextlib.contextmanager
    def budget(self) -> Iterator[None]:
        self._local.deadline = time.monotonic() + self.settings.max_wait
        try:
            yield
        finally:
            self._local.deadline = None

    def _wait(self, seconds: float, attempt: int) -> None:
        """Sleep ``seconds`` if the budget and the retry count allow, else raise Throttled."""
        deadline = getattr(self._local, "deadline", None) or time.monotonic() + self.settings.max_wait
        if attempt >= self.settings.max_retries or time.monotonic() + seconds > deadline:
            raise ours.ExchangeThrottled(url=self.settings.graph_url, seconds=max(1, math.ceil(seconds)))
        time.sleep(seconds)

    # --- one request --------------------------------------------------------------------------
    def _url(self, path: str) -> str:
        return (
            path
            if path.startswith("https://") or path.startswith("http://")
            else self.settings.graph_url + path
        )

    def _send(self, method: str, path: str, token: str, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}", **kwargs.pop("headers", {})}
        try:
            return self.client.request(
                method, self._url(path), headers=headers, timeout=self.settings.timeout, **kwargs
            )
        except httpx.ConnectError as e:
            raise ours.ExchangeUnreachable(url=self.settings.graph_url, detail=str(e)[:200]) from e
        except (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as e:
            raise ours.ExchangeTimeout(
                url=self.settings.graph_url, seconds=self.settings.timeout, detail=repr(e)[:200]
            ) from e

    def token(self, refresh: bool = False) -> str:
        return self.auth.token(refresh=refresh)

    def request(
        self, method: str, path: str, mailbox: str = "", accept: tuple[int, ...] = (), **kwargs: Any
    ) -> httpx.Response:
        """Send with retries on throttling; raise typed errors for failures (404, 410 and 412, and
        the statuses in ``accept``, are returned for the caller to read)."""
        refreshed = False
        attempt = 0
        while True:
            response = self._send(method, path, self.token(), **dict(kwargs))
            if response.status_code == 401 and not refreshed:
                refreshed = True
                response = self._send(method, path, self.token(refresh=True), **dict(kwargs))
            if response.status_code in THROTTLED:
                self._wait(retry_after(response.headers, attempt), attempt)
                attempt += 1
                continue
            if response.status_code in accept:
                return response
            error = self.error_for(response.status_code, _json(response), mailbox)
            if error is not None:
                raise error
            return response

    # --- batches ------------------------------------------------------------------------------
    def batch(self, requests: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """Answers to ``requests`` ({"method", "url", "body"?, "headers"?}), batched by 20, with
        throttled parts sent again. Transport and whole-batch errors raise."""
        answers: list[dict[str, Any] | None] = [None] * len(requests)
        size = max(1, min(20, self.settings.batch_size))
        for first in range(0, len(requests), size):
            open_ = list(range(first, min(first + size, len(requests))))
            attempt = 0
            while open_:
                payload = {"requests": [_batch_part(str(i), requests[i]) for i in open_]}
                body = _json(self.request("POST", "/$batch", json=payload))
                by_id = {str(r.get("id")): r for r in body.get("responses", [])}
                waits: list[float] = []
                still_open = []
                for i in open_:
                    answer = by_id.get(str(i), {"status": 500, "headers": {}, "body": {}})
                    if answer.get("status") in THROTTLED:
                        still_open.append(i)
                        waits.append(retry_after(answer.get("headers"), attempt))
                    else:
                        answers[i] = answer
                open_ = still_open
                if open_:
                    self._wait(max(waits), attempt)
                    attempt += 1
        return [a or {"status": 500, "headers": {}, "body": {}} for a in answers]

    # --- errors -------------------------------------------------------------------------------
    def error_for(self, status: int, body: dict[str, Any], mailbox: str = "") -> ours.ExchangeError | None:
        """The typed error for a Graph answer, or None for success and for 404, 410 and 412 (the
        caller knows what those mean in its context)."""
        if status < 400 or status in (404, 410, 412):
            return None
        error = body.get("error") if isinstance(body.get("error"), dict) else {}
        code = str(error.get("code", "")) if error else ""
        detail = f"{status} {code}: {error.get('message', '') if error else ''}"[:200]
        who = self.auth.who
        if status == 401:
            return ours.unauthorized(
                self.auth.app_only, username=who, url=self.settings.graph_url, detail=detail
            )
        if status == 403:
            return ours.ExchangeNoRights(mailbox=mailbox, username=who, detail=detail)
        if status == 409 or code in ("ErrorIrresolvableConflict",):
            return ours.ExchangeConflict(mailbox=mailbox, detail=detail)
        if status in THROTTLED:
            return ours.ExchangeThrottled(url=self.settings.graph_url, seconds=DEFAULT_RETRY_AFTER)
        return ours.ExchangeServerError(url=self.settings.graph_url, detail=detail)

    def part_error(self, answer: dict[str, Any], mailbox: str) -> ours.ExchangeError | None:
        """The typed error for a batch part (404 and 412 included)."""
        status = int(answer.get("status", 500))
        body = answer.get("body") if isinstance(answer.get("body"), dict) else {}
        if status == 412:
            return ours.ExchangeConflict(mailbox=mailbox, detail="412 Precondition Failed")
        if status == 404:
            code = str((body or {}).get("error", {}).get("code", ""))
            if code in ("ErrorInvalidUser", "MailboxNotEnabledForRESTAPI", "ResourceNotFound"):
                return ours.ExchangeMailboxNotFound(mailbox=mailbox, username=self.auth.who)
            return None
        return self.error_for(status, body or {}, mailbox)


def _batch_part(part_id: str, request: dict[str, Any]) -> dict[str, Any]:
    part: dict[str, Any] = {"id": part_id, "method": request["method"], "url": request["url"]}
    headers = dict(request.get("headers", {}))
    if "body" in request:
        part["body"] = request["body"]
        headers.setdefault("Content-Type", "application/json")
    if headers:
        part["headers"] = headers
    return part


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
