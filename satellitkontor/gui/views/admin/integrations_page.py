"""Administration: Kalendrar och Exchange. Published iCal feeds and saving a feed as a file
(views/admin/feeds_box.py), importing an .ics file (views/admin/calendar_import_box.py), and
Exchange/Outlook sync (views/admin/exchange_box.py), and e-mail to the bookers
(views/admin/mail_box.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.views.admin.calendar_import_box import CalendarImportBox
from satellitkontor.gui.views.admin.exchange_box import ExchangeBox
from satellitkontor.gui.views.admin.feeds_box import FeedsBox
from satellitkontor.gui.views.admin.mail_box import MailBox


class IntegrationsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("integrationsPage")
        self.feeds_box = FeedsBox(ctx)
        self.import_box = CalendarImportBox(ctx)
        self.exchange_box = ExchangeBox(ctx)
        self.mail_box = MailBox(ctx)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.feeds_box, 1)
        layout.addWidget(self.import_box)
        layout.addWidget(self.exchange_box)
        layout.addWidget(self.mail_box)
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
        return self.tr("Kalendrar")

    def refresh(self) -> None:
        self.feeds_box.refresh()
        self.exchange_box.refresh()
        self.mail_box.refresh()
