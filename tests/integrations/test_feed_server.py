"""The feed server as a calendar program meets it: a real server on 127.0.0.1 (a free port), real
SQLite files, real HTTP. What a subscriber notices: the feed, the 304s that keep polling cheap,
the 404 that says nothing about revoked URLs, and a server that survives a lost database and
clients that hang up."""

from __future__ import annotations

import logging
import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.feeds_server.server import FeedServer
from satellitkontor.services.app_services import AppServices, open_office
from satellitkontor.services.feeds.publishing import feed_path
from satellitkontor.storage.database import sqlite_url
from tests.conftest import MONDAY, MovableClock, Office, make_office
from tests.integrations.feed_server_helpers import raw_exchange, request

TUESDAY = MONDAY + timedelta(days=1)


@dataclass
class Served:
    office: Office
    server: FeedServer
    token: str
    feed_id: int

    def url(self, token: str | None = None) -> str:
        return self.server.url + feed_path(token or self.token)


def _start(office: Office) -> tuple[FeedServer, str, int]:
    o = office
    o.services.booking.book_desk(o.anna.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    published = o.services.feed_publishing.publish(
        o.admin.id, FeedSpec(FeedKind.OFFICE), Privacy.INTERNAL, "Hela kontoret"
    )
    server = FeedServer(o.services, "127.0.0.1", 0).start()
    return server, published.token, published.view.id


@pytest.fixture
def served(sqlite_office: Office) -> Iterator[Served]:
    server, token, feed_id = _start(sqlite_office)
    try:
        yield Served(sqlite_office, server, token, feed_id)
    finally:
        server.close()


def _events(body: bytes) -> list[str]:
    cal = Calendar.from_ical(body)
    return [str(e.get("SUMMARY")) for e in cal.walk("VEVENT")]


def test_a_published_feed_is_served_as_a_calendar(served: Served) -> None:
    reply = request(served.url())
    assert reply.status == 200
    assert reply.header("Content-Type") == "text/calendar; charset=utf-8"
    assert reply.header("Transfer-Encoding") == "chunked"
    assert reply.header("Cache-Control") == "private, max-age=300"
    assert reply.header("Content-Disposition") == (f'inline; filename="hela-kontoret-{served.token[:6]}.ics"')
    etag = reply.header("ETag")
    assert etag is not None and etag.startswith('"') and etag.endswith('"') and len(etag) > 2
    assert parsedate_to_datetime(reply.header("Last-Modified") or "") is not None
    summaries = _events(reply.body)
    assert any("Anna Andersson" in s for s in summaries), summaries  # internal: names are shown
    assert reply.body.decode("utf-8").startswith("BEGIN:VCALENDAR")


def test_an_unchanged_etag_gets_304_without_a_body(served: Served) -> None:
    first = request(served.url())
    etag = first.header("ETag")
    assert etag is not None
    for value in (etag, f'"nope", {etag}', "*", f"W/{etag}"):
        reply = request(served.url(), headers={"If-None-Match": value})
        assert reply.status == 304, value
        assert reply.body == b""
        assert reply.header("ETag") == etag
    assert request(served.url(), headers={"If-None-Match": '"something-else"'}).status == 200


def test_a_changed_booking_gives_a_new_etag_and_the_new_feed(served: Served) -> None:
    o = served.office
    first = request(served.url())
    old = first.header("ETag")
    o.clock.advance(minutes=5)
    o.services.booking.book_desk(o.bertil.id, o.desk(4).id, TUESDAY, DeskPeriod.MORNING)
    reply = request(served.url(), headers={"If-None-Match": old or ""})
    assert reply.status == 200
    assert reply.header("ETag") not in (None, old)
    assert any("Bertil Öberg" in s for s in _events(reply.body))
    assert not any("Bertil Öberg" in s for s in _events(first.body))
    again = request(served.url(), headers={"If-None-Match": reply.header("ETag") or ""})
    assert again.status == 304


def test_if_modified_since_gets_304_until_the_feed_changes(served: Served) -> None:
    first = request(served.url())
    last_modified = first.header("Last-Modified") or ""
    assert request(served.url(), headers={"If-Modified-Since": last_modified}).status == 304
    earlier = format_datetime(parsedate_to_datetime(last_modified) - timedelta(seconds=1), usegmt=True)
    assert request(served.url(), headers={"If-Modified-Since": earlier}).status == 200
    assert request(served.url(), headers={"If-Modified-Since": "not a date"}).status == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110 13.1.3)
    both = {"If-None-Match": '"other"', "If-Modified-Since": last_modified}
    assert request(served.url(), headers=both).status == 200


def test_unknown_and_revoked_tokens_get_the_same_404(served: Served) -> None:
    o = served.office
    other = o.services.feed_publishing.publish(
        o.admin.id, FeedSpec(FeedKind.RESOURCE, str(o.desk(2).id)), Privacy.PUBLIC
    )
    assert request(served.url(other.token)).status == 200
    o.services.feed_publishing.revoke(o.admin.id, other.view.id)
    revoked = request(served.url(other.token))
    unknown = request(served.url("x" * 43))
    assert revoked.status == unknown.status == 404
    assert revoked.body == unknown.body and revoked.body
    assert {k: v for k, v in revoked.headers.items() if k != "date"} == {
        k: v for k, v in unknown.headers.items() if k != "date"
    }
    for path in (
        "/",
        "/feeds/",
        "/feeds/.ics",
        f"/feeds/{served.token}",
        f"/feeds/{served.token}.ics/x",
        "/x.ics",
    ):
        other_path = request(served.server.url + path)
        assert (other_path.status, other_path.body) == (404, unknown.body), path
    # the revoked feed's neighbour is still served
    assert request(served.url()).status == 200


