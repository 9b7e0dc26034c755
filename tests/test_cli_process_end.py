"""How a command's process ends (cli/main.py ``run``): without Python taking its modules apart,
and with nothing a user would miss. Each test starts ``python -m satellitkontor`` as a real
process, as a user or a script does, on a real SQLite file."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from satellitkontor.cli.main import end_process
from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import OfficeClosed
from tests.conftest import Office


@pytest.fixture
def office_now(sqlite_office: Office) -> Office:
    """The office on the real clock: the command runs on it, so its days must be near today."""
    sqlite_office.clock.moment = clk.system_clock()
    return sqlite_office


def command(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("SATELLITKONTOR_USER", None)
    env.pop("PYTHONUNBUFFERED", None)  # a user's shell: output to a pipe waits in Python's buffer
    return subprocess.run(
        [sys.executable, "-m", "satellitkontor", "--db", url, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def open_day_ahead(office: Office) -> str:
    """An open day two weeks or so from today (no weekend, no holiday such as Juldagen)."""
    calendar = office.services.occupancy.calendar()
    return calendar.next_open_day(clk.local_date(clk.system_clock()) + timedelta(days=13)).isoformat()


def test_a_booking_made_by_a_command_is_in_the_file_and_the_file_is_closed(
    office_now: Office, tmp_path: Path
) -> None:
    url = office_now.services.db.url.render_as_string(hide_password=False)
    path = Path(office_now.services.db.url.database or "")
    day = open_day_ahead(office_now)
    office_now.services.db.dispose()  # the command is the only one with the file open
    done = command(tmp_path, url, "book", "desk", "Plats 1", "--date", day, "--for", "anna.andersson@umea.se")
    assert done.returncode == 0, done.stderr
    assert "Plats 1" in done.stdout
    # closed as a last connection closes: its write-ahead log checkpointed into the file and gone
    assert not Path(f"{path}-wal").exists()
    listed = command(tmp_path, url, "mine", "--as", "anna.andersson@umea.se")
    assert listed.returncode == 0, listed.stderr
    assert "Plats 1" in listed.stdout


def test_a_long_output_through_a_pipe_arrives_whole(office_now: Office, tmp_path: Path) -> None:
    url = office_now.services.db.url.render_as_string(hide_password=False)
    start = clk.local_date(clk.system_clock()) + timedelta(days=7)
    people = (office_now.anna, office_now.bertil, office_now.cecilia)
    for n in range(60):  # calendar text several times Python's buffer of a piped stream (8 KiB)
        day = start + timedelta(days=n)
        if day.weekday() < 5:
            for desk, person in enumerate(people, 1):
                try:
                    office_now.services.booking.book_desk(
                        person.id, office_now.desk(desk).id, day, DeskPeriod.FULL_DAY
                    )
                except OfficeClosed:  # Christmas, New Year
                    break
    office_now.services.db.dispose()
    done = command(tmp_path, url, "export-ical", "--feed", "office")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) > 32 * 1024
    assert done.stdout.rstrip().endswith("END:VCALENDAR")
    assert done.stdout.count("BEGIN:VEVENT") == done.stdout.count("END:VEVENT") > 100


def test_a_failing_command_says_why_in_swedish_and_exits_2(office_now: Office, tmp_path: Path) -> None:
    url = office_now.services.db.url.render_as_string(hide_password=False)
    day = open_day_ahead(office_now)
    office_now.services.db.dispose()
    done = command(
        tmp_path, url, "book", "desk", "Plats 99", "--date", day, "--for", "anna.andersson@umea.se"
    )
    assert done.returncode == 2
    assert done.stderr == "fel: Det finns ingen plats eller inget rum «Plats 99».\n"


def test_a_thread_still_running_or_the_app_end_the_ordinary_way(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "satellitkontor.gui.app", sys.modules[__name__])
    with pytest.raises(SystemExit) as app:
        end_process(0)
    assert app.value.code == 0
    monkeypatch.delitem(sys.modules, "satellitkontor.gui.app")
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        with pytest.raises(SystemExit) as busy:
            end_process(3)
        assert busy.value.code == 3
    finally:
        stop.set()
        worker.join()
