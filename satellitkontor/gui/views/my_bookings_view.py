"""Mina bokningar (placeholder until built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.views.base import ViewBase


class MyBookingsView(ViewBase):
    key = "mine"
    audience = "all"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Mina bokningar")))

    def view_title(self) -> str:
        return self.tr("Mina bokningar")
