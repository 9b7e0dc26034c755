"""Changing a booking instead of cancelling and booking again, and cancelling many at once.

``change`` moves one booking to another desk, half-day, time or day, or changes the meeting's
title and participants, in one write unit of work: the booking row is locked, the new place and
the person are locked as a new booking would lock them, the rules and overlaps are checked as for
a new booking (the booking itself left out), and only then is the row changed in place. A
conflict or a rule refusal raises before anything is written, so the booking stays as it was; the
database's own overlap guard turns a lost race into the same ``ResourceTaken``. The row keeps its
id and UID and its ``sequence`` goes up, so the Exchange push updates the event it made (the
outbox gets an ``upsert``) and calendar feeds show the change rather than a new event.

``cancel_range`` cancels every booking of one person that still holds a place in a date range
("ledig 1–14 juli"), with an optional reason, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from satellitkontor.domain import clock as clk
from satellitkontor.domain import policy as rules
from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingStatus, BookingView, DeskPeriod
from satellitkontor.domain.errors import (
    AlreadyCancelled,
    AlreadyOver,
    BookingNotFound,
    InvalidInput,
    PermissionDenied,
    PersonAlreadyHasDesk,
    ResourceInactive,
    WrongResourceKind,
)
from satellitkontor.domain.notices import NoticeKind
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import load_person
from satellitkontor.services.booking.core import (
    BookingCore,
    _clean_title,
    _view_of,
    clean_reason,
    ensure_resource_free,
)
from satellitkontor.services.exchange import outbox as exchange_outbox
from satellitkontor.services.notices.queue import queue_notice
from satellitkontor.services.waitlist import offers as waitlist
from satellitkontor.storage.models import BookingRow, PersonRow, ResourceRow
from satellitkontor.storage.queries import common as queries


@dataclass(frozen=True, slots=True)
class BookingChange:
    """What to change; every field left None stays as it is.

    A desk: ``resource_id`` (another desk), ``day``, ``period``. The room: ``day`` (same times
    that day), ``start``/``end`` (aware instants), ``participants``, ``title`` (``""`` clears it;
    None keeps it).
    """

    resource_id: int | None = None
    day: date | None = None
    period: DeskPeriod | None = None
    start: datetime | None = None
    end: datetime | None = None
    participants: int | None = None
    title: str | None = None


class BookingChanges(BookingCore):
    def change(self, actor_id: int, booking_id: int, change: BookingChange) -> BookingView:
        """Move or change one booking (see the module docstring); returns it as it is now."""
        title = _clean_title(change.title) if change.title is not None else None
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id)
            row = queries.booking_row_for_update(s, booking_id)
            if row is None:
                raise BookingNotFound(id=booking_id)
            if actor.id not in (row.person_id, row.created_by_id) and not actor.role.is_staff:
                raise PermissionDenied(action="change_booking", role=actor.role.value)
            now = self.now()
            if row.status is BookingStatus.CANCELLED:
                raise AlreadyCancelled(id=row.id)
            if row.end_at <= now or row.status is not BookingStatus.CONFIRMED:
                # begun and checked in, a no-show, or over: what happened stays as it happened
                raise AlreadyOver(id=row.id, end=row.end_at)
            resource = s.get(ResourceRow, change.resource_id or row.resource_id)
            if resource is None:
                raise InvalidInput(field="resource", value=change.resource_id)
            if resource.kind is not row.resource_kind:
                raise WrongResourceKind(
                    name=resource.name, kind=resource.kind.value, wanted=row.resource_kind.value
                )
            person = s.get(PersonRow, row.person_id) if row.person_id is not None else actor
            assert person is not None
            old_resource = s.get(ResourceRow, row.resource_id)
            assert old_resource is not None
            before = audit.booking_facts(row, old_resource.name)

            queries.lock_for_booking(s, resource.id, person.id)
            policy = queries.load_policy(s)
            old_day = clk.local_date(row.start_at)
            if row.resource_kind is ResourceKind.DESK:
                day = change.day or old_day
                period = change.period or row.desk_period or DeskPeriod.FULL_DAY
                calendar = queries.load_calendar(s, policy, day, day)
                start, end = rules.check_desk_booking(day, period, now, calendar, policy)
                desk_period: DeskPeriod | None = period
                participants = row.participants
            else:
                start, end = _room_times(row, change, old_day)
                day = clk.local_date(start)
                participants = change.participants or row.participants or 1
                calendar = queries.load_calendar(s, policy, day, day)
                start, end = rules.check_room_booking(
                    start, end, participants, resource.capacity, now, calendar, policy
                )
                desk_period = None
            if not resource.active:
                raise ResourceInactive(name=resource.name)
            ensure_resource_free(s, resource.id, resource.name, resource.kind, start, end, exclude_id=row.id)
            if resource.kind is ResourceKind.DESK and policy.one_desk_per_person:
                mine = queries.holding_overlaps(
                    s, start=start, end=end, person_id=person.id, desks_only=True, exclude_id=row.id
                )
                if mine:
                    raise PersonAlreadyHasDesk(
                        person=person.name,
                        resource=mine[0].resource_name,
                        start=mine[0].start,
                        end=mine[0].end,
                    )

            new_title = row.title if change.title is None else title
            unchanged = (
                resource.id == row.resource_id
                and start == row.start_at
                and end == row.end_at
                and desk_period == row.desk_period
                and new_title == row.title
                and participants == row.participants
            )
            if unchanged:
                return _view_of(s, row)
            row.resource_id = resource.id
            row.start_at, row.end_at = start, end
            row.desk_period = desk_period
            row.title = new_title
            row.participants = participants
            row.sequence += 1
            row.updated_at = now
            self._flush(s, resource)
            exchange_outbox.enqueue(s, row, "upsert", now)  # updates the event it made (same UID)
            queue_notice(s, kind=NoticeKind.CHANGED, booking=row, by_id=actor.id, now=now)
            audit.record_change(
                s,
                at=now,
                actor=actor,
                action="booking.change",
                entity="booking",
                entity_id=row.id,
                before=before,
                after=audit.booking_facts(row, resource.name),
                subject_id=row.person_id,
            )
            # the place or time it left may be what the first on that day's waitlist waits for
            waitlist.fill_days(s, now, actor, {old_day})
            s.flush()
            return _view_of(s, row)

    def cancel_range(
        self,
        actor_id: int,
        first: date,
        last: date,
        *,
        reason: str | None = None,
        person_id: int | None = None,
    ) -> list[BookingView]:
        """Cancel every booking of ``person_id`` (default: the actor) on the days ``first``–``last``
        that still holds a place and is not over; one transaction, one audit entry and outbox row
        each. Staff may cancel another person's; a user only her own."""
        if last < first:
            raise InvalidInput(field="range", value=f"{first}–{last}")
        reason = clean_reason(reason)
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id)
            whose = person_id if person_id is not None else actor.id
            if whose != actor.id and not actor.role.is_staff:
                raise PermissionDenied(action="cancel_booking", role=actor.role.value)
            now = self.now()
            rows = list(
                s.scalars(
                    select(BookingRow)
                    .where(
                        BookingRow.person_id == whose,
                        BookingRow.start_at >= clk.local(first, time(0)),
                        BookingRow.start_at < clk.local(last + timedelta(days=1), time(0)),
                        BookingRow.end_at > now,
                        BookingRow.status.in_(sorted(HOLDING_STATUSES)),
                    )
                    .order_by(BookingRow.start_at)
                )
            )
            for row in rows:
                self._cancel_row(s, actor, row, reason)
            s.flush()
            return [_view_of(s, row) for row in rows]


def _room_times(row: BookingRow, change: BookingChange, old_day: date) -> tuple[datetime, datetime]:
    """The meeting's new start and end: given ones, or the same wall-clock times on the new day."""
    if change.start is not None and change.end is not None:
        return change.start, change.end
    if change.start is not None or change.end is not None:
        raise InvalidInput(field="time", value="start and end")
    day = change.day or old_day
    start_t, end_t = clk.to_local(row.start_at).time(), clk.to_local(row.end_at).time()
    return clk.local(day, start_t), clk.local(day, end_t)
