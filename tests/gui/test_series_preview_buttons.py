"""The recurrence preview offers one button that books: while "Bekräfta N bokningar" is shown,
"Boka" steps aside (both competed before); a changed input withdraws the preview and brings
"Boka" back. The preview's dates read as the rest of the app ("tis 8 dec 2026")."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.dialogs.desk_booking_dialog import DeskBookingDialog
from satellitkontor.gui.models.series_preview_model import DATE
from tests.conftest import MONDAY, Office


def test_one_button_books_a_previewed_series(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office, wait_idle: Callable[[], None]
) -> None:
    dialog = DeskBookingDialog(make_ctx(gui_office.anna), gui_office.desk(6), MONDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    dialog.recurrence_editor.repeat_check.setChecked(True)
    dialog.recurrence_editor.count_radio.setChecked(True)
    with qtbot.waitSignal(dialog.preview.shown):
        dialog.book_button.click()
    assert dialog.preview.confirm_button.isVisible() and dialog.preview.confirm_button.isDefault()
    assert not dialog.book_button.isVisible()
    assert dialog.preview.model.index(0, DATE).data() == "mån 23 nov 2026"
    dialog.period_buttons[DeskPeriod.AFTERNOON].setChecked(True)
    assert dialog.book_button.isVisible() and dialog.book_button.isDefault()
    assert not dialog.preview.confirm_button.isVisible()
