"""Machine-wide defaults (IT's file) under the user's own settings, read without Qt, and the
command line honouring them: which database, which language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from satellitkontor import machine_settings as ms
from satellitkontor.domain.errors import SettingsFileInvalid
from satellitkontor.storage.locations import resolve_url, sqlite_url


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A machine file and a user config folder of this test's own; no database in the environment."""
    machine = tmp_path / "etc" / "satellitkontor.ini"
    machine.parent.mkdir()
    config = tmp_path / "config"
    monkeypatch.setenv(ms.ENV_SYSTEM_CONFIG, str(machine))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("SATELLITKONTOR_DB_URL", raising=False)
    monkeypatch.delenv("SATELLITKONTOR_LANG", raising=False)
    return {"machine": machine, "user": config / "Umeåregionen" / "Satellitkontor.ini", "tmp": tmp_path}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


SHARED = "postgresql+psycopg://bokning@db.umea.se/satellitkontor"


def test_the_machine_file_names_the_database_and_a_users_setting_wins(places: dict[str, Path]) -> None:
    default = sqlite_url(Path(places["tmp"] / "data" / "satellitkontor" / "satellitkontor.sqlite3"))
    assert resolve_url() == default  # nothing set anywhere: the user's own SQLite file
    write(places["machine"], f"; IT, 2026-11\n[database]\nurl = {SHARED}\n\n[ui]\nlanguage = en\n")
    assert resolve_url() == SHARED
    # the user's file as QSettings writes it: a value with "=" or "," comes quoted
    own = "postgresql+psycopg://anna@test.umea.se/prov?sslmode=require"
    write(places["user"], f'[database]\nurl="{own}"\n\n[window]\nlast_view=book\n')
    assert resolve_url() == own
    assert resolve_url("sqlite+pysqlite:////tmp/cli.sqlite3") == "sqlite+pysqlite:////tmp/cli.sqlite3"
    os.environ["SATELLITKONTOR_DB_URL"] = "sqlite+pysqlite:////tmp/env.sqlite3"
    assert resolve_url() == "sqlite+pysqlite:////tmp/env.sqlite3"  # --db > env > user > machine
    del os.environ["SATELLITKONTOR_DB_URL"]
    write(places["user"], "[database]\nurl=\n")  # cleared in the app: the machine's shows again
    assert resolve_url() == SHARED


def test_every_key_of_the_machine_file_and_the_user_overriding_one(places: dict[str, Path]) -> None:
    write(
        places["machine"],
        "\ufeff[database]\nurl = " + SHARED + "\n[ui]\nlanguage = EN\n"
        "[exchange]\nbackend = graph\ngraph_tenant = umea.onmicrosoft.com\ngraph_client_id = 1234\n"
        "ews_url = https://mail.umea.se/EWS/Exchange.asmx\n",
    )
    machine = ms.read_machine_settings()
    assert machine.exists and machine.path == places["machine"]
    assert ms.language(machine.values[ms.LANGUAGE]) == "en"
    assert ms.exchange_endpoint(user={}, machine=machine) == ms.ExchangeEndpoint(
        "graph", "https://mail.umea.se/EWS/Exchange.asmx", "umea.onmicrosoft.com", "1234"
    )
    user = {ms.EXCHANGE_BACKEND: "ews", ms.LANGUAGE: "sv"}
    assert ms.exchange_endpoint(user=user, machine=machine).backend == "ews"
    assert ms.configured(ms.LANGUAGE, user=user, machine=machine) == "sv"
    assert ms.configured(ms.EXCHANGE_GRAPH_TENANT, user=user, machine=machine) == "umea.onmicrosoft.com"


def test_a_typo_in_the_machine_file_is_logged(
    places: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    write(places["machine"], "[database]\nulr = " + SHARED + "\n")
    assert ms.read_machine_settings().values == {}
    assert "unknown key 'database/ulr'" in caplog.text


def test_an_unreadable_machine_file_is_an_error_not_a_quiet_default(places: dict[str, Path]) -> None:
    write(places["machine"], "[database]\nurl = " + SHARED + "\nsslmode require\n")  # no "="
    with pytest.raises(SettingsFileInvalid) as caught:
        resolve_url()
    assert caught.value.params["path"] == str(places["machine"])
    assert caught.value.params["detail"].endswith("line 3: 'sslmode require'")


def test_the_user_file_is_where_qt_keeps_it(places: dict[str, Path]) -> None:
    assert ms.user_settings_path() == places["user"]


def _cli(places: dict[str, Path], *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SATELLITKONTOR_") or k == ms.ENV_SYSTEM_CONFIG
    }
    env["SATELLITKONTOR_LOG_DIR"] = str(places["tmp"] / "logs")
    return subprocess.run(
        [sys.executable, "-m", "satellitkontor", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_the_command_line_honours_the_machine_file_and_the_users_setting(places: dict[str, Path]) -> None:
    machine_db = places["tmp"] / "machine.sqlite3"
    user_db = places["tmp"] / "user.sqlite3"
    write(places["machine"], f"[database]\nurl = {sqlite_url(machine_db)}\n[ui]\nlanguage = en\n")
    out = _cli(places, "db", "info")
    assert out.returncode == 0, out.stderr
    assert str(machine_db) in out.stdout
    assert "Database" in out.stdout and "Databas:" not in out.stdout  # the machine's language: English

    write(places["user"], f"[database]\nurl={sqlite_url(user_db)}\n\n[ui]\nlanguage=sv\n")
    out = _cli(places, "db", "info")
    assert out.returncode == 0, out.stderr
    assert str(user_db) in out.stdout and str(machine_db) not in out.stdout
    assert "Databas" in out.stdout  # the user's Swedish wins over the machine's English


def test_the_command_line_says_which_settings_file_is_broken(places: dict[str, Path]) -> None:
    write(places["machine"], "url = nowhere\n")
    out = _cli(places, "db", "info")
    assert out.returncode == 2
    assert out.stderr.startswith("fel: Inställningsfilen " + str(places["machine"]))
    assert "line 1: 'url = nowhere'" in out.stderr  # IT sees which line to mend
    assert "Kontakta IT" in out.stderr and "Traceback" not in out.stderr
    assert _cli(places, "--version").returncode == 0  # --version needs no settings
