"""A background job of the app on the PCs of staff: a single-shot ``QTimer`` that starts the job.

The base of gui/notice_timer.py, gui/exchange_timer.py and gui/release_timer.py. The timer on
the GUI thread only starts the work: ``AppContext.run`` runs it on the thread pool. One run at a
time (a run still going when the timer fires is not doubled; it waits ``idle_ms``); without a
connection (or, where ``needs_person``, nobody logged in) it waits ``idle_ms`` too; on a PC where
``may_run`` says no (a user's login in shared office mode) it waits ``not_staff_ms``. A failure
is logged (the error's code or class, never its text), not shown, and the next try is after
``failed_ms``. A subclass gives ``work`` (called on the GUI thread, returns what runs on the
worker) and, if it wants, ``next_ms`` and ``finished`` for the result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from satellitkontor.gui.context import AppContext
    from satellitkontor.services.app_services import AppServices


class StaffJobTimer(QObject):
    first_ms = 30_000  #: the first run after start()
    interval_ms = 5 * 60_000  #: after a run (unless next_ms says otherwise)
    idle_ms = 5 * 60_000  #: when a run is going, or no connection (or no person, see needs_person)
    not_staff_ms = 15 * 60_000  #: on a PC that may not run it
    failed_ms = 5 * 60_000  #: after a failure
    needs_person = True  #: nobody logged in counts as not ready (waits idle_ms)
    failure_text = "background job failed: %s"  #: for the log, %s is the error's code or class
    log = logging.getLogger(__name__)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)

    def start(self, first_ms: int | None = None) -> None:
        self.timer.start(self.first_ms if first_ms is None else first_ms)

    def stop(self) -> None:
        self.timer.stop()

    def may_run(self) -> bool:
        """Whether this PC runs the job: the reception's and admins' do."""
        return self.ctx.is_staff

    def work(self, services: AppServices) -> Callable[[], Any]:
        raise NotImplementedError

    def next_ms(self, result: Any) -> int:
        return self.interval_ms

    def finished(self, result: Any) -> None:
        """After a run, once the next one is set (log, tell the views)."""

    def tick(self) -> None:
        services = self.ctx.services
        if self.running or services is None or (self.needs_person and self.ctx.person is None):
            self.timer.start(self.idle_ms)
            return
        if not self.may_run():
            self.timer.start(self.not_staff_ms)
            return
        self.running = True
        self.ctx.run(self.work(services), self._done, on_error=self._failed)

    def _done(self, result: Any) -> None:
        self.running = False
        self.timer.start(self.next_ms(result))
        self.finished(result)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.log.warning(self.failure_text, getattr(exc, "code", type(exc).__name__))
        self.timer.start(self.failed_ms)
