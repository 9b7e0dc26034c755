"""Help in the app: F1 shows a short guide to the view one is in (resources/help/<view>_<lang>.md)
and the keyboard shortcuts; "Kortkommandon" shows the shortcuts alone."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from satellitkontor.resources_data import resource_path


def shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do), in the reader's language."""
    t = QCoreApplication.translate
    return [
        ("F1", t("HelpDialog", "Hjälp för vyn du är i")),
        ("Ctrl+1 … Ctrl+6", t("HelpDialog", "Byt vy (Boka plats, Konferensrum, Mina bokningar …)")),
        ("F5", t("HelpDialog", "Uppdatera")),
        ("Tab / Skift+Tab", t("HelpDialog", "Nästa / föregående fält")),
        (
            t("HelpDialog", "Piltangenterna"),
            t("HelpDialog", "Flytta mellan platserna på planen och tiderna i rummets vecka"),
        ),
        ("Enter", t("HelpDialog", "Boka den valda platsen eller tiden")),
        ("Ctrl+P", t("HelpDialog", "Skriv ut dagsbladet (Dagsöversikt)")),
        (
            "Alt + " + t("HelpDialog", "understruken bokstav"),
            t("HelpDialog", "Tryck på knappen eller gå till fältet"),
        ),
        ("Ctrl+Q", t("HelpDialog", "Avsluta")),
    ]


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td style='padding:3px 12px 3px 0'><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"
        for keys, what in shortcuts()
    )
    title = QCoreApplication.translate("HelpDialog", "Kortkommandon")
    return f"<h2>{escape(title)}</h2><table>{rows}</table>"


def guide_markdown(view: str, lang: str) -> str:
    path = resource_path("help", f"{view}_{'en' if lang == 'en' else 'sv'}.md")
    return path.read_text(encoding="utf-8") if path.exists() else ""


class HelpDialog(QDialog):
    """The guide to ``view`` (or, with ``view=None``, only the shortcuts), not modal."""

    def __init__(self, view: str | None, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Hjälp") if view else self.tr("Kortkommandon"))
        self.setAccessibleName(self.windowTitle())
        self.resize(620, 560)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenExternalLinks(False)
        if view:
            self.browser.setMarkdown(guide_markdown(view, lang))
            self.browser.append(shortcuts_html())
        else:
            self.browser.setHtml(shortcuts_html())
        self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def text(self) -> str:
        return self.browser.toPlainText()
