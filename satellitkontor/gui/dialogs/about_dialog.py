""" "Om Satellitkontoret": the facts support asks for, and a button that copies them.

Version, the database in use (a file path, or the server's URL without its password), where the
log file and the settings files are, Qt, PySide6, Python and the system, and the licence.
"Kopiera" puts the same facts on the clipboard as plain text, one per line, for an e-mail to IT.

Everything shown is known without asking the database (``Database.describe`` formats the URL),
so the dialog opens at once, even when the database could not be reached.

Below the facts, :meth:`AboutDialog.add_section` is the place for more: the record of
processing of personal data (GDPR, gui/dialogs/privacy_notice.py) is there.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor import logs
from satellitkontor.gui.app_icon import app_icon
from satellitkontor.gui.context import AppContext
from satellitkontor.services.startup import describe_url

LICENSE = "EUPL-1.2"


def app_version() -> str:
    import satellitkontor

    return str(satellitkontor.__version__)


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("Om Satellitkontoret"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        head = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAccessibleName(self.tr("Programmets ikon"))
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(
            "<b style='font-size: 15pt'>Satellitkontoret</b><br>"
            + self.tr("Bokning av kontorsplatser och konferensrum på Umeåregionens satellitkontor.")
        )
        title.setWordWrap(True)
        title.setObjectName("aboutTitle")
        head.addWidget(title, 1)
        layout.addLayout(head)

        self.facts = self._facts()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fact_labels: dict[str, QLabel] = {}
        for name, value in self.facts:
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAccessibleName(name)
            form.addRow(name + ":", shown)
            self.fact_labels[name] = shown
        layout.addLayout(form)

        #: More sections go here (the record of processing of personal data is the first).
        self.sections = QVBoxLayout()
        layout.addLayout(self.sections)
        from satellitkontor.gui.dialogs.privacy_notice import add_privacy_section

        self.privacy_section = add_privacy_section(self)
        layout.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Kopiera"))
        self.copy_button.setObjectName("copyFacts")
        self.copy_button.setAccessibleName(self.tr("Kopiera uppgifterna till urklipp"))
        self.copy_button.setToolTip(self.tr("Kopiera uppgifterna, t.ex. till ett mejl till IT"))
        self.copy_button.clicked.connect(self.copy_facts)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.log_button = QPushButton(self.tr("Öppna &loggmappen"))
        self.log_button.setObjectName("openLogFolder")
        self.log_button.setAccessibleName(self.log_button.text().replace("&", ""))
        self.log_button.clicked.connect(self.open_log_folder)
        buttons.addButton(self.log_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    # --- the facts -------------------------------------------------------------------------------
    def _facts(self) -> list[tuple[str, str]]:
        ctx = self.ctx
        if ctx.services is not None:
            database = ctx.services.db.describe()
        else:
            database = self.tr("{where} (inte öppnad)").format(where=describe_url(ctx.db_url))
        machine = ctx.settings.machine
        machine_text = str(machine.path) + (
            "" if machine.exists else " " + self.tr("(finns inte: standardvärden används)")
        )
        return [
            (self.tr("Version"), app_version()),
            (self.tr("Databas"), database),
            (self.tr("Loggfil"), str(logs.log_file())),
            (self.tr("Dina inställningar"), str(ctx.settings.path)),
            (self.tr("Datorns inställningar"), machine_text),
            (self.tr("Qt"), f"{qVersion()} (PySide6 {pyside_version})"),
            (self.tr("Python"), platform.python_version()),
            (self.tr("System"), platform.platform()),
            (self.tr("Licens"), LICENSE),
        ]

    def facts_text(self) -> str:
        lines = [f"Satellitkontoret {app_version()}"]
        lines += [f"{name}: {value}" for name, value in self.facts]
        return "\n".join(lines) + "\n"

    def copy_facts(self) -> None:
        QGuiApplication.clipboard().setText(self.facts_text())
        self.copy_button.setText(self.tr("&Kopierat"))

    def open_log_folder(self) -> None:
        folder = Path(logs.log_file()).parent
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- room for more ---------------------------------------------------------------------------
    def add_section(self, title: str, body: QWidget) -> QGroupBox:
        """Add a titled part below the facts (e.g. the record of processing)."""
        box = QGroupBox(title)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(body)
        self.sections.addWidget(box)
        return box
