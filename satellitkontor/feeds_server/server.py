"""The feed server: published calendar feeds over HTTP, and optionally into a folder.

Built on the standard library's ``HTTPServer`` with a fixed pool of worker threads: calendar
programs poll a handful of URLs every few minutes to hours, which is nowhere near what would need
an async server, and no extra dependency has to be shipped to the office's PCs. A thread per
connection (``ThreadingHTTPServer``) made 9,000 threads (311 MB) for 9,000 half-open
connections, and its listen backlog of 5 gave 200 simultaneous clients a p90 of 9.1 s. Now:

- a listen backlog of ``BACKLOG`` (the system may cap it);
- ``max_concurrent`` worker threads take accepted connections from a queue of
  ``QUEUE`` places; when it is full the connection gets 503 Retry-After 5 at once and is
  closed, so memory and threads stay bounded whatever arrives;
- every connection has a deadline for each read and write (``FeedRequestHandler.timeout``).

- It listens on ``127.0.0.1`` unless told otherwise: serving the office network is a decision an
  admin takes with ``--host`` (and usually a reverse proxy with TLS in front).
- Address reuse: on Linux and macOS ``SO_REUSEADDR`` (a restart is not blocked by connections in
  TIME_WAIT, and a second server on a port in use still fails); on Windows, where that option
  would let a second program take the port, ``SO_EXCLUSIVEADDRUSE`` instead.
- A port already in use or an address that cannot be taken raises the typed errors
  ``FeedServerPortInUse`` / ``FeedServerCannotListen`` (the CLI says so in Swedish, exit 2).
- At most ``max_concurrent`` requests are worked on at once (the others get 503 Retry-After 5),
  so a burst cannot open an unbounded number of database connections.
- ``FeedServer.close()`` stops accepting, shuts down open connections (keep-alive ones included)
  and stops the folder writer: tests and the CLI leave no thread or socket behind.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import queue
import socket
import socketserver
import sys
import threading
from collections.abc import Callable
from http.server import HTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from satellitkontor.domain.errors import FeedServerCannotListen, FeedServerPortInUse
from satellitkontor.feeds_server.http_handler import FeedRequestHandler

if TYPE_CHECKING:
    from satellitkontor.feeds_server.folder import FolderWatcher
    from satellitkontor.services.app_services import AppServices

log = logging.getLogger("satellitkontor.feeds")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
_IN_USE = {errno.EADDRINUSE, 10048}  # 10048: WSAEADDRINUSE
#: Connections the system may hold before we accept them (listen backlog).
BACKLOG = 512
#: Accepted connections waiting for a worker; beyond them: 503 at once.
QUEUE = 256
_FULL = (
    b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
)


class FeedHTTPServer(HTTPServer):
    allow_reuse_address = sys.platform != "win32"
    request_queue_size = BACKLOG

    def __init__(self, address: tuple[str, int], services: AppServices, max_concurrent: int) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.services = services
        self.slots = threading.BoundedSemaphore(max_concurrent)
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        self._waiting: queue.Queue[tuple[Any, Any] | None] = queue.Queue(QUEUE)
        self._workers: list[threading.Thread] = []  # a failed bind calls server_close already
        super().__init__(address, FeedRequestHandler)
        self._workers = [
            threading.Thread(target=self._work, name=f"feed-worker-{n}", daemon=True)
            for n in range(max(2, max_concurrent))
        ]
        for worker in self._workers:
            worker.start()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        try:
            self._waiting.put_nowait((request, client_address))
        except queue.Full:
            with contextlib.suppress(OSError):
                request.settimeout(1)
                request.sendall(_FULL)
            self.shutdown_request(request)

    def _work(self) -> None:
        while True:
            item = self._waiting.get()
            if item is None:
                return
            request, client_address = item
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    def server_close(self) -> None:
        super().server_close()
        for _ in self._workers:
            with contextlib.suppress(queue.Full):
                self._waiting.put_nowait(None)

    def server_bind(self) -> None:
        if sys.platform == "win32" and hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        # TCPServer's bind, not HTTPServer's: that one asks DNS for the host's full name
        # (socket.getfqdn), which can hang for seconds on a badly configured network.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_open_connections(self) -> None:
        with self._open_lock:
            open_now = list(self._open)
        for sock in open_now:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            log.debug("connection from %s ended: %s", client_address[0], type(exc).__name__)
        else:
            log.error("error in a request from %s", client_address[0], exc_info=True)


class FeedServer:
    """The HTTP feed server and, with ``folder``, the folder writer, run in background threads.

    ``FeedServer(services, port=0).start()`` takes a free port; ``url`` is then its base URL.
    ``http=False`` runs only the folder writer.
    """

    def __init__(
        self,
        services: AppServices,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        *,
        folder: Path | None = None,
        http: bool = True,
        poll_interval: float = 2.0,
        max_concurrent: int = 16,
    ) -> None:
        if not http and folder is None:
            raise ValueError("nothing to serve: neither HTTP nor a folder")
        self.services = services
        self.host = host
        self.port = port
        self.folder = folder
        self.http = http
        self.poll_interval = poll_interval
        self.max_concurrent = max_concurrent
        self._httpd: FeedHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._watcher: FolderWatcher | None = None

    def start(self) -> FeedServer:
        if self.http:
            self._httpd = _bind(self.host, self.port, self.services, self.max_concurrent)
            self.port = self._httpd.server_port
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.2},
                name=f"feed-server:{self.port}",
                daemon=True,
            )
            self._thread.start()
            log.info("serving feeds at %s", self.url)
        if self.folder is not None:
            from satellitkontor.feeds_server.folder import FolderPublisher, FolderWatcher

            try:
                self._watcher = FolderWatcher(
                    FolderPublisher(self.services, self.folder),
                    self.services.changes.token,
                    interval=self.poll_interval,
                ).start()
            except BaseException:
                self.close()
                raise
        return self

    @property
    def url(self) -> str:
        """``http://127.0.0.1:8765``: where the feeds are, before ``/feeds/<token>.ics``."""
        if self._httpd is None:
            raise RuntimeError("the HTTP server is not running")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def watcher(self) -> FolderWatcher | None:
        return self._watcher

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd.close_open_connections()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._httpd = None
            log.info("feed server stopped")

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def _bind(host: str, port: int, services: AppServices, max_concurrent: int) -> FeedHTTPServer:
    try:
        return FeedHTTPServer((host, port), services, max_concurrent)
    except OSError as exc:
        if exc.errno in _IN_USE or getattr(exc, "winerror", None) in _IN_USE:
            raise FeedServerPortInUse(host=host, port=port, detail=exc.strerror or str(exc)) from exc
        raise FeedServerCannotListen(host=host, port=port, detail=exc.strerror or str(exc)) from exc


def serve(
    services: AppServices,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    folder: Path | None = None,
    *,
    http: bool = True,
    poll_interval: float = 2.0,
    on_ready: Callable[[FeedServer], None] | None = None,
    stop: threading.Event | None = None,
) -> None:
    """Serve until ``stop`` is set or Ctrl+C (KeyboardInterrupt, which is passed on).

    The wait wakes twice a second: on Windows a plain ``Event.wait()`` would not let Ctrl+C in.
    """
    stop = stop or threading.Event()
    with FeedServer(services, host, port, folder=folder, http=http, poll_interval=poll_interval) as server:
        if on_ready is not None:
            on_ready(server)
        while not stop.wait(0.5):
            pass
