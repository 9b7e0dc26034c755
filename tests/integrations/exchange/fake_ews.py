"""A fake Exchange Web Services server on 127.0.0.1 for the real exchangelib to talk to over HTTP.

It answers the SOAP operations exchangelib sends for the backend's flows (captured from its
requests: GetFolder, CreateItem, UpdateItem, DeleteItem, FindItem, GetItem, SyncFolderItems,
GetUserAvailability, GetServerTimeZones, GetRoomLists, GetRooms) on the in-memory mailboxes of
:class:`~tests.integrations.exchange.fake_store.FakeExchange`.

Authentication: Basic, and NTLM through pyspnego's acceptor (the real NTLM handshake of
requests_ntlm: negotiate -> challenge -> authenticate on one kept-alive connection; users come from
an ``NTLM_USER_FILE`` the server writes). OAuth2 bearer tokens are accepted when listed in
``tokens``.

Failure switches (``store.fail(kind, ...)``) act at the HTTP level as Exchange and its front end do:
ErrorServerBusy as a SOAP fault with BackOffMilliseconds, 401, 403 with the tenant's "EWS is
blocked" text, 503 with Retry-After, a 500 internal error, a slow answer, a connection closed
before the answer, or closed after the work was done (the client cannot know it happened), and
ErrorIrresolvableConflict for UpdateItem.
"""

from __future__ import annotations

import base64
import contextlib
import os
import socket
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from lxml import etree

