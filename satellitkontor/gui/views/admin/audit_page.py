"""Administration: Ändringslogg. Who changed what and when, newest first, filtered by period,
kind of action and free text; the selected entry's values before and after; CSV export.

Read only, on purpose: the table is not editable and the page has no way to change or remove an
entry (nor does the service behind it, and the database refuses it anyway; see
services/audit/service.py). Entries load a page at a time as the list scrolls
(gui/models/audit_model.py); every load and the export run off the GUI thread.
"""

from __future__ import annotations

import html
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.audit_model import WHEN, AuditModel, when_text
from satellitkontor.gui.widgets.date_fields import AppDateEdit
from satellitkontor.gui.widgets.row_table import row_table
from satellitkontor.services.audit.format import MISSING, AuditEntryView, known_actions

#: Entries per page loaded as the list scrolls.
PAGE = 200
#: How long typing may pause before the list follows the search text (ms).
TYPING_PAUSE_MS = 300
#: The width the last column (what changed) keeps when the page is first shown, if the texts of
#: the other columns leave it.
LAST_COLUMN_MIN = 160
#: A cell's margins: a text this much narrower than its column shows whole.
CELL_PADDING = 12
#: Which columns give way first when the list is wider than the page: Gäller, Händelse, Vem, Person.
_GIVE_WAY = (3, 2, 1, 4)


