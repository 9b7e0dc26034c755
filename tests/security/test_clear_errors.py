"""Hostile or mistaken command lines (issue 20, item 10): each one ends with one sentence in
Swedish and exit status 2, never "Något oväntat hände"."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from satellitkontor.storage.database import sqlite_url
from tests.conftest import MovableClock, make_office
from tests.test_cli import run


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("SATELLITKONTOR_DB_URL", "SATELLITKONTOR_USER", "SATELLITKONTOR_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    address = sqlite_url(tmp_path / "kontor.sqlite3")
    from satellitkontor.domain import clock as clk

    office = make_office(address, MovableClock(clk.system_clock()))
    office.services.db.dispose()
    yield address


def one_clear_line(code: int, out: str, err: str) -> str:
    assert code == 2, (code, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fel: "), err
    assert "oväntat" not in err and len(lines[0]) < 300, err
    return lines[0]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["occupancy", "--date", "9999-12-31"], "datum"),
        (["occupancy", "--date", "0001-01-01"], "datum"),
        (["cancel", "99999999999999999999999"], "nummer"),
        (["serve-feeds", "--port", "99999"], "port"),
        (["stats", "--year", "2026", "--out", "/nonexistent/x.csv"], "/nonexistent/x.csv"),
        (["stats", "--year", "99999"], "år"),
    ],
)
def test_a_bad_argument_is_one_sentence(url: str, args: list[str], words: str) -> None:
    assert words in one_clear_line(*run(url, *args))


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("not a url", "ingen databasadress"),
        ("mysql://kontor@server/satellitkontor", "ingen databasadress"),
        ("postgresql+pg8000://kontor@server/satellitkontor", "installera satellitkontor[postgresql]"),
    ],
)
def test_a_bad_database_address_is_one_sentence(address: str, words: str, tmp_path: Path) -> None:
    assert words in one_clear_line(*run(address, "occupancy"))


def test_sqlite_locked_longer_than_the_wait_is_the_office_busy(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("satellitkontor.storage.database.SQLITE_BUSY_TIMEOUT_MS", 200)
    path = url.split("///", 1)[1]
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        code, out, err = run(
            url,
            "--as",
            "asa.admin@umea.se",
            "person",
            "add",
            "--name",
            "Ny Person",
            "--email",
            "ny@umea.se",
            "--municipality",
            "Umeå",
        )
        sentence = one_clear_line(code, out, err)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "upptaget" in sentence, sentence
