"""Noticing at once that someone else changed the office, and that the database went away.

Every open app must show a booking made on another PC within a second, and must say so when it
cannot reach the database. :meth:`ChangeWatch.start` runs one daemon thread per app that does
both and reports through two callbacks (called on that thread; handing them over to the GUI
thread is the caller's job, see gui/context.py):

- ``on_change()``: something was committed; reload what you show.
- ``on_state(online)``: the database went away (``False``) or is back (``True``). It is called
  on a change of state only; a watch starts out assuming it is online. When it is back,
  ``on_change()`` follows at once: whatever was committed during the outage was not heard.

**PostgreSQL: LISTEN/NOTIFY sent by the database itself.** Migration 0006 puts a statement
trigger on every table a view shows that runs ``pg_notify('satellitkontor', <table>)``. The
server delivers a notification only when (and if) the writing transaction commits, so no writer
can forget to announce a change (the CLI, another version of the app, an admin's SQL) and nobody
hears of a change that was rolled back. The thread holds its own autocommit psycopg connection
(not one of the pool's), says ``LISTEN satellitkontor`` and blocks on the socket; it costs no
query while nothing happens. Any login may send on that channel too (``NOTIFY`` needs no
privilege), so a notification is only a hint: a payload naming no watched table is ignored, and
after a reload the next comes half a second later at the earliest (a flood costs two a second). TCP keepalives notice a server that vanished without closing the
connection. If the connection breaks it reports offline and reconnects with a growing pause
(0.5 s, 1 s, 2 s … 5 s; :meth:`retry_now` cuts the pause short).

**SQLite: polling ``PRAGMA data_version``.** SQLite has no notifications between processes. The
pragma, on a connection of the thread's own, changes whenever any other connection commits to
the file (this process's own writes use the pool's connections, so they count too); reading it
touches only the shared-memory index of the WAL, so polling it every 250 ms costs next to
nothing. ``Database.setup_generation`` is polled too (an in-memory database has no file). A file
that is gone, replaced (a restore) or unreadable reports offline, and online again once it opens.

A change heard from elsewhere also bumps ``Database.setup_generation`` (on PostgreSQL only when
the set-up tables changed), so the cached office set-up (services/office_setup.py) is read anew
at once; while the watch is listening and online (``Database.setup_watched``) that cache needs
no time limit of its own.

:meth:`token` is the same news for callers that poll (the feed folder writer): on SQLite one
pragma, on PostgreSQL no query at all, a counter of the notifications heard.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import text

from satellitkontor.storage.database import Database

log = logging.getLogger("satellitkontor.changes")

#: The channel of migration 0006's triggers.
CHANNEL = "satellitkontor"
#: Tables whose change alters the office's set-up (see services/office_setup.py).
SETUP_TABLES = frozenset({"resources", "closures", "settings"})
#: The payloads the triggers send (migration 0006's tables). ``NOTIFY`` needs no privilege, so any
#: login can send anything on the channel: a notification is only a hint to reload, other
#: payloads are ignored, and reloads come at most every RELOAD_INTERVAL seconds (migration 0008).
#: ``waitlist_entries`` notifies too (migration 0016): the reception's line follows on every PC.
WATCHED_TABLES = frozenset(
    {
        "bookings",
        "booking_series",
        "people",
        "rotation_years",
        "rotation_meetings",
        "municipalities",
        "waitlist_entries",
    }
    | SETUP_TABLES
)
RELOAD_INTERVAL = 0.5
#: How often the SQLite thread reads ``PRAGMA data_version``.
SQLITE_INTERVAL = 0.25
#: How long the PostgreSQL thread blocks on the socket before looking whether it should stop.
LISTEN_SLICE = 0.2
#: Pauses between attempts to reconnect: the first, and the longest.
BACKOFF_FIRST = 0.5
BACKOFF_MAX = 5.0
#: How long ``start()`` waits for the thread's first look (connected and listening, or not).
READY_TIMEOUT = 5.0


class ChangeWatch:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._raw: Any = None  # token()'s own SQLite connection
        self._subscribers: list[tuple[Callable[[], None], Callable[[bool], None] | None]] = []
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._ready = threading.Event()
        self._online = True
        #: Changes heard since the thread started (the PostgreSQL token).
        self._heard = 0

    # --- the push API ----------------------------------------------------------------------------
    def start(
        self,
        on_change: Callable[[], None],
        on_state: Callable[[bool], None] | None = None,
        *,
        wait: float = READY_TIMEOUT,
    ) -> None:
        """Call ``on_change`` after every commit by anyone, ``on_state`` when the database goes
        away or comes back (both on the watch's thread). Returns once the watch is listening
        (or has found the database unreachable), at most after ``wait`` seconds: a commit made
        after that is heard. Several callers may start one watch; each gets every call."""
        with self._lock:
            if self._stop.is_set():  # closed meanwhile (the app is closing): nothing to watch
                return
            self._subscribers.append((on_change, on_state))
            self._ensure_thread()
        self._ready.wait(wait)

    def remove(self, on_change: Callable[[], None]) -> None:
        """Stop calling this subscriber (the thread runs on for the others and for token())."""
        with self._lock:
            self._subscribers = [s for s in self._subscribers if s[0] != on_change]  # bound methods: ==

    @property
    def online(self) -> bool:
        """Whether the watch's own connection is up (True before start())."""
        return self._online

    def retry_now(self) -> None:
        """Offline: try to reconnect now rather than after the current pause."""
        self._wake.set()

    def ping(self) -> None:
        """One tiny read through the pool: raises DatabaseUnavailable when the database is gone."""
        with self.db.session() as s:
            s.execute(text("PRAGMA schema_version" if self.db.is_sqlite else "SELECT 1"))

    def close(self) -> None:
        """Stop the thread (within a fraction of a second) and close the connections."""
        with self._lock:
            self._stop.set()
            self.db.setup_watched = False
            self._wake.set()
            self._subscribers = []
            thread, self._thread = self._thread, None
            if self._raw is not None:
                self._raw.close()
                self._raw = None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2.0)

    # --- the poll API ----------------------------------------------------------------------------
    def token(self) -> tuple[object, ...]:
        """A value that differs after any committed change to the office's data."""
        if self.db.is_sqlite:
            with self._lock:
                if self._raw is None:
                    self._raw = self.db.engine.raw_connection()
                cur = self._raw.cursor()
                try:
                    cur.execute("PRAGMA data_version")
                    (version,) = cur.fetchone()
                finally:
                    cur.close()
                return (version, self.db.setup_generation)
        with self._lock:
            self._ensure_thread()
        self._ready.wait(READY_TIMEOUT)
        return (self._heard, self.db.setup_generation)

    # --- the thread ------------------------------------------------------------------------------
    def _ensure_thread(self) -> None:
        if self._thread is None and not self._stop.is_set():
            run = self._run_sqlite if self.db.is_sqlite else self._run_postgresql
            self._thread = threading.Thread(target=run, name="change-watch", daemon=True)
            self._thread.start()

    def _changed(self) -> None:
        self._heard += 1
        for on_change, _ in list(self._subscribers):
            try:
                on_change()
            except Exception:  # a subscriber's bug must not stop the watch
                log.exception("change watch subscriber failed")

    def _set_online(self, online: bool) -> bool:
        """Record the state; tell the subscribers if it changed (returns whether it did)."""
        watched = online and not self._stop.is_set()
        if watched and not self.db.setup_watched:  # what changed before it listened was not heard
            self.db.setup_generation += 1
        self.db.setup_watched = watched
        if online == self._online:
            return False
        self._online = online
        log.warning("database %s", "reachable again" if online else "unreachable: working offline")
        for _, on_state in list(self._subscribers):
            if on_state is not None:
                try:
                    on_state(online)
                except Exception:
                    log.exception("change watch subscriber failed")
        return True

    def _pause(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()

    def _run_postgresql(self) -> None:
        import psycopg

        conninfo = pg_conninfo(self.db)
        delay = BACKOFF_FIRST
        while not self._stop.is_set():
            try:
                conn = psycopg.connect(conninfo, autocommit=True)
            except psycopg.Error as exc:
                log.info("change watch cannot connect: %s", _first_line(exc))
                self._set_online(False)
                self._ready.set()
                self._pause(delay)
                delay = min(delay * 2, BACKOFF_MAX)
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                delay = BACKOFF_FIRST
                self._ready.set()
                if self._set_online(True):
                    self.db.setup_generation += 1
                    self._changed()  # what was committed while we were away
                self._listen(conn)
            except psycopg.Error as exc:
                if not self._stop.is_set():
                    log.info("change watch lost its connection: %s", _first_line(exc))
                    self._set_online(False)
            finally:
                conn.close()

    def _listen(self, conn: Any) -> None:
        """Reload on a notification at once, then at most every RELOAD_INTERVAL: anyone may send
        one (see WATCHED_TABLES), so a flood must not keep every app reloading."""
        pending: set[str] = set()
        last = float("-inf")
        while not self._stop.is_set():
            due = last + RELOAD_INTERVAL - time.monotonic()
            wait = LISTEN_SLICE if not pending else max(0.0, min(LISTEN_SLICE, due))
            heard = {n.payload for n in conn.notifies(timeout=wait, stop_after=1)}
            if heard:
                heard.update(n.payload for n in conn.notifies(timeout=0))  # the rest of a burst
            pending |= heard & WATCHED_TABLES
            if not pending or time.monotonic() < last + RELOAD_INTERVAL:
                continue
            if pending & SETUP_TABLES:
                self.db.setup_generation += 1
            pending.clear()
            last = time.monotonic()
            self._changed()

    def _run_sqlite(self) -> None:
        path = self.db.sqlite_path
        conn: sqlite3.Connection | None = None
        identity: tuple[int, int] | None = None
        last: tuple[object, ...] | None = None
        try:
            while not self._stop.is_set():
                try:
                    version = 0
                    if path is not None:
                        st = os.stat(path)
                        if conn is None or identity != (st.st_dev, st.st_ino):
                            if conn is not None:  # the file was replaced: a new database
                                conn.close()
                                conn = None
                            uri = f"{path.resolve().as_uri()}?mode=rw"
                            conn = sqlite3.connect(uri, uri=True, timeout=1.0, isolation_level=None)
                            identity = (st.st_dev, st.st_ino)
                        (version,) = conn.execute("PRAGMA data_version").fetchone()
                    back = self._set_online(True)  # may bump the generation: read it after
                    now = (identity, version, self.db.setup_generation)
                    if back or (last is not None and now != last):
                        self.db.setup_generation += 1  # we cannot tell what changed
                        now = (identity, version, self.db.setup_generation)
                        self._changed()
                    last = now
                except (OSError, sqlite3.Error) as exc:
                    if conn is not None:
                        conn.close()
                        conn = None
                    if self._set_online(False):
                        log.info("change watch cannot read %s: %s", path, exc)
                self._ready.set()
                self._pause(SQLITE_INTERVAL)
        finally:
            if conn is not None:
                conn.close()


def pg_conninfo(db: Database) -> str:
    """The libpq connection string of ``db``'s SQLAlchemy URL (password and options kept), with
    keepalives so that a vanished server is noticed within about 20 seconds."""
    from psycopg.conninfo import make_conninfo

    url = db.url
    params: dict[str, Any] = {
        "host": url.host,
        "port": url.port,
        "user": url.username,
        "password": url.password,
        "dbname": url.database,
    }
    params = {k: v for k, v in params.items() if v is not None}
    for key, value in url.query.items():
        params[key] = value if isinstance(value, str) else value[-1]
    defaults: dict[str, object] = {
        "connect_timeout": 5,
        "application_name": "satellitkontor change watch",
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 3,
        "keepalives_count": 3,
    }
    for key, default in defaults.items():
        params.setdefault(key, default)
    return make_conninfo(**params)


def _first_line(exc: BaseException) -> str:
    text_ = str(exc).strip()
    return text_.splitlines()[0] if text_ else type(exc).__name__
