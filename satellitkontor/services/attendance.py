"""The receptionist's actions on the day: check-in and no-shows.

Each booking checked in or marked writes one audit entry (services/audit/trail.py) in the same
transaction; the end-of-morning sweep writes one per booking it marks."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingStatus, BookingView, CancelCause
from satellitkontor.domain.errors import (
    AlreadyCancelled,
    AlreadyOver,
    BookingNotFound,
    CheckInNotAllowed,
    NotToday,
    PermissionDenied,
)
from satellitkontor.domain.notices import NoticeKind
from satellitkontor.domain.people import Role
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import Service, load_person, require_role
from satellitkontor.services.booking.core import mark_cancelled
from satellitkontor.services.exchange import outbox as exchange_outbox
from satellitkontor.services.notices.queue import queue_notice
from satellitkontor.services.waitlist import offers as waitlist
from satellitkontor.storage.models import BookingRow, PersonRow
from satellitkontor.storage.queries import common as queries


class AttendanceService(Service):
    def check_in(self, actor_id: int, booking_id: int) -> BookingView:
        """Mark that the person has arrived: themselves, or the receptionist for them."""
        now = self.now()
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id)
            row = s.get(BookingRow, booking_id)
            if row is None:
                raise BookingNotFound(id=booking_id)
            if actor.id != row.person_id and not actor.role.is_staff:
                raise PermissionDenied(action="check_in", role=actor.role.value)
            if row.status is BookingStatus.CHECKED_IN:
                return _view(s, row.id)
            if row.status is BookingStatus.CANCELLED:
                raise AlreadyCancelled(id=row.id)
            if row.end_at <= now:
                raise AlreadyOver(id=row.id, end=row.end_at)
            if clk.local_date(row.start_at) != clk.local_date(now):
                raise NotToday(day=clk.local_date(row.start_at))
            policy = queries.load_policy(s)
            opens = row.start_at - timedelta(minutes=policy.check_in_early_minutes)
            if now < opens:
                raise CheckInNotAllowed(opens=opens)
            # a no-show who turns up late after all is checked in; the place must still be free
            if row.status is BookingStatus.NO_SHOW and queries.holding_overlaps(
                s, start=row.start_at, end=row.end_at, resource_id=row.resource_id, exclude_id=row.id
            ):
                raise CheckInNotAllowed(opens=None, taken=True)
            before = {"status": row.status}
            if row.status is BookingStatus.NO_SHOW:  # holds the place again: in Outlook too
                row.sequence += 1
                exchange_outbox.enqueue(s, row, "upsert", now)
            row.status = BookingStatus.CHECKED_IN
            row.checked_in_at = now
            row.updated_at = now
            audit.record_change(
                s,
                at=now,
                actor=actor,
                action="booking.check_in",
                entity="booking",
                entity_id=row.id,
                before=before,
                after={"status": row.status},
                subject_id=row.person_id,
            )
            s.flush()
            return _view(s, row.id)

    def mark_no_show(self, actor_id: int, booking_id: int) -> BookingView:
        now = self.now()
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id)
            require_role(actor, Role.RECEPTIONIST, Role.ADMIN, action="mark_no_show")
            row = s.get(BookingRow, booking_id)
            if row is None:
                raise BookingNotFound(id=booking_id)
            if row.status is not BookingStatus.CONFIRMED:
                raise CheckInNotAllowed(status=row.status.value)
            policy = queries.load_policy(s)
            if now < row.start_at + timedelta(minutes=policy.no_show_grace_minutes):
                raise CheckInNotAllowed(too_early=True, grace=policy.no_show_grace_minutes)
            _mark(s, actor, row, now)
            s.flush()
            return _view(s, row.id)

    def mark_no_shows(self, actor_id: int) -> list[BookingView]:
        """Today's confirmed bookings whose grace period has passed without a check-in.

        Only today's: the sweep is the receptionist's end of the morning, and an earlier day's
        unchecked booking (or imported history, which never had check-ins) is not today's no-show.
        """
        now = self.now()
        today_start = clk.local_day_bounds(clk.local_date(now))[0]
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id)
            require_role(actor, Role.RECEPTIONIST, Role.ADMIN, action="mark_no_show")
            policy = queries.load_policy(s)
            limit = now - timedelta(minutes=policy.no_show_grace_minutes)
            rows = list(
                s.scalars(
                    select(BookingRow).where(
                        BookingRow.status == BookingStatus.CONFIRMED,
                        BookingRow.start_at <= limit,
                        BookingRow.start_at >= today_start,
                        BookingRow.import_key.is_(None),
                        BookingRow.id.not_in(waitlist.held_booking_ids(now, policy.no_show_grace_minutes)),
                    )
                )
            )
            for row in rows:
                _mark(s, actor, row, now)
            s.flush()
            return [_view(s, row.id) for row in rows]

    def release_unclaimed(self, actor_id: int | None, *, force: bool = False) -> list[BookingView]:
        """Release today's bookings nobody checked in to within the grace period, when the office
        turned the rule on (``auto_release``; ``force`` runs it anyway, for a test or an admin).

        Each is cancelled (cause "release"), audited as ``booking.release`` and queued for Exchange,
        in one transaction: the place is free at once on every PC. The rows are locked as they are
        read (PostgreSQL ``FOR UPDATE``; SQLite's write transaction holds the database), so two PCs
        or a PC and a scheduled ``satellitkontor release`` running at once release each booking
        once: the second waits, then finds it no longer confirmed. ``actor_id`` None is the
        scheduled task of a server that has no person (SQLite only: a login is somebody).
        """
        now = self.now()
        today_start = clk.local_day_bounds(clk.local_date(now))[0]
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id) if actor_id is not None else None
            if actor is not None:
                require_role(actor, Role.RECEPTIONIST, Role.ADMIN, action="release_unclaimed")
            policy = queries.load_policy(s)
            if not (policy.auto_release or force):
                return []
            limit = now - timedelta(minutes=policy.no_show_grace_minutes)
            stmt = (
                select(BookingRow)
                .where(
                    BookingRow.status == BookingStatus.CONFIRMED,
                    BookingRow.start_at <= limit,
                    BookingRow.start_at >= today_start,
                    BookingRow.end_at > now,
                    BookingRow.import_key.is_(None),
                    # a place held for the waitlist, or just taken from it (services/waitlist/)
                    BookingRow.id.not_in(waitlist.held_booking_ids(now, policy.no_show_grace_minutes)),
                )
                .order_by(BookingRow.id)
            )
            if s.get_bind().dialect.name == "postgresql":
                stmt = stmt.with_for_update()
            rows = list(s.scalars(stmt))
            for row in rows:
                mark_cancelled(s, actor, row, now, cause=CancelCause.RELEASE, action="booking.release")
            s.flush()
            return queries.bookings_by_ids(s, [row.id for row in rows])


def _mark(s: Session, actor: PersonRow, row: BookingRow, now: datetime) -> None:
    before = {"status": row.status}
    row.status = BookingStatus.NO_SHOW
    row.updated_at = now
    row.sequence += 1
    exchange_outbox.enqueue(s, row, "cancel", now)  # a no-show frees the room in Outlook too
    queue_notice(s, kind=NoticeKind.RELEASED, booking=row, by_id=actor.id, now=now)
    audit.record_change(
        s,
        at=now,
        actor=actor,
        action="booking.no_show",
        entity="booking",
        entity_id=row.id,
        before=before,
        after={"status": row.status},
        subject_id=row.person_id,
    )
    waitlist.place_freed(s, now, actor, row)  # a no-show's place goes to the day's waitlist


def _view(s: Session, booking_id: int) -> BookingView:
    view = queries.booking(s, booking_id)
    assert view is not None
    return view
