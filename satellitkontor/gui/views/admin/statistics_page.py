"""Administration: Statistik. Usage per municipality for a year or a month, as a table and a bar
chart, and exported to CSV or Excel for the cooperation's yearly report.

The numbers come from ``StatisticsService.usage`` (its docstring defines desk-days, room-hours,
people and no-shows); the files are written by ``services.statistics_export`` off the GUI thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.usage_model import (
    COL_BOOKINGS,
    COL_DESK_DAYS,
    COL_PEOPLE,
    COL_ROOM_HOURS,
    VALUE_ROLE,
    UsageModel,
    fmt_number,
)
from satellitkontor.gui.widgets.bar_chart import BarChart
from satellitkontor.services.results import UsageRow
from satellitkontor.services.statistics import export as statistics_export
from satellitkontor.words.texts import month_name, month_names

FIRST_YEAR = 2023


class StatisticsPage(QWidget):
    data_loaded = Signal()
    #: A file was written (its path).
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list[UsageRow] = []
        self._loaded_year: int | None = None
        self._generation = 0

        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("yearSpin")
        self.year_spin.setAccessibleName(self.tr("År"))
        self.year_spin.setRange(FIRST_YEAR, 2200)
        self._year_set = False  # this year is chosen on the first load (the clock is a service's)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.setAccessibleName(self.tr("Period"))
        self.period_combo.addItem(self.tr("Hela året"), 0)
        for n, name in enumerate(month_names(ctx.lang), start=1):
            self.period_combo.addItem(name.capitalize(), n)
        self.measure_combo = QComboBox()
        self.measure_combo.setObjectName("measureCombo")
        self.measure_combo.setAccessibleName(self.tr("Diagrammet visar"))
        for text, col in (
            (self.tr("Platsdagar"), COL_DESK_DAYS),
            (self.tr("Rumstimmar"), COL_ROOM_HOURS),
            (self.tr("Bokningar"), COL_BOOKINGS),
            (self.tr("Personer"), COL_PEOPLE),
        ):
            self.measure_combo.addItem(text, col)

        choose = QHBoxLayout()
        for text, widget in (
            (self.tr("&År:"), self.year_spin),
            (self.tr("&Period:"), self.period_combo),
            (self.tr("&Diagrammet visar:"), self.measure_combo),
        ):
            lab = QLabel(text)
            lab.setBuddy(widget)
            choose.addWidget(lab)
            choose.addWidget(widget)
            choose.addSpacing(12)
        choose.addStretch(1)

        self.model = UsageModel(ctx.lang, self)
        self.table = QTableView()
        self.table.setObjectName("usageTable")
        self.table.setAccessibleName(self.tr("Användning per kommun"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.chart = BarChart()

        self.csv_button = QPushButton(self.tr("Exportera &CSV…"))
        self.csv_button.setObjectName("exportCsv")
        self.csv_button.setAccessibleName(self.tr("Exportera CSV"))
        self.csv_button.clicked.connect(self._choose_csv)
        self.xlsx_button = QPushButton(self.tr("Exportera &Excel (XLSX)…"))
        self.xlsx_button.setObjectName("exportXlsx")
        self.xlsx_button.setAccessibleName(self.tr("Exportera Excel (XLSX)"))
        self.xlsx_button.clicked.connect(self._choose_xlsx)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.status_label, 1)

        note = QLabel(
            self.tr(
                "Platsdagar: heldag räknas 1, förmiddag eller eftermiddag 0,5. Avbokade och uteblivna "
                "bokningar räknas inte. En bokning hör till kommunen personen hade när den gjordes."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("definitions")

        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.chart, 2)
        layout.addWidget(note)
        layout.addLayout(buttons)

        self.year_spin.valueChanged.connect(lambda _v: self.refresh())
        self.period_combo.currentIndexChanged.connect(lambda _i: self._show())
        self.measure_combo.currentIndexChanged.connect(lambda _i: self._show())

    def page_title(self) -> str:
        return self.tr("Statistik")

    # --- loading ---------------------------------------------------------------------------------
    def year(self) -> int:
        return self.year_spin.value()

    def refresh(self) -> None:
        if self.ctx.services is None:
            return
        if not self._year_set:
            self._year_set = True
            today = clk.local_date(self.ctx.svc.clock())
            self.year_spin.blockSignals(True)
            self.year_spin.setMaximum(max(today.year + 1, FIRST_YEAR))
            self.year_spin.setValue(max(today.year, FIRST_YEAR))
            self.year_spin.blockSignals(False)
        year = self.year()
        svc = self.ctx.svc.statistics
        self._generation += 1
        generation = self._generation

        def done(rows: list[UsageRow]) -> None:
            if generation == self._generation:
                self._rows, self._loaded_year = rows, year
                self._show()
                self.data_loaded.emit()

        self.ctx.run(lambda: svc.usage(year), done, owner=self)

    def period(self) -> int | None:
        month = int(self.period_combo.currentData())
        return month or None

    def _show(self) -> None:
        month = self.period()
        rows = [r for r in self._rows if r.month == month]
        self.model.set_rows(rows)
        col = int(self.measure_combo.currentData())
        values = [float(self.model.index(n, col).data(VALUE_ROLE)) for n in range(len(rows))]
        period = month_name(month, self.ctx.lang) if month else self.tr("hela året")
        title = self.tr("{measure} per kommun, {period} {year}").format(
            measure=self.measure_combo.currentText(), period=period, year=self._loaded_year or ""
        )
        self.chart.set_data(
            title,
            [(r.municipality_name, v) for r, v in zip(rows, values, strict=True)],
            [fmt_number(v, self.ctx.lang) for v in values],
        )

    # --- export ----------------------------------------------------------------------------------
    def _default_path(self, suffix: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("satellitkontoret-statistik-{year}").format(year=self.year()) + suffix
        return os.path.join(folder or str(Path.home()), name)

    def _choose_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Exportera CSV"), self._default_path(".csv"), self.tr("CSV-filer (*.csv)")
        )
        if path:
            self.export_csv(path)

    def _choose_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Exportera Excel (XLSX)"),
            self._default_path(".xlsx"),
            self.tr("Excel-arbetsböcker (*.xlsx)"),
        )
        if path:
            self.export_xlsx(path)

    def export_csv(self, path: str) -> None:
        """Write the chosen year's statistics (every month and the whole year) as CSV, off-thread."""
        self._export(path, statistics_export.write_csv)

    def export_xlsx(self, path: str) -> None:
        """Write the chosen year's statistics as an Excel workbook, off-thread."""
        self._export(path, statistics_export.write_xlsx)

    def _export(self, path: str, write: Callable[[str, list[UsageRow], str], None]) -> None:
        svc, year, lang = self.ctx.svc.statistics, self.year(), self.ctx.lang

        def work() -> str:
            write(path, svc.usage(year), lang)
            return path

        def done(written: str) -> None:
            self.status_label.setText(
                self.tr("Statistiken för {year} sparades i {path}").format(year=year, path=written)
            )
            self.exported.emit(written)

        self.status_label.setText("")
        self.ctx.run(work, done, owner=self, label=self.tr("Exporterar statistik…"))
