"""Administration: Stängda dagar. The admins' closures of the office (added and removed here), and
for information the Swedish public holidays and eves of the coming year, when the office is
closed anyway."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.domain.office_calendar import eve_name, swedish_holidays
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.closure_dialog import ClosureDialog
from satellitkontor.gui.models.closures_model import REASON, ClosuresModel
from satellitkontor.gui.widgets.confirm_buttons import yes_no
from satellitkontor.gui.widgets.row_table import row_table
from satellitkontor.services.results import ClosureView

if TYPE_CHECKING:
    from satellitkontor.services.office import OfficeService
from satellitkontor.words.texts import fmt_date

#: How far ahead the holidays are listed.
HOLIDAY_DAYS = 365


@dataclass(frozen=True, slots=True)
class ClosuresData:
    today: dt.date
    closures: list[ClosureView]
    holidays: list[tuple[dt.date, str]]


def load_closures(office: OfficeService) -> ClosuresData:
    """Closures, today, and the holidays and eves of the coming year (off the GUI thread)."""
    today = clk.local_date(office.now())
    last = today + timedelta(days=HOLIDAY_DAYS)
    days: dict[dt.date, str] = {}
    for year in range(today.year, last.year + 1):
        days.update(swedish_holidays(year))
    day = today
    while day <= last:
        eve = eve_name(day)
        if eve is not None:
            days.setdefault(day, eve)
        day += timedelta(days=1)
    coming = sorted((d, n) for d, n in days.items() if today <= d <= last)
    return ClosuresData(today, office.closures(), coming)


class ClosuresPage(QWidget):
    #: Fresh data is on screen.
    data_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("closuresPage")
        self.today = dt.date.today()
        self.dialog: ClosureDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.model = ClosuresModel(ctx.lang, self)

        self.table = row_table("closuresTable", self.tr("Stängningar"), self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty_label = QLabel(
            self.tr(
                "Inga stängningar är inlagda. Helgdagarna (till höger) stänger kontoret av sig själva; "
                "lägg till andra dagar med Ny stängning…"
            )
        )
        self.empty_label.setObjectName("noClosures")
        self.empty_label.setWordWrap(True)

        self.new_button = QPushButton(self.tr("&Ny stängning…"))
        self.new_button.setObjectName("newClosure")
        self.new_button.setAccessibleName(self.tr("Ny stängning"))
        self.new_button.clicked.connect(lambda _c=False: self.new_closure())
        self.remove_button = QPushButton(self.tr("&Ta bort"))
        self.remove_button.setObjectName("removeClosure")
        self.remove_button.setAccessibleName(self.tr("Ta bort stängningen"))
        self.remove_button.clicked.connect(lambda _c=False: self.remove_selected())
        ctx.needs_connection(self.new_button, self.remove_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Kontoret stängt (inlagt av administratör)"))
        title.setBuddy(self.table)
        left_layout.addWidget(title)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_label)
        left_layout.addLayout(buttons)

        self.holidays = QListWidget()
        self.holidays.setObjectName("holidaysList")
        self.holidays.setAccessibleName(self.tr("Helgdagar det kommande året"))
        self.holidays.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        holidays_title = QLabel(self.tr("Helgdagar det kommande året (kontoret är stängt)"))
        holidays_title.setWordWrap(True)
        right_layout.addWidget(holidays_title)
        right_layout.addWidget(self.holidays, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)
        self._update_buttons()

    def page_title(self) -> str:
        return self.tr("Stängda dagar")

    # --- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        office = self.ctx.svc.office
        self.ctx.run(lambda: load_closures(office), self._loaded, owner=self)

    def _loaded(self, data: ClosuresData) -> None:
        self.today = data.today
        self.model.set_closures(data.closures)
        self.empty_label.setVisible(not data.closures)
        self.holidays.clear()
        for day, name in data.holidays:
            self.holidays.addItem(f"{fmt_date(day, self.ctx.lang)} – {name}")
        self._update_buttons()
        self.data_loaded.emit()

    # --- selection ------------------------------------------------------------------------------
    def selected(self) -> ClosureView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.closure(rows[0].row()) if rows else None

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected() is not None)

    # --- actions --------------------------------------------------------------------------------
    def new_closure(self) -> ClosureDialog:
        dialog = ClosureDialog(self.ctx, self.today, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def remove_selected(self) -> QMessageBox | None:
        """Asks first (a non-blocking question); removes on "Ja"."""
        chosen = self.selected()
        if chosen is None:
            return None
        box = QMessageBox(self)
        box.setObjectName("confirmBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Ta bort stängningen"))
        box.setText(
            self.tr(
                "Ta bort stängningen {start} – {end} ({reason})? Kontoret blir då bokningsbart de dagarna."
            ).format(
                start=fmt_date(chosen.start, self.ctx.lang),
                end=fmt_date(chosen.end, self.ctx.lang),
                reason=chosen.reason,
            )
        )
        yes, _no = yes_no(box, self.tr("&Ta bort"), self.tr("&Behåll"))
        box.setAccessibleName(box.windowTitle())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        closure_id = chosen.id

        def answered(_result: int) -> None:
            if box.clickedButton() is yes:
                self._remove(closure_id)

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()
        return box

    def _remove(self, closure_id: int) -> None:
        office, actor = self.ctx.svc.office, self.ctx.person_id
        self.ctx.run(
            lambda: office.remove_closure(actor, closure_id),
            lambda _r: self.ctx.notify_changed(),
            owner=self,
        )
