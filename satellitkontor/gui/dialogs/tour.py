"""The first-start tour: four short steps a new user can read or skip ("Hoppa över"). Shown once
per PC user (settings: tour/seen); "Visa introduktionen" in the Hjälp menu shows it again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class TourDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tourDialog")
        self.setWindowTitle(self.tr("Välkommen till Satellitkontoret"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(520)
        self.steps = [
            (
                self.tr("Boka en plats"),
                self.tr(
                    "Under Boka plats ser du dagens platser på planritningen. Klicka på en ledig plats "
                    "(eller välj den i listan och tryck Enter) och välj heldag, förmiddag eller eftermiddag."
                ),
            ),
            (
                self.tr("Konferensrummet"),
                self.tr(
                    "Under Konferensrum ser du rummets vecka. Dra över de tider du vill ha och ange "
                    "antal deltagare och en rubrik."
                ),
            ),
            (
                self.tr("Dina bokningar"),
                self.tr(
                    "Under Mina bokningar ser du och avbokar det du har bokat. Din bokning står som "
                    "”Min bokning” på planen och i rummets vecka."
                ),
            ),
            (
                self.tr("Hjälp finns alltid"),
                self.tr(
                    "Tryck F1 för en kort guide till vyn du är i. Hjälp-menyn visar kortkommandona "
                    "och den här introduktionen igen."
                ),
            ),
        ]
        self.pages = QStackedWidget()
        for n, (title, text) in enumerate(self.steps, start=1):
            page = QWidget()
            column = QVBoxLayout(page)
            step = QLabel(self.tr("Steg {n} av {total}").format(n=n, total=len(self.steps)))
            heading = QLabel(title)
            font = heading.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
            heading.setFont(font)
            body = QLabel(text)
            body.setWordWrap(True)
            for w in (step, heading, body):
                column.addWidget(w)
            column.addStretch(1)
            self.pages.addWidget(page)
        self.skip_button = QPushButton(self.tr("&Hoppa över"))
        self.skip_button.setObjectName("tourSkip")
        self.back_button = QPushButton(self.tr("&Föregående"))
        self.next_button = QPushButton(self.tr("&Nästa"))
        self.next_button.setObjectName("tourNext")
        self.next_button.setDefault(True)
        self.skip_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(lambda: self._go(-1))
        self.next_button.clicked.connect(lambda: self._go(1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._go(0)

    def step(self) -> int:
        return self.pages.currentIndex()

    def _go(self, delta: int) -> None:
        index = self.pages.currentIndex() + delta
        if index >= self.pages.count():
            self.accept()
            return
        self.pages.setCurrentIndex(max(0, index))
        last = self.pages.currentIndex() == self.pages.count() - 1
        self.next_button.setText(self.tr("&Klar") if last else self.tr("&Nästa"))
        self.back_button.setEnabled(self.pages.currentIndex() > 0)
