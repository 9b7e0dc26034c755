"""``satellitkontor audit`` as an admin meets it: the newest changes first in Swedish, the
filters, a CSV file, and a one-sentence refusal for anyone else."""

from __future__ import annotations

import contextlib
import csv
import io
from datetime import time
from pathlib import Path

import pytest

from satellitkontor.cli.main import main
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.people import Role
from satellitkontor.storage.database import sqlite_url
from tests.conftest import MONDAY, NOW, MovableClock, make_office

ADMIN = "asa.admin@umea.se"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An office where, on Monday 23 November, Anna booked Plats 3, cancelled it, and Bertil
    became receptionist."""
    monkeypatch.delenv("SATELLITKONTOR_DB_URL", raising=False)
    monkeypatch.delenv("SATELLITKONTOR_USER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    db = sqlite_url(tmp_path / "cli.sqlite3")
    clock = MovableClock(NOW)
    o = make_office(db, clock)
    clock.set_local(MONDAY, time(7, 40))
    booking = o.services.booking.book_desk(o.anna.id, o.desk(3).id, MONDAY, DeskPeriod.FULL_DAY)
    clock.set_local(MONDAY, time(7, 50))
    o.services.booking.cancel(o.anna.id, booking.id)
    clock.set_local(MONDAY, time(8, 5))
    o.services.office.set_role(o.admin.id, o.bertil.id, Role.RECEPTIONIST)
    o.services.db.dispose()
    return db


def run(url: str, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--db", url, *args])
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_the_newest_changes_first(url: str) -> None:
    code, out, err = run(url, "--as", ADMIN, "audit", "--limit", "3")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert (
        lines[0]
        == "2026-11-23 08:05  Åsa Administratör  Roll ändrad  Bertil Öberg  roll: användare → receptionist"
    )
    assert lines[1] == (
        "2026-11-23 07:50  Anna Andersson  Avbokad  Plats 3, mån 23 nov 2026 heldag  (Anna Andersson)  "
        "status: bokad → avbokad"
    )
    assert lines[2].startswith(
        "2026-11-23 07:40  Anna Andersson  Bokning skapad  Plats 3, mån 23 nov 2026 heldag"
    )
    assert lines[3].startswith("Visar de 3 senaste av ")


def test_filters(url: str) -> None:
    code, out, _ = run(url, "--as", ADMIN, "audit", "--action", "booking.cancel")
    assert code == 0 and [line.split("  ")[2] for line in out.splitlines()] == ["Avbokad"]
    code, out, _ = run(url, "--as", ADMIN, "audit", "--action", "booking")
    assert [line.split("  ")[2] for line in out.splitlines()] == ["Avbokad", "Bokning skapad"]
    code, out, _ = run(url, "--as", ADMIN, "audit", "--text", "öberg", "--action", "person")
    assert [line.split("  ")[2] for line in out.splitlines()] == ["Roll ändrad", "Person tillagd"]
    code, out, _ = run(url, "--as", ADMIN, "audit", "--from", "2026-11-24")
    assert (code, out) == (0, "Inga poster i ändringsloggen.\n")
    code, out, _ = run(
        url,
        "--as",
        ADMIN,
        "--lang",
        "en",
        "audit",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-23",
        "--action",
        "person.role",
    )
    assert out.splitlines() == [
        "2026-11-23 08:05  Åsa Administratör  Role changed  Bertil Öberg  role: user → receptionist"
    ]


def test_an_unknown_action_is_one_sentence(url: str) -> None:
    code, out, err = run(url, "--as", ADMIN, "audit", "--action", "booking.delete")
    assert (code, out) == (2, "")
    assert err.startswith("fel: Ogiltigt värde för händelse (t.ex. booking.cancel eller booking")
    assert "booking.delete" in err


def test_csv(url: str, tmp_path: Path) -> None:
    path = tmp_path / "logg.csv"
    code, out, _ = run(url, "--as", ADMIN, "audit", "--action", "booking", "--csv", str(path))
    assert (code, out) == (0, f"2 poster sparades i {path}.\n")
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert [r[2] for r in rows] == ["Händelse", "Avbokad", "Bokning skapad"]


@pytest.mark.parametrize("who", ["anna.andersson@umea.se", "rut@umea.se"])
def test_only_admins(url: str, who: str) -> None:
    code, out, err = run(url, "--as", who, "audit")
    assert (code, out) == (2, "")
    assert "se ändringsloggen" in err and "Traceback" not in err
    code, _, err = run(url, "audit")
    assert code == 2 and err.startswith("fel: ")


def test_help_names_the_actions() -> None:
    code, out, _ = run("sqlite://", "audit", "--help")
    assert code == 0
    assert "Loggen kan inte ändras" in out and "booking.cancel" in out and "--csv" in out
