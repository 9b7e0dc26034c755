"""The app's background sending of notices: every two minutes, on a worker, only when on.

A ``StaffJobTimer`` (gui/staff_job_timer.py): a ``QTimer`` on the GUI thread only starts the work; one run at a
time; a failure is logged, not shown (the admin page's mail box and ``notify --status`` show what
waits and why). In shared office mode only the PCs of staff send (a user's login may not: the
database refuses it). Several PCs sending at once is safe: each notice is claimed with its row
lock (services/notices/sender.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from satellitkontor.gui.staff_job_timer import StaffJobTimer

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices

log = logging.getLogger(__name__)
FIRST_RUN_MS = 30_000
INTERVAL_MS = 2 * 60_000


def background_send(services: AppServices) -> int:
    """One run when notices are on: how many went out."""
    if not services.notices.config().enabled:
        return 0
    return services.notices.send().sent


class NoticeTimer(StaffJobTimer):
    first_ms = FIRST_RUN_MS
    interval_ms = idle_ms = INTERVAL_MS
    not_staff_ms = 15 * 60_000  # the reception's and admins' PCs send
    failed_ms = 5 * 60_000
    failure_text = "background sending of notices failed: %s"
    log = log

    def work(self, services: AppServices) -> Callable[[], Any]:
        return lambda: background_send(services)
