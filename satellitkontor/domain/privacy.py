"""Personal data: who sees names, and how long bookings keep them.

One small set of settings (``PrivacySettings``), stored as JSON under the key ``privacy`` of the
``settings`` table beside the booking rules (``booking_policy``), and the pure rules that apply
it. They are a setting of their own, not fields of ``BookingPolicy``, because they answer to the
data-protection officer, not to the office's booking rules: changing them writes its own audit
entries (``settings.visibility``, ``settings.retention``) and the booking rules page stays about
booking.

Decisions:

- **Visibility.** Receptionists and admins always see who booked. Ordinary users see another
  person's booking as its municipality only, unless ``names_to_users`` is on; their own bookings
  always show their own name. A meeting's title counts as personal (it may read "Medarbetarsamtal
  Anna"): it follows the same rule as the name. The services apply this (``for_viewer``), so the
  app, the command line and anything else built on them show the same.
- **Retention cut-off** (``retention_cutoff``): the first day of the month that lies
  ``retention_months`` months before the current month. Everything that started before it loses
  its personal data. Whole months, so that a month is either untouched or anonymous in full and
  the statistics for it are exact; nothing younger than ``retention_months`` months is touched, and
  nothing older than ``retention_months`` + 1 months is kept (when retention runs at least monthly,
  e.g. on every start).
- **At least 12 months**: a year's "distinct people" total cannot be kept exact once its first
  months are anonymous while bookings of the same year are still being made (see
  services/privacy/people_counts.py), so retention never starts on a year that is not over.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from satellitkontor.domain.bookings import BookingView
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.people import Role

SETTINGS_KEY = "privacy"
DEFAULT_RETENTION_MONTHS = 13
MIN_RETENTION_MONTHS = 12
MAX_RETENTION_MONTHS = 120


@dataclass(frozen=True, slots=True)
class PrivacySettings:
    #: False: ordinary users see other people's bookings as municipality only.
    names_to_users: bool = False
    #: Bookings (and audit entries) older than this lose names, e-mail addresses and titles.
    retention_months: int = DEFAULT_RETENTION_MONTHS
    #: Run retention each time the desktop app starts.
    retention_on_start: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.names_to_users, bool):
            raise InvalidInput(field="names_to_users", value=self.names_to_users)
        if not isinstance(self.retention_on_start, bool):
            raise InvalidInput(field="retention_on_start", value=self.retention_on_start)
        months = self.retention_months
        if (
            not isinstance(months, int)
            or isinstance(months, bool)
            or not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS
        ):
            raise InvalidInput(field="retention_months", value=months)

    def with_changes(self, **changes: Any) -> PrivacySettings:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Any) -> PrivacySettings:
        """From stored JSON; unknown keys (a newer version's) are ignored, missing ones default."""
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


DEFAULT_PRIVACY = PrivacySettings()


# --- visibility -------------------------------------------------------------------------------
def names_visible(role: Role | None, settings: PrivacySettings) -> bool:
    """Whether a viewer with ``role`` (None: nobody known) sees other people's names and titles."""
    if role is not None and role.is_staff:
        return True
    return settings.names_to_users


def for_viewer(booking: BookingView, viewer_id: int | None, show_names: bool) -> BookingView:
    """``booking`` as a viewer may see it: another person's booking without who and what when
    names are not shown (the municipality and the times stay)."""
    if show_names or (viewer_id is not None and booking.person_id == viewer_id):
        return booking
    b = booking
    if b.person_id is None and b.person_name is None and b.title is None and b.created_by_id is None:
        return b
    # positional, not dataclasses.replace: this runs for every booking of a user's day view
    return BookingView(
        b.id, b.uid, b.resource_id, b.resource_name, b.resource_kind, None, None, None,
        b.municipality_code, None, b.start, b.end, b.day, b.desk_period, None, b.participants,
        b.status, b.series_id, b.sequence,
    )  # fmt: skip


# --- retention --------------------------------------------------------------------------------
def retention_cutoff(today: date, months: int) -> date:
    """The first day of the month ``months`` months before ``today``'s month."""
    index = today.year * 12 + (today.month - 1) - months
    return date(index // 12, index % 12 + 1, 1)
