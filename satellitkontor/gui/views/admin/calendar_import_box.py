"""Importera från kalender on the page Kalendrar och Exchange: choose an .ics file, read it off the
GUI thread, then the import dialog (gui/dialogs/import_dialog.py) shows what would happen.

A file that cannot be read (broken, too large, not a calendar) gives the app's error box with the
service's sentence, and no dialog: nothing was changed. Admins only (the service checks it too).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.import_dialog import ImportDialog
from satellitkontor.gui.models.import_places import ImportStart, start_import
from satellitkontor.services.imports.results import ImportResult


class CalendarImportBox(QGroupBox):
    #: The import dialog is open (it is ``dialog``).
    dialog_opened = Signal()
    #: Reading the file failed (the error box is shown).
    read_failed = Signal()
    #: Bookings were imported (the ImportResult).
    imported = Signal(object)

    #: Tests set this false: Qt's own file dialog, which they can fill in.
    native_file_dialogs = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Importera från kalender"))
        self.setObjectName("importBox")
        self.dialog: ImportDialog | None = None
        self.file_dialog: QFileDialog | None = None

        note = QLabel(
            self.tr(
                "Läs in bokningar från en kalenderfil (.ics), till exempel en export från Outlook eller "
                "Microsoft Bookings. Du ser först vad som skulle hända; ingenting sparas förrän du väljer Importera."
            )
        )
        note.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Importera kalenderfil (.ics)…"))
        self.import_button.setObjectName("importIcs")
        self.import_button.setAccessibleName(self.tr("Importera kalenderfil (.ics)"))
        self.import_button.clicked.connect(lambda _c=False: self.choose_file())
        ctx.needs_connection(self.import_button)
        self.status_label = QLabel()
        self.status_label.setObjectName("importStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Senaste import"))
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row)

    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Välj kalenderfil att importera"))
        dialog.setObjectName("icsFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Kalenderfiler (*.ics)"), self.tr("Alla filer (*)")])
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not self.native_file_dialogs)
        dialog.setDirectory(str(Path.home()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.read_file)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def read_file(self, path: str) -> None:
        """Read ``path`` off the GUI thread; open the import dialog, or say why not."""
        services = self.ctx.svc
        self.import_button.setEnabled(False)
        self.status_label.setText(self.tr("Läser {file}…").format(file=Path(path).name))

        def done(start: ImportStart) -> None:
            self.import_button.setEnabled(True)
            self.status_label.clear()
            self.open_dialog(start)

        def failed(exc: BaseException) -> None:
            self.import_button.setEnabled(True)
            self.status_label.setText(
                self.tr("{file} kunde inte läsas; ingenting importerades.").format(file=Path(path).name)
            )
            self.ctx.show_error(self, exc)
            self.read_failed.emit()

        self.ctx.run(
            lambda: start_import(services, path),
            done,
            owner=self,
            on_error=failed,
            label=self.tr("Läser kalenderfilen…"),
        )

    def open_dialog(self, start: ImportStart) -> ImportDialog:
        dialog = ImportDialog(self.ctx, start, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit()
        return dialog

    def _imported(self, result: ImportResult) -> None:
        n = len(result.created)
        text = (
            self.tr("1 bokning importerades.")
            if n == 1
            else self.tr("{n} bokningar importerades.").format(n=n)
        )
        self.status_label.setText(text)
        self.imported.emit(result)
