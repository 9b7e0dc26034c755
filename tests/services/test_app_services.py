"""The services of one office are made when first used, or when the app asks for some by name
(the desktop app makes its start view's on the opening worker, the rest later: gui/app.py)."""

from __future__ import annotations

import pytest

from satellitkontor.services.app_services import open_office
from satellitkontor.storage.database import sqlite_url
from tests.conftest import MovableClock


def test_a_new_office_has_made_only_what_opening_it_needed(tmp_path, clock: MovableClock) -> None:  # type: ignore[no-untyped-def]
    services = open_office(sqlite_url(tmp_path / "office.sqlite3"), clock=clock)
    try:
        unmade = set(services.unmade())
        assert {"statistics", "audit", "exchange", "notices", "ical_import"} <= unmade
        services.load(("occupancy", "audit"))
        assert not {"occupancy", "audit"} & set(services.unmade())
        assert "statistics" in services.unmade()
        services.load_all()
        assert services.unmade() == ()
        assert services.audit is services.audit  # made once
    finally:
        services.close()


def test_an_unknown_service_name_is_refused(tmp_path, clock: MovableClock) -> None:  # type: ignore[no-untyped-def]
    services = open_office(sqlite_url(tmp_path / "office.sqlite3"), clock=clock)
    try:
        with pytest.raises(AttributeError, match="no_such"):
            services.load(("occupancy", "no_such"))
        with pytest.raises(AttributeError):
            services.load(("db",))  # an attribute, but not a service
    finally:
        services.close()
