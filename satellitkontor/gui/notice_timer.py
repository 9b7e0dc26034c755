"""The app's background sending of notices: every two minutes, on a worker, only when on.

Like gui/exchange_timer.py: a ``QTimer`` on the GUI thread only starts the work; one run at a
time; a failure is logged, not shown (the admin page's mail box and ``notify --status`` show what
waits and why). In shared office mode only the PCs of staff send (a user's login may not: the
database refuses it). Several PCs sending at once is safe: each notice is claimed with its row
lock (services/notices/sender.py).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from satellitkontor.gui.context import AppContext
    from satellitkontor.services.app_services import AppServices

log = logging.getLogger(__name__)
FIRST_RUN_MS = 30_000
INTERVAL_MS = 2 * 60_000


def background_send(services: AppServices) -> int:
    """One run when notices are on: how many went out."""
    if not services.notices.config().enabled:
        return 0
    return services.notices.send().sent


class NoticeTimer(QObject):
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
        if self.running or self.ctx.services is None or self.ctx.person is None:
            self.timer.start(INTERVAL_MS)
            return
        if not self.ctx.is_staff:  # the reception's and admins' PCs send
            self.timer.start(15 * 60_000)
            return
        self.running = True
        services = self.ctx.services
        self.ctx.run(lambda: background_send(services), self._done, on_error=self._failed)

    def _done(self, _sent: Any) -> None:
        self.running = False
        self.timer.start(INTERVAL_MS)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        log.warning("background sending of notices failed: %s", getattr(exc, "code", type(exc).__name__))
        self.timer.start(5 * 60_000)
