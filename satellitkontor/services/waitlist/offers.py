"""The waitlist's machinery inside other units of work: a place frees, the first in line gets it.

Decisions:

- **Where it runs**: in the SAME transaction as whatever freed the place. ``mark_cancelled``
  (services/booking/core.py: a cancel, a cancelled range or series, a release of an unclaimed
  booking, a change that drops an occurrence, Outlook's cancel), a no-show, a move away from a
  place (services/booking/changes.py) and a closure lifted (services/office.py) call
  :func:`place_freed` or :func:`fill_days`; the periodic sweep (WaitlistService.sweep: the app's
  five-minute timer of the reception, ``satellitkontor release`` and ``satellitkontor waitlist
  sweep``) calls them for offers that ran out and for any day whose line waits beside a free place.
- **How the place is held**: by a real booking of the person in line (confirmed, made by them),
  linked from the entry (``offered_booking_id``) and held until ``offer_until`` (the office's
  ``waitlist_offer_minutes``, default 120, never past the booking's end). Every booker, the day
  view, the floor plan and the database's own overlap guard then see the place as taken, with no
  second notion of "taken" to keep in step. The hold is not sent to Exchange and has no
  ``booking.create`` entry until it is accepted; declined or run out, it is cancelled (cancelled
  bookings count in no statistics) and passed on. The release of unclaimed bookings and the
  no-show sweep leave a held place alone, and a booking just accepted for its grace period.
- **Who is first**: waiting entries of the day in ``created_at`` order (then id); the first whose
  need the free place covers (a desk free for their part of the day; the room free for their span)
  and who holds no other desk then, nor would pass the fair rules' desk-days per week or month
  with it (``breaks_fair_rules``: skipped, still waiting; the next in line gets it). An entry that asked for it (``auto_book``) is booked straight
  away instead of offered.
- **Concurrency**: the day's waiting entries are read ``FOR UPDATE`` and the place and person are
  locked as any booking locks them (PostgreSQL; SQLite's write transaction holds the database):
  two PCs releasing or sweeping at once make one offer, to the first in line; the second finds the
  entry no longer waiting and the place held. tests/storage/test_concurrent_waitlist.py.
- **A shared office's user**: row-level security (migration 0016) keeps a user from reading the
  line or booking for others, so when a user's own cancel frees a place, the database makes the
  offer in the same transaction (:func:`offer_own_cancel`: the SECURITY DEFINER function of
  migration 0017, which checks the booking is hers and was cancelled in this transaction and then
  applies these same rules to that one place; she chooses nothing). Her own offer's answer is
  hers to give. A no-show or a move away by a user is left to the reception's sweep, as before.
- **Telling**: :func:`_tell_offer` queues the e-mail notice (services/notices/queue.py) in the
  same transaction: ``waitlist_offer`` for an offer (the held booking's uid, tentative, held
  until), ``confirmed`` for a place booked straight away; an offer declined or run out queues a
  ``cancelled`` for the tentative invitation; accepting queues ``confirmed`` (sequence raised).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, or_, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain import policy as rules
from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingStatus, CancelCause, DeskPeriod, halves_of
from satellitkontor.domain.errors import RuleViolation
from satellitkontor.domain.notices import NoticeKind
from satellitkontor.domain.office_calendar import OfficeCalendar
from satellitkontor.domain.policy import BookingPolicy
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.domain.waitlist import WaitlistState
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.exchange import outbox as exchange_outbox
from satellitkontor.services.notices.queue import queue_notice
from satellitkontor.storage.models import BookingRow, PersonRow, ResourceRow, WaitlistEntryRow
from satellitkontor.storage.queries import common as queries

log = logging.getLogger(__name__)

WAITING, OFFERED, BOOKED = (
    WaitlistState.WAITING.value,
    WaitlistState.OFFERED.value,
    WaitlistState.BOOKED.value,
)


def may_offer(s: Session, actor: PersonRow | None) -> bool:
    """Whether this connection may read the whole line and book for others (see the docstring)."""
    if s.get_bind().dialect.name != "postgresql" or (actor is not None and actor.role.is_staff):
        return True
    return not bool(s.scalar(text("SELECT row_security_active('waitlist_entries')")))


def held_booking_ids(now: datetime, grace_minutes: int) -> Select[Any]:
    """The bookings a release or a no-show sweep leaves alone: places held for an offer, and
    places taken from the line within the last grace period (they had no chance to check in)."""
    return select(WaitlistEntryRow.offered_booking_id).where(
        WaitlistEntryRow.offered_booking_id.is_not(None),
        or_(
            WaitlistEntryRow.state == OFFERED,
            and_(
                WaitlistEntryRow.state == BOOKED,
                WaitlistEntryRow.decided_at > now - timedelta(minutes=grace_minutes),
            ),
        ),
    )


def _interest(s: Session) -> tuple[set[date], set[int]]:
    """The days someone waits on and the bookings that hold an offer, read once per unit of work
    (a release of hundreds of bookings then asks the waitlist once, not once per booking)."""
    cached: tuple[set[date], set[int]] | None = s.info.get("waitlist_interest")
    if cached is None:
        with s.no_autoflush:
            rows = s.execute(
                select(
                    WaitlistEntryRow.day, WaitlistEntryRow.state, WaitlistEntryRow.offered_booking_id
                ).where(WaitlistEntryRow.state.in_([WAITING, OFFERED]))
            ).all()
        cached = (
            {day for day, state, _ in rows if state == WAITING},
            {booking for _, state, booking in rows if state == OFFERED and booking is not None},
        )
        s.info["waitlist_interest"] = cached
    return cached


def place_freed(s: Session, now: datetime, actor: PersonRow | None, row: BookingRow) -> None:
    """``row`` stopped holding its place (cancelled, released, a no-show, moved away): close an
    offer it held, then offer that place to the first on its day's line whose need it covers."""
    waiting_days, held = _interest(s)
    day = clk.local_date(row.start_at)
    if not may_offer(s, actor):  # a user on a shared office: she cannot read the line
        if row.id in held:
            _close_held(s, row, now)
        if row.status is BookingStatus.CANCELLED:
            offer_own_cancel(s, row)
        return
    if row.id not in held and day not in waiting_days:
        return  # nobody waits that day: nothing to do (and no query)
    if row.id in held:
        _close_held(s, row, now)
    fill_days(s, now, actor, [day], places={row.resource_id})


