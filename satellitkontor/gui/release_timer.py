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
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from satellitkontor.gui.staff_job_timer import StaffJobTimer

if TYPE_CHECKING:
    from satellitkontor.gui.context import AppContext
    from satellitkontor.services.app_services import AppServices

log = logging.getLogger(__name__)
INTERVAL_MS = 5 * 60_000
FIRST_RUN_MS = 30_000


class ReleaseTimer(StaffJobTimer):
    """Only the reception's and admins' apps release."""

    first_ms = FIRST_RUN_MS
    interval_ms = idle_ms = not_staff_ms = failed_ms = INTERVAL_MS
    failure_text = "release of unclaimed bookings failed: %s"
    log = log

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, parent)
        self.released = 0  #: bookings this app released (for the status line and the tests)

    def work(self, services: AppServices) -> Callable[[], Any]:
        attendance, waitlist = services.attendance, services.waitlist
        assert self.ctx.person is not None  # tick() runs the job only with a person
        actor = self.ctx.person.id

        def run() -> tuple[Any, Any]:
            # then the waitlist: offers that ran out pass on, free places go to the lines
            return attendance.release_unclaimed(actor), waitlist.sweep(actor)

        return run

    def finished(self, result: Any) -> None:
        released, swept = result
        if released:
            self.released += len(released)
            log.info("released %d unclaimed bookings", len(released))
        if swept.expired or swept.offered:
            log.info("waitlist: %d offers ran out, %d places offered", swept.expired, swept.offered)
        if released or swept.expired or swept.offered:
            self.ctx.notify_changed()
