"""A short fuzz run (issue 20): the import's pre-scan and reader, and every command-line
argument that takes a date, a number, a path or a URL, fed with hypothesis's inventions.
Whatever comes in: a result, or one clear sentence (exit 2 on the command line), never
"något oväntat hände". Kept short for CI (few examples, a deadline); raise ``FUZZ_EXAMPLES``
to search longer locally."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from satellitkontor.domain.errors import SatellitkontorError
from satellitkontor.integrations.ical.ics_prescan import decode, prescan
from satellitkontor.integrations.ical.ics_reader import read_ics
from satellitkontor.storage.database import sqlite_url
from tests.conftest import MovableClock, make_office
from tests.test_cli import run

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)

# --- the import --------------------------------------------------------------------------
_PROPERTIES = [
    "DTSTART:20261201T100000Z",
    "DTSTART;VALUE=DATE:20261201",
    "DTSTART;TZID=Europe/Stockholm:20261201T100000",
    "DTSTART;TZID=W. Europe Standard Time:20261201T100000",
    "DTEND:20261201T110000Z",
    "DURATION:PT1H",
    "DURATION:P9999999W",
    "RRULE:FREQ=WEEKLY;BYDAY=TU",
    "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=SECONDLY",
    "RDATE:20261202T100000Z",
    "EXDATE:20261208T100000Z",
    "RECURRENCE-ID:20261208T100000Z",
    "SUMMARY:Möte",
    "UID:a@b",
    "ATTENDEE;CN=Anna:mailto:anna@umea.se",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZID:Zon",
]
_LINES = st.one_of(
    st.sampled_from(_PROPERTIES),
    st.sampled_from(
        ["BEGIN:VEVENT", "END:VEVENT", "BEGIN:VTIMEZONE", "END:VTIMEZONE", "BEGIN:STANDARD", "END:STANDARD"]
    ),
    st.builds(lambda p, t: p.split(":")[0] + ":" + t, st.sampled_from(_PROPERTIES), st.text(max_size=40)),
)
_CALENDARS = st.builds(
    lambda lines: "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *lines, "END:VCALENDAR", ""]),
    st.lists(_LINES, max_size=40),
)


@FUZZ
@given(st.one_of(st.binary(max_size=400), _CALENDARS.map(str.encode)))
def test_the_prescan_and_the_reader_give_a_result_or_a_sentence(data: bytes) -> None:
    try:
        text, encoding, _ = decode(data)
        prescan(text, encoding)
        read_ics(data, today=date(2026, 12, 7))
    except SatellitkontorError as err:
        from satellitkontor.words.texts import describe

        sentence = describe(err)
        assert "\n" not in sentence and len(sentence) < 400 and "oväntat" not in sentence, sentence


# --- the command line ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("fuzz")
    os.environ["XDG_STATE_HOME"] = str(folder / "state")
    from satellitkontor.domain import clock as clk

    address = sqlite_url(folder / "kontor.sqlite3")
    office = make_office(address, MovableClock(clk.system_clock()))
    office.services.db.dispose()
    here = Path.cwd()
    (folder / "cwd").mkdir()
    os.chdir(folder / "cwd")  # the files invented names make land here, not in the repository
    try:
        yield address
    finally:
        os.chdir(here)


def clear(code: int, out: str, err: str) -> None:
    assert code in (0, 2), (code, out, err)
    assert "oväntat" not in err and "Traceback" not in err, err
    if code == 2:
        assert len(err.strip().splitlines()) == 1, err


_WORDS = st.one_of(
    st.text(max_size=30),
    st.integers().map(str),
    st.sampled_from(
        ["9999-12-31", "0001-01-01", "2026-02-30", "idag", "-1", "1e9", "99999999999999999999999", ""]
    ),
)
FIXED_PATHS = ["/nonexistent/x.csv", "/", "/sys", "\x00", "a" * 300, "/dev/full"]
_PATHS = st.one_of(st.text(max_size=30), st.sampled_from(FIXED_PATHS))
_URLS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["not a url", "postgresql+pg8000://u@h/d", "mysql://u@h/d", "sqlite:////nonexistent/dir/x.db", "://"]
    ),
)
ADMIN = "asa.admin@umea.se"


@FUZZ
@given(value=_WORDS)
def test_dates_and_numbers(url: str, value: str) -> None:
    for args in (
        ["occupancy", "--date", value],
        ["--as", ADMIN, "cancel", value],
        ["stats", "--year", value],
        ["--as", ADMIN, "audit", "--limit", value],
        ["rotation", "--year", value],
    ):
        clear(*run(url, *args))


@FUZZ
@given(
    value=st.one_of(st.integers(max_value=-1), st.integers(min_value=65536)).map(str) | st.text(max_size=12)
)
def test_ports(url: str, value: str) -> None:
    if value.strip().isdigit() and 0 <= int(value) <= 65535:
        return  # a real port would start serving
    clear(*run(url, "serve-feeds", "--port", value))


@FUZZ
@given(value=_PATHS)
def test_paths(url: str, value: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    if value.startswith("/") and value not in FIXED_PATHS:
        value = value.lstrip("/")  # an invented absolute path stays inside the test's folder
    clear(*run(url, "stats", "--year", "2026", "--out", value))
    clear(*run(url, "--as", ADMIN, "audit", "--csv", value))
    try:
        missing = bool(value) and "\x00" not in value and not Path(value).exists()
    except OSError:  # a name too long for this system to look up
        missing = True
    if missing:
        clear(*run(url, "restore", value))


@FUZZ
@given(value=_URLS)
def test_database_urls(value: str) -> None:
    if value.startswith("sqlite") or not value.strip():
        return  # a valid SQLite address would create a file wherever it points
    clear(*run(value, "occupancy"))
