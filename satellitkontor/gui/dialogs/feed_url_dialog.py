"""The address of a feed just published, shown this once.

Only the token's hash is stored (services/feeds/publishing.py), so nobody can show the address
again: the dialog says so, offers "Kopiera", and is deleted when closed so that the address does
not linger in memory. An address on 127.0.0.1 or localhost works only on the PC that runs the
feed server; the dialog says that too, since it is the first thing that goes wrong.

API: FeedUrlDialog(url, name, parent=None)
    .url_edit (read-only QLineEdit), .copy_button, .close_button, .copied_label
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.gui.dialogs.form_dialog import ERROR_STYLE, heading_label

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


class FeedUrlDialog(QDialog):
    def __init__(self, url: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedUrlDialog")
        self.setWindowTitle(self.tr("Flödets adress"))
        self.setAccessibleName(self.tr("Flödets adress"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(760)

        heading = heading_label(self.tr("Flödet «{name}» är publicerat").format(name=name), "feedUrlHeading")
        heading.setWordWrap(True)
        self.url_edit = QLineEdit(url)
        self.url_edit.setObjectName("feedUrl")
        self.url_edit.setAccessibleName(self.tr("Flödets adress"))
        self.url_edit.setReadOnly(True)
        self.url_edit.setCursorPosition(0)
        self.copy_button = QPushButton(self.tr("&Kopiera"))
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setAccessibleName(self.tr("Kopiera adressen"))
        self.copy_button.clicked.connect(self.copy)
        self.copied_label = QLabel()
        self.copied_label.setObjectName("copiedLabel")
        self.copied_label.hide()
        row = QHBoxLayout()
        row.addWidget(self.url_edit, 1)
        row.addWidget(self.copy_button)

        once = QLabel(
            self.tr(
                "Adressen visas bara nu. Den som har adressen kan se flödet. Återkalla den om den sprids."
            )
        )
        once.setObjectName("onceNote")
        once.setWordWrap(True)
        once.setStyleSheet(ERROR_STYLE)
        how = QLabel(
            self.tr(
                "I Outlook: Lägg till kalender → Från Internet, och klistra in adressen. "
                "Andra kalenderprogram kallar det att prenumerera på en kalender."
            )
        )
        how.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.copied_label)
        layout.addWidget(once)
        layout.addWidget(how)
        if urlsplit(url).hostname in LOCAL_HOSTS:
            local = QLabel(
                self.tr(
                    "Adressen pekar på den här datorn ({host}) och fungerar bara här. Ange flödesserverns "
                    "adress i nätverket under Flödesserverns adress, publicera igen och återkalla det här flödet."
                ).format(host=urlsplit(url).hostname)
            )
            local.setObjectName("localNote")
            local.setWordWrap(True)
            layout.addWidget(local)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("&Stäng"))
        self.close_button.setAccessibleName(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.copy_button.setDefault(True)
        self.copy_button.setFocus()

    def url(self) -> str:
        return self.url_edit.text()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.url_edit.text())
        self.url_edit.selectAll()
        self.copied_label.setText(self.tr("Adressen är kopierad. Klistra in den där den ska användas."))
        self.copied_label.show()
