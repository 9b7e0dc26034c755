"""What the app's form dialogs share: a red inline error label, a Cancel + default-button box, and
saving through a service call off the GUI thread.

:class:`FormDialog` holds ``ctx`` and ``error_label``. :meth:`FormDialog.submit` disables the
dialog's button (or whatever :meth:`FormDialog.set_busy` disables) and runs the call with
``ctx.run``; on success it hands the result to ``on_done``, calls ``ctx.notify_changed()`` and
accepts; on error it enables again and shows ``message_for(exc, lang)`` in the error label, and
the dialog stays open.

The database gone: the default button needs it, so it is disabled while the app is offline
(``ctx.needs_connection``) and the error label says that what was entered is kept. A save that
fails because the database went away meanwhile leaves the dialog open with its input and says it
was not saved; once the database is back the button works again.

The dialogs pass their own ``self.tr(...)`` texts in, so that every text keeps its dialog's
translation context; only the offline sentences, the same for all, are translated here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import municipalities
from satellitkontor.domain.errors import DatabaseUnavailable
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.errors import message_for

T = TypeVar("T")

#: Inline errors: the palette's error red (dark red, light red in the dark palette) and bold (the
#: text says what is wrong; the colour only underlines it).
ERROR_STYLE = "color: palette(bright-text); font-weight: bold;"


def error_label(object_name: str = "errorLabel") -> QLabel:
    """A hidden, word-wrapped, red label for an inline error."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def heading_label(text: str, object_name: str) -> QLabel:
    """A dialog's heading (what is booked): bold and a size larger."""
    label = QLabel(text)
    label.setObjectName(object_name)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    return label


def buddy_label(text: str, field: QWidget) -> QLabel:
    """A caption whose mnemonic ("&Namn:") moves the focus to ``field``."""
    caption = QLabel(text)
    caption.setBuddy(field)
    return caption


def add_rows(form: QFormLayout, rows: Iterable[tuple[str, QWidget]]) -> None:
    """Add (caption, field) rows, each caption the buddy of its field."""
    for text, field in rows:
        form.addRow(buddy_label(text, field), field)


def municipality_combo(object_name: str, accessible_name: str) -> QComboBox:
    """A combo box of the region's municipalities (the code as item data)."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.setAccessibleName(accessible_name)
    for m in municipalities.ALL:
        combo.addItem(m.name, m.code)
    return combo


class FormDialog(QDialog):
    """A dialog that saves through a service call and shows errors inline (see the module text)."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, error_name: str = "errorLabel"
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.error_label = error_label(error_name)
        self.accept_button: QPushButton | None = None
        #: What Enter presses (see showEvent): the dialog's button, or None where Enter must not
        #: act (erasing a person, importing a calendar: a click does it).
        self.enter_button: QPushButton | None = None
        self._offline_text: str | None = None
        ctx.online_changed.connect(self._online_changed)
        if not ctx.online:
            self._online_changed(False)

    def button_box(
        self,
        text: str,
        accessible_name: str,
        object_name: str,
        on_click: Callable[[], None],
        *,
        cancel_text: str | None = None,
    ) -> tuple[QDialogButtonBox, QPushButton]:
        """Cancel (rejects) and the default button ``text`` (runs ``on_click``)."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(False)  # never the default: Enter must not throw the input away
        if cancel_text is not None:
            cancel.setText(cancel_text)
            cancel.setAccessibleName(cancel_text)
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.setAccessibleName(accessible_name)
        button.setDefault(True)
        button.setProperty("primary", True)  # drawn as the dialog's main action (gui/theme.py)
        buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        button.clicked.connect(on_click)
        buttons.rejected.connect(self.reject)
        self.accept_button = self.enter_button = button
        self.ctx.needs_connection(button)
        return buttons, button

    def showEvent(self, event: QShowEvent) -> None:
        """Enter saves: the dialog's own button is its default once it is shown.

        A button made default before it has a dialog above it (``button_box`` builds the box
        first) is not the dialog's default at all, and Qt then made Avbryt the default: Enter in
        "Ny stängning" threw the input away (issue 16). Set again here, where the dialog is the
        button's parent, it is what Enter presses unless another button has the focus.
        """
        super().showEvent(event)
        if self.enter_button is not None:
            self.enter_button.setDefault(False)  # setDefault(True) on a "default" button does nothing
            self.enter_button.setDefault(True)
            return
        for button in self.findChildren(QPushButton):  # no default at all, never Avbryt
            if button.isDefault():
                button.setDefault(False)

    def stack(self, form: QLayout, buttons: QDialogButtonBox) -> None:
        """The plain layout: the fields, the error under them, the buttons at the bottom."""
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    # --- errors ----------------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self._offline_text = None
        self.error_label.setText(text)
        self.error_label.show()

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, DatabaseUnavailable):
            self._show_offline("failed")
            return
        self.show_message(message_for(exc, self.ctx.lang, self.ctx.viewer_id))

    def _online_changed(self, online: bool) -> None:
        if not online and self.error_label.isHidden():
            self._show_offline("note")
        elif online and self._offline_text == "note":
            self._offline_text = None
            self.error_label.hide()
        elif online and self._offline_text == "failed":
            self._show_offline("back")

    def _show_offline(self, kind: str) -> None:
        """What the offline state means for this dialog's input ("note", "failed", "back")."""
        texts = {
            "note": QT_TRANSLATE_NOOP(
                "FormDialog",
                "Ingen kontakt med databasen just nu. Det du har fyllt i finns kvar; du kan spara när "
                "kontakten är tillbaka.",
            ),
            "failed": QT_TRANSLATE_NOOP(
                "FormDialog",
                "Det gick inte att spara: programmet har ingen kontakt med databasen. Det du har fyllt "
                "i finns kvar. Försök igen när kontakten är tillbaka.",
            ),
            "back": QT_TRANSLATE_NOOP(
                "FormDialog",
                "Kontakten med databasen är tillbaka. Det du har fyllt i är inte sparat än: försök igen.",
            ),
        }
        text = str(texts[kind])
        self.show_message(QCoreApplication.translate("FormDialog", text))  # marked by QT_TRANSLATE_NOOP
        self._offline_text = kind

    # --- saving ----------------------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        """Disable what must not be pressed while saving (by default the dialog's button)."""
        if self.accept_button is not None:
            self.accept_button.setEnabled(not busy)

    def submit(self, fn: Callable[[], T], on_done: Callable[[T], None], *, notify: bool = True) -> None:
        """Run ``fn`` off the GUI thread while busy; then ``on_done(result)`` and :meth:`succeed`."""
        self.set_busy(True)

        def done(result: T) -> None:
            on_done(result)
            self.succeed(notify=notify)

        self.ctx.run(fn, done, owner=self, on_error=self.fail)

    def succeed(self, *, notify: bool = True) -> None:
        """Saved: every view reloads (unless ``notify`` is false) and the dialog closes."""
        if notify:
            self.ctx.notify_changed()
        self.accept()

    def fail(self, exc: BaseException) -> None:
        """Not saved: usable again, with the error shown inline."""
        self.set_busy(False)
        self.show_error(exc)
