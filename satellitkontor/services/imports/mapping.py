"""Which desk or room an imported event is for, and whom: rules, and applying them.

Plain functions of the office's resources and people (read by the import service); no session.

The place, first rule that matches wins:

1. the user's rules, in the order given: ``konferensrum@umea.se=Konferensrummet`` matches an
   organizer's or attendee's e-mail (a room mailbox invited to a meeting); ``Styrgrupp=
   Konferensrummet`` matches a text, case-insensitively, in LOCATION, SUMMARY or the name of an
   attendee that is a room or resource (CUTYPE=ROOM/RESOURCE);
2. suggested rules: a resource's name as a whole word in the same places ("Plats 1" is not
   "Plats 10"), longer names first;
3. suggested kind words: "kontorsplats" (Microsoft Bookings' desk service books *a* desk) goes to
   the first free desk (``ANY_DESK``); "konferensrum…", "sammanträdesrum", "mötesrum" to the
   room, when the office has exactly one.

The person: the organizer, else the first attendee (not a room, not declined, not a mailbox a
rule maps to a place) whose e-mail is a person's in the office (case-insensitive), else the
default person if one is given. A Bookings export has the Bookings mailbox as organizer and the
customer as attendee, which this finds. Nobody found: the event is rejected with the e-mails
it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from satellitkontor.domain.errors import (
    InvalidInput,
    PersonInactive,
    ResourceInactive,
    ResourceNotFound,
    SatellitkontorError,
    UnknownImportPerson,
    UnknownImportResource,
)
from satellitkontor.domain.people import Person
from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.integrations.ical.ics_model import ImportedEvent, Party
from satellitkontor.services.imports.results import ANY_DESK, ANY_DESK_WORDS, Assignment, MappingRule

_DESK_WORDS = ("kontorsplats", "skrivbordsplats")
_ROOM_WORDS = ("konferensrum", "sammanträdesrum", "mötesrum")


def parse_rule(text: str, resources: Sequence[Resource]) -> MappingRule:
    """``TEXT=RESOURCE`` as the user wrote it; RESOURCE a desk's or room's name (any case) or
    one of ``ANY_DESK_WORDS``."""
    match, sep, target = text.rpartition("=")
    match, target = " ".join(match.split()), " ".join(target.split())
    if not sep or not match or not target:
        raise InvalidInput(field="import_rule", value=text)
    found = _resource_named(target, resources)
    if found is not None:
        return MappingRule(match.lower() if "@" in match else match, found.name)
    if target.casefold() in ANY_DESK_WORDS:
        return MappingRule(match.lower() if "@" in match else match, ANY_DESK)
    raise ResourceNotFound(name=target)


def automatic_rules(resources: Sequence[Resource]) -> list[MappingRule]:
    """The suggested rules: each resource's name (a deactivated one too, so that the plan says
    why its events are refused), then the kind words (active resources only)."""
    active = [r for r in resources if r.active]
    names = sorted(resources, key=lambda r: (-len(r.name), r.name))
    rules = [MappingRule(r.name, r.name, automatic=True) for r in names]
    if any(r.kind is ResourceKind.DESK for r in active):
        rules += [MappingRule(w, ANY_DESK, automatic=True) for w in _DESK_WORDS]
    rooms = [r for r in active if r.kind is ResourceKind.ROOM]
    if len(rooms) == 1:
        rules += [MappingRule(w, rooms[0].name, automatic=True) for w in _ROOM_WORDS]
    return rules


@dataclass(frozen=True, slots=True)
class Office:
    """What the mapping needs to know of the office."""

    resources: Sequence[Resource]
    people: Mapping[str, Person]  # by lower-case e-mail

    def resource(self, name: str) -> Resource | None:
        return _resource_named(name, self.resources)


def assign(
    index: int,
    event: ImportedEvent,
    rules: Sequence[MappingRule],
    office: Office,
    default_person: Person | None,
) -> Assignment:
    rule = next((r for r in rules if _matches(r, event)), None)
    mailboxes = {r.match for r in rules if r.by_email and not r.automatic}
    problem: SatellitkontorError | None = None
    resource = office.resource(rule.resource) if rule is not None and rule.resource != ANY_DESK else None
    if rule is None:
        problem = UnknownImportResource(place=event.location or event.summary or event.uid)
    elif resource is None and rule.resource != ANY_DESK:  # a rule made elsewhere, for a name not here
        problem = ResourceNotFound(name=rule.resource)
    elif resource is not None and not resource.active:
        problem = ResourceInactive(name=resource.name)
    people = [p for p in _people_in(event) if p.email not in mailboxes]
    person, source, person_problem = _person(people, event.organizer, office, default_person)
    any_desk = rule is not None and rule.resource == ANY_DESK
    return Assignment(
        index=index,
        resource_id=resource.id if resource else None,
        resource_name=resource.name if resource else None,
        resource_kind=ResourceKind.DESK if any_desk else (resource.kind if resource else None),
        any_desk=any_desk,
        rule=rule,
        person=person,
        person_source=source,
        problem=problem or person_problem,
        invited=max(1, len({p.email or p.name for p in people})),
    )


def _people_in(event: ImportedEvent) -> list[Party]:
    """Organizer and attendees who are people taking part, organizer first."""
    parties = [event.organizer] if event.organizer is not None else []
    parties += [a for a in event.attendees if a.partstat != "DECLINED" and a.role != "NON-PARTICIPANT"]
    return [p for p in parties if not p.is_place]


def _person(
    parties: Iterable[Party], organizer: Party | None, office: Office, default: Person | None
) -> tuple[Person | None, str, SatellitkontorError | None]:
    emails: list[str] = []
    inactive: Person | None = None
    for party in parties:
        if not party.email or party.email in emails:
            continue
        emails.append(party.email)
        person = office.people.get(party.email)
        if person is None:
            continue
        if not person.active:
            inactive = inactive or person
            continue
        return person, "organizer" if party is organizer else "attendee", None
    if default is not None:
        return default, "default", None
    if inactive is not None:
        return None, "", PersonInactive(name=inactive.name)
    return None, "", UnknownImportPerson(emails=", ".join(emails) if emails else "–")


def _matches(rule: MappingRule, event: ImportedEvent) -> bool:
    if rule.by_email:
        emails = {a.email for a in event.attendees}
        if event.organizer is not None:
            emails.add(event.organizer.email)
        return rule.match.lower() in emails
    places = [a.name for a in event.attendees if a.is_place and a.name]
    texts = [event.location, event.summary, *places]
    if not rule.automatic:
        wanted = rule.match.casefold()
        return any(wanted in t.casefold() for t in texts)
    pattern = _word_pattern(rule.match, whole=rule.resource == rule.match)
    return any(pattern.search(t.casefold()) for t in texts)


def _word_pattern(text: str, *, whole: bool) -> re.Pattern[str]:
    """``text`` as a whole word (a resource's name) or as a word's start (a kind word:
    "konferensrum" in "Konferensrummet")."""
    body = r"\s+".join(re.escape(part) for part in text.casefold().split())
    return re.compile(rf"(?<!\w){body}" + (r"(?!\w)" if whole else ""))


def _resource_named(name: str, resources: Sequence[Resource]) -> Resource | None:
    wanted = " ".join(name.split()).casefold()
    return next((r for r in resources if r.name.casefold() == wanted), None)
