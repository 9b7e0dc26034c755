"""The office's people as a table (Namn, E-post, Kommun, Typ, Roll, Aktiv), and a filter over it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from satellitkontor.domain.people import Person
from satellitkontor.texts import label, municipality_name

NAME, EMAIL, MUNICIPALITY, KIND, ROLE, ACTIVE = range(6)
COLUMNS = 6

_Index = QModelIndex | QPersistentModelIndex


class PeopleModel(QAbstractTableModel):
    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[Person] = []

    def set_people(self, people: list[Person]) -> None:
        self.beginResetModel()
        self._rows = list(people)
        self.endResetModel()

    def person(self, row: int) -> Person | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, person_id: int) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == person_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = (
            self.tr("Namn"),
            self.tr("E-post"),
            self.tr("Kommun"),
            self.tr("Typ"),
            self.tr("Roll"),
            self.tr("Aktiv"),
        )
        return titles[section] if 0 <= section < COLUMNS else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
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
