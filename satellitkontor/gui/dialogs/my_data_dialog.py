"""Mina uppgifter: save everything the office stores about me, as JSON and CSV, in a folder I choose.

Opened from "Mina bokningar". It says what is included, asks for a folder ("Välj mapp och
spara…"), writes off the GUI thread (services/privacy/my_data.py ``export``: a new
folder inside the chosen one, nothing overwritten) and then shows where, with a button that
opens that folder. A link opens the record of processing.

API: MyDataDialog(ctx, parent=None)
    .save_button: QPushButton (asks for the folder); .export_to(folder) -> Operation
    .open_button: QPushButton (opens the written folder); .result_label: QLabel
    .exported: Signal(object) -> the PersonalDataExport
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.gui import operations
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import error_label, heading_label
from satellitkontor.gui.errors import message_for
from satellitkontor.services.privacy.results import PersonalDataExport


class MyDataDialog(QDialog):
    exported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.export_result: PersonalDataExport | None = None
        self.setObjectName("myDataDialog")
        self.setWindowTitle(self.tr("Mina uppgifter"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(520)

        heading = heading_label(self.tr("Allt som sparas om dig"), "myDataHeading")
        text = QLabel(
            self.tr(
                "Sparar din profil, alla dina bokningar (även avbokade), dina återkommande bokningar, "
                "ändringsloggens poster om dig eller gjorda av dig och kalenderflöden som gäller dig. "
                "Det blir en JSON-fil med allt och en CSV-fil per lista, som går att öppna i Excel, "
                "i en ny mapp i den mapp du väljer."
            )
        )
        text.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Välj mapp och spara…"))
        self.save_button.setObjectName("saveMyData")
        self.save_button.setAccessibleName(self.tr("Välj mapp och spara mina uppgifter"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda _c=False: self.choose_folder())
        self.result_label = QLabel()
        self.result_label.setObjectName("myDataResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = error_label()
        self.open_button = QPushButton(self.tr("Öppna &mappen"))
        self.open_button.setObjectName("openMyDataFolder")
        self.open_button.setAccessibleName(self.tr("Öppna mappen med mina uppgifter"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda _c=False: self.open_folder())
        self.notice_button = QPushButton(self.tr("Om &behandlingen av personuppgifter…"))
        self.notice_button.setObjectName("myDataNotice")
        self.notice_button.setAccessibleName(self.tr("Om behandlingen av personuppgifter"))
        self.notice_button.clicked.connect(lambda _c=False: self.show_notice())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(self.notice_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Välj mapp för dina uppgifter"), str(Path.home())
        )
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str | Path) -> operations.Operation:
        """Write my data into a new folder inside ``folder``, off the GUI thread."""
        service, actor = self.ctx.svc.personal_data, self.ctx.person_id
        target = str(folder)
        self.save_button.setEnabled(False)
        self.error_label.hide()
        return self.ctx.run(
            lambda: service.export(actor, actor, target),
            self._done,
            owner=self,
            on_error=self._failed,
            label=self.tr("Sparar dina uppgifter…"),
        )

    def _done(self, result: PersonalDataExport) -> None:
        self.export_result = result
        self.save_button.setEnabled(True)
        self.open_button.setEnabled(True)
        text = self.tr("Sparat i {folder}: {files} filer, {bookings} bokningar.").format(
            folder=result.folder, files=len(result.files), bookings=result.bookings
        )
        self.result_label.setText(text)
        self.result_label.setAccessibleName(text)
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, OSError):
            text = self.tr("Det gick inte att spara: {reason}").format(
                reason=exc.strerror or type(exc).__name__
            )
        else:
            text = message_for(exc, self.ctx.lang)
        self.error_label.setText(text)
        self.error_label.show()

    def open_folder(self) -> None:
        if self.export_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.export_result.folder)))

    def show_notice(self) -> QDialog:
        from satellitkontor.gui.dialogs.privacy_notice import PrivacyNoticeDialog

        dialog = PrivacyNoticeDialog(self.ctx.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
