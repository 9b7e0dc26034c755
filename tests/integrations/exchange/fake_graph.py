"""A fake Microsoft Graph and Microsoft identity platform behind an ``httpx.MockTransport``.

The real msal and the real httpx client of the Graph backend talk HTTP to it (requests and answers
as httpx objects, no socket; fake_https.py serves the same over TLS for a process of its own): msal fetches the tenant's OpenID configuration and tokens from the
fake login endpoints (client credentials, device code, refresh token), and the backend
calls the Graph endpoints it uses: ``/users/{m}/calendar``, ``/events`` (POST, PATCH with If-Match,
DELETE, GET, GET with an extended-property $filter), ``/calendarView/delta`` with skip and delta
tokens, ``/calendar/getSchedule``, ``/places/...`` and ``/$batch``. Data lives in the shared
:class:`FakeExchange`.

Failure switches: on the whole HTTP request ``drop`` (httpx.RemoteProtocolError, what httpx raises
when a server closes without answering), ``drop_after`` (the same after the work was done),
``slow`` (an answer after ``delay``; longer than the client's read timeout is httpx.ReadTimeout),
``unauthorized`` (401), ``server_error`` (500), ``unavailable`` (503 + Retry-After); on each
request or $batch part ``busy`` (429 + Retry-After) and ``conflict`` (412 for a PATCH).
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from satellitkontor.integrations.exchange.graph_backend import GraphBackend
from tests.integrations.exchange.fake_graph_events import GraphReply, GraphRoutes
from tests.integrations.exchange.fake_store import FakeExchange

LOGIN = "https://login.microsoftonline.com"
GRAPH = "https://graph.microsoft.com/v1.0"
TOP_LEVEL = ("drop", "drop_after", "slow", "unauthorized", "server_error", "unavailable")
PER_PART = ("busy", "conflict")

GRAPH_OPS = {
    "create": "POST events",
    "update": "PATCH event",
    "delete": "DELETE event",
    "find": "GET events",
    "pull": "GET delta",
    "status": "GET event",
    "connect": "GET calendar",
    "free_busy": "POST getSchedule",
}


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


class FakeGraph:
    def __init__(
        self,
        store: FakeExchange,
        client_id: str,
        client_secret: str,
        users: dict[str, str] | None = None,
        tenant: str = "umea-tenant",
        graph: str = GRAPH,
        login: str = LOGIN,
    ) -> None:
        self.store = store
        #: Where Graph and the sign-in service are (a national cloud's, or fake_https.py's servers).
        self.graph, self.login = graph.rstrip("/"), login.rstrip("/")
        self.client_id, self.client_secret, self.tenant = client_id, client_secret, tenant
        self.users = {k.lower(): v for k, v in (users or {}).items()}  # user name -> password
        self.tokens: dict[str, str] = {}  # access token -> who
        self.refresh_tokens: dict[str, str] = {}
        self.device_codes: dict[str, str] = {}  # device code -> user code
        self.sign_ins: dict[str, str] = {}  # user code -> who signed in with it ("" declined)
        self.routes = GraphRoutes(store, self.graph)

    def sign_in(self, user_code: str, user: str, password: str) -> None:
        """A person opens the device-login page and enters the code (and their password)."""
        self.sign_ins[user_code] = user.lower() if self.users.get(user.lower()) == password else ""

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    # --- the whole exchange -------------------------------------------------------------------
    def handle(self, request: httpx.Request) -> httpx.Response:
        if str(request.url).startswith(self.login + "/"):
            return self._login(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        batch = request.url.path.endswith("/$batch")
        parts = json.loads(request.content or b"{}").get("requests", []) if batch else []
        ops = {self.routes.operation(p["method"], p["url"]) for p in parts} | {
            "$batch" if batch else self.routes.operation(request.method, str(request.url))
        }
        mailbox = self.routes.mailbox_of(str(request.url)) if not batch else ""
        failure = self.store.take_failure(ops, mailbox, kinds=None if not batch else TOP_LEVEL)
        if failure is not None and failure.kind in TOP_LEVEL + PER_PART:
            early = self._fail_early(request, failure.kind, failure.back_off, failure.delay)
            if early is not None:
                self.store.record("graph", f"failed:{failure.kind}")
                return early
        if token not in self.tokens:
            return _error(
                401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience."
            )
        if batch:
            # JSON batching: "the responses may come back in any order" — here always reversed
            answers = [self._part(p) for p in parts][::-1]
            self.store.record("graph", "$batch", items=len(parts))
            reply = httpx.Response(200, json={"responses": answers})
        elif self.routes.operation(request.method, str(request.url)) == "POST sendMail":
            reply = self._send_mail(request, mailbox)
            self.store.record("graph", "POST sendMail", mailbox)
        else:
            op = self.routes.operation(request.method, str(request.url))
            forced = failure.kind if failure is not None and failure.kind in PER_PART else None
            answer = self._answer(
                request.method, str(request.url), dict(request.headers), _body(request), forced
            )
            self.store.record("graph", op, mailbox)
            reply = httpx.Response(answer.status, json=answer.body, headers=answer.headers)
        if failure is not None and failure.kind == "drop_after":
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        return reply

    def _send_mail(self, request: httpx.Request, mailbox: str) -> httpx.Response:
        """``POST /users/{id}/sendMail`` ("user: sendMail"): a message in MIME format is sent with
        ``Content-Type: text/plain`` and the MIME content base64 in the body; malformed base64 is
        400 ("Invalid base64 string for MIME content."); success is ``202 Accepted``, no body.
        The JSON form (``application/json``) is not implemented by the fake."""
        import binascii
        from email import message_from_bytes

        if mailbox not in self.store.mailboxes:
            return _error(404, "ErrorInvalidUser", f"The requested user '{mailbox}' is invalid.")
        if mailbox in self.store.denied:
            return _error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
        kind = request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind != "text/plain":
            return _error(
                400, "BadRequest", f"The fake implements only the MIME form of sendMail, not {kind}."
            )
        try:
            mime = base64.b64decode(request.content, validate=True)
        except binascii.Error:
            return _error(
                400, "ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content."
            )
        if not message_from_bytes(mime).get_all("To"):
            return _error(400, "ErrorInvalidRecipients", "At least one recipient isn't valid.")
        self.store.send_mail("graph", mailbox, mime)
        return httpx.Response(202)

    def _fail_early(
        self, request: httpx.Request, kind: str, back_off: float, delay: float
    ) -> httpx.Response | None:
        if kind == "drop":
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        if kind == "slow":
            read_timeout = (request.extensions.get("timeout") or {}).get("read")
            if read_timeout is not None and delay >= read_timeout:
                time.sleep(read_timeout)
                raise httpx.ReadTimeout("timed out", request=request)
            time.sleep(delay)
            return None
        if kind == "unauthorized":
            return _error(
                401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired."
            )
        if kind == "server_error":
            return _error(500, "generalException", "An internal server error occurred.")
        if kind in ("unavailable", "busy"):
            status = 503 if kind == "unavailable" else 429
            return _error(
                status, "ServiceUnavailable" if status == 503 else "TooManyRequests", "Try later.", back_off
            )
        return None  # conflict: acted on per request, drop_after: after the work

    def _part(self, part: dict[str, Any]) -> dict[str, Any]:
        method, url = part["method"], self.graph + part["url"]
        op = self.routes.operation(method, url)
        mailbox = self.routes.mailbox_of(url)
        failure = self.store.take_failure(op, mailbox, kinds=PER_PART)
        self.store.record("graph-batch", op, mailbox)
        if failure is not None and failure.kind == "busy":
            return {
                "id": part["id"],
                "status": 429,
                "headers": {"Retry-After": str(failure.back_off)},
                "body": {"error": {"code": "TooManyRequests", "message": "Please retry again later."}},
            }
        forced = failure.kind if failure is not None else None
        answer = self._answer(method, url, part.get("headers") or {}, part.get("body"), forced)
        return {"id": part["id"], "status": answer.status, "headers": answer.headers, "body": answer.body}

    def _answer(
        self, method: str, url: str, headers: dict[str, str], body: Any, forced: str | None
    ) -> GraphReply:
        with self.store.lock:
            return self.routes.answer(method, url, headers, body, force_conflict=forced == "conflict")

    # --- sign-in ------------------------------------------------------------------------------
    def _login(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        self.store.record("login", path.rsplit("/", 1)[-1])
        base = f"{self.login}/{self.tenant}"
        if path.endswith("/.well-known/openid-configuration"):
            return httpx.Response(
                200,
                json={
                    "token_endpoint": f"{base}/oauth2/v2.0/token",
                    "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                    "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                    "issuer": f"{self.login}/{self.tenant}/v2.0",
                },
            )
        if "/userrealm/" in path:
            return httpx.Response(
                200, json={"account_type": "Managed", "domain_name": "umea.se", "ver": "1.0"}
            )
        if path.endswith("/oauth2/v2.0/devicecode"):
            form = dict(httpx.QueryParams(request.content.decode()))
            if form.get("client_id") != self.client_id:
                return _oauth_error(
                    400, "unauthorized_client", "AADSTS700016: Application not found in the directory."
                )
            device_code, user_code = "dc-" + secrets.token_hex(8), secrets.token_hex(3).upper()
            self.device_codes[device_code] = user_code
            return httpx.Response(
                200,
                json={
                    "device_code": device_code,
                    "user_code": user_code,
                    "verification_uri": "https://microsoft.com/devicelogin",
                    "expires_in": 900,
                    "interval": 1,
                    "message": f"To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code {user_code} to authenticate.",
                },
            )
        if path.endswith("/oauth2/v2.0/token"):
            return self._token(dict(httpx.QueryParams(request.content.decode())))
        return httpx.Response(404, json={"error": "not_found"})

    def _token(self, form: dict[str, str]) -> httpx.Response:
        grant = form.get("grant_type")
        if form.get("client_id") != self.client_id:
            return _oauth_error(
                400, "unauthorized_client", "AADSTS700016: Application not found in the directory."
            )
        if grant == "client_credentials":
            if form.get("client_secret") != self.client_secret:
                return _oauth_error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.")
            return self._issue(self.client_id, user=None)
        if grant == "urn:ietf:params:oauth:grant-type:device_code":
            user_code = self.device_codes.get(form.get("device_code", ""), "")
            answer = self.sign_ins.get(user_code)
            if answer is None:
                return _oauth_error(
                    400, "authorization_pending", "AADSTS70016: Pending end-user authorization."
                )
            if answer == "":
                return _oauth_error(
                    400, "authorization_declined", "AADSTS70000: The user declined the sign-in."
                )
            return self._issue(answer, user=answer)
        if grant == "refresh_token":
            user = self.refresh_tokens.get(form.get("refresh_token", ""))
            if user is None:
                return _oauth_error(400, "invalid_grant", "AADSTS70008: The refresh token has expired.")
            return self._issue(user, user=user)
        return _oauth_error(400, "unsupported_grant_type", grant or "")

    def _issue(self, who: str, user: str | None) -> httpx.Response:
        token = "at-" + secrets.token_hex(8)
        self.tokens[token] = who
        reply: dict[str, Any] = {"token_type": "Bearer", "expires_in": 3600, "access_token": token}
        if user is not None:
            refresh = "rt-" + secrets.token_hex(8)
            self.refresh_tokens[refresh] = user
            uid = base64.b16encode(user.encode()).decode()[:32].lower()
            claims = {
                "aud": self.client_id,
                "iss": f"{self.login}/{self.tenant}/v2.0",
                "tid": self.tenant,
                "oid": uid,
                "sub": uid,
                "preferred_username": user,
                "name": user.split("@")[0],
                "iat": int(time.time()),
                "nbf": int(time.time()),
                "exp": int(time.time()) + 3600,
                "ver": "2.0",
            }
            id_token = ".".join(
                [_b64url(b'{"alg":"none","typ":"JWT"}'), _b64url(json.dumps(claims).encode()), ""]
            )
            reply.update(
                refresh_token=refresh,
                id_token=id_token,
                client_info=_b64url(json.dumps({"uid": uid, "utid": self.tenant}).encode()),
                scope="https://graph.microsoft.com/Calendars.ReadWrite.Shared https://graph.microsoft.com/Place.Read.All",
            )
        return httpx.Response(200, json=reply)


def _body(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


def _error(status: int, code: str, message: str, retry_after: float | None = None) -> httpx.Response:
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
    return httpx.Response(status, json={"error": {"code": code, "message": message}}, headers=headers)


def _oauth_error(status: int, error: str, description: str) -> httpx.Response:
    return httpx.Response(status, json={"error": error, "error_description": description, "error_codes": [0]})


def graph_backend(
    fake: FakeGraph, tmp_path: Path, clock: Callable[[], Any] | None = None, **overrides: Any
) -> GraphBackend:
    """A GraphBackend on ``fake`` with the test settings (``password`` is an EWS setting: ignored)."""
    from tests.conftest import NOW
    from tests.integrations.exchange.conftest import graph_settings_for

    overrides.pop("password", None)
    client = httpx.Client(transport=fake.transport())
    backend = GraphBackend(
        graph_settings_for(tmp_path, **overrides), http_client=client, clock=clock or (lambda: NOW)
    )
    backend._test_client = client  # type: ignore[attr-defined]  # closed by the fixtures
    return backend
