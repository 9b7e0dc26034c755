"""Administration: Personuppgifter. Who sees names, how long names are kept, and removing old ones.

- "Visa namn för alla användare (annars bara kommun)": the visibility setting
  (services/privacy/service.py ``set_visibility``); receptionists and admins always see names.
- The retention period in months and "Rensa automatiskt vid start" (``set_retention``).
  "Spara" sends only what changed, so each change writes its own audit entry.
- "Rensa gamla personuppgifter…": a dry run first (off the GUI thread), its summary in a
  question, and only on "Rensa" the real run.
- "Om behandlingen…": the record of processing (gui/dialogs/privacy_notice.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.privacy import MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS, PrivacySettings
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import ERROR_STYLE
from satellitkontor.gui.errors import message_for
from satellitkontor.gui.widgets.confirm_buttons import yes_no
from satellitkontor.services.privacy.results import RetentionReport
from satellitkontor.words.texts import fmt_date


class PrivacyPage(QWidget):
    #: Fresh settings are on screen.
    data_loaded = Signal()
    #: Retention ran (the applied report).
    retention_done = Signal(object)
    #: A dry run's summary is shown, waiting for "Rensa" (tests wait on it).
    retention_previewed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("privacyPage")
        self.settings: PrivacySettings | None = None
        self.confirm_box: QMessageBox | None = None
        self.dirty = False
        self._filling = False

        self.names_check = QCheckBox(self.tr("Visa &namn för alla användare (annars bara kommun)"))
        self.names_check.setObjectName("namesToUsers")
        self.names_check.setAccessibleName(self.tr("Visa namn för alla användare"))
        self.names_check.toggled.connect(self._edited)
        names_note = QLabel(
            self.tr(
                "Gäller namn och mötesrubriker i andras bokningar, i appen och på kommandoraden. "
                "Receptionister och administratörer ser alltid namn. Publika kalenderflöden och "
                "statistiken visar aldrig namn."
            )
        )
        names_note.setWordWrap(True)
        names_box = QGroupBox(self.tr("Vem ser namn"))
        names_layout = QVBoxLayout(names_box)
        names_layout.addWidget(self.names_check)
        names_layout.addWidget(names_note)

        self.months_spin = QSpinBox()
        self.months_spin.setObjectName("retentionMonths")
        self.months_spin.setRange(MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS)
        self.months_spin.setSuffix(self.tr(" månader"))
        self.months_spin.setAccessibleName(self.tr("Gallringstid i månader"))
        self.months_spin.valueChanged.connect(self._edited)
        months_caption = QLabel(self.tr("Ta bort namn, e-post och rubriker &efter:"))
        months_caption.setBuddy(self.months_spin)
        self.on_start_check = QCheckBox(self.tr("Rensa &automatiskt vid start"))
        self.on_start_check.setObjectName("retentionOnStart")
        self.on_start_check.setAccessibleName(self.tr("Rensa automatiskt vid start"))
        self.on_start_check.toggled.connect(self._edited)
        retention_note = QLabel(
            self.tr(
                "Bokningar och poster i ändringsloggen från före den första dagen i månaden så många "
                "månader bakåt förlorar namn, e-post och rubrik. Antalen per kommun, plats och dag "
                "finns kvar, så statistiken ändras inte."
            )
        )
        retention_note.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Rensa &gamla personuppgifter…"))
        self.run_button.setObjectName("runRetention")
        self.run_button.setAccessibleName(self.tr("Rensa gamla personuppgifter"))
        self.run_button.clicked.connect(lambda _c=False: self.preview_retention())
        form = QFormLayout()
        form.addRow(months_caption, self.months_spin)
        form.addRow(self.on_start_check)
        retention_box = QGroupBox(self.tr("Gallring"))
        retention_layout = QVBoxLayout(retention_box)
        retention_layout.addLayout(form)
        retention_layout.addWidget(retention_note)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addStretch(1)
        retention_layout.addLayout(run_row)

        self.notice_button = QPushButton(self.tr("&Om behandlingen av personuppgifter…"))
        self.notice_button.setObjectName("privacyNotice")
        self.notice_button.setAccessibleName(self.tr("Om behandlingen av personuppgifter"))
        self.notice_button.clicked.connect(lambda _c=False: self.show_notice())

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("privacyStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Senaste händelse"))
        self.save_button = QPushButton(self.tr("&Spara"))
        self.save_button.setObjectName("savePrivacy")
        self.save_button.setAccessibleName(self.tr("Spara inställningarna för personuppgifter"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda _c=False: self.save())
        ctx.needs_connection(self.run_button, self.save_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.notice_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(names_box)
        layout.addWidget(retention_box)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

    def page_title(self) -> str:
        return self.tr("Personuppgifter")

    # --- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        privacy = self.ctx.svc.privacy
        self.ctx.run(privacy.settings, self._loaded, owner=self)

    def _loaded(self, settings: PrivacySettings) -> None:
        self.settings = settings
        if not self.dirty:
            self._fill(settings)
        self.data_loaded.emit()

    def _fill(self, settings: PrivacySettings) -> None:
        self._filling = True
        try:
            self.names_check.setChecked(settings.names_to_users)
            self.months_spin.setValue(settings.retention_months)
            self.on_start_check.setChecked(settings.retention_on_start)
        finally:
            self._filling = False
        self.dirty = False
        self.save_button.setEnabled(False)

    def _edited(self, *_args: object) -> None:
        if not self._filling:
            self.dirty = True
            self.save_button.setEnabled(True)
            self.status_label.setText(self.tr("Ändringar som inte är sparade"))

    # --- saving ---------------------------------------------------------------------------------
    def save(self) -> None:
        old = self.settings
        if old is None:
            return
        privacy, actor = self.ctx.svc.privacy, self.ctx.person_id
        names = self.names_check.isChecked()
        months, on_start = self.months_spin.value(), self.on_start_check.isChecked()

        def work() -> PrivacySettings:
            result = old
            if names != old.names_to_users:
                result = privacy.set_visibility(actor, names)
            if months != old.retention_months or on_start != old.retention_on_start:
                result = privacy.set_retention(actor, months=months, on_start=on_start)
            return result

        self.error_label.hide()
        self.save_button.setEnabled(False)
        self.ctx.run(work, self._saved, owner=self, on_error=self._failed)

    def _saved(self, settings: PrivacySettings) -> None:
        self.settings = settings
        self._fill(settings)
        self.status_label.setText(self.tr("Inställningarna är sparade"))
        self.ctx.notify_changed()  # the views show names, or not, at once

    def _failed(self, exc: BaseException) -> None:
        self._show_error(exc)
        self.save_button.setEnabled(True)

    def _show_error(self, exc: BaseException) -> None:
        self.error_label.setText(message_for(exc, self.ctx.lang))
        self.error_label.show()

    # --- retention ------------------------------------------------------------------------------
    def preview_retention(self) -> None:
        """A dry run, then a question with its summary."""
        privacy, actor = self.ctx.svc.privacy, self.ctx.person_id
        self.run_button.setEnabled(False)
        self.error_label.hide()
        self.ctx.run(
            lambda: privacy.retention(actor, apply=False),
            self._previewed,
            owner=self,
            on_error=self._retention_failed,
            label=self.tr("Undersöker gamla personuppgifter…"),
        )

    def summary(self, report: RetentionReport) -> str:
        """The report in words, for the question and the status line."""
        lines = [
            self.tr("Bokningar som förlorar namn och rubrik: {n}").format(n=report.bookings),
            self.tr("Återkommande bokningar (serier): {n}").format(n=report.series),
            self.tr("Poster i ändringsloggen: {n}").format(n=report.audit_entries),
            self.tr("Personer som tas bort: {n}").format(n=report.people),
            self.tr("Övriga kopplingar till vem som gjorde vad: {n}").format(n=report.other_links),
        ]
        if report.months:
            months = ", ".join(f"{y:04d}-{m:02d}" for y, m in report.months)
            lines.append(self.tr("Månader: {months}").format(months=months))
        return "\n".join(lines)

    def _previewed(self, report: RetentionReport) -> None:
        self.run_button.setEnabled(True)
        cutoff = fmt_date(report.cutoff, self.ctx.lang)
        if report.nothing_to_do:
            self.status_label.setText(
                self.tr("Det finns inga personuppgifter från före {day} att rensa.").format(day=cutoff)
            )
            self.retention_previewed.emit(report)
            return
        box = QMessageBox(self)
        box.setObjectName("confirmRetention")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Rensa gamla personuppgifter"))
        box.setAccessibleName(box.windowTitle())
        box.setText(
            self.tr("Namn, e-post och rubriker från före {day} tas bort. Det går inte att ångra.").format(
                day=cutoff
            )
        )
        box.setInformativeText(self.summary(report))
        yes, _no = yes_no(box, self.tr("&Rensa"), self.tr("&Avbryt"))

        def clicked(button: QAbstractButton) -> None:
            if button is yes:
                self.apply_retention()

        def finished(_result: int) -> None:
            if self.confirm_box is box:
                self.confirm_box = None
            box.deleteLater()

        box.buttonClicked.connect(clicked)
        box.finished.connect(finished)
        self.confirm_box = box
        box.open()
        self.retention_previewed.emit(report)

    def apply_retention(self) -> None:
        privacy, actor = self.ctx.svc.privacy, self.ctx.person_id
        self.run_button.setEnabled(False)
        self.ctx.run(
            lambda: privacy.retention(actor, apply=True),
            self._applied,
            owner=self,
            on_error=self._retention_failed,
            label=self.tr("Rensar gamla personuppgifter…"),
        )

    def _applied(self, report: RetentionReport) -> None:
        self.run_button.setEnabled(True)
        self.status_label.setText(self.tr("Rensat. Statistiken är oförändrad.") + "\n" + self.summary(report))
        self.ctx.notify_changed()
        self.retention_done.emit(report)

    def _retention_failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        self._show_error(exc)

    # --- the record of processing -----------------------------------------------------------------
    def show_notice(self) -> QWidget:
        from satellitkontor.gui.dialogs.privacy_notice import PrivacyNoticeDialog

        dialog = PrivacyNoticeDialog(self.ctx.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
