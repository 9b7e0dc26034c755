"""The command line as a user meets it: real SQLite files, real exit codes, Swedish words."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from satellitkontor.cli.main import main
from satellitkontor.domain import clock as clk
from satellitkontor.storage.database import sqlite_url


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("SATELLITKONTOR_DB_URL", raising=False)
    monkeypatch.delenv("SATELLITKONTOR_USER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return sqlite_url(tmp_path / "cli.sqlite3")


def run(url: str, *args: str) -> tuple[int, str, str]:
    import contextlib

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--db", url, *args])
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def next_open_weekday(after: date, weekday: int = 1) -> date:
    """The next Tuesday (by default) that is not a holiday, at least two days ahead."""
    from satellitkontor.domain.office_calendar import OfficeCalendar

    cal = OfficeCalendar()
    day = after + timedelta(days=2)
    while day.weekday() != weekday or not cal.is_open(day):
        day += timedelta(days=1)
    return day


def add_people(url: str) -> None:
    """An admin (the first person, while the office has none) adds two more through the CLI."""
    people = [
        ("Åsa Admin", "asa@umea.se", "Umeå", "--role", "admin"),
        ("Örjan Ödmark", "orjan@vannas.se", "vannas"),
        ("Politiker Pia", "pia@bjurholm.se", "Bjurholm", "--kind", "politician"),
    ]
    for i, (name, email, municipality, *extra) in enumerate(people):
        acting = ["--as", "asa@umea.se"] if i else []
        args = [*acting, "person", "add", "--name", name, "--email", email, "--municipality", municipality]
        code, _, err = run(url, *args, *extra)
        assert code == 0, err


def test_a_new_database_gets_the_default_office_and_a_hint_about_the_demo(url: str) -> None:
    code, out, err = run(url, "resources")
    assert code == 0
    assert "Ny databas skapad" in err and "satellitkontor demo" in err
    assert out.count("kontorsplats") == 8
    assert "Konferensrummet    konferensrum, högst 12" in out


def test_book_a_desk_and_see_it_in_the_days_occupancy(url: str) -> None:
    add_people(url)
    day = next_open_weekday(clk.local_date(clk.system_clock()))
    code, out, err = run(
        url,
        "book",
        "desk",
        "Plats 3",
        "--date",
        day.isoformat(),
        "--period",
        "fm",
        "--for",
        "orjan@vannas.se",
    )
    assert (code, err) == (0, ""), err
    assert out.startswith("Bokat: #1  Plats 3") and "förmiddag" in out and "Örjan Ödmark (Vännäs)" in out
    code, out, _ = run(url, "--as", "asa@umea.se", "occupancy", "--date", day.isoformat())
    assert code == 0
    line = next(li for li in out.splitlines() if li.startswith("Plats 3"))
    assert "Örjan Ödmark (Vännäs) #1" in line and line.rstrip().endswith("ledig")
    assert "Kontorsplatser: 1 av 8 upptagna, 7 lediga" in out


def test_a_conflict_and_a_rule_break_print_one_swedish_line_and_exit_2(url: str) -> None:
    add_people(url)
    day = next_open_weekday(clk.local_date(clk.system_clock()))
    assert run(url, "book", "desk", "Plats 1", "--date", day.isoformat(), "--for", "orjan@vannas.se")[0] == 0
    code, out, err = run(
        url,
        "book",
        "desk",
        "plats 1",
        "--date",
        day.isoformat(),
        "--period",
        "em",
        "--for",
        "pia@bjurholm.se",
    )
    assert code == 2 and out == ""
    assert err.startswith("fel: Plats 1 är redan bokad") and "(av någon från Vännäs)" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err

    code, _, err = run(
        url,
        "book",
        "room",
        "--date",
        day.isoformat(),
        "--from",
        "09:00",
        "--to",
        "10:00",
        "--participants",
        "13",
        "--for",
        "pia@bjurholm.se",
    )
    assert code == 2
    assert err.strip() == "fel: Antalet deltagare måste vara mellan 1 och 12; du angav 13."
    code, out, _ = run(url, "occupancy", "--date", day.isoformat())
    assert "inga möten" in out  # nothing half-saved


def test_english_messages_with_lang_en(url: str) -> None:
    add_people(url)
    code, _, err = run(
        url, "--lang", "en", "book", "desk", "Plats 1", "--date", "2020-01-07", "--for", "orjan@vannas.se"
    )
    assert code == 2
    assert err.startswith("error: You cannot book in the past")


def test_a_user_may_not_book_for_someone_else(url: str) -> None:
    add_people(url)
    day = next_open_weekday(clk.local_date(clk.system_clock()))
    code, _, err = run(
        url,
        "book",
        "desk",
        "Plats 2",
        "--date",
        day.isoformat(),
        "--for",
        "pia@bjurholm.se",
        "--as",
        "orjan@vannas.se",
    )
    assert code == 2 and "inte behörighet att boka åt någon annan" in err


def test_recurring_dry_run_lists_the_skipped_days_and_saves_nothing(url: str) -> None:
    add_people(url)
    today = clk.local_date(clk.system_clock())
    first = next_open_weekday(today)
    assert (
        run(
            url,
            "book",
            "desk",
            "Plats 4",
            "--date",
            (first + timedelta(days=7)).isoformat(),
            "--for",
            "pia@bjurholm.se",
        )[0]
        == 0
    )
    code, out, err = run(
        url,
        "book",
        "desk",
        "Plats 4",
        "--date",
        first.isoformat(),
        "--for",
        "orjan@vannas.se",
        "--repeat",
        "weekly",
        "--weekdays",
        "tis",
        "--count",
        "3",
        "--dry-run",
    )
    assert code == 0, err
    assert "Skulle boka 2 tillfällen" in out and "Hoppade över 1:" in out and "redan bokad" in out
    code, out, _ = run(url, "--as", "orjan@vannas.se", "mine")
    assert out.strip() == "Inga bokningar."


def test_cancel_by_number(url: str) -> None:
    add_people(url)
    day = next_open_weekday(clk.local_date(clk.system_clock()))
    run(url, "book", "desk", "Plats 5", "--date", day.isoformat(), "--for", "orjan@vannas.se")
    code, out, _ = run(url, "cancel", "1")
    assert code == 0 and out.startswith("Avbokat: #1") and "[avbokad]" in out
    code, _, err = run(url, "cancel", "1")
    assert code == 2 and "redan avbokad" in err
    code, _, err = run(url, "cancel", "99")
    assert code == 2 and "Det finns ingen bokning «99»" in err


def test_rotation_shows_bjurholm_for_2026_and_projected_years(url: str) -> None:
    code, out, _ = run(url, "rotation", "--year", "2026")
    assert code == 0
    assert "Värdkommun 2026: Bjurholm (beslutad)" in out
    assert "Vice ordförande KC-gruppen: Nordmaling" in out
    assert "Överlämning: Bjurholm → Nordmaling, december, datum ej bestämt" in out
    code, out, _ = run(url, "rotation", "--year", "2027", "--years", "3")
    assert "2028  Robertsfors    Umeå                   preliminär" in out


def test_demo_then_stats_as_csv(url: str, tmp_path: Path) -> None:
    code, out, err = run(url, "demo", "--weeks", "2")
    assert code == 0, err
    assert "Demokontoret är klart" in out and "30 personer från sju kommuner" in out
    code, _, err = run(url, "demo")
    assert code == 2 and "bara i en tom databas" in err
    year = clk.local_date(clk.system_clock()).year
    target = tmp_path / "stats.csv"
    admin = "sofia.lindqvist@umea.se"  # the demo's admin sees every value (issue 20, item 12)
    code, out, _ = run(
        url, "--as", admin, "stats", "--year", str(year), "--format", "csv", "--out", str(target)
    )
    assert code == 0 and str(target) in out
    # The app's file: Swedish headers, semicolons, a byte-order mark, decimal commas.
    text = target.read_text(encoding="utf-8-sig")
    municipalities_part, rooms_part = text.split("\n\n")  # then the per-room table (issue 16)
    rows = list(csv.DictReader(io.StringIO(municipalities_part), delimiter=";"))
    assert len(rows) == 13 * 7
    per_room = list(csv.DictReader(io.StringIO(rooms_part), delimiter=";"))
    assert [r["Rum"] for r in per_room if r["Månad"] == "Hela året"] == ["Konferensrummet"]
    year_rows = [r for r in rows if r["Månad"] == "Hela året"]
    assert {r["Kommun"] for r in year_rows} == {
        "Bjurholm",
        "Nordmaling",
        "Robertsfors",
        "Umeå",
        "Vindeln",
        "Vännäs",
        "Örnsköldsvik",
    }

    def days(r: dict[str, str]) -> float:
        return float(r["Platsdagar"].replace(",", "."))

    assert sum(days(r) for r in year_rows) > 0
    monthly = sum(days(r) for r in rows if r["Månad"] != "Hela året")
    assert monthly == pytest.approx(sum(days(r) for r in year_rows))
    workbook = tmp_path / "stats.xlsx"
    code, out, _ = run(url, "stats", "--year", str(year), "--out", str(workbook))
    assert code == 0 and str(workbook) in out
    import openpyxl

    book = openpyxl.load_workbook(workbook, read_only=True)
    assert book.sheetnames[:2] == ["Helår", "Per månad"]  # then "Dolda celler" when cells count < 3 people
    book.close()
    code, _, err = run(url, "stats", "--year", str(year), "--format", "xlsx")
    assert code == 2 and "--out FIL.xlsx" in err


def test_bad_arguments_are_explained_in_swedish(url: str) -> None:
    code, _, err = run(url, "book", "desk")
    assert code == 2 and "de här uppgifterna saknas" in err
    code, _, err = run(url, "occupancy", "--date", "31/12")
    assert (
        code == 2
        and err.strip().splitlines()[-1] == "fel: Ogiltigt värde för datum (skriv ÅÅÅÅ-MM-DD): 31/12."
    )


def test_db_upgrade_and_info(url: str) -> None:
    from satellitkontor.storage.schema import head_revision

    head = head_revision()
    code, out, _ = run(url, "db", "upgrade")
    assert code == 0 and f"Schemat är skapat ({head})" in out
    code, out, _ = run(url, "db", "upgrade")
    assert "redan senaste schemat" in out
    code, out, _ = run(url, "db", "info")
    assert f"Schemaversion: {head} (senaste: {head})" in out


def test_the_console_script_never_shows_a_traceback(tmp_path: Path) -> None:
    """A real process: an unreachable PostgreSQL server gives one line and exit status 2."""
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "satellitkontor",
            "--db",
            "postgresql+psycopg://nobody@127.0.0.1:1/none",
            "occupancy",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("fel: Databasen går inte att nå")
    version = subprocess.run(
        [sys.executable, "-m", "satellitkontor", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.startswith("satellitkontor ")


def test_occupancy_today_on_a_closed_day_also_shows_the_next_open_day(url: str) -> None:
    from satellitkontor.domain.office_calendar import OfficeCalendar

    code, out, _ = run(url, "occupancy")
    today = clk.local_date(clk.system_clock())
    cal = OfficeCalendar()
    if cal.is_open(today):
        assert out.count("Satellitkontoret – ") == 1 and "Kontorsplatser: 0 av 8 upptagna" in out
    else:
        from satellitkontor.words.texts import fmt_date

        following = cal.next_open_day(today)
        assert "stängt" in out.splitlines()[0]
        assert f"Satellitkontoret – {fmt_date(following)} (öppet 08:00–17:00)" in out
    code, out, _ = run(url, "occupancy", "--date", "2026-12-25")
    assert code == 0 and out.strip() == "Satellitkontoret – fre 25 dec 2026: stängt (Juldagen)"


def test_a_single_dry_run_books_nothing(url: str) -> None:
    add_people(url)
    day = next_open_weekday(clk.local_date(clk.system_clock()))
    args = ["book", "desk", "Plats 3", "--date", day.isoformat(), "--for", "orjan@vannas.se", "--dry-run"]
    code, out, err = run(url, *args)
    assert code == 0, err
    assert "Skulle boka 1" in out
    code, out, _ = run(url, "--as", "orjan@vannas.se", "mine")
    assert out.strip() == "Inga bokningar."
    run(url, "book", "desk", "Plats 3", "--date", day.isoformat(), "--for", "pia@bjurholm.se")
    code, out, err = run(url, *args)  # taken now: said, and still nothing booked
    assert code == 2 and "ingenting har bokats" in err, out + err
    code, out, _ = run(url, "--as", "orjan@vannas.se", "mine")
    assert out.strip() == "Inga bokningar."
