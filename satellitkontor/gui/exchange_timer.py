"""The app's background Exchange sync: every N minutes (the setting), on a worker, only when on.

A ``StaffJobTimer`` (gui/staff_job_timer.py): a ``QTimer`` on the GUI thread only starts the work: ``AppContext.run`` runs
``services.exchange.run`` on the thread pool, never on the GUI thread. One run at a time (a run
still going when the timer fires again is not doubled); a failure is logged, not shown: the
admin page and ``sync --status`` show what is pending and why. In shared office mode only the
PCs of staff (reception, admins) run it. Views reload when a run changed
bookings (an Outlook meeting came in).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from satellitkontor.gui.staff_job_timer import StaffJobTimer

if TYPE_CHECKING:
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


class ExchangeSyncTimer(StaffJobTimer):
    first_ms = FIRST_RUN_MS
    idle_ms = 60_000
    not_staff_ms = 15 * 60_000
    failed_ms = 5 * 60_000
    needs_person = False
    failure_text = "background Exchange sync failed: %s"
    log = log

    def may_run(self) -> bool:
        # Shared office mode: the reception's and admins' PCs sync; a user's login may not
        # (the database refuses it), so user PCs don't try.
        return self.ctx.login is None or self.ctx.is_staff

    def work(self, services: AppServices) -> Callable[[], Any]:
        return lambda: background_run(services)

    def next_ms(self, result: Any) -> int:
        minutes, _changed = result
        return max(1, int(minutes)) * 60_000

    def finished(self, result: Any) -> None:
        if result[1]:  # bookings changed here
            self.ctx.notify_changed()
