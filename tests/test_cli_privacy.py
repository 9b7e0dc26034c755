"""Personal data on the command line: occupancy as a user or the receptionist sees it, retention
with --dry-run and --apply, my-data, the visibility setting and erasing a person."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from satellitkontor.domain import clock as clk
from satellitkontor.storage.database import sqlite_url
from tests.conftest import MovableClock, Office, make_office
from tests.privacy_history import (
    DORA_NAME,
    OLD_ROOM_TITLE,
    History,
    database_text,
    found_in_file,
    make_history,
)
from tests.test_cli import run


@pytest.fixture
def cli_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Office, History]]:
    """An office with a past, made on today's real date (the command line uses the real clock)."""
    monkeypatch.delenv("SATELLITKONTOR_DB_URL", raising=False)
    monkeypatch.delenv("SATELLITKONTOR_USER", raising=False)
    url = sqlite_url(tmp_path / "cli.sqlite3")
    office = make_office(url, MovableClock(clk.system_clock()))
    history = make_history(office, clk.local_date(clk.system_clock()))
    yield url, office, history
    office.services.db.dispose()


def _desk_line(out: str, desk: str) -> str:
    return next(li for li in out.splitlines() if li.startswith(desk + " "))


def test_occupancy_names_people_only_for_the_receptionist(cli_office: tuple[str, Office, History]) -> None:
    url, office, history = cli_office
    day = history.future_day.isoformat()

    code, out, err = run(url, "occupancy", "--date", day)
    assert (code, err) == (0, "")
    assert "Umeå" in _desk_line(out, "Plats 6") and "Anna" not in out and "Cecilia" not in out
    assert "Styrgrupp" not in out  # a meeting's title is not for everyone either

    code, out, _ = run(url, "--as", office.cecilia.email, "occupancy", "--date", day)
    assert "Anna" not in out and "Styrgrupp Renmarkstorget" in out  # her own meeting

    code, out, _ = run(url, "occupancy", "--date", day, "--as", office.reception.email)
    assert code == 0 and "Anna Andersson (Umeå)" in _desk_line(out, "Plats 6")

    assert run(url, "--as", office.admin.email, "settings", "visibility", "names")[0] == 0
    code, out, _ = run(url, "occupancy", "--date", day)
    assert "Anna Andersson (Umeå)" in _desk_line(out, "Plats 6")


def test_retention_dry_run_then_apply(cli_office: tuple[str, Office, History]) -> None:
    url, office, history = cli_office
    assert run(url, "retention")[0] == 2  # who runs it must be said

    code, out, err = run(url, "--as", office.admin.email, "retention")
    assert (code, err) == (0, "")
    line = next(li for li in out.splitlines() if "Bokningar utan namn och rubrik" in li)
    assert line.split()[-1] == str(len(history.old))
    assert "Provkörning" in out and "--apply" in out
    assert DORA_NAME in database_text(office)

    code, out, err = run(url, "retention", "--apply", "--as", office.admin.email)
    assert (code, err) == (0, ""), err
    assert "Rensat. Statistiken är oförändrad." in out
    assert found_in_file(office, DORA_NAME, OLD_ROOM_TITLE) == []

    code, out, _ = run(url, "--lang", "en", "--as", office.admin.email, "retention", "--dry-run")
    assert code == 0 and "Nothing to remove." in out


def test_my_data_writes_json_and_csv_for_the_person_and_refuses_others(
    cli_office: tuple[str, Office, History], tmp_path: Path
) -> None:
    url, office, _history = cli_office
    out_dir = tmp_path / "export"
    out_dir.mkdir()
    code, _out, err = run(url, "my-data", "--email", office.anna.email, "--out", str(out_dir))
    assert code == 2 and "--as" in err, "naming a person is not saying who asks"
    assert not list(out_dir.iterdir())
    code, out, err = run(url, "--as", office.anna.email, "my-data", "--out", str(out_dir))
    assert (code, err) == (0, ""), err
    (folder,) = out_dir.iterdir()
    assert str(folder) in out
    data = json.loads((folder / "personuppgifter.json").read_text(encoding="utf-8"))
    assert data["profile"]["email"] == office.anna.email and data["bookings"]
    assert (folder / "bokningar.csv").read_text(encoding="utf-8-sig").startswith("id;")

    code, _out, err = run(url, "--as", office.cecilia.email, "my-data", "--email", office.anna.email)
    assert code == 2 and "behörighet" in err


def test_settings_show_and_change(cli_office: tuple[str, Office, History]) -> None:
    url, office, _history = cli_office
    code, out, _ = run(url, "settings", "show")
    assert code == 0 and "bara kommun" in out and "13 månader" in out
    code, _out, err = run(url, "--as", office.anna.email, "settings", "visibility", "names")
    assert code == 2 and "behörighet" in err
    code, out, err = run(
        url, "--as", office.admin.email, "settings", "retention", "--months", "24", "--on-start", "on"
    )
    assert (code, err) == (0, "")
    assert "24 månader" in out and "Rensa automatiskt vid start: ja" in out
    code, _out, err = run(url, "--as", office.admin.email, "settings", "retention", "--months", "3")
    assert code == 2 and "gallringstid" in err


def test_person_erase_needs_yes_and_removes_the_person(cli_office: tuple[str, Office, History]) -> None:
    url, office, _history = cli_office
    code, _out, err = run(url, "--as", office.admin.email, "person", "erase", office.bertil.email)
    assert code == 2 and "--yes" in err
    assert "Bertil Öberg" in database_text(office)

    code, out, err = run(url, "--as", office.admin.email, "person", "erase", office.bertil.email, "--yes")
    assert (code, err) == (0, ""), err
    assert f"Raderad: {office.bertil.email}" in out
    assert found_in_file(office, "Bertil Öberg", office.bertil.email) == []
    code, _out, err = run(url, "--as", office.admin.email, "person", "erase", office.admin.email, "--yes")
    assert code == 2 and "egna" in err
