"""The booking service's shared core: the checks, locks, inserts and audit entries every way of
booking uses (the app's own bookings, imports, Exchange), so that all of them end a race with the
same clean conflict. BookingService (booking_service.py) is the door; this is its machinery.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain import policy as rules
from satellitkontor.domain.bookings import (
    HOLDING_STATUSES,
    BookingStatus,
    BookingView,
    CancelCause,
    DeskPeriod,
    Guest,
)
from satellitkontor.domain.errors import (
    AlreadyCancelled,
    AlreadyOver,
    ImportConflict,
    PermissionDenied,
    PersonAlreadyHasDesk,
    ResourceInactive,
    ResourceNotFound,
    ResourceTaken,
    SatellitkontorError,
    WrongResourceKind,
)
from satellitkontor.domain.notices import NoticeKind
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.policy import BookingPolicy
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.domain.text import plain
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import Service, load_person
from satellitkontor.services.exchange import outbox as exchange_outbox
from satellitkontor.services.notices.queue import queue_notice
from satellitkontor.services.results import MAX_TITLE
from satellitkontor.services.waitlist import offers as waitlist
from satellitkontor.storage.models import BookingRow, PersonRow, ResourceRow
from satellitkontor.storage.queries import common as queries

if TYPE_CHECKING:
    from satellitkontor.services.imports.results import ImportRequest


class DeskDayTally:
    """One person's desk-days by day around the days being booked, for the fair rules
    (domain.policy.check_desk_days); a series adds each occurrence it accepts."""

    def __init__(self, held: list[tuple[date, float]]) -> None:
        self.by_day: dict[date, float] = defaultdict(float)
        for day, amount in held:
            self.by_day[day] += amount

    def _between(self, first: date, last: date) -> float:
        return sum(v for d, v in self.by_day.items() if first <= d <= last)

    def week(self, day: date) -> float:
        return self._between(*rules.week_of(day))

    def month(self, day: date) -> float:
        return self._between(*rules.month_of(day))

    def add(self, day: date, period: DeskPeriod) -> None:
        self.by_day[day] += rules.desk_days(period)


@dataclass(frozen=True, slots=True)
class _Request:
    """One occurrence to book, after the rules that need no data have passed."""

    day: date
    start: datetime
    end: datetime


class BookingCore(Service):
    def _cancel_row(self, s: Session, actor: PersonRow, row: BookingRow, reason: str | None = None) -> None:
        now = self.now()
        if actor.id not in (row.person_id, row.created_by_id) and not actor.role.is_staff:
            raise PermissionDenied(action="cancel_booking", role=actor.role.value)
        if row.status is BookingStatus.CANCELLED:
            raise AlreadyCancelled(id=row.id)
        if row.end_at <= now or row.status is BookingStatus.NO_SHOW:
            raise AlreadyOver(id=row.id, end=row.end_at)
        mark_cancelled(s, actor, row, now, cause=CancelCause.NOTE if reason else None, reason=reason)

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
        if to_exchange:  # the push to Outlook, in this same transaction (services/exchange/outbox.py)
            exchange_outbox.enqueue(s, row, "upsert", self.now())
        if action == "booking.create":  # not an import nor an Outlook meeting (services/notices/queue.py)
            queue_notice(s, kind=NoticeKind.CONFIRMED, booking=row, by_id=actor.id, now=self.now())
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

    # --- fair rules ---------------------------------------------------------------------------
    def _tally(
        self, s: Session, policy: BookingPolicy, person: PersonRow, first: date, last: date
    ) -> DeskDayTally | None:
        """The person's desk-days over the weeks and months of first..last, when a desk-day rule
        is on (after the booking lock: two bookings of one person cannot both slip under it)."""
        if policy.desk_days_per_week is None and policy.desk_days_per_month is None:
            return None
        start = min(rules.week_of(first)[0], rules.month_of(first)[0])
        end = max(rules.week_of(last)[1], rules.month_of(last)[1])
        return DeskDayTally(queries.desk_days_of(s, person.id, start, end))

    def _check_fair_desk(
        self,
        policy: BookingPolicy,
        tally: DeskDayTally | None,
        actor: PersonRow,
        person: PersonRow,
        day: date,
        period: DeskPeriod,
        *,
        for_guest: bool = False,
    ) -> None:
        rules.check_for_others(day, self.now(), for_guest or person.id != actor.id, policy)
        if tally is not None:
            rules.check_desk_days(person.name, day, period, tally.week(day), tally.month(day), policy)

    # --- helpers ------------------------------------------------------------------------------
    def _parties(
        self,
        s: Session,
        actor_id: int,
        for_person_id: int | None,
        resource_id: int,
        kind: ResourceKind,
        guest: Guest | None = None,
    ) -> tuple[PersonRow, PersonRow, ResourceRow]:
        """Who acts, whom the booking is for (with a guest: the guest's host) and the place."""
        actor = load_person(s, actor_id)
        if guest is not None and not actor.role.is_staff:
            raise PermissionDenied(action="book_guest", role=actor.role.value)
        for_other = for_person_id is not None and for_person_id != actor_id
        # before loading the other person: in a shared office a user may not even see their row
        if for_other and not actor.role.is_staff:
            raise PermissionDenied(action="book_for_other", role=actor.role.value)
        person = load_person(s, for_person_id) if for_other and for_person_id is not None else actor
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

    def _policy(self, s: Session) -> BookingPolicy:
        """The booking policy, and whether Exchange sync is on (for the outbox, later in the
        same unit of work), read in one statement."""
        values = queries.settings_values(s, (queries.POLICY_KEY, exchange_outbox.SETTINGS_KEY))
        exchange_outbox.know_sync(s, values.get(exchange_outbox.SETTINGS_KEY))
        return queries.policy_of(values.get(queries.POLICY_KEY))

    def _check_free(
        self,
        s: Session,
        policy: BookingPolicy,
        resource: ResourceRow,
        person: PersonRow,
        start: datetime,
        end: datetime,
        *,
        guest: Guest | None = None,
    ) -> None:
        # a guest's desk is the guest's: the host may sit at their own beside them
        if resource.kind is not ResourceKind.DESK or not policy.one_desk_per_person or guest is not None:
            ensure_resource_free(s, resource.id, resource.name, resource.kind, start, end)
            return
        # Both questions in one statement; the place's answer first, as when asked one by one.
        found = queries.place_or_person_overlaps(
            s, start=start, end=end, resource_id=resource.id, person_id=person.id
        )
        taken = [b for b in found if b.resource_id == resource.id]
        if taken:
            raise ResourceTaken(
                resource=resource.name,
                kind=resource.kind.value,
                start=taken[0].start,
                end=taken[0].end,
                municipality=taken[0].municipality_code,
            )
        if found:
            raise PersonAlreadyHasDesk(
                person=person.name,
                person_id=person.id,
                resource=found[0].resource_name,
                start=found[0].start,
                end=found[0].end,
            )

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
        guest: Guest | None = None,
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
            guest_name=guest.name if guest is not None else None,
            guest_org=guest.organisation if guest is not None else None,
            guest_email=guest.email if guest is not None else None,
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
        booking lock may meet in a deadlock inside the constraint check instead of a violation;
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
    s: Session,
    actor: PersonRow | None,
    row: BookingRow,
    now: datetime,
    *,
    to_exchange: bool = True,
    cause: CancelCause | None = None,
    reason: str | None = None,
    action: str = "booking.cancel",
    notify: bool = True,
) -> None:
    """Cancel ``row`` (checks done by the caller) and record it in the audit trail; with
    ``to_exchange`` (not when Outlook itself cancelled it) the cancellation is queued for Exchange.
    The place it held goes to the first on the day's waitlist, in this transaction
    (services/waitlist/offers.py).

    ``cause`` and ``reason`` say why (a closure and its reason, a release, a note the booker or the
    receptionist wrote); the booker reads them in Mina bokningar, the audit entry keeps them. With
    ``notify`` (not for an erasure nor when Outlook cancelled it) the person gets a notice
    (services/notices/queue.py; the sender decides whether she wants it)."""
    if to_exchange:
        exchange_outbox.enqueue(s, row, "cancel", now)
    before = {"status": row.status}
    row.status = BookingStatus.CANCELLED
    row.cancelled_at = now
    row.updated_at = now
    row.sequence += 1
    after: dict[str, object] = {"status": row.status}
    if cause is not None:
        row.cancel_cause = cause.value
        if cause is not CancelCause.NOTE:  # a written reason says it all
            after["cause"] = cause.value
    if reason:
        row.cancel_reason = reason
        after["reason"] = reason
    if notify:
        kind = NoticeKind.RELEASED if cause is CancelCause.RELEASE else NoticeKind.CANCELLED
        queue_notice(s, kind=kind, booking=row, by_id=actor.id if actor else None, now=now, reason=reason)
    audit.record_change(
        s,
        at=now,
        actor=actor,
        action=action,
        entity="booking",
        entity_id=row.id,
        before=before,
        after=after,
        subject_id=row.person_id,
    )
    if before["status"] in HOLDING_STATUSES:
        waitlist.place_freed(s, now, actor, row)


