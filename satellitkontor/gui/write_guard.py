"""Read-only while the database cannot be reached: what writes (or must load) is disabled.

A view registers its buttons and actions that need the database (``ctx.needs_connection(button,
action, …)``: booking, cancelling, checking in, admin edits, and moving to another day or week,
which would leave the old data under a new date) and goes on enabling and disabling them by its
own rules (a desk selected, a booking that can be cancelled). While the app is offline the guard
keeps them disabled and remembers what the view wanted, so that when the database is back each
is as the view wants it. Widgets are watched through an event filter on ``EnabledChange``
(``setEnabled`` is not virtual), actions through ``enabledChanged``; the view's wish when the
block starts is read from ``WA_ForceDisabled``, which a disabled parent does not set.

One limit: a view that *disables* a blocked item is not seen (Qt says nothing when nothing
changes), so the item may come back enabled. The reload every view does when the database is
back sets each item right again.

While blocked, an item's tooltip says why; the banner in the main window says the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

if TYPE_CHECKING:
    from satellitkontor.gui.context import AppContext

_WANTED = "_satellitkontorWantsEnabled"
_TOOLTIP = "_satellitkontorTooltip"


def offline_tooltip() -> str:
    return QCoreApplication.translate(
        "WriteGuard", "Går inte just nu: programmet har ingen kontakt med databasen."
    )


class WriteGuard(QObject):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self._items: list[QWidget | QAction] = []
        self._forcing = False
        ctx.online_changed.connect(self._online_changed)

    def add(self, *items: QWidget | QAction) -> None:
        for item in items:
            if item in self._items:
                continue
            self._items.append(item)
            item.destroyed.connect(lambda _obj=None, it=item: self._forget(it))
            if isinstance(item, QAction):
                item.enabledChanged.connect(lambda _on, it=item: self._changed_by_owner(it))
            else:
                item.installEventFilter(self)
            if not self.ctx.online:
                self._block(item)

    def blocked(self, item: QWidget | QAction) -> bool:
        return item.property(_WANTED) is not None

    # --- keeping them disabled -------------------------------------------------------------------
    def _forget(self, item: QWidget | QAction) -> None:
        self._items = [i for i in self._items if i is not item]

    def _online_changed(self, online: bool) -> None:
        self._items = [i for i in self._items if isValid(i)]
        for item in self._items:
            if online:
                self._release(item)
            else:
                self._block(item)

    def _block(self, item: QWidget | QAction) -> None:
        if self.blocked(item):
            return
        item.setProperty(_WANTED, _wants_enabled(item))
        item.setProperty(_TOOLTIP, item.toolTip())
        item.setToolTip(offline_tooltip())
        self._set(item, False)

    def _release(self, item: QWidget | QAction) -> None:
        wanted = item.property(_WANTED)
        if wanted is None:
            return
        item.setProperty(_WANTED, None)
        item.setToolTip(str(item.property(_TOOLTIP) or ""))
        item.setProperty(_TOOLTIP, None)
        self._set(item, bool(wanted))

    def _set(self, item: QWidget | QAction, enabled: bool) -> None:
        self._forcing = True
        try:
            item.setEnabled(enabled)
        finally:
            self._forcing = False

    def _changed_by_owner(self, item: QWidget | QAction) -> None:
        """The view enabled or disabled a blocked item: remember it, keep it disabled."""
        if self._forcing or not self.blocked(item):
            return
        item.setProperty(_WANTED, _wants_enabled(item))
        if item.isEnabled():
            self._set(item, False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget):
            self._changed_by_owner(watched)
        return False


def _wants_enabled(item: QWidget | QAction) -> bool:
    if isinstance(item, QAction):
        return item.isEnabled()
    return not item.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled)
