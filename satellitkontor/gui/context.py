"""What every view shares: the services, who I am, the language, and news of changes.

One :class:`AppContext` lives as long as the app. Views read ``ctx.person`` and ``ctx.lang``,
run their service calls through :meth:`AppContext.run` (off the GUI thread), and refresh on
``data_changed``, which fires after this app's own writes (:meth:`notify_changed`) and when the
change watch (polled every two seconds off the GUI thread) sees another window, process or PC
commit something.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from satellitkontor.domain.people import Person, Role
from satellitkontor.gui import operations
from satellitkontor.gui.errors import show_error
from satellitkontor.gui.settings import AppSettings

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices

log = logging.getLogger("satellitkontor.gui")

#: How often to ask the database whether anything changed.
WATCH_INTERVAL_MS = 2000


class AppContext(QObject):
    #: Bookings or the office's set-up changed (here or elsewhere): views reload.
    data_changed = Signal()
    #: Who I am changed (first start, "Byt användare", role changed).
    identity_changed = Signal()
    #: The database is open and ready (or open failed: see ``open_error``).
    opened = Signal()

    def __init__(self, settings: AppSettings, lang: str, db_url: str) -> None:
        super().__init__()
        self.settings = settings
        self.lang = lang
        self.db_url = db_url
        self.services: AppServices | None = None
        self.person: Person | None = None
        self.open_error: BaseException | None = None
        self._token: object = None
        self._watching = False
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_INTERVAL_MS)
        self._timer.timeout.connect(self._poll)

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
        self._poll()  # the baseline: a change made from now on is noticed at the next poll
        self._timer.start()
        self.opened.emit()

    def stop_watching(self) -> None:
        self._timer.stop()

    def close(self) -> None:
        self._timer.stop()
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
        """Run ``fn`` in the background; errors are shown over ``owner`` unless ``on_error``."""
        if on_error is None:

            def on_error(exc: BaseException) -> None:
                self.show_error(owner, exc)

        return operations.run(fn, on_done, on_error, owner=owner, label=label)

    def show_error(self, parent: QWidget | None, exc: BaseException) -> None:
        show_error(parent, exc, self.lang)

    # --- news of changes -------------------------------------------------------------------------
    def notify_changed(self) -> None:
        """Call after this app wrote something: every view reloads at once."""
        self.data_changed.emit()

    def poll_now(self) -> None:
        self._poll()

    def _poll(self) -> None:
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
