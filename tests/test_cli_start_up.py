"""A command's start-up (issue 18: ``satellitkontor occupancy`` as a whole process within 350 ms).

- ``occupancy`` loads no ORM: ``sqlalchemy.orm``, the models and the PostgreSQL dialect were
  about half of it. A real process, as a user starts it, reports the modules it loaded; timing
  is left to tests/benchmarks/startup_benchmark.py. The reads behind it are
  storage/queries/core_reads.py.
- The garbage collector pauses during start-up only (cli/main.py): the command itself runs with
  it, and afterwards it is as it was.
- A year's holiday table, once computed, is kept in the user's cache folder
  (domain/kept_holidays.py): the next command does not load the ``holidays`` package.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from satellitkontor.domain.bookings import DeskPeriod
from tests.conftest import Office

#: Runs the CLI as ``python -m satellitkontor`` does, then writes the loaded modules to stderr
#: from an exit handler: a command's process runs them before it leaves (cli/main.py ``run``).
PROBE = """
import atexit, json, runpy, sys

def modules():
    sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
    sys.stderr.flush()

atexit.register(modules)
runpy.run_module("satellitkontor", run_name="__main__", alter_sys=True)
"""

#: Never on the occupancy command's way, on any database.
NO_ORM = ("sqlalchemy.orm", "satellitkontor.storage.models", "alembic", "PySide6")


def occupancy(url: str, tmp: Path, *args: str, user: str | None = None) -> tuple[str, set[str]]:
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp / "config"),
        "XDG_STATE_HOME": str(tmp / "state"),
        "XDG_CACHE_HOME": str(tmp / "cache"),
    }
    env.pop("SATELLITKONTOR_USER", None)
    if user is not None:
        env["SATELLITKONTOR_USER"] = user
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", url, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    err, _, modules = proc.stderr.rpartition("\nMODULES ")
    assert proc.returncode == 0, err
    return proc.stdout, set(json.loads(modules))


DAY = date(2026, 12, 1)  # a Tuesday after the tests' "now"


@pytest.mark.parametrize(
    ("args", "user", "names_anna"),
    [
        ((), None, None),  # today (on a closed day, the next open day too)
        (("--date", "2026-12-25"), None, False),  # a holiday
        (("--date", DAY.isoformat()), None, False),  # nobody named: no names
        (("--as", "rut@umea.se", "--date", DAY.isoformat()), None, True),  # the receptionist
        (("--date", DAY.isoformat()), "anna.andersson@umea.se", True),  # $SATELLITKONTOR_USER: her own
        (("--date", DAY.isoformat()), "cecilia.ek@ornskoldsvik.se", False),  # another user
    ],
)
def test_occupancy_loads_no_orm(
    office: Office, tmp_path: Path, args: tuple[str, ...], user: str | None, names_anna: bool | None
) -> None:
    office.services.booking.book_desk(office.anna.id, office.desk(1).id, DAY, DeskPeriod.FULL_DAY)
    url = office.services.db.url.render_as_string(hide_password=False)
    out, modules = occupancy(url, tmp_path, "occupancy", *args, user=user)
    assert out.startswith("Satellitkontoret – ")
    if names_anna is not None:
        assert ("Anna Andersson (Umeå)" in out) is names_anna
        assert "Umeå" in out or "stängt" in out
    assert sorted(m for m in modules if m.startswith(NO_ORM)) == []
    if office.services.db.is_sqlite:
        assert sorted(m for m in modules if m.startswith("sqlalchemy.dialects.postgresql")) == []


def test_a_second_occupancy_reads_the_kept_holidays_instead_of_the_package(
    office: Office, tmp_path: Path
) -> None:
    url = office.services.db.url.render_as_string(hide_password=False)
    args = ("occupancy", "--date", "2026-12-25")  # Juldagen: the table is needed
    first, loaded_first = occupancy(url, tmp_path, *args)
    second, loaded_second = occupancy(url, tmp_path, *args)
    assert first == second and "stängt (Juldagen)" in first
    assert "holidays" in loaded_first  # computed, then kept in the user's cache folder
    assert sorted(m for m in loaded_second if m.split(".")[0] == "holidays") == []
    assert (tmp_path / "cache" / "satellitkontor" / "swedish-holidays-2026.json").is_file()


def test_the_collector_pauses_for_start_up_only(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    from satellitkontor.cli import main
    from satellitkontor.cli.commands import occupancy as command

    seen: list[tuple[bool, int]] = []
    real_run = command.run

    def run(*args: object) -> int:
        seen.append((gc.isenabled(), gc.get_freeze_count()))
        return real_run(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(command, "run", run)
    url = office.services.db.url.render_as_string(hide_password=False)
    assert gc.isenabled()
    assert main.main(["--db", url, "occupancy", "--date", DAY.isoformat()]) == 0
    assert seen[0][0] and seen[0][1] > 0  # the command ran collecting; start-up's objects frozen
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with pytest.raises(SystemExit):  # a mistake on the command line: argparse exits
        main.main(["--db", url, "occupancy", "--date"])
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:  # a caller that keeps the collector off keeps it off
        assert main.main(["--db", url, "occupancy", "--date", DAY.isoformat()]) == 0
        assert not gc.isenabled() and gc.get_freeze_count() == 0
        assert seen[-1] == (False, 0)
    finally:
        gc.enable()
