"""Importing a calendar file (.ics) as bookings: read, map, plan (a dry run), apply.

    parsed = imports.read(path)                          # ics_reader: safe, typed errors
    mapping = imports.suggest_mapping(parsed, rules=["konferensrum@umea.se=Konferensrummet"])
    plan = imports.plan(admin_id, parsed, mapping)       # writes nothing
    result = imports.apply(admin_id, plan)               # one transaction: all or nothing

Decisions:

* Who: admins only. An import writes bookings for many people, in the past too, which no
  other role can do one at a time, and it changes the statistics the cooperation reports.
* The rules an event must meet are in domain/import_rules.py (past allowed; closed days and
  times outside opening hours not; the room keeps its times). Beyond them the plan refuses what
  the app refuses: a place already taken (by a booking in the database or by an earlier event
  of the same file), a second desk for one person at once, an unknown or deactivated place or
  person. An event cancelled in the calendar (STATUS:CANCELLED) is not imported.
* Participants of a room booking: the people the event names (organizer and attendees that are
  not rooms and did not decline). More than the room holds is not a reason to refuse a meeting
  that took place (invited is not present, and the room is for digital meetings): the booking
  gets the room's maximum and the plan says so.
* Duplicates: an event's identity is ``bookings.import_key`` (domain.import_rules.import_key).
  One already in the database, or earlier in the same file, is listed as a duplicate; importing
  the same file twice creates nothing the second time.
* ``apply`` writes the plan's bookings through BookingService.import_bookings, which checks
  them again under the booking locks: if anything changed since the plan (someone booked the
  slot), it stops at that event with ``ImportConflict`` and nothing is saved.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain import import_rules
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import (
    AlreadyImported,
    CalendarNotice,
    Conflict,
    DuplicateInFile,
    EventCancelledInFile,
    EventSpansDays,
    NoFreeDesk,
    OverlapInFile,
    PersonNotFound,
    RuleViolation,
    SatellitkontorError,
)
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.people import Person, Role
from satellitkontor.domain.policy import BookingPolicy
from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.domain.text import without_controls
from satellitkontor.integrations.ical.ics_model import ImportedEvent, ParsedCalendar
from satellitkontor.services.base import Service, load_person, require_role
from satellitkontor.services.booking.core import ensure_no_other_desk, ensure_resource_free
from satellitkontor.services.booking.service import BookingService
from satellitkontor.services.imports import mapping as import_mapping
from satellitkontor.services.imports.results import (
    CREATE,
    DUPLICATE,
    REJECT,
    Assignment,
    ImportMapping,
    ImportPlan,
    ImportRequest,
    ImportResult,
    MappingRule,
    PlanItem,
)
from satellitkontor.services.results import MAX_TITLE
from satellitkontor.storage.models import PersonRow
from satellitkontor.storage.queries import common as queries


class ImportService(Service):
    # --- reading and mapping ------------------------------------------------------------------
    def read(self, path: str | os.PathLike[str] | bytes, *, name: str | None = None) -> ParsedCalendar:
        """The file's events (see integrations/ical/ics_reader.py); ``InvalidCalendarFile``."""
        from satellitkontor.integrations.ical.ics_reader import read_ics

        return read_ics(path, today=clk.local_date(self.now()), name=name)

    def suggest_mapping(
        self,
        parsed: ParsedCalendar,
        rules: Sequence[MappingRule | str] = (),
        *,
        default_person: str | None = None,
    ) -> ImportMapping:
        """Where each event goes and for whom: the user's ``rules`` (``TEXT=RESOURCE``) first,
        then the suggested ones (services/imports/mapping.py). ``default_person`` (an e-mail)
        takes the events of people the office does not know."""
        with self.db.session() as s:
            resources = queries.resources(s, include_inactive=True)
            people = {p.email: queries.person_view(p) for p in s.scalars(select(PersonRow))}
        mine = [r if isinstance(r, MappingRule) else import_mapping.parse_rule(r, resources) for r in rules]
        default = None
        if default_person is not None:
            default = people.get(default_person.strip().lower())
            if default is None:
                raise PersonNotFound(email=default_person)
        all_rules = [*(r for r in mine if not r.automatic), *import_mapping.automatic_rules(resources)]
        office = import_mapping.Office(resources, people)
        assignments = tuple(
            import_mapping.assign(i, event, all_rules, office, default)
            for i, event in enumerate(parsed.events)
        )
        return ImportMapping(tuple(all_rules), default, assignments)

    # --- the plan -----------------------------------------------------------------------------
    def plan(self, actor_id: int, parsed: ParsedCalendar, mapping: ImportMapping) -> ImportPlan:
        """What ``apply`` would do; writes nothing."""
        with self.db.session() as s:
            actor = load_person(s, actor_id)
            require_role(actor, Role.ADMIN, action="import_bookings")
            policy = queries.load_policy(s)
            days = [_first_day(e.start) for e in parsed.events]
            calendar = queries.load_calendar(
                s,
                policy,
                min(days, default=None),
                max((_first_day(e.end) for e in parsed.events), default=None),
            )
            resources = {r.id: r for r in queries.resources(s, include_inactive=True)}
            planner = _Planner(s, policy, calendar, resources)
            planner.imported = queries.imported_keys(
                s, [k for a in mapping.assignments for k, _ in _keyed_parts(parsed.events[a.index])]
            )
            for assignment in mapping.assignments:
                planner.add(parsed.events[assignment.index], assignment)
            used = {a.rule for a in mapping.assignments if a.rule is not None}
            return ImportPlan(
                parsed.source,
                parsed.encoding,
                tuple(i for i in planner.items if i.outcome == CREATE),
                tuple(i for i in planner.items if i.outcome == DUPLICATE),
                tuple(i for i in planner.items if i.outcome == REJECT),
                parsed.notices,
                tuple(r for r in mapping.rules if r in used),
            )

    # --- writing ------------------------------------------------------------------------------
    def apply(self, actor_id: int, plan: ImportPlan) -> ImportResult:
        """Create the plan's bookings in one transaction: all of them, or (``ImportConflict``)
        none."""
        requests = [i.request for i in plan.to_create if i.request is not None]
        created = BookingService(self.db, self.clock).import_bookings(actor_id, requests) if requests else []
        return ImportResult(tuple(created), len(plan.duplicates), len(plan.rejected))


