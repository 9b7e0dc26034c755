"""Booking for an external guest (staff only): a tick, the guest's name and organisation, and
optionally the guest's e-mail address (what an erasure on the guest's request finds them by).

The booking dialogs add it for a receptionist or an admin; the person chosen in "Boka åt" is then
the guest's host, who answers for them (the booking counts under the host's municipality, marked
as a guest's). :meth:`GuestFields.guest` gives the checked values as a domain Guest, or raises
the InvalidInput the dialog shows inline.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from satellitkontor.domain.bookings import MAX_GUEST_TEXT, Guest


class GuestFields(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guestFields")
        self.check = QCheckBox(self.tr("Boka åt en e&xtern gäst (värden nedan svarar för gästen)"))
        self.check.setObjectName("guestCheck")
        self.check.setAccessibleName(self.tr("Boka åt en extern gäst"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("guestName")
        self.name_edit.setAccessibleName(self.tr("Gästens namn"))
        self.org_edit = QLineEdit()
        self.org_edit.setObjectName("guestOrg")
        self.org_edit.setAccessibleName(self.tr("Gästens organisation"))
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("guestEmail")
        self.email_edit.setAccessibleName(self.tr("Gästens e-postadress (frivillig)"))
        self.email_edit.setPlaceholderText(self.tr("frivillig, t.ex. kim.berg@regionvasterbotten.se"))
        self.email_edit.setMaxLength(254)
        for edit in (self.name_edit, self.org_edit, self.email_edit):
            if edit is not self.email_edit:
                edit.setMaxLength(MAX_GUEST_TEXT)
            edit.textChanged.connect(self.changed)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(20, 0, 0, 0)
        form.addRow(self.tr("Gästens &namn:"), self.name_edit)
        form.addRow(self.tr("Gästens or&ganisation:"), self.org_edit)
        form.addRow(self.tr("Gästens e-post:"), self.email_edit)
        self.details.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.details)
        self.check.toggled.connect(self._toggled)

    def _toggled(self, on: bool) -> None:
        self.details.setVisible(on)
        if on:
            self.name_edit.setFocus()
        self.changed.emit()

    def is_guest(self) -> bool:
        return self.check.isChecked()

    def guest(self) -> Guest | None:
        """The guest, when ticked (InvalidInput when the name or organisation is missing, or the
        optional e-mail address is not a whole one)."""
        if not self.check.isChecked():
            return None
        return Guest.of(self.name_edit.text(), self.org_edit.text(), self.email_edit.text() or None)
