"""Import the administration's modules (and Boka plats' booking dialog) while the window is idle, one module at a time.

The same slices import the start view's modules right after the window's first frame
(:data:`VIEW_MODULES`, gui/main_window.py ``build_start_view``).

Issue 18: the first open of an administration page imported its module and everything under it
on the GUI thread (the Kalendrar page with its four boxes and their dialogs, 40+ ms; all pages
with the view ~120 ms), which made a 20 ms timer up to 110 ms late. Once an admin's office has
loaded and the day's desks are shown, :func:`preload_admin` imports those modules one per event
loop turn (``QTimer.singleShot``), leaves before branches, so no single turn is long and the
window paints and answers in between. A module already imported costs nothing; a name that no
longer exists is skipped (tests/gui/test_preload.py keeps the list true).

Once the last module is in, what the imports made (classes, functions, module dicts: alive as long
as the app) is frozen out of the cycle collector's way (``gc.freeze``, nothing collected), as the
app does once its window is up and its office has loaded (``settle_memory`` in gui/app.py). Without
it the next full collection walked all of it on the GUI thread: 86 ms in one turn while an
administration page opened (issue 18, measured in tests/gui/test_responsiveness.py).
"""

from __future__ import annotations

import gc
import importlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QTimer

log = logging.getLogger(__name__)

_GUI = "satellitkontor.gui."

#: Leaves first (dialogs, widgets, models), then the boxes, the pages and the view that use them.
ADMIN_MODULES: tuple[str, ...] = tuple(
    _GUI + name
    for name in (
        "widgets.row_table",
        "widgets.confirm_buttons",
        "dialogs.form_dialog",
        "dialogs.resource_dialog",
        "widgets.plan_editor",
        "models.resources_model",
        "views.admin.resources_page",
        "dialogs.person_dialog",
        "models.people_model",
        "views.admin.people_page",
        "dialogs.closure_dialog",
        "models.closures_model",
        "views.admin.closures_page",
        "views.admin.rules_page",
        "widgets.bar_chart",
        "widgets.heat_map",
        "widgets.chart_files",
        "models.usage_model",
        "models.room_stats_model",
        "views.admin.statistics_page",
        "dialogs.feed_url_dialog",
        "dialogs.publish_feed_dialog",
        "dialogs.save_feed_dialog",
        "models.published_feeds_model",
        "views.admin.feeds_box",
        "dialogs.import_dialog",
        "models.import_places",
        "views.admin.calendar_import_box",
        "views.admin.settings_box",
        "views.admin.exchange_box",
        "views.admin.mail_box",
        "views.admin.integrations_page",
        "models.audit_model",
        "views.admin.audit_page",
        "views.admin.privacy_page",
        "views.admin_view",
    )
)

#: Boka plats' booking dialog and what it uses (issue 18: 65 ms of imports before the window showed
#: when the book view imported it at the top), preloaded for everyone once the office has opened.
BOOKING_MODULES: tuple[str, ...] = tuple(
    _GUI + name
    for name in (
        "dialogs.series_preview",
        "widgets.guest_fields",
        "widgets.person_chooser",
        "widgets.recurrence_editor",
        "dialogs.booking_dialog",
        "widgets.fair_rules_label",
        "dialogs.desk_booking_dialog",
    )
)

#: The start view's own modules, leaves first, imported one per turn after the first frame
#: (MainWindow.build_start_view); the view's module itself comes last. Boka plats' imports took
#: ~40 ms in one piece.
VIEW_MODULES: dict[str, tuple[str, ...]] = {
    "book": (
        "satellitkontor.domain.bookings",
        "satellitkontor.services.results",
        _GUI + "models.desk_day_model",
        _GUI + "widgets.date_navigator",
        _GUI + "widgets.floor_plan",
        _GUI + "widgets.row_table",
        _GUI + "widgets.waitlist_widgets",
    ),
}

#: Wait this long after the office has opened before the first import: the day's desks paint first.
START_MS = 1000


def preload_in_slices(
    modules: tuple[str, ...], *, start_ms: int = START_MS, done: Callable[[], None] | None = None
) -> None:
    """Import ``modules`` one per event-loop turn, starting ``start_ms`` from now."""
    left = list(modules)

    def step() -> None:
        if not left:
            gc.freeze()  # see the module docstring
            if done is not None:
                done()
            return
        name = left.pop(0)
        try:
            importlib.import_module(name)
        except ImportError as exc:  # renamed: the page imports it itself when first opened
            log.warning("preload: %s not imported: %s", name, exc)
        QTimer.singleShot(0, step)

    QTimer.singleShot(start_ms, step)


_admin_started = False
_booking_started = False


def preload_booking() -> None:
    """:data:`BOOKING_MODULES`, once, as the module docstring says (any user may book)."""
    global _booking_started
    if not _booking_started:
        _booking_started = True
        preload_in_slices(BOOKING_MODULES)


def preload_admin(is_admin: bool) -> None:
    """As the module docstring says, for an admin (only an admin sees the administration); once."""
    global _admin_started
    if is_admin and not _admin_started:
        _admin_started = True
        preload_in_slices(ADMIN_MODULES)
