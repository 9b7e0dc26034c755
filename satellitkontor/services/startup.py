"""What a front door needs before the database is open: where it is and who uses this PC.

Light on purpose (no SQLAlchemy): the app asks these before its window shows. Who acts once the
office is open is decided by services/identity.py, which uses :func:`preset_email` too.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from satellitkontor.domain.people import Person
from satellitkontor.storage.locations import describe_url, resolve_url

__all__ = ["ENV_USER", "choose_person", "describe_url", "preset_email", "resolve_url"]

#: Who uses this PC or runs this command, when nobody says (IT may preset it; the CLI reads it too).
ENV_USER = "SATELLITKONTOR_USER"


def preset_email() -> str | None:
    """The person IT preset for this PC or session (``$SATELLITKONTOR_USER``), normalised."""
    value = os.environ.get(ENV_USER, "").strip().lower()
    return value or None  # as typed; a person is only ever looked up by it, never created


def choose_person(
    people: Sequence[Person], *, remembered_id: int | None, preset: str | None = None
) -> Person | None:
    """The app's person at start when the database login names nobody: the one remembered for
    this database, else the one preset in the environment, else None (the app asks)."""
    person = next((p for p in people if p.id == remembered_id), None)
    if person is None and preset:
        person = next((p for p in people if p.email == preset), None)
    return person
