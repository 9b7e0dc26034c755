"""Errors as words: a clear Swedish (or English) sentence, never a traceback.

Typed errors from the domain and services are worded by :func:`satellitkontor.words.texts.describe`,
the same sentences as on the command line. Anything unexpected that background work raised is
logged with its traceback (satellitkontor/logs.py) and shown as a short message that names the
log file; the traceback sits behind the box's "Visa detaljer…". Exceptions nobody caught (in a
slot) take the same way through gui/unexpected.py.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from satellitkontor import logs
from satellitkontor.domain.errors import SatellitkontorError
from satellitkontor.words.texts import describe

log = logging.getLogger("satellitkontor.gui")


def message_for(exc: BaseException, lang: str, reader_id: int | None = None) -> str:
    """The sentence for ``exc``; speaking to "du" when it is about ``reader_id``."""
    if isinstance(exc, SatellitkontorError):
        return describe(exc, lang, reader_id)
    log.error("unexpected error in background work", exc_info=exc)
    text = QCoreApplication.translate(
        "Errors",
        "Något oväntat hände ({kind}). Ingenting sparades. Programmet fortsätter. Detaljer finns i loggfilen: {path}",
    )
    return text.format(kind=type(exc).__name__, path=logs.log_file())


def show_error(parent: QWidget | None, exc: BaseException, lang: str) -> QMessageBox:
    """A non-blocking warning box (``open()``, not ``exec()``), returned for tests to read."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Det gick inte"))
    box.setText(message_for(exc, lang))
    if not isinstance(exc, SatellitkontorError):
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(box.windowTitle())
    box.setObjectName("errorBox")
    box.open()
    return box


def show_file_error(
    parent: QWidget | None, path: str, exc: OSError, *, reading: bool = False, calendar: bool = True
) -> QMessageBox:
    """A file that could not be written (or read): which file and the system's reason, in words.
    ``calendar``: the file is a calendar file (.ics), and the message says so."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setObjectName("errorBox")
    if reading:
        title, text = (
            QCoreApplication.translate("Errors", "Det gick inte att läsa"),
            QCoreApplication.translate("Errors", "Filen {file} kunde inte läsas: {reason}"),
        )
    elif calendar:
        title, text = (
            QCoreApplication.translate("Errors", "Det gick inte att spara"),
            QCoreApplication.translate("Errors", "Kalenderfilen {file} kunde inte sparas: {reason}"),
        )
    else:
        title, text = (
            QCoreApplication.translate("Errors", "Det gick inte att spara"),
            QCoreApplication.translate("Errors", "Filen {file} kunde inte sparas: {reason}"),
        )
    box.setWindowTitle(title)
    box.setAccessibleName(title)
    box.setText(text.format(file=path, reason=exc.strerror or type(exc).__name__))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
