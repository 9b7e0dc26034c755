"""The table models' common base: rows replaced with a reset, a title for every column."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from satellitkontor.gui.models import (
    closures_model,
    day_desks_model,
    day_room_model,
    desk_day_model,
    meetings_model,
    my_bookings_model,
    people_model,
    resources_model,
    rotation_years_model,
    series_preview_model,
    usage_model,
)
from satellitkontor.gui.models.table_model import Index, RowsTableModel

MODELS: list[type[RowsTableModel[Any]]] = [
    closures_model.ClosuresModel,
    day_desks_model.DayDesksModel,
    day_room_model.DayRoomModel,
    desk_day_model.DeskDayModel,
    meetings_model.MeetingsModel,
    my_bookings_model.MyBookingsModel,
    people_model.PeopleModel,
    resources_model.ResourcesModel,
    rotation_years_model.RotationYearsModel,
    series_preview_model.SeriesPreviewModel,
    usage_model.UsageModel,
]


@dataclass(frozen=True, slots=True)
class Fruit:
    name: str
    colour: str


class FruitModel(RowsTableModel[Fruit]):
    COLUMNS = 2

    def header_texts(self) -> tuple[str, ...]:
        return ("Namn", "Färg")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        fruit = self.row_for(index)
        if fruit is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (fruit.name, fruit.colour)[index.column()]


@pytest.mark.parametrize("model_class", MODELS, ids=lambda m: m.__name__)
def test_every_column_has_a_title(qtbot: QtBot, model_class: type[RowsTableModel[Any]]) -> None:
    model = model_class()
    titles = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    assert len(model.header_texts()) == model.COLUMNS
    assert all(isinstance(t, str) and t for t in titles)
    assert model.headerData(model.COLUMNS, Qt.Orientation.Horizontal) is None


def test_rows_are_replaced_with_a_reset(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = FruitModel()
    qtmodeltester.check(model)
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_rows([Fruit("äpple", "röd"), Fruit("banan", "gul")])
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert model.rowCount(model.index(0, 0)) == 0 and model.columnCount(model.index(0, 0)) == 0
    assert model.data(model.index(1, 1)) == "gul"
    assert model.row_at(1) == Fruit("banan", "gul")
    assert model.row_at(2) is None and model.row_at(-1) is None
    assert model.row_for(QModelIndex()) is None
    assert model.find_row(lambda f: f.colour == "gul") == 1
    assert model.find_row(lambda f: f.colour == "blå") == -1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Namn"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None


def test_numbered_rows(qtbot: QtBot) -> None:
    model = people_model.PeopleModel()
    assert model.headerData(2, Qt.Orientation.Vertical) == "3"
