"""A year's Swedish holiday table, kept in a file between processes.

The ``holidays`` package computes the table (domain/office_calendar.py), but loading it (its
base classes, every religious calendar, its version through ``importlib.metadata``) was about a
tenth of ``satellitkontor occupancy`` as a whole process: some 30 ms and 4.5 MiB (issue 18).
A command therefore keeps each year's table as computed, in the user's cache folder, and a later
process reads the file instead of loading the package.

Decisions:
- Off unless a front door names a folder (``keep_in``): the command line and the desktop app do,
  with platformdirs' ``user_cache_dir`` (``keep_in_user_cache``); a process that names none (the
  services in tests, a feed server embedded elsewhere) computes every table as before.
- A kept table is used only if it was computed by the same installation of ``holidays``: its
  ``dist-info`` folder's name (the version) and the size and time of its Swedish rules
  (``countries/sweden.py``), found without importing the package. Any other file, one that
  cannot be read or that does not parse, is computed anew and replaced. If the installation
  cannot be identified (a bundle without ``dist-info``), nothing is kept.
- Written to a temporary file and renamed over the old one, so a reader never sees half a file;
  two processes writing at once both write the same table. A folder that cannot be written
  costs nothing but the saving.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path

#: Changes when what a file holds changes (the processing in office_calendar.swedish_holidays).
FORMAT = 1

_folder: Path | None = None


def keep_in(folder: Path | None) -> Path | None:
    """Keep tables in ``folder`` from now on (None: keep none); returns the folder before."""
    global _folder
    before, _folder = _folder, folder
    return before


def keep_in_user_cache() -> Path | None:
    """Keep tables in the user's cache folder (platformdirs' ``user_cache_dir``), as the command
    line and the desktop app do; returns the folder before."""
    from platformdirs import user_cache_dir

    return keep_in(Path(user_cache_dir("satellitkontor", appauthor=False)))


def _installation() -> str | None:
    """What identifies the installed ``holidays`` package, without importing it."""
    try:
        spec = importlib.util.find_spec("holidays")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    try:
        rules = (package / "countries" / "sweden.py").stat()
        dists = sorted(p.name for p in package.parent.glob("holidays-*.dist-info"))
    except OSError:
        return None
    if not dists:
        return None
    return f"{FORMAT}|{'|'.join(dists)}|{rules.st_size}|{rules.st_mtime_ns}"


def _file(folder: Path, year: int) -> Path:
    return folder / f"swedish-holidays-{year}.json"


def load(year: int) -> dict[date, str] | None:
    """The kept table of ``year``, or None (nothing kept, or not by this installation)."""
    folder = _folder
    if folder is None:
        return None
    installation = _installation()
    if installation is None:
        return None
    try:
        with _file(folder, year).open(encoding="utf-8") as f:
            kept = json.load(f)
        if kept["installation"] != installation or kept["year"] != year:
            return None
        days = kept["days"]
        if not isinstance(days, dict):
            return None
        table = {date.fromisoformat(day): name for day, name in days.items()}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not all(isinstance(name, str) and day.year == year for day, name in table.items()):
        return None
    return table


def store(year: int, table: Mapping[date, str]) -> None:
    """Keep ``table`` as the one of ``year`` (when a folder is named; failures are ignored)."""
    folder = _folder
    if folder is None:
        return
    installation = _installation()
    if installation is None:
        return
    target = _file(folder, year)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    kept = {
        "installation": installation,
        "year": year,
        "days": {day.isoformat(): name for day, name in sorted(table.items())},
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
