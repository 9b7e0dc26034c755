"""The record of processing of personal data ("Behandling av personuppgifter"), shown in the app.

The text lives in ``resources/privacy/behandling_sv.md`` (and ``_en.md``), read through
``resources_data`` so it is found in a checkout and in the installed app alike, and shown as
Markdown in a QTextBrowser. :func:`add_privacy_section` puts a short summary and a button that
opens it under "Om Satellitkontoret" (gui/dialogs/about_dialog.py ``add_section``); the admin's
Personuppgifter page opens the same dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.resources_data import read_text

if TYPE_CHECKING:
    from satellitkontor.gui.dialogs.about_dialog import AboutDialog


def notice_markdown(lang: str) -> str:
    """The record of processing in ``lang`` (Swedish unless "en")."""
    return read_text("privacy", "behandling_en.md" if lang == "en" else "behandling_sv.md")


class PrivacyNoticeDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyNoticeDialog")
        self.setWindowTitle(self.tr("Behandling av personuppgifter"))
        self.setAccessibleName(self.windowTitle())
        self.resize(720, 640)
        self.browser = QTextBrowser()
        self.browser.setObjectName("privacyNoticeText")
        self.browser.setAccessibleName(self.tr("Information om behandling av personuppgifter"))
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(notice_markdown(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.browser.setFocus()


class PrivacySection(QWidget):
    """The part of "Om Satellitkontoret" about personal data: two lines and a button."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("privacySection")
        self.dialog: PrivacyNoticeDialog | None = None
        summary = QLabel(
            self.tr(
                "Appen sparar namn, e-post, kommun och bokningar för att administrera kontoret. "
                "Här står vad som sparas, varför, hur länge och vem som ser det."
            )
        )
        summary.setWordWrap(True)
        self.button = QPushButton(self.tr("Visa &information om personuppgifter…"))
        self.button.setObjectName("showPrivacyNotice")
        self.button.setAccessibleName(self.tr("Visa information om behandling av personuppgifter"))
        self.button.clicked.connect(lambda _c=False: self.open_notice())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(summary)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)

    def title(self) -> str:
        """The section's heading (translated here: lupdate files a tr() outside the class under
        another context, and the English About dialog showed the Swedish words)."""
        return self.tr("Behandling av personuppgifter")

    def open_notice(self) -> PrivacyNoticeDialog:
        dialog = PrivacyNoticeDialog(self.lang, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self) -> None:
        self.dialog = None


def add_privacy_section(about: AboutDialog) -> PrivacySection:
    """Add the section below the facts of "Om Satellitkontoret"."""
    section = PrivacySection(about.ctx.lang)
    about.add_section(section.title(), section)
    return section
