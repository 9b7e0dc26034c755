"""Administration: Kalendrar och Exchange. Published iCal feeds and saving a feed as a file
(views/admin/feeds_box.py), importing an .ics file (views/admin/calendar_import_box.py), and
Exchange/Outlook sync (views/admin/exchange_box.py), and e-mail to the bookers
(views/admin/mail_box.py).

One box a turn (issue 18): making the four boxes and their first show (polish, layout, paint of
~140 widgets) was one GUI-thread turn of 60-90 ms on this 2-core machine, the longest of any
administration page's first open. The page is made with the feeds box (at the top, what an admin
comes for); the Exchange box, the mail box and the import box follow, each in an event-loop turn of
its own (``QTimer.singleShot``), so the window paints and answers between them. The boxes that load
data come first, so their loads start early. A box asked for before its turn (``page.mail_box``) is
made at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
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
        self._refreshed = False  # refresh() has run: a box made later loads at once
        self._feeds_box: FeedsBox | None = None
        self._import_box: CalendarImportBox | None = None
        self._exchange_box: ExchangeBox | None = None
        self._mail_box: MailBox | None = None

        content = QWidget()
        self._boxes = QVBoxLayout(content)
        scroll = QScrollArea()
        scroll.setObjectName("integrationsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # The boxes, one per turn, in this order (see the module docstring).
        self._steps: list[Callable[[], object]] = [
            lambda: self.feeds_box,
            lambda: self.exchange_box,
            lambda: self.mail_box,
            lambda: self.import_box,
        ]
        QTimer.singleShot(0, self, self._next_step)

    def _next_step(self) -> None:
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            QTimer.singleShot(0, self, self._next_step)

    def _add(self, box: QWidget) -> None:
        """Put ``box`` in its place: feeds, import, Exchange, mail, whatever order they came in."""
        order: list[QWidget | None] = [self._feeds_box, self._import_box, self._exchange_box, self._mail_box]
        index = len([made for made in order[: order.index(box)] if made is not None])
        self._boxes.insertWidget(index, box, 1 if box is self._feeds_box else 0)

    @property
    def feeds_box(self) -> FeedsBox:
        if self._feeds_box is None:
            self._feeds_box = FeedsBox(self.ctx)
            self._add(self._feeds_box)
            if self._refreshed:
                self._feeds_box.refresh()
        return self._feeds_box

    @property
    def exchange_box(self) -> ExchangeBox:
        if self._exchange_box is None:
            self._exchange_box = ExchangeBox(self.ctx)
            self._add(self._exchange_box)
            if self._refreshed:
                self._exchange_box.refresh()
        return self._exchange_box

    @property
    def mail_box(self) -> MailBox:
        if self._mail_box is None:
            self._mail_box = MailBox(self.ctx)
            self._add(self._mail_box)
            if self._refreshed:
                self._mail_box.refresh()
        return self._mail_box

    @property
    def import_box(self) -> CalendarImportBox:
        if self._import_box is None:
            self._import_box = CalendarImportBox(self.ctx)
            self._add(self._import_box)
        return self._import_box

    def page_title(self) -> str:
        return self.tr("Kalendrar")

    def refresh(self) -> None:
        self._refreshed = True
        if self._feeds_box is not None:
            self._feeds_box.refresh()
        if self._exchange_box is not None:
            self._exchange_box.refresh()
        if self._mail_box is not None:
            self._mail_box.refresh()
