"""Confirming (or changing) the host municipality and vice chair of a year (admins).

API (used by the rotation view and its tests):
    RotationYearDialog(ctx, year: int, known: list[HostYear], parent=None)
    .year_spin: QSpinBox, .host_combo / .vice_combo: QComboBox (municipality code as item data),
    .note_edit: QLineEdit, .save_button: QPushButton, .error_label: QLabel
    .confirmed: Signal(object) -> the HostYear as saved (ctx.notify_changed() is called too)
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from satellitkontor.domain import municipalities, rotation
from satellitkontor.domain.rotation import HostYear
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.errors import message_for
from satellitkontor.gui.models.rotation_years_model import status_text


class RotationYearDialog(QDialog):
    confirmed = Signal(object)

    def __init__(
        self, ctx: AppContext, year: int, known: list[HostYear], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._known = {hy.year: hy for hy in known}
        self.setObjectName("rotationYearDialog")
        self.setWindowTitle(self.tr("Bekräfta eller ändra värdkommun"))
        self.setAccessibleName(self.windowTitle())
        form = QFormLayout(self)

        intro = QLabel(
            self.tr(
                "Bekräfta året som det står, eller välj en annan värdkommun eller vice ordförande "
                "om Umeåregionrådet har beslutat om ett byte."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)

        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("yearSpin")
        self.year_spin.setRange(rotation.FIRST_YEAR, rotation.LAST_YEAR)
        self.year_spin.setAccessibleName(self.tr("År"))
        self.host_combo = self._municipality_combo("hostCombo", self.tr("Värdkommun"))
        self.vice_combo = self._municipality_combo("viceCombo", self.tr("Vice ordförande"))
        self.current_label = QLabel()
        self.current_label.setObjectName("currentStatus")
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setAccessibleName(self.tr("Anteckning"))
        self.note_edit.setPlaceholderText(self.tr("t.ex. beslut i Umeåregionrådet"))

        form.addRow(self._buddy(self.tr("&År:"), self.year_spin), self.year_spin)
        form.addRow(self.tr("Nu:"), self.current_label)
        form.addRow(self._buddy(self.tr("&Värdkommun:"), self.host_combo), self.host_combo)
        form.addRow(self._buddy(self.tr("Vice &ordförande:"), self.vice_combo), self.vice_combo)
        form.addRow(self._buddy(self.tr("&Anteckning:"), self.note_edit), self.note_edit)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form.addRow(self.error_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self.tr("&Bekräfta"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Bekräfta"))
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

        self.year_spin.valueChanged.connect(self._year_changed)
        self.year_spin.setValue(year)
        self._year_changed(year)

    def _municipality_combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        for m in municipalities.ALL:
            combo.addItem(m.name, m.code)
        return combo

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        lab = QLabel(text)
        lab.setBuddy(widget)
        return lab

    # --- filling in ------------------------------------------------------------------------------
    def _year_changed(self, year: int) -> None:
        known = self._known.get(year)
        if known is not None:
            self._show(known)
            return
        svc = self.ctx.svc.rotation
        self.ctx.run(lambda: svc.years(year, year)[0], self._loaded, owner=self, on_error=self._failed)

    def _loaded(self, hy: HostYear) -> None:
        self._known[hy.year] = hy
        if hy.year == self.year_spin.value():
            self._show(hy)

    def _show(self, hy: HostYear) -> None:
        self.host_combo.setCurrentIndex(self.host_combo.findData(hy.host.code))
        self.vice_combo.setCurrentIndex(self.vice_combo.findData(hy.kc_vice_chair.code))
        self.current_label.setText(
            self.tr("{host}, vice ordförande {vice} ({status})").format(
                host=hy.host.name, vice=hy.kc_vice_chair.name, status=status_text(hy.status, self.ctx.lang)
            )
        )

    # --- saving ----------------------------------------------------------------------------------
    def save(self) -> None:
        host, vice = self.host_combo.currentData(), self.vice_combo.currentData()
        if host == vice:
            self._error(self.tr("Värdkommun och vice ordförande måste vara olika kommuner."))
            return
        svc = self.ctx.svc.rotation
        actor, year, note = self.ctx.person_id, self.year_spin.value(), self.note_edit.text().strip() or None
        self.save_button.setEnabled(False)
        self.ctx.run(
            lambda: svc.confirm_year(actor, year, host, vice, note),
            self._saved,
            owner=self,
            on_error=self._failed,
        )

    def _saved(self, hy: HostYear) -> None:
        self.confirmed.emit(hy)
        self.ctx.notify_changed()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._error(message_for(exc, self.ctx.lang))

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
