"""Administration: Platser och rum. The desks and the room in a table, and on the floor plan.

An admin adds a desk or room, renames one or changes its equipment, deactivates or activates it,
and drags it to where it stands on the plan ("Spara placering" saves the moves).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.resource_dialog import ResourceDialog
from satellitkontor.gui.models.resources_model import EQUIPMENT, NAME, POSITION, ResourcesModel
from satellitkontor.gui.widgets.plan_editor import PlanEditor
from satellitkontor.gui.widgets.row_table import row_table


class ResourcesPage(QWidget):
    #: Fresh data is on screen.
    data_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("resourcesPage")
        self.dialog: ResourceDialog | None = None
        self._select_next = 0
        self.model = ResourcesModel(ctx.lang, self)

        self.table = row_table("resourcesTable", self.tr("Platser och rum"), self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EQUIPMENT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(POSITION, True)  # raw plan coordinates: the plan beside shows them
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._table_selection)

        self.new_desk_button = self._button(self.tr("Ny &plats…"), "newDesk", self.new_desk)
        self.new_room_button = self._button(self.tr("Nytt &rum…"), "newRoom", self.new_room)
        self.edit_button = self._button(self.tr("Ä&ndra…"), "editResource", self.edit_selected)
        self.active_button = self._button(self.tr("&Inaktivera"), "toggleActive", self.toggle_active)
        buttons = QHBoxLayout()
        for b in (self.new_desk_button, self.new_room_button, self.edit_button, self.active_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.plan = PlanEditor()
        self.plan.moved.connect(self._moves_changed)
        self.plan.selected.connect(self._plan_selection)
        self.save_plan_button = self._button(self.tr("&Spara placering"), "savePlan", self.save_positions)
        self.save_plan_button.setShortcut(QKeySequence("Ctrl+S"))
        self.undo_plan_button = self._button(self.tr("Ån&gra flyttar"), "undoPlan", self.plan.undo_moves)
        ctx.needs_connection(
            self.new_desk_button,
            self.new_room_button,
            self.edit_button,
            self.active_button,
            self.save_plan_button,
        )
        self.plan_status = QLabel()
        self.plan_status.setObjectName("planStatus")
        plan_hint = QLabel(
            self.tr("Dra platserna på planen, eller välj en och flytta den med piltangenterna.")
        )
        plan_hint.setWordWrap(True)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.save_plan_button)
        plan_buttons.addWidget(self.undo_plan_button)
        plan_buttons.addWidget(self.plan_status, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addLayout(buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(plan_hint)
        right_layout.addWidget(self.plan, 1)
        right_layout.addLayout(plan_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([700, 560])  # the table needs room for its equipment column
        QVBoxLayout(self).addWidget(splitter)
        self._update_buttons()
        self._moves_changed()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    def page_title(self) -> str:
        return self.tr("Platser")

    # --- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        office = self.ctx.svc.office
        self.ctx.run(lambda: office.resources(include_inactive=True), self._loaded, owner=self)

    def _loaded(self, resources: list[Resource]) -> None:
        chosen = self.selected()
        wanted = self._select_next or (chosen.id if chosen is not None else 0)
        self._select_next = 0
        self.model.set_resources(resources)
        self.plan.set_resources(resources)
        if wanted:
            self.select_resource(wanted)
        self._update_buttons()
        self.data_loaded.emit()

    # --- selection ------------------------------------------------------------------------------
    def selected(self) -> Resource | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.resource(rows[0].row()) if rows else None

    def select_resource(self, resource_id: int) -> None:
        row = self.model.row_of(resource_id)
        if row < 0:
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(self.model.index(row, NAME), flags)
        self.table.setCurrentIndex(self.model.index(row, NAME))

    def _table_selection(self, _new: QItemSelection, _old: QItemSelection) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.plan.select_resource(chosen.id)
        self._update_buttons()

    def _plan_selection(self, resource_id: int) -> None:
        if resource_id:
            self.select_resource(resource_id)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.edit_button.setEnabled(chosen is not None)
        self.active_button.setEnabled(chosen is not None)
        text = self.tr("&Aktivera") if chosen is not None and not chosen.active else self.tr("&Inaktivera")
        self.active_button.setText(text)
        self.active_button.setAccessibleName(text.replace("&", ""))

    # --- actions --------------------------------------------------------------------------------
    def new_desk(self) -> ResourceDialog:
        return self._open(ResourceDialog(self.ctx, ResourceKind.DESK, self))

    def new_room(self) -> ResourceDialog:
        return self._open(ResourceDialog(self.ctx, ResourceKind.ROOM, self))

    def edit_selected(self) -> ResourceDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        return self._open(ResourceDialog(self.ctx, chosen.kind, self, resource=chosen))

    def _open(self, dialog: ResourceDialog) -> ResourceDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda r: self._after_write(r.id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        office, actor, rid, active = self.ctx.svc.office, self.ctx.person_id, chosen.id, not chosen.active
        self.ctx.run(
            lambda: office.update_resource(actor, rid, active=active),
            lambda r: self._after_write(r.id),
            owner=self,
        )

    def save_positions(self) -> None:
        moves = self.plan.pending()
        if not moves:
            return
        office, actor = self.ctx.svc.office, self.ctx.person_id

        def work() -> dict[int, tuple[float, float]]:
            for rid, (x, y) in moves.items():
                office.update_resource(actor, rid, x=x, y=y)
            return moves

        def done(saved: dict[int, tuple[float, float]]) -> None:
            self.plan.mark_saved(saved)
            self.ctx.notify_changed()

        self.save_plan_button.setEnabled(False)
        self.ctx.run(work, done, owner=self, on_error=self._save_failed)

    def _save_failed(self, exc: BaseException) -> None:
        self._moves_changed()
        self.ctx.show_error(self, exc)

    def _after_write(self, resource_id: int) -> None:
        self._select_next = resource_id  # shown selected once the reload is in
        self.ctx.notify_changed()

    def _moves_changed(self) -> None:
        count = len(self.plan.pending())
        self.save_plan_button.setEnabled(count > 0)
        self.undo_plan_button.setEnabled(count > 0)
        if count:
            self.plan_status.setText(self.tr("{n} flyttade, inte sparade").format(n=count))
        else:
            self.plan_status.setText(self.tr("Placeringen är sparad"))
