"""Administration (admins only): one tab per page in ``views/admin/``."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.views.base import ViewBase

if TYPE_CHECKING:
    from satellitkontor.gui.views.admin.audit_page import AuditPage
    from satellitkontor.gui.views.admin.closures_page import ClosuresPage
    from satellitkontor.gui.views.admin.integrations_page import IntegrationsPage
    from satellitkontor.gui.views.admin.people_page import PeoplePage
    from satellitkontor.gui.views.admin.privacy_page import PrivacyPage
    from satellitkontor.gui.views.admin.resources_page import ResourcesPage
    from satellitkontor.gui.views.admin.rules_page import RulesPage
    from satellitkontor.gui.views.admin.statistics_page import StatisticsPage

    AdminPage: TypeAlias = (
        ResourcesPage
        | PeoplePage
        | ClosuresPage
        | RulesPage
        | StatisticsPage
        | IntegrationsPage
        | AuditPage
        | PrivacyPage
    )

#: key, the page's module in ``views/admin/`` and class, and its title: the words of the page's
#: own ``page_title`` (``self.tr`` there, so the translation is found in the page class's
#: context). A page's module is imported when the page is first made: importing all eight with
#: the view kept the GUI thread busy ~120 ms (issue 18).
_PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("resources", "resources_page", "ResourcesPage", "Platser"),
    ("people", "people_page", "PeoplePage", "Personer"),
    ("closures", "closures_page", "ClosuresPage", "Stängda dagar"),
    ("rules", "rules_page", "RulesPage", "Bokningsregler"),
    ("statistics", "statistics_page", "StatisticsPage", "Statistik"),
    ("integrations", "integrations_page", "IntegrationsPage", "Kalendrar"),
    ("audit", "audit_page", "AuditPage", "Ändringslogg"),
    ("privacy", "privacy_page", "PrivacyPage", "Personuppgifter"),
)


class _Pages(Mapping[str, "AdminPage"]):
    """The pages by key; a page is made the first time it is asked for (or its tab shown)."""

    def __init__(self, view: AdminView) -> None:
        self._view = view

    def __getitem__(self, key: str) -> AdminPage:
        return self._view.page(key)

    def __iter__(self) -> Iterator[str]:
        return iter(key for key, _module, _cls, _title in _PAGES)

    def __len__(self) -> int:
        return len(_PAGES)


class AdminView(ViewBase):
    """The tabs are there at once; each page is made when its tab is first shown. Making all
    eight at once kept the GUI thread busy for 0.6-1.7 s on a busy machine when the view first
    opened (issue 18)."""

    key = "admin"
    audience = "admin"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        self.tabs.setAccessibleName(self.tr("Administration"))
        self._made: dict[str, AdminPage] = {}
        self._deferred = False  # a refresh waits for the next turn to make its page
        for _key, _module, cls, title in _PAGES:
            self.tabs.addTab(QWidget(), QCoreApplication.translate(cls, title))
        self.pages: Mapping[str, AdminPage] = _Pages(self)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        QVBoxLayout(self).addWidget(self.tabs)

    def page(self, key: str) -> AdminPage:
        """The page ``key``, made now if it was not yet (it takes the place of its tab's stand-in)."""
        made = self._made.get(key)
        if made is not None:
            return made
        index, module, cls = next((i, m, c) for i, (k, m, c, _t) in enumerate(_PAGES) if k == key)
        page: AdminPage = getattr(importlib.import_module(f"satellitkontor.gui.views.admin.{module}"), cls)(
            self.ctx
        )
        self._made[key] = page
        current = self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)
        try:
            stand_in = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, page.page_title())
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        if stand_in is not None:
            stand_in.deleteLater()
        return page

    def view_title(self) -> str:
        return self.tr("Administration")

    def refresh(self) -> None:
        index = self.tabs.currentIndex()
        if index < 0 or not self.ctx.is_admin:
            return
        key = _PAGES[index][0]
        if key not in self._made and not self._deferred:
            # A page not yet made is made in the next event-loop turn, not in the one that made
            # or showed the view (the app starting into the administration did both at once: 55-90
            # ms of the GUI thread; issue 18).
            self._deferred = True
            QTimer.singleShot(0, lambda: self._refresh_deferred())
            return
        self.page(key).refresh()

    def _refresh_deferred(self) -> None:
        self._deferred = False
        index = self.tabs.currentIndex()
        if index >= 0 and self.ctx.is_admin:
            self.page(_PAGES[index][0]).refresh()  # the current tab's page, as it is now
