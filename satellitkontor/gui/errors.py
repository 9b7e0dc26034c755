"""Errors as words: a clear Swedish (or English) sentence, never a traceback.

Typed errors from the domain and services are worded by :func:`satellitkontor.texts.describe`,
the same sentences as on the command line. Anything unexpected is logged with its traceback and
shown as a short message that says where the details are.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from satellitkontor.domain.errors import SatellitkontorError
from satellitkontor.texts import describe

log = logging.getLogger("satellitkontor.gui")


def message_for(exc: BaseException, lang: str) -> str:
    if isinstance(exc, SatellitkontorError):
        return describe(exc, lang)
    log.error("unexpected error in the app", exc_info=exc)
    return QCoreApplication.translate(
        "Errors", "Något oväntat hände ({kind}). Ingenting sparades. Detaljerna finns i loggfilen."
    ).format(kind=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException, lang: str) -> QMessageBox:
    """A non-blocking warning box (``open()``, not ``exec()``), returned for tests to read."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Det gick inte"))
    box.setText(message_for(exc, lang))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(box.windowTitle())
    box.setObjectName("errorBox")
    box.open()
    return box
