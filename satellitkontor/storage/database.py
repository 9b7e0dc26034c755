"""Engines and units of work.

``Database.session(write=True)`` is the one way to change data. On SQLite it opens the
transaction with ``BEGIN IMMEDIATE``: the write lock is taken before the booking service checks
for overlaps, so two processes booking the same desk at once are serialised and the second one
sees the first one's booking. Reads use a deferred ``BEGIN`` and, in WAL mode, never wait for a
writer. On PostgreSQL transactions are READ COMMITTED; races there are settled by the exclusion
constraint and by row locks the booking service takes (see storage/queries/common.lock_for_booking).

SQLite runs with ``journal_mode=WAL`` and ``synchronous=NORMAL``: a crash of the app never loses
a committed booking; only a power cut in the instant after a commit could, which is the usual
trade for desktop databases (and keeps a booking commit in the low milliseconds).

In a shared office on PostgreSQL the database itself refuses what the login's role may not do
(table privileges, row-level security and the booking guard of migration 0007, all SQLSTATE 42501
``insufficient_privilege``). ``session`` and ``connect`` turn every such refusal into one domain
error, ``DatabaseRefused``, so each service needs no handling of its own and the user reads a
sentence, not a driver's traceback. A lock another session holds is waited for 3 seconds at most
(``lock_timeout``; migration 0008), then the work fails with ``OfficeBusy`` instead of hanging.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from satellitkontor.domain.errors import (
    DatabaseRefused,
    DatabaseUnavailable,
    DatabaseUrlInvalid,
    DriverMissing,
    OfficeBusy,
)
from satellitkontor.storage.locations import resolve_url as resolve_url
from satellitkontor.storage.locations import sqlite_url as sqlite_url

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 15_000

#: libpq settings for PostgreSQL connections (see Database.__init__).
PG_CONNECT_ARGS: dict[str, Any] = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    # Wait at most this long for a lock another session holds (migration 0008): then OfficeBusy.
    "options": "-c lock_timeout=3s",
}


class Database:
    def __init__(self, url: str, *, echo: bool = False) -> None:
        try:
            self.url = make_url(url)
        except (ArgumentError, ValueError, TypeError) as exc:
            raise DatabaseUrlInvalid(value=_shortened(str(url))) from exc
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.is_postgresql = self.url.get_backend_name() == "postgresql"
        if not (self.is_sqlite or self.is_postgresql):  # the app speaks SQLite and PostgreSQL only
            raise DatabaseUrlInvalid(value=_shortened(self.url.render_as_string()))
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            if self.sqlite_path is not None:
                self.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        else:
            kwargs["pool_pre_ping"] = True
            # A server that vanishes without a word (a cut network, not a refused port) must not
            # hang a view's load until TCP gives up: fail within seconds, so the app goes offline
            # and retries. A value in the URL's query wins.
            kwargs["connect_args"] = {k: v for k, v in PG_CONNECT_ARGS.items() if k not in self.url.query}
        try:
            self.engine: Engine = create_engine(self.url, **kwargs)
        except (NoSuchModuleError, ModuleNotFoundError) as exc:
            driver = self.url.get_driver_name() or self.url.get_backend_name()
            extra = "postgresql" if self.is_postgresql else driver
            raise DriverMissing(driver=driver, extra=extra) from exc
        except (ArgumentError, ValueError, TypeError) as exc:
            raise DatabaseUrlInvalid(value=_shortened(self.url.render_as_string())) from exc
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        #: The session factories (reads, writes), made at the first ``session()``: ``connect()``
        #: alone needs no ORM, and ``satellitkontor occupancy`` imports none (issue 18).
        self._factories: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None
        #: Grows when a commit through this object changed the office's set-up (resources,
        #: closures, settings); caches of that set-up compare it (services/office_setup.py).
        self.setup_generation = 0
        #: True while a change watch (services/change_watch.py) is listening and reachable: it
        #: bumps ``setup_generation`` on every change of the set-up by anyone, so caches of the
        #: set-up need no time limit meanwhile.
        self.setup_watched = False

    def _sessions(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        if self._factories is None:
            from sqlalchemy.orm import sessionmaker

            read = sessionmaker(self.engine, expire_on_commit=False)
            write = sessionmaker(
                self.engine.execution_options(satellitkontor_write=True), expire_on_commit=False
            )
            event.listen(write, "after_flush", _note_setup_change)
            event.listen(write, "after_commit", self._after_commit)
            self._factories = (read, write)
        return self._factories

    def _after_commit(self, session: Session) -> None:
        if session.info.pop("setup_changed", False):
            self.setup_generation += 1

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    def describe(self) -> str:
        """Where the data is, for messages: a file path or the URL without its password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        factory = self._sessions()[1 if write else 0]
        try:
            with factory() as session, session.begin():
                yield session
        except OperationalError as exc:
            if _is_unreachable(exc):
                raise DatabaseUnavailable(where=self.describe(), detail=_first_line(exc)) from exc
            if _is_busy(exc):
                raise OfficeBusy(where=self.describe(), detail=_first_line(exc)) from exc
            raise
        except DBAPIError as exc:
            if _is_refusal(exc):
                raise DatabaseRefused(where=self.describe(), detail=_first_line(exc)) from exc
            raise

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A plain connection (used for migrations), failing like ``session`` when the database
        cannot be reached: with ``DatabaseUnavailable``, not a driver error."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            if _is_unreachable(exc):
                raise DatabaseUnavailable(where=self.describe(), detail=_first_line(exc)) from exc
            if _is_busy(exc):
                raise OfficeBusy(where=self.describe(), detail=_first_line(exc)) from exc
            raise
        except DBAPIError as exc:
            if _is_refusal(exc):
                raise DatabaseRefused(where=self.describe(), detail=_first_line(exc)) from exc
            raise

    def dispose(self) -> None:
        self.engine.dispose()


