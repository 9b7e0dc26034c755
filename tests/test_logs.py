"""The log file: in the log folder, rotated at its size limit, and where the command line's
unexpected errors leave their traceback."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from satellitkontor import logs


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "logs"
    logs.shutdown()


def test_the_log_rotates_at_its_size_limit_and_keeps_five(log_dir: Path) -> None:
    path = logs.setup(log_dir, max_bytes=4_000, backups=5)
    assert path == log_dir / "satellitkontor.log"
    assert not path.exists()  # opened at the first record: a quiet run leaves no file
    log = logging.getLogger("satellitkontor.services")
    for n in range(400):  # ~100 bytes each: ~40 kB, ten times the limit
        log.warning("booking %04d could not be synced to Exchange, will retry", n)
    files = sorted(p.name for p in log_dir.iterdir())
    assert files == [
        "satellitkontor.log",
        "satellitkontor.log.1",
        "satellitkontor.log.2",
        "satellitkontor.log.3",
        "satellitkontor.log.4",
        "satellitkontor.log.5",
    ]
    assert all((log_dir / name).stat().st_size <= 4_000 for name in files)
    assert "booking 0399" in path.read_text(encoding="utf-8")  # the newest is in the current file
    assert "booking 0000" not in "".join((log_dir / n).read_text(encoding="utf-8") for n in files)


def test_records_below_info_and_from_other_libraries_stay_out(log_dir: Path) -> None:
    path = logs.setup(log_dir)
    logging.getLogger("satellitkontor.gui").debug("noise")
    logging.getLogger("sqlalchemy.engine").warning("not ours")
    logging.getLogger("satellitkontor.gui").info("window shown")
    text = path.read_text(encoding="utf-8")
    assert "window shown" in text and "noise" not in text and "not ours" not in text
    assert " INFO [MainThread] satellitkontor.gui: window shown" in text


#: A command line whose first step fails in a way nobody foresaw (a bad database address used
#: to, but that is a sentence of its own now).
_UNEXPECTED = """
import sys
from satellitkontor.cli import args as a, main as m
def broken(args):
    raise RuntimeError("ett fel ingen väntade")
a.check_numbers = broken  # main imports it from cli.args when it runs
sys.exit(m.main(sys.argv[1:]))
"""


def test_an_unexpected_error_in_the_command_line_leaves_its_traceback_in_the_log(tmp_path: Path) -> None:
    env = {**os.environ, "SATELLITKONTOR_LOG_DIR": str(tmp_path / "logs")}
    out = subprocess.run(
        [sys.executable, "-c", _UNEXPECTED, "--db", "sqlite:///" + str(tmp_path / "k.sqlite3"), "db", "info"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    log_file = tmp_path / "logs" / "satellitkontor.log"
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert f"Detaljer finns i {log_file}" in out.stderr
    text = log_file.read_text(encoding="utf-8")
    assert "unexpected error in the command line" in text
    assert "Traceback (most recent call last)" in text and "RuntimeError: ett fel ingen väntade" in text
