"""The administration's modules are imported while the window is idle (gui/preload.py)."""

from __future__ import annotations

import importlib.util
import sys

from pytestqt.qtbot import QtBot

from satellitkontor.gui import preload


def test_every_listed_module_exists() -> None:
    missing = [name for name in preload.ADMIN_MODULES if importlib.util.find_spec(name) is None]
    assert missing == []


def test_every_admin_page_module_is_listed() -> None:
    from satellitkontor.gui.views import admin_view

    pages = {f"satellitkontor.gui.views.admin.{module}" for _k, module, _c, _t in admin_view._PAGES}
    assert pages - set(preload.ADMIN_MODULES) == set()


def test_modules_are_imported_one_per_turn(qtbot: QtBot) -> None:
    name = "satellitkontor.gui.views.admin.mail_box"
    before = sys.modules.pop(name, None)
    finished: list[bool] = []
    preload.preload_in_slices(
        (name, "satellitkontor.gui.no_such_module"), start_ms=0, done=lambda: finished.append(True)
    )
    assert name not in sys.modules  # nothing happens before the event loop turns
    qtbot.waitUntil(lambda: bool(finished), timeout=5_000)
    assert name in sys.modules
    if before is not None:  # the rest of the run keeps the classes it already holds
        sys.modules[name] = before