def _close_held(s: Session, row: BookingRow, now: datetime) -> None:
    entry = s.scalars(
        select(WaitlistEntryRow).where(
            WaitlistEntryRow.offered_booking_id == row.id, WaitlistEntryRow.state == OFFERED
        )
    ).first()
    if entry is not None:  # the person cancelled the place held for them: that is a no
        _decide(s, entry, WaitlistState.DECLINED, now)


def offer_own_cancel(s: Session, row: BookingRow) -> int:
    """A user's own cancel on a shared PostgreSQL office: the database offers the freed place to
    the first in line (``satellitkontor_waitlist_offer`` of migration 0017, which checks that the
    booking is hers and was cancelled in this transaction, and chooses everything else itself).
    A login without the right to call it (``db grant`` not run since the upgrade) leaves the
    offer to the reception's sweep, as before; the cancel stands either way. Offers made."""
    s.flush()
    try:
        with s.begin_nested():
            made = s.execute(
                text("SELECT entry_id, booking_id FROM satellitkontor_waitlist_offer(:b)"), {"b": row.id}
            ).all()
    except DBAPIError as exc:
        log.warning("the waitlist offer of booking %s is left to the sweep: %s", row.id, exc.orig)
        return 0
    _interest(s)[1].update(booking for _, booking in made)
    return len(made)


def fill_days(
    s: Session,
    now: datetime,
    actor: PersonRow | None,
    days: Iterable[date],
    *,
    places: set[int] | None = None,
) -> int:
    """Offer each day's free places (only ``places``, when given) to its line, first first; the
    number of offers and direct bookings made."""
    days = sorted(set(days))
    if not days or not may_offer(s, actor):
        return 0
    s.flush()
    made = 0
    policy: BookingPolicy | None = None
    for day in days:
        if day < clk.local_date(now):
            continue
        entries = _waiting(s, day)
        if not entries:
            continue
        if policy is None:
            policy = queries.load_policy(s)
        calendar = queries.load_calendar(s, policy, day, day)
        hours = calendar.hours(day)
        if hours is None:
            continue  # closed: the line waits (a closure lifted offers it again)
        board = _Board(s, day, places, {e.person_id for e in entries})
        opens, closes = clk.local(day, hours.opens), clk.local(day, hours.closes)
        needs: dict[DeskPeriod, tuple[datetime, datetime] | None] = {}
        for entry in entries:
            if board.full(opens, closes):
                break  # nothing left to offer that day: the rest of the line waits
            if _offer_to(s, now, actor, policy, calendar, entry, board, needs):
                made += 1
    return made


