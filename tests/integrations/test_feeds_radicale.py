"""Every kind of feed PUT into a real Radicale CalDAV server on 127.0.0.1 and read back with the
``caldav`` client: the same UIDs and the same start and end instants, including bookings on
both sides of the daylight-saving changes of 29 March and 25 October 2026, and a series that the
server itself expands to exactly the booked days."""

from __future__ import annotations

import socket
import subprocess
import sys
import time as systime
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingView, DeskPeriod
from satellitkontor.domain.feeds import FeedKind, Privacy
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.services.results import SeriesResult
from tests.conftest import NOW, Office
from tests.integrations.feed_helpers import events, feed

caldav = pytest.importorskip("caldav")

FIRST, LAST = date(2026, 3, 1), date(2027, 1, 31)
SPAN = {"first": FIRST, "last": LAST}
STARTUP_SECONDS = 30


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_port(port: int, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = systime.monotonic() + STARTUP_SECONDS
    while systime.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Radicale exited with {proc.returncode}: {log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            systime.sleep(0.1)
    raise RuntimeError(
        f"Radicale did not listen on {port} in {STARTUP_SECONDS} s: {log.read_text(errors='replace')}"
    )


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Radicale server of its own (storage in a temporary folder, no authentication)."""
    root = tmp_path_factory.mktemp("radicale")
    for attempt in range(3):  # the free port may be taken between choosing and binding it
        port = _free_port()
        config = root / f"config-{attempt}"
        config.write_text(
            "[server]\n"
            f"hosts = 127.0.0.1:{port}\n"
            "[auth]\ntype = none\n"
            "[rights]\ntype = authenticated\n"
            f"[storage]\nfilesystem_folder = {root / 'collections'}\n"
            "[web]\ntype = none\n"
            "[logging]\nlevel = warning\n",
            encoding="utf-8",
        )
        log = root / f"radicale-{attempt}.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "radicale", "--config", str(config)],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            _wait_for_port(port, proc, log)
        except RuntimeError:
            _stop(proc)
            if attempt == 2:
                raise
            continue
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            _stop(proc)
        return


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def principal(radicale: str) -> Any:
    client = caldav.DAVClient(url=radicale, username="feeds", password="feeds", timeout=30)
    try:
        yield client.principal()
    finally:
        client.close()


class Year:
    """Bookings around both DST changes of 2026, made at the time they could be made."""

    def __init__(self, office: Office) -> None:
        b, clock = office.services.booking, office.clock
        self.office = office
        self.singles: list[BookingView] = []
        self.series: list[SeriesResult] = []
        for before, after, booked_on in (
            (date(2026, 3, 27), date(2026, 3, 30), date(2026, 3, 20)),
            (date(2026, 10, 23), date(2026, 10, 26), date(2026, 10, 19)),
        ):
            clock.set_local(booked_on, time(7))
            for day in (before, after):
                self.singles += [
                    b.book_desk(office.anna.id, office.desk(1).id, day, DeskPeriod.MORNING),
                    b.book_desk(office.bertil.id, office.desk(2).id, day, DeskPeriod.FULL_DAY),
                    b.book_room(
                        office.anna.id,
                        office.room.id,
                        clk.local(day, time(9)),
                        clk.local(day, time(10, 30)),
                        5,
                        "Möte",
                    ),
                ]
            # a room series on Mondays and Fridays across the change, 13:00–14:00 local every time
            rule = Recurrence.weekly(booked_on + timedelta(days=1), {0, 4}, until=after + timedelta(days=7))
            self.series.append(
                b.book_series(
                    office.cecilia.id,
                    office.room.id,
                    rule,
                    start_time=time(13),
                    end_time=time(14),
                    participants=3,
                    title="Veckomöte",
                )
            )
        clock.moment = NOW
        made = b.book_desk(office.anna.id, office.desk(3).id, date(2026, 11, 24), DeskPeriod.AFTERNOON)
        self.cancelled = b.cancel(office.anna.id, made.id)
        office.services.rotation.add_meeting(
            office.admin.id,
            "handover",
            "Överlämning Bjurholm → Nordmaling",
            clk.local(date(2026, 12, 9), time(13)),
            clk.local(date(2026, 12, 9), time(15)),
        )


def _one_calendar_per_event(data: bytes) -> list[str]:
    """Radicale keeps one UID per resource: the feed cut into calendars of one VEVENT each,
    every one with the feed's header and VTIMEZONE."""
    text = data.decode("utf-8")
    head, _, rest = text.partition("BEGIN:VEVENT\r\n")
    body = ("BEGIN:VEVENT\r\n" + rest).removesuffix("END:VCALENDAR\r\n")
    parts = ["BEGIN:VEVENT\r\n" + p for p in body.split("BEGIN:VEVENT\r\n")[1:]]
    return [head + p + "END:VCALENDAR\r\n" for p in parts]


def _instant(value: Any) -> Any:
    """An aware datetime as UTC; a date (all-day item) as it is."""
    return value.astimezone(UTC) if isinstance(value, datetime) else value


CASES = [
    (FeedKind.OFFICE, Privacy.PUBLIC),
    (FeedKind.RESOURCE, Privacy.INTERNAL),
    (FeedKind.MUNICIPALITY, Privacy.PUBLIC),
    (FeedKind.PERSON, Privacy.INTERNAL),
    (FeedKind.ROTATION, Privacy.PUBLIC),
]


@pytest.mark.parametrize(("kind", "privacy"), CASES, ids=[k.value for k, _ in CASES])
def test_a_feed_put_into_radicale_reads_back_the_same(
    sqlite_office: Office, principal: Any, kind: FeedKind, privacy: Privacy
) -> None:
    year = Year(sqlite_office)
    office = sqlite_office
    target = {
        FeedKind.RESOURCE: office.room.id,
        FeedKind.MUNICIPALITY: "umea",
        FeedKind.PERSON: office.anna.id,
    }
    data = feed(office.services, kind, target.get(kind), privacy=privacy, **SPAN)
    ours = events(data)
    assert ours

    calendar = principal.make_calendar(
        name=f"Satellitkontoret {kind.value}", cal_id=f"{kind.value}-{id(year)}"
    )
    for obj in _one_calendar_per_event(data):
        calendar.add_event(obj, increase_seqno=False)

    theirs = {str(e.icalendar_component["UID"]): e.icalendar_component for e in calendar.get_events()}
    assert set(theirs) == set(ours)
    for uid, mine in ours.items():
        back = theirs[uid]
        for prop in ("DTSTART", "DTEND"):
            assert _instant(back.decoded(prop)) == _instant(mine.decoded(prop)), (uid, prop)
        assert int(back["SEQUENCE"]) == int(mine["SEQUENCE"])
        assert str(back["SUMMARY"]) == str(mine["SUMMARY"])

    if kind is FeedKind.ROTATION:
        assert "host-year-2026@satellitkontor" in theirs
        return
    # the bookings themselves: what the database holds is what the server holds
    for b in [*year.singles, year.cancelled]:
        if b.uid not in ours:
            continue
        back = theirs[b.uid]
        if b.desk_period is DeskPeriod.FULL_DAY:
            assert back.decoded("DTSTART") == b.day and back.decoded("DTEND") == b.day + timedelta(days=1)
        else:
            assert _instant(back.decoded("DTSTART")) == b.start and _instant(back.decoded("DTEND")) == b.end
    if kind is FeedKind.OFFICE:
        assert {b.uid for b in year.singles} <= set(theirs)
        # the server places the times itself (through the feed's VTIMEZONE): the first and the
        # last minute of each timed booking around the DST changes hold that booking
        minute = timedelta(minutes=1)
        for b in year.singles:
            if b.desk_period is DeskPeriod.FULL_DAY:
                continue
            for start, end in ((b.start, b.start + minute), (b.end - minute, b.end)):
                hits = calendar.search(start=start, end=end, event=True, post_filter=False)
                assert b.uid in {str(e.icalendar_component["UID"]) for e in hits}, (b.day, start)
    if kind is FeedKind.PERSON:
        assert {b.uid for b in year.singles if b.person_id == office.anna.id} <= set(theirs)


@pytest.mark.parametrize("which", [0, 1], ids=["march", "october"])
def test_radicale_expands_a_series_across_the_dst_change_to_exactly_the_booked_days(
    sqlite_office: Office, principal: Any, which: int
) -> None:
    year = Year(sqlite_office)
    series = year.series[which]
    assert series.series_id is not None
    data = feed(sqlite_office.services, FeedKind.RESOURCE, sqlite_office.room.id, **SPAN)
    calendar = principal.make_calendar(name="Rummet", cal_id=f"room-{which}-{id(year)}")
    for obj in _one_calendar_per_event(data):
        calendar.add_event(obj, increase_seqno=False)

    first, last = series.booked[0].day, series.booked[-1].day
    found = calendar.search(
        start=clk.local(first - timedelta(days=1), time(0)),
        end=clk.local(last + timedelta(days=2), time(0)),
        event=True,
        expand=True,
        server_expand=True,
    )
    uid = f"series-{series.series_id}@satellitkontor"
    occurrences = sorted(
        (_instant(e.icalendar_component.decoded("DTSTART")), _instant(e.icalendar_component.decoded("DTEND")))
        for e in found
        if str(e.icalendar_component["UID"]) == uid
    )
    assert occurrences == [(b.start, b.end) for b in series.booked]
    # 13:00 local on both sides of the change: the UTC hour moves by one
    hours = {s.hour for s, _ in occurrences}
    assert hours == {11, 12}
    assert all(clk.to_local(s).time() == time(13) for s, _ in occurrences)
