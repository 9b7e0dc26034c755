"""Confirming (or changing) the host municipality and vice chair of a year (admins).

API (used by the rotation view and its tests):
    RotationYearDialog(ctx, year: int, known: list[HostYear], parent=None)
    .year_spin: QSpinBox, .host_combo / .vice_combo: QComboBox (municipality code as item data),
    .note_edit: QLineEdit, .save_button: QPushButton, .error_label: QLabel
    .confirmed: Signal(object) -> the HostYear as saved (ctx.notify_changed() is called too)
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from satellitkontor.domain import rotation
from satellitkontor.domain.rotation import HostYear
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import FormDialog, buddy_label, municipality_combo
from satellitkontor.gui.models.rotation_years_model import status_text


class RotationYearDialog(FormDialog):
    confirmed = Signal(object)

    def __init__(
        self, ctx: AppContext, year: int, known: list[HostYear], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
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
        self.host_combo = municipality_combo("hostCombo", self.tr("Värdkommun"))
        self.vice_combo = municipality_combo("viceCombo", self.tr("Vice ordförande"))
        self.current_label = QLabel()
        self.current_label.setObjectName("currentStatus")
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setAccessibleName(self.tr("Anteckning"))
        self.note_edit.setPlaceholderText(self.tr("t.ex. beslut i Umeåregionrådet"))

        form.addRow(buddy_label(self.tr("&År:"), self.year_spin), self.year_spin)
        form.addRow(self.tr("Nu:"), self.current_label)
        form.addRow(buddy_label(self.tr("&Värdkommun:"), self.host_combo), self.host_combo)
        form.addRow(buddy_label(self.tr("Vice &ordförande:"), self.vice_combo), self.vice_combo)
        form.addRow(buddy_label(self.tr("&Anteckning:"), self.note_edit), self.note_edit)

        form.addRow(self.error_label)
        buttons, self.save_button = self.button_box(
            self.tr("&Bekräfta"), self.tr("Bekräfta"), "saveButton", self.save
        )
        form.addRow(buttons)

        self.year_spin.valueChanged.connect(self._year_changed)
        self.year_spin.setValue(year)
        self._year_changed(year)

    # --- filling in ------------------------------------------------------------------------------
    def _year_changed(self, year: int) -> None:
        known = self._known.get(year)
        if known is not None:
            self._show(known)
            return
        svc = self.ctx.svc.rotation
        self.ctx.run(lambda: svc.years(year, year)[0], self._loaded, owner=self, on_error=self.fail)

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
            self.show_message(self.tr("Värdkommun och vice ordförande måste vara olika kommuner."))
            return
        svc = self.ctx.svc.rotation
        actor, year, note = self.ctx.person_id, self.year_spin.value(), self.note_edit.text().strip() or None
        self.submit(lambda: svc.confirm_year(actor, year, host, vice, note), self.confirmed.emit)
