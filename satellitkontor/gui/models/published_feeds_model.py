"""Published calendar feeds as a table: name, what the feed shows, privacy, the token's hint,
when and by whom it was published, and whether it still works (in words, never by colour alone).

One row per ``FeedTokenView`` (newest first, as the service gives them); ``FEED_ROLE`` hands the
view itself to the page. The token is never here: only its first characters (the hint).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from satellitkontor.domain import clock as clk
from satellitkontor.domain.feeds import FeedKind, Privacy
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.words.texts import fmt_date

if TYPE_CHECKING:
    from satellitkontor.services.feeds.publishing import FeedTokenView

LABEL, SHOWS, PRIVACY, HINT, CREATED, STATUS = range(6)
#: The FeedTokenView of a row (any column).
FEED_ROLE = Qt.ItemDataRole.UserRole + 1


class PublishedFeedsModel(RowsTableModel["FeedTokenView"]):
    COLUMNS = 6

    def set_feeds(self, feeds: Iterable[FeedTokenView]) -> None:
        self.set_rows(feeds)

    def feed_at(self, row: int) -> FeedTokenView | None:
        return self.row_at(row)

    def row_of(self, feed_id: int) -> int:
        return self.find_row(lambda f: f.id == feed_id)

    # --- words -----------------------------------------------------------------------------------
    def shows_text(self, feed: FeedTokenView) -> str:
        """ "Hela kontoret", "Plats 3", "Vännäs (kommun)", "Anna Andersson (person)", ..."""
        name = feed.target_label or feed.target or ""
        if feed.kind is FeedKind.OFFICE:
            return self.tr("Hela kontoret")
        if feed.kind is FeedKind.ROTATION:
            return self.tr("Värdkommun och möten")
        if feed.kind is FeedKind.MUNICIPALITY:
            return self.tr("{name} (kommun)").format(name=name)
        if feed.kind is FeedKind.PERSON:
            return self.tr("{name} (person)").format(name=name)
        return name

    def privacy_text(self, privacy: Privacy) -> str:
        if privacy is Privacy.INTERNAL:
            return self.tr("Internt: namn")
        return self.tr("Offentligt: bara kommun")

    def status_text(self, feed: FeedTokenView) -> str:
        if feed.revoked_at is None:
            return self.tr("Aktivt")
        return self.tr("Återkallat {day}").format(day=fmt_date(clk.local_date(feed.revoked_at), self.lang))

    def created_text(self, feed: FeedTokenView) -> str:
        day = fmt_date(clk.local_date(feed.created_at), self.lang)
        if feed.created_by_name:
            return self.tr("{day}, {name}").format(day=day, name=feed.created_by_name)
        return day

    # --- QAbstractTableModel ---------------------------------------------------------------------
    def header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("Namn"),
            self.tr("Visar"),
            self.tr("Sekretess"),
            self.tr("Adressen börjar"),
            self.tr("Publicerat"),
            self.tr("Status"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        feed = self.row_for(index)
        if feed is None:
            return None
        if role == FEED_ROLE:
            return feed
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(feed, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (LABEL, SHOWS, CREATED, STATUS):
            return self._text(feed, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == HINT:
            return self.tr(
                "Adressens första tecken, så att du kan skilja flödena åt. Hela adressen visades bara när flödet publicerades."
            )
        if role == Qt.ItemDataRole.FontRole and column == STATUS and feed.revoked_at is not None:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _text(self, feed: FeedTokenView, column: int) -> str:
        if column == LABEL:
            return feed.label or self.shows_text(feed)
        if column == SHOWS:
            return self.shows_text(feed)
        if column == PRIVACY:
            return self.privacy_text(feed.privacy)
        if column == HINT:
            return f"{feed.hint}…"
        if column == CREATED:
            return self.created_text(feed)
        if column == STATUS:
            return self.status_text(feed)
        return ""
