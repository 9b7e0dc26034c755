"""Administration: Statistik. Usage per municipality for a year or a month, as a table and a bar
chart, per conference room (bookings, hours, occupancy; the "Per rum" tab), and exported to CSV
or Excel for the cooperation's yearly report.

The numbers come from ``StatisticsService.usage`` (its docstring defines desk-days, room-hours,
people and no-shows); the files are written by ``services.statistics_export`` off the GUI thread.
"""

from __future__ import annotations

import calendar
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.room_stats_model import RoomStatsModel
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
from satellitkontor.gui.widgets.chart_files import save_charts
from satellitkontor.gui.widgets.heat_map import HeatMap
from satellitkontor.services.results import UsageRow
from satellitkontor.services.statistics import export as statistics_export
from satellitkontor.services.statistics.heat import DeskHeat
from satellitkontor.services.statistics.rooms import RoomPeriodRow
from satellitkontor.words.texts import month_name, month_names, weekday_name

FIRST_YEAR = 2023


class StatisticsPage(QWidget):
    data_loaded = Signal()
    #: A file was written (its path).
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list[UsageRow] = []
        self._rooms: list[RoomPeriodRow] = []
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
        # Where people look rather than read: when the desks are used, which desks, and no-shows.
        self.heat_map = HeatMap()
        self.desk_heat_map = HeatMap()
        self.desk_heat_map.setObjectName("deskHeatMap")
        self.no_show_chart = BarChart()
        self.no_show_chart.setObjectName("noShowChart")
        # Per conference room: bookings, hours and occupancy of the chosen period (issue 16).
        self.room_model = RoomStatsModel(ctx.lang, self)
        self.room_table = QTableView()
        self.room_table.setObjectName("roomStatsTable")
        self.room_table.setAccessibleName(self.tr("Användning per rum"))
        self.room_table.setModel(self.room_model)
        self.room_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.room_table.verticalHeader().hide()
        self.room_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.heat: DeskHeat | None = None
        self.chart_tabs = QTabWidget()
        self.chart_tabs.setObjectName("chartTabs")
        charts: tuple[tuple[QWidget, str], ...] = (
            (self.chart, self.tr("Per kommun")),
            (self.heat_map, self.tr("Veckodag och halvdag")),
            (self.desk_heat_map, self.tr("Per plats")),
            (self.no_show_chart, self.tr("Uteblivna per månad")),
            (self.room_table, self.tr("Per rum")),
        )
        for chart, text in charts:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(chart)
            self.chart_tabs.addTab(scroll, text)
        self.charts_button = QPushButton(self.tr("Spara &diagram (PNG/PDF)…"))
        self.charts_button.setObjectName("saveCharts")
        self.charts_button.clicked.connect(self._choose_charts)

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
        buttons.addWidget(self.charts_button)
        buttons.addWidget(self.status_label, 1)

        note = QLabel(
            self.tr(
                "Platsdagar: heldag räknas 1, förmiddag eller eftermiddag 0,5. Avbokade och uteblivna "
                "bokningar räknas inte. En bokning hör till kommunen personen hade när den gjordes."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("definitions")

        self.empty_label = QLabel()
        self.empty_label.setObjectName("noUsage")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.chart_tabs, 3)
        layout.addWidget(note)
        layout.addLayout(buttons)

        self.year_spin.valueChanged.connect(lambda _v: self.refresh())
        self.period_combo.currentIndexChanged.connect(lambda _i: self._period_changed())
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

        first, last = self._period_days(year)

        def load() -> tuple[list[UsageRow], DeskHeat, list[RoomPeriodRow]]:
            return svc.usage(year), svc.heat(first, last), svc.room_breakdown(year)

        def done(result: tuple[list[UsageRow], DeskHeat, list[RoomPeriodRow]]) -> None:
            if generation == self._generation:
                (self._rows, self.heat, self._rooms), self._loaded_year = result, year
                self._show()
                self.data_loaded.emit()

        self.ctx.run(load, done, owner=self)

    def _period_changed(self) -> None:
        """The table and the bar chart at once; the heat maps when their period is loaded."""
        self._show()
        if self.ctx.services is None or self._loaded_year is None:
            return
        svc = self.ctx.svc.statistics
        first, last = self._period_days(self._loaded_year)
        self._generation += 1
        generation = self._generation

        def done(heat: DeskHeat) -> None:
            if generation == self._generation:
                self.heat = heat
                self._show()
                self.data_loaded.emit()

        self.ctx.run(lambda: svc.heat(first, last), done, owner=self)

    def _period_days(self, year: int) -> tuple[date, date]:
        month = self.period()
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])

    def period(self) -> int | None:
        month = int(self.period_combo.currentData())
        return month or None

    def _show(self) -> None:
        month = self.period()
        rows = [r for r in self._rows if r.month == month]
        self.model.set_rows(rows)
        self.room_model.set_rows(r for r in self._rooms if r.month == month)
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
        self._show_heat(period)
        self._show_no_shows()
        self.empty_label.setText(
            self.tr(
                "Inga bokningar under {period} {year}. Välj ett annat år eller en annan period ovan."
            ).format(period=period, year=self._loaded_year or "")
        )
        self.empty_label.setVisible(not any(r.bookings or r.room_hours for r in rows))

    def _show_heat(self, period: str) -> None:
        heat = self.heat
        if heat is None:
            return
        days = [weekday_name(d, self.ctx.lang).capitalize() for d in range(5)]
        halves = [self.tr("Förmiddag"), self.tr("Eftermiddag")]
        self.heat_map.set_data(
            self.tr("Andel bokade platser, {period} {year}").format(
                period=period, year=self._loaded_year or ""
            ),
            halves,
            days,
            [[heat.share(d, h) for d in range(5)] for h in (0, 1)],
        )
        columns = [
            f"{day} {half}" for day in [d[:3] for d in days] for half in (self.tr("fm"), self.tr("em"))
        ]
        self.desk_heat_map.set_data(
            self.tr("Andel bokad per plats, {period} {year}").format(
                period=period, year=self._loaded_year or ""
            ),
            list(heat.desks),
            columns,
            [[heat.share(d, h, desk) for d in range(5) for h in (0, 1)] for desk in heat.desks],
        )

    def _show_no_shows(self) -> None:
        months = [r for r in self._rows if r.month is not None]
        bars = []
        for month in range(1, 13):
            rows = [r for r in months if r.month == month]
            started = sum(r.started for r in rows)
            rate = sum(r.no_shows for r in rows) / started if started else 0.0
            bars.append((month_name(month, self.ctx.lang).capitalize(), rate * 100))
        self.no_show_chart.set_data(
            self.tr("Andel uteblivna bokningar per månad {year} (%)").format(year=self._loaded_year or ""),
            bars,
            [f"{fmt_number(round(v, 1), self.ctx.lang)} %" for _name, v in bars],
        )

    # --- charts as files -------------------------------------------------------------------------
    def _choose_charts(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara diagram"),
            self._default_path(".pdf"),
            self.tr("PDF (*.pdf);;PNG-bild (*.png)"),
        )
        if path:
            self.save_charts(path)

    def save_charts(self, path: str) -> bool:
        """The charts with the report: a PDF with one chart a page, or a PNG of them all."""
        charts: list[HeatMap | BarChart] = [self.chart, self.heat_map, self.desk_heat_map, self.no_show_chart]
        ok = save_charts(path, charts)
        self.status_label.setText(
            self.tr("Diagrammen sparades i {path}").format(path=path)
            if ok
            else self.tr("Det gick inte att spara {path}. Välj en mapp du kan skriva i.").format(path=path)
        )
        if ok:
            self.exported.emit(path)
        return ok

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

    def _export(
        self, path: str, write: Callable[[str, list[UsageRow], str, list[RoomPeriodRow]], None]
    ) -> None:
        svc, year, lang = self.ctx.svc.statistics, self.year(), self.ctx.lang

        def work() -> str:
            write(path, svc.usage(year), lang, svc.room_breakdown(year))
            return path

        def done(written: str) -> None:
            self.status_label.setText(
                self.tr("Statistiken för {year} sparades i {path}").format(year=year, path=written)
            )
            self.exported.emit(written)

        self.status_label.setText("")
        self.ctx.run(work, done, owner=self, label=self.tr("Exporterar statistik…"))
