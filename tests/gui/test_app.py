"""Starting the app as a new user would: an empty database offers the demo office, the first
start asks who I am, the next start remembers it, and the language can be switched at once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from satellitkontor.gui import i18n
from satellitkontor.gui.app import DesktopApp
from satellitkontor.gui.dialogs.identity_dialog import IdentityDialog
from satellitkontor.gui.settings import AppSettings
from satellitkontor.storage.database import sqlite_url
from tests.conftest import MovableClock, Office


def _visible(kind: type, name: str | None = None) -> list:  # type: ignore[type-arg]
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, kind) and w.isVisible() and (name is None or w.objectName() == name)
    ]


@pytest.fixture
def desktop_factory(tmp_path: Path, clock: MovableClock) -> Iterator:  # type: ignore[type-arg]
    made: list[DesktopApp] = []

    def make(lang: str = "sv") -> DesktopApp:
        app = DesktopApp(
            AppSettings.at(str(tmp_path / "settings.ini")),
            sqlite_url(tmp_path / "office.sqlite3"),
            lang,
            clock=clock,
        )
        made.append(app)
        return app

    yield make
    for app in made:
        app.window.close()
        app.ctx.close()
    i18n.install("sv")


def test_first_start_offers_demo_then_asks_who_i_am(qtbot: QtBot, desktop_factory) -> None:  # type: ignore[no-untyped-def]
    desktop = desktop_factory()
    desktop.start()
    qtbot.waitUntil(lambda: bool(_visible(QMessageBox, "demoOffer")), timeout=10_000)
    offer = _visible(QMessageBox, "demoOffer")[0]
    assert "tom" in offer.text()
    create = next(b for b in offer.buttons() if b.text() == "Skapa demokontor")
    create.click()
    qtbot.waitUntil(lambda: bool(_visible(IdentityDialog)), timeout=60_000)
    dialog = _visible(IdentityDialog)[0]
    assert dialog.people_box.count() >= 20  # the demo's people from all seven municipalities
    index = next(i for i in range(dialog.people_box.count()) if "Sofia" in dialog.people_box.itemText(i))
    dialog.people_box.setCurrentIndex(index)
    dialog.buttons.buttons()[0].click()
    qtbot.waitUntil(lambda: desktop.ctx.person is not None, timeout=5_000)
    assert desktop.ctx.person is not None and desktop.ctx.person.name.startswith("Sofia")
    assert "admin" in desktop.window.nav_keys()


def test_a_newcomer_registers_and_is_remembered(qtbot: QtBot, desktop_factory) -> None:  # type: ignore[no-untyped-def]
    first = desktop_factory()
    first.start()
    qtbot.waitUntil(lambda: bool(_visible(QMessageBox, "demoOffer")), timeout=10_000)
    offer = _visible(QMessageBox, "demoOffer")[0]
    next(b for b in offer.buttons() if b.text() == "Börja tomt").click()
    qtbot.waitUntil(lambda: bool(_visible(IdentityDialog)), timeout=10_000)
    dialog = _visible(IdentityDialog)[0]
    assert dialog.new_choice.isChecked()  # nobody in the list yet
    dialog.name_edit.setText("Märta Öhman")
    dialog.email_edit.setText("not-an-email")
    dialog.municipality_box.setCurrentIndex(dialog.municipality_box.findText("Vännäs"))
    ok: QPushButton = dialog.buttons.buttons()[0]
    ok.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=5_000)
    assert "e-post" in dialog.error_label.text().lower()
    assert dialog.isVisible()
    dialog.email_edit.setText("marta.ohman@vannas.se")
    ok.click()
    qtbot.waitUntil(lambda: first.ctx.person is not None, timeout=5_000)
    person = first.ctx.person
    assert person is not None and person.municipality_code == "vannas"
    assert person.role.value == "admin"  # the first person of a new office sets it up
    first.window.close()
    first.ctx.close()

    again = desktop_factory()
    again.start()
    qtbot.waitUntil(lambda: again.ctx.person is not None, timeout=10_000)
    assert again.ctx.person is not None and again.ctx.person.email == "marta.ohman@vannas.se"
    assert not _visible(IdentityDialog)


def test_switching_language_rebuilds_the_window_in_english(qtbot: QtBot, desktop_factory) -> None:  # type: ignore[no-untyped-def]
    desktop = desktop_factory()
    desktop.start()
    qtbot.waitUntil(lambda: bool(_visible(QMessageBox, "demoOffer")), timeout=10_000)
    for box in _visible(QMessageBox, "demoOffer"):
        box.done(0)
    old = desktop.window
    assert old.menuBar().actions()[0].text() == "&Arkiv"
    english = old.findChild(type(old.menuBar().actions()[0]), "lang_en")
    english.trigger()
    assert desktop.window is not old
    assert desktop.window.menuBar().actions()[0].text() == "&File"
    assert desktop.settings.language == "en"


def test_an_unreachable_database_is_said_in_swedish_and_nothing_breaks(
    qtbot: QtBot, tmp_path: Path, clock: MovableClock
) -> None:
    desktop = DesktopApp(
        AppSettings.at(str(tmp_path / "settings.ini")),
        "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2",
        "sv",
        clock=clock,
    )
    try:
        desktop.start()
        qtbot.waitUntil(lambda: bool(_visible(QMessageBox, "errorBox")), timeout=15_000)
        box = _visible(QMessageBox, "errorBox")[0]
        assert "databas" in box.text().lower()
        assert "Traceback" not in box.text()
        assert desktop.window.isVisible() and desktop.ctx.services is None
    finally:
        desktop.window.close()
        desktop.ctx.close()


def test_the_first_start_tour_opens_after_the_days_desks(  # type: ignore[no-untyped-def]
    qtbot: QtBot, desktop_factory, gui_office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A known person's first start: the desks show first, then the tour opens over them."""
    from satellitkontor.gui.dialogs.tour import TourDialog

    monkeypatch.setenv("SATELLITKONTOR_USER", gui_office.anna.email)
    desktop = desktop_factory()
    seen: list[tuple[int, bool]] = []
    desktop.window.view_made.connect(
        lambda key: desktop.window.views[key].data_loaded.connect(
            lambda: seen.append((desktop.window.views["book"].model.rowCount(), bool(_visible(TourDialog))))
        )
    )
    desktop.start()
    qtbot.waitUntil(lambda: bool(_visible(TourDialog)), timeout=20_000)
    assert seen and seen[0] == (len(gui_office.desks), False)  # the desks, and no tour yet