def test_other_methods_get_405(served: Served) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"):
        reply = request(
            served.url(), method=method, body=b"BEGIN:VCALENDAR\r\n" if method != "OPTIONS" else None
        )
        assert reply.status == 405, method
        assert reply.header("Allow") == "GET, HEAD"
    assert request(served.url()).status == 200


def test_head_has_the_headers_and_no_body(served: Served) -> None:
    get = request(served.url())
    raw = raw_exchange(
        served.server.url, f"HEAD {feed_path(served.token)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    head, _, rest = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0] == "HTTP/1.1 200 OK"
    headers = dict(line.split(": ", 1) for line in lines[1:])
    assert headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert headers["ETag"] == get.header("ETag")
    assert headers["Last-Modified"] == get.header("Last-Modified")
    assert rest == b""


def test_the_token_is_logged_only_by_its_hint(served: Served, caplog: pytest.LogCaptureFixture) -> None:
    def lines() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.name == "satellitkontor.feeds"]

    with caplog.at_level(logging.INFO, logger="satellitkontor.feeds"):
        request(served.url())
        request(served.url("y" * 43))
        deadline = time.monotonic() + 5  # the server logs right after the answer has gone out
        while len(lines()) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
    logged = lines()
    assert any(f"/feeds/{served.token[:6]}…" in line and " 200 " in line for line in logged), logged
    assert any("/feeds/yyyyyy…" in line and " 404 " in line for line in logged), logged
    assert not any(served.token in line or "y" * 7 in line for line in logged), logged


def test_several_clients_at_once(served: Served) -> None:
    results: list[int] = []

    def fetch() -> None:
        results.append(request(served.url()).status)

    threads = [threading.Thread(target=fetch) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert results == [200] * 8


def test_a_lost_database_gives_503_and_the_server_recovers(
    tmp_path: Path, clock: MovableClock, caplog: pytest.LogCaptureFixture
) -> None:
    """The folder holding the SQLite file goes away (a shared drive unplugged): 503 with
    Retry-After and a log line, never a traceback; back again, the feed is served again."""
    share = tmp_path / "share"
    office = make_office(sqlite_url(share / "office.sqlite3"), clock)
    server, token, _ = _start(office)
    try:
        url = server.url + feed_path(token)
        assert request(url).status == 200
        share.rename(tmp_path / "away")
        office.services.db.dispose()  # the open connections went with the drive
        with caplog.at_level(logging.INFO, logger="satellitkontor.feeds"):
            reply = request(url)
        assert reply.status == 503
        assert reply.header("Retry-After") == "30"
        assert b"Traceback" not in reply.body and b"sqlite" not in reply.body.lower()
        assert any(r.levelno == logging.ERROR and "database" in r.getMessage() for r in caplog.records)
        (tmp_path / "away").rename(share)
        office.services.db.dispose()
        assert request(url).status == 200
    finally:
        server.close()
        office.services.db.dispose()


def test_an_unreachable_database_server_gives_503() -> None:
    """PostgreSQL down (nothing listens on the port): 503, not a crash."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    from satellitkontor.storage.database import Database

    services = AppServices(Database(f"postgresql+psycopg://nobody@127.0.0.1:{port}/none?connect_timeout=3"))
    server = FeedServer(services, "127.0.0.1", 0).start()
    try:
        reply = request(server.url + feed_path("z" * 43))
        assert reply.status == 503 and reply.header("Retry-After") == "30"
    finally:
        server.close()
        services.db.dispose()


@pytest.fixture
def big_office(tmp_path: Path, clock: MovableClock) -> Iterator[AppServices]:
    """The demo office: some hundred kilobytes of feed, more than one response chunk."""
    from satellitkontor.services.demo import DemoService

    services = open_office(sqlite_url(tmp_path / "demo.sqlite3"), clock=clock)
    DemoService(services.db, clock).create(weeks_back=4, weeks_ahead=16, seed=7)
    yield services
    services.db.dispose()


def test_the_server_keeps_serving_after_a_client_hangs_up_mid_feed(
    big_office: AppServices, caplog: pytest.LogCaptureFixture
) -> None:
    services = big_office
    admin = services.office.person_by_email("sofia.lindqvist@umea.se")
    token = services.feed_publishing.publish(admin.id, FeedSpec(FeedKind.OFFICE), Privacy.INTERNAL).token
    with FeedServer(services, "127.0.0.1", 0) as server:
        full = request(server.url + feed_path(token))
        assert full.status == 200 and len(full.body) > 150_000

        def hung_up() -> bool:
            return any("client left" in r.getMessage() for r in caplog.records)

        with caplog.at_level(logging.INFO, logger="satellitkontor.feeds"):
            for _ in range(5):
                with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    sock.sendall(f"GET {feed_path(token)} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
                    assert sock.recv(1024).startswith(b"HTTP/1.1 200")
                # closed with RST after the first kilobyte
                after = request(server.url + feed_path(token))
                assert after.status == 200 and after.body == full.body
                if hung_up():
                    break
            deadline = time.monotonic() + 5
            while not hung_up() and time.monotonic() < deadline:
                time.sleep(0.02)
        assert hung_up(), "no hang-up reached the server"


def test_close_leaves_no_thread_and_frees_the_port(sqlite_office: Office) -> None:
    server, token, _ = _start(sqlite_office)
    port = server.port
    url = server.url + feed_path(token)
    # a keep-alive connection that stays open
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", feed_path(token))
    conn.getresponse().read()
    server.close()
    conn.close()
    assert not any(t.name.startswith(f"feed-server:{port}") for t in threading.enumerate())
    with pytest.raises(OSError):
        request(url)
    again = FeedServer(sqlite_office.services, "127.0.0.1", port).start()  # the port is free again
    again.close()
