"""Published feeds written into a folder: the files a shared drive or web server shows, kept up
to date on each change, and the revoked ones removed (only the writer's own files)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.feeds_server.folder import MANIFEST, FolderPublisher
from satellitkontor.feeds_server.server import FeedServer
from tests.conftest import MONDAY, Office

TUESDAY = MONDAY + timedelta(days=1)


def _wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> float:
    """Poll ``condition`` until true; returns the seconds it took (fails after ``seconds``)."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > seconds:
            pytest.fail(f"not within {seconds} s")
        time.sleep(0.05)
    return time.monotonic() - started


def _summaries(path: Path) -> list[str]:
    return [str(e.get("SUMMARY")) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


@pytest.fixture
def published(sqlite_office: Office) -> tuple[Office, str, str]:
    """An internal office feed with a label, and a public feed of desk 3; their hints."""
    o = sqlite_office
    o.services.booking.book_desk(o.anna.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    pub = o.services.feed_publishing
    office = pub.publish(o.admin.id, FeedSpec(FeedKind.OFFICE), Privacy.INTERNAL, "Hela kontoret, internt")
    desk = pub.publish(o.admin.id, FeedSpec(FeedKind.RESOURCE, str(o.desk(3).id)), Privacy.PUBLIC)
    return o, office.view.hint, desk.view.hint


def test_every_published_feed_becomes_a_file(published: tuple[Office, str, str], tmp_path: Path) -> None:
    o, office_hint, desk_hint = published
    folder = tmp_path / "delad"
    result = FolderPublisher(o.services, folder).sync()
    office_file = folder / f"hela-kontoret-internt-{office_hint}.ics"
    desk_file = folder / f"satellitkontoret-plats-3-{desk_hint}.ics"
    assert sorted(result.written) == sorted([office_file.name, desk_file.name])
    assert any("Anna Andersson" in s for s in _summaries(office_file))
    Calendar.from_ical(desk_file.read_bytes())
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert {v["file"] for v in manifest["feeds"].values()} == {office_file.name, desk_file.name}
    # Nothing changed: nothing is written again.
    again = FolderPublisher(o.services, folder).sync()
    assert (again.written, again.removed, again.unchanged) == ([], [], 2)


def test_a_revoked_feed_loses_its_file_and_other_files_stay(
    published: tuple[Office, str, str], tmp_path: Path
) -> None:
    o, _office_hint, desk_hint = published
    folder = tmp_path / "delad"
    folder.mkdir()
    foreign = folder / f"satellitkontoret-plats-3-{desk_hint}-kopia.ics"
    foreign.write_text("someone else's file", encoding="utf-8")
    publisher = FolderPublisher(o.services, folder)
    publisher.sync()
    desk_file = folder / f"satellitkontoret-plats-3-{desk_hint}.ics"
    assert desk_file.exists()
    desk_id = next(v.id for v in o.services.feed_publishing.published(o.admin.id) if v.hint == desk_hint)
    o.services.feed_publishing.revoke(o.admin.id, desk_id)
    result = publisher.sync()
    assert result.removed == [desk_file.name]
    assert not desk_file.exists()
    assert foreign.read_text(encoding="utf-8") == "someone else's file"


def test_a_renamed_desk_moves_its_file(published: tuple[Office, str, str], tmp_path: Path) -> None:
    o, _, desk_hint = published
    folder = tmp_path / "delad"
    publisher = FolderPublisher(o.services, folder)
    publisher.sync()
    o.services.office.update_resource(o.admin.id, o.desk(3).id, name="Fönsterplatsen")
    result = publisher.sync()
    assert result.written == [f"satellitkontoret-fonsterplatsen-{desk_hint}.ics"]
    assert result.removed == [f"satellitkontoret-plats-3-{desk_hint}.ics"]
    assert sorted(p.name for p in folder.glob("*.ics")) == sorted(
        [f"satellitkontoret-fonsterplatsen-{desk_hint}.ics", *(n for n in _office_files(folder))]
    )


def _office_files(folder: Path) -> list[str]:
    return [p.name for p in folder.glob("hela-kontoret-*.ics")]


@pytest.fixture
def watching(published: tuple[Office, str, str], tmp_path: Path) -> Iterator[tuple[Office, Path, str, str]]:
    o, office_hint, desk_hint = published
    folder = tmp_path / "webb"
    server = FeedServer(o.services, folder=folder, http=False, poll_interval=0.2).start()
    try:
        assert server.watcher is not None
        _wait_for(lambda: server.watcher is not None and server.watcher.rounds >= 1)
        yield o, folder, office_hint, desk_hint
    finally:
        server.close()


def test_a_booking_reaches_the_folder_within_seconds_and_only_its_feeds_change(
    watching: tuple[Office, Path, str, str],
) -> None:
    o, folder, office_hint, desk_hint = watching
    office_file = folder / f"hela-kontoret-internt-{office_hint}.ics"
    desk_file = folder / f"satellitkontoret-plats-3-{desk_hint}.ics"
    desk_before = desk_file.stat().st_mtime_ns, desk_file.read_bytes()
    assert not any("Bertil Öberg" in s for s in _summaries(office_file))
    o.clock.advance(minutes=1)
    o.services.booking.book_desk(o.bertil.id, o.desk(5).id, TUESDAY, DeskPeriod.AFTERNOON)
    took = _wait_for(lambda: any("Bertil Öberg" in s for s in _summaries(office_file)), seconds=5)
    assert took < 5
    assert (desk_file.stat().st_mtime_ns, desk_file.read_bytes()) == desk_before  # desk 3 untouched


def test_revoking_removes_the_file_while_watching(watching: tuple[Office, Path, str, str]) -> None:
    o, folder, office_hint, _ = watching
    office_file = folder / f"hela-kontoret-internt-{office_hint}.ics"
    assert office_file.exists()
    view = next(v for v in o.services.feed_publishing.published(o.admin.id) if v.hint == office_hint)
    o.services.feed_publishing.revoke(o.admin.id, view.id)
    _wait_for(lambda: not office_file.exists(), seconds=5)


def test_a_folder_that_cannot_be_written_is_retried_not_fatal(
    published: tuple[Office, str, str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A folder that cannot be written (here: a file stands where the folder should be) is
    logged and retried; once it can be written, the feeds appear."""
    o, office_hint, _ = published
    folder = tmp_path / "blocked"
    folder.write_text("not a folder", encoding="utf-8")
    server = FeedServer(o.services, folder=folder, http=False, poll_interval=0.1).start()
    try:
        _wait_for(lambda: any("failed" in r.getMessage() for r in caplog.records), seconds=5)
        folder.unlink()
        _wait_for(lambda: (folder / f"hela-kontoret-internt-{office_hint}.ics").exists(), seconds=5)
    finally:
        server.close()
