"""What a list shows when it has nothing to show: what that means, what to do, and (where the
app can do it) a button that does it ("Du har inga bokningar." + "Gå till Boka plats").

It stands in for the list's old plain label and keeps that label's API (``text()``,
``setText()``, shown and hidden like a widget), so a view swaps one for the other.

API:
    EmptyState(object_name, text="", button_text=None, parent=None)
    .label: QLabel, .button: QPushButton | None
    .text() -> str, .setText(text)
    .clicked: Signal()   the button was pressed
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class EmptyState(QFrame):
    clicked = Signal()

    def __init__(
        self,
        object_name: str,
        text: str = "",
        button_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.label = QLabel(text)
        self.label.setObjectName(f"{object_name}Text")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(8)
        layout.addStretch(1)
        layout.addWidget(self.label)
        self.button: QPushButton | None = None
        if button_text is not None:
            self.button = QPushButton(button_text)
            self.button.setObjectName(f"{object_name}Button")
            self.button.setAccessibleName(button_text.replace("&", ""))
            self.button.clicked.connect(lambda _c=False: self.clicked.emit())
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(1)
        self.setAccessibleName(text)

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:  # the QLabel name it stands in for
        self.label.setText(text)
        self.setAccessibleName(text)
