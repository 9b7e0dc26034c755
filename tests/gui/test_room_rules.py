"""The room week and the booking service refuse the same times for the same reasons: both ask
domain/policy.py, the week only words the answer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

import pytest
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import RuleViolation
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.views.room_view import RoomView
from satellitkontor.gui.widgets.week_timeline import WeekTimeline
from tests.conftest import MONDAY, Office

TUESDAY, WEDNESDAY, THURSDAY = (MONDAY + timedelta(days=n) for n in (1, 2, 3))
NEXT_THURSDAY = THURSDAY + timedelta(days=7)  # past the nine days' horizon

#: (name, day, start, end, participants, the sentence the week should show or None: bookable)
GRID = [
    ("past", MONDAY, time(10), time(11), 4, "redan varit"),
    ("started within the grace", MONDAY, time(13), time(14), 4, None),
    ("closed day", THURSDAY, time(10), time(11), 4, "Personaldag"),
    ("before opening", TUESDAY, time(7), time(8, 30), 4, "08:00–17:00"),
    ("after closing", TUESDAY, time(16), time(17, 15), 4, "08:00–17:00"),
    ("too long", TUESDAY, time(9), time(12), 4, "120"),
    ("too short", WEDNESDAY, time(9), time(9, 15), 4, "minst 30 minuter"),
    ("too many participants", TUESDAY, time(13), time(14), 7, "6"),
    ("free", WEDNESDAY, time(10), time(11), 6, None),
    ("over the horizon", NEXT_THURSDAY, time(10), time(11), 4, "till och med"),
    ("last day of the horizon", NEXT_THURSDAY - timedelta(days=1), time(10), time(11), 4, None),
]


def widget_says(tl: WeekTimeline, day: date, start: time, end: time, participants: int) -> str | None:
    """What the week says when this time is clicked or dragged over: the first refused slot,
    else the refusal of the whole time (length, number of participants)."""
    assert tl.week is not None
    first, stop = clk.local(day, start), clk.local(day, end)
    column = tl.week.days.index(day)
    row = (start.hour * 60 + start.minute - tl.week.first_minute) // tl.week.slot_minutes
    moment = first
    while moment < stop:
        if 0 <= row < tl.week.rows:
            reason = tl.why_not(column, row)
            if reason is not None:
                return reason
        row += 1
        moment += timedelta(minutes=tl.week.slot_minutes)
    return tl.why_not_range(first, stop, participants)


@pytest.fixture
def office(gui_office: Office) -> Office:
    o = gui_office
    o.services.office.update_policy(o.admin.id, horizon_days=9, room_max_minutes=120, max_participants=6)
    o.services.office.add_closure(o.admin.id, THURSDAY, THURSDAY, "Personaldag")
    o.clock.set_local(MONDAY, time(13, 5))
    return o


def test_the_week_refuses_what_the_service_refuses_for_the_same_reason(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], office: Office
) -> None:
    view = RoomView(make_ctx(office.anna))
    qtbot.addWidget(view)
    view.resize(1100, 900)
    with qtbot.waitSignal(view.data_loaded, timeout=5000):
        view.show()
    tl = view.timeline
    checked = []
    for name, day, start, end, participants, expected in GRID:
        if tl.week is None or day not in tl.week.days:
            with qtbot.waitSignal(view.data_loaded, timeout=5000):
                view.set_week(day)
        said = widget_says(tl, day, start, end, participants)
        try:
            office.services.booking.book_room(
                office.anna.id, office.room.id, clk.local(day, start), clk.local(day, end), participants, name
            )
        except RuleViolation as refusal:
            assert said is not None, f"{name}: the service refuses ({refusal.code}), the week does not"
            assert said == tl.refusal_text(refusal), name
            assert expected is not None and expected in said, (name, said)
        else:
            assert said is None, f"{name}: the service books it, the week says {said!r}"
            assert expected is None, name
        checked.append(name)
    assert len(checked) == len(GRID)
