"""Publish a calendar feed: what it shows, how private, and its name in the list.

The name starts as the feed's title (``FeedService.title``, fetched off the GUI thread whenever
the feed or the privacy changes) until the admin types one. It matters for privacy too: the feed
server puts it in the file name subscribers see, so a public person feed is prefilled without the
person's name.

API: PublishFeedDialog(ctx, choices, parent=None)
    .feed_combo, .privacy (PrivacyChoice), .label_edit, .publish_button, .error_label
    .published: Signal(object) -> the PublishedFeed (its token is shown once by the page)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.feed_fields import PrivacyChoice, feed_combo
from satellitkontor.gui.dialogs.form_dialog import FormDialog, add_rows

if TYPE_CHECKING:
    from satellitkontor.domain.feeds import FeedSpec
    from satellitkontor.services.feeds.service import FeedChoice

#: The longest name the service accepts (feed_publishing.MAX_LABEL).
MAX_LABEL = 200


class PublishFeedDialog(FormDialog):
    published = Signal(object)

    def __init__(self, ctx: AppContext, choices: Sequence[FeedChoice], parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("publishFeedDialog")
        self.setWindowTitle(self.tr("Publicera kalenderflöde"))
        self.setAccessibleName(self.tr("Publicera kalenderflöde"))
        self._label_typed = False
        self._title_seq = 0

        self.feed_combo = feed_combo(choices, "feedChoice", self.tr("Vad flödet visar"))
        self.privacy = PrivacyChoice()
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("feedLabel")
        self.label_edit.setAccessibleName(self.tr("Namn på flödet"))
        self.label_edit.setMaxLength(MAX_LABEL)
        self.label_edit.setMinimumWidth(320)
        self.label_edit.textEdited.connect(self._typed)
        label_note = QLabel(self.tr("Namnet visas i listan här och i flödets filnamn hos prenumeranterna."))
        label_note.setWordWrap(True)

        form = QFormLayout()
        add_rows(
            form,
            (
                (self.tr("&Visar:"), self.feed_combo),
                (self.tr("Sekretess:"), self.privacy),
                (self.tr("&Namn:"), self.label_edit),
            ),
        )
        form.addRow("", label_note)
        buttons, self.publish_button = self.button_box(
            self.tr("&Publicera"),
            self.tr("Publicera"),
            "publishButton",
            self.publish,
            cancel_text=self.tr("Avbryt"),
        )
        self.stack(form, buttons)
        self.feed_combo.currentIndexChanged.connect(lambda _i: self._suggest_label())
        self.privacy.changed.connect(self._suggest_label)
        self._suggest_label()
        self.feed_combo.setFocus()

    def spec(self) -> FeedSpec | None:
        choice = self.feed_combo.currentData()
        return choice.spec if choice is not None else None

    # --- the name --------------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self._label_typed = bool(text.strip())

    def _suggest_label(self) -> None:
        spec = self.spec()
        if spec is None or self._label_typed:
            return
        self._title_seq += 1
        seq, feeds, lang, privacy = self._title_seq, self.ctx.svc.feeds, self.ctx.lang, self.privacy.privacy()

        def done(title: str) -> None:
            if seq == self._title_seq and not self._label_typed:
                self.label_edit.setText(title)

        self.ctx.run(
            lambda: feeds.title(spec, lang, privacy=privacy), done, owner=self, on_error=self.show_error
        )

    # --- publishing ------------------------------------------------------------------------------
    def publish(self) -> None:
        spec = self.spec()
        if spec is None:
            return
        publishing, actor = self.ctx.svc.feed_publishing, self.ctx.person_id
        privacy, label = self.privacy.privacy(), self.label_edit.text().strip() or None
        self.submit(lambda: publishing.publish(actor, spec, privacy, label), self.published.emit)
