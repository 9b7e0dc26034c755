"""A question that destroys something shows its answers as words: on a desktop whose style gives
dialog buttons icons (KDE, GNOME), "Avboka" must not carry the green Yes tick and "Behåll
bokningen" must not carry the red No cross."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)
from pytestqt.qtbot import QtBot

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.gui.context import AppContext
from tests.conftest import Office
from tests.gui.test_my_bookings import TUESDAY, open_view


class IconButtonsStyle(QProxyStyle):
    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, returnData)


@pytest.fixture
def icon_style(qapp: QApplication) -> Iterator[None]:
    old = qapp.style().name()
    qapp.setStyle(IconButtonsStyle("Fusion"))
    yield
    qapp.setStyle(old)


def test_cancel_question_has_no_yes_tick_or_no_cross(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, icon_style: None
) -> None:
    anna = gui_office.anna
    gui_office.services.booking.book_desk(anna.id, gui_office.desk(1).id, TUESDAY, DeskPeriod.MORNING)
    view = open_view(qtbot, make_ctx(anna))
    view.select_row(0)
    view.cancel_button.click()
    box = view.confirm_box
    assert box is not None
    cancel = box.button(QMessageBox.StandardButton.Yes)
    keep = box.button(QMessageBox.StandardButton.No)
    assert cancel.text().replace("&", "") == "Avboka"
    assert keep.text() == "&Behåll bokningen"
    assert cancel.icon().isNull() and keep.icon().isNull()
    assert box.defaultButton() is keep
    box.done(0)
