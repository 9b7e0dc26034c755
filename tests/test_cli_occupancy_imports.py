"""``satellitkontor occupancy`` loads no ORM (issue 18: the command as a whole process within
350 ms; ``sqlalchemy.orm``, the models and the PostgreSQL dialect were about half of it).

A real process, as a user starts it, reports the modules it loaded; timing is left to
tests/benchmarks/startup_benchmark.py. The reads behind it are storage/queries/core_reads.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from satellitkontor.domain.bookings import DeskPeriod
from tests.conftest import Office

#: Runs the CLI as ``python -m satellitkontor`` does, then writes the loaded modules to stderr.
PROBE = """
import json, runpy, sys
try:
    runpy.run_module("satellitkontor", run_name="__main__", alter_sys=True)
    code = 0
except SystemExit as exc:
    code = exc.code
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
sys.exit(code)
"""

#: Never on the occupancy command's way, on any database.
NO_ORM = ("sqlalchemy.orm", "satellitkontor.storage.models", "alembic", "PySide6")


def occupancy(url: str, tmp: Path, *args: str, user: str | None = None) -> tuple[str, set[str]]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_STATE_HOME": str(tmp / "state")}
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
