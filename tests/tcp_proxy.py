"""A small TCP proxy for tests: put it between the app and PostgreSQL, then pull the plug.

``cut()`` closes every connection through it and stops listening, so the app sees exactly what a
server that went away looks like (the connections it held are closed, new ones are refused);
``restore()`` listens again on the same port. Threads and plain sockets, on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import socket
import threading


class TcpProxy:
    def __init__(self, target_host: str = "127.0.0.1", target_port: int = 5432) -> None:
        self.target = (target_host, target_port)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port: int = probe.getsockname()[1]
        probe.close()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self._accepting = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> TcpProxy:
        self.restore()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.cut()

    def url_for(self, url: str) -> str:
        """``url`` (a SQLAlchemy URL to the target) with this proxy's port instead."""
        from sqlalchemy.engine import make_url

        return make_url(url).set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    # --- the plug --------------------------------------------------------------------------------
    def restore(self) -> None:
        """Listen (again) on ``self.port``."""
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        listener.settimeout(0.05)
        self._listener = listener
        self._accepting.set()
        self._thread = threading.Thread(target=self._accept, args=(listener,), name="tcp-proxy", daemon=True)
        self._thread.start()

    def cut(self) -> None:
        """Close every connection and stop listening: the server is gone for whoever uses the proxy."""
        self._accepting.clear()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for s in sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    @property
    def connections(self) -> int:
        with self._lock:
            return len(self._sockets) // 2

    # --- the pipes -------------------------------------------------------------------------------
    def _accept(self, listener: socket.socket) -> None:
        while self._accepting.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._sockets.update((client, server))
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
            with self._lock:
                self._sockets.discard(source)
                self._sockets.discard(sink)
            source.close()
