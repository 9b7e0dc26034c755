"""Slow work off the GUI thread: run a function on a thread pool, get the answer on the GUI thread.

Every database, file or network call from the GUI goes through :func:`run`. The function runs on
``QThreadPool.globalInstance()``; its result or exception comes back through a signal of a small
QObject that lives on the GUI thread, so callbacks always run there (as in Anki's
``aqt/operations`` and Picard's ``util/thread``). Signals sit on that QObject, not on the
QRunnable.

A function that accepts a ``progress`` keyword gets a :class:`Progress`: it reports steps and
checks ``progress.cancelled`` to stop early. With ``label`` given, a modal progress dialog with
an "Avbryt" button is shown while it runs (after a short delay, so quick work shows nothing).

Errors go to ``on_error``; without one (or when its owner has closed) an unexpected exception is
logged and shown by gui/unexpected.py, so no failure passes without words.

The GIL's switch interval is 1 ms once background work has started (Python's default is 5 ms):
each time Qt calls into Python on the GUI thread (a slot, an event filter, a model's ``data()``,
many times in one layout or paint) while a worker computes, the GUI thread may wait up to one
interval for the GIL. With 5 ms, the first open of every administration page (each drawn while
its loads ran; the steps of tests/gui/test_responsiveness.py's first-open test, 30 runs each,
alternating) had a turn 66-105 ms late in 5 runs; with 1 ms the worst of 30 was 59 ms (issue 18).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from satellitkontor.domain.errors import SatellitkontorError
from satellitkontor.gui import unexpected

log = logging.getLogger("satellitkontor.gui")


class Cancelled(Exception):
    """Raised by :meth:`Progress.check` when the user pressed "Avbryt"."""


class Progress:
    """Handed to a background function: report steps, see whether the user cancelled."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


def _done() -> None:
    """Stands in for a job's function once it has run (see _Job.run)."""


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        fn, self._fn = self._fn, _done
        try:
            result = fn()
        except BaseException as exc:  # handed to the GUI thread, which shows it
            self._emit(self._signals.failed, exc)
        else:
            self._emit(self._signals.finished, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the app is shutting down and the receiver is gone
            log.debug("result dropped: receiver deleted")


class Operation(QObject):
    """One running background call. Keep it (or not): it keeps itself alive until done."""

    _running: ClassVar[set[Operation]] = set()
    _ended: ClassVar[set[Operation]] = set()

    def __init__(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        owner: QObject | None,
        label: str | None,
    ) -> None:
        super().__init__()
        self._owner = owner
        self._on_done = on_done
        self._on_error = on_error
        self._signals = _Signals()
        self.progress = Progress(self._signals)
        self._dialog: QProgressDialog | None = None
        self.done = False
        if _wants_progress(fn):
            progress = self.progress

            def call() -> Any:
                return fn(progress=progress)
        else:
            call = fn
        self._signals.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._signals.progress.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        if label is not None and isinstance(owner, QWidget):
            self._dialog = _progress_dialog(owner, label, self.progress)
        # The GUI side keeps the function (and what its closure holds, widgets included) so that
        # it is freed here on the GUI thread, never by the worker when the job ends.
        self._call = call
        _share_the_gil()
        Operation._running.add(self)
        QThreadPool.globalInstance().start(_Job(call, self._signals))

    def cancel(self) -> None:
        self.progress.cancel()

    def _alive(self) -> bool:
        return self._owner is None or isValid(self._owner)

    def _end(self) -> None:
        self.done = True
        if self._dialog is not None and isValid(self._dialog):
            self._dialog.reset()
            self._dialog.deleteLater()
        self._dialog = None
        Operation._running.discard(self)
        # Lifetimes: never let Python free these QObjects (it may do so on the worker's thread, or
        # inside the very slot that is running, and both crashed now and then). Qt deletes them on
        # the GUI thread at a safe point; the Python wrappers wait in _ended until Qt has done so.
        Operation._ended = {op for op in Operation._ended if isValid(op)}
        Operation._ended.add(self)
        if isValid(self._signals):
            self._signals.deleteLater()
        self.deleteLater()

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._end()
        if self._on_done is not None and self._alive():
            self._on_done(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._end()
        if isinstance(exc, Cancelled):
            return
        if self._on_error is not None and self._alive():
            self._on_error(exc)
        elif isinstance(exc, SatellitkontorError):  # its window closed meanwhile: nobody to tell
            log.info("background work failed after its window closed: %s", exc)
        else:  # never a failure without words (gui/unexpected.py logs it and shows a box)
            unexpected.report(exc)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        dialog = self._dialog
        if dialog is None or not isValid(dialog):
            return
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1) - 1) if total else 0)
        if text:
            dialog.setLabelText(text)


#: The GIL's switch interval while the app runs background work (see the module docstring).
SWITCH_INTERVAL_S = 0.001


def _share_the_gil() -> None:
    if sys.getswitchinterval() > SWITCH_INTERVAL_S:
        sys.setswitchinterval(SWITCH_INTERVAL_S)


def run(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject | None = None,
    label: str | None = None,
) -> Operation:
    """Run ``fn`` off the GUI thread; call ``on_done(result)`` or ``on_error(exc)`` on it.

    Callbacks are skipped when ``owner`` has been deleted meanwhile (a closed dialog).
    """
    return Operation(fn, on_done, on_error, owner, label)


def pending() -> int:
    """How many operations are still running (tests wait for this to reach 0)."""
    return len(Operation._running)


def _wants_progress(fn: Callable[..., Any]) -> bool:
    import inspect  # not at start-up: it is slow to import

    try:
        return "progress" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def _progress_dialog(owner: QWidget, label: str, progress: Progress) -> QProgressDialog:
    cancel = QCoreApplication.translate("Operation", "Avbryt")
    dialog = QProgressDialog(label, cancel, 0, 0, owner)
    dialog.setWindowTitle(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(label)
    dialog.canceled.connect(progress.cancel)
    return dialog
