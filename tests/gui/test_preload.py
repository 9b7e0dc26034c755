"""The administration's modules are imported while the window is idle (gui/preload.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from pytestqt.qtbot import QtBot

from satellitkontor.gui import preload


def test_every_listed_module_exists() -> None:
    listed = preload.ADMIN_MODULES + preload.BOOKING_MODULES + sum(preload.VIEW_MODULES.values(), ())
    missing = [name for name in listed if importlib.util.find_spec(name) is None]
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


def test_the_start_view_leaves_the_booking_dialog_for_later() -> None:
    """Boka plats, the view the window opens in, imports the booking dialog on the first booking
    (it is preloaded once the office has opened), not before the window shows (issue 18)."""
    code = (
        "import sys; import satellitkontor.gui.views.book_view; "
        "print(sorted(m for m in preload if m in sys.modules))"
    ).replace("preload", repr(preload.BOOKING_MODULES[-3:]))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
