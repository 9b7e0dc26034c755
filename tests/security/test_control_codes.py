"""Terminal control codes in names and titles (issue 20, item 9): refused where people type
them, and shown as visible escapes wherever stored ones are printed (rows written by SQL,
older versions, imports)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.storage.database import sqlite_url
from tests.conftest import MovableClock, Office, make_office
from tests.test_cli import run

CLEAR = "\x1b[2J\x1b[H"  # clears the screen
HOSTILE = [f"Anna{CLEAR}", "Anna\u202eanoretsis", "Anna\x9b2J", "Anna\x07", "Anna\u2066x\u2069", "Anna\x00"]


def raw(text_: str) -> bool:
    return any(c in text_ for c in "\x1b\u202e\x9b\x07\u2066\x00")


@pytest.mark.parametrize("name", HOSTILE)
def test_control_characters_are_refused_at_entry(office: Office, name: str) -> None:
    services, admin = office.services, office.admin.id
    with pytest.raises(InvalidInput):
        services.office.add_person(admin, name, "x@umea.se", "Umeå")
    with pytest.raises(InvalidInput):
        services.office.add_resource(admin, ResourceKind.DESK, name)
    with pytest.raises(InvalidInput):
        services.office.add_closure(admin, date(2026, 12, 28), date(2026, 12, 28), name)
    day = date(2026, 12, 8)
    office.clock.set_local(date(2026, 12, 7), time(9))
    with pytest.raises(InvalidInput):
        services.booking.book_room(
            office.anna.id,
            office.room.id,
            datetime.combine(day, time(10), clk.OFFICE_TZ),
            datetime.combine(day, time(11), clk.OFFICE_TZ),
            2,
            name,
        )


def test_tabs_and_line_breaks_still_become_spaces(office: Office) -> None:
    person = office.services.office.add_person(office.admin.id, "Anna\tMaria\nBerg", "amb@umea.se", "Umeå")
    assert person.name == "Anna Maria Berg"


@pytest.fixture
def stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Office]]:
    """An office where SQL (not the app) wrote a name and a title with control codes."""
    for name in ("SATELLITKONTOR_DB_URL", "SATELLITKONTOR_USER", "SATELLITKONTOR_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    url = sqlite_url(tmp_path / "kontor.sqlite3")
    office = make_office(url, MovableClock(clk.system_clock()))
    services = office.services
    today = clk.local_date(clk.system_clock())
    day = next(d for d in (today + timedelta(days=n) for n in range(1, 30)) if d.weekday() == 1)
    booking = services.booking.book_room(
        office.anna.id,
        office.room.id,
        datetime.combine(day, time(10), clk.OFFICE_TZ),
        datetime.combine(day, time(11), clk.OFFICE_TZ),
        2,
        "Möte",
    )
    services.feed_publishing.publish(
        office.admin.id, FeedSpec(FeedKind.PERSON, str(office.anna.id)), Privacy.INTERNAL, "Annas"
    )
    with services.db.session(write=True) as s:
        s.execute(text("UPDATE people SET name = :n WHERE id = :i"), {"n": HOSTILE[0], "i": office.anna.id})
        s.execute(text("UPDATE bookings SET title = :t WHERE id = :i"), {"t": HOSTILE[1], "i": booking.id})
    services.db.dispose()
    yield url, office


@pytest.mark.parametrize(
    "args",
    [
        ["--as", "asa.admin@umea.se", "person", "list"],
        ["--as", "asa.admin@umea.se", "audit"],
        ["--as", "anna.andersson@umea.se", "mine"],
        ["--as", "asa.admin@umea.se", "feeds", "list"],
        ["--as", "rut@umea.se", "occupancy"],
    ],
)
def test_stored_control_codes_reach_the_terminal_as_escapes(
    stored: tuple[str, Office], args: list[str]
) -> None:
    url, _office = stored
    code, out, err = run(url, *args)
    assert code == 0, err
    assert not raw(out + err), repr(out)


def test_stored_control_codes_reach_the_audit_csv_as_escapes(
    stored: tuple[str, Office], tmp_path: Path
) -> None:
    url, _office = stored
    file = tmp_path / "logg.csv"
    code, _out, err = run(url, "--as", "asa.admin@umea.se", "audit", "--csv", str(file))
    assert code == 0, err
    content = file.read_text(encoding="utf-8-sig")
    assert not raw(content) and "\\x1b[2J" in content
    assert list(csv.reader(io.StringIO(content), delimiter=";"))
