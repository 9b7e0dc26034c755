"""Calendar feeds: which feed (office, one desk or the room, a municipality, a person, the
rotation calendar) and how much it shows.

Plain values shared by the feed writer (services/feeds/service.py), the published-feed tokens
(services/feeds/publishing.py), the feed server and the GUI.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FeedKind(StrEnum):
    OFFICE = "office"  # every desk and the room
    RESOURCE = "resource"  # one desk or the room; target = resource id
    MUNICIPALITY = "municipality"  # bookings by one municipality's people; target = its code
    PERSON = "person"  # one person's bookings; target = person id
    ROTATION = "rotation"  # host years, handover meetings, admin-entered meetings


class Privacy(StrEnum):
    #: "Bokad"/"Upptagen" and the municipality only: no names, no titles, no e-mail addresses.
    PUBLIC = "public"
    #: Names and titles, for the office's own staff.
    INTERNAL = "internal"


#: Days before and after today that a feed covers unless asked otherwise.
DEFAULT_DAYS_BACK = 30
DEFAULT_DAYS_AHEAD = 180


@dataclass(frozen=True, slots=True)
class FeedSpec:
    kind: FeedKind
    #: str(resource id), municipality code or str(person id); None for office and rotation.
    target: str | None = None

    def __post_init__(self) -> None:
        needs_target = self.kind in (FeedKind.RESOURCE, FeedKind.MUNICIPALITY, FeedKind.PERSON)
        if needs_target != (self.target is not None):
            raise ValueError(f"feed {self.kind} {'needs' if needs_target else 'takes no'} target")
