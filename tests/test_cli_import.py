"""``satellitkontor import-ical`` as an admin meets it: the plan, the question, the Swedish words,
and a broken file ending in one sentence and exit status 2."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from satellitkontor.cli.main import main
from satellitkontor.storage.database import sqlite_url
from tests.conftest import NOW, MovableClock, make_office

ICS = Path(__file__).parent / "integrations" / "ics"
ADMIN = "asa.admin@umea.se"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An office with the people the fixture files name (Anna, Bertil, Cecilia, an admin)."""
    monkeypatch.delenv("SATELLITKONTOR_DB_URL", raising=False)
    monkeypatch.delenv("SATELLITKONTOR_USER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    db = sqlite_url(tmp_path / "cli.sqlite3")
    make_office(db, MovableClock(NOW)).services.db.dispose()
    return db


def run(url: str, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin or "")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["--db", url, *args])
            except SystemExit as exc:  # argparse
                code = int(exc.code or 0)
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


def bookings(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT COUNT(*) FROM bookings")).scalar_one())
    finally:
        engine.dispose()


def test_a_dry_run_prints_the_plan_and_saves_nothing(url: str) -> None:
    code, out, err = run(url, "--as", ADMIN, "import-ical", str(ICS / "outlook_export.ics"), "--dry-run")

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Kalenderfil: outlook_export.ics (UTF-8), 6 händelser."
    assert "  «Konferensrummet» i plats eller rubrik → Konferensrummet (förslag)" in lines
    assert "Plan: 4 skapas, 0 dubbletter, 2 avvisas." in lines
    assert (
        "  skapas     tis 24 nov 2026 10:00–11:30  Konferensrummet  Anna Andersson  "
        "«Styrgrupp digitalisering, Umeåregionen»  4 deltagare"
    ) in lines
    assert (
        "  skapas     tors 26 nov 2026 förmiddag  Plats 5  Anna Andersson  «Skrivtid på satellitkontoret»"
        in lines
    )
    assert (
        "  avvisas    lör 28 nov 2026 10:00–12:00  «Planeringsdag (lördag)» (rad 153)  "
        "Kontoret är stängt lör 28 nov 2026: Lördag."
    ) in lines
    assert lines[-1] == "Provkörning: ingenting har sparats."
    assert bookings(url) == 0


def test_yes_saves_and_a_second_import_finds_only_duplicates(url: str) -> None:
    code, out, _ = run(url, "--as", ADMIN, "import-ical", str(ICS / "outlook_export.ics"), "--yes")
    assert code == 0 and out.splitlines()[-1] == "Klart: 4 bokningar skapade."
    assert bookings(url) == 4

    code, out, _ = run(url, "--as", ADMIN, "import-ical", str(ICS / "outlook_export.ics"), "--yes")
    assert code == 0
    assert "Plan: 0 skapas, 4 dubbletter, 2 avvisas." in out
    assert (
        "  dubblett   tis 24 nov 2026 10:00–11:30  «Styrgrupp digitalisering, Umeåregionen» (rad 31)  " in out
    )
    assert out.splitlines()[-1] == "Inget att skapa; ingenting har sparats."
    assert bookings(url) == 4


@pytest.mark.parametrize(("answer", "code", "saved"), [("j\n", 0, 4), ("n\n", 1, 0), ("", 1, 0)])
def test_it_asks_before_saving(url: str, answer: str, code: int, saved: int) -> None:
    got, out, err = run(url, "--as", ADMIN, "import-ical", str(ICS / "outlook_export.ics"), stdin=answer)
    assert got == code
    assert "Skapa 4 bokningar? [j/N]" in out
    assert bookings(url) == saved
    if not saved:
        assert "Avbrutet; ingenting har sparats." in err


def test_rules_and_a_default_person_in_english(url: str) -> None:
    code, out, _ = run(
        url,
        "--lang",
        "en",
        "--as",
        ADMIN,
        "import-ical",
        str(ICS / "bookings_export.ics"),
        "--map",
        "Konferensrum@umea.onmicrosoft.com=Konferensrummet",
        "--default-person",
        "rut@umea.se",
        "--dry-run",
    )
    assert code == 0
    assert "  konferensrum@umea.onmicrosoft.com → Konferensrummet" in out
    assert "  «kontorsplats» in location or title → the first free desk (suggested)" in out
    assert "Plan: 6 to create, 1 duplicates, 1 rejected." in out
    assert "Wed 25 Nov 2026 afternoon  Plats 1  Rut Receptionist  «Kontorsplats eftermiddag»" in out
    assert "The event is cancelled in the calendar and is not imported." in out
    assert out.splitlines()[-1] == "Dry run: nothing was saved."


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "not_calendar.ics",
            "fel: Filen är ingen kalenderfil (.ics): rad 1 börjar inte med BEGIN:VCALENDAR.\n",
        ),
        ("empty.ics", "fel: Filen är tom – den innehåller ingen kalender.\n"),
        ("finns-inte.ics", "fel: Filen går inte att öppna: No such file or directory.\n"),
    ],
)
def test_a_broken_file_is_one_swedish_line_and_exit_2(url: str, name: str, message: str) -> None:
    code, out, err = run(url, "--as", ADMIN, "import-ical", str(ICS / name))
    assert (code, out, err) == (2, "", message)


def test_only_an_admin_may_import(url: str) -> None:
    code, _, err = run(
        url, "--as", "rut@umea.se", "import-ical", str(ICS / "outlook_export.ics"), "--dry-run"
    )
    assert code == 2
    assert err == (
        "fel: Du har inte behörighet att importera bokningar från en kalenderfil (din roll: receptionist).\n"
    )


def test_a_hostile_file_in_a_real_process_gives_no_traceback(url: str, tmp_path: Path) -> None:
    deep = tmp_path / "djup.ics"
    deep.write_text("BEGIN:VCALENDAR\r\n" + "BEGIN:X\r\n" * 200, encoding="utf-8")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run(
        [sys.executable, "-m", "satellitkontor", "--db", url, "--as", ADMIN, "import-ical", str(deep)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "fel: Filen är trasig: på rad 11 ligger delar i fler än 10 nivåer inuti varandra.\n"
