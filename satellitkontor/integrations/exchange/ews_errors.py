"""exchangelib's retry policy for a background sync, and its exceptions turned into our typed errors.

The policy (:class:`SyncRetryPolicy`) is exchangelib's ``FaultTolerance`` with three changes:

- **a bounded wait per call.** ``FaultTolerance(max_wait)`` bounds each single back-off, but a server
  that keeps answering ErrorServerBusy with short back-offs would keep a call waiting for ever.
  The backend opens a budget around each of its calls (:meth:`SyncRetryPolicy.budget`); a back-off
  that would end after it raises exchangelib's ``RateLimitError``, which becomes
  :class:`~.errors.ExchangeThrottled` with the seconds the server asked for. Back-offs within the
  budget are honoured exactly (exchangelib sleeps until the server's BackOffMilliseconds are over).
- **401 is a wrong password.** ``FaultTolerance`` treats 401 as "server busy, retry" (EWS sometimes
  throttles that way), so a wrong password would only show up as a throttling timeout; a connection
  test must say "wrong password" at once.
- **403 is the tenant refusing EWS** (Exchange Online with EWS blocked for apps that were not
  allow-listed); exchangelib would report it as a malformed response.

Connection errors are not retried inside a call (exchangelib retries them only with more than one
session, and the backend uses one): a create whose answer was lost must be looked up, not repeated.
"""

from __future__ import annotations

import contextlib
import math
import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import requests
from exchangelib import FaultTolerance
from exchangelib import errors as ews

from satellitkontor.integrations.exchange import errors as ours
from satellitkontor.integrations.exchange.settings import EwsSettings


class EwsRefused(ews.TransportError):  # type: ignore[misc]
    """HTTP 403 from the EWS endpoint (``text``: what the server said)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class SyncRetryPolicy(FaultTolerance):  # type: ignore[misc]
    def __init__(self, max_wait: float) -> None:
        super().__init__(max_wait=max_wait)
        self._local = threading.local()

    @contextlib.contextmanager
    def budget(self) -> Iterator[None]:
        """Back-offs inside the block may add up to ``max_wait`` seconds in all."""
        self._local.deadline = time.monotonic() + self.max_wait
        try:
            yield
        finally:
            self._local.deadline = None

    def back_off(self, seconds: float | None) -> None:
        if seconds is None:
            seconds = self.DEFAULT_BACKOFF
        deadline = getattr(self._local, "deadline", None)
        if deadline is not None and time.monotonic() + seconds > deadline:
            raise ews.RateLimitError("Waited as long as a sync call may", wait=seconds)
        super().back_off(seconds)

    def raise_response_errors(self, response: Any) -> None:
        if response.status_code == 401:
            raise ews.UnauthorizedError(f"Invalid credentials for {response.url}")
        if response.status_code == 403:
            raise EwsRefused(response.text[:500])
        super().raise_response_errors(response)


def _connection_cause(exc: BaseException) -> BaseException | None:
    """The requests exception behind exchangelib's ErrorTimeoutExpired (its implicit context)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, requests.exceptions.RequestException):
            return current
        current = current.__cause__ or current.__context__
    return None


def plain_detail(text: str) -> str:
    """What a person can read of an exchangelib failure: exchangelib puts a whole HTTP answer
    (status, headers, an HTML error page) into its message when a front end answers with its
    own page; that becomes "HTTP 500: <the page's title>"."""
    code = re.search(r"Code: (\d{3})", text)
    if code is not None and ("headers:" in text or "<html" in text.lower()):
        title = re.search(r"<title>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
        return f"HTTP {code.group(1)}" + (f": {' '.join(title.group(1).split())[:100]}" if title else "")
    if "<html" in text.lower():
        return " ".join(re.sub(r"<[^>]+>", " ", text).split())[:200]
    return text[:300]


def whole_seconds(seconds: float | None) -> int:
    """A wait as a person reads it: whole seconds, at least one."""
    return max(1, math.ceil(seconds or 0))


def is_unknown_outcome(error: ours.ExchangeError) -> bool:
    """Whether the request may have been carried out although no answer came (a lost answer)."""
    return isinstance(error, ours.ExchangeTimeout)


def translate(exc: BaseException, settings: EwsSettings, mailbox: str = "") -> ours.ExchangeError:
    """The typed error for an exchangelib (or requests) exception."""
    url = settings.url or settings.account
    who = settings.username or settings.client_id or settings.account
    detail = plain_detail(str(exc))
    if isinstance(exc, ours.ExchangeError):
        return exc
    if isinstance(exc, ews.UnauthorizedError):
        app_only = settings.auth == "oauth2" and bool(settings.client_secret) and not settings.access_token
        return ours.unauthorized(app_only, url=url, username=who)
    if isinstance(exc, EwsRefused):
        return ours.ExchangeEwsDisabled(url=url, detail=exc.text.strip()[:200] or "HTTP 403")
    if isinstance(exc, ews.RateLimitError):
        return ours.ExchangeThrottled(url=url, seconds=whole_seconds(exc.wait))
    if isinstance(exc, ews.ErrorServerBusy):
        return ours.ExchangeThrottled(url=url, seconds=whole_seconds(exc.back_off))
    if isinstance(exc, ews.ErrorNonExistentMailbox | ews.ErrorMailRecipientNotFound):
        return ours.ExchangeMailboxNotFound(mailbox=mailbox, username=who)
    if isinstance(
        exc,
        ews.ErrorAccessDenied
        | ews.ErrorImpersonateUserDenied
        | ews.ErrorImpersonationDenied
        | ews.ErrorImpersonationFailed,
    ):
        return ours.ExchangeNoRights(mailbox=mailbox, username=who, detail=detail)
    if isinstance(exc, ews.ErrorIrresolvableConflict):
        return ours.ExchangeConflict(mailbox=mailbox, detail=detail)
    cause = _connection_cause(exc)
    if isinstance(exc, ews.ErrorTimeoutExpired | requests.exceptions.RequestException) or cause is not None:
        text = f"{exc} {cause!r}"
        if isinstance(cause, requests.exceptions.ConnectTimeout) or any(
            marker in text for marker in ("NewConnectionError", "Connection refused", "NameResolutionError")
        ):
            return ours.ExchangeUnreachable(url=url, detail=detail)
        return ours.ExchangeTimeout(url=url, seconds=settings.timeout, detail=detail)
    if isinstance(exc, ews.TransportError) and "SSL" in detail:
        return ours.ExchangeUnreachable(url=url, detail=detail)
    return ours.ExchangeServerError(url=url, detail=detail)
