"""The two buttons of a question that destroys something ("Avboka" / "Behåll bokningen").

Qt gives a question's Yes and No buttons the style's icons: on desktops that show them (KDE,
GNOME) a green tick lands on the destructive answer and a red cross on the safe one. The
answers here are words, so the buttons carry no icon that contradicts them.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractButton,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)


def yes_no(box: QMessageBox, destroy: str, keep: str) -> tuple[QAbstractButton, QAbstractButton]:
    """Yes (``destroy``) and No (``keep``, the default and Escape), without the style's icons."""
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    yes = box.button(QMessageBox.StandardButton.Yes)
    no = box.button(QMessageBox.StandardButton.No)
    yes.setText(destroy)
    no.setText(keep)
    for button in (yes, no):
        button.setIcon(QIcon())
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(no)
    return yes, no


def reason_field(
    box: QMessageBox, caption: str, placeholder: str, object_name: str = "reasonEdit"
) -> QLineEdit:
    """An optional one-line reason under the question of ``box`` ("Anledning (frivillig):"),
    where Qt would put an informative text; the caller reads it when Yes is pressed. Enter
    presses the box's default, the safe answer: the destructive one stays a click (or
    Alt+letter)."""
    field = QLineEdit()
    field.setObjectName(object_name)
    field.setAccessibleName(caption.replace("&", "").rstrip(":"))
    field.setPlaceholderText(placeholder)
    field.setMaxLength(200)
    label = QLabel(caption)
    label.setBuddy(field)
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 6, 0, 0)
    column.addWidget(label)
    column.addWidget(field)
    grid = box.layout()
    assert isinstance(grid, QGridLayout)  # every Qt 6 message box is a grid
    grid.addWidget(holder, 1, 2, 1, 1)  # beside the icon, under the question
    return field
