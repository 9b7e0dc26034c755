"""Statistics that identify people (issue 20, item 12): a cell of fewer than three distinct
people is "< 3" for anyone but an admin, in the service, the command line and the exports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.services.statistics.export import hidden_note, write_csv
from satellitkontor.storage.database import sqlite_url
from tests.conftest import MovableClock, Office, make_office
from tests.test_cli import run


@pytest.fixture
def booked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Office, int]]:
    """Bertil, the only politician from Vindeln, and Anna from Umeå each book a desk."""
    for name in ("SATELLITKONTOR_DB_URL", "SATELLITKONTOR_USER", "SATELLITKONTOR_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    url = sqlite_url(tmp_path / "kontor.sqlite3")
    office = make_office(url, MovableClock(clk.system_clock()))
    today = clk.local_date(clk.system_clock())
    day = next(d for d in (today + timedelta(days=n) for n in range(1, 30)) if d.weekday() == 1)
    office.services.booking.book_desk(office.bertil.id, office.desk(1).id, day, DeskPeriod.FULL_DAY)
    office.services.booking.book_desk(office.anna.id, office.desk(2).id, day, DeskPeriod.FULL_DAY)
    office.services.db.dispose()
    yield url, office, day.year


def vindeln(rows: list, month: int | None = None) -> object:  # type: ignore[type-arg]
    return next(r for r in rows if r.municipality_code == "vindeln" and r.month == month)


def test_a_user_sees_fewer_than_three_as_hidden_and_an_admin_sees_all(
    booked: tuple[str, Office, int],
) -> None:
    _url, office, year = booked
    stats = office.services.statistics
    mine = vindeln(stats.usage_for(office.anna.id, year))
    assert mine.withheld and mine.people == 0 and mine.politicians == 0 and mine.desk_days == 0  # type: ignore[attr-defined]
    assert not mine.shows("politicians")  # type: ignore[attr-defined]
    admin = vindeln(stats.usage_for(office.admin.id, year))
    assert admin.people == 1 and admin.politicians == 1 and admin.shows("politicians")  # type: ignore[attr-defined]
    assert any("Vindeln" in line for line in hidden_note(stats.usage_for(office.admin.id, year)))


def test_the_command_line_and_the_csv_show_less_than_three(
    booked: tuple[str, Office, int], tmp_path: Path
) -> None:
    url, office, year = booked
    code, out, err = run(url, "--as", office.anna.email, "stats", "--year", str(year), "--format", "csv")
    assert code == 0, err
    line = next(li for li in out.splitlines() if li.startswith(f"{year};Hela året;Vindeln"))
    assert "< 3" in line and ";1;" not in line, line
    code, out, err = run(url, "stats", "--year", str(year))  # nobody named: not an admin
    assert "< 3" in out
    code, out, err = run(url, "--as", office.admin.email, "stats", "--year", str(year), "--format", "csv")
    line = next(li for li in out.splitlines() if li.startswith(f"{year};Hela året;Vindeln"))
    assert "< 3" not in line and ";1;0;1;" in line, line
    file = tmp_path / "stats.csv"
    write_csv(file, office.services.statistics.usage_for(office.anna.id, year))
    assert "< 3" in file.read_text(encoding="utf-8-sig")


def test_a_user_s_total_hides_what_a_row_hid_and_an_admin_s_total_is_the_sum(
    booked: tuple[str, Office, int],
) -> None:
    """The total of withheld rows would be too low, and the total minus the shown rows would tell
    the hidden value: whatever a row withheld, the total withholds too."""
    from satellitkontor.services.statistics.export import total, whole_year

    _url, office, year = booked
    stats = office.services.statistics
    users = total(whole_year(stats.usage_for(office.anna.id, year)))
    assert not users.shows("desk_days") and not users.shows("people")
    admins = total(whole_year(stats.usage_for(office.admin.id, year)))
    assert admins.shows("desk_days") and admins.desk_days == 2 and admins.people == 2
