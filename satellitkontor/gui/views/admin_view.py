"""Administration (admins only): one tab per page in ``views/admin/``."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from satellitkontor.gui.context import AppContext
from satellitkontor.gui.views.admin.audit_page import AuditPage
from satellitkontor.gui.views.admin.closures_page import ClosuresPage
from satellitkontor.gui.views.admin.integrations_page import IntegrationsPage
from satellitkontor.gui.views.admin.people_page import PeoplePage
from satellitkontor.gui.views.admin.privacy_page import PrivacyPage
from satellitkontor.gui.views.admin.resources_page import ResourcesPage
from satellitkontor.gui.views.admin.rules_page import RulesPage
from satellitkontor.gui.views.admin.statistics_page import StatisticsPage
from satellitkontor.gui.views.base import ViewBase


class AdminView(ViewBase):
    key = "admin"
    audience = "admin"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        self.tabs.setAccessibleName(self.tr("Administration"))
        self.pages: dict[
            str,
            ResourcesPage
            | PeoplePage
            | ClosuresPage
            | RulesPage
            | StatisticsPage
            | IntegrationsPage
            | AuditPage
            | PrivacyPage,
        ] = {
            "resources": ResourcesPage(ctx),
            "people": PeoplePage(ctx),
            "closures": ClosuresPage(ctx),
            "rules": RulesPage(ctx),
            "statistics": StatisticsPage(ctx),
            "integrations": IntegrationsPage(ctx),
            "audit": AuditPage(ctx),
            "privacy": PrivacyPage(ctx),
        }
        for page in self.pages.values():
            self.tabs.addTab(page, page.page_title())
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        QVBoxLayout(self).addWidget(self.tabs)

    def view_title(self) -> str:
        return self.tr("Administration")

    def refresh(self) -> None:
        page = self.tabs.currentWidget()
        if page is not None and self.ctx.is_admin:
            page.refresh()  # type: ignore[attr-defined]
