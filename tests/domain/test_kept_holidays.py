"""Holiday tables kept between processes (domain/kept_holidays.py): the same table as the
``holidays`` package computes, read without loading the package, and never a stale or broken one."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from satellitkontor.domain import kept_holidays, office_calendar

YEAR = 2031  # a year no other test asks for, so the in-process table is this test's own


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    before = kept_holidays.keep_in(tmp_path)
    office_calendar._HOLIDAYS.pop(YEAR, None)
    yield tmp_path
    kept_holidays.keep_in(before)
    office_calendar._HOLIDAYS.pop(YEAR, None)


def _fresh(folder: Path) -> dict[date, str]:
    office_calendar._HOLIDAYS.pop(YEAR, None)
    return dict(office_calendar.swedish_holidays(YEAR))


def test_a_kept_table_is_the_computed_one_and_a_new_process_reads_it_without_the_package(
    folder: Path,
) -> None:
    computed = office_calendar._computed_holidays(YEAR)
    assert computed[date(YEAR, 12, 25)] == "Juldagen"
    assert _fresh(folder) == computed
    assert [p.name for p in folder.iterdir()] == [f"swedish-holidays-{YEAR}.json"]
    code = (
        "import sys; from pathlib import Path; from satellitkontor.domain import kept_holidays, office_calendar\n"
        f"kept_holidays.keep_in(Path(sys.argv[1])); table = office_calendar.swedish_holidays({YEAR})\n"
        "print(sorted((d.isoformat(), n) for d, n in table.items()))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'holidays'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True
    )
    table, modules = done.stdout.strip().splitlines()
    assert table == str(sorted((d.isoformat(), n) for d, n in computed.items()))
    assert modules == "[]"


def _kept(installation: str, days: object, year: int = YEAR) -> str:
    return json.dumps({"installation": installation, "year": year, "days": days})


@pytest.mark.parametrize(
    "content",
    [
        lambda inst: "{",  # half a file
        lambda inst: _kept("another version", {f"{YEAR}-03-03": "Påhittad dag"}),
        lambda inst: _kept(inst, {f"{YEAR}-03-03": "Påhittad dag"}, YEAR + 1),  # another year's
        lambda inst: _kept(inst, {f"{YEAR}-03-03": 7}),  # not a name
        lambda inst: _kept(inst, {f"{YEAR - 1}-03-03": "Fel år"}),
        lambda inst: _kept(inst, [f"{YEAR}-03-03"]),
        lambda inst: _kept(inst, {"3 mars": "Påhittad dag"}),
    ],
)
def test_a_stale_or_broken_file_is_computed_anew_and_replaced(
    folder: Path, content: Callable[[str], str]
) -> None:
    installation = kept_holidays._installation()
    assert installation is not None
    kept = folder / f"swedish-holidays-{YEAR}.json"
    kept.write_text(content(installation), encoding="utf-8")
    computed = office_calendar._computed_holidays(YEAR)
    assert _fresh(folder) == computed
    stored = json.loads(kept.read_text(encoding="utf-8"))
    assert stored["installation"] == installation
    assert stored["days"] == {d.isoformat(): n for d, n in sorted(computed.items())}


def test_nothing_is_kept_without_a_folder_or_when_it_cannot_be_written(tmp_path: Path) -> None:
    before = kept_holidays.keep_in(None)
    try:
        office_calendar._HOLIDAYS.pop(YEAR, None)
        computed = dict(office_calendar.swedish_holidays(YEAR))
        assert list(tmp_path.iterdir()) == []
        blocked = tmp_path / "a-file"
        blocked.write_text("not a folder", encoding="utf-8")
        kept_holidays.keep_in(blocked / "cache")
        office_calendar._HOLIDAYS.pop(YEAR, None)
        assert dict(office_calendar.swedish_holidays(YEAR)) == computed
        assert [p.name for p in tmp_path.iterdir()] == ["a-file"]
    finally:
        kept_holidays.keep_in(before)
        office_calendar._HOLIDAYS.pop(YEAR, None)