class _Board:
    """One day's places and what holds them, read once for a whole line (not per entry)."""

    def __init__(self, s: Session, day: date, places: set[int] | None, people: set[int]) -> None:
        stmt = select(ResourceRow).where(ResourceRow.active.is_(True))
        if places is not None:
            stmt = stmt.where(ResourceRow.id.in_(places))
        self.resources = list(s.scalars(stmt.order_by(ResourceRow.sort_order, ResourceRow.id)))
        first, last = clk.local_day_bounds(day)
        spans = select(
            BookingRow.resource_id,
            BookingRow.start_at,
            BookingRow.end_at,
            BookingRow.person_id,
            BookingRow.resource_kind,
        ).where(
            BookingRow.status.in_([st.value for st in HOLDING_STATUSES]),
            BookingRow.start_at < last,
            BookingRow.end_at > first,
            BookingRow.start_at > first - timedelta(days=1),
        )
        if places is not None:  # only what the freed places and the people in line hold
            spans = spans.where(or_(BookingRow.resource_id.in_(places), BookingRow.person_id.in_(people)))
        held = s.execute(spans).all()
        self.taken: dict[int, list[tuple[datetime, datetime]]] = {}
        self.desks_of: dict[int, list[tuple[datetime, datetime]]] = {}
        for resource_id, start, end, person_id, kind in held:
            self.taken.setdefault(resource_id, []).append((start, end))
            if kind is ResourceKind.DESK and person_id is not None:
                self.desks_of.setdefault(person_id, []).append((start, end))

    @staticmethod
    def _overlaps(spans: list[tuple[datetime, datetime]], start: datetime, end: datetime) -> bool:
        return any(a < end and start < b for a, b in spans)

    def free(self, resource_id: int, start: datetime, end: datetime) -> bool:
        return not self._overlaps(self.taken.get(resource_id, []), start, end)

    def free_desk(self, start: datetime, end: datetime) -> ResourceRow | None:
        return next(
            (r for r in self.resources if r.kind is ResourceKind.DESK and self.free(r.id, start, end)), None
        )

    def has_desk(self, person_id: int, start: datetime, end: datetime) -> bool:
        return self._overlaps(self.desks_of.get(person_id, []), start, end)

    def full(self, opens: datetime, closes: datetime) -> bool:
        """Whether every place is taken from opening to closing (no gap left for anyone)."""
        for r in self.resources:
            moment = opens
            for a, b in sorted(self.taken.get(r.id, [])):
                if a > moment:
                    break
                moment = max(moment, b)
            if moment < closes:
                return False
        return True

    def hold(self, place: ResourceRow, person_id: int, start: datetime, end: datetime) -> None:
        self.taken.setdefault(place.id, []).append((start, end))
        if place.kind is ResourceKind.DESK:
            self.desks_of.setdefault(person_id, []).append((start, end))


def _waiting(s: Session, day: date) -> list[WaitlistEntryRow]:
    stmt = (
        select(WaitlistEntryRow)
        .where(WaitlistEntryRow.day == day, WaitlistEntryRow.state == WAITING)
        .order_by(WaitlistEntryRow.created_at, WaitlistEntryRow.id)
    )
    if s.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    return list(s.scalars(stmt))


def need_of(
    entry: WaitlistEntryRow,
    now: datetime,
    calendar: OfficeCalendar,
    policy: BookingPolicy,
    capacity: int,
) -> tuple[datetime, datetime]:
    """The entry's span, checked against the office's rules now (RuleViolation: not bookable)."""
    if entry.desk_period is not None:
        return rules.check_desk_booking(entry.day, entry.desk_period, now, calendar, policy)
    assert entry.start_at is not None and entry.end_at is not None and entry.participants is not None
    return rules.check_room_booking(
        entry.start_at, entry.end_at, entry.participants, capacity, now, calendar, policy
    )


def _need(
    entry: WaitlistEntryRow,
    now: datetime,
    calendar: OfficeCalendar,
    policy: BookingPolicy,
    room: ResourceRow | None,
) -> tuple[datetime, datetime] | None:
    try:
        return need_of(entry, now, calendar, policy, room.capacity if room else 1)
    except RuleViolation:
        return None


