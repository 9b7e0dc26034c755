"""Booking and cancelling desks and the conference room, one at a time or as a series.

Every booking is made inside one write unit of work: the rules are checked, the place and the
person are locked (see storage.queries.lock_for_booking), overlaps are looked up and the row is
inserted before anything commits. The database's own guard (exclusion constraint or trigger) is
the last line: if it fires anyway, the caller gets the same ``ResourceTaken`` error.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import select

from satellitkontor.domain import clock as clk
from satellitkontor.domain import policy as rules
from satellitkontor.domain.bookings import BookingStatus, BookingView, DeskPeriod, Guest
from satellitkontor.domain.errors import (
    BookingNotFound,
    InvalidInput,
    NoOccurrences,
    PermissionDenied,
    PersonAlreadyHasDesk,
    ResourceTaken,
    RuleViolation,
)
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.base import load_person
from satellitkontor.services.booking.changes import BookingChange as BookingChange
from satellitkontor.services.booking.changes import BookingChanges
from satellitkontor.services.booking.core import _clean_title, _new_view, _Request, _view_of, clean_reason
from satellitkontor.services.booking.from_outlook import ExchangeBookings
from satellitkontor.services.booking.imports import ImportBookings
from satellitkontor.services.booking.series_changes import SeriesChanges
from satellitkontor.services.results import FairStatus
from satellitkontor.services.results import SeriesResult as SeriesResult
from satellitkontor.services.results import SkippedOccurrence as SkippedOccurrence
from satellitkontor.services.waitlist import offers as waitlist
from satellitkontor.storage.models import BookingRow, SeriesRow
from satellitkontor.storage.queries import common as queries


class BookingService(ImportBookings, ExchangeBookings, BookingChanges, SeriesChanges):
    def book_desk(
        self,
        actor_id: int,
        resource_id: int,
        day: date,
        period: DeskPeriod,
        *,
        for_person_id: int | None = None,
        guest: Guest | None = None,
    ) -> BookingView:
        """Book a desk for the actor, for someone else (staff), or for an external ``guest``
        (staff; ``for_person_id`` is then the guest's host, by default the actor)."""
        with self.db.session(write=True) as s:
            actor, person, resource = self._parties(
                s, actor_id, for_person_id, resource_id, ResourceKind.DESK, guest
            )
            policy = self._policy(s)
            calendar = queries.load_calendar(s, policy, day, day)
            start, end = rules.check_desk_booking(day, period, self.now(), calendar, policy)
            queries.lock_for_booking(s, resource.id, person.id)
            fresh = queries.calendar_after_lock(s, policy, calendar, day, day)
            if fresh is not calendar:  # a closure committed since the read: check the day again
                start, end = rules.check_desk_booking(day, period, self.now(), fresh, policy)
            self._check_free(s, policy, resource, person, start, end, guest=guest)
            # a guest's desk-days are not the host's; the rule for booking for others holds
            tally = self._tally(s, policy, person, day, day) if guest is None else None
            self._check_fair_desk(policy, tally, actor, person, day, period, for_guest=guest is not None)
            row = self._insert(s, actor, person, resource, start, end, desk_period=period, guest=guest)
            self._audit_new(s, actor, row, resource)
            if guest is None:  # her place in that day's waitlist is not needed any more
                waitlist.booked_anyway(s, self.now(), person.id, day, period)
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
        guest: Guest | None = None,
    ) -> BookingView:
        title = _clean_title(title)
        with self.db.session(write=True) as s:
            actor, person, resource = self._parties(
                s, actor_id, for_person_id, resource_id, ResourceKind.ROOM, guest
            )
            policy = self._policy(s)
            day = clk.local_date(start)
            calendar = queries.load_calendar(s, policy, day, day)
            start, end = rules.check_room_booking(
                start, end, participants, resource.capacity, self.now(), calendar, policy
            )
            queries.lock_for_booking(s, resource.id, person.id)
            fresh = queries.calendar_after_lock(s, policy, calendar, day, day)
            if fresh is not calendar:  # a closure committed since the read: check the day again
                rules.check_room_booking(
                    start, end, participants, resource.capacity, self.now(), fresh, policy
                )
            self._check_free(s, policy, resource, person, start, end, guest=guest)
            row = self._insert(
                s, actor, person, resource, start, end, title=title, participants=participants, guest=guest
            )
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
        guest: Guest | None = None,
        dry_run: bool = False,
    ) -> SeriesResult:
        """Book every free occurrence in one transaction; report each skipped one with its reason.

        Desks need ``period``; the room needs ``start_time``, ``end_time`` and ``participants``.
        With ``dry_run`` nothing is written: the result lists what would be booked and skipped.
        If no occurrence can be booked, nothing is written and ``NoOccurrences`` is raised.

        With a ``guest`` (staff only; ``for_person_id`` is the host) every occurrence is the
        guest's, as ``book_desk`` books one: the guest columns on each booking, the rule for
        booking for others and the longest series apply, the host's desk-days and "one desk per
        person" do not (the guest's desk is the guest's).
        """
        title = _clean_title(title)
        with self.db.session(write=not dry_run) as s:
            kind = ResourceKind.DESK if period is not None else ResourceKind.ROOM
            actor, person, resource = self._parties(s, actor_id, for_person_id, resource_id, kind, guest)
            if kind is ResourceKind.ROOM and (start_time is None or end_time is None or participants is None):
                raise InvalidInput(field="room_series", value="start_time, end_time, participants")
            policy = queries.load_policy(s)
            days = recurrence.dates()
            if days:
                rules.check_series_length(recurrence.start, days[-1], policy)
            calendar = queries.load_calendar(s, policy, days[0] if days else None, days[-1] if days else None)
            if not dry_run:
                queries.lock_for_booking(s, resource.id, person.id)
                if days:  # a closure committed since the read skips its days (see calendar_after_lock)
                    calendar = queries.calendar_after_lock(s, policy, calendar, days[0], days[-1])
            desk_days = days and period is not None and guest is None  # a guest's days are not the host's
            tally = self._tally(s, policy, person, days[0], days[-1]) if desk_days else None

            accepted: list[_Request] = []
            skipped: list[SkippedOccurrence] = []
            for day in days:
                try:
                    req = self._occurrence(
                        day, resource, calendar, policy, period, start_time, end_time, participants
                    )
                    self._check_free(s, policy, resource, person, req.start, req.end, guest=guest)
                    if period is not None:
                        self._check_fair_desk(
                            policy, tally, actor, person, day, period, for_guest=guest is not None
                        )
                except (RuleViolation, ResourceTaken, PersonAlreadyHasDesk) as err:
                    skipped.append(SkippedOccurrence(day, err))
                    continue
                if tally is not None and period is not None:
                    tally.add(day, period)
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
                    guest=guest,
                    flush=False,
                )
                for r in accepted
            ]
            self._flush(s, resource)
            for row in rows:  # one entry per booking, each naming the series (see services/audit/trail.py)
                self._audit_new(s, actor, row, resource)
            booked = tuple(_new_view(row, resource, person) for row in rows)
            return SeriesResult(series_id, booked, tuple(skipped), False, tuple(r.day for r in accepted))

    # --- fair rules, before booking ------------------------------------------------------------
    def fair_status(self, actor_id: int, day: date, *, for_person_id: int | None = None) -> FairStatus:
        """The fair rules that are on and where the person booked for stands on ``day`` (what the
        booking dialogs show before anyone meets a refusal)."""
        with self.db.session() as s:
            actor = load_person(s, actor_id)
            for_other = for_person_id is not None and for_person_id != actor_id
            if for_other and not actor.role.is_staff:
                raise PermissionDenied(action="book_for_other", role=actor.role.value)
            person = load_person(s, for_person_id) if for_other and for_person_id is not None else actor
            policy = queries.load_policy(s)
            tally = self._tally(s, policy, person, day, day)
            return FairStatus(
                person_name=person.name,
                for_other=for_other,
                day=day,
                desk_days_per_week=policy.desk_days_per_week,
                used_week=tally.week(day) if tally is not None else 0.0,
                desk_days_per_month=policy.desk_days_per_month,
                used_month=tally.month(day) if tally is not None else 0.0,
                max_series_weeks=policy.max_series_weeks,
                series_last=rules.series_last_day(day, policy),
                group_booking_days_ahead=policy.group_booking_days_ahead,
                others_open=rules.for_others_opens(day, policy),
            )

    # --- imports (services/imports/service.py) -------------------------------------------------

    def cancel(self, actor_id: int, booking_id: int, reason: str | None = None) -> BookingView:
        """Cancel one booking; ``reason`` (optional) is shown to the booker and the receptionist."""
        reason = clean_reason(reason)
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id)
            row = s.get(BookingRow, booking_id)
            if row is None:
                raise BookingNotFound(id=booking_id)
            self._cancel_row(s, actor, row, reason)
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

    # --- from Exchange (services/exchange/pull.py) ---------------------------------------------
