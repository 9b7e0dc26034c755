"""Administration: Personer och roller. Everyone in the office, a filter, new people, roles, and
activating or deactivating someone, and erasing someone's personal data
(gui/dialogs/erase_person_dialog.py). The service refuses to demote, deactivate or erase the last
admin; its sentence is shown as it is."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.people import Person, Role
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.person_dialog import PersonDialog, role_names
from satellitkontor.gui.models.people_model import NAME, PeopleFilter, PeopleModel
from satellitkontor.gui.widgets.row_table import fit_columns, row_table


class PeoplePage(QWidget):
    #: Fresh data is on screen.
    data_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("peoplePage")
        self.dialog: PersonDialog | None = None
        self._select_next = 0
        self.model = PeopleModel(ctx.lang, self)
        self.proxy = PeopleFilter(self.model, self)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("peopleFilter")
        self.filter_edit.setAccessibleName(self.tr("Sök person"))
        self.filter_edit.setPlaceholderText(self.tr("Sök på namn, e-post, kommun eller roll"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        filter_label = QLabel(self.tr("&Sök:"))
        filter_label.setBuddy(self.filter_edit)
        self.count_label = QLabel()
        self.count_label.setObjectName("peopleCount")
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)

        self.table = row_table("peopleTable", self.tr("Personer"), self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        # Widths from the contents once per load, not on every layout pass: ResizeToContents asked
        # the model for every cell ~20 times while the page was first shown (20,000 calls, 50 ms
        # of the GUI thread with 150 people; issue 18). And from the texts the model holds
        # (fit_columns), not resizeColumnsToContents: that asked for every cell again, 50-150 ms.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)

        self.new_button = QPushButton(self.tr("&Ny person…"))
        self.new_button.setObjectName("newPerson")
        self.new_button.setAccessibleName(self.tr("Ny person"))
        self.new_button.clicked.connect(lambda _c=False: self.new_person())
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("roleCombo")
        self.role_combo.setAccessibleName(self.tr("Ny roll"))
        for role, text in role_names().items():
            self.role_combo.addItem(text, role)
        role_label = QLabel(self.tr("&Roll:"))
        role_label.setBuddy(self.role_combo)
        self.role_button = QPushButton(self.tr("Än&dra roll"))
        self.role_button.setObjectName("setRole")
        self.role_button.setAccessibleName(self.tr("Ändra roll"))
        self.role_button.clicked.connect(lambda _c=False: self.apply_role())
        self.active_button = QPushButton(self.tr("&Inaktivera"))
        self.active_button.setObjectName("togglePersonActive")
        self.active_button.clicked.connect(lambda _c=False: self.toggle_active())
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addSpacing(16)
        buttons.addWidget(role_label)
        buttons.addWidget(self.role_combo)
        buttons.addWidget(self.role_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.active_button)
        buttons.addStretch(1)
        self.erase_button = QPushButton(self.tr("Radera &personuppgifter…"))
        self.erase_button.setObjectName("erasePerson")
        self.erase_button.setAccessibleName(self.tr("Radera personuppgifter"))
        self.erase_button.clicked.connect(lambda _c=False: self.erase_selected())
        ctx.needs_connection(self.new_button, self.role_button, self.active_button, self.erase_button)
        buttons.addWidget(self.erase_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def page_title(self) -> str:
        return self.tr("Personer")

    # --- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        office = self.ctx.svc.office
        self.ctx.run(lambda: office.people(include_inactive=True), self._loaded, owner=self)

    def _loaded(self, people: list[Person]) -> None:
        chosen = self.selected()
        wanted = self._select_next or (chosen.id if chosen is not None else 0)
        self._select_next = 0
        self.model.set_people(people)
        fit_columns(self.table, self.model, self.model.texts())
        if wanted:
            self.select_person(wanted)
        self._update_buttons()
        self.data_loaded.emit()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} av {total}").format(shown=self.proxy.rowCount(), total=self.model.rowCount())
        )

    # --- selection ------------------------------------------------------------------------------
    def selected(self) -> Person | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.person(rows[0].row()) if rows else None

    def select_person(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, NAME))
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(index, flags)
        self.table.setCurrentIndex(index)

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.role_combo.setCurrentIndex(self.role_combo.findData(chosen.role))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected()
        for b in (self.role_button, self.active_button, self.role_combo):
            b.setEnabled(chosen is not None)
        me = self.ctx.person.id if self.ctx.person is not None else None
        self.erase_button.setEnabled(chosen is not None and chosen.id != me)
        text = self.tr("&Aktivera") if chosen is not None and not chosen.active else self.tr("&Inaktivera")
        self.active_button.setText(text)
        self.active_button.setAccessibleName(text.replace("&", ""))

    # --- actions --------------------------------------------------------------------------------
    def new_person(self) -> PersonDialog:
        dialog = PersonDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._written)
        self.dialog = dialog
        dialog.open()
        return dialog

    def erase_selected(self) -> QWidget | None:
        chosen = self.selected()
        if chosen is None:
            return None
        from satellitkontor.gui.dialogs.erase_person_dialog import ErasePersonDialog

        dialog = ErasePersonDialog(self.ctx, chosen, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.erased.connect(lambda _report: self.refresh())
        dialog.open()
        return dialog

    def apply_role(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        office, actor, pid = self.ctx.svc.office, self.ctx.person_id, chosen.id
        role = Role(self.role_combo.currentData())
        self.ctx.run(lambda: office.set_role(actor, pid, role), self._written, owner=self)

    def toggle_active(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        office, actor, pid, active = self.ctx.svc.office, self.ctx.person_id, chosen.id, not chosen.active
        self.ctx.run(lambda: office.set_active(actor, pid, active), self._written, owner=self)

    def _written(self, person: Person) -> None:
        self._select_next = person.id
        if self.ctx.person is not None and person.id == self.ctx.person.id:
            self.ctx.set_person(person, remember=False)  # my own role changed: menus follow
        self.ctx.notify_changed()
