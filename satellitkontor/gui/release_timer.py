"""The automatic release of unclaimed bookings in the app (issue 16): every few minutes, on a
worker, in the app of the receptionist or an admin, while the office's rule is on.

``AttendanceService.release_unclaimed`` decides (the rule off: nothing happens) and locks what it
releases, so several reception PCs and a scheduled ``satellitkontor release`` may all run it: each
booking is released once. When something was released, every view reloads (and the change watch
tells the other PCs). After it, the waitlist's sweep (services/waitlist/): offers that ran out pass
to the next in line, free places are offered. A failure is logged, not shown: the receptionist
can still mark no-shows.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from satellitkontor.gui.context import AppContext

log = logging.getLogger(__name__)
INTERVAL_MS = 5 * 60_000
FIRST_RUN_MS = 30_000


class ReleaseTimer(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.released = 0  #: bookings this app released (for the status line and the tests)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)

    def start(self, first_ms: int = FIRST_RUN_MS) -> None:
        self.timer.start(first_ms)

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        person = self.ctx.person
        if self.running or self.ctx.services is None or person is None or not person.role.is_staff:
            self.timer.start(INTERVAL_MS)  # only the reception's and admins' apps release
            return
        self.running = True
        attendance, waitlist, actor = self.ctx.services.attendance, self.ctx.services.waitlist, person.id

        def work() -> tuple[Any, Any]:
            # then the waitlist: offers that ran out pass on, free places go to the lines
            return attendance.release_unclaimed(actor), waitlist.sweep(actor)

        self.ctx.run(work, self._done, on_error=self._failed)

    def _done(self, result: Any) -> None:
        self.running = False
        self.timer.start(INTERVAL_MS)
        released, swept = result
        if released:
            self.released += len(released)
            log.info("released %d unclaimed bookings", len(released))
        if swept.expired or swept.offered:
            log.info("waitlist: %d offers ran out, %d places offered", swept.expired, swept.offered)
        if released or swept.expired or swept.offered:
            self.ctx.notify_changed()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        log.warning("release of unclaimed bookings failed: %s", getattr(exc, "code", type(exc).__name__))
        self.timer.start(INTERVAL_MS)
