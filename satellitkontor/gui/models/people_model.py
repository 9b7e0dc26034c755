"""The office's people as a table (Namn, E-post, Kommun, Typ, Roll, Aktiv), and a filter over it.

Each cell's text is made once per load (:meth:`PeopleModel.set_people`), not on every call of
``data()``: sorting, filtering, painting and the column widths ask for the same texts thousands of
times on the GUI thread (issue 18: the page's load took 85-95 ms with 150 people, most of it here
and in ``resizeColumnsToContents``; see views/admin/people_page.py).
"""

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

    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(lang, parent)
        self._texts: tuple[tuple[str, ...], ...] = ()

    def set_people(self, people: Iterable[Person]) -> None:
        rows = tuple(people)
        with self.resetting():
            self._rows = rows
            self._texts = tuple(tuple(self._text(p, col) for col in range(self.COLUMNS)) for p in rows)

    def texts(self) -> tuple[tuple[str, ...], ...]:
        """Each row's cell texts, as shown."""
        return self._texts

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
        row, col = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._texts) or not 0 <= col < self.COLUMNS:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._texts[row][col]
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[row].id
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
