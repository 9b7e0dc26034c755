"""The office's privacy settings and retention (domain/privacy.py, services/privacy/retention.py).

Only admins change the settings or run retention; each change writes one audit entry
(``settings.visibility``, ``settings.retention``, ``retention.apply``).

A preview of retention (a dry run) only counts, in one read transaction: it takes no write lock
and leaves nothing behind (not even an audit entry), and reports what ``apply`` would change at
that moment. ``apply`` works in short transactions (services/privacy/retention.py), so other PCs
keep booking while it runs. Before, the preview was the real run rolled back: on a 20-year office
it held SQLite's write lock for over a minute and other PCs' bookings failed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain.privacy import PrivacySettings, retention_cutoff
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import Service, require_admin
from satellitkontor.services.privacy import retention
from satellitkontor.services.privacy.results import RetentionReport
from satellitkontor.storage.queries import common as queries
from satellitkontor.storage.queries import privacy as privacy_queries


class PrivacyService(Service):
    # --- settings -----------------------------------------------------------------------------
    def settings(self) -> PrivacySettings:
        with self.db.session() as s:
            return privacy_queries.load_privacy(s)

    def set_visibility(self, actor_id: int | None, names_to_users: bool) -> PrivacySettings:
        """Whether ordinary users see other people's names and meeting titles."""
        return self._update(actor_id, "settings.visibility", names_to_users=bool(names_to_users))

    def set_retention(
        self, actor_id: int | None, *, months: int | None = None, on_start: bool | None = None
    ) -> PrivacySettings:
        """The retention limit in months and whether the app runs retention on start."""
        changes: dict[str, Any] = {}
        if months is not None:
            changes["retention_months"] = months
        if on_start is not None:
            changes["retention_on_start"] = bool(on_start)
        return self._update(actor_id, "settings.retention", **changes)

    def _update(self, actor_id: int | None, action: str, **changes: Any) -> PrivacySettings:
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "update_privacy")
            old = privacy_queries.load_privacy(s)
            new = old.with_changes(**changes)
            if new == old:
                return old
            now = self.now()
            queries.save_setting(s, privacy_queries.SETTINGS_KEY, new.to_dict(), now)
            audit.record_change(
                s,
                at=now,
                actor=actor,
                action=action,
                entity="settings",
                entity_id=privacy_queries.SETTINGS_KEY,
                before={k: getattr(old, k) for k in changes},
                after={k: getattr(new, k) for k in changes},
            )
            return new

    # --- retention ----------------------------------------------------------------------------
    def retention(self, actor_id: int | None, *, apply: bool = False) -> RetentionReport:
        """What retention removes now; with ``apply`` it removes it (see services/privacy/retention.py)."""
        with self.db.session() as s:
            require_admin(s, actor_id, "apply_retention")
            cutoff = self._cutoff(s)
            if not apply:
                return retention.preview(s, cutoff=cutoff)
        report = retention.apply(self.db, now=self.now(), cutoff=cutoff, actor_id=actor_id, automatic=False)
        _remove_leftovers()
        return _with_log(report, privacy_queries.checkpoint(self.db))

    def retention_on_start(self) -> RetentionReport | None:
        """Retention by nobody in particular, when the office has turned it on; None when it is
        off. The desktop app's start does the same, off the GUI thread, with the setting read
        through SQLAlchemy Core (``AppServices.retention_on_start``)."""
        _remove_leftovers()  # on every start: copies a killed restore left hold personal data
        with self.db.session() as s:  # a read: no write lock on every start
            if not privacy_queries.load_privacy(s).retention_on_start:
                return None
        return self.apply_on_start()

    def apply_on_start(self) -> RetentionReport:
        """The run of ``retention_on_start`` once its caller has found the setting on (the app
        reads it through SQLAlchemy Core: ``AppServices.retention_on_start``)."""
        with self.db.session() as s:
            cutoff = self._cutoff(s)
        report = retention.apply(self.db, now=self.now(), cutoff=cutoff, actor_id=None, automatic=True)
        if report.nothing_to_do:
            return report
        return _with_log(report, privacy_queries.checkpoint(self.db))

    def _cutoff(self, s: Session) -> date:
        months = privacy_queries.load_privacy(s).retention_months
        return retention_cutoff(clk.local_date(self.now()), months)


def _remove_leftovers() -> None:
    """Copies of the office that a killed restore left in the temporary folder (storage/backup.py)."""
    from satellitkontor.storage.backup import remove_leftovers

    remove_leftovers()


def _with_log(report: RetentionReport, cleared: bool | None) -> RetentionReport:
    return replace(report, log_cleared=cleared)