def _note_setup_change(session: Session, _context: Any) -> None:
    from satellitkontor.storage.models import ClosureRow, ResourceRow, SettingRow

    setup = (ClosureRow, ResourceRow, SettingRow)
    if any(isinstance(o, setup) for o in (*session.new, *session.dirty, *session.deleted)):
        session.info["setup_changed"] = True


#: Rows an SQLite ANALYZE reads per index (storage/schema.py, ``PRAGMA optimize`` on close).
ANALYSIS_LIMIT = 1000


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event, not the driver, decide how transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        # ANALYZE and PRAGMA optimize read at most this many rows of an index: quick on any size.
        cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        # Freed space is overwritten with zeros by every connection, not only retention's: the
        # audit search index (FTS5) frees pages that may hold removed names in whichever
        # transaction merges its segments (storage/queries/audit_search.py).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "close")
    def _on_close(dbapi_connection: Any, _record: Any) -> None:
        # Keep the planner's statistics fresh as the office grows: without them it picked
        # ix_bookings_series for the feed and read the whole history (issue 18). Only tables this
        # connection queried are looked at; briefly, and never waiting for another writer.
        try:
            dbapi_connection.execute("PRAGMA busy_timeout=50")
            dbapi_connection.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("satellitkontor_write", False):
            begin_immediate(conn)
        else:
            conn.exec_driver_sql("BEGIN")


#: How often a writer asks again for SQLite's write lock while another connection holds it.
WRITE_LOCK_POLL_S = 0.001


def begin_immediate(conn: Connection) -> None:
    """``BEGIN IMMEDIATE``, asking again every millisecond while another connection writes.

    SQLite's own busy handler sleeps in growing steps (1, 2, 5, … then 100 ms at a time), so a
    writer that has waited a while sleeps through the moment the lock is free, and a long job
    that writes in short transactions (retention) takes it again first: another PC's booking
    waited seconds (issue 18). Asking every millisecond, with the handler off for this one
    statement, finds the gap between two of the job's transactions. After
    ``SQLITE_BUSY_TIMEOUT_MS`` the last try fails as the handler would, with "database is
    locked" (then ``OfficeBusy``)."""
    raw: Any = conn.connection.driver_connection
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    raw.execute("PRAGMA busy_timeout=0")
    try:
        while time.monotonic() < deadline:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower():
                    break
            time.sleep(WRITE_LOCK_POLL_S)
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the last try; its error is SQLAlchemy's
    finally:
        raw.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")


def _is_unreachable(exc: OperationalError) -> bool:
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    needles = (
        "connection refused",
        "could not connect",
        "unable to open",
        "timeout expired",
        "server closed the connection",
        "connection failed",
        "no such host",
        "name or service",
    )
    return any(n in text for n in needles)


#: SQLSTATE insufficient_privilege: no table privilege, a row-level security policy, or the
#: booking guard's own refusal (migration 0007).
REFUSED = "42501"


#: SQLSTATE lock_not_available: ``lock_timeout`` ran out (see PG_CONNECT_ARGS).
LOCK_NOT_AVAILABLE = "55P03"


def _is_busy(exc: OperationalError) -> bool:
    """PostgreSQL's lock_timeout, or SQLite's "database is locked" after its busy timeout."""
    if getattr(exc.orig, "sqlstate", None) == LOCK_NOT_AVAILABLE:
        return True
    return "database is locked" in str(exc.orig).lower()


def _shortened(text: str) -> str:
    return text if len(text) <= 80 else text[:79] + "…"


def _is_refusal(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == REFUSED


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