@pytest.mark.parametrize("who", ["anna", "admin"])
def test_the_days_desks_do_not_wait_for_services_the_book_view_does_not_use(  # type: ignore[no-untyped-def]
    qtbot: QtBot, desktop_factory, gui_office: Office, monkeypatch: pytest.MonkeyPatch, who: str
) -> None:
    """Issue 18: the opening worker makes Boka plats' services only (``START_SERVICES``); the
    desks show with, among others, the administration's services still unmade, and a worker
    makes the rest once they are shown. A view chosen meanwhile (the administration, for an
    admin) waits for them on its empty page rather than import them on the GUI thread."""
    from satellitkontor.gui.app import START_SERVICES

    person = getattr(gui_office, who)
    monkeypatch.setenv("SATELLITKONTOR_USER", person.email)
    desktop = desktop_factory()
    unmade_when_shown: list[tuple[str, ...]] = []

    def made(key: str) -> None:
        if key == "book":
            desktop.window.views[key].data_loaded.connect(
                lambda: unmade_when_shown.append(desktop.ctx.svc.unmade())
            )

    desktop.window.view_made.connect(made)
    desktop.start()
    qtbot.waitUntil(lambda: bool(unmade_when_shown), timeout=20_000)
    assert desktop.window.current_key() == "book"
    assert desktop.ctx.person is not None and desktop.ctx.person.id == person.id
    assert {"statistics", "audit", "ical_import", "exchange", "office"} <= set(unmade_when_shown[0])
    assert not set(START_SERVICES["book"]) & set(unmade_when_shown[0])
    assert desktop.ctx.services_pending
    # a view chosen meanwhile shows its empty page, and is built once the services are made
    later = "admin" if who == "admin" else "mine"
    desktop.window.show_view(later)
    assert later not in desktop.window.views and desktop.window._shown_key() == later
    qtbot.waitUntil(lambda: desktop.ctx.svc.unmade() == (), timeout=10_000)
    qtbot.waitUntil(lambda: desktop.window.current_key() == later, timeout=10_000)
    assert not desktop.ctx.services_pending


def _start_for_real(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``satellitkontor --db`` the office in ``tmp_path``, offscreen, in folders of its own under
    ``tmp_path``, with ``env`` added (the start-up probe or the self-test, which quit by themselves)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        **{f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in ("CACHE", "CONFIG", "DATA", "STATE")},
        **env,
    }
    proc = subprocess.run(
        [sys.executable, "-m", "satellitkontor", "--db", sqlite_url(tmp_path / "office.sqlite3")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def test_the_days_desks_show_before_the_orm_is_loaded(tmp_path: Path, gui_office: Office) -> None:
    """Issue 18: a user's start reads Boka plats through SQLAlchemy Core only (gui/app.py
    ``START_SERVICES``), so the app, started for real with its start-up probe, shows the day's
    desks before ``sqlalchemy.orm`` and the models are imported (~150 ms and ~12 MiB)."""
    gui_office.services.close()
    proc = _start_for_real(
        tmp_path, SATELLITKONTOR_STARTUP_PROBE="1", SATELLITKONTOR_USER=gui_office.anna.email
    )
    said = dict(line.partition(" ")[::2] for line in proc.stdout.splitlines())
    assert said.get("start_view") == "book", proc.stdout
    assert "data_shown" in said and said.get("orm_loaded") == "0", proc.stdout


def test_the_app_keeps_the_years_holidays_for_its_next_start(tmp_path: Path) -> None:
    """Issue 18: a start after the first reads the year's holidays from the user's cache folder
    (domain/kept_holidays.py) instead of loading the ``holidays`` package on the way to the desks.
    The app, started for real (its self-test), leaves the table there."""
    _start_for_real(tmp_path, SATELLITKONTOR_SMOKE="1")
    kept = tmp_path / "cache" / "satellitkontor"
    year = date.today().year
    assert (kept / f"swedish-holidays-{year}.json").is_file(), sorted(p.name for p in kept.glob("*"))
