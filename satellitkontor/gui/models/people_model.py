"""The office's people as a table (Namn, E-post, Kommun, Typ, Roll, Aktiv), and a filter over it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from satellitkontor.domain.people import Person
from satellitkontor.gui.models.table_model import Index, RowsTableModel
from satellitkontor.words.texts import label, municipality_name

NAME, EMAIL, MUNICIPALITY, KIND, ROLE, ACTIVE = range(6)


class PeopleModel(RowsTableModel[Person]):
    COLUMNS = 6
    NUMBERED_ROWS = True

    def set_people(self, people: Iterable[Person]) -> None:
        self.set_rows(people)

    def person(self, row: int) -> Person | None:
        return self.row_at(row)

    def row_of(self, person_id: int) -> int:
        return self.find_row(lambda p: p.id == person_id)

    def header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("Namn"),
            self.tr("E-post"),
            self.tr("Kommun"),
            self.tr("Typ"),
            self.tr("Roll"),
            self.tr("Aktiv"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self.row_for(index)
        if p is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(p, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return p.id
        return None

    def _text(self, p: Person, col: int) -> str:
        if col == NAME:
            return p.name
        if col == EMAIL:
            return p.email
        if col == MUNICIPALITY:
            return municipality_name(p.municipality_code)
        if col == KIND:
            return label(p.kind.value, self.lang)
        if col == ROLE:
            return label(p.role.value, self.lang)
        if col == ACTIVE:
            return self.tr("Ja") if p.active else self.tr("Nej (inaktiv)")
        return ""


class PeopleFilter(QSortFilterProxyModel):
    """Rows whose any column contains the filter text, case-insensitively."""

    def __init__(self, source: PeopleModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def person(self, row: int) -> Person | None:
        source = self.sourceModel()
        if not isinstance(source, PeopleModel):
            return None
        return source.person(self.mapToSource(self.index(row, 0)).row())
