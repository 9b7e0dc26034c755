"""Save a calendar feed as an .ics file: which feed, how private, and which days.

The dialog only asks; the page then asks where (a file dialog) and writes the file off the GUI
thread with ``FeedService.write``. The days start at the feeds' default range (domain/feeds.py:
30 days back, 180 ahead).

API: SaveFeedDialog(ctx, choices, today, parent=None)
    .feed_combo, .privacy (PrivacyChoice), .from_edit, .to_edit, .save_button, .error_label
    .chosen: Signal(object) -> a FeedFileRequest (the dialog then closes)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QFormLayout, QWidget

from satellitkontor.domain.feeds import DEFAULT_DAYS_AHEAD, DEFAULT_DAYS_BACK, FeedSpec, Privacy
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.feed_fields import PrivacyChoice, feed_combo
from satellitkontor.gui.dialogs.form_dialog import FormDialog, add_rows
from satellitkontor.gui.widgets.date_fields import date_edit, to_date

if TYPE_CHECKING:
    from satellitkontor.services.feeds.service import FeedChoice


@dataclass(frozen=True, slots=True)
class FeedFileRequest:
    spec: FeedSpec
    privacy: Privacy
    first: dt.date
    last: dt.date
    #: A file name to start from ("plats-3.ics").
    file_name: str


class SaveFeedDialog(FormDialog):
    chosen = Signal(object)

    def __init__(
        self, ctx: AppContext, choices: Sequence[FeedChoice], today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("saveFeedDialog")
        self.setWindowTitle(self.tr("Spara kalenderflöde som fil"))
        self.setAccessibleName(self.tr("Spara kalenderflöde som fil"))

        self.feed_combo = feed_combo(choices, "feedChoice", self.tr("Vad filen visar"))
        self.privacy = PrivacyChoice()
        self.from_edit = date_edit(
            "feedFrom", self.tr("Första dag"), today - timedelta(days=DEFAULT_DAYS_BACK)
        )
        self.to_edit = date_edit("feedTo", self.tr("Sista dag"), today + timedelta(days=DEFAULT_DAYS_AHEAD))
        self.from_edit.dateChanged.connect(self._from_changed)

        form = QFormLayout()
        add_rows(
            form,
            (
                (self.tr("&Visar:"), self.feed_combo),
                (self.tr("Sekretess:"), self.privacy),
                (self.tr("&Från:"), self.from_edit),
                (self.tr("&Till och med:"), self.to_edit),
            ),
        )
        buttons, self.save_button = self.button_box(
            self.tr("Välj fil och &spara…"),
            self.tr("Välj fil och spara"),
            "saveButton",
            self.choose,
            cancel_text=self.tr("Avbryt"),
        )
        self.stack(form, buttons)
        self.feed_combo.setFocus()

    def _from_changed(self, qdate: QDate) -> None:
        if self.to_edit.date() < qdate:
            self.to_edit.setDate(qdate)

    def request(self) -> FeedFileRequest | None:
        choice: FeedChoice | None = self.feed_combo.currentData()
        if choice is None:
            return None
        first, last = to_date(self.from_edit.date()), to_date(self.to_edit.date())
        return FeedFileRequest(choice.spec, self.privacy.privacy(), first, last, choice.file_name)

    def choose(self) -> None:
        request = self.request()
        if request is None:
            return
        if request.last < request.first:
            self.show_message(self.tr("Sista dagen ligger före den första."))
            return
        self.accept()
        self.chosen.emit(request)
