"""Administration: Kalendrar och Exchange. A sketch of what is coming: published iCal feeds and
Exchange/Outlook, with the controls shown but disabled and a clear note that they are not here yet."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.gui.context import AppContext


class IntegrationsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("integrationsPage")
        self.ical_box = self._ical_box()
        self.exchange_box = self._exchange_box()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Här kopplar du kontoret till kalendrar. Funktionerna kommer i en kommande version; "
                "inställningarna nedan visar vad som kommer att finnas."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.ical_box)
        layout.addWidget(self.exchange_box)
        layout.addStretch(1)

    def page_title(self) -> str:
        return self.tr("Kalendrar och Exchange")

    def refresh(self) -> None:
        """Nothing to load yet."""

    # --- the two boxes ---------------------------------------------------------------------------
    def _coming(self, text: str) -> QLabel:
        lab = QLabel(text)
        lab.setObjectName("comingLabel")
        lab.setWordWrap(True)
        font = lab.font()
        font.setBold(True)
        lab.setFont(font)
        return lab

    def _field(self, form: QFormLayout, text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(text.rstrip(":"))
        edit.setEnabled(False)
        form.addRow(text, edit)
        return edit

    def _ical_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Kalenderflöden (iCal)"))
        box.setObjectName("icalBox")
        layout = QVBoxLayout(box)
        layout.addWidget(
            self._coming(
                self.tr(
                    "Kommer i en kommande version: kalenderflöden som Outlook, Google Kalender och "
                    "telefoner kan prenumerera på, med värdkommunens möten och kontorets bokningar."
                )
            )
        )
        self.ical_checks: list[QCheckBox] = []
        for text in (
            self.tr("Publicera värdkommunens möten"),
            self.tr("Publicera konferensrummets bokningar"),
            self.tr("Publicera stängda dagar"),
        ):
            check = QCheckBox(text)
            check.setEnabled(False)
            check.setAccessibleName(text)
            self.ical_checks.append(check)
            layout.addWidget(check)
        form = QFormLayout()
        self.feed_edit = self._field(form, self.tr("Adress till flödet:"), "https://…/satellitkontoret.ics")
        layout.addLayout(form)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Kopiera adress"))
        self.new_link_button = QPushButton(self.tr("Skapa ny hemlig länk"))
        for button in (self.copy_button, self.new_link_button):
            button.setEnabled(False)
            button.setAccessibleName(button.text())
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _exchange_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Exchange / Outlook"))
        box.setObjectName("exchangeBox")
        layout = QVBoxLayout(box)
        layout.addWidget(
            self._coming(
                self.tr(
                    "Kommer i en kommande version: konferensrummet som resursbrevlåda i Exchange, så "
                    "att rummet kan bokas direkt från Outlook och bokningarna syns åt båda hållen."
                )
            )
        )
        form = QFormLayout()
        self.server_edit = self._field(form, self.tr("Server:"), "outlook.office365.com")
        self.mailbox_edit = self._field(form, self.tr("Rummets brevlåda:"), "konferensrum@kommun.se")
        self.account_edit = self._field(form, self.tr("Tjänstekonto:"), "tjanstekonto@kommun.se")
        layout.addLayout(form)
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Testa anslutningen"))
        self.test_button.setEnabled(False)
        self.test_button.setAccessibleName(self.test_button.text())
        row.addWidget(self.test_button)
        row.addStretch(1)
        layout.addLayout(row)
        return box
