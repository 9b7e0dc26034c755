"""Fixtures: the fake mailboxes, the fake EWS server and fake Graph, and a backend talking to each.

``harness`` runs a test once per backend (EWS over HTTP on 127.0.0.1, Graph over the fake's
transport), so the contract suite states one behaviour for both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from satellitkontor.integrations.exchange.backend import CalendarBackend
from satellitkontor.integrations.exchange.settings import EwsSettings, GraphSettings
from tests.integrations.exchange.fake_ews import FakeEws
from tests.integrations.exchange.fake_store import FakeExchange

SERVICE = "svc@umea.se"
ANNA = "anna@umea.se"
BERTIL = "bertil@umea.se"
ROOM = "konferensrum@umea.se"
DESKS = "satellitkontoretbokningar@umea.se"
USER = "svc"
PASSWORD = "Hemligt-4711-Renmark"
CLIENT_ID = "satellitkontor-app"

#: Short bounds so failures end quickly: one request waits at most TIMEOUT, back-offs at most MAX_WAIT.
TIMEOUT = 1.5
MAX_WAIT = 1.5


@pytest.fixture
def store() -> FakeExchange:
    fake = FakeExchange()
    for email, name in ((SERVICE, "Synkkonto"), (ANNA, "Anna Andersson"), (BERTIL, "Bertil Berg")):
        fake.add_mailbox(email, name)
    fake.add_mailbox(ROOM, "Konferensrummet", kind="room")
    fake.add_mailbox(DESKS, "Satellitkontoret kontorsplatser", kind="desk")
    fake.room_lists["satellitkontoret-rum@umea.se"] = [ROOM, DESKS]
    return fake


@pytest.fixture
def ews_server(store: FakeExchange) -> Iterator[FakeEws]:
    with FakeEws(store, users={USER: (PASSWORD, SERVICE)}) as server:
        yield server


def ews_settings(url: str, **overrides: Any) -> EwsSettings:
    base = EwsSettings(
        url=url,
        account=SERVICE,
        username=USER,
        password=PASSWORD,
        auth="basic",
        access="impersonation",
        timeout=TIMEOUT,
        max_wait=MAX_WAIT,
        desk_mailboxes=(DESKS,),
    )
    return replace(base, **overrides)


@dataclass
class Harness:
    """A backend, the fake it talks to, and how to make the fake fail."""

    kind: str
    store: FakeExchange
    backend: CalendarBackend
    ops: dict[str, str]
    make: Callable[..., CalendarBackend]  # another backend of the same kind, settings overridden
    made: list[CalendarBackend]
    fake: Any = None  # the FakeGraph (Graph only): sign-ins, issued tokens, property ids

    def fail(self, kind: str, op: str | None = None, **how: Any) -> None:
        self.store.fail(kind, operation=self.ops[op] if op else None, **how)

    def requests(self, op: str | None = None) -> int:
        return self.store.count(self.ops[op] if op else None)

    def other(self, **overrides: Any) -> Any:  # Any: tests reach into backend-specific parts
        backend = self.make(**overrides)
        self.made.append(backend)
        return backend


EWS_OPS = {
    "create": "CreateItem",
    "update": "UpdateItem",
    "delete": "DeleteItem",
    "find": "FindItem",
    "pull": "SyncFolderItems",
    "status": "GetItem",
    "connect": "GetFolder",
    "free_busy": "GetUserAvailabilityRequest",
}


def _ews_harness(store: FakeExchange, server: FakeEws) -> Harness:
    from satellitkontor.integrations.exchange.ews_backend import EwsBackend

    def make(**overrides: Any) -> CalendarBackend:
        return EwsBackend(ews_settings(server.url, **overrides))

    return Harness("ews", store, make(), EWS_OPS, make, [])


def _graph_harness(store: FakeExchange, tmp_path: Path) -> Harness:
    from tests.integrations.exchange.fake_graph import GRAPH_OPS, FakeGraph, graph_backend

    fake = FakeGraph(store, client_id=CLIENT_ID, client_secret=PASSWORD, users={SERVICE: PASSWORD})

    def make(**overrides: Any) -> CalendarBackend:
        return graph_backend(fake, tmp_path, **overrides)

    return Harness("graph", store, make(), GRAPH_OPS, make, [], fake)


def close_all(harness: Harness) -> None:
    for backend in (harness.backend, *harness.made):
        backend.close()
        client = getattr(backend, "_test_client", None)
        if client is not None:
            client.close()


@pytest.fixture(params=["ews", "graph"])
def harness(request: pytest.FixtureRequest, store: FakeExchange, tmp_path: Path) -> Iterator[Harness]:
    if request.param == "ews":
        with FakeEws(store, users={USER: (PASSWORD, SERVICE)}) as server:
            h = _ews_harness(store, server)
            yield h
            close_all(h)
    else:
        h = _graph_harness(store, tmp_path)
        yield h
        close_all(h)


@pytest.fixture
def ews(store: FakeExchange, ews_server: FakeEws) -> Iterator[Harness]:
    h = _ews_harness(store, ews_server)
    yield h
    close_all(h)


@pytest.fixture
def graph(store: FakeExchange, tmp_path: Path) -> Iterator[Harness]:
    h = _graph_harness(store, tmp_path)
    yield h
    close_all(h)


def graph_settings_for(tmp_path: Path, **overrides: Any) -> GraphSettings:
    base = GraphSettings(
        tenant_id="umea-tenant",
        client_id=CLIENT_ID,
        client_secret=PASSWORD,
        token_cache=tmp_path / "graph-token-cache.json",
        timeout=TIMEOUT,
        max_wait=MAX_WAIT,
        max_retries=3,
        desk_mailboxes=(DESKS,),
    )
    return replace(base, **overrides)
