"""The floor plan as a person uses it: one's own booking stands out (in words, not only colour),
a desk tells who, when and what on hover, and the plan works from the keyboard: it takes focus,
the arrow keys move between desks as they stand, and Enter books the desk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.desk_day_model import COL_AFTERNOON, COL_MORNING
from tests.conftest import MONDAY, Office
from tests.gui.test_book_view import open_view


def test_own_booking_is_marked_on_the_plan_and_in_the_list(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    o = gui_office
    o.services.booking.book_desk(o.anna.id, o.desk(2).id, MONDAY, DeskPeriod.AFTERNOON)
    o.services.booking.book_desk(o.bertil.id, o.desk(3).id, MONDAY, DeskPeriod.FULL_DAY)
    view = open_view(qtbot, make_ctx(o.anna))
    assert view.plan.desk_item("Plats 2").state_text() == "EM: min bokning"
    assert view.plan.desk_item("Plats 3").state_text() == "Full"  # someone else's
    assert view.model.index(1, COL_AFTERNOON).data() == "Min bokning"
    assert view.model.index(2, COL_MORNING).data() == "Upptagen – Vindeln"
    tip = view.plan.desk_item("Plats 2").toolTip()
    assert "Eftermiddag: min bokning" in tip
    assert "Headset" in tip  # the equipment


def test_hover_says_who_and_when_for_others(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    o = gui_office
    o.services.booking.book_desk(o.bertil.id, o.desk(3).id, MONDAY, DeskPeriod.MORNING)
    view = open_view(qtbot, make_ctx(o.anna))
    tip = view.plan.desk_item("Plats 3").toolTip()
    assert "Förmiddag: Vindeln" in tip and "Plats 3" in tip


def test_the_plan_takes_focus_moves_with_arrows_and_books_with_enter(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    view = open_view(qtbot, make_ctx(gui_office.anna))
    plan = view.plan
    assert plan.focusPolicy() & Qt.FocusPolicy.TabFocus
    view.activateWindow()
    plan.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(plan.hasFocus)
    first = plan.focus_desk()
    assert first is not None and plan.desk_item(first).focused
    seen = {first}
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
        qtbot.keyClick(plan, key)
        seen.add(plan.focus_desk() or "")
    assert len(seen) >= 3  # the arrows went somewhere, desk by desk
    qtbot.keyClick(plan, Qt.Key.Key_Right)
    chosen = plan.focus_desk()
    assert chosen is not None and plan.desk_item(chosen).focused
    assert sum(1 for d in plan.desk_items() if d.focused) == 1
    qtbot.keyClick(plan, Qt.Key.Key_Return)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.desk.name == chosen
    dialog.reject()
