"""Booking and cancelling desks and the conference room, one at a time or as a series.

Every booking is made inside one write unit of work: the rules are checked, the place and the
person are locked (see storage.queries.lock_for_booking), overlaps are looked up and the row is
inserted before anything commits. The database's own guard (exclusion constraint or trigger) is
the last line: if it fires anyway, the caller gets the same ``ResourceTaken`` error.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain import import_rules
from satellitkontor.domain import policy as rules
from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingStatus, BookingView, DeskPeriod
from satellitkontor.domain.errors import (
    AlreadyCancelled,
    AlreadyImported,
    AlreadyOver,
    BookingNotFound,
    ImportConflict,
    InvalidInput,
    NoOccurrences,
    PermissionDenied,
    PersonAlreadyHasDesk,
    ResourceInactive,
    ResourceNotFound,
    ResourceTaken,
    RuleViolation,
    SatellitkontorError,
    WrongResourceKind,
)
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.people import Role
from satellitkontor.domain.policy import BookingPolicy
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services import audit, exchange_outbox
from satellitkontor.services.base import Service, load_person, require_role
from satellitkontor.services.results import MAX_TITLE as MAX_TITLE
from satellitkontor.services.results import SeriesResult as SeriesResult
from satellitkontor.services.results import SkippedOccurrence as SkippedOccurrence
from satellitkontor.storage import queries
from satellitkontor.storage.models import BookingRow, PersonRow, ResourceRow, SeriesRow

if TYPE_CHECKING:
    from satellitkontor.services.import_results import ImportRequest


@dataclass(frozen=True, slots=True)
class _Request:
    """One occurrence to book, after the rules that need no data have passed."""

    day: date
    start: datetime
    end: datetime


class BookingService(Service):
    # --- single bookings ----------------------------------------------------------------------
    def book_desk(
        self,
        actor_id: int,
        resource_id: int,
        day: date,
        period: DeskPeriod,
        *,
        for_person_id: int | None = None,
    ) -> BookingView:
        with self.db.session(write=True) as s:
            actor, person, resource = self._parties(
                s, actor_id, for_person_id, resource_id, ResourceKind.DESK
            )
            policy = queries.load_policy(s)
            calendar = queries.load_calendar(s, policy, day, day)
            start, end = rules.check_desk_booking(day, period, self.now(), calendar, policy)
            queries.lock_for_booking(s, resource.id, person.id)
            self._check_free(s, policy, resource, person, start, end)
            row = self._insert(s, actor, person, resource, start, end, desk_period=period)
            self._audit_new(s, actor, row, resource)
            return _new_view(row, resource, person)

    def book_room(
        self,
        actor_id: int,
        resource_id: int,
        start: datetime,
        end: datetime,
        participants: int,
        title: str | None = None,
        *,
        for_person_id: int | None = None,
    ) -> BookingView:
        title = _clean_title(title)
        with self.db.session(write=True) as s:
            actor, person, resource = self._parties(
                s, actor_id, for_person_id, resource_id, ResourceKind.ROOM
            )
            policy = queries.load_policy(s)
            day = clk.local_date(start)
            calendar = queries.load_calendar(s, policy, day, day)
            start, end = rules.check_room_booking(
                start, end, participants, resource.capacity, self.now(), calendar, policy
            )
            queries.lock_for_booking(s, resource.id, person.id)
            self._check_free(s, policy, resource, person, start, end)
            row = self._insert(s, actor, person, resource, start, end, title=title, participants=participants)
            self._audit_new(s, actor, row, resource)
            return _new_view(row, resource, person)

    # --- series -------------------------------------------------------------------------------
    def book_series(
        self,
        actor_id: int,
        resource_id: int,
        recurrence: Recurrence,
        *,
        period: DeskPeriod | None = None,
        start_time: time | None = None,
        end_time: time | None = None,
        participants: int | None = None,
        title: str | None = None,
        for_person_id: int | None = None,
        dry_run: bool = False,
    ) -> SeriesResult:
        """Book every free occurrence in one transaction; report each skipped one with its reason.

        Desks need ``period``; the room needs ``start_time``, ``end_time`` and ``participants``.
        With ``dry_run`` nothing is written: the result lists what would be booked and skipped.
        If no occurrence can be booked, nothing is written and ``NoOccurrences`` is raised.
        """
        title = _clean_title(title)
        with self.db.session(write=not dry_run) as s:
            kind = ResourceKind.DESK if period is not None else ResourceKind.ROOM
            actor, person, resource = self._parties(s, actor_id, for_person_id, resource_id, kind)
            if kind is ResourceKind.ROOM and (start_time is None or end_time is None or participants is None):
                raise InvalidInput(field="room_series", value="start_time, end_time, participants")
            policy = queries.load_policy(s)
            days = recurrence.dates()
            calendar = queries.load_calendar(s, policy, days[0] if days else None, days[-1] if days else None)
            if not dry_run:
                queries.lock_for_booking(s, resource.id, person.id)

            accepted: list[_Request] = []
            skipped: list[SkippedOccurrence] = []
            for day in days:
                try:
                    req = self._occurrence(
                        day, resource, calendar, policy, period, start_time, end_time, participants
                    )
                    self._check_free(s, policy, resource, person, req.start, req.end)
                except (RuleViolation, ResourceTaken, PersonAlreadyHasDesk) as err:
                    skipped.append(SkippedOccurrence(day, err))
                    continue
                accepted.append(req)

            if not accepted:
                raise NoOccurrences(count=len(days), skipped=len(skipped))
            if dry_run:
                return SeriesResult(None, (), tuple(skipped), True, tuple(r.day for r in accepted))

            series_id = str(uuid.uuid4())
            s.add(
                SeriesRow(
                    id=series_id,
                    resource_id=resource.id,
                    person_id=person.id,
                    rrule=recurrence.to_rrule(),
                    first_day=recurrence.start,
                    desk_period=period,
                    start_time=start_time.strftime("%H:%M") if start_time else None,
                    end_time=end_time.strftime("%H:%M") if end_time else None,
                    title=title,
                    participants=participants,
                    created_by_id=actor.id,
                    created_at=self.now(),
                )
            )
            s.flush()
            rows = [
                self._insert(
                    s,
                    actor,
                    person,
                    resource,
                    r.start,
                    r.end,
                    desk_period=period,
                    title=title,
                    participants=participants,
                    series_id=series_id,
                    flush=False,
                )
                for r in accepted
            ]
            self._flush(s, resource)
            for row in rows:  # one entry per booking, each naming the series (see services/audit.py)
                self._audit_new(s, actor, row, resource)
            booked = tuple(_new_view(row, resource, person) for row in rows)
            return SeriesResult(series_id, booked, tuple(skipped), False, tuple(r.day for r in accepted))

    # --- imports (services/import_service.py) -------------------------------------------------
    def import_bookings(self, actor_id: int, requests: Sequence[ImportRequest]) -> list[BookingView]:
        """Write the bookings of a calendar import in one transaction: all of them or none.

        Checked as a booking made in the app is, except what an import allows on purpose
        (domain/import_rules.py: the past, beyond the horizon, the room's grid and length):
        an open day within opening hours, the place free, one desk per person, active place and
        person, and the import key not taken. Locks as ``book_desk`` does, for every place and
        person at once (queries.lock_for_import). The first request that fails stops it all
        with ``ImportConflict`` naming the event, and nothing is written.
        """
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id)
            require_role(actor, Role.ADMIN, action="import_bookings")
            if not requests:
                return []
            policy = queries.load_policy(s)
            days = [clk.local_date(r.start) for r in requests]
            calendar = queries.load_calendar(s, policy, min(days), max(days))
            queries.lock_for_import(s, [r.resource_id for r in requests], [r.person_id for r in requests])
            imported = queries.imported_keys(s, [r.import_key for r in requests])
            # held here: the session's identity map alone would let them go and load them again
            people: dict[int, PersonRow] = {}
            places: dict[int, ResourceRow] = {}
            out = []
            for req in requests:
                try:
                    person = people.get(req.person_id) or load_person(s, req.person_id)
                    resource = places.get(req.resource_id) or s.get(ResourceRow, req.resource_id)
                    if resource is None:
                        raise ResourceNotFound(id=req.resource_id)
                    if not resource.active:
                        raise ResourceInactive(name=resource.name)
                    people[person.id], places[resource.id] = person, resource
                    import_rules.check_slot(req.start, req.end, calendar)
                    if req.import_key in imported:
                        raise AlreadyImported(booking=imported[req.import_key])
                    self._check_free(s, policy, resource, person, req.start, req.end)
                    row = self._insert(
                        s,
                        actor,
                        person,
                        resource,
                        req.start,
                        req.end,
                        desk_period=req.desk_period,
                        title=req.title,
                        participants=req.participants,
                        import_key=req.import_key,
                    )
                    self._audit_new(s, actor, row, resource, action="booking.import")
                except IntegrityError as exc:  # another import wrote the same key just now
                    if "import_key" not in str(exc.orig):
                        raise
                    raise _stopped(req, AlreadyImported(booking="–")) from exc
                except SatellitkontorError as err:
                    raise _stopped(req, err) from err
                out.append(_new_view(row, resource, person))
            return out

    # --- cancelling ---------------------------------------------------------------------------
    def cancel(self, actor_id: int, booking_id: int) -> BookingView:
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id)
            row = s.get(BookingRow, booking_id)
            if row is None:
                raise BookingNotFound(id=booking_id)
            self._cancel_row(s, actor, row)
            s.flush()
            return _view_of(s, row)

    def cancel_series(self, actor_id: int, series_id: str, from_day: date | None = None) -> list[BookingView]:
        """Cancel a series' bookings from ``from_day`` (default: today) on; past ones stay."""
        now = self.now()
        first = from_day or clk.local_date(now)
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id)
            rows = list(
                s.scalars(
                    select(BookingRow)
                    .where(
                        BookingRow.series_id == series_id, BookingRow.start_at >= clk.local(first, time(0))
                    )
                    .order_by(BookingRow.start_at)
                )
            )
            if not rows and s.get(SeriesRow, series_id) is None:
                raise BookingNotFound(series=series_id)
            cancelled = []
            for row in rows:
                if row.status in (BookingStatus.CANCELLED, BookingStatus.NO_SHOW) or row.end_at <= now:
                    continue
                self._cancel_row(s, actor, row)
                cancelled.append(row)
            s.flush()
            return [_view_of(s, row) for row in cancelled]

    # --- from Exchange (services/exchange_pull.py) ---------------------------------------------
    def book_from_exchange(
        self,
        person_id: int,
        resource_id: int,
        start: datetime,
        end: datetime,
        title: str | None,
        then: Callable[[Session, BookingRow], None],
    ) -> BookingView:
        """A meeting booked in Outlook on a room's (or desk's) mailbox, booked here as it is there.

        Exchange has already accepted it, so the office's grid and horizon are not checked; the
        place being free is, with the same locks as ``book_room``, so a race with a booking made
        in the app ends in ``ResourceTaken``. No outbox row: it is in Exchange already. ``then``
        runs in the same transaction (the sync service stores the link to the event there).
        """
        with self.db.session(write=True) as s:
            person = load_person(s, person_id, must_be_active=False)
            resource = s.get(ResourceRow, resource_id)
            if resource is None:
                raise ResourceNotFound(id=resource_id)
            queries.lock_for_booking(s, resource.id, person.id)
            self._check_free(s, queries.load_policy(s), resource, person, start, end)
            period = _desk_period(start, end) if resource.kind is ResourceKind.DESK else None
            row = self._insert(s, person, person, resource, start, end, desk_period=period, title=title)
            self._audit_new(s, person, row, resource, action="booking.exchange", to_exchange=False)
            then(s, row)
            return _new_view(row, resource, person)

    def move_from_exchange(
        self, booking_id: int, start: datetime, end: datetime, then: Callable[[Session, BookingRow], None]
    ) -> BookingView:
        """An Outlook meeting moved in Outlook: the booking follows (same locks, the place must be
        free at the new time apart from this booking itself)."""
        with self.db.session(write=True) as s:
            row = s.get(BookingRow, booking_id)
            if row is None:
                raise BookingNotFound(id=booking_id)
            resource = s.get(ResourceRow, row.resource_id)
            assert resource is not None
            queries.lock_for_booking(s, resource.id, row.person_id or 0)
            taken = queries.holding_overlaps(
                s, start=start, end=end, resource_id=resource.id, exclude_id=row.id
            )
            if taken:
                raise ResourceTaken(
                    resource=resource.name,
                    kind=resource.kind.value,
                    start=taken[0].start,
                    end=taken[0].end,
                    municipality=taken[0].municipality_code,
                )
            before = {"start": row.start_at, "end": row.end_at}
            row.start_at, row.end_at = start, end
            if resource.kind is ResourceKind.DESK:
                row.desk_period = _desk_period(start, end)
            row.updated_at = self.now()
            row.sequence += 1
            self._flush(s, resource)
            audit.record_change(
                s,
                at=self.now(),
                actor=None,
                action="booking.move",
                entity="booking",
                entity_id=row.id,
                before=before,
                after={"start": start, "end": end},
                subject_id=row.person_id,
            )
            then(s, row)
            return _view_of(s, row)

    def cancel_from_exchange(self, booking_id: int, then: Callable[[Session, BookingRow], None]) -> None:
        """An Outlook meeting deleted in Outlook: the booking is cancelled (no push back)."""
        with self.db.session(write=True) as s:
            row = s.get(BookingRow, booking_id)
            if row is None:
                raise BookingNotFound(id=booking_id)
            if row.status in HOLDING_STATUSES and row.end_at > self.now():
                mark_cancelled(s, None, row, self.now(), to_exchange=False)
            then(s, row)

    def _cancel_row(self, s: Session, actor: PersonRow, row: BookingRow) -> None:
        now = self.now()
        if actor.id not in (row.person_id, row.created_by_id) and not actor.role.is_staff:
            raise PermissionDenied(action="cancel_booking", role=actor.role.value)
        if row.status is BookingStatus.CANCELLED:
            raise AlreadyCancelled(id=row.id)
        if row.end_at <= now or row.status is BookingStatus.NO_SHOW:
            raise AlreadyOver(id=row.id, end=row.end_at)
        mark_cancelled(s, actor, row, now)

    def _audit_new(
        self,
        s: Session,
        actor: PersonRow,
        row: BookingRow,
        resource: ResourceRow,
        action: str = "booking.create",
        *,
        to_exchange: bool = True,
    ) -> None:
        if to_exchange:  # the push to Outlook, in this same transaction (services/exchange_outbox.py)
            exchange_outbox.enqueue(s, row, "upsert", self.now())
        audit.record(
            s,
            at=self.now(),
            actor=actor,
            action=action,
            entity="booking",
            entity_id=row.id,
            after=audit.booking_facts(row, resource.name),
            subject_id=row.person_id,
        )

    # --- helpers ------------------------------------------------------------------------------
    def _parties(
        self, s: Session, actor_id: int, for_person_id: int | None, resource_id: int, kind: ResourceKind
    ) -> tuple[PersonRow, PersonRow, ResourceRow]:
        actor = load_person(s, actor_id)
        person = (
            actor if for_person_id is None or for_person_id == actor_id else load_person(s, for_person_id)
        )
        if person.id != actor.id and not actor.role.is_staff:
            raise PermissionDenied(action="book_for_other", role=actor.role.value)
        resource = s.get(ResourceRow, resource_id)
        if resource is None:
            raise ResourceNotFound(id=resource_id)
        if resource.kind is not kind:
            raise WrongResourceKind(name=resource.name, kind=resource.kind.value, wanted=kind.value)
        if not resource.active:
            raise ResourceInactive(name=resource.name)
        return actor, person, resource

    def _occurrence(
        self,
        day: date,
        resource: ResourceRow,
        calendar: OfficeCalendar,
        policy: BookingPolicy,
        period: DeskPeriod | None,
        start_time: time | None,
        end_time: time | None,
        participants: int | None,
    ) -> _Request:
        now = self.now()
        if period is not None:
            start, end = rules.check_desk_booking(day, period, now, calendar, policy)
        else:
            assert start_time is not None and end_time is not None and participants is not None
            start, end = rules.check_room_booking(
                clk.local(day, start_time),
                clk.local(day, end_time),
                participants,
                resource.capacity,
                now,
                calendar,
                policy,
            )
        return _Request(day, start, end)

    def _check_free(
        self,
        s: Session,
        policy: BookingPolicy,
        resource: ResourceRow,
        person: PersonRow,
        start: datetime,
        end: datetime,
    ) -> None:
        taken = queries.holding_overlaps(s, start=start, end=end, resource_id=resource.id)
        if taken:
            raise ResourceTaken(
                resource=resource.name,
                kind=resource.kind.value,
                start=taken[0].start,
                end=taken[0].end,
                municipality=taken[0].municipality_code,
            )
        if resource.kind is ResourceKind.DESK and policy.one_desk_per_person:
            ensure_no_other_desk(s, person.id, person.name, start, end)

    def _insert(
        self,
        s: Session,
        actor: PersonRow,
        person: PersonRow,
        resource: ResourceRow,
        start: datetime,
        end: datetime,
        *,
        desk_period: DeskPeriod | None = None,
        title: str | None = None,
        participants: int | None = None,
        series_id: str | None = None,
        import_key: str | None = None,
        flush: bool = True,
    ) -> BookingRow:
        now = self.now()
        row = BookingRow(
            uid=f"{uuid.uuid4()}@satellitkontor",
            resource_id=resource.id,
            resource_kind=resource.kind,
            person_id=person.id,
            created_by_id=actor.id,
            municipality_code=person.municipality_code,
            person_kind=person.kind,
            start_at=start,
            end_at=end,
            desk_period=desk_period,
            title=title,
            participants=participants,
            status=BookingStatus.CONFIRMED,
            series_id=series_id,
            import_key=import_key,
            sequence=0,
            created_at=now,
            updated_at=now,
        )
        s.add(row)
        if flush:
            self._flush(s, resource)
        return row

    def _flush(self, s: Session, resource: ResourceRow) -> None:
        """Write pending rows; the database's own overlap guard becomes the ordinary conflict.

        PostgreSQL checks an exclusion constraint after inserting, so two writers that bypass the
        advisory lock may meet in a deadlock inside the constraint check instead of a violation;
        that, too, means "someone else booked it". The resource's name is read before the flush,
        because a failed flush expires the session's objects.
        """
        name, kind = resource.name, resource.kind.value
        try:
            s.flush()
        except IntegrityError as exc:
            if "bookings_no_overlap" in str(exc.orig):
                raise ResourceTaken(
                    resource=name, kind=kind, start=None, end=None, municipality=None
                ) from exc
            raise
        except OperationalError as exc:
            text = str(exc.orig)
            if "deadlock detected" in text and "exclusion constraint" in text:
                raise ResourceTaken(
                    resource=name, kind=kind, start=None, end=None, municipality=None
                ) from exc
            raise


