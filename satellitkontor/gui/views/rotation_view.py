"""Värdkommun: this year's host municipality, vice chair, next year, the December handover,
the meetings of the year, and the rotation over many years (projected years marked preliminary).

Admins also get "Bekräfta/ändra år…" and "Nytt möte…"; everyone else reads only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from satellitkontor.domain import clock as clk
from satellitkontor.domain import rotation
from satellitkontor.domain.rotation import HostYear
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.meeting_dialog import MeetingDialog
from satellitkontor.gui.dialogs.rotation_year_dialog import RotationYearDialog
from satellitkontor.gui.models.meetings_model import COL_LOCATION, COL_TITLE, MeetingsModel
from satellitkontor.gui.models.rotation_years_model import RotationYearsModel, status_text
from satellitkontor.gui.views.base import ViewBase
from satellitkontor.gui.widgets.row_table import row_table
from satellitkontor.services.results import RotationYearView
from satellitkontor.words.texts import fmt_span

#: How many years after this one the multi-year table shows.
YEARS_AHEAD = 9


class RotationView(ViewBase):
    key = "rotation"
    audience = "all"
    data_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._generation = 0
        self.year: int | None = None
        self.current: RotationYearView | None = None
        self.years: list[HostYear] = []
        self.dialog: RotationYearDialog | MeetingDialog | None = None

        self.header_label = QLabel(self.tr("Värdkommun"))
        self.header_label.setObjectName("hostHeader")
        font = self.header_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.header_label.setFont(font)
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.vice_label = self._info_label("viceChair")
        self.next_label = self._info_label("nextYear")
        self.handover_label = self._info_label("handover")

        self.confirm_button = QPushButton(self.tr("&Bekräfta/ändra år…"))
        self.confirm_button.setObjectName("confirmYearButton")
        self.confirm_button.setAccessibleName(self.tr("Bekräfta eller ändra år"))
        self.confirm_button.clicked.connect(self.open_confirm_dialog)
        self.meeting_button = QPushButton(self.tr("&Nytt möte…"))
        self.meeting_button.setObjectName("newMeetingButton")
        self.meeting_button.setAccessibleName(self.tr("Nytt möte"))
        self.meeting_button.clicked.connect(self.open_meeting_dialog)
        ctx.needs_connection(self.confirm_button, self.meeting_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.meeting_button)
        buttons.addStretch(1)

        self.meetings_model = MeetingsModel(ctx.lang, self)
        self.meetings_table = self._table("meetingsTable", self.tr("Årets möten"), self.meetings_model)
        # The title and the place share the width and wrap, so that no column hides off-screen.
        meetings_header = self.meetings_table.horizontalHeader()
        meetings_header.setStretchLastSection(False)
        for column in (COL_TITLE, COL_LOCATION):
            meetings_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.meetings_table.setWordWrap(True)
        self.meetings_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.no_meetings_label = QLabel()
        self.no_meetings_label.setObjectName("noMeetings")
        self.no_meetings_label.setWordWrap(True)
        self.meetings_box = QGroupBox(self.tr("Möten"))
        box = QVBoxLayout(self.meetings_box)
        box.addWidget(self.no_meetings_label)
        box.addWidget(self.meetings_table)

        self.years_model = RotationYearsModel(ctx.lang, self)
        self.years_table = self._table("yearsTable", self.tr("Rotationen år för år"), self.years_model)
        legend = QLabel(
            self.tr(
                "Beslutad = fastställd i verksamhetsplanen. Preliminär = följer turordningen men är "
                "inte bekräftad än (kursiv stil). Bekräftad = bekräftad eller ändrad av en administratör."
            )
        )
        legend.setObjectName("statusLegend")
        legend.setWordWrap(True)
        self.years_box = QGroupBox(self.tr("Rotationen år för år"))
        ybox = QVBoxLayout(self.years_box)
        ybox.addWidget(self.years_table)
        ybox.addWidget(legend)

        tables = QHBoxLayout()
        tables.addWidget(self.meetings_box, 3)
        tables.addWidget(self.years_box, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header_label)
        layout.addWidget(self.vice_label)
        layout.addWidget(self.next_label)
        layout.addWidget(self.handover_label)
        layout.addLayout(buttons)
        layout.addLayout(tables, 1)

        ctx.identity_changed.connect(self._update_admin)
        self._update_admin()

    def view_title(self) -> str:
        return self.tr("Värdkommun")

    def _info_label(self, name: str) -> QLabel:
        lab = QLabel()
        lab.setObjectName(name)
        lab.setWordWrap(True)
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        return lab

    def _table(self, name: str, accessible: str, model: MeetingsModel | RotationYearsModel) -> QTableView:
        table = row_table(name, accessible, model)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _update_admin(self) -> None:
        admin = self.ctx.is_admin
        self.confirm_button.setVisible(admin)
        self.meeting_button.setVisible(admin)

    # --- loading ---------------------------------------------------------------------------------
    def today(self) -> dt.date:
        return clk.local_date(self.ctx.svc.clock())

    def refresh(self) -> None:
        self._update_admin()
        year = min(max(self.today().year, rotation.FIRST_YEAR), rotation.LAST_YEAR - 1)
        last = min(year + YEARS_AHEAD, rotation.LAST_YEAR)
        svc = self.ctx.svc.rotation
        self._generation += 1
        generation = self._generation

        def load() -> tuple[RotationYearView, list[HostYear]]:
            return svc.year(year), svc.years(rotation.FIRST_YEAR, last)

        def done(result: tuple[RotationYearView, list[HostYear]]) -> None:
            if generation == self._generation:
                self._show(year, *result)

        self.ctx.run(load, done, owner=self)

    def _show(self, year: int, view: RotationYearView, years: list[HostYear]) -> None:
        lang = self.ctx.lang
        self.year, self.current, self.years = year, view, years
        hy = view.host_year
        header = self.tr("Värdkommun {year}: {host}").format(year=hy.year, host=hy.host.name)
        if hy.is_projected:
            header = self.tr("{text} (preliminär)").format(text=header)
        self.header_label.setText(header)
        self.header_label.setAccessibleName(header)
        self.vice_label.setText(self.tr("Vice ordförande: {name}").format(name=hy.kc_vice_chair.name))
        self.vice_label.setToolTip(self.tr("Vice ordförande i kommunchefsgruppen (KC-gruppen)"))
        if view.next_year is not None:
            nxt = view.next_year
            self.next_label.setText(
                self.tr("Nästa år ({year}): {host}, {status}").format(
                    year=nxt.year, host=nxt.host.name, status=status_text(nxt.status, lang)
                )
            )
        else:
            self.next_label.setText("")
        self.handover_label.setText(self._handover_text(view))
        self.meetings_model.set_meetings(view.meetings)
        self.meetings_box.setTitle(self.tr("Möten {year}").format(year=year))
        self.no_meetings_label.setText(
            self.tr("Inga möten inlagda för {year}. Lägg till ett med Nytt möte…").format(year=year)
            if self.ctx.is_admin
            else self.tr("Inga möten inlagda för {year}. En administratör lägger in dem.").format(year=year)
        )
        self.no_meetings_label.setVisible(not view.meetings)
        self.years_model.set_rows(years, current_year=year)
        self.years_box.setTitle(
            self.tr("Rotationen {first}–{last}").format(first=years[0].year, last=years[-1].year)
            if years
            else self.tr("Rotationen år för år")
        )
        self.data_loaded.emit()

    def _handover_text(self, view: RotationYearView) -> str:
        hand = view.handover
        if hand is None:
            return ""
        meeting = view.handover_meeting
        if meeting is not None:
            text = self.tr("Överlämning: {outgoing} → {incoming}, {when}").format(
                outgoing=hand.outgoing.name,
                incoming=hand.incoming.name,
                when=fmt_span(meeting.start, meeting.end, self.ctx.lang),
            )
            if meeting.location:
                text = self.tr("{text}, {place}").format(text=text, place=meeting.location)
            return text
        return self.tr(
            "Överlämning: {outgoing} → {incoming} på ett möte i december (datum inte bestämt än)."
        ).format(outgoing=hand.outgoing.name, incoming=hand.incoming.name)

    # --- admin -----------------------------------------------------------------------------------
    def open_confirm_dialog(self) -> RotationYearDialog | None:
        if not self.ctx.is_admin or self.year is None:
            return None
        year = self.year
        selected = self.years_table.selectionModel().selectedRows()
        if selected:
            year = self.years_model.host_year(selected[0].row()).year
        dialog = RotationYearDialog(self.ctx, year, self.years, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_meeting_dialog(self) -> MeetingDialog | None:
        if not self.ctx.is_admin:
            return None
        dialog = MeetingDialog(self.ctx, self.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog
