"""Kalenderflöden (iCal) on the page Kalendrar och Exchange: the published feeds, publishing one
(its address shown once), revoking one, the feed server's address, and saving a feed as a file.

- The list comes from ``FeedPublishingService.published`` off the GUI thread, with the feeds
  one can choose (``FeedService.choices``, people included: admins only see this page).
- A feed's address is the feed server's address (an admin setting kept per database in
  gui/settings.py, since the feed service keeps none) followed by ``/feeds/<token>.ics``.
- Revoking asks first, without blocking; a revoked feed stays in the list under "Visa
  återkallade", with the day it stopped.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.feed_url_dialog import FeedUrlDialog
from satellitkontor.gui.dialogs.form_dialog import error_label
from satellitkontor.gui.dialogs.publish_feed_dialog import PublishFeedDialog
from satellitkontor.gui.dialogs.save_feed_dialog import FeedFileRequest, SaveFeedDialog
from satellitkontor.gui.errors import show_file_error
from satellitkontor.gui.models.published_feeds_model import CREATED, LABEL, PublishedFeedsModel
from satellitkontor.gui.widgets.confirm_buttons import yes_no
from satellitkontor.gui.widgets.row_table import row_table

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices
    from satellitkontor.services.feeds.publishing import FeedTokenView, PublishedFeed
    from satellitkontor.services.feeds.service import FeedChoice

#: Where subscribers reach ``satellitkontor serve-feeds`` unless an admin says otherwise (as the
#: command line's ``feeds publish --base-url``: $SATELLITKONTOR_FEEDS_URL, else this).
ENV_FEEDS_URL = "SATELLITKONTOR_FEEDS_URL"
DEFAULT_BASE_URL = "http://127.0.0.1:8765"
#: The widest the "Publicerat" column starts (pixels).
CREATED_WIDTH = 220


@dataclass(frozen=True, slots=True)
class FeedsData:
    today: dt.date
    feeds: list[FeedTokenView]
    choices: list[FeedChoice]


def load_feeds(services: AppServices, actor_id: int, include_revoked: bool, lang: str) -> FeedsData:
    """The published feeds and the feeds one can publish (off the GUI thread)."""
    feeds = services.feed_publishing.published(actor_id, include_revoked)
    choices = services.feeds.choices(lang, include_people=True)
    return FeedsData(clk.local_date(services.feeds.now()), feeds, choices)


def valid_base_url(text: str) -> bool:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class FeedsBox(QGroupBox):
    #: Fresh data is on screen.
    data_loaded = Signal()
    #: A feed was published; its address is shown (the URL dialog is ``url_dialog``).
    published = Signal(str)
    #: A feed was saved as a file: its path and the number of events.
    saved = Signal(str, int)

    #: Tests set this false: Qt's own file dialog, which they can fill in.
    native_file_dialogs = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Kalenderflöden (iCal)"))
        self.setObjectName("icalBox")
        self.today = dt.date.today()
        self.choices: list[FeedChoice] = []
        self._load_seq = 0
        self.publish_dialog: PublishFeedDialog | None = None
        self.url_dialog: FeedUrlDialog | None = None
        self.save_dialog: SaveFeedDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.confirm_box: QMessageBox | None = None

        intro = QLabel(
            self.tr(
                "Publicera kontorets kalendrar som adresser som Outlook, telefoner och andra kalenderprogram "
                "kan prenumerera på. Flödena lämnas ut av flödesservern (satellitkontor serve-feeds)."
            )
        )
        intro.setWordWrap(True)
        self.model = PublishedFeedsModel(ctx.lang, self)
        self.table = row_table("feedsTable", self.tr("Publicerade kalenderflöden"), self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        # Who published is the longest text: cut ("…", the whole in its tooltip) so the name fits.
        header.setSectionResizeMode(CREATED, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(
            CREATED, header.fontMetrics().horizontalAdvance("2026-11-22, Sofia Lindqvist") + 16
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        caption = QLabel(self.tr("&Publicerade kalenderflöden"))
        caption.setBuddy(self.table)
        self.empty_label = QLabel(
            self.tr(
                "Inga kalenderflöden är publicerade. Publicera ett med Publicera nytt flöde…, så kan "
                "andra prenumerera på kontorets bokningar i Outlook."
            )
        )
        self.empty_label.setObjectName("noFeeds")
        self.empty_label.setWordWrap(True)

        self.publish_button = self._button(self.tr("Publicera &nytt flöde…"), "publishFeed", self.publish_new)
        self.revoke_button = self._button(self.tr("Åt&erkalla"), "revokeFeed", self.revoke_selected)
        self.revoke_button.setAccessibleName(self.tr("Återkalla det valda flödet"))
        self.save_button = self._button(self.tr("&Spara flöde som fil…"), "saveFeedFile", self.save_as_file)
        ctx.needs_connection(self.publish_button, self.revoke_button, self.save_button)
        self.show_revoked = QCheckBox(self.tr("Visa åter&kallade"))
        self.show_revoked.setObjectName("showRevoked")
        self.show_revoked.setAccessibleName(self.tr("Visa återkallade flöden"))
        self.show_revoked.toggled.connect(lambda _on: self.refresh())
        buttons = QHBoxLayout()
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.show_revoked)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        self.base_url_edit = QLineEdit(self._stored_base_url())
        self.base_url_edit.setObjectName("feedsBaseUrl")
        self.base_url_edit.setAccessibleName(self.tr("Flödesserverns adress"))
        self.base_url_edit.setPlaceholderText("http://kontorsserver:8765")
        self.base_url_edit.setToolTip(
            self.tr(
                "Adressen som prenumeranterna når flödesservern på, till exempel http://kontorsserver:8765."
            )
        )
        self.base_url_edit.editingFinished.connect(self._base_url_edited)
        self.base_url_edit.textChanged.connect(lambda _t: self._check_base_url())
        self.base_url_error = error_label("baseUrlError")
        url_form = QFormLayout()
        url_form.addRow(
            self._caption(self.tr("Flödesserverns &adress:"), self.base_url_edit), self.base_url_edit
        )
        url_form.addRow("", self.base_url_error)

        self.status_label = QLabel()
        self.status_label.setObjectName("feedsStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Senaste händelse"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        layout.addLayout(url_form)
        layout.addWidget(self.status_label)
        QWidget.setTabOrder(self.table, self.publish_button)
        QWidget.setTabOrder(self.publish_button, self.revoke_button)
        QWidget.setTabOrder(self.revoke_button, self.show_revoked)
        QWidget.setTabOrder(self.show_revoked, self.save_button)
        QWidget.setTabOrder(self.save_button, self.base_url_edit)
        self.empty_label.hide()
        self._check_base_url()
        self._update_buttons()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(lambda _c=False: slot())
        return button

    @staticmethod
    def _caption(text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    # --- the feed server's address ---------------------------------------------------------------
    def _stored_base_url(self) -> str:
        stored = self.ctx.settings.feeds_base_url(self.ctx.db_url)
        return stored or os.environ.get(ENV_FEEDS_URL) or DEFAULT_BASE_URL

    def base_url(self) -> str:
        return self.base_url_edit.text().strip()

    def _check_base_url(self) -> bool:
        ok = valid_base_url(self.base_url())
        self.base_url_error.setText(
            ""
            if ok
            else self.tr(
                "Skriv adressen med http:// eller https:// först, till exempel http://kontorsserver:8765."
            )
        )
        self.base_url_error.setVisible(not ok)
        self._update_buttons()
        return ok

    def _base_url_edited(self) -> None:
        if self._check_base_url():
            self.ctx.settings.set_feeds_base_url(self.ctx.db_url, self.base_url())

    # --- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx.services is None or not self.ctx.is_admin:
            return
        self._load_seq += 1
        seq, services, actor = self._load_seq, self.ctx.svc, self.ctx.person_id
        include_revoked, lang = self.show_revoked.isChecked(), self.ctx.lang

        def done(data: FeedsData) -> None:
            if seq == self._load_seq:
                self._show(data)

        self.ctx.run(lambda: load_feeds(services, actor, include_revoked, lang), done, owner=self)

    def _show(self, data: FeedsData) -> None:
        chosen = self.selected()
        self.today, self.choices = data.today, data.choices
        self.model.set_feeds(data.feeds)
        header = self.table.horizontalHeader()  # with no rows the header's own text sets the width
        cells = min(self.table.sizeHintForColumn(CREATED), CREATED_WIDTH)
        self.table.setColumnWidth(CREATED, max(cells, header.sectionSizeHint(CREATED)))
        if chosen is not None:
            self.select_feed(chosen.id)
        self.empty_label.setVisible(not data.feeds)
        self._update_buttons()
        self.data_loaded.emit()

    # --- selection -------------------------------------------------------------------------------
    def selected(self) -> FeedTokenView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.feed_at(rows[0].row()) if rows else None

    def select_feed(self, feed_id: int) -> bool:
        row = self.model.row_of(feed_id)
        if row < 0:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.revoke_button.setEnabled(chosen is not None and chosen.active)
        has_choices = bool(self.choices)
        self.publish_button.setEnabled(has_choices and valid_base_url(self.base_url()))
        self.save_button.setEnabled(has_choices)

    # --- publishing ------------------------------------------------------------------------------
    def publish_new(self) -> PublishFeedDialog | None:
        if not self._check_base_url() or not self.choices:
            return None
        self.ctx.settings.set_feeds_base_url(self.ctx.db_url, self.base_url())
        dialog = PublishFeedDialog(self.ctx, self.choices, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.published.connect(self._published)
        self.publish_dialog = dialog
        dialog.open()
        return dialog

    def _published(self, result: PublishedFeed) -> None:
        from satellitkontor.services.feeds.publishing import feed_url

        url = feed_url(self.base_url(), result.token)
        view = result.view
        name = view.label or self.model.shows_text(view)
        self.status_label.setText(self.tr("Flödet «{name}» är publicerat.").format(name=name))
        dialog = FeedUrlDialog(url, name, self)
        self.url_dialog = dialog
        dialog.open()
        self.published.emit(url)

    # --- revoking --------------------------------------------------------------------------------
    def revoke_selected(self) -> QMessageBox | None:
        """Asks first (a non-blocking question); revokes on "Återkalla"."""
        chosen = self.selected()
        if chosen is None or not chosen.active:
            return None
        name = chosen.label or self.model.shows_text(chosen)
        box = QMessageBox(self)
        box.setObjectName("confirmBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Återkalla flödet"))
        box.setText(
            self.tr(
                "Återkalla flödet «{name}» (adressen börjar {hint}…)? Adressen slutar fungera för alla som "
                "prenumererar på den. Det går inte att ångra; du kan publicera ett nytt flöde."
            ).format(name=name, hint=chosen.hint)
        )
        yes, _no = yes_no(box, self.tr("Åt&erkalla"), self.tr("&Behåll"))
        box.setAccessibleName(box.windowTitle())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        feed_id = chosen.id

        def answered(_result: int) -> None:
            if box.clickedButton() is yes:
                self._revoke(feed_id, name)

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()
        return box

    def _revoke(self, feed_id: int, name: str) -> None:
        publishing, actor = self.ctx.svc.feed_publishing, self.ctx.person_id

        def done(_view: FeedTokenView) -> None:
            self.status_label.setText(self.tr("Flödet «{name}» är återkallat.").format(name=name))
            self.ctx.notify_changed()
            self.refresh()

        self.ctx.run(lambda: publishing.revoke(actor, feed_id), done, owner=self)

    # --- saving as a file ------------------------------------------------------------------------
    def save_as_file(self) -> SaveFeedDialog | None:
        if not self.choices:
            return None
        dialog = SaveFeedDialog(self.ctx, self.choices, self.today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.choose_file)
        self.save_dialog = dialog
        dialog.open()
        return dialog

    def choose_file(self, request: FeedFileRequest) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Spara kalenderflödet"))
        dialog.setObjectName("feedFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Kalenderfiler (*.ics)"))
        dialog.setDefaultSuffix("ics")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not self.native_file_dialogs)
        dialog.selectFile(str(Path.home() / request.file_name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.write_file(request, path))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def write_file(self, request: FeedFileRequest, path: str) -> None:
        feeds, lang = self.ctx.svc.feeds, self.ctx.lang

        def work() -> int:
            return feeds.write(
                request.spec, path, privacy=request.privacy, first=request.first, last=request.last, lang=lang
            )

        def done(count: int) -> None:
            text = (
                self.tr("Sparade 1 händelse i {file}.")
                if count == 1
                else self.tr("Sparade {n} händelser i {file}.")
            )
            self.status_label.setText(text.format(n=count, file=path))
            self.saved.emit(path, count)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OSError):
                show_file_error(self, path, exc)
            else:
                self.ctx.show_error(self, exc)

        self.ctx.run(work, done, owner=self, on_error=failed, label=self.tr("Sparar kalenderflödet…"))
