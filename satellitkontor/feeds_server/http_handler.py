"""One HTTP request to the feed server: ``GET`` or ``HEAD /feeds/<token>.ics``.

What a request does, in order, and why:

1. The path must be ``/feeds/<token>.ics`` (a query string is ignored). Anything else, an unknown
   token and a revoked one get the same 404 with the same body: nobody learns which tokens exist
   or existed. Methods other than GET and HEAD get 405 with ``Allow: GET, HEAD``.
2. The token is looked up in the database on every request (no cache): a revoked URL stops
   working at the next request.
3. ``feeds.version()`` gives the ETag (strong, quoted) and Last-Modified *before* the feed is
   written, so an ETag is never newer than the body it comes with: a change in between only
   makes the next revalidation fetch the feed again. A feed whose desk, room or person no
   longer exists answers 404 like an unknown token. If-None-Match / If-Modified-Since -> 304
   with no body (conditional.py).
4. 200 ``text/calendar; charset=utf-8``, streamed with chunked transfer encoding in pieces of
   about 32 KiB, so a feed of any size never sits in memory whole. The first piece is produced
   before the status line is sent: a database that fails when the feed starts still gets an
   honest 503. If the writer fails later, the connection is dropped without the closing chunk,
   so the client sees a broken transfer and keeps its previous copy instead of a cut-off feed.
5. ``Cache-Control: private, max-age=300``: ``private`` because an internal feed carries names
   and no shared proxy should keep it; five minutes of freshness spare a browser or proxy from
   asking again at once, while calendar programs poll far less often anyway and then revalidate
   with the ETag for next to nothing. Error answers are ``no-store``.
6. A database error -> 503 with ``Retry-After``, logged; any other failure -> 500, logged with its
   traceback. The client never sees a traceback.
7. One log line per request through ``logging`` (logger ``satellitkontor.feeds``), with the
   token cut to its hint (names.redact); nothing is written to stderr by this module.
"""

from __future__ import annotations

import logging
import re
import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from satellitkontor.domain.errors import NotFound
from satellitkontor.feeds_server.conditional import http_date, not_modified, quote_etag
from satellitkontor.feeds_server.names import feed_file_name, redact
from satellitkontor.services.base import DATABASE_FAILURES
from satellitkontor.words import languages, say

if TYPE_CHECKING:
    from satellitkontor.feeds_server.server import FeedHTTPServer

log = logging.getLogger("satellitkontor.feeds")

_FEED_PATH = re.compile(r"/feeds/([A-Za-z0-9_-]{1,200})\.ics")
CHUNK_BYTES = 32 * 1024
CACHE_CONTROL = "private, max-age=300"
RETRY_AFTER_SECONDS = 30


def _in_every_language(key: str) -> bytes:
    """A calendar program shows no --lang: the answer's body says it in every language we speak."""
    return (" / ".join(say(key, lang) for lang in languages()) + "\n").encode()


NOT_FOUND = _in_every_language("feeds_server.not_found")
NOT_ALLOWED = _in_every_language("feeds_server.not_allowed")
UNAVAILABLE = _in_every_language("feeds_server.unavailable")
BUSY = _in_every_language("feeds_server.busy")
INTERNAL = _in_every_language("feeds_server.internal")

_DATABASE_ERRORS = DATABASE_FAILURES
_VERSION = re.compile(r"HTTP/(\d{1,3})\.(\d{1,3})")
_CLIENT_GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, socket.timeout)


class FeedRequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Satellitkontoret-feeds"
    #: Seconds a connection may stay silent (reading a request, or not reading our answer): a
    #: silent connection holds one of a fixed number of workers (server.py).
    timeout = 10
    server: FeedHTTPServer

    def parse_request(self) -> bool:
        """The base class answers HTTP/2.0 and later with 505 but in the manner of HTTP/0.9, with
        no status line; a client that sent ``HTTP/9.9`` gets ``HTTP/1.1 505`` and a closed
        connection."""
        words = (self.raw_requestline or b"").split()
        version = words[-1].decode("latin-1", "replace") if len(words) == 3 else ""
        match = _VERSION.fullmatch(version)
        if match is not None and (int(match.group(1)), int(match.group(2))) >= (2, 0):
            self.command, self.path = words[0].decode("latin-1", "replace")[:16], ""
            self.request_version = "HTTP/1.1"
            self.close_connection = True
            self.send_error(505, "HTTP Version Not Supported")
            return False
        return super().parse_request()

    def version_string(self) -> str:
        return self.server_version  # no Python version in the Server header

    # --- dispatch ---------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._serve_feed(with_body=True)

    def do_HEAD(self) -> None:
        self._serve_feed(with_body=False)

    def __getattr__(self, name: str) -> Any:
        # BaseHTTPRequestHandler looks up "do_" + METHOD; every method but GET and HEAD gets 405
        # (rather than the base class's 501, which would also reveal nothing but reads oddly).
        if name.startswith("do_"):
            return self._method_not_allowed
        raise AttributeError(name)

    def _method_not_allowed(self) -> None:
        # The request may carry a body we do not read: answer and close the connection.
        self.close_connection = True
        self._plain(405, NOT_ALLOWED, {"Allow": "GET, HEAD", "Connection": "close"})

    # --- the feed ---------------------------------------------------------------------------
    def _serve_feed(self, *, with_body: bool) -> None:
        match = _FEED_PATH.fullmatch(urlsplit(self.path).path)
        if match is None:
            self._plain(404, NOT_FOUND)
            return
        if not self.server.slots.acquire(blocking=False):
            self._plain(503, BUSY, {"Retry-After": "5"})
            return
        try:
            self._answer(match.group(1), with_body=with_body)
        finally:
            self.server.slots.release()

    def _answer(self, token: str, *, with_body: bool) -> None:
        services = self.server.services
        chunks: Iterator[bytes] | None = None
        try:
            feed = services.feed_publishing.lookup(token)
            if feed is None:
                self._plain(404, NOT_FOUND)
                return
            version = services.feeds.version(feed.spec, privacy=feed.privacy)
            headers = {
                "ETag": quote_etag(version.etag),
                "Last-Modified": http_date(version.last_modified),
                "Cache-Control": CACHE_CONTROL,
            }
            if not_modified(self._conditions(), version.etag, version.last_modified):
                self._head(304, headers)
                return
            title = feed.label or services.feeds.title(feed.spec, "sv", privacy=feed.privacy)
            first = b""
            if with_body:
                chunks = iter(services.feeds.stream(feed.spec, privacy=feed.privacy))
                first = next(chunks, b"")
        except _DATABASE_ERRORS as exc:
            _close(chunks)
            log.error("database error while serving %s: %s", redact(self.path), _first_line(exc))
            self._plain(503, UNAVAILABLE, {"Retry-After": str(RETRY_AFTER_SECONDS)})
            return
        except NotFound:  # the feed's desk, room or person is gone: the feed is, too
            _close(chunks)
            self._plain(404, NOT_FOUND)
            return
        except _CLIENT_GONE:
            _close(chunks)
            raise
        except Exception:
            _close(chunks)
            log.exception("unexpected error while serving %s", redact(self.path))
            self._plain(500, INTERNAL)
            return
        headers.update(
            {
                "Content-Type": "text/calendar; charset=utf-8",
                "Content-Disposition": f'inline; filename="{feed_file_name(title, feed.hint)}"',
                "Transfer-Encoding": "chunked",
                "X-Content-Type-Options": "nosniff",
            }
        )
        self._head(200, headers)
        if chunks is not None:
            self._stream(first, chunks)

    def _stream(self, first: bytes, chunks: Iterator[bytes]) -> None:
        buffer = bytearray(first)
        try:
            for piece in chunks:
                buffer += piece
                if len(buffer) >= CHUNK_BYTES:
                    self._chunk(buffer)
                    buffer.clear()
            if buffer:
                self._chunk(buffer)
            self.wfile.write(b"0\r\n\r\n")
        except _CLIENT_GONE as exc:
            self.close_connection = True
            log.info(
                "client left during %s after %d bytes (%s)", redact(self.path), self._sent, type(exc).__name__
            )
        except Exception as exc:
            self.close_connection = True  # no closing chunk: the client must not keep half a feed
            if isinstance(exc, _DATABASE_ERRORS):
                log.error("database error while streaming %s: %s", redact(self.path), _first_line(exc))
            else:
                log.exception("feed writer failed while streaming %s", redact(self.path))
        finally:
            _close(chunks)

    def _chunk(self, data: bytearray) -> None:
        self.wfile.write(b"%x\r\n" % len(data) + data + b"\r\n")
        self._sent += len(data)

    def _conditions(self) -> dict[str, str]:
        out = {}
        for name in ("If-None-Match", "If-Modified-Since"):
            values = self.headers.get_all(name)
            if values:
                out[name] = ", ".join(values) if name == "If-None-Match" else values[0]
        return out

    # --- responses --------------------------------------------------------------------------
    def _head(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def _plain(self, status: int, body: bytes, extra: dict[str, str] | None = None) -> None:
        headers = {
            "Content-Type": "text/plain; charset=utf-8",
            "Content-Length": str(len(body)),
            "Cache-Control": "no-store",
            **(extra or {}),
        }
        self._head(status, headers)
        if self.command != "HEAD":
            self.wfile.write(body)
            self._sent += len(body)

    # --- logging: one line per request, tokens cut to their hint --------------------------------
    _status: int | None = None
    _sent = 0

    def handle_one_request(self) -> None:
        self._status = None
        self._sent = 0
        self.path = ""
        started = time.monotonic()
        try:
            super().handle_one_request()
        finally:
            status = self._answered()
            if status is not None:
                log.info(
                    '%s "%s %s" %d %d %.0fms',
                    self.client_address[0],
                    self.command or "-",
                    redact(self.path) or "-",
                    status,
                    self._sent,
                    (time.monotonic() - started) * 1000,
                )

    def _answered(self) -> int | None:
        """The status sent for this request (set by log_request), None when nothing was."""
        return self._status

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self._status = int(code) if isinstance(code, int) else 0

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.client_address[0], redact(format % args))


def _close(chunks: Iterator[bytes] | None) -> None:
    close = getattr(chunks, "close", None)
    if close is not None:
        try:
            close()
        except Exception:  # a writer that fails while closing must not hide the answer
            log.exception("closing the feed writer failed")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