from tests.integrations.exchange.fake_ews_calendar import OPERATIONS
from tests.integrations.exchange.fake_ews_ops import Call, EwsError
from tests.integrations.exchange.fake_ews_xml import ExtendedDefs, envelope, fault, find, text
from tests.integrations.exchange.fake_store import FakeExchange


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._send(405, b"", "text/plain")

    def do_POST(self) -> None:
        fake = self.server.fake
        if fake.latency:
            time.sleep(fake.latency)
        length = int(self.headers.get("Content-Length", "0"))
        data = self.rfile.read(length) if length else b""
        user = self._authenticate()
        if user is None:
            return
        try:
            root = etree.fromstring(data)
        except etree.XMLSyntaxError:
            self._send(400, b"bad xml", "text/plain")
            return
        body = find(root, "s:Body")
        if body is None or not len(body):
            self._send(400, b"no body", "text/plain")
            return
        operation = etree.QName(body[0]).localname
        impersonated = (
            text(root, "s:Header/t:ExchangeImpersonation/t:ConnectingSID/t:PrimarySmtpAddress") or None
        )
        call = Call(fake.store, fake.defs, fake.users[user][1], impersonated)
        failure = fake.store.take_failure(
            operation, (impersonated or self.headers.get("X-AnchorMailbox") or "")
        )
        if failure is not None:
            if failure.kind == "slow":
                time.sleep(failure.delay)
            elif failure.kind == "conflict":
                call.force_conflict = True
            elif failure.kind != "drop_after":
                fake.store.record("ews", f"failed:{failure.kind}")
                self._fail(failure.kind, failure.back_off)
                return
        if impersonated and impersonated.lower() in fake.store.denied:
            fake.store.record("ews", operation, impersonated)
            self._send(
                500,
                fault(
                    "ErrorImpersonateUserDenied",
                    "The account does not have permission to impersonate the requested user.",
                ),
            )
            return
        handler = OPERATIONS.get(operation)
        if handler is None:
            self._send(500, fault("ErrorInvalidRequest", f"The fake does not implement {operation}."))
            return
        try:
            with fake.store.lock:
                answer = handler(call, body[0])
        except EwsError as e:
            self._send(500, fault(e.code, e.text))
            return
        fake.store.record("ews", operation, call.mailbox, len(body[0].findall(".//{*}CalendarItem")))
        if failure is not None and failure.kind == "drop_after":
            self._drop()
            return
        self._send(200, envelope(answer))

    # --- authentication -----------------------------------------------------------------------
    def _authenticate(self) -> str | None:
        """The user name, or None after answering 401 (or an NTLM challenge)."""
        fake = self.server.fake
        header = self.headers.get("Authorization", "")
        scheme, _, value = header.partition(" ")
        if scheme.lower() == "basic" and "basic" in fake.auth:
            user, _, password = base64.b64decode(value).decode("utf-8", "replace").partition(":")
            if user in fake.users and fake.users[user][0] == password:
                return user
        elif scheme.lower() == "bearer" and "oauth2" in fake.auth and value in fake.tokens:
            return fake.tokens[value]
        elif scheme.lower() == "ntlm" and "ntlm" in fake.auth:
            return self._ntlm(value)
        self._challenge()
        return None

    def _challenge(self, ntlm_token: str | None = None) -> None:
        fake = self.server.fake
        self.send_response(401)
        if ntlm_token is not None:
            self.send_header("WWW-Authenticate", f"NTLM {ntlm_token}")
        else:
            if "ntlm" in fake.auth:
                self.send_header("WWW-Authenticate", "NTLM")
            if "basic" in fake.auth:
                self.send_header("WWW-Authenticate", 'Basic realm="fake-exchange"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _ntlm(self, token: str) -> str | None:
        import spnego

        raw = base64.b64decode(token)
        if raw[8:12] == b"\x01\x00\x00\x00":  # NEGOTIATE_MESSAGE: a new handshake on this connection
            self._ntlm_context = spnego.server(protocol="ntlm")
        context = getattr(self, "_ntlm_context", None)
        if context is None:
            self._challenge()
            return None
        try:
            out = context.step(raw)
        except spnego.exceptions.SpnegoError:
            self._ntlm_context = None
            self._challenge()
            return None
        if not context.complete:
            self._challenge(base64.b64encode(out or b"").decode())
            return None
        self._ntlm_context = None
        user = str(context.client_principal or "").split("\\")[-1]
        return user if user in self.server.fake.users else None

    # --- answers ------------------------------------------------------------------------------
    def _fail(self, kind: str, back_off: float) -> None:
        if kind == "busy":
            self._send(
                500,
                fault(
                    "ErrorServerBusy",
                    "The server cannot service this request right now. Try again later.",
                    {"BackOffMilliseconds": str(int(back_off * 1000))},
                ),
            )
        elif kind == "unauthorized":
            self._challenge()
        elif kind == "ews_disabled":
            self._send(403, FakeExchange.EWS_DISABLED_TEXT.encode(), "text/plain")
        elif kind == "unavailable":
            self._send(503, b"Service Unavailable", "text/plain", {"Retry-After": str(int(back_off))})
        elif kind == "server_error":
            self._send(
                500,
                fault("ErrorInternalServerError", "An internal server error occurred. The operation failed."),
            )
        elif kind == "html_500":  # a front end (IIS, a proxy) answering with its own error page
            page = (
                b"<!DOCTYPE html><html><head><title>500 - Internal server error.</title></head><body>"
                b"<h2>500 - Internal server error.</h2><h3>There is a problem with the resource you are "
                b"looking for, and it cannot be displayed.</h3></body></html>"
            )
            self._send(500, page, "text/html")
        elif kind == "drop":
            self._drop()
        else:
            raise AssertionError(f"unknown failure {kind}")

    def _drop(self) -> None:
        """Close the connection without a word, as a crashed front end or a cut cable would."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _send(
        self,
        status: int,
        data: bytes,
        content_type: str = "text/xml; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeEws


class FakeEws:
    """``with FakeEws(store, users={"svc": ("pw", "svc@umea.se")}) as ews: ews.url``"""

    def __init__(
        self,
        store: FakeExchange,
        users: dict[str, tuple[str, str]],
        auth: tuple[str, ...] = ("basic",),
        tokens: dict[str, str] | None = None,
        latency: float = 0.0,
    ) -> None:
        self.store = store
        self.latency = latency  # added to every answer (the benchmark's network)
        self.users = users
        self.auth = auth
        self.tokens = tokens or {}
        self.defs: ExtendedDefs = {}
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-ews", daemon=True
        )
        self._ntlm_file: Path | None = None
        if "ntlm" in auth:
            fd, name = tempfile.mkstemp(prefix="fake-ews-ntlm-", text=True)
            with os.fdopen(fd, "w") as f:
                f.writelines(f"UMEA:{user}:{password}\n" for user, (password, _) in users.items())
            self._ntlm_file = Path(name)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/EWS/Exchange.asmx"

    @property
    def ntlm_user_file(self) -> Path | None:
        """Point ``NTLM_USER_FILE`` at this for the NTLM acceptor (tests use monkeypatch.setenv)."""
        return self._ntlm_file

    def __enter__(self) -> FakeEws:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        if self._ntlm_file is not None:
            self._ntlm_file.unlink(missing_ok=True)
