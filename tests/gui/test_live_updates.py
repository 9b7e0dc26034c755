"""Two app instances: a booking made in another process shows in this app's views within a second,
on SQLite and on PostgreSQL (issue 6, "Live").

This process is the GUI (a day view, or the book view, showing Monday); the other is a real
process (tests/other_app.py) that opens the office and books a desk through the services. It
prints the time right after its commit returned; the test measures from then to the moment the
cell a user looks at says who sits there.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from satellitkontor.domain.people import Person
from satellitkontor.gui import i18n
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.models.day_desks_model import DayDesksModel
from satellitkontor.gui.models.desk_day_model import COL_MORNING
from satellitkontor.gui.settings import AppSettings
from satellitkontor.gui.views.book_view import BookView
from satellitkontor.gui.views.day_view import DayView
from satellitkontor.services.app_services import open_office
from tests.conftest import MONDAY, MovableClock, Office, make_office
from tests.gui.conftest import error_boxes
from tests.other_app import OtherApp, start_other_app

#: What the issue promises.
WITHIN_SECONDS = 1.0


@pytest.fixture
def shared_office(db_url: str, clock: MovableClock) -> Iterator[Office]:
    o = make_office(db_url, clock)
    yield o
    o.services.close()


@pytest.fixture
def app_ctx(
    qapp: QApplication, shared_office: Office, app_settings: AppSettings, clock: MovableClock
) -> Iterator[Callable[[Person], AppContext]]:
    """This app: its own services (its own connections) on the shared database."""
    made: list[AppContext] = []

    def make(person: Person) -> AppContext:
        i18n.install("sv")
        url = shared_office.services.db.url.render_as_string(hide_password=False)
        ctx = AppContext(app_settings, "sv", url)
        ctx.attach(open_office(url, clock=clock))
        ctx.set_person(person)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


def _other_books(
    qtbot: QtBot, other: OtherApp, shown: Callable[[], bool], wait_idle: Callable[[], None]
) -> float:
    """Let the other process book; wait (at most a second after its commit) until ``shown``.
    Returns the seconds from the commit to the moment it was on screen."""
    wait_idle()  # this app is listening (the watch started) and idle
    other.go()
    line: list[str] = []

    def answered() -> bool:
        if not line and other.lines:
            line.append(other.wait_line(""))
        return bool(line)

    qtbot.waitUntil(answered, timeout=15_000)
    assert line[0].startswith("committed"), line[0]
    committed = float(line[0].split()[1])
    seen: list[float] = []

    def on_screen() -> bool:
        if not seen and shown():
            seen.append(time.time())
        return bool(seen)

    left_ms = max(1, int((committed + WITHIN_SECONDS - time.time()) * 1000))
    qtbot.waitUntil(on_screen, timeout=left_ms)
    return seen[0] - committed


def test_the_receptionists_day_view_follows_a_booking_made_in_another_process(
    qtbot: QtBot,
    shared_office: Office,
    app_ctx: Callable[[Person], AppContext],
    wait_idle: Callable[[], None],
    db_url: str,
) -> None:
    o = shared_office
    other = start_other_app(db_url, o.cecilia.id, o.desk(5).id, MONDAY, "full_day")
    try:
        view = DayView(app_ctx(o.reception))
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.data_loaded, timeout=5000):
            view.show()
        row = 4  # Plats 5
        assert view.desks_model.index(row, DayDesksModel.MORNING).data() == "ledig"

        def cecilia_shows() -> bool:
            return view.desks_model.index(row, DayDesksModel.MORNING).data() == "Cecilia Ek (Örnsköldsvik)"

        latency = _other_books(qtbot, other, cecilia_shows, wait_idle)
    finally:
        other.close()
    print(f"\ncommit -> day view ({o.services.db.url.get_backend_name()}): {latency * 1000:.0f} ms")
    assert latency < WITHIN_SECONDS
    assert view.desks_model.index(row, DayDesksModel.AFTERNOON).data() == "Cecilia Ek (Örnsköldsvik)"
    assert error_boxes() == []


def test_the_book_view_follows_a_booking_made_in_another_process(
    qtbot: QtBot,
    shared_office: Office,
    app_ctx: Callable[[Person], AppContext],
    wait_idle: Callable[[], None],
    db_url: str,
) -> None:
    o = shared_office
    other = start_other_app(db_url, o.bertil.id, o.desk(2).id, MONDAY, "morning")
    try:
        view = BookView(app_ctx(o.anna))
        qtbot.addWidget(view)
        view.resize(1100, 700)
        with qtbot.waitSignal(view.data_loaded, timeout=5000):
            view.show()
        assert view._occupancy is not None and view._occupancy.day == MONDAY
        free_before = view.summary_label.text()
        row = view.model.row_of(o.desk(2).id)

        def taken() -> bool:
            return "upptagen" in str(view.model.index(row, COL_MORNING).data()).lower()

        assert not taken()

        latency = _other_books(qtbot, other, taken, wait_idle)
    finally:
        other.close()
    print(f"\ncommit -> book view ({o.services.db.url.get_backend_name()}): {latency * 1000:.0f} ms")
    assert latency < WITHIN_SECONDS
    assert view.summary_label.text() != free_before
    assert view.summary_label.text().startswith("7 av 8 platser lediga")