def free_desk(s: Session, start: datetime, end: datetime) -> ResourceRow | None:
    """The first active desk (in the office's order) that no holding booking uses in start–end."""
    desks = s.scalars(
        select(ResourceRow)
        .where(ResourceRow.kind == ResourceKind.DESK, ResourceRow.active.is_(True))
        .order_by(ResourceRow.sort_order, ResourceRow.id)
    )
    for desk in desks:
        if not queries.holding_overlaps(s, start=start, end=end, resource_id=desk.id):
            return desk
    return None


def _offer_to(
    s: Session,
    now: datetime,
    actor: PersonRow | None,
    policy: BookingPolicy,
    calendar: OfficeCalendar,
    entry: WaitlistEntryRow,
    board: _Board,
    needs: dict[DeskPeriod, tuple[datetime, datetime] | None],
) -> bool:
    if entry.resource_id is not None:
        room = next((r for r in board.resources if r.id == entry.resource_id), None)
        if room is None:
            return False  # not a place that freed, or not active
    else:
        room = None
    period = entry.desk_period
    need = (
        needs.get(period)
        if period is not None and period in needs
        else _need(entry, now, calendar, policy, room)
    )
    if period is not None:
        needs[period] = need  # the same for everyone waiting for that part of the day
    if need is None:
        return False  # closed that day, or its time has passed: the sweep expires it
    start, end = need
    if room is not None:
        place = room if board.free(room.id, start, end) else None
    else:
        if policy.one_desk_per_person and board.has_desk(entry.person_id, start, end):
            return False  # they have a desk then already
        place = board.free_desk(start, end)
    if place is None:
        return False
    person = s.get(PersonRow, entry.person_id)
    if person is None or not person.active:
        return False
    queries.lock_for_booking(s, place.id, person.id)
    # after the lock: what another PC committed meanwhile is seen now
    if queries.holding_overlaps(s, start=start, end=end, resource_id=place.id):
        board.taken.setdefault(place.id, []).append((start, end))
        return False
    if (
        room is None
        and policy.one_desk_per_person
        and queries.holding_overlaps(s, start=start, end=end, person_id=person.id, desks_only=True)
    ):
        return False  # they have a desk then already
    if room is None and entry.desk_period is not None and breaks_fair_rules(s, policy, person, entry):
        return False  # the desk-days rules: the next in line gets it, she stays waiting
    booking = BookingRow(
        uid=f"{uuid.uuid4()}@satellitkontor",
        resource_id=place.id,
        resource_kind=place.kind,
        person_id=person.id,
        created_by_id=person.id,
        municipality_code=person.municipality_code,
        person_kind=person.kind,
        start_at=start,
        end_at=end,
        desk_period=entry.desk_period,
        participants=entry.participants,
        status=BookingStatus.CONFIRMED,
        sequence=0,
        created_at=now,
        updated_at=now,
    )
    s.add(booking)
    s.flush()
    entry.offered_booking_id = booking.id
    board.hold(place, person.id, start, end)
    _interest(s)[1].add(booking.id)  # a hold cancelled later in this unit of work is seen
    if entry.auto_book:
        _decide(s, entry, WaitlistState.BOOKED, now)
        exchange_outbox.enqueue(s, booking, "upsert", now)
        audit.record(
            s,
            at=now,
            actor=actor,
            action="booking.create",
            entity="booking",
            entity_id=booking.id,
            after=audit.booking_facts(booking, place.name),
            subject_id=person.id,
        )
    else:
        entry.offer_until = min(now + timedelta(minutes=policy.waitlist_offer_minutes), end)
        _decide(s, entry, WaitlistState.OFFERED, now)
    audit.record(
        s,
        at=now,
        actor=actor,
        action="waitlist.book" if entry.auto_book else "waitlist.offer",
        entity="waitlist",
        entity_id=entry.id,
        after={"booking_id": booking.id, "resource": place.name, "until": entry.offer_until},
        subject_id=person.id,
    )
    _tell_offer(s, entry, booking, now)
    return True


def breaks_fair_rules(s: Session, policy: BookingPolicy, person: PersonRow, entry: WaitlistEntryRow) -> bool:
    """Whether a desk for ``entry`` would take ``person`` past the office's desk-days per week or
    month (domain.policy.check_desk_days, as a booking of her own would; read after the lock)."""
    if entry.desk_period is None or (
        policy.desk_days_per_week is None and policy.desk_days_per_month is None
    ):
        return False
    first = min(rules.week_of(entry.day)[0], rules.month_of(entry.day)[0])
    last = max(rules.week_of(entry.day)[1], rules.month_of(entry.day)[1])
    held = queries.desk_days_of(s, person.id, first, last)
    week_first, week_last = rules.week_of(entry.day)
    month_first, month_last = rules.month_of(entry.day)
    week = sum(v for d, v in held if week_first <= d <= week_last)
    month = sum(v for d, v in held if month_first <= d <= month_last)
    try:
        rules.check_desk_days(person.name, entry.day, entry.desk_period, week, month, policy)
    except RuleViolation:
        return True
    return False


