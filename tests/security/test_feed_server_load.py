"""The feed server under hostile load (issue 20, item 11): HTTP/9.9 gets a real 505, and
hundreds of connections that never send a request cost neither a thread each nor the answer
to the next client."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.feeds_server.server import FeedServer
from satellitkontor.services.feeds.publishing import feed_path
from tests.conftest import Office
from tests.integrations.feed_server_helpers import raw_exchange, request

HALF_OPEN = 600


@pytest.fixture
def served(sqlite_office: Office) -> Iterator[tuple[FeedServer, str]]:
    o = sqlite_office
    published = o.services.feed_publishing.publish(
        o.admin.id, FeedSpec(FeedKind.OFFICE, None), Privacy.PUBLIC
    )
    server = FeedServer(o.services, port=0, max_concurrent=4).start()
    try:
        yield server, server.url + feed_path(published.token)
    finally:
        server.close()


def test_http_9_9_gets_505_with_a_status_line(served: tuple[FeedServer, str]) -> None:
    server, _url = served
    answer = raw_exchange(server.url, "GET /feeds/x.ics HTTP/9.9\r\nHost: x\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 505 "), answer[:80]


def test_half_open_connections_cost_no_thread_each_and_the_next_client_is_answered(
    served: tuple[FeedServer, str],
) -> None:
    _server, url = served
    threads_before = threading.active_count()
    host, port = url.split("//")[1].split("/")[0].split(":")
    silent = []
    try:
        for _ in range(HALF_OPEN):
            silent.append(socket.create_connection((host, int(port)), timeout=5))
        time.sleep(1.0)  # let the server accept them all
        grown = threading.active_count() - threads_before
        started = time.monotonic()
        reply = request(url)
        waited = time.monotonic() - started
    finally:
        for sock in silent:
            sock.close()
    assert grown < 20, f"{grown} new threads for {HALF_OPEN} silent connections"
    assert reply.status in (200, 503) and waited < 5, (reply.status, waited)
