"""``satellitkontor backup FILE`` and ``restore FILE`` as the person moving an office meets them:
one closing line of what was moved, questions before replacing, one-sentence refusals."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest

from satellitkontor.cli import output as cli_output
from satellitkontor.cli.main import main
from satellitkontor.services.app_services import open_office
from satellitkontor.services.demo import DemoService
from satellitkontor.storage.database import sqlite_url
from tests.conftest import NOW, MovableClock
from tests.storage.office_content import content
from tests.storage.schema_versions import make


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-demo") / "demo.sqlite3"
    services = open_office(sqlite_url(path), clock=MovableClock(NOW))
    try:
        DemoService(services.db, services.clock).create(weeks_back=1, weeks_ahead=1)
    finally:
        services.db.dispose()
    return path


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("SATELLITKONTOR_DB_URL", "SATELLITKONTOR_USER", "SATELLITKONTOR_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path


@pytest.fixture
def office(demo_file: Path, env: Path) -> str:
    copy = env / "kontor.sqlite3"
    shutil.copyfile(demo_file, copy)
    return sqlite_url(copy)


def run(
    url: str, *args: str, stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--db", url, *args])
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def _people(url: str) -> int:
    from satellitkontor.storage.database import Database

    db = Database(url)
    try:
        return len(content(db)["people"])
    finally:
        db.dispose()


SUMMARY_SV = r"– 30 personer, \d+ bokningar, 9 platser och rum, \d+ poster i ändringsloggen \(\d+\.\d s\)\.$"


def test_backup_then_restore_into_a_new_file(office: str, env: Path) -> None:
    file = env / "kontoret.backup"
    code, out, err = run(office, "backup", str(file))
    assert (code, err) == (0, "")
    assert re.match(rf"^Säkerhetskopian är klar: {re.escape(str(file))} {SUMMARY_SV}", out.strip()), out
    target = env / "ny.sqlite3"
    code, out, err = run(sqlite_url(target), "restore", str(file))
    assert (code, err) == (0, "")
    assert re.match(
        rf"^Kontoret är återställt i {re.escape(str(target))} från {re.escape(str(file))} {SUMMARY_SV}",
        out.strip(),
    ), out
    assert _people(sqlite_url(target)) == 30


def test_in_english(office: str, env: Path) -> None:
    file = env / "office.backup"
    code, out, _ = run(office, "--lang", "en", "backup", str(file))
    assert code == 0 and out.startswith(f"The backup is done: {file} – 30 people, ")
    assert "9 desks and rooms" in out and "entries in the change log" in out
    code, _, err = run(office, "--lang", "en", "restore", str(file))
    assert code == 2
    assert (
        err.strip()
        == f"error: The database {env / 'kontor.sqlite3'} already holds an office. Use --replace to replace it."
    )


def test_a_backup_does_not_overwrite_without_force(office: str, env: Path) -> None:
    file = env / "kontoret.backup"
    file.write_text("gammal", encoding="utf-8")
    code, out, err = run(office, "backup", str(file))
    assert (code, out) == (2, "")
    assert (
        err.strip()
        == f"fel: Filen {file} finns redan. Välj ett annat namn eller använd --force för att skriva över den."
    )
    assert file.read_text(encoding="utf-8") == "gammal"
    code, out, _ = run(office, "backup", str(file), "--force")
    assert code == 0 and out.startswith("Säkerhetskopian är klar")


def test_restore_into_an_office_needs_replace_and_a_yes(
    office: str, env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = env / "kontoret.backup"
    assert run(office, "backup", str(file))[0] == 0
    target = env / "annat.sqlite3"
    url = sqlite_url(target)
    assert (
        run(
            url,
            "person",
            "add",
            "--name",
            "Åsa Admin",
            "--email",
            "asa@umea.se",
            "--municipality",
            "Umeå",
            "--role",
            "admin",
        )[0]
        == 0
    )
    assert _people(url) == 1

    code, out, err = run(url, "restore", str(file))
    assert (code, out) == (2, "")
    assert (
        err.strip()
        == f"fel: Databasen {target} innehåller redan ett kontor. Använd --replace för att ersätta det."
    )

    code, out, err = run(url, "restore", str(file), "--replace", stdin="nej\n", monkeypatch=monkeypatch)
    assert (code, out) == (1, "")
    assert f"Databasen {target} innehåller ett kontor med 1 personer och 0 bokningar." in err
    assert "Skriv 'ja' för att fortsätta:" in err and err.rstrip().endswith("Avbrutet. Ingenting ändrades.")
    assert _people(url) == 1

    code, out, err = run(
        url, "restore", str(file), "--replace", stdin="", monkeypatch=monkeypatch
    )  # no answer
    assert code == 1 and _people(url) == 1

    code, out, err = run(url, "restore", str(file), "--replace", stdin="ja\n", monkeypatch=monkeypatch)
    assert code == 0 and out.startswith(f"Kontoret är återställt i {target}")
    assert _people(url) == 30

    code, out, err = run(url, "restore", str(file), "--replace", "--yes", stdin="", monkeypatch=monkeypatch)
    assert (code, err) == (0, "")  # not asked


def test_nothing_is_asked_when_there_is_no_office_to_replace(
    office: str, env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = env / "kontoret.backup"
    assert run(office, "backup", str(file))[0] == 0
    code, _, err = run(
        sqlite_url(env / "tom.sqlite3"), "restore", str(file), "--replace", stdin="", monkeypatch=monkeypatch
    )
    assert (code, err) == (0, "")


def test_progress_for_long_runs_goes_to_stderr(
    office: str, env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_output, "PROGRESS_FROM", 1)
    code, out, err = run(office, "backup", str(env / "kontoret.backup"))
    assert code == 0 and out.startswith("Säkerhetskopian är klar")
    lines = err.splitlines()
    assert lines[0].startswith("… 0 av ") and lines[0].endswith("rader (0 %)")
    assert lines[-1].endswith("rader (100 %)") and len(lines) <= 11


@pytest.mark.parametrize(
    ("name", "setup", "words"),
    [
        ("saknas.backup", None, "finns inte."),
        ("anteckningar.txt", "text", "är ingen säkerhetskopia av Satellitkontoret."),
    ],
)
def test_a_wrong_file_is_refused_in_one_sentence(
    office: str, env: Path, name: str, setup: str | None, words: str
) -> None:
    file = env / name
    if setup == "text":
        file.write_text("inte en databas", encoding="utf-8")
    target = env / "mål.sqlite3"
    code, out, err = run(sqlite_url(target), "restore", str(file))
    assert (code, out) == (2, "")
    assert err.strip() == f"fel: Filen {file} {words}"
    assert not target.exists()


def test_an_older_backup_is_upgraded_and_said_so(env: Path) -> None:
    file = env / "från-2026.db"
    shutil.copyfile(make.path_of("0003"), file)
    code, out, err = run(sqlite_url(env / "ny.sqlite3"), "restore", str(file))
    assert code == 0 and "8 personer, 10 bokningar, 5 platser och rum, 4 poster i ändringsloggen" in out
    assert err.strip() == "Säkerhetskopian var från en äldre version (0003) och uppgraderades först."


def test_an_unreachable_server_is_said_in_words(office: str, env: Path) -> None:
    pytest.importorskip("psycopg")
    file = env / "kontoret.backup"
    assert run(office, "backup", str(file))[0] == 0
    code, out, err = run("postgresql+psycopg://postgres@127.0.0.1:1/satellitkontor", "restore", str(file))
    assert (code, out) == (2, "")
    assert err.startswith(
        "fel: Databasen går inte att nå (postgresql+psycopg://postgres@127.0.0.1:1/satellitkontor)"
    )


def test_a_backup_of_nothing_creates_nothing(env: Path) -> None:
    code, _, err = run(sqlite_url(env / "ingen.sqlite3"), "backup", str(env / "k.backup"))
    assert code == 2 and "innehåller inget kontor att säkerhetskopiera" in err
    assert sorted(p.name for p in env.iterdir() if p.is_file()) == []


@pytest.mark.postgresql
def test_to_the_shared_server_and_back(office: str, env: Path, pg_url: str) -> None:
    file = env / "kontoret.backup"
    assert run(office, "backup", str(file))[0] == 0
    code, out, _ = run(pg_url, "restore", str(file))
    assert code == 0 and out.startswith("Kontoret är återställt i postgresql+psycopg://")
    back = env / "tillbaka.backup"
    code, out, _ = run(pg_url, "backup", str(back))
    assert code == 0 and out.startswith(f"Säkerhetskopian är klar: {back} – 30 personer")


def test_help_says_who_may_run_them(env: Path) -> None:
    for command in ("backup", "restore"):
        code, out, _ = run(sqlite_url(env / "x.sqlite3"), command, "--help")
        assert code == 0 and "databasens ägare (DBA)" in " ".join(out.split())
    code, out, _ = run(sqlite_url(env / "x.sqlite3"), "--lang", "en", "restore", "--help")
    assert "--replace" in out and "database's owner (DBA)" in " ".join(out.split())
