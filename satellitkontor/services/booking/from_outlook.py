"""Bookings that come from Outlook (Exchange pull): made, moved and cancelled under the same locks
as the app's own, with the sync's link written in the same transaction (services/exchange/pull.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingStatus, BookingView
from satellitkontor.domain.errors import (
    BookingNotFound,
    ResourceNotFound,
)
from satellitkontor.domain.municipalities import EXTERNAL
from satellitkontor.domain.people import PersonKind
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import load_person
from satellitkontor.services.booking.core import (
    BookingCore,
    _desk_period,
    _new_view,
    _view_of,
    ensure_resource_free,
    mark_cancelled,
)
from satellitkontor.storage.models import BookingRow, ResourceRow
from satellitkontor.storage.queries import common as queries


class ExchangeBookings(BookingCore):
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

    def book_guest_from_exchange(
        self,
        name: str,
        email: str,
        resource_id: int,
        start: datetime,
        end: datetime,
        title: str | None,
        then: Callable[[Session, BookingRow], None],
    ) -> BookingView:
        """A meeting booked in Outlook by an organiser who is no person in the office (a guest
        from another organisation): booked without a person, carrying her name and address,
        under the municipality ``extern`` (statistics count it there). The same locks and the
        same check that the place is free as :meth:`book_from_exchange`.

        Without a name and address (both empty), the organiser is unknown: a meeting made in the
        room's own calendar, whose organiser is the room itself. It carries its subject only."""
        import uuid

        with self.db.session(write=True) as s:
            resource = s.get(ResourceRow, resource_id)
            if resource is None:
                raise ResourceNotFound(id=resource_id)
            queries.lock_for_booking(s, resource.id, 0)
            ensure_resource_free(s, resource.id, resource.name, resource.kind, start, end)
            now = self.now()
            row = BookingRow(
                uid=f"{uuid.uuid4()}@satellitkontor",
                resource_id=resource.id,
                resource_kind=resource.kind,
                person_id=None,
                created_by_id=None,
                municipality_code=EXTERNAL.code,
                person_kind=PersonKind.EMPLOYEE,
                start_at=start,
                end_at=end,
                desk_period=_desk_period(start, end) if resource.kind is ResourceKind.DESK else None,
                title=title,
                status=BookingStatus.CONFIRMED,
                sequence=0,
                created_at=now,
                updated_at=now,
                guest_name=(name or email)[:200] or None,
                guest_email=email.lower()[:254] or None,
            )
            s.add(row)
            self._flush(s, resource)
            audit.record(
                s,
                at=now,
                actor=None,
                action="booking.exchange",
                entity="booking",
                entity_id=row.id,
                after=audit.booking_facts(row, resource.name),  # not the guest: she is on the booking
            )
            then(s, row)
            return _view_of(s, row)

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
            ensure_resource_free(s, resource.id, resource.name, resource.kind, start, end, exclude_id=row.id)
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
                mark_cancelled(s, None, row, self.now(), to_exchange=False, notify=False)
            then(s, row)
