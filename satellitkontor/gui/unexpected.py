"""Never a crash without words: an exception nobody caught is logged, shown, and the app goes on.

PySide6 hands an exception raised in a slot (a button's handler, a timer, the callback of
background work) to ``sys.excepthook`` and then carries on with the event loop; the default hook
prints to a console the user does not have (the Windows build has none). :func:`install`
replaces ``sys.excepthook`` and ``threading.excepthook``: the traceback goes to the rotating log
file (satellitkontor/logs.py) and a short Swedish message box says that something unexpected
happened, that the program goes on, and where the log file is. Background work that fails
without an error handler of its own ends here too (gui/operations.py).

The box is shown on the GUI thread (a queued signal), after the failing slot has unwound, and
boxes do not pile up: while one is open, further exceptions are only logged (a failing paint
event would otherwise open one box per frame). Ctrl+C in a terminal still quits.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import isValid

from satellitkontor import logs

log = logging.getLogger("satellitkontor.gui")


def unexpected_text() -> str:
    return QCoreApplication.translate(
        "Errors", "Något oväntat hände. Programmet fortsätter. Detaljer finns i loggfilen: {path}"
    ).format(path=logs.log_file())


class UnexpectedErrors(QObject):
    """The hook's half on the GUI thread: opens the message box."""

    _show = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.box: QMessageBox | None = None
        #: How many unexpected exceptions were seen (the smoke test fails on any).
        self.count = 0
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._show.connect(self._open_box, Qt.ConnectionType.QueuedConnection)

    # --- the hooks -------------------------------------------------------------------------------
    def excepthook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        self.report(exc, tb)

    def thread_excepthook(self, args: Any) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.report(args.exc_value, args.exc_traceback, thread=getattr(args.thread, "name", "?"))

    def report(
        self, exc: BaseException, tb: TracebackType | None = None, *, thread: str | None = None
    ) -> None:
        """Log ``exc`` with its traceback and show the box (from any thread)."""
        self.count += 1
        where = f" in thread {thread}" if thread else ""
        log.error(
            "unexpected error%s; the app goes on", where, exc_info=(type(exc), exc, tb or exc.__traceback__)
        )
        details = "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))
        self._show.emit(details)

    # --- the box ---------------------------------------------------------------------------------
    def _open_box(self, details: str) -> None:
        if self.box is not None and isValid(self.box) and self.box.isVisible():
            return
        parent = QApplication.activeWindow()
        self.box = show_unexpected(parent, details)

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous_thread_hook


def show_unexpected(parent: QWidget | None, details: str = "") -> QMessageBox:
    """The short box (non-blocking, ``open()``); the traceback sits behind "Visa detaljer…"."""
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Något oväntat hände"))
    box.setText(unexpected_text())
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(box.windowTitle())
    box.open()
    return box


_installed: UnexpectedErrors | None = None


def install() -> UnexpectedErrors:
    """Take over ``sys.excepthook`` and ``threading.excepthook`` (call once the QApplication exists)."""
    global _installed
    if _installed is not None:
        _installed.uninstall()
    handler = UnexpectedErrors()
    sys.excepthook = handler.excepthook
    threading.excepthook = handler.thread_excepthook
    _installed = handler
    return handler


def installed() -> UnexpectedErrors | None:
    return _installed


def uninstall() -> None:
    global _installed
    if _installed is not None:
        _installed.uninstall()
        _installed = None


def report(exc: BaseException) -> None:
    """For code that caught something it cannot handle: log and show as an unexpected error."""
    if _installed is not None:
        _installed.report(exc)
    else:
        log.error("unexpected error", exc_info=exc)
