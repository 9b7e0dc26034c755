"""The plan of a calendar import as a table: date, time, place, person, title and what happens to
it ("Skapas", "Dubblett: …", "Avvisas: <orsak>", "Hoppas över"), in the order of the file.

Rows are :class:`PlanRow` values made from the service's ``ImportPlan`` (its reasons worded by
texts.describe, as on the command line) and from the events the admin chose to skip.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt

from satellitkontor.domain import clock as clk
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.integrations.ical.ics_model import ImportedEvent
from satellitkontor.services.imports.results import CREATE, DUPLICATE, REJECT, ImportPlan, PlanItem
from satellitkontor.words.texts import describe, fmt_date, fmt_time, label

DATE, TIME, PLACE, PERSON, TITLE, STATUS = range(6)
#: The PlanRow of a row (any column).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: A row's outcome beside the service's three: the admin chose "Hoppa över" for its place.
SKIP = "skip"


@dataclass(frozen=True, slots=True)
class PlanRow:
    order: tuple[int, date]
    day: date
    #: "förmiddag", "heldag" or "10:00–11:00", already in the model's language.
    time: str
    place: str
    person: str
    title: str
    #: CREATE, DUPLICATE, REJECT or SKIP.
    outcome: str
    #: Why (a duplicate or a rejection), or what to know (a created booking's note); "" if none.
    reason: str


def _times(start: datetime | date, end: datetime | date, lang: str) -> str:
    if isinstance(start, datetime) and isinstance(end, datetime):
        return f"{fmt_time(start)}–{fmt_time(end)}"
    return label("full_day", lang)


def plan_row(item: PlanItem, lang: str) -> PlanRow:
    request = item.request
    if request is not None and request.desk_period is not None:
        when = label(request.desk_period.value, lang)
    else:
        when = _times(item.start, item.end, lang)
    why = item.reason if item.reason is not None else item.note
    return PlanRow(
        order=(item.index, item.day),
        day=item.day,
        time=when,
        place=item.resource_name or "",
        person=item.person_name or item.person_email or "",
        title=item.summary,
        outcome=item.outcome,
        reason=describe(why, lang) if why is not None else "",
    )


def skipped_row(position: int, event: ImportedEvent, place: str, lang: str) -> PlanRow:
    day = clk.local_date(event.start) if isinstance(event.start, datetime) else event.start
    who = (event.organizer.name or event.organizer.email) if event.organizer is not None else ""
    return PlanRow(
        (position, day), day, _times(event.start, event.end, lang), place, who, event.summary, SKIP, ""
    )


class ImportPlanModel(RowsTableModel[PlanRow]):
    COLUMNS = 6

    def set_plan(self, plan: ImportPlan | None, skipped: Iterable[PlanRow] = ()) -> None:
        rows = [plan_row(item, self.lang) for item in plan.items] if plan is not None else []
        self.set_rows(sorted([*rows, *skipped], key=lambda r: r.order))

    def plan_rows(self) -> list[PlanRow]:
        return list(self._rows)

    def status_text(self, row: PlanRow) -> str:
        if row.outcome == CREATE:
            if row.reason:
                return self.tr("Skapas ({note})").format(note=row.reason)
            return self.tr("Skapas")
        if row.outcome == DUPLICATE:
            return (
                self.tr("Dubblett: {reason}").format(reason=row.reason) if row.reason else self.tr("Dubblett")
            )
        if row.outcome == REJECT:
            return self.tr("Avvisas: {reason}").format(reason=row.reason)
        return self.tr("Hoppas över")

    # --- QAbstractTableModel ---------------------------------------------------------------------
    def header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("Datum"),
            self.tr("Tid"),
            self.tr("Plats/rum"),
            self.tr("Person"),
            self.tr("Rubrik"),
            self.tr("Status"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (STATUS, TITLE):
            return self._text(row, column)
        return None

    def _text(self, row: PlanRow, column: int) -> str:
        if column == DATE:
            return fmt_date(row.day, self.lang)
        if column == TIME:
            return row.time
        if column == PLACE:
            return row.place or "–"
        if column == PERSON:
            return row.person or "–"
        if column == TITLE:
            return row.title
        if column == STATUS:
            return self.status_text(row)
        return ""
