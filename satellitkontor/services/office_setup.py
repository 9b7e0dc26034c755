"""The office's set-up (rules, closures, desks and rooms), cached for the frequent reads.

The day view is read every few seconds on the receptionist's PC, while the set-up changes a few
times a year. The cache is dropped at once when this process commits a change to it
(``Database.setup_generation``). A change made on another PC: while the app's change watch is
listening (``Database.setup_watched``, services/change_watch.py) it bumps the generation when it
hears one, so the cache is kept until then (on PostgreSQL a day view read the whole set-up again
every 2 s, 4.9x the bookings' own query: issue 18); without a watch (the command line, or the
database out of reach) the cache lasts at most ``ttl`` seconds. Bookings are never cached, and
writes always read the set-up fresh inside their own transaction.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.policy import BookingPolicy
from satellitkontor.domain.privacy import DEFAULT_PRIVACY, PrivacySettings
from satellitkontor.domain.resources import Resource
from satellitkontor.storage.database import Database
from satellitkontor.storage.queries import core_reads

if TYPE_CHECKING:
    from satellitkontor.storage.queries.core_reads import Reader

DEFAULT_TTL_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class OfficeSetup:
    policy: BookingPolicy
    calendar: OfficeCalendar
    resources: tuple[Resource, ...]  # active ones, in display order
    #: Who sees names, and retention (domain/privacy.py).
    privacy: PrivacySettings = DEFAULT_PRIVACY


class OfficeSetupCache:
    def __init__(self, db: Database, ttl: float = DEFAULT_TTL_SECONDS) -> None:
        self.db = db
        self.ttl = ttl
        self._value: OfficeSetup | None = None
        self._generation = -1
        self._loaded_at = 0.0

    def get(self) -> OfficeSetup:
        """The set-up, read in its own short transaction only when the cache is stale."""
        now = time.monotonic()
        if (
            self._value is not None
            and self._generation == self.db.setup_generation
            and (self.db.setup_watched or now - self._loaded_at < self.ttl)
        ):
            return self._value
        generation = self.db.setup_generation
        with self.db.connect() as conn:  # Core reads: no Session, no ORM (issue 18)
            value = load_setup(conn)
        self._value, self._generation, self._loaded_at = value, generation, now
        return value

    def clear(self) -> None:
        self._value = None


def load_setup(reader: Reader) -> OfficeSetup:
    """The set-up, read on a connection or inside a session's transaction."""
    policy = core_reads.load_policy(reader)
    return OfficeSetup(
        policy,
        core_reads.load_calendar(reader, policy),
        tuple(core_reads.load_resources(reader)),
        core_reads.load_privacy(reader),
    )
