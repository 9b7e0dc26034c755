"""The two buttons of a question that destroys something ("Avboka" / "Behåll bokningen").

Qt gives a question's Yes and No buttons the style's icons: on desktops that show them (KDE,
GNOME) a green tick lands on the destructive answer and a red cross on the safe one. The
answers here are words, so the buttons carry no icon that contradicts them.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractButton, QMessageBox


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