def clean_reason(reason: str | None) -> str | None:
    """A cancellation's reason on one line, at most 200 characters; None when empty."""
    if reason is None or not reason.strip():
        return None
    return plain(reason, "reason")  # no control characters, at most 200 characters


def ensure_resource_free(
    s: Session,
    resource_id: int,
    name: str,
    kind: ResourceKind,
    start: datetime,
    end: datetime,
    *,
    exclude_id: int | None = None,
) -> None:
    """Raise ResourceTaken when a holding booking overlaps start–end on the resource."""
    taken = queries.holding_overlaps(s, start=start, end=end, resource_id=resource_id, exclude_id=exclude_id)
    if taken:
        raise ResourceTaken(
            resource=name,
            kind=kind.value,
            start=taken[0].start,
            end=taken[0].end,
            municipality=taken[0].municipality_code,
        )


def ensure_no_other_desk(
    s: Session, person_id: int, person_name: str, start: datetime, end: datetime
) -> None:
    """Raise PersonAlreadyHasDesk when the person holds another desk between start and end."""
    mine = queries.holding_overlaps(s, start=start, end=end, person_id=person_id, desks_only=True)
    if mine:
        raise PersonAlreadyHasDesk(
            person=person_name,
            person_id=person_id,
            resource=mine[0].resource_name,
            start=mine[0].start,
            end=mine[0].end,
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
    if not title.strip():
        return None
    return plain(title, "title", limit=MAX_TITLE)


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
        row.cancel_cause,
        row.cancel_reason,
        row.guest_name,
        row.guest_org,
    )
