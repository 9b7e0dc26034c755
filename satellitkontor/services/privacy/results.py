"""What the privacy services hand out (retention, erasure, a person's own data): frozen
dataclasses free of SQL and of Qt, so the GUI can import them before SQLAlchemy is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True, slots=True)
class RetentionReport:
    """What retention changed (``applied``) or would change (a dry run)."""

    cutoff: date  # data that started before this day loses its personal data
    #: (year, month) of the bookings that lose their person and title.
    months: tuple[tuple[int, int], ...]
    bookings: int
    series: int
    audit_entries: int
    #: People removed: ordinary users with nothing left inside the limit.
    people: int
    #: Links to who did it on closures, rotation years and meetings, revoked feeds.
    other_links: int
    applied: bool
    #: SQLite: whether the write-ahead log could be emptied at once (None: not applied, or
    #: PostgreSQL).
    log_cleared: bool | None = None

    @property
    def nothing_to_do(self) -> bool:
        return not (self.bookings or self.series or self.audit_entries or self.people or self.other_links)

    def as_dict(self) -> dict[str, object]:
        return {
            "cutoff": self.cutoff.isoformat(),
            "months": [f"{y:04d}-{m:02d}" for y, m in self.months],
            "bookings": self.bookings,
            "series": self.series,
            "audit_entries": self.audit_entries,
            "people": self.people,
            "other_links": self.other_links,
        }


@dataclass(frozen=True, slots=True)
class ErasureReport:
    """One person's erasure: what was cancelled, made anonymous and removed."""

    person_id: int
    bookings: int  # made anonymous (person and title removed), cancelled ones included
    cancelled: int  # coming bookings cancelled first
    series: int
    audit_entries: int
    feeds_revoked: int
    texts: int  # free texts (titles, reasons, notes) that mentioned the person
    log_cleared: bool | None = None


@dataclass(frozen=True, slots=True)
class PersonalDataExport:
    """A person's own data, written to ``folder``: one JSON file and one CSV file per list."""

    folder: Path
    files: tuple[Path, ...]
    bookings: int
    audit_entries: int
