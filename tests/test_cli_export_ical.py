"""``satellitkontor export-ical``: a feed to standard output or a file, every feed into a folder,
and clear Swedish errors for a feed that does not exist."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from satellitkontor.cli.main import main
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.storage.database import sqlite_url
from tests.conftest import NOW, MovableClock, make_office

TUESDAY = date(2026, 11, 24)
SPAN = ["--from", "2026-11-01", "--to", "2026-12-31"]


@pytest.fixture
def booked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict[str, str]]:
    """An office file with two bookings on Tuesday 24 November 2026; returns its URL and UIDs."""
    monkeypatch.delenv("SATELLITKONTOR_DB_URL", raising=False)
    monkeypatch.delenv("SATELLITKONTOR_USER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    url = sqlite_url(tmp_path / "cli.sqlite3")
    office = make_office(url, MovableClock(NOW))
    try:
        anna = office.services.booking.book_desk(
            office.anna.id, office.desk(3).id, TUESDAY, DeskPeriod.MORNING
        )
        bertil = office.services.booking.book_desk(
            office.bertil.id, office.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY
        )
    finally:
        office.services.db.dispose()
    return url, {"anna": anna.uid, "bertil": bertil.uid}


def run(url: str, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--db", url, *args])
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def _uids(data: bytes | str) -> set[str]:
    return {str(e["UID"]) for e in Calendar.from_ical(data).walk("VEVENT")}


def test_a_feed_streams_to_standard_output(booked: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    url, uids = booked
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "satellitkontor",
            "--db",
            url,
            "export-ical",
            "--feed",
            "resource",
            "--target",
            "plats 3",
            *SPAN,
        ],
        capture_output=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    assert done.stdout.startswith(b"BEGIN:VCALENDAR\r\n") and done.stdout.endswith(b"END:VCALENDAR\r\n")
    assert _uids(done.stdout) == {uids["anna"]}
    assert "SUMMARY:Plats 3 – Bokad (Umeå)" in done.stdout.decode()


def test_an_internal_feed_to_a_file_needs_a_receptionist(
    booked: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    url, uids = booked
    out = tmp_path / "kontoret.ics"
    code, _, err = run(url, "export-ical", "--privacy", "internal", "--out", str(out), *SPAN)
    assert code == 2 and "Ange vem du är med --as" in err and not out.exists()
    code, _, err = run(url, "--as", "anna.andersson@umea.se", "export-ical", "--privacy", "internal", *SPAN)
    assert code == 2 and "internt kalenderflöde" in err

    code, text, err = run(
        url, "--as", "rut@umea.se", "export-ical", "--privacy", "internal", "--out", str(out), *SPAN
    )

    assert code == 0, err
    assert "2 händelser skrivna till" in text
    data = out.read_bytes()
    assert _uids(data) == set(uids.values())
    assert "Bertil Öberg (Vindeln)" in data.decode()


def test_every_feed_into_a_folder(booked: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    url, uids = booked
    folder = tmp_path / "publicerat"
    code, text, err = run(url, "--lang", "en", "export-ical", "--all", "--folder", str(folder), *SPAN)
    assert code == 0, err
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        ["kontoret.ics", "konferensrummet.ics", "vardkommun.ics"]
        + [f"plats-{n}.ics" for n in range(1, 9)]
        + [
            f"kommun-{c}.ics"
            for c in ("bjurholm", "nordmaling", "robertsfors", "umea", "vindeln", "vannas", "ornskoldsvik")
        ]
    )
    assert _uids((folder / "kontoret.ics").read_bytes()) == set(uids.values())
    assert _uids((folder / "kommun-vindeln.ics").read_bytes()) == {uids["bertil"]}
    assert _uids((folder / "plats-1.ics").read_bytes()) == set()
    # each booking in the office, its desk and its municipality; the host year and the handover
    assert "18 feeds with 8 events written to" in text
    assert "kontoret.ics: 2 events – The whole office" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--feed", "resource", "--target", "Plats 99"], "Det finns ingen plats eller inget rum «Plats 99»."),
        (["--feed", "municipality", "--target", "Luleå"], "Okänd kommun: Luleå."),
        (["--feed", "person", "--target", "ingen@umea.se"], "Det finns ingen person «ingen@umea.se»"),
        (["--feed", "resource"], "Ange vilket flöde med --target"),
        (["--feed", "rotation", "--target", "Umeå"], "tar inget --target"),
        (["--all"], "ange --all och --folder MAPP"),
        (["--from", "2026-12-01", "--to", "2026-11-01"], "första dagen före sista"),
    ],
)
def test_a_bad_feed_is_one_swedish_line_and_exit_2(
    booked: tuple[str, dict[str, str]], args: list[str], message: str
) -> None:
    url, _ = booked
    code, out, err = run(url, "export-ical", *args)
    assert code == 2
    assert out == ""
    assert err.startswith("fel: ") and message in err and err.count("\n") == 1


def test_english_error(booked: tuple[str, dict[str, str]]) -> None:
    url, _ = booked
    code, _, err = run(url, "--lang", "en", "export-ical", "--feed", "resource", "--target", "Desk 99")
    assert code == 2 and err == "error: There is no desk or room «Desk 99».\n"