def fit_widths(wanted: list[int], need: list[int], room: int) -> list[int]:
    """Column widths within ``room`` where possible: each starts at what it ``wanted`` (sized
    for the usual texts) or what its widest text on screen ``need``s, and gives way, in the
    order of ``_GIVE_WAY``, down to that need or half its width, whichever is more. Only the
    last column, which takes the rest, may cut a text (its tooltip and the details have it)."""
    widths = [max(w, n) for w, n in zip(wanted, need, strict=True)]
    over = sum(widths) - room
    for col in _GIVE_WAY:
        if over <= 0:
            break
        give = min(over, widths[col] - max(need[col], widths[col] // 2))
        if give > 0:
            widths[col] -= give
            over -= give
    return widths


class AuditPage(QWidget):
    #: Fresh entries are on screen (after a refresh or a filter change).
    data_loaded = Signal()
    #: The next page was added to the list.
    more_loaded = Signal()
    #: A CSV file was written (its path).
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditPage")
        self._generation = 0
        self._upto: int | None = None
        self._filters: dict[str, Any] = {}
        self._select_id = 0

        # --- filters -------------------------------------------------------------------------------
        self.period_check = QCheckBox(self.tr("Begränsa &period"))
        self.period_check.setObjectName("auditPeriod")
        self.from_edit = self._date_edit("auditFrom", self.tr("Från och med"))
        self.to_edit = self._date_edit("auditTo", self.tr("Till och med"))
        self.period_check.toggled.connect(self._period_toggled)
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("auditAction")
        self.action_combo.setAccessibleName(self.tr("Händelse"))
        self.action_combo.addItem(self.tr("Alla händelser"), "")
        for code, words in known_actions(ctx.lang):
            self.action_combo.addItem(words, code)
        self.action_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        # As wide as a usual kind of action, not the longest of 46: at 1280x720 the search
        # field beside it had no room for its hint.
        self.action_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.action_combo.setMinimumContentsLength(22)
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("auditText")
        self.text_edit.setAccessibleName(self.tr("Sök i ändringsloggen"))
        self.text_edit.setPlaceholderText(self.tr("Person, plats, värde …"))
        self.text_edit.setClearButtonEnabled(True)
        hint = self.text_edit.fontMetrics().horizontalAdvance(self.text_edit.placeholderText())
        self.text_edit.setMinimumWidth(hint + 48)  # the hint whole, beside the clear button
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.refresh)
        self.text_edit.textChanged.connect(lambda _t: self._typing.start())

        top = QHBoxLayout()
        top.addWidget(self.period_check)
        fields: tuple[tuple[str, QWidget, int], ...] = (
            (self.tr("&Från:"), self.from_edit, 0),
            (self.tr("&Till:"), self.to_edit, 0),
            (self.tr("&Händelse:"), self.action_combo, 0),
            (self.tr("&Sök:"), self.text_edit, 1),
        )
        for text, widget, stretch in fields:
            lab = QLabel(text)
            lab.setBuddy(widget)
            top.addWidget(lab)
            top.addWidget(widget, stretch)

        # --- the list and the details ------------------------------------------------------------
        self.model = AuditModel(ctx.lang, self)
        self.model.more_wanted.connect(self._load_more)
        self.table = row_table("auditTable", self.tr("Ändringslogg"), self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line per entry; the tooltip and the details say it all
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Widths from the font, sized for the usual texts (a longer one is elided; its tooltip
        # and the details say it whole), and fitted to the table's width once it is shown.
        fm = self.table.fontMetrics()
        self._widths = [
            max(80, fm.horizontalAdvance(sample) + 24)
            for sample in (
                "2026-11-23 10:15",
                "Sofia Admin Lindqvist",
                "Gallring av personuppgifter ändrad",
                "Konferensrummet, mån 23 nov 2026 13:00–14:30",
                "Sofia Admin Lindqvist",
            )
        ]
        for col, width in enumerate(self._widths):
            self.table.setColumnWidth(col, width)
        self._fitted = False
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.details = QTextBrowser()
        self.details.setObjectName("auditDetails")
        self.details.setAccessibleName(self.tr("Före och efter"))
        self.details.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")
        self.csv_button = QPushButton(self.tr("Exportera &CSV…"))
        self.csv_button.setObjectName("auditExportCsv")
        self.csv_button.setAccessibleName(self.tr("Exportera CSV"))
        self.csv_button.clicked.connect(lambda _c=False: self._choose_csv())
        self.status_label = QLabel()
        self.status_label.setObjectName("auditStatus")
        self.status_label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.csv_button)

        note = QLabel(
            self.tr(
                "Varje ändring sparas här med vem, när och vad som ändrades. Loggen kan inte ändras "
                "eller tas bort; namn tas bort enligt lagringstiden."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("auditNote")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(note)
        layout.addLayout(bottom)
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(False)
        self._dates_set = False
        self._show_details(None)

    def page_title(self) -> str:
        return self.tr("Ändringslogg")

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = AppDateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.dateChanged.connect(lambda _d: self.refresh() if self.period_check.isChecked() else None)
        return edit

    # --- filters ---------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._fit_once()

    def _fit_once(self) -> None:
        """Fit the columns the first time the page is on screen with entries in it; after that
        the widths are the user's."""
        if self._fitted or not self.isVisible() or self.model.rowCount() == 0:
            return
        self._fitted = True
        room = self.table.viewport().width()
        bar = self.table.verticalScrollBar()
        if not bar.isVisible():  # it comes with more entries: leave it room now
            room -= bar.sizeHint().width()
        # Each different text once, read from the model: asked cell by cell through data(), the
        # first page's 1,200 cells were 20-35 ms of one GUI-thread turn as the page first showed
        # its entries (issue 18).
        fm = self.table.fontMetrics()
        need = [
            max(map(fm.horizontalAdvance, self.model.column_texts(col, PAGE)), default=0) + CELL_PADDING
            for col in range(len(self._widths))
        ]
        for col, width in enumerate(fit_widths(self._widths, need, room - LAST_COLUMN_MIN)):
            self.table.setColumnWidth(col, width)

    def _period_toggled(self, on: bool) -> None:
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(on)
        if self.ctx.services is not None and self.ctx.person is not None:
            self.refresh()

    def set_period(self, first: date | None, last: date | None) -> None:
        """Limit the list to ``first`` – ``last`` (both None: no limit)."""
        limited = first is not None or last is not None
        self._dates_set = True
        for edit, day in ((self.from_edit, first), (self.to_edit, last)):
            if day is not None:
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        if self.period_check.isChecked() != limited:
            self.period_check.setChecked(limited)  # refreshes
        else:
            self.refresh()

    def filters(self) -> dict[str, Any]:
        """The filters on screen, as AuditService takes them."""
        out: dict[str, Any] = {}
        if self.period_check.isChecked():
            out["since"] = self.from_edit.date().toPython()
            out["until"] = self.to_edit.date().toPython()
        action = str(self.action_combo.currentData() or "")
        if action:
            out["action"] = action
        text = self.text_edit.text().strip()
        if text:
            out["text"] = text
        return out

    # --- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx.services is None or self.ctx.person is None:
            return
        self._typing.stop()
        if not self._dates_set:  # the last 30 days, once a clock is at hand (a service's)
            self._dates_set = True
            today = clk.local_date(self.ctx.svc.clock())
            for edit, day in ((self.from_edit, today - timedelta(days=30)), (self.to_edit, today)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        svc, actor, lang, filters = self.ctx.svc.audit, self.ctx.person_id, self.ctx.lang, self.filters()
        self._generation += 1
        generation = self._generation
        chosen = self.selected()
        self._select_id = chosen.id if chosen is not None else 0

        def work() -> tuple[int | None, int, list[AuditEntryView]]:
            upto = svc.newest_id(actor)
            total = svc.count(actor, upto_id=upto, lang=lang, **filters)
            first = svc.entries(actor, limit=PAGE, upto_id=upto, lang=lang, **filters)
            return upto, total, first

        def done(result: tuple[int | None, int, list[AuditEntryView]]) -> None:
            if generation != self._generation:
                return
            self._upto, total, first = result
            self._filters = filters
            self.model.set_entries(first, total)
            self._update_count()
            if self._select_id:
                self.select_entry(self._select_id)
            self._show_details(self.selected())
            self._fit_once()
            self.data_loaded.emit()

        self.ctx.run(work, done, owner=self)

    def _load_more(self) -> None:
        if self.ctx.services is None or self.ctx.person is None:
            return
        svc, actor, lang = self.ctx.svc.audit, self.ctx.person_id, self.ctx.lang
        filters, upto, generation = self._filters, self._upto, self._generation
        last = self.model.entry(self.model.loaded() - 1)

        def done(more: list[AuditEntryView]) -> None:
            if generation == self._generation:
                self.model.append_entries(more)
                self._update_count()
                self.more_loaded.emit()

        def work() -> list[AuditEntryView]:
            return svc.entries(actor, limit=PAGE, after=last, upto_id=upto, lang=lang, **filters)

        self.ctx.run(work, done, owner=self)

    def _update_count(self) -> None:
        total, shown = self.model.total, self.model.loaded()
        if total == 0:
            self.count_label.setText(
                self.tr("Inga poster matchar. Ändra sökorden eller perioden, eller töm filtren.")
                if any(self.filters().values())
                else self.tr("Ändringsloggen är tom.")
            )
        elif total == shown:
            self.count_label.setText(
                self.tr("1 post") if total == 1 else self.tr("{n} poster").format(n=total)
            )
        else:
            self.count_label.setText(
                self.tr("{shown} av {total} poster visas").format(shown=shown, total=total)
            )

    # --- selection and details ---------------------------------------------------------------------
    def selected(self) -> AuditEntryView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def select_entry(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        if row < 0:
            return
        index = self.model.index(row, WHEN)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(index, flags)
        self.table.setCurrentIndex(index)

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_details(self.selected())

    def _show_details(self, e: AuditEntryView | None) -> None:
        if e is None:
            self.details.setPlainText(self.tr("Välj en post för att se vad som ändrades."))
            return
        esc = html.escape
        head = [
            (self.tr("Tid"), when_text(e)),
            (self.tr("Vem"), e.who),
            (self.tr("Händelse"), e.action_label),
            (self.tr("Gäller"), f"{e.target} ({e.entity_label} {e.entity_id or ''})".replace(" )", ")")),
        ]
        if e.subject:
            head.append((self.tr("Person"), e.subject))
        if e.anonymized:
            head.append((self.tr("Obs"), self.tr("Personuppgifter har tagits bort ur posten.")))
        rows = "".join(f"<tr><th align='left'>{esc(k)}:</th><td>{esc(v)}</td></tr>" for k, v in head)
        changes = "".join(
            f"<tr><td>{esc(c.label)}</td><td>{esc(c.before or MISSING)}</td><td>→</td>"
            f"<td>{esc(c.after or MISSING)}</td></tr>"
            for c in e.changes
        )
        titles = (self.tr("Fält"), self.tr("Före"), "", self.tr("Efter"))
        heads = "".join(f"<th align='left'>{esc(t)}</th>" for t in titles)
        table = f"<table cellspacing='4'><tr>{heads}</tr>{changes}</table>" if changes else ""
        self.details.setHtml(f"<table cellspacing='2'>{rows}</table>{table}")

    # --- export ----------------------------------------------------------------------------------
    def _default_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        today = clk.local_date(self.ctx.svc.clock())
        name = self.tr("satellitkontoret-andringslogg-{day}").format(day=today.isoformat()) + ".csv"
        return os.path.join(folder or str(Path.home()), name)

    def _choose_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exportera CSV"), self._default_path(), self.tr("CSV-filer (*.csv)")
        )
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> None:
        """Write every entry the filters on screen match to ``path``, off the GUI thread."""
        svc, actor, lang, filters = self.ctx.svc.audit, self.ctx.person_id, self.ctx.lang, self.filters()

        def work() -> int:
            return svc.export_csv(actor, path, lang=lang, **filters)

        def done(count: int) -> None:
            text = (
                self.tr("1 post sparades i {path}") if count == 1 else self.tr("{n} poster sparades i {path}")
            )
            self.status_label.setText(text.format(n=count, path=path))
            self.exported.emit(path)

        self.status_label.setText("")
        self.ctx.run(work, done, owner=self, label=self.tr("Exporterar ändringsloggen…"))
