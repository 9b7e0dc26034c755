"""Administration: Personer och roller (placeholder until built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from satellitkontor.gui.context import AppContext


class PeoplePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self).addWidget(QLabel(self.tr("Personer och roller")))

    def page_title(self) -> str:
        return self.tr("Personer och roller")

    def refresh(self) -> None:
        """Reload through self.ctx.run."""
