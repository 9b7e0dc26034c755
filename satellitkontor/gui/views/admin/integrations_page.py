"""Administration: Kalendrar och Exchange. Published iCal feeds and saving a feed as a file
(views/admin/feeds_box.py), importing an .ics file (views/admin/calendar_import_box.py), and
Exchange/Outlook, which is still a sketch: its controls shown but disabled, with a clear note
that it is coming."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.views.admin.calendar_import_box import CalendarImportBox
from satellitkontor.gui.views.admin.feeds_box import FeedsBox


class IntegrationsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("integrationsPage")
        self.feeds_box = FeedsBox(ctx)
        self.import_box = CalendarImportBox(ctx)
        self.exchange_box = self._exchange_box()

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.feeds_box, 1)
        layout.addWidget(self.import_box)
        layout.addWidget(self.exchange_box)
        scroll = QScrollArea()
        scroll.setObjectName("integrationsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def page_title(self) -> str:
        return self.tr("Kalendrar och Exchange")

    def refresh(self) -> None:
        self.feeds_box.refresh()

    # --- Exchange: coming ------------------------------------------------------------------------
    def _field(self, form: QFormLayout, text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(text.rstrip(":"))
        edit.setEnabled(False)
        form.addRow(text, edit)
        return edit

    def _exchange_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Exchange / Outlook"))
        box.setObjectName("exchangeBox")
        layout = QVBoxLayout(box)
        coming = QLabel(
            self.tr(
                "Kommer i en kommande version: konferensrummet som resursbrevlåda i Exchange, så "
                "att rummet kan bokas direkt från Outlook och bokningarna syns åt båda hållen."
            )
        )
        coming.setObjectName("comingLabel")
        coming.setWordWrap(True)
        font = coming.font()
        font.setBold(True)
        coming.setFont(font)
        layout.addWidget(coming)
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
