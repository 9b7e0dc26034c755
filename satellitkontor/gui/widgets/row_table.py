"""The read-only table every view lists its rows in: whole rows selected one at a time, no
editing in place, Tab leaves the table (arrow keys move within it), and a name for screen readers.

:func:`fit_columns` sizes a long table's columns as Qt's ``resizeColumnsToContents`` would, from
texts the model already holds, without asking the model for every cell: through a sort/filter proxy
that was ~10,000 calls into Python and 50-150 ms of the GUI thread for 150 people (issue 18).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


def row_table(
    object_name: str, accessible_name: str, model: QAbstractItemModel, parent: QWidget | None = None
) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(object_name)
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    return table


def fit_columns(table: QTableView, source: QAbstractItemModel, rows: Sequence[Sequence[str]]) -> None:
    """Each column as wide as Qt's ``resizeColumnsToContents`` makes it, asking the view only about
    the few cells whose texts (``rows``: the texts of ``source``'s rows, one per column) are the
    widest by the font's measure, not about every cell."""
    model = table.model()
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    grid = 1 if table.showGrid() else 0
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        texts = (
            (metrics.horizontalAdvance(row[column]), n) for n, row in enumerate(rows) if column < len(row)
        )
        width = header.sectionSizeHint(column)
        for _advance, n in sorted(texts, reverse=True)[:3]:  # kerning may rank near-ties either way
            index = source.index(n, column)
            if isinstance(model, QAbstractProxyModel):
                index = model.mapFromSource(index)  # invalid for a row filtered out: not shown
            if index.isValid():
                width = max(width, table.sizeHintForIndex(index).width() + grid)
        header.resizeSection(column, width)
