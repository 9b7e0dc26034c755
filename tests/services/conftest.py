"""A faster ``sqlite_office`` for the service tests.

Most service tests run on SQLite only, and building the office (schema, default desks, five
people) is most of their cost. Here it is built once per session with the shared
``make_office`` and copied into each test's own file, so every test still gets a fresh database
that is identical to what ``tests.conftest.sqlite_office`` would give.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from satellitkontor.services.app_services import open_office
from satellitkontor.storage.database import sqlite_url
from tests.conftest import NOW, MovableClock, Office, make_office


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Office]:
    path = tmp_path_factory.mktemp("template") / "office.sqlite3"
    office = make_office(sqlite_url(path), MovableClock(NOW))
    office.services.db.dispose()  # the last connection checkpoints the WAL into the file
    return path, office


@pytest.fixture
def sqlite_office(
    _sqlite_template: tuple[Path, Office], tmp_path: Path, clock: MovableClock
) -> Iterator[Office]:
    template, people_and_places = _sqlite_template
    path = tmp_path / "office.sqlite3"
    shutil.copyfile(template, path)
    wal = template.with_name(template.name + "-wal")
    if wal.exists():  # not checkpointed after all: the copy needs it
        shutil.copyfile(wal, path.with_name(path.name + "-wal"))
    services = open_office(sqlite_url(path), clock=clock)
    assert services.upgrade is not None and not services.upgrade.created
    office = dataclasses.replace(people_and_places, services=services, clock=clock)
    yield office
    services.db.dispose()