def _first_day(moment: datetime | date) -> date:
    return clk.local_date(moment) if isinstance(moment, datetime) else moment


def _keyed_parts(
    event: ImportedEvent, *, strict: bool = False
) -> list[tuple[str, import_rules.DayPart | None]]:
    """The event's days with their import keys; an event that cannot be split (``strict``
    False) gives its first key alone."""
    occurrence = event.recurrence_id if event.recurrence_id is not None else event.start
    try:
        parts = import_rules.day_parts(event.start, event.end)
    except RuleViolation:
        if strict:
            raise
        return [(import_rules.import_key(event.uid, occurrence), None)]
    return [
        (import_rules.import_key(event.uid, occurrence, p.day if n else None), p) for n, p in enumerate(parts)
    ]


@dataclass
class _Taken:
    start: datetime
    end: datetime
    summary: str
    resource: str


class _Planner:
    """Turns assigned events into plan items, remembering what the file itself takes."""

    def __init__(
        self, s: Session, policy: BookingPolicy, calendar: OfficeCalendar, resources: dict[int, Resource]
    ) -> None:
        self.s, self.policy, self.calendar, self.resources = s, policy, calendar, resources
        self.desks = [r for r in resources.values() if r.kind is ResourceKind.DESK and r.active]
        self.items: list[PlanItem] = []
        self.keys: dict[str, int] = {}  # import_key -> line, for this file
        self.imported: dict[str, int] = {}  # import_key -> booking id, in the database
        #: (resource id, day) and (person id, day) -> what earlier events of the file take
        self.by_resource: dict[tuple[int, date], list[_Taken]] = {}
        self.by_person: dict[tuple[int, date], list[_Taken]] = {}

    def add(self, event: ImportedEvent, a: Assignment) -> None:
        try:
            parts = _keyed_parts(event, strict=True)
        except RuleViolation as err:
            (key, _), *_ = _keyed_parts(event)
            self._item(REJECT, event, a, _first_day(event.start), key, reason=err)
            return
        for key, part in parts:
            assert part is not None
            self._part(event, a, part, key, timed_over_days=len(parts) > 1 and not event.all_day)

    def _part(
        self,
        event: ImportedEvent,
        a: Assignment,
        part: import_rules.DayPart,
        key: str,
        *,
        timed_over_days: bool,
    ) -> None:
        reason: SatellitkontorError | None = None
        outcome = DUPLICATE
        if key in self.keys:
            reason = DuplicateInFile(line=self.keys[key])
        else:
            self.keys[key] = event.line
            existing = self.imported.get(key)
            if existing is not None:
                reason = AlreadyImported(booking=existing)
        if reason is None:
            outcome = REJECT
            if event.status == "CANCELLED":
                reason = EventCancelledInFile()
            elif a.problem is not None or a.person is None:
                reason = a.problem
            else:
                try:
                    self._bookable(event, a, a.person, part, key, timed_over_days)
                    return
                except (RuleViolation, Conflict) as err:
                    reason = err
        self._item(outcome, event, a, part.day, key, reason=reason)

    def _bookable(
        self,
        event: ImportedEvent,
        a: Assignment,
        person: Person,
        part: import_rules.DayPart,
        key: str,
        timed_over_days: bool,
    ) -> None:
        note = None
        period: DeskPeriod | None = None
        participants = title = None
        if a.resource_kind is ResourceKind.DESK:
            period, start, end = import_rules.desk_booking(part, self.calendar, self.policy)
            self._person_free(person, part.day, start, end)
            resource = self._desk(a, part.day, start, end)
        else:
            if timed_over_days:
                raise EventSpansDays(begins=event.start, ends=event.end)
            start, end = import_rules.room_booking(part, self.calendar)
            assert a.resource_id is not None
            resource = self.resources[a.resource_id]
            self._resource_free(resource, part.day, start, end)
            limit = min(resource.capacity, self.policy.max_participants)
            participants = min(a.invited, limit)
            if a.invited > limit:
                note = CalendarNotice(reason="participants_capped", invited=a.invited, limit=limit)
            title = _title(event.summary)
        taken = _Taken(start, end, event.summary, resource.name)
        self.by_resource.setdefault((resource.id, part.day), []).append(taken)
        if resource.kind is ResourceKind.DESK:
            self.by_person.setdefault((person.id, part.day), []).append(taken)
        request = ImportRequest(
            resource.id, person.id, start, end, period, title, participants, key, event.summary
        )
        self._item(
            CREATE,
            event,
            a,
            part.day,
            key,
            start=start,
            end=end,
            resource=resource.name,
            period=period,
            participants=participants,
            request=request,
            note=note,
        )

    def _desk(self, a: Assignment, day: date, start: datetime, end: datetime) -> Resource:
        if not a.any_desk:
            assert a.resource_id is not None
            resource = self.resources[a.resource_id]
            self._resource_free(resource, day, start, end)
            return resource
        for desk in self.desks:
            try:
                self._resource_free(desk, day, start, end)
            except Conflict:
                continue
            return desk
        raise NoFreeDesk(start=start, end=end)

    def _resource_free(self, resource: Resource, day: date, start: datetime, end: datetime) -> None:
        for other in self.by_resource.get((resource.id, day), ()):
            if other.start < end and start < other.end:
                raise OverlapInFile(
                    other=other.summary, resource=resource.name, start=other.start, end=other.end
                )
        ensure_resource_free(self.s, resource.id, resource.name, resource.kind, start, end)

    def _person_free(self, person: Person, day: date, start: datetime, end: datetime) -> None:
        if not self.policy.one_desk_per_person:
            return
        for other in self.by_person.get((person.id, day), ()):
            if other.start < end and start < other.end:
                raise OverlapInFile(
                    other=other.summary, resource=other.resource, start=other.start, end=other.end
                )
        ensure_no_other_desk(self.s, person.id, person.name, start, end)

    def _item(
        self,
        outcome: str,
        event: ImportedEvent,
        a: Assignment,
        day: date,
        key: str,
        *,
        reason: SatellitkontorError | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        resource: str | None = None,
        period: DeskPeriod | None = None,
        participants: int | None = None,
        request: ImportRequest | None = None,
        note: CalendarNotice | None = None,
    ) -> None:
        self.items.append(
            PlanItem(
                outcome=outcome,
                index=a.index,
                line=event.line,
                uid=event.uid,
                summary=event.summary,
                day=day,
                start=start if start is not None else event.start,
                end=end if end is not None else event.end,
                import_key=key,
                resource_name=resource or a.resource_name,
                person_name=a.person.name if a.person else None,
                person_email=a.person.email if a.person else None,
                desk_period=period,
                participants=participants,
                request=request,
                reason=reason,
                note=note,
            )
        )


def _title(summary: str) -> str | None:
    text = " ".join(without_controls(summary).split())
    if len(text) > MAX_TITLE:
        text = text[: MAX_TITLE - 1] + "…"
    return text or None
