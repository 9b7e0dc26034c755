"""Import a calendar file (.ics): where its events go, what would happen, then "Importera".

The page has read the file already (gui/models/import_places.py ``start_import``, off the GUI
thread); this dialog shows each place the file names with a choice of desk or room (or "Hoppa
över"), whom events of unknown people are booked for, and the plan: one row per booking-to-be
with its status, counts at the top. Every change of a choice plans again off the GUI thread
(``ImportService.plan`` writes nothing). Only "Importera N bokningar" writes, in one transaction
(``ImportService.apply``): if the office changed meanwhile and a booking no longer fits, the
service stops with ``ImportConflict``, nothing is written, the error is shown in a box and the
plan is made again so that the admin sees what now stands in the way.

API: ImportDialog(ctx, start: ImportStart, parent=None)
    .place_table (QTableWidget; .place_combo(row) -> QComboBox), .person_combo
    .model (ImportPlanModel), .plan_table, .counts_label, .import_button
    .planned: Signal() (a new plan is on screen), .imported: Signal(object) -> the ImportResult
    .plan_now() (plan at once instead of after the short pause that gathers changes)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain.resources import ResourceKind
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.form_dialog import FormDialog, buddy_label, heading_label
from satellitkontor.gui.models.import_places import (
    AUTO,
    SKIP,
    FilePlace,
    ImportStart,
    PlaceSource,
    PlannedImport,
    plan_import,
)
from satellitkontor.gui.models.import_plan_model import STATUS, TITLE, ImportPlanModel, skipped_row
from satellitkontor.gui.widgets.row_table import row_table
from satellitkontor.services.imports.results import ANY_DESK, CREATE, DUPLICATE, REJECT, ImportResult
from satellitkontor.words.texts import describe, fmt_date

#: Changes of the choices within this many ms are planned together.
REPLAN_DELAY_MS = 150
PLACE_TEXT, PLACE_SOURCE, PLACE_COUNT, PLACE_TARGET = range(4)
#: What the reader noticed about the file, shown at most this many (then "… och N till").
MAX_NOTICES = 5
#: The title column's width at first (pixels); the status takes the rest.
TITLE_WIDTH = 200


class ImportDialog(FormDialog):
    planned = Signal()
    imported = Signal(object)

    def __init__(self, ctx: AppContext, start: ImportStart, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.start = start
        self.current: PlannedImport | None = None
        self._plan_seq = 0
        self._busy = False
        self.setObjectName("importDialog")
        name = Path(start.path).name
        self.setWindowTitle(self.tr("Importera kalenderfil"))
        self.setAccessibleName(self.tr("Importera kalenderfil"))
        self.resize(1060, 660)

        heading = heading_label(self.tr("Importera «{file}»").format(file=name), "importHeading")
        events = len(start.parsed.events)
        about = QLabel(
            self.tr("Filen har 1 händelse.")
            if events == 1
            else self.tr("Filen har {n} händelser.").format(n=events)
        )
        about.setObjectName("importAbout")
        notices = [describe(n, ctx.lang) for n in start.parsed.notices[:MAX_NOTICES]]
        if len(start.parsed.notices) > MAX_NOTICES:
            notices.append(self.tr("… och {n} till.").format(n=len(start.parsed.notices) - MAX_NOTICES))
        self.notices_label = QLabel("\n".join(notices))
        self.notices_label.setObjectName("importNotices")
        self.notices_label.setWordWrap(True)
        self.notices_label.setVisible(bool(notices))

        mapping = self._mapping_box()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("importCounts")
        font = self.counts_label.font()
        font.setBold(True)
        self.counts_label.setFont(font)
        self.model = ImportPlanModel(ctx.lang, self)
        self.plan_table = row_table("importPlanTable", self.tr("Vad som händer vid importen"), self.model)
        self.plan_table.verticalHeader().hide()
        self.plan_table.setAlternatingRowColors(True)
        self.plan_table.setWordWrap(False)
        header = self.plan_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        self.plan_table.setColumnWidth(TITLE, TITLE_WIDTH)
        self.plan_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        # The chosen row's status in full (a long reason is cut in the table).
        self.detail_label = QLabel()
        self.detail_label.setObjectName("importDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setAccessibleName(self.tr("Vald rad"))
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        plan_box = QWidget()
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_caption = QLabel(self.tr("Vad som händer (ingenting sparas förrän du väljer Importera):"))
        plan_caption.setBuddy(self.plan_table)
        plan_layout.addWidget(plan_caption)
        plan_layout.addWidget(self.counts_label)
        plan_layout.addWidget(self.plan_table, 1)
        plan_layout.addWidget(self.detail_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(mapping)
        splitter.addWidget(plan_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        buttons, self.import_button = self.button_box(
            self.tr("&Importera"),
            self.tr("Importera"),
            "importButton",
            self.apply,
            cancel_text=self.tr("Avbryt"),
        )
        self.import_button.setDefault(False)  # Enter in a choice must not import
        self.enter_button = None  # see FormDialog.showEvent
        self.import_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addWidget(self.notices_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REPLAN_DELAY_MS)
        self._timer.timeout.connect(self.plan_now)
        ctx.data_changed.connect(self._office_changed)
        self._show_counts()
        self.plan_now()
        if self.start.places:
            self.place_combo(0).setFocus()

    # --- the choices -----------------------------------------------------------------------------
    def _mapping_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Var ska händelserna bokas?"))
        box.setObjectName("mappingBox")
        note = QLabel(
            self.tr(
                "Välj för varje plats i filen vilken kontorsplats eller vilket rum händelserna bokas på. "
                "Hoppa över lämnar dem utanför importen."
            )
        )
        note.setWordWrap(True)
        places = self.start.places
        self.place_table = QTableWidget(len(places), 4)
        self.place_table.setObjectName("placeTable")
        self.place_table.setAccessibleName(self.tr("Platser i filen"))
        self.place_table.setHorizontalHeaderLabels(
            [self.tr("I filen"), self.tr("Hittat i"), self.tr("Händelser"), self.tr("Bokas på")]
        )
        self.place_table.verticalHeader().hide()
        self.place_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.place_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.place_table.setTabKeyNavigation(False)
        header = self.place_table.horizontalHeader()
        header.setSectionResizeMode(PLACE_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PLACE_SOURCE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PLACE_COUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PLACE_TARGET, QHeaderView.ResizeMode.ResizeToContents)
        for row, place in enumerate(places):
            texts = (self.place_text(place), self._source_text(place.source), str(len(place.positions)))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == PLACE_COUNT:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.place_table.setItem(row, column, item)
            self.place_table.setCellWidget(row, PLACE_TARGET, self._target_combo(place))

        self.person_combo = QComboBox()
        self.person_combo.setObjectName("defaultPerson")
        self.person_combo.setAccessibleName(self.tr("Okända personers händelser bokas åt"))
        self.person_combo.addItem(self.tr("Ingen – deras händelser avvisas"), None)
        for person in self.start.people:
            self.person_combo.addItem(
                self.tr("{name} ({email})").format(name=person.name, email=person.email), person.email
            )
        self.person_combo.currentIndexChanged.connect(lambda _i: self.plan_later())
        person_form = QFormLayout()
        person_form.addRow(
            buddy_label(self.tr("Okända &personer bokas åt:"), self.person_combo), self.person_combo
        )

        layout = QVBoxLayout(box)
        layout.addWidget(note)
        layout.addWidget(self.place_table, 1)
        layout.addLayout(person_form)
        return box

    def place_text(self, place: FilePlace) -> str:
        return place.text or self.tr("(ingen plats eller rubrik)")

    def _source_text(self, source: PlaceSource) -> str:
        if source is PlaceSource.LOCATION:
            return self.tr("Plats")
        if source is PlaceSource.ROOM:
            return self.tr("Inbjudet rum")
        return self.tr("Rubrik")

    def _target_combo(self, place: FilePlace) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("placeTarget")
        combo.setAccessibleName(self.tr("Bokas på, för «{place}»").format(place=self.place_text(place)))
        if place.suggested == AUTO:
            combo.addItem(self.tr("Som föreslaget per händelse"), AUTO)
        combo.addItem(self.tr("Hoppa över"), SKIP)
        resources = [r for r in self.start.resources if r.active]
        if any(r.kind is ResourceKind.DESK for r in resources):
            combo.addItem(self.tr("Valfri ledig kontorsplats"), ANY_DESK)
        combo.insertSeparator(combo.count())
        for resource in resources:
            combo.addItem(resource.name, resource.name)
        index = combo.findData(place.suggested)
        if index < 0:  # not a choice here (cannot happen with the service's suggestions): leave it
            combo.insertItem(0, self.tr("Som föreslaget per händelse"), AUTO)
            index = 0
        combo.setCurrentIndex(index)
        combo.currentIndexChanged.connect(lambda _i: self.plan_later())
        return combo

    def place_combo(self, row: int) -> QComboBox:
        combo = self.place_table.cellWidget(row, PLACE_TARGET)
        assert isinstance(combo, QComboBox)
        return combo

    def targets(self) -> dict[tuple[str, str], str]:
        return {place.key: self.place_combo(row).currentData() for row, place in enumerate(self.start.places)}

    # --- planning --------------------------------------------------------------------------------
    def _office_changed(self) -> None:
        """Bookings changed (here or on another PC): what the import would do may have too."""
        if not self._busy:
            self.plan_later()

    def plan_later(self) -> None:
        """Plan after a short pause (several quick changes make one plan); the old plan cannot be
        imported meanwhile."""
        self._plan_seq += 1  # a plan still on its way is out of date
        self.current = None
        self._show_counts()
        self._timer.start()

    def plan_now(self) -> None:
        self._timer.stop()
        self._plan_seq += 1
        seq = self._plan_seq
        self.current = None
        self._show_counts()
        imports, actor, start = self.ctx.svc.ical_import, self.ctx.person_id, self.start
        targets, person = self.targets(), self.person_combo.currentData()

        def work() -> PlannedImport:
            return plan_import(imports, actor, start.parsed, start.places, targets, person)

        def done(result: PlannedImport) -> None:
            if seq == self._plan_seq:
                self._show_plan(result)

        def failed(exc: BaseException) -> None:
            if seq == self._plan_seq:
                self.show_error(exc)

        self.ctx.run(work, done, owner=self, on_error=failed)

    def _show_plan(self, result: PlannedImport) -> None:
        self.current = result
        self.error_label.hide()
        place_of = {n: place for place in self.start.places for n in place.positions}
        events = self.start.parsed.events
        skipped = [
            skipped_row(n, events[n], self.place_text(place_of[n]), self.ctx.lang) for n in result.skipped
        ]
        self.model.set_plan(result.plan, skipped)
        self._show_detail()
        self._show_counts()
        self.planned.emit()

    def _show_detail(self) -> None:
        row = self.model.row_at(self.plan_table.currentIndex().row())
        if row is None:
            self.detail_label.setText(self.tr("Välj en rad för att se hela texten."))
            return
        self.detail_label.setText(
            self.tr("«{title}», {day}: {status}").format(
                title=row.title, day=fmt_date(row.day, self.ctx.lang), status=self.model.status_text(row)
            )
        )

    def _show_counts(self) -> None:
        current = self.current
        if current is None:
            self.counts_label.setText(self.tr("Räknar ut vad som skulle hända…"))
            self.import_button.setText(self.tr("&Importera"))
            self.import_button.setEnabled(False)
            return
        plan = current.plan
        n = len(plan.to_create)
        self.counts_label.setText(
            self.tr(
                "Skapas: {create}    Dubbletter: {duplicate}    Avvisas: {reject}    Hoppas över: {skip}"
            ).format(
                create=n, duplicate=len(plan.duplicates), reject=len(plan.rejected), skip=len(current.skipped)
            )
        )
        text = self.tr("&Importera 1 bokning") if n == 1 else self.tr("&Importera {n} bokningar").format(n=n)
        self.import_button.setText(text)
        self.import_button.setAccessibleName(text.replace("&", ""))
        self.import_button.setEnabled(n > 0 and not self._busy)

    def counts(self) -> dict[str, int]:
        """How many rows of each status the table shows (for tests and screen readers alike)."""
        out = {CREATE: 0, DUPLICATE: 0, REJECT: 0, "skip": 0}
        for row in self.model.plan_rows():
            out[row.outcome] += 1
        return out

    # --- importing -------------------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.place_table.setEnabled(not busy)
        self.person_combo.setEnabled(not busy)
        self._show_counts()

    def apply(self) -> None:
        current = self.current
        if current is None or not current.plan.to_create or self._busy:
            return
        imports, actor, plan = self.ctx.svc.ical_import, self.ctx.person_id, current.plan
        self.set_busy(True)

        def done(result: ImportResult) -> None:
            self.imported.emit(result)
            self.succeed()

        def failed(exc: BaseException) -> None:
            self.set_busy(False)
            self.ctx.show_error(self, exc)
            self.plan_now()  # what stands in the way now shows in the plan

        self.ctx.run(
            lambda: imports.apply(actor, plan),
            done,
            owner=self,
            on_error=failed,
            label=self.tr("Importerar…"),
        )
