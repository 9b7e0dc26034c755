"""Changing a series from one occurrence on: another desk, other weekdays or another time
(issue 16), with the same preview of skipped dates as when it was made (``dry_run``).

The occurrences from ``from_day`` on move to a new series of their own (the earlier ones stay
with the old one, as they happened): an occurrence whose day is still in the new rule is changed
in place (same UID, ``sequence`` up, an Exchange ``upsert``), a day the new rule adds is booked,
a day it drops is cancelled. Every new day is checked as a new booking would be; a day that
cannot be booked (closed, taken) is skipped and reported, and a dropped day's place is given up
first. One transaction: if nothing at all can be booked, nothing changes.

The result names the days changed in place (``changed``) and the days whose booking is cancelled
(``cancelled``: a weekday dropped, or the new place cannot be had that day), the dry run too: the
app's preview shows them before anything is saved (gui/dialogs/series_change_dialog.py). A guest's
series stays the guest's: a day it adds is booked for the guest, not for the host.
"""

from __future__ import annotations

import uuid
from datetime import date, time, timedelta

from sqlalchemy import select

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingStatus, DeskPeriod, Guest
from satellitkontor.domain.errors import (
    BookingNotFound,
    NoOccurrences,
    PermissionDenied,
    PersonAlreadyHasDesk,
    ResourceTaken,
    RuleViolation,
)
from satellitkontor.domain.recurrence import Frequency, Recurrence, parse_rrule
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import load_person
from satellitkontor.services.booking.core import BookingCore, _Request, ensure_resource_free, mark_cancelled
from satellitkontor.services.exchange import outbox as exchange_outbox
from satellitkontor.services.results import SeriesResult, SkippedOccurrence
from satellitkontor.storage.models import BookingRow, PersonRow, ResourceRow, SeriesRow
from satellitkontor.storage.queries import common as queries


