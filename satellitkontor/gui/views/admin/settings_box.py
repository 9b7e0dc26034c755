"""What the settings boxes on the page Kalendrar share (mail_box.py, exchange_box.py): the office's
config with its status as one load, a line per setting named by its form label, the row of
buttons, the message line under them and the status lines, and an action that runs off the GUI
thread with its button greyed and a word in the message line while it runs.

No text lives here: every tr() stays in the box that shows it (its translation context).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.gui.context import AppContext

C = TypeVar("C")
S = TypeVar("S")


@dataclass(frozen=True)
class SettingsData(Generic[C, S]):
    """One load of a box: the office's settings and what the status lines say."""

    config: C
    status: S


def local_time(moment: datetime | None) -> str:
    """A moment in the status lines: local ``2026-12-07 09:30``, or a dash when there is none."""
    return clk.to_local(moment).strftime("%Y-%m-%d %H:%M") if moment is not None else "–"


class SettingsBox(QGroupBox):
    def __init__(self, ctx: AppContext, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(object_name)
        self.message_label = QLabel()
        self.status_label = QLabel()

    @staticmethod
    def _line(form: QFormLayout, text: str, placeholder: str) -> QLineEdit:
        """A text field in the form, named for screen readers by its label."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(text.rstrip(":"))
        form.addRow(text, edit)
        return edit

    @staticmethod
    def name_by_labels(form: QFormLayout, widgets: Sequence[QWidget]) -> None:
        """Screen readers: each field is named by its form label."""
        for widget in widgets:
            label = form.labelForField(widget)
            if isinstance(label, QLabel):
                widget.setAccessibleName(label.text().rstrip(":"))

    def add_buttons_and_lines(self, layout: QVBoxLayout, buttons: Sequence[QPushButton], prefix: str) -> None:
        """The buttons in a row, then the message line (``<prefix>Message``) and the status
        lines (``<prefix>Status``) under them."""
        row = QHBoxLayout()
        for button in buttons:
            button.setAccessibleName(button.text())
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        for label, name in ((self.message_label, "Message"), (self.status_label, "Status")):
            label.setObjectName(prefix + name)
            label.setWordWrap(True)
            layout.addWidget(label)

    def run_action(
        self,
        work: Callable[[], Any],
        done_text: str,
        then: Callable[[Any], None] | None = None,
        *,
        button: QPushButton | None = None,
        busy_text: str | None = None,
        words: Callable[[BaseException], str] | None = None,
    ) -> None:
        """Run ``work`` off the GUI thread; on success the message line says ``done_text`` and
        ``then`` gets the result. With ``button``, it is greyed while the work runs and
        ``busy_text`` stands in the message line. With ``words``, a failure is said in the
        message line (without: as ``AppContext.run`` shows it)."""
        if button is not None:
            button.setEnabled(False)
        if busy_text is not None:
            self.message_label.setText(busy_text)

        def done(result: Any) -> None:
            if button is not None:
                button.setEnabled(True)
            self.message_label.setText(done_text)
            if then is not None:
                then(result)

        def failed(exc: BaseException) -> None:
            if button is not None:
                button.setEnabled(True)
            assert words is not None
            self.message_label.setText(words(exc))

        self.ctx.run(work, done, owner=self, on_error=failed if words is not None else None)
