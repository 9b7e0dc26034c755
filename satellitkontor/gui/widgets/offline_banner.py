"""The banner over every view while the database cannot be reached.

It says what happened, since when the data on screen is (the last answer from the database), that
nothing can be booked or changed meanwhile, and that the app is reconnecting by itself; "Försök
nu" asks at once. Words carry the message and a border frames it, so it does not rest on colour
(WCAG 1.4.1). It hides itself when the app is online again (``AppContext.online_changed``).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from satellitkontor.gui.context import AppContext

STYLE = (
    "QFrame#offlineBanner { background: #fff4ce; border: 2px solid #8a5300; border-radius: 4px;"
    " margin: 6px 8px 6px 8px; }"
    " QFrame#offlineBanner QLabel { color: #3d2600; }"
    " QLabel#offlineTitle { font-weight: bold; }"
)


class OfflineBanner(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("offlineBanner")
        self.setStyleSheet(STYLE)
        self.setAccessibleName(self.tr("Ingen kontakt med databasen"))
        self.title = QLabel(self.tr("⚠ Ingen kontakt med databasen"))
        self.title.setObjectName("offlineTitle")
        self.text = QLabel()
        self.text.setObjectName("offlineText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("&Försök nu"))
        self.retry_button.setObjectName("retryNow")
        self.retry_button.setAccessibleName(self.tr("Försök ansluta nu"))
        self.retry_button.clicked.connect(self._retry)
        self._retry_pause = QTimer(self)
        self._retry_pause.setSingleShot(True)
        self._retry_pause.setInterval(1500)
        self._retry_pause.timeout.connect(lambda: self.retry_button.setEnabled(True))

        column = QHBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(12)
        words = QFrame()
        words.setStyleSheet("border: none; background: transparent;")
        inner = QVBoxLayout(words)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(self.title)
        inner.addWidget(self.text)
        column.addWidget(words, 1)
        column.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignVCenter)

        ctx.online_changed.connect(self._online_changed)
        self._online_changed(ctx.online)

    def _where(self) -> str:
        services = self.ctx.services
        if services is None:
            return ""
        db = services.db
        if db.sqlite_path is not None:
            return str(db.sqlite_path)
        return db.url.host or db.describe()

    def _online_changed(self, online: bool) -> None:
        if online:
            self.hide()
            return
        since = self.ctx.last_contact or self.ctx.offline_since or datetime.now()
        where = self._where()
        first = (
            self.tr("Programmet når inte databasen ({where}).").format(where=where)
            if where
            else self.tr("Programmet når inte databasen.")
        )
        self.text.setText(
            first
            + " "
            + self.tr(
                "Du ser läget från kl. {time} och kan inte boka, avboka eller ändra något just nu. "
                "Programmet försöker ansluta igen av sig självt …"
            ).format(time=since.strftime("%H:%M"))
        )
        self.setAccessibleDescription(self.text.text())
        self.retry_button.setEnabled(True)
        self.show()

    def _retry(self) -> None:
        self.retry_button.setEnabled(False)  # enabled again by the next state, or in a moment
        self.ctx.retry_now()
        self._retry_pause.start()
