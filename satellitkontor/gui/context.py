"""What every view shares: the services, who I am, the language, news of changes, and whether
the database can be reached.

One :class:`AppContext` lives as long as the app. Views read ``ctx.person`` and ``ctx.lang``,
run their service calls through :meth:`AppContext.run` (off the GUI thread), and refresh on
``data_changed``. That fires after this app's own writes (:meth:`notify_changed`) and when the
change watch (services/change_watch.py: LISTEN/NOTIFY on PostgreSQL, ``PRAGMA data_version`` on
SQLite, on a thread of its own) hears that another window, process or PC committed something.
The watch's calls arrive on its thread; queued signals carry them to the GUI thread, where a
100 ms timer folds a burst of commits into one reload.

**Offline.** ``online`` is false while the watch has lost its connection or a background call
failed with ``DatabaseUnavailable``; ``online_changed`` tells the main window (its banner) and the
:class:`~satellitkontor.gui.write_guard.WriteGuard`, which disables whatever writes. Views keep
what they last showed: a failed load while offline shows no error box. While offline the context
probes the database every few seconds (and at once on :meth:`retry_now`, "Försök nu"); when
both the watch and the probe succeed it is online again and every view reloads.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from satellitkontor.domain.errors import DatabaseUnavailable
from satellitkontor.domain.people import Person, Role
from satellitkontor.gui import operations
from satellitkontor.gui.errors import show_error
from satellitkontor.gui.settings import AppSettings

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from satellitkontor.services.app_services import AppServices

log = logging.getLogger("satellitkontor.gui")

#: Commits heard within this time make one reload.
DEBOUNCE_MS = 100
#: While offline, how often to ask the database whether it is back.
PROBE_INTERVAL_MS = 3000


class AppContext(QObject):
    #: Bookings or the office's set-up changed (here or elsewhere): views reload.
    data_changed = Signal()
    #: Who I am changed (first start, "Byt användare", role changed).
    identity_changed = Signal()
    #: The database is open and ready (or open failed: see ``open_error``).
    opened = Signal()
    #: The database went away (False) or is reachable again (True).
    online_changed = Signal(bool)
    #: The services the start left for after the day's desks are made (gui/app.py
    #: ``START_SERVICES``); ``services_pending`` is False from then on.
    services_made = Signal()
    #: From the change watch's thread (queued to the GUI thread).
    _heard_change = Signal()
    _heard_state = Signal(bool)

    def __init__(self, settings: AppSettings, lang: str, db_url: str) -> None:
        super().__init__()
        self.settings = settings
        self.lang = lang
        self.db_url = db_url
        self.services: AppServices | None = None
        self.person: Person | None = None
        self.open_error: BaseException | None = None
        #: The database held nobody when it was opened: only then is the demo office offered.
        self.office_empty = False
        #: True while the services the start left for after the desks are made on a worker: a
        #: view not yet built waits for them (gui/main_window.py), rather than import them on
        #: the GUI thread.
        self.services_pending = False
        #: The database login this app is connected as, when it decides who I am (PostgreSQL).
        self.login: str | None = None
        #: When a background call last came back from the database (the banner's "läget från").
        self.last_contact: datetime | None = None
        #: Since when the database cannot be reached (None while online).
        self.offline_since: datetime | None = None
        self._token: object = None
        self._watching = False
        self._listening = False
        self._watch_online = True
        self._calls_failing = False
        self._online = True
        self._probing = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.data_changed)
        self._probe_timer = QTimer(self)
        self._probe_timer.setInterval(PROBE_INTERVAL_MS)
        self._probe_timer.timeout.connect(self._probe)
        self._heard_change.connect(self._changed_elsewhere, Qt.ConnectionType.QueuedConnection)
        self._heard_state.connect(self._watch_state, Qt.ConnectionType.QueuedConnection)
        from satellitkontor.gui.write_guard import WriteGuard

        self.write_guard = WriteGuard(self)

    # --- the office ------------------------------------------------------------------------------
    @property
    def svc(self) -> AppServices:
        if self.services is None:
            raise RuntimeError("the office is not open yet")
        return self.services

    def attach(self, services: AppServices) -> None:
        """Use an opened office (the app opens it in the background; tests pass their own)."""
        self.services = services
        self.open_error = None
        self._token = None
        self._listening = True
        self.last_contact = datetime.now()
        watch = services.changes
        # The watch connects and starts listening off the GUI thread; from then on every commit
        # is heard (tests wait for this call like for any other).
        operations.run(
            lambda: watch.start(self._from_watch, self._from_watch_state),
            None,
            lambda exc: log.warning("change watch did not start: %s", exc),
            owner=self,
        )
        self.opened.emit()

    def stop_watching(self) -> None:
        self._listening = False
        if self.services is not None:
            self.services.changes.remove(self._from_watch)
        self._debounce.stop()
        self._probe_timer.stop()

    def close(self) -> None:
        self.stop_watching()
        if self.services is not None:
            self.services.close()
            self.services = None

    # --- who am I --------------------------------------------------------------------------------
    def set_person(self, person: Person | None, *, remember: bool = True) -> None:
        self.person = person
        if remember:
            self.settings.set_person_id(self.db_url, person.id if person else None)
        self.identity_changed.emit()

    @property
    def person_id(self) -> int:
        if self.person is None:
            raise RuntimeError("nobody is signed in")
        return self.person.id

    @property
    def viewer_id(self) -> int | None:
        """Who is looking, for the services that decide what a viewer may see (None: nobody yet)."""
        return self.person.id if self.person is not None else None

    @property
    def is_admin(self) -> bool:
        return self.person is not None and self.person.role is Role.ADMIN

    @property
    def is_staff(self) -> bool:
        return self.person is not None and self.person.role.is_staff

    # --- work off the GUI thread -----------------------------------------------------------------
    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        owner: QWidget | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str | None = None,
    ) -> operations.Operation:
        """Run ``fn`` in the background; errors are shown over ``owner`` unless ``on_error``.

        ``DatabaseUnavailable`` takes the app offline (the banner says so) and, without an
        ``on_error``, shows no box: a view keeps what it showed.
        """

        def done(result: Any) -> None:
            self.last_contact = datetime.now()
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, DatabaseUnavailable) and self.services is not None:
                log.info("database unavailable: %s", exc)
                self.connection_lost()
                if on_error is None:
                    return
            if on_error is not None:
                on_error(exc)
            else:
                self.show_error(owner, exc)

        return operations.run(fn, done, failed, owner=owner, label=label)

    def show_error(self, parent: QWidget | None, exc: BaseException) -> None:
        show_error(parent, exc, self.lang)

    # --- news of changes -------------------------------------------------------------------------
    def notify_changed(self) -> None:
        """Call after this app wrote something: every view reloads at once."""
        self.data_changed.emit()

    def poll_now(self) -> None:
        """Compare the change token now (the watch reports by itself; tests use this)."""
        if self.services is None or self._watching:
            return
        self._watching = True
        watch = self.services.changes

        def done(token: object) -> None:
            self._watching = False
            changed = self._token is not None and token != self._token
            self._token = token
            if changed:
                self.data_changed.emit()

        def failed(exc: BaseException) -> None:
            self._watching = False
            log.warning("change watch failed: %s", exc)

        operations.run(watch.token, done, failed, owner=self)

    def _from_watch(self) -> None:  # the watch's thread
        with contextlib.suppress(RuntimeError):  # the app is closing and this object is gone
            self._heard_change.emit()

    def _from_watch_state(self, online: bool) -> None:  # the watch's thread
        with contextlib.suppress(RuntimeError):
            self._heard_state.emit(online)

    def _changed_elsewhere(self) -> None:
        if self.services is not None and self._listening and not self._debounce.isActive():
            self._debounce.start()

    # --- online and offline ----------------------------------------------------------------------
    @property
    def online(self) -> bool:
        """Whether the database can be reached (as far as the app knows)."""
        return self._online

    def needs_connection(self, *items: QWidget | QAction) -> None:
        """Buttons and actions that need the database (they write, or load another day or week):
        disabled while offline, as their view wants them once it is back (gui/write_guard.py)."""
        self.write_guard.add(*items)

    def connection_lost(self) -> None:
        """A call failed because the database cannot be reached: offline until a probe works."""
        if not self._calls_failing:
            QTimer.singleShot(500, self._probe)  # a stray failure should not last PROBE_INTERVAL
        self._calls_failing = True
        self._update_online()

    def retry_now(self) -> None:
        """ "Försök nu": the watch reconnects and the probe asks at once."""
        if self.services is not None:
            self.services.changes.retry_now()
        self._probe()

    def _watch_state(self, online: bool) -> None:
        self._watch_online = online
        if online:
            self._calls_failing = False  # the watch just reached the database
        self._update_online()

    def _probe(self) -> None:
        if self.services is None or self._probing or not self._calls_failing:
            return
        self._probing = True
        watch = self.services.changes

        def done(_result: object) -> None:
            self._probing = False
            self._calls_failing = False
            self._update_online()

        def failed(exc: BaseException) -> None:
            self._probing = False
            log.debug("database still unavailable: %s", exc)

        operations.run(watch.ping, done, failed, owner=self)

    def _update_online(self) -> None:
        online = self._watch_online and not self._calls_failing
        if self._calls_failing:
            if not self._probe_timer.isActive():
                self._probe_timer.start()
        else:
            self._probe_timer.stop()
        if online == self._online:
            return
        self._online = online
        self.offline_since = None if online else datetime.now()
        log.warning("database %s", "reachable again" if online else "unreachable: read-only until it is back")
        self.online_changed.emit(online)
        if online:  # what was committed meanwhile (the watch's own news folds into this reload)
            self._debounce.start()
