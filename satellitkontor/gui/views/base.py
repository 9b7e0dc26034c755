"""What the main window expects of a view: a key, a title, and a ``refresh`` that reloads off
the GUI thread. A hidden view does not reload on every change; it reloads when shown again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from satellitkontor.gui.context import AppContext


class ViewBase(QWidget):
    #: Stable name, kept in settings as the last view.
    key = ""
    #: Who sees the view: "all", "staff" (receptionist and admin) or "admin".
    audience = "all"
    #: Show another view by its key (an empty state's "Gå till Boka plats"); the window does it.
    go_to = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.data_changed.connect(self._on_data_changed)
        ctx.identity_changed.connect(self._on_data_changed)
        ctx.opened.connect(self._on_data_changed)

    def view_title(self) -> str:  # overridden with a translated title
        return self.key

    def refresh(self) -> None:
        """Reload what the view shows (through ``self.ctx.run``)."""

    def _on_data_changed(self) -> None:
        if self.isVisible() and self.ctx.services is not None and self.ctx.person is not None:
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.ctx.services is not None and self.ctx.person is not None:
            self._stale = False
            self.refresh()