def booked_anyway(s: Session, now: datetime, person_id: int, day: date, period: DeskPeriod) -> None:
    """The person booked a desk herself for a day she waits on: her place in line for the part of
    the day the booking covers is no longer needed (withdrawn, so nobody is offered a second desk)."""
    with s.no_autoflush:
        rows = s.scalars(
            select(WaitlistEntryRow).where(
                WaitlistEntryRow.person_id == person_id,
                WaitlistEntryRow.day == day,
                WaitlistEntryRow.state == WAITING,
                WaitlistEntryRow.desk_period.is_not(None),
            )
        ).all()
    for entry in rows:
        if halves_of(entry.desk_period) <= halves_of(period):
            _decide(s, entry, WaitlistState.WITHDRAWN, now)


def _tell_offer(s: Session, entry: WaitlistEntryRow, booking: BookingRow, now: datetime) -> None:
    """Tell the person a place was offered to them, or booked for them: the notices' outbox
    (services/notices/queue.py), in this same transaction. An offer is a ``waitlist_offer`` about
    the held booking (its uid, so the invitation and the booking taken later are one calendar
    event; tentative until taken) with the time it is held until; a place booked straight away
    is a ``confirmed`` notice made by the office (by_other). Whether it is sent is the person's
    choice, decided by the sender. The app shows it too: Mina bokningar reads the entry."""
    if entry.auto_book:
        queue_notice(s, kind=NoticeKind.CONFIRMED, booking=booking, by_id=None, now=now)
    else:
        queue_notice(
            s,
            kind=NoticeKind.WAITLIST_OFFER,
            booking=booking,
            by_id=None,
            now=now,
            offer_until=entry.offer_until,
        )


def expire_offers(s: Session, now: datetime, actor: PersonRow | None) -> list[date]:
    """Offers that ran out: their held place cancelled, the entry expired. Waiting entries whose
    time has passed are expired too. Returns the days whose line may get the freed place."""
    stmt = (
        select(WaitlistEntryRow)
        .where(WaitlistEntryRow.state == OFFERED, WaitlistEntryRow.offer_until <= now)
        .order_by(WaitlistEntryRow.id)
    )
    if s.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    days = []
    for entry in s.scalars(stmt):
        release_hold(s, entry, now, actor, WaitlistState.EXPIRED)
        days.append(entry.day)
    stale = select(WaitlistEntryRow).where(
        WaitlistEntryRow.state == WAITING, WaitlistEntryRow.day < clk.local_date(now)
    )
    for entry in s.scalars(stale):
        _decide(s, entry, WaitlistState.EXPIRED, now)
    s.flush()
    return days


def release_hold(
    s: Session, entry: WaitlistEntryRow, now: datetime, actor: PersonRow | None, state: WaitlistState
) -> None:
    """End an offer (declined, withdrawn, run out): its held booking cancelled, never sent to
    Exchange (it was not), and the entry in its new state. The caller passes the place on."""
    booking = s.get(BookingRow, entry.offered_booking_id) if entry.offered_booking_id else None
    _decide(s, entry, state, now)
    audit.record(
        s,
        at=now,
        actor=actor,
        action=f"waitlist.{state.value}",
        entity="waitlist",
        entity_id=entry.id,
        before={"state": OFFERED},
        after={"state": state.value},
        subject_id=entry.person_id,
    )
    if booking is not None and booking.status.holds_resource:
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.updated_at = now
        booking.cancel_cause = CancelCause.WAITLIST.value
        booking.sequence += 1
        # the tentative invitation of the offer is withdrawn from her calendar (METHOD:CANCEL)
        by = entry.person_id if state is not WaitlistState.EXPIRED else None
        queue_notice(s, kind=NoticeKind.CANCELLED, booking=booking, by_id=by, now=now)


def _decide(s: Session, entry: WaitlistEntryRow, state: WaitlistState, now: datetime) -> None:
    entry.state = state.value
    entry.decided_at = now