def _stopped(req: ImportRequest, cause: SatellitkontorError) -> ImportConflict:
    return ImportConflict(summary=req.summary, start=req.start, end=req.end, cause=cause)


def mark_cancelled(
    s: Session, actor: PersonRow | None, row: BookingRow, now: datetime, *, to_exchange: bool = True
) -> None:
    """Cancel ``row`` (checks done by the caller) and record it in the audit trail; with
    ``to_exchange`` (not when Outlook itself cancelled it) the cancellation is queued for Exchange."""
    if to_exchange:
        exchange_outbox.enqueue(s, row, "cancel", now)
    before = {"status": row.status}
    row.status = BookingStatus.CANCELLED
    row.cancelled_at = now
    row.updated_at = now
    row.sequence += 1
    audit.record_change(
        s,
        at=now,
        actor=actor,
        action="booking.cancel",
        entity="booking",
        entity_id=row.id,
        before=before,
        after={"status": row.status},
        subject_id=row.person_id,
    )


def ensure_no_other_desk(
    s: Session, person_id: int, person_name: str, start: datetime, end: datetime
) -> None:
    """Raise PersonAlreadyHasDesk when the person holds another desk between start and end."""
    mine = queries.holding_overlaps(s, start=start, end=end, person_id=person_id, desks_only=True)
    if mine:
        raise PersonAlreadyHasDesk(
            person=person_name, resource=mine[0].resource_name, start=mine[0].start, end=mine[0].end
        )


def _desk_period(start: datetime, end: datetime) -> DeskPeriod:
    """The part of the day an Outlook meeting on a desk covers (noon, local time, splits it)."""
    if clk.to_local(end).time() <= time(12):
        return DeskPeriod.MORNING
    if clk.to_local(start).time() >= time(12):
        return DeskPeriod.AFTERNOON
    return DeskPeriod.FULL_DAY


def _clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    title = " ".join(title.split())
    if len(title) > MAX_TITLE:
        raise InvalidInput(field="title", value=title[:40] + "…")
    return title or None


def _view_of(s: Session, row: BookingRow) -> BookingView:
    view = queries.booking(s, row.id)
    assert view is not None
    return view


def _new_view(row: BookingRow, resource: ResourceRow, person: PersonRow) -> BookingView:
    """The view of a row just inserted, from what is at hand (no second query)."""
    return BookingView(
        row.id,
        row.uid,
        resource.id,
        resource.name,
        resource.kind,
        person.id,
        person.name,
        person.email,
        row.municipality_code,
        row.created_by_id,
        row.start_at,
        row.end_at,
        clk.local_date(row.start_at),
        row.desk_period,
        row.title,
        row.participants,
        row.status,
        row.series_id,
        row.sequence,
    )
