"""What the app's table models have in common: a tuple of frozen rows, replaced as a whole
(with a model reset), a fixed number of columns and a title per column.

A model subclasses ``RowsTableModel[Row]``, sets ``COLUMNS``, names its columns in
:meth:`RowsTableModel.header_texts` and writes ``data()``. The titles are ``self.tr()`` texts
written in the subclass itself, because the translations are keyed by the class they stand in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Row = TypeVar("Row")

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """One row per ``Row`` (a frozen dataclass), in the order given; flat, so no children."""

    #: How many columns the table has; :meth:`header_texts` gives one title for each.
    COLUMNS: ClassVar[int]
    #: Whether the vertical header numbers the rows 1, 2, 3, ... (else it says nothing).
    NUMBERED_ROWS: ClassVar[bool] = False

    def __init__(self, lang: str = "sv", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: tuple[Row, ...] = ()

    # --- content ---------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[Row]) -> None:
        with self.resetting():
            self._rows = tuple(rows)

    @contextmanager
    def resetting(self) -> Iterator[None]:
        """Wraps a change of the rows (and of anything else that decides what is shown) in a reset."""
        self.beginResetModel()
        try:
            yield
        finally:
            self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        """The item of row ``row``, or None when there is no such row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_for(self, index: Index) -> Row | None:
        """The item of the row under ``index``, or None for an invalid index."""
        return self.row_at(index.row()) if index.isValid() else None

    def find_row(self, matches: Callable[[Row], bool]) -> int:
        """The first row whose item ``matches``, or -1."""
        return next((n for n, item in enumerate(self._rows) if matches(item)), -1)

    def header_texts(self) -> tuple[str, ...]:
        """The column titles, translated, ``COLUMNS`` of them."""
        raise NotImplementedError

    # --- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column titles, for screen readers too (AccessibleTextRole reads the same)."""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            role = Qt.ItemDataRole.DisplayRole
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation is Qt.Orientation.Vertical:
            return str(section + 1) if self.NUMBERED_ROWS else None
        titles = self.header_texts()
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows are read-only and selectable; editing happens in dialogs."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
