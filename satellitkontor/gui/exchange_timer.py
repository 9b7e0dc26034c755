"""The app's background Exchange sync: every N minutes (the setting), on a worker, only when on.

A ``QTimer`` on the GUI thread only starts the work: ``AppContext.run`` runs
``services.exchange.run`` on the thread pool, never on the GUI thread. One run at a time (a run
still going when the timer fires again is not doubled); a failure is logged, not shown: the
admin page and ``sync --status`` show what is pending and why. In shared office mode only the
PCs of staff (reception, admins) run it. Views reload when a run changed
bookings (an Outlook meeting came in).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from satellitkontor.gui.context import AppContext
    from satellitkontor.services.app_services import AppServices

log = logging.getLogger(__name__)
FIRST_RUN_MS = 20_000


def background_run(services: AppServices) -> tuple[int, bool]:
    """One run if sync is on: (the interval in minutes, whether bookings changed here)."""
    config = services.exchange.config()
    if not config.enabled:
        return config.interval_minutes, False
    from satellitkontor.services.exchange.config import make_backend

    backend = make_backend(config, None, services.exchange.desk_mailboxes(config))
    try:
        report = services.exchange.run(backend)
    finally:
        backend.close()
    changed = any(p.created or p.moved or p.cancelled for p in report.pulls)
    return config.interval_minutes, changed


class ExchangeSyncTimer(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)

    def start(self, first_ms: int = FIRST_RUN_MS) -> None:
        self.timer.start(first_ms)

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        if self.running or self.ctx.services is None:
            self.timer.start(60_000)
            return
        if self.ctx.login is not None and not self.ctx.is_staff:
            # Shared office mode: the reception's and admins' PCs sync; a user's login may not
            # (the database refuses it), so user PCs don't try.
            self.timer.start(15 * 60_000)
            return
        self.running = True
        services = self.ctx.services
        self.ctx.run(lambda: background_run(services), self._done, on_error=self._failed)

    def _done(self, result: Any) -> None:
        self.running = False
        minutes, changed = result
        self.timer.start(max(1, int(minutes)) * 60_000)
        if changed:
            self.ctx.notify_changed()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        log.warning("background Exchange sync failed: %s", getattr(exc, "code", type(exc).__name__))
        self.timer.start(5 * 60_000)
