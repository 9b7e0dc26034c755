"""Backing up and restoring the office from the Arkiv menu, as the admin of a one-PC office would:
the real main window on a real SQLite office, the file dialogs answered by monkeypatch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from satellitkontor.domain import clock as clk
from satellitkontor.domain.people import Role
from satellitkontor.gui.context import AppContext
from satellitkontor.gui.main_window import MainWindow
from satellitkontor.gui.models.my_bookings_model import TITLE
from satellitkontor.services.backup import office_size, restore_office
from satellitkontor.storage.database import sqlite_url
from tests.conftest import Office
from tests.gui.conftest import error_boxes

TUESDAY = date(2026, 11, 24)


def _visible_box(name: str) -> QMessageBox | None:
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]
    return boxes[0] if boxes else None


def _book(office: Office, hour: int, title: str) -> None:
    office.services.booking.book_room(
        office.admin.id,
        office.room.id,
        clk.local(TUESDAY, time(hour)),
        clk.local(TUESDAY, time(hour + 1)),
        2,
        title,
    )


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _titles(window: MainWindow) -> list[str]:
    view = window.view("mine")
    return [view.model.index(r, TITLE).data() for r in range(view.model.rowCount())]  # type: ignore[attr-defined]


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path, seen: list[str] | None = None) -> None:
    def answer(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        if seen is not None:
            seen.append(suggested)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def _open(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(path), ""))


def _back_up(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    _save_as(monkeypatch, path)
    with qtbot.waitSignal(window.backup_actions.backed_up, timeout=20_000):
        window.backup_actions.backup_action.trigger()
    done = _visible_box("backupDone")
    assert done is not None
    done.done(0)


def _people(office: Office) -> list[str]:
    return [p.email for p in office.services.office.people(include_inactive=True)]


def test_visible_to_an_admin_on_sqlite_and_hidden_for_a_user(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], gui_office: Office
) -> None:
    ctx = make_ctx(gui_office.admin)
    window = _window(qtbot, ctx)
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.isVisible()]  # type: ignore[union-attr]
    assert "Säker&hetskopiera kontoret…" in menu_texts
    assert "Åte&rställ från säkerhetskopia…" in menu_texts
    ctx.set_person(gui_office.anna)
    assert not window.backup_actions.backup_action.isVisible()
    assert not window.backup_actions.restore_action.isVisible()
    ctx.set_person(gui_office.admin)
    ctx.login = "asa"  # signed in through a database login (shared PostgreSQL): the DBA's job
    ctx.identity_changed.emit()
    assert not window.backup_actions.backup_action.isVisible()


def test_backup_restores_into_a_fresh_database(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _book(gui_office, 9, "Styrgrupp")
    _book(gui_office, 13, "Planering")
    window = _window(qtbot, make_ctx(gui_office.admin))
    file = tmp_path / "kopia.backup"
    suggested: list[str] = []
    _save_as(monkeypatch, file, suggested)
    with qtbot.waitSignal(window.backup_actions.backed_up, timeout=20_000):
        window.backup_actions.backup_action.trigger()
    assert Path(suggested[0]).name == "satellitkontor-2026-11-23.backup"
    done = _visible_box("backupDone")
    assert done is not None
    assert done.text() == f"Säkerhetskopian är sparad: {file} – 5 personer, 2 bokningar"

    fresh = sqlite_url(tmp_path / "fresh.sqlite3")
    summary = restore_office(file, fresh)
    assert (summary.people, summary.bookings) == (5, 2)
    assert office_size(fresh) == office_size(gui_office.services.db.url.render_as_string(hide_password=False))


def test_restore_after_confirming_replaces_the_office_and_the_views_show_it(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    wait_idle: Callable[[], None],
) -> None:
    _book(gui_office, 9, "Styrgrupp")
    window = _window(qtbot, make_ctx(gui_office.admin))
    file = tmp_path / "kopia.backup"
    _back_up(qtbot, window, monkeypatch, file)
    # The office changes after the backup: a new booking, a new person.
    _book(gui_office, 13, "Efter kopian")
    gui_office.services.office.add_person(gui_office.admin.id, "Ny Person", "ny@umea.se", "Umeå")
    window.show_view("mine")
    window.ctx.notify_changed()
    qtbot.waitUntil(lambda: sorted(_titles(window)) == ["Efter kopian", "Styrgrupp"], timeout=5_000)

    _open(monkeypatch, file)
    window.backup_actions.restore_action.trigger()
    qtbot.waitUntil(lambda: _visible_box("confirmRestore") is not None, timeout=5_000)
    box = _visible_box("confirmRestore")
    assert box is not None
    assert box.text().startswith(f"Allt i kontoret ersätts med innehållet i {file}")
    assert "Det går inte att ångra" in box.informativeText()
    assert box.defaultButton().text() == "Avbryt"
    replace = next(b for b in box.buttons() if b.text() == "Ersätt kontoret")
    with qtbot.waitSignal(window.backup_actions.restored, timeout=20_000):
        replace.click()
    qtbot.waitUntil(lambda: _titles(window) == ["Styrgrupp"], timeout=5_000)
    assert "ny@umea.se" not in _people(gui_office)
    assert window.ctx.person is not None and window.ctx.person.id == gui_office.admin.id  # still signed in
    restored = _visible_box("restoreDone")
    assert restored is not None and "5 personer, 1 bokningar" in restored.text()
    wait_idle()
    assert not error_boxes()


def test_someone_not_in_the_restored_office_is_asked_who_uses_the_app(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _window(qtbot, make_ctx(gui_office.admin))
    file = tmp_path / "kopia.backup"
    _back_up(qtbot, window, monkeypatch, file)
    newcomer = gui_office.services.office.add_person(
        gui_office.admin.id, "Ny Admin", "ny.admin@umea.se", "Umeå", role=Role.ADMIN
    )
    window.ctx.set_person(newcomer)
    asked: list[bool] = []
    window.switch_person_requested.connect(lambda: asked.append(True))  # the app opens IdentityDialog
    with qtbot.waitSignal(window.backup_actions.restored, timeout=20_000):
        window.backup_actions.restore(str(file))
    assert asked == [True]
    assert window.ctx.person is None
    assert window.who_label.text() == "Ingen vald användare"


def test_cancelling_the_confirmation_changes_nothing(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    wait_idle: Callable[[], None],
) -> None:
    window = _window(qtbot, make_ctx(gui_office.admin))
    file = tmp_path / "kopia.backup"
    _back_up(qtbot, window, monkeypatch, file)
    _book(gui_office, 13, "Efter kopian")
    before = _people(gui_office)
    _open(monkeypatch, file)
    window.backup_actions.restore_action.trigger()
    qtbot.waitUntil(lambda: _visible_box("confirmRestore") is not None, timeout=5_000)
    box = _visible_box("confirmRestore")
    assert box is not None
    box.defaultButton().click()  # "Avbryt"
    wait_idle()
    assert _people(gui_office) == before
    assert office_size(window.ctx.db_url) is not None
    assert office_size(window.ctx.db_url).bookings == 1  # type: ignore[union-attr]
    assert _visible_box("restoreDone") is None


def test_a_file_that_is_not_a_backup_is_refused_in_swedish(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    wait_idle: Callable[[], None],
) -> None:
    _book(gui_office, 9, "Styrgrupp")
    window = _window(qtbot, make_ctx(gui_office.admin))
    file = tmp_path / "inköpslista.backup"
    file.write_text("mjölk\nsmör\n", encoding="utf-8")
    before = _people(gui_office)
    _open(monkeypatch, file)
    window.backup_actions.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(error_boxes()), timeout=5_000)
    assert error_boxes()[0].text() == f"Filen {file} är ingen säkerhetskopia av Satellitkontoret."
    wait_idle()
    assert _visible_box("confirmRestore") is None
    assert _people(gui_office) == before
    assert office_size(window.ctx.db_url).bookings == 1  # type: ignore[union-attr]


def test_the_office_database_itself_is_refused_as_backup_file(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _window(qtbot, make_ctx(gui_office.admin))
    own = gui_office.services.db.sqlite_path
    assert own is not None
    size = own.stat().st_size
    _save_as(monkeypatch, own)
    window.backup_actions.backup_action.trigger()
    assert error_boxes() and "kontorets egen databas" in error_boxes()[0].text()
    assert own.stat().st_size == size and _people(gui_office)


@pytest.mark.skipif(
    not Path("/proc/self").is_dir(), reason="needs Linux's /proc, a folder nobody may write to"
)
def test_a_folder_that_cannot_be_written_is_said_and_the_app_stays_online(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    gui_office: Office,
    monkeypatch: pytest.MonkeyPatch,
    wait_idle: Callable[[], None],
) -> None:
    window = _window(qtbot, make_ctx(gui_office.admin))
    _save_as(monkeypatch, Path("/proc/kopia.backup"))
    window.backup_actions.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(error_boxes()), timeout=5_000)
    assert "Säkerhetskopian kan inte sparas i mappen /proc (" in error_boxes()[0].text()
    wait_idle()
    assert window.ctx.online and not window.offline_banner.isVisible()
    assert _visible_box("backupDone") is None
