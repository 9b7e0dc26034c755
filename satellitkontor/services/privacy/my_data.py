"""A person's own data (export) and erasing a person.

- ``export``: the person themselves or an admin writes everything stored about the person
  (services/privacy/personal_data.py) into a new folder inside the folder they chose:
  ``personuppgifter.json`` with all of it, and one CSV file per list (UTF-8 with a byte-order
  mark and semicolons, as the statistics, so Swedish Excel opens them). The new folder is named
  ``satellitkontoret-personuppgifter-ÅÅÅÅ-MM-DD`` (``-2``, ``-3`` … if it exists): nothing the
  user had is overwritten. Each export writes one ``person.export`` audit entry: who looked at
  whose data is worth knowing too.
- ``erase``: an admin only (services/privacy/erasure.py).
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import InvalidInput, PermissionDenied, PersonNotFound
from satellitkontor.domain.people import Role
from satellitkontor.integrations import csv_cells
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import Service, load_person, require_admin
from satellitkontor.services.privacy import erasure, personal_data, search_index
from satellitkontor.services.privacy.results import ErasureReport, PersonalDataExport
from satellitkontor.storage.models import PersonRow
from satellitkontor.storage.queries import privacy as privacy_queries

JSON_NAME = "personuppgifter.json"
#: Section of the JSON -> CSV file name.
CSV_FILES = {
    "bookings": "bokningar.csv",
    "bookings_for_others": "bokningar-at-andra.csv",
    "series": "serier.csv",
    "audit": "andringslogg.csv",
    "feeds": "kalenderfloden.csv",
    "waitlist": "vantelista.csv",
    "other_records": "ovrigt.csv",
    "notices": "meddelanden.csv",
}
PROFILE_CSV = "profil.csv"


class PersonalDataService(Service):
    def export(self, actor_id: int, person_id: int, folder: str | os.PathLike[str]) -> PersonalDataExport:
        """Write the person's data into a new folder inside ``folder`` (see the module docstring)."""
        base = Path(folder)
        if not base.is_dir():
            raise InvalidInput(field="export_folder", value=str(base))
        now = self.now()
        with self.db.session() as s:
            actor = load_person(s, actor_id)
            person = s.get(PersonRow, person_id)
            if person is None:
                raise PersonNotFound(id=person_id)
            if actor.id != person.id and actor.role is not Role.ADMIN:
                raise PermissionDenied(action="export_person_data", role=actor.role.value)
            data = personal_data.collect(s, person, now)
        target = _new_folder(base, f"satellitkontoret-personuppgifter-{clk.local_date(now).isoformat()}")
        files = write_files(data, target)
        with self.db.session(write=True) as s:
            audit.record(
                s,
                at=now,
                actor=load_person(s, actor_id),
                action="person.export",
                entity="person",
                entity_id=person_id,
                after={"files": len(files), "bookings": len(data["bookings"])},
                subject_id=person_id,
            )
        return PersonalDataExport(target, tuple(files), len(data["bookings"]), len(data["audit"]))

    def erase(self, actor_id: int | None, person_id: int) -> ErasureReport:
        """Erase a person, keeping anonymous counts (see services/privacy/erasure.py)."""
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "erase_person")
            person = s.get(PersonRow, person_id)
            if person is None:
                raise PersonNotFound(id=person_id)
            report = erasure.erase(s, now=self.now(), actor=actor, person=person)
        # the names blanked in audit entries leave the search index too
        search_index.refresh(self.db, removed=report.audit_entries > 0 or report.texts > 0)
        from dataclasses import replace

        return replace(report, log_cleared=privacy_queries.checkpoint(self.db))

    def erase_guest(self, actor_id: int | None, key: str) -> tuple[int, int]:
        """Erase an external guest (an admin's decision, on the guest's request), by e-mail
        address, booking number or an unambiguous name: (bookings that lost the name, coming
        bookings cancelled); see services/privacy/erasure.py."""
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "erase_person")
            result = erasure.erase_guest(s, now=self.now(), actor=actor, key=key)
        privacy_queries.checkpoint(self.db)
        return result


def write_files(data: dict[str, Any], folder: Path) -> list[Path]:
    """The JSON file and the CSV files of ``data`` in ``folder`` (which exists)."""
    written = [_write(folder / JSON_NAME, json.dumps(data, ensure_ascii=False, indent=2) + "\n")]
    profile = [{"field": k, "value": v} for k, v in data["profile"].items()]
    written.append(_write(folder / PROFILE_CSV, _csv(profile)))
    for section, name in CSV_FILES.items():
        written.append(_write(folder / name, _csv(data[section])))
    return written


def _csv(rows: Sequence[dict[str, Any]]) -> str:
    columns: list[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns]
    buffer = io.StringIO()
    writer = csv_cells.Writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return "\ufeff" + buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _new_folder(base: Path, name: str) -> Path:
    for n in range(1, 1000):
        target = base / (name if n == 1 else f"{name}-{n}")
        try:
            target.mkdir()
        except FileExistsError:
            continue
        return target
    raise InvalidInput(field="export_folder", value=str(base / name))


def _write(path: Path, content: str) -> Path:
    """Whole or not at all: a temporary file beside ``path``, then renamed."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(content)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
