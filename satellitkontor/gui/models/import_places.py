"""The places of an imported calendar file, as the import dialog asks about them, and the import
service's mapping and plan built from the admin's choices. Plain Python: it runs on a worker.

The service (services/imports/mapping.py) maps events by rules: a text or an e-mail address that
sends an event to a desk or the room. The dialog instead shows each distinct place the file
names with a resource to choose, and "Hoppa över". Decisions:

- **A place** is an event's LOCATION; without one the address (or name) of a room it invites;
  without that its SUMMARY (a Microsoft Bookings export names the service there: "Kontorsplats").
- **Each changed place is mapped apart**: its events alone, with the one rule "place = chosen
  resource", so a choice for "Plats 1" can never catch the events of "Plats 10" or an event whose
  title mentions another place. Places left as suggested are mapped together by the service's
  own suggestion, which is what they were shown with.
- **"Hoppa över"** (:data:`SKIP`) leaves the place's events out of the plan (the service has no
  rule for skipping); the dialog lists them as skipped so that nothing disappears unseen.
- **The suggestion** of a place is the desk or room named exactly like it (LOCATION "Plats 4" is
  Plats 4, even when the title says "Flytt från Plats 3", which the service's own suggestion,
  matching names anywhere in the event, would take first); else the resource the service's
  suggestion gives all its events; when they go to different places, or nowhere, it is
  :data:`AUTO` (event by event: an event no rule places is rejected with the service's reason).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from satellitkontor.integrations.ical.ics_model import ImportedEvent, ParsedCalendar
from satellitkontor.services.imports.results import (
    ANY_DESK,
    Assignment,
    ImportMapping,
    ImportPlan,
    MappingRule,
)

if TYPE_CHECKING:
    from satellitkontor.domain.people import Person
    from satellitkontor.domain.resources import Resource
    from satellitkontor.services.app_services import AppServices
    from satellitkontor.services.imports.service import ImportService

#: A place's choice: leave its events out.
SKIP = "\x00skip"
#: A place's choice: the service's suggestion, event by event.
AUTO = "\x00auto"


class PlaceSource(StrEnum):
    LOCATION = "location"  # the event's LOCATION
    ROOM = "room"  # a room or resource it invites (its e-mail address, else its name)
    TITLE = "title"  # its SUMMARY


@dataclass(frozen=True, slots=True)
class FilePlace:
    source: PlaceSource
    text: str
    #: The events' places in ``parsed.events``.
    positions: tuple[int, ...]
    #: A resource's name, ``ANY_DESK`` or ``AUTO``.
    suggested: str
    #: The service's suggestion sends every event of the place to ``suggested`` (so the place
    #: needs no rule of its own when left as suggested).
    uniform: bool = True

    @property
    def key(self) -> tuple[str, str]:
        return (self.source.value, self.text)

    def rule(self, target: str) -> MappingRule:
        """The rule that sends this place's events (and, among them, only those) to ``target``."""
        match = self.text.lower() if self.source is PlaceSource.ROOM and "@" in self.text else self.text
        return MappingRule(match, target)


def place_of(event: ImportedEvent) -> tuple[PlaceSource, str]:
    """Where ``event`` is, as the file says it (the text a rule can match in the event)."""
    location = event.location.strip()
    if location:
        return PlaceSource.LOCATION, location
    room = next((a for a in event.attendees if a.is_place and (a.email or a.name.strip())), None)
    if room is not None:
        return PlaceSource.ROOM, room.email or room.name.strip()
    return PlaceSource.TITLE, event.summary.strip()


def _target(a: Assignment) -> str | None:
    return ANY_DESK if a.any_desk else a.resource_name


def file_places(
    parsed: ParsedCalendar, suggestion: ImportMapping, resources: Sequence[Resource] = ()
) -> list[FilePlace]:
    """The file's places in the order they first appear, each with its suggested resource
    (``resources``: the office's, for places named exactly like one of them)."""
    by_position = {a.index: a for a in suggestion.assignments}
    named = {r.name.casefold(): r.name for r in resources if r.active}
    groups: dict[tuple[PlaceSource, str], list[int]] = {}
    for n, event in enumerate(parsed.events):
        groups.setdefault(place_of(event), []).append(n)
    places = []
    for (source, text), positions in groups.items():
        targets = {_target(by_position[n]) if n in by_position else None for n in positions}
        only = next(iter(targets)) if len(targets) == 1 else None
        service = only if only is not None else AUTO
        exact = named.get(" ".join(text.split()).casefold()) if source is not PlaceSource.TITLE else None
        suggested = exact or service
        places.append(FilePlace(source, text, tuple(positions), suggested, uniform=suggested == service))
    return places


def build_mapping(
    imports: ImportService,
    parsed: ParsedCalendar,
    places: Sequence[FilePlace],
    targets: Mapping[tuple[str, str], str],
    default_person: str | None = None,
) -> tuple[ImportMapping, tuple[int, ...]]:
    """The mapping of the events not skipped, and the positions of the skipped ones.

    ``targets`` maps a place's key to its choice (a resource's name, ``ANY_DESK``, ``SKIP`` or
    ``AUTO``; a missing key means its suggestion); ``default_person`` is an e-mail address."""
    as_suggested: list[int] = []
    changed: list[tuple[FilePlace, str]] = []
    skipped: list[int] = []
    for place in places:
        target = targets.get(place.key, place.suggested)
        if target == SKIP:
            skipped += place.positions
        elif target == AUTO or (target == place.suggested and place.uniform):
            as_suggested += place.positions
        else:
            changed.append((place, target))
    assignments: list[Assignment] = []
    rules: list[MappingRule] = []
    default: Person | None = None
    parts: list[tuple[list[int], tuple[MappingRule, ...]]] = (
        [(sorted(as_suggested), ())] if as_suggested else []
    )
    parts += [(list(place.positions), (place.rule(target),)) for place, target in changed]
    for positions, mine in parts:
        events = tuple(parsed.events[n] for n in positions)
        sub = imports.suggest_mapping(replace(parsed, events=events), mine, default_person=default_person)
        assignments += [replace(a, index=positions[a.index]) for a in sub.assignments]
        rules += [r for r in sub.rules if r not in rules]
        default = sub.default_person
    assignments.sort(key=lambda a: a.index)
    return ImportMapping(tuple(rules), default, tuple(assignments)), tuple(sorted(skipped))


@dataclass(frozen=True, slots=True)
class PlannedImport:
    plan: ImportPlan
    #: Positions (in ``parsed.events``) of the events left out by "Hoppa över".
    skipped: tuple[int, ...]


def plan_import(
    imports: ImportService,
    actor_id: int,
    parsed: ParsedCalendar,
    places: Sequence[FilePlace],
    targets: Mapping[tuple[str, str], str],
    default_person: str | None = None,
) -> PlannedImport:
    """What importing with these choices would do (writes nothing)."""
    mapping, skipped = build_mapping(imports, parsed, places, targets, default_person)
    return PlannedImport(imports.plan(actor_id, parsed, mapping), skipped)


@dataclass(frozen=True, slots=True)
class ImportStart:
    """What the import dialog opens with: the file read, the office's places and people, and the
    file's places with the service's suggestion."""

    path: str
    parsed: ParsedCalendar
    resources: tuple[Resource, ...]
    people: tuple[Person, ...]
    places: tuple[FilePlace, ...]


def start_import(services: AppServices, path: str) -> ImportStart:
    """Read ``path`` (``InvalidCalendarFile`` for a broken file) and suggest where its events go."""
    imports = services.ical_import
    parsed = imports.read(path)
    resources = tuple(services.office.resources())
    places = file_places(parsed, imports.suggest_mapping(parsed), resources)
    return ImportStart(path, parsed, resources, tuple(services.office.people()), tuple(places))