class SeriesChanges(BookingCore):
    def change_series(
        self,
        actor_id: int,
        series_id: str,
        from_day: date,
        *,
        resource_id: int | None = None,
        weekdays: frozenset[int] | None = None,
        period: DeskPeriod | None = None,
        start_time: time | None = None,
        end_time: time | None = None,
        dry_run: bool = False,
    ) -> SeriesResult:
        """Change the series from ``from_day`` on (see the module docstring); ``dry_run`` writes
        nothing and lists what would be booked and skipped."""
        now = self.now()
        with self.db.session(write=not dry_run) as s:
            actor = load_person(s, actor_id)
            series = s.get(SeriesRow, series_id)
            if series is None:
                raise BookingNotFound(series=series_id)
            if actor.id not in (series.person_id, series.created_by_id) and not actor.role.is_staff:
                raise PermissionDenied(action="change_booking", role=actor.role.value)
            rows = list(
                s.scalars(
                    select(BookingRow)
                    .where(
                        BookingRow.series_id == series_id,
                        BookingRow.start_at >= clk.local(from_day, time(0)),
                        BookingRow.end_at > now,
                        BookingRow.status.in_(sorted(HOLDING_STATUSES)),
                    )
                    .order_by(BookingRow.start_at)
                )
            )
            old = parse_rrule(series.rrule, series.first_day)
            if weekdays is None:
                weekdays = _weekdays_of(old)
            last = old.until or (clk.local_date(rows[-1].start_at) if rows else from_day)
            if rows:
                last = max(last, clk.local_date(rows[-1].start_at))
            rule = Recurrence.weekly(from_day, weekdays, until=last)
            resource = s.get(ResourceRow, resource_id or series.resource_id)
            if resource is None:
                raise BookingNotFound(id=resource_id)
            person = s.get(PersonRow, series.person_id) if series.person_id is not None else actor
            assert person is not None
            # a guest's series (issue 16) stays the guest's: days it adds are booked for the guest
            first_row = rows[0] if rows else None
            guest = (
                Guest(first_row.guest_name or "-", first_row.guest_org, first_row.guest_email)
                if first_row is not None and first_row.guest_org is not None
                else None
            )
            desk = resource.kind is ResourceKind.DESK
            new_period = (period or series.desk_period) if desk else None
            starts = start_time or (time.fromisoformat(series.start_time) if series.start_time else None)
            ends = end_time or (time.fromisoformat(series.end_time) if series.end_time else None)
            if not dry_run:
                queries.lock_for_booking(s, resource.id, person.id)
            policy = queries.load_policy(s)
            days = rule.dates()
            calendar = queries.load_calendar(s, policy, from_day, last)
            by_day = {clk.local_date(r.start_at): r for r in rows if r.status is BookingStatus.CONFIRMED}
            accepted: list[_Request] = []
            skipped: list[SkippedOccurrence] = []
            for day in days:
                mine = by_day.get(day)
                try:
                    req = self._occurrence(
                        day, resource, calendar, policy, new_period, starts, ends, series.participants
                    )
                    ensure_resource_free(
                        s, resource.id, resource.name, resource.kind, req.start, req.end,
                        exclude_id=mine.id if mine else None,
                    )  # fmt: skip
                    if desk and policy.one_desk_per_person and guest is None:
                        other = queries.holding_overlaps(
                            s, start=req.start, end=req.end, person_id=person.id, desks_only=True,
                            exclude_id=mine.id if mine else None,
                        )  # fmt: skip
                        if other:
                            raise PersonAlreadyHasDesk(
                                person=person.name, resource=other[0].resource_name, start=other[0].start,
                                end=other[0].end,
                            )  # fmt: skip
                except (RuleViolation, ResourceTaken, PersonAlreadyHasDesk) as err:
                    skipped.append(SkippedOccurrence(day, err))
                    continue
                accepted.append(req)
            if not accepted:
                raise NoOccurrences(count=len(days), skipped=len(skipped))
            keep = {r.day for r in accepted}
            changed = tuple(d for d in sorted(keep) if d in by_day)
            dropped = tuple(d for d in sorted(by_day) if d not in keep)
            if dry_run:
                occurrences = tuple(r.day for r in accepted)
                return SeriesResult(None, (), tuple(skipped), True, occurrences, changed, dropped)

            new_id = str(uuid.uuid4())
            s.add(
                SeriesRow(
                    id=new_id, resource_id=resource.id, person_id=series.person_id, rrule=rule.to_rrule(),
                    first_day=from_day, desk_period=new_period, start_time=starts.strftime("%H:%M") if starts else None,
                    end_time=ends.strftime("%H:%M") if ends else None, title=series.title,
                    participants=series.participants, created_by_id=actor.id, created_at=now,
                )
            )  # fmt: skip
            s.flush()
            for day in dropped:  # dropped days first: their places are given up
                mark_cancelled(s, actor, by_day[day], now)
            s.flush()
            done: list[BookingRow] = []
            for req in accepted:
                existing = by_day.get(req.day)
                if existing is None:
                    row = self._insert(
                        s, actor, person, resource, req.start, req.end, desk_period=new_period,
                        title=series.title, participants=series.participants, series_id=new_id, guest=guest,
                    )  # fmt: skip
                    self._audit_new(s, actor, row, resource)
                else:
                    row = existing
                    before = audit.booking_facts(row)
                    row.resource_id, row.start_at, row.end_at = resource.id, req.start, req.end
                    row.desk_period, row.series_id = new_period, new_id
                    row.sequence += 1
                    row.updated_at = now
                    self._flush(s, resource)
                    exchange_outbox.enqueue(s, row, "upsert", now)
                    audit.record_change(
                        s, at=now, actor=actor, action="booking.change", entity="booking", entity_id=row.id,
                        before=before, after=audit.booking_facts(row), subject_id=row.person_id,
                    )  # fmt: skip
                done.append(row)
            if old.until is None or old.until >= from_day:
                series.rrule = Recurrence(
                    old.frequency, old.start, until=max(old.start, from_day - timedelta(days=1)),
                    weekdays=old.weekdays, interval=old.interval,
                ).to_rrule()  # fmt: skip
            s.flush()
            views = tuple(queries.bookings_by_ids(s, [r.id for r in done]))
            occurrences = tuple(r.day for r in accepted)
            return SeriesResult(new_id, views, tuple(skipped), False, occurrences, changed, dropped)

    def series_weekdays(self, actor_id: int, series_id: str) -> frozenset[int]:
        """The weekdays the series repeats on (Monday = 0): what "Ändra serien" starts from."""
        with self.db.session() as s:
            actor = load_person(s, actor_id)
            series = s.get(SeriesRow, series_id)
            if series is None:
                raise BookingNotFound(series=series_id)
            if actor.id not in (series.person_id, series.created_by_id) and not actor.role.is_staff:
                raise PermissionDenied(action="change_booking", role=actor.role.value)
            return _weekdays_of(parse_rrule(series.rrule, series.first_day))


def _weekdays_of(rule: Recurrence) -> frozenset[int]:
    """The weekdays a rule falls on: a daily series every day (the office's closed days are
    skipped as always), a weekly one its own days."""
    if rule.frequency is Frequency.DAILY:
        return frozenset(range(7))
    return rule.effective_weekdays
