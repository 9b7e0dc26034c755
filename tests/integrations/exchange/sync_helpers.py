"""An office, the fake EWS server and a SyncService wired together for the sync tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from satellitkontor.domain import clock as clk
from satellitkontor.integrations.exchange.backend import CalendarBackend
from satellitkontor.services.exchange.config import ExchangeConfig, make_backend
from satellitkontor.services.exchange.sync import SyncService
from satellitkontor.storage.database import sqlite_url
from tests.conftest import MONDAY, MovableClock, Office, make_office
from tests.integrations.exchange.conftest import MAX_WAIT, PASSWORD, SERVICE, TIMEOUT, USER
from tests.integrations.exchange.fake_ews import FakeEws
from tests.integrations.exchange.fake_store import FakeExchange

ROOM_MAILBOX = "konferensrummet@umea.se"
DESK_MAILBOX = "plats1@umea.se"
ANNA = "anna.andersson@umea.se"
BERTIL = "bertil.oberg@vindeln.se"
TUESDAY = MONDAY + timedelta(days=1)


def local(hour: int, minute: int = 0, day: object = TUESDAY) -> datetime:
    return clk.local(day, time(hour, minute))  # type: ignore[arg-type]


def config_for(url: str, **overrides: object) -> ExchangeConfig:
    base = ExchangeConfig(
        enabled=True,
        backend="ews",
        url=url,
        account=SERVICE,
        username=USER,
        auth="basic",
        version="2019",
        access="impersonation",
        mailboxes=(("Konferensrummet", ROOM_MAILBOX), ("Plats 1", DESK_MAILBOX)),
        desk_mode="invite",
        fallback_person="rut@umea.se",
        retry_base_seconds=30.0,
        retry_cap_seconds=3600.0,
        timeout=TIMEOUT,
        max_wait=MAX_WAIT,
    )
    from dataclasses import replace

    return replace(base, **overrides)  # type: ignore[arg-type]


@dataclass
class Synced:
    office: Office
    store: FakeExchange
    server: Any  # FakeEws, or the FakeGraph
    sync: SyncService
    backend: CalendarBackend
    db_file: Path

    @property
    def clock(self) -> MovableClock:
        return self.office.clock

    def run(self) -> object:
        return self.sync.run(self.backend)

    def room_booking(self, start: int = 9, end: int = 10, who: object = None) -> object:
        o = self.office
        person = who or o.anna
        return o.services.booking.book_room(person.id, o.room.id, local(start), local(end), 4, "Planering")  # type: ignore[attr-defined]


def fake_store() -> FakeExchange:
    store = FakeExchange()
    store.add_mailbox(SERVICE, "Synkkonto")
    for email, name in ((ANNA, "Anna Andersson"), (BERTIL, "Bertil Öberg"), ("rut@umea.se", "Rut")):
        store.add_mailbox(email, name)
    store.add_mailbox(ROOM_MAILBOX, "Konferensrummet", kind="room")
    store.add_mailbox(DESK_MAILBOX, "Plats 1", kind="desk")
    return store


def synced_office(tmp_path: Path, clock: MovableClock, kind: str = "ews") -> Iterator[Synced]:
    """The body of each sync test file's ``synced`` fixture (``kind``: ews or graph)."""
    if kind == "graph":
        yield from _graph_office(tmp_path, clock)
        return
    store = fake_store()
    db_file = tmp_path / "office.db"
    office = make_office(sqlite_url(db_file), clock)
    with FakeEws(store, users={USER: (PASSWORD, SERVICE)}) as server:
        sync = office.services.exchange
        config = sync.save_config(office.admin.id, config_for(server.url))
        backend = make_backend(config, PASSWORD, sync.desk_mailboxes(config))
        try:
            yield Synced(office, store, server, sync, backend, db_file)
        finally:
            backend.close()
            office.services.db.dispose()


def _graph_office(tmp_path: Path, clock: MovableClock) -> Iterator[Synced]:
    from tests.integrations.exchange.conftest import CLIENT_ID
    from tests.integrations.exchange.fake_graph import FakeGraph, graph_backend

    store = fake_store()
    db_file = tmp_path / "office.db"
    office = make_office(sqlite_url(db_file), clock)
    fake = FakeGraph(store, client_id=CLIENT_ID, client_secret=PASSWORD, users={SERVICE: PASSWORD})
    sync = office.services.exchange
    config = sync.save_config(
        office.admin.id,
        config_for("", backend="graph", tenant_id="umea-tenant", client_id=CLIENT_ID, username=""),
    )
    backend = graph_backend(fake, tmp_path, clock=clock, desk_mailboxes=sync.desk_mailboxes(config))
    try:
        yield Synced(office, store, fake, sync, backend, db_file)
    finally:
        backend.close()
        backend._test_client.close()  # type: ignore[attr-defined]
        office.services.db.dispose()
