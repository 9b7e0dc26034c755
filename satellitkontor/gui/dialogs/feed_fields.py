"""The fields the feed dialogs share: which feed (a combo of ``FeedService.choices``), how private
(public by default, internal explained). Date fields: gui/widgets/date_fields.py.

API:
    feed_combo(choices, object_name, accessible_name) -> QComboBox   (the FeedChoice as item data)
    PrivacyChoice(parent=None): .public_radio, .internal_radio, .privacy() -> Privacy,
        .set_privacy(p), .changed: Signal()
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.feeds import Privacy

if TYPE_CHECKING:
    from satellitkontor.services.feeds.service import FeedChoice


def feed_combo(choices: Sequence[FeedChoice], object_name: str, accessible_name: str) -> QComboBox:
    """The feeds one can choose, in the service's order (office, places, municipalities, rotation,
    people); typing a name's first letters jumps to it."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.setAccessibleName(accessible_name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setMinimumContentsLength(28)
    for choice in choices:
        combo.addItem(choice.label, choice)
    return combo


class PrivacyChoice(QWidget):
    """Public (the default) or internal, with a sentence on what internal means."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyChoice")
        self.public_radio = QRadioButton(
            self.tr("&Offentligt – bara att det är bokat och från vilken kommun")
        )
        self.public_radio.setObjectName("publicRadio")
        self.internal_radio = QRadioButton(self.tr("&Internt – med namn och rubriker"))
        self.internal_radio.setObjectName("internalRadio")
        self.group = QButtonGroup(self)
        for radio in (self.public_radio, self.internal_radio):
            radio.setAccessibleName(radio.text().replace("&", ""))
            self.group.addButton(radio)
        self.public_radio.setChecked(True)
        self.group.buttonToggled.connect(self._toggled)
        note = QLabel(
            self.tr(
                "Ett internt flöde visar vem som har bokat. Använd det bara för kontorets egen personal: "
                "alla som får adressen eller filen ser namnen."
            )
        )
        note.setObjectName("privacyNote")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.public_radio)
        layout.addWidget(self.internal_radio)
        layout.addWidget(note)

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def privacy(self) -> Privacy:
        return Privacy.INTERNAL if self.internal_radio.isChecked() else Privacy.PUBLIC

    def set_privacy(self, privacy: Privacy) -> None:
        (self.internal_radio if privacy is Privacy.INTERNAL else self.public_radio).setChecked(True)
