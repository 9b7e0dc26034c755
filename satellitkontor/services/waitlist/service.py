"""The waitlist's door: join, leave, answer an offer, see one's own entries and the day's line.

Decisions:

- **Only when it is really full**: joining for a desk is refused while any active desk is free
  for the part of the day asked (``WaitlistNotFull``: book it instead), and for the room while the
  span is free; closed, past and too-distant days get the booking rules' own refusals. One entry
  in line (waiting or offered) per person and day: checked here, and by a partial unique index.
- **Who sees what**: a person sees her own entries, with her place in line where the connection
  may count the line (on a shared PostgreSQL office a user sees no other entry, so no number);
  the receptionist and the admin see the day's whole line with names (``day_queue``).
- **Answering**: ``accept`` makes the held booking an ordinary one (sent to Exchange, a
  ``booking.create`` entry) while the offer stands; ``decline`` and ``leave`` end it and pass the
  place to the next in line in the same transaction (services/waitlist/offers.py).
- **The sweep** expires offers that ran out (passing their places on) and waiting entries whose
  day is over, and offers free places to any line: staff only, or the scheduled task (no actor).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain import policy as rules
from satellitkontor.domain.bookings import BookingView, DeskPeriod
from satellitkontor.domain.errors import (
    InvalidInput,
    PermissionDenied,
    PersonAlreadyHasDesk,
    ResourceNotFound,
    WaitlistAlreadyIn,
    WaitlistEntryNotFound,
    WaitlistNoOffer,
    WaitlistNotFull,
    WaitlistRoomNotFull,
    WrongResourceKind,
)
from satellitkontor.domain.notices import NoticeKind
from satellitkontor.domain.people import Role
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.domain.waitlist import WaitlistEntry, WaitlistState
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import Service, load_person, require_role
from satellitkontor.services.exchange import outbox as exchange_outbox
from satellitkontor.services.notices.queue import queue_notice
from satellitkontor.services.waitlist import offers
from satellitkontor.storage.models import BookingRow, PersonRow, ResourceRow, WaitlistEntryRow
from satellitkontor.storage.queries import common as queries

WAITING, OFFERED = WaitlistState.WAITING.value, WaitlistState.OFFERED.value


@dataclass(frozen=True, slots=True)
class SweepResult:
    expired: int  #: offers that ran out
    offered: int  #: offers made and places booked straight away


class WaitlistService(Service):
    def join(
        self,
        actor_id: int,
        day: date,
        period: DeskPeriod | None = DeskPeriod.FULL_DAY,
        *,
        room_id: int | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        participants: int | None = None,
        auto_book: bool = False,
        for_person_id: int | None = None,
    ) -> WaitlistEntry:
        """Join the day's line for a desk (``period``) or for the room (``room_id``, ``start``,
        ``end``, ``participants``); staff may put someone else in line."""
        now = self.now()
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id)
            person = actor
            if for_person_id is not None and for_person_id != actor.id:
                if not actor.role.is_staff:
                    raise PermissionDenied(action="book_for_other", role=actor.role.value)
                person = load_person(s, for_person_id)
            policy = queries.load_policy(s)
            calendar = queries.load_calendar(s, policy, day, day)
            room = None
            if room_id is not None:
                room = s.get(ResourceRow, room_id)
                if room is None:
                    raise ResourceNotFound(id=room_id)
                if room.kind is not ResourceKind.ROOM:
                    raise WrongResourceKind(name=room.name, kind=room.kind.value, wanted="room")
                if start is None or end is None or participants is None:
                    raise InvalidInput(field="room_series", value="start, end, participants")
                start, end = rules.check_room_booking(
                    start, end, participants, room.capacity, now, calendar, policy
                )
                if clk.local_date(start) != day:
                    raise InvalidInput(field="day", value=day)
                if not queries.holding_overlaps(s, start=start, end=end, resource_id=room.id):
                    raise WaitlistRoomNotFull(resource=room.name, start=start, end=end)
                period = None
            else:
                if period is None:
                    raise InvalidInput(field="period", value="-")
                start, end = rules.check_desk_booking(day, period, now, calendar, policy)
                mine = queries.holding_overlaps(s, start=start, end=end, person_id=person.id, desks_only=True)
                if mine and policy.one_desk_per_person:
                    raise PersonAlreadyHasDesk(
                        person=person.name,
                        person_id=person.id,
                        resource=mine[0].resource_name,
                        start=mine[0].start,
                        end=mine[0].end,
                    )
                if offers.free_desk(s, start, end) is not None:
                    raise WaitlistNotFull(day=day, period=period.value)
                start = end = None
            if _in_line(s, person.id, day) is not None:
                raise WaitlistAlreadyIn(day=day, person=person.name, person_id=person.id)
            row = WaitlistEntryRow(
                person_id=person.id,
                day=day,
                desk_period=period,
                resource_id=room.id if room is not None else None,
                start_at=start,
                end_at=end,
                participants=participants if room is not None else None,
                auto_book=auto_book,
                state=WAITING,
                # the line's order: the server's clock on PostgreSQL, which every PC shares and the
                # guard of migration 0016 gives a user's entry anyway; the app's on one SQLite file
                created_at=func.now() if s.get_bind().dialect.name == "postgresql" else now,
            )
            s.add(row)
            try:
                s.flush()
            except IntegrityError as exc:  # the same person joined from another PC a moment ago
                raise WaitlistAlreadyIn(day=day, person=person.name, person_id=person.id) from exc
            audit.record(
                s,
                at=now,
                actor=actor,
                action="waitlist.join",
                entity="waitlist",
                entity_id=row.id,
                after=_facts(row, room.name if room is not None else None),
                subject_id=person.id,
            )
            return self._view(s, row, actor)

    def leave(self, actor_id: int, entry_id: int) -> WaitlistEntry:
        """Leave the line (an offer held is given up and passed on)."""
        now = self.now()
        with self.db.session(write=True) as s:
            actor, row = self._own_entry(s, actor_id, entry_id)
            if row.state == OFFERED:
                offers.release_hold(s, row, now, actor, WaitlistState.WITHDRAWN)
                offers.fill_days(s, now, actor, [row.day])
            elif row.state == WAITING:
                row.state, row.decided_at = WaitlistState.WITHDRAWN.value, now
                audit.record(
                    s,
                    at=now,
                    actor=actor,
                    action="waitlist.withdrawn",
                    entity="waitlist",
                    entity_id=row.id,
                    before={"state": WAITING},
                    after={"state": row.state},
                    subject_id=row.person_id,
                )
            else:
                raise WaitlistNoOffer(id=row.id, state=row.state)
            s.flush()
            return self._view(s, row, actor)

    def accept(self, actor_id: int, entry_id: int) -> BookingView:
        """Take the offered place: the held booking becomes the person's ordinary booking."""
        now = self.now()
        with self.db.session(write=True) as s:
            actor, row = self._own_entry(s, actor_id, entry_id)
            booking = s.get(BookingRow, row.offered_booking_id) if row.offered_booking_id else None
            live = row.offer_until is not None and row.offer_until > now
            if row.state != OFFERED or not live or booking is None or not booking.status.holds_resource:
                raise WaitlistNoOffer(id=row.id, state=row.state)
            row.state, row.decided_at = WaitlistState.BOOKED.value, now
            resource = s.get(ResourceRow, booking.resource_id)
            booking.sequence += 1  # no longer tentative: the invitation of the offer is updated
            booking.updated_at = now
            exchange_outbox.enqueue(s, booking, "upsert", now)
            queue_notice(s, kind=NoticeKind.CONFIRMED, booking=booking, by_id=actor.id, now=now)
            audit.record(
                s,
                at=now,
                actor=actor,
                action="booking.create",
                entity="booking",
                entity_id=booking.id,
                after=audit.booking_facts(booking, resource.name if resource else None),
                subject_id=booking.person_id,
            )
            audit.record(
                s,
                at=now,
                actor=actor,
                action="waitlist.accept",
                entity="waitlist",
                entity_id=row.id,
                before={"state": OFFERED},
                after={"state": row.state, "booking_id": booking.id},
                subject_id=row.person_id,
            )
            s.flush()
            view = queries.booking(s, booking.id)
            assert view is not None
            return view

    def decline(self, actor_id: int, entry_id: int) -> WaitlistEntry:
        """Say no to the offer: the place goes to the next in line at once."""
        now = self.now()
        with self.db.session(write=True) as s:
            actor, row = self._own_entry(s, actor_id, entry_id)
            if row.state != OFFERED:
                raise WaitlistNoOffer(id=row.id, state=row.state)
            offers.release_hold(s, row, now, actor, WaitlistState.DECLINED)
            offers.fill_days(s, now, actor, [row.day])
            s.flush()
            return self._view(s, row, actor)

    def mine(self, actor_id: int) -> list[WaitlistEntry]:
        """The actor's entries from today on (in line, offered, and how earlier ones ended)."""
        today = clk.local_date(self.now())
        with self.db.session() as s:
            actor = load_person(s, actor_id)
            rows = s.scalars(
                select(WaitlistEntryRow)
                .where(WaitlistEntryRow.person_id == actor.id, WaitlistEntryRow.day >= today)
                .order_by(WaitlistEntryRow.day, WaitlistEntryRow.created_at, WaitlistEntryRow.id)
            )
            return [self._view(s, r, actor) for r in rows]

    def offer_for(self, actor_id: int, booking_id: int) -> WaitlistEntry | None:
        """The open offer that holds ``booking_id`` for the actor, if any (Mina bokningar)."""
        return next(
            (
                e
                for e in self.mine(actor_id)
                if e.state is WaitlistState.OFFERED and e.offered_booking_id == booking_id
            ),
            None,
        )

    def day_queue(self, actor_id: int, day: date) -> list[WaitlistEntry]:
        """The day's line, first first, with names (the receptionist and the admin)."""
        with self.db.session() as s:
            actor = load_person(s, actor_id)
            require_role(actor, Role.RECEPTIONIST, Role.ADMIN, action="see_waitlist")
            rows = s.scalars(
                select(WaitlistEntryRow)
                .where(WaitlistEntryRow.day == day)
                .order_by(WaitlistEntryRow.created_at, WaitlistEntryRow.id)
            )
            return [self._view(s, r, actor) for r in rows]

    def sweep(self, actor_id: int | None) -> SweepResult:
        """Expire offers that ran out and pass their places on; offer free places to every line
        from today on. Staff, or the scheduled task without a person (``actor_id`` None)."""
        now = self.now()
        with self.db.session(write=True) as s:
            actor = load_person(s, actor_id) if actor_id is not None else None
            if actor is not None:
                require_role(actor, Role.RECEPTIONIST, Role.ADMIN, action="release_unclaimed")
            expired = offers.expire_offers(s, now, actor)
            days = set(expired) | set(
                s.scalars(
                    select(WaitlistEntryRow.day)
                    .where(WaitlistEntryRow.state == WAITING, WaitlistEntryRow.day >= clk.local_date(now))
                    .distinct()
                )
            )
            made = offers.fill_days(s, now, actor, days)
            return SweepResult(len(expired), made)

    # --- helpers ------------------------------------------------------------------------------
    def _own_entry(self, s: Session, actor_id: int, entry_id: int) -> tuple[PersonRow, WaitlistEntryRow]:
        actor = load_person(s, actor_id)
        stmt = select(WaitlistEntryRow).where(WaitlistEntryRow.id == entry_id)
        if s.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        row = s.scalars(stmt).first()
        if row is None:
            raise WaitlistEntryNotFound(id=entry_id)
        if row.person_id != actor.id and not actor.role.is_staff:
            raise PermissionDenied(action="change_waitlist", role=actor.role.value)
        return actor, row

    def _view(self, s: Session, row: WaitlistEntryRow, reader: PersonRow) -> WaitlistEntry:
        person = s.get(PersonRow, row.person_id)
        room = s.get(ResourceRow, row.resource_id) if row.resource_id is not None else None
        booking = s.get(BookingRow, row.offered_booking_id) if row.offered_booking_id is not None else None
        offered = s.get(ResourceRow, booking.resource_id) if booking is not None else None
        position = None
        if row.state == WAITING and offers.may_offer(s, reader):
            ahead = s.scalar(
                select(func.count())
                .select_from(WaitlistEntryRow)
                .where(
                    WaitlistEntryRow.day == row.day,
                    WaitlistEntryRow.state == WAITING,
                    or_(
                        WaitlistEntryRow.created_at < row.created_at,
                        and_(WaitlistEntryRow.created_at == row.created_at, WaitlistEntryRow.id < row.id),
                    ),
                )
            )
            position = int(ahead or 0) + 1
        return WaitlistEntry(
            id=row.id,
            person_id=row.person_id,
            person_name=person.name if person is not None else None,
            day=row.day,
            desk_period=row.desk_period,
            resource_id=row.resource_id,
            resource_name=room.name if room is not None else None,
            start=row.start_at,
            end=row.end_at,
            participants=row.participants,
            auto_book=row.auto_book,
            state=WaitlistState(row.state),
            created_at=row.created_at,
            decided_at=row.decided_at,
            offered_booking_id=row.offered_booking_id,
            offered_resource_name=offered.name if offered is not None else None,
            offer_until=row.offer_until,
            position=position,
        )


def _in_line(s: Session, person_id: int, day: date) -> WaitlistEntryRow | None:
    return s.scalars(
        select(WaitlistEntryRow).where(
            WaitlistEntryRow.person_id == person_id,
            WaitlistEntryRow.day == day,
            WaitlistEntryRow.state.in_([WAITING, OFFERED]),
        )
    ).first()


def _facts(row: WaitlistEntryRow, room_name: str | None) -> dict[str, object]:
    facts: dict[str, object] = {"day": row.day, "auto_book": row.auto_book}
    if row.desk_period is not None:
        facts["period"] = row.desk_period
    else:
        facts.update(resource=room_name, start=row.start_at, end=row.end_at, participants=row.participants)
    return facts
