"""Who acts on the command line (services/identity.py): one rule for every command.

In shared office mode the database login is who acts: a ``--as`` (or ``$SATELLITKONTOR_USER``)
naming anyone else is refused for *every* command, before it reads or changes anything, so no
command can write an audit entry in someone else's name. The table below has one case per
command in the registry; a command added without a case fails ``test_every_command_has_a_case``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from satellitkontor.cli.registry import COMMANDS
from tests.pg_logins import login_url
from tests.test_cli_db import _open_day_ahead, initialised, logins, query, run

__all__ = ["initialised", "logins"]  # fixtures used below

OTHER = "asa@umea.se"  # the admin: naming her must not lend her rights

# command -> its arguments (tmp: a folder of the test's own; backup: a backup file made by the owner)
CASES: dict[str, Callable[[Path, Path], list[str]]] = {
    "demo": lambda tmp, backup: ["demo"],
    "book": lambda tmp, backup: ["book", "desk", "Plats 1", "--date", _open_day_ahead().isoformat()],
    "cancel": lambda tmp, backup: ["cancel", "1"],
    "change": lambda tmp, backup: ["change", "1", "--desk", "Plats 3"],
    "release": lambda tmp, backup: ["release", "--force"],
    "waitlist": lambda tmp, backup: ["waitlist", "join", "--date", _open_day_ahead().isoformat()],
    "check-in": lambda tmp, backup: ["check-in", "1"],
    "no-show": lambda tmp, backup: ["no-show"],
    "occupancy": lambda tmp, backup: ["occupancy"],
    "mine": lambda tmp, backup: ["mine"],
    "rotation": lambda tmp, backup: ["rotation"],
    "stats": lambda tmp, backup: ["stats", "--year", "2026", "--out", str(tmp / "stats.csv")],
    "db": lambda tmp, backup: ["db", "info"],
    "person": lambda tmp, backup: ["person", "list"],
    "resources": lambda tmp, backup: ["resources"],
    "closure": lambda tmp, backup: ["closure", "add", "--from", "2027-07-01", "--reason", "Semester"],
    "export-ical": lambda tmp, backup: ["export-ical", "--out", str(tmp / "kontoret.ics")],
    "serve-feeds": lambda tmp, backup: ["serve-feeds", "--no-http", "--folder", str(tmp / "feeds")],
    "feeds": lambda tmp, backup: ["feeds", "list"],
    "import-ical": lambda tmp, backup: ["import-ical", str(tmp / "none.ics"), "--dry-run"],
    "audit": lambda tmp, backup: ["audit"],
    "retention": lambda tmp, backup: ["retention", "--apply"],
    "my-data": lambda tmp, backup: ["my-data", "--email", OTHER, "--out", str(tmp)],
    "settings": lambda tmp, backup: ["settings", "visibility", "names"],
    "sync": lambda tmp, backup: ["sync", "--status"],
    "notify": lambda tmp, backup: ["notify", "--status"],
    "backup": lambda tmp, backup: ["backup", str(tmp / "kopia.sqlite3")],
    "restore": lambda tmp, backup: ["restore", str(backup), "--replace", "--yes"],
}


def test_every_command_has_a_case() -> None:
    assert sorted(CASES) == sorted(c.name for c in COMMANDS)


def _run_bounded(*args: str, seconds: float = 30) -> tuple[int, str, str]:
    """run(), but a command that does not return (a server started in someone else's name) fails."""
    result: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: result.append(run(*args)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"{args[2:]} did not return: it ran instead of refusing"
    return result[0]


@pytest.fixture
def shared(initialised: str, logins: dict[str, str], tmp_path: Path) -> tuple[str, Path]:
    """Anna's login (a user) on a shared office with one booking of hers, and a backup file."""
    url, anna = initialised, logins["anna"]
    assert run("db", "grant", anna, "--email", "anna@umea.se", "--role", "user", "--url", url)[0] == 0
    as_anna = login_url(url, anna)
    code, _out, err = run("--db", as_anna, "book", "desk", "Plats 2", "--date", _open_day_ahead().isoformat())
    assert code == 0, err
    backup = tmp_path / "owner-backup.sqlite3"
    code, _out, err = run("--db", url, "backup", str(backup))
    assert code == 0, err
    return as_anna, backup


def _state(url: str) -> list[object]:
    return [
        query(url, "SELECT id, status, person_id FROM bookings ORDER BY id"),
        query(url, "SELECT count(*) FROM audit_log"),
        query(url, "SELECT value FROM settings ORDER BY key"),
        query(url, "SELECT count(*) FROM closures"),
        query(url, "SELECT count(*) FROM waitlist_entries"),
    ]


@pytest.mark.postgresql
@pytest.mark.parametrize("command", sorted(CASES))
def test_a_login_may_not_act_as_someone_else(
    command: str, shared: tuple[str, Path], initialised: str, tmp_path: Path
) -> None:
    as_anna, backup = shared
    (tmp_path / "none.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    before = _state(initialised)
    code, out, err = _run_bounded("--db", as_anna, "--as", OTHER, *CASES[command](tmp_path, backup))
    assert code == 2, (out, err)
    assert "inloggad i databasen som" in err and OTHER in err, err
    assert _state(initialised) == before
    assert not (tmp_path / "stats.csv").exists() and not (tmp_path / "kontoret.ics").exists()
    assert not (tmp_path / "kopia.sqlite3").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("satellitkontoret-personuppgifter")]


@pytest.mark.postgresql
def test_the_environment_may_not_name_someone_else_either(
    shared: tuple[str, Path], initialised: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_anna, _backup = shared
    monkeypatch.setenv("SATELLITKONTOR_USER", OTHER)
    code, _out, err = run("--db", as_anna, "settings", "visibility", "names")
    assert code == 2 and "inloggad i databasen som" in err
    monkeypatch.setenv("SATELLITKONTOR_USER", "anna@umea.se")  # naming oneself is fine
    code, out, err = run("--db", as_anna, "mine")
    assert code == 0, err
    assert "Plats 2" in out


@pytest.mark.postgresql
def test_my_data_gives_a_user_only_their_own(shared: tuple[str, Path], tmp_path: Path) -> None:
    as_anna, _backup = shared
    code, _out, err = run("--db", as_anna, "my-data", "--email", OTHER, "--out", str(tmp_path))
    # refused: by the service (not an admin), or sooner, as the database hides other people
    assert code == 2 and ("behörighet" in err or "ingen person" in err), err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("satellitkontoret-personuppgifter")]
    code, out, err = run("--db", as_anna, "my-data", "--out", str(tmp_path))
    assert code == 0, err
    assert "anna@umea.se" in out


def test_on_one_pc_as_names_the_person_as_before(tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'kontor.sqlite3'}"
    assert (
        run(
            "--db",
            url,
            "person",
            "add",
            "--name",
            "Åsa Admin",
            "--email",
            OTHER,
            "--municipality",
            "Umeå",
            "--role",
            "admin",
        )[0]
        == 0
    )
    code, _out, err = run("--db", url, "--as", OTHER, "settings", "visibility", "names")
    assert code == 0, err
    code, _out, err = run("--db", url, "my-data", "--out", str(tmp_path))
    assert code == 2 and "--as" in err  # nobody said who asks: nobody's data
