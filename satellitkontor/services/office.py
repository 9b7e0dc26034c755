"""Administration of the office: people and roles, desks and the room, closures, the rules.

Only admins change these. While an office has no admin yet (a new database), anyone may, so
that the first admin can be created; from then on the role decides.

Every change writes one audit entry (services/audit/trail.py) in its own transaction: person.create,
person.register, person.role, person.activate/deactivate, resource.create, resource.update (or
resource.activate/deactivate when ``active`` changed), closure.create/delete, settings.policy.
The default office laid out in a new database writes one resource.create per place, by nobody.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain import municipalities
from satellitkontor.domain.bookings import HOLDING_STATUSES, BookingView, CancelCause
from satellitkontor.domain.errors import (
    DuplicateEmail,
    DuplicateResourceName,
    InvalidInput,
    PersonNotFound,
    ResourceNotFound,
)
from satellitkontor.domain.office_calendar import Closure
from satellitkontor.domain.people import Person, PersonKind, Role, normalise_email, normalise_name
from satellitkontor.domain.policy import BookingPolicy
from satellitkontor.domain.resources import Resource, ResourceKind
from satellitkontor.domain.text import plain
from satellitkontor.resources_data import read_json
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import Service, keep_an_admin, office_has_admin, require_admin
from satellitkontor.services.booking.core import mark_cancelled
from satellitkontor.services.results import ClosureView as ClosureView
from satellitkontor.services.waitlist import offers as waitlist
from satellitkontor.storage.models import BookingRow, ClosureRow, PersonRow, ResourceRow
from satellitkontor.storage.queries import common as queries


class OfficeService(Service):
    # --- people -------------------------------------------------------------------------------
    def add_person(
        self,
        actor_id: int | None,
        name: str,
        email: str,
        municipality: str,
        kind: PersonKind = PersonKind.EMPLOYEE,
        role: Role = Role.USER,
    ) -> Person:
        name, email = normalise_name(name), normalise_email(email)
        code = municipalities.lookup(municipality).code
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "add_person")
            if queries.person_by_email(s, email) is not None:
                raise DuplicateEmail(email=email)
            return self._insert_person(s, name, email, code, kind, role, actor, "person.create")

    def register(
        self, name: str, email: str, municipality: str, kind: PersonKind = PersonKind.EMPLOYEE
    ) -> Person:
        """ "Who am I" on a PC: the person with this e-mail, or a new user.

        Anyone may register themselves (nobody signs in on a local SQLite office; the shared
        PostgreSQL mode lets the database decide who is who). The first person registered in an
        office that has no admin becomes its admin, so a new office can be set up at all.
        """
        name, email = normalise_name(name), normalise_email(email)
        code = municipalities.lookup(municipality).code
        with self.db.session(write=True) as s:
            row = queries.person_by_email(s, email)
            if row is not None:
                return queries.person_view(row)
            role = Role.ADMIN if not office_has_admin(s) else Role.USER
            return self._insert_person(s, name, email, code, kind, role, None, "person.register")

    def _insert_person(
        self,
        s: Session,
        name: str,
        email: str,
        code: str,
        kind: PersonKind,
        role: Role,
        actor: PersonRow | None,
        action: str,
    ) -> Person:
        """``actor`` None on registering means the new person acts themselves."""
        now = self.now()
        row = PersonRow(
            name=name,
            email=email,
            municipality_code=code,
            kind=kind,
            role=role,
            active=True,
            created_at=now,
            updated_at=now,
        )
        s.add(row)
        s.flush()
        audit.record(
            s,
            at=now,
            actor=row if action == "person.register" else actor,
            action=action,
            entity="person",
            entity_id=row.id,
            after=audit.person_facts(row),
            subject_id=row.id,
        )
        return queries.person_view(row)

    def set_role(self, actor_id: int | None, person_id: int, role: Role) -> Person:
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "set_role")
            row = s.get(PersonRow, person_id)
            if row is None:
                raise PersonNotFound(id=person_id)
            if role is not Role.ADMIN:
                keep_an_admin(s, row)
            before = {"role": row.role}
            row.role = role
            row.updated_at = self.now()
            audit.record_change(
                s,
                at=row.updated_at,
                actor=actor,
                action="person.role",
                entity="person",
                entity_id=row.id,
                before=before,
                after={"role": row.role},
                subject_id=row.id,
            )
            return queries.person_view(row)

    def set_active(self, actor_id: int | None, person_id: int, active: bool) -> Person:
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "set_person_active")
            row = s.get(PersonRow, person_id)
            if row is None:
                raise PersonNotFound(id=person_id)
            if not active:
                keep_an_admin(s, row)
            before = {"active": row.active}
            row.active = active
            row.updated_at = self.now()
            audit.record_change(
                s,
                at=row.updated_at,
                actor=actor,
                action="person.activate" if active else "person.deactivate",
                entity="person",
                entity_id=row.id,
                before=before,
                after={"active": row.active},
                subject_id=row.id,
            )
            return queries.person_view(row)

    def person_by_email(self, email: str) -> Person:
        with self.db.session() as s:
            row = queries.person_by_email(s, email)
            if row is None:
                raise PersonNotFound(email=email.strip())
            return queries.person_view(row)

    def person(self, person_id: int) -> Person:
        with self.db.session() as s:
            row = s.get(PersonRow, person_id)
            if row is None:
                raise PersonNotFound(id=person_id)
            return queries.person_view(row)

    def people(self, *, include_inactive: bool = False) -> list[Person]:
        stmt = select(PersonRow).order_by(PersonRow.name)
        if not include_inactive:
            stmt = stmt.where(PersonRow.active.is_(True))
        with self.db.session() as s:
            return [queries.person_view(r) for r in s.scalars(stmt)]

    # --- resources ----------------------------------------------------------------------------
    def add_resource(
        self,
        actor_id: int | None,
        kind: ResourceKind,
        name: str,
        *,
        equipment: tuple[str, ...] = (),
        capacity: int | None = None,
        x: float = 0.0,
        y: float = 0.0,
    ) -> Resource:
        name = _resource_name(name)
        capacity = capacity if capacity is not None else (12 if kind is ResourceKind.ROOM else 1)
        if capacity < 1 or (kind is ResourceKind.DESK and capacity != 1):
            raise InvalidInput(field="capacity", value=capacity)
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "add_resource")
            if queries.resource_by_name(s, name) is not None:
                raise DuplicateResourceName(name=name)
            order = (s.scalar(select(func.max(ResourceRow.sort_order))) or 0) + 1
            now = self.now()
            row = ResourceRow(
                kind=kind,
                name=name,
                equipment=list(equipment),
                capacity=capacity,
                active=True,
                x=x,
                y=y,
                sort_order=order,
                created_at=now,
                updated_at=now,
            )
            s.add(row)
            s.flush()
            _audit_new_resource(s, now, actor, row)
            return queries.resource_view(row)

    def update_resource(self, actor_id: int | None, resource_id: int, **changes: Any) -> Resource:
        """Change name, equipment, capacity (room), active, x, y or sort_order."""
        allowed = {"name", "equipment", "capacity", "active", "x", "y", "sort_order"}
        unknown = set(changes) - allowed
        if unknown:
            raise InvalidInput(field="resource", value=", ".join(sorted(unknown)))
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "update_resource")
            row = s.get(ResourceRow, resource_id)
            if row is None:
                raise ResourceNotFound(id=resource_id)
            before = audit.resource_facts(row)
            if "name" in changes:
                name = _resource_name(changes.pop("name"))
                other = queries.resource_by_name(s, name)
                if other is not None and other.id != row.id:
                    raise DuplicateResourceName(name=name)
                row.name = name
            if "equipment" in changes:
                row.equipment = [str(e).strip() for e in changes.pop("equipment") if str(e).strip()]
            if "capacity" in changes:
                cap = int(changes.pop("capacity"))
                if cap < 1 or (row.kind is ResourceKind.DESK and cap != 1):
                    raise InvalidInput(field="capacity", value=cap)
                row.capacity = cap
            for key, value in changes.items():
                setattr(row, key, value)
            row.updated_at = self.now()
            after = audit.resource_facts(row)
            action = "resource.update"
            if before["active"] != after["active"]:
                action = "resource.activate" if after["active"] else "resource.deactivate"
            audit.record_change(
                s,
                at=row.updated_at,
                actor=actor,
                action=action,
                entity="resource",
                entity_id=row.id,
                before=before,
                after=after,
            )
            return queries.resource_view(row)

    def resources(self, *, include_inactive: bool = False) -> list[Resource]:
        with self.db.session() as s:
            return queries.resources(s, include_inactive=include_inactive)

    def resource_by_name(self, name: str) -> Resource:
        with self.db.session() as s:
            row = queries.resource_by_name(s, name)
            if row is None:
                raise ResourceNotFound(name=name.strip())
            return queries.resource_view(row)

    def create_default_office(self) -> list[Resource]:
        """The desks and room of ``resources/office/default_office.json``, in a database that has
        no resources yet; does nothing otherwise."""
        data = read_json("office", "default_office.json")
        with self.db.session(write=True) as s:
            if s.scalar(select(func.count()).select_from(ResourceRow)):
                return []
            now = self.now()
            rows = []
            for order, item in enumerate(data["resources"], start=1):
                kind = ResourceKind(item["kind"])
                rows.append(
                    ResourceRow(
                        kind=kind,
                        name=item["name"],
                        equipment=list(item.get("equipment", [])),
                        capacity=int(item.get("capacity", 12 if kind is ResourceKind.ROOM else 1)),
                        active=True,
                        x=float(item.get("x", 0)),
                        y=float(item.get("y", 0)),
                        sort_order=order,
                        created_at=now,
                        updated_at=now,
                    )
                )
            s.add_all(rows)
            s.flush()
            for r in rows:
                _audit_new_resource(s, now, None, r)
            return [queries.resource_view(r) for r in rows]

    # --- closures -----------------------------------------------------------------------------
    def closure_impact(self, start: date, end: date) -> list[BookingView]:
        """The bookings a closure of ``start``–``end`` would cancel: those still holding a place
        and not over yet, soonest first (what the admin is shown before confirming)."""
        Closure(start, end, "-")  # validates the range
        with self.db.session() as s:
            return [queries.to_view(r) for r in s.execute(_covered(start, end, self.now()))]

    def add_closure(self, actor_id: int | None, start: date, end: date, reason: str) -> ClosureView:
        """Close the office ``start``–``end`` and cancel every booking still holding a place then.

        One transaction: the closure, each cancellation (cause "closure", the closure's reason, its
        own audit entry and Exchange outbox row) and the closure's audit entry commit together.
        The resources are locked first (PostgreSQL), so a booking being made meanwhile commits
        before and is cancelled here, or waits for the closure; one that read the calendar just
        before the closure committed reads the closures again once it holds its lock and is
        refused with the closed-day message (storage.queries.calendar_after_lock; the test is
        tests/storage/test_closure_race.py). ``cancelled`` of the result lists what was cancelled.
        """
        reason = plain(reason, "reason")
        Closure(start, end, reason)  # validates the range
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "add_closure")
            now = self.now()
            queries.lock_for_import(s, list(s.scalars(select(ResourceRow.id))), [])
            row = ClosureRow(
                start_date=start,
                end_date=end,
                reason=reason[:200],
                created_by_id=actor.id if actor else None,
                created_at=now,
            )
            s.add(row)
            s.flush()
            covered = [b.id for b in (queries.to_view(r) for r in s.execute(_covered(start, end, now)))]
            bookings = (
                list(
                    s.scalars(
                        select(BookingRow).where(BookingRow.id.in_(covered)).order_by(BookingRow.start_at)
                    )
                )
                if covered
                else []
            )
            for booking in bookings:
                mark_cancelled(s, actor, booking, now, cause=CancelCause.CLOSURE, reason=row.reason)
            audit.record(
                s,
                at=row.created_at,
                actor=actor,
                action="closure.create",
                entity="closure",
                entity_id=row.id,
                after={
                    **audit.closure_facts(row),
                    **({"bookings_cancelled": len(bookings)} if bookings else {}),
                },
            )
            s.flush()
            cancelled = tuple(v for v in (queries.booking(s, b.id) for b in bookings) if v is not None)
            return ClosureView(row.id, row.start_date, row.end_date, row.reason, cancelled)

    def remove_closure(self, actor_id: int | None, closure_id: int) -> None:
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "remove_closure")
            row = s.get(ClosureRow, closure_id)
            if row is None:
                raise InvalidInput(field="closure", value=closure_id)
            audit.record(
                s,
                at=self.now(),
                actor=actor,
                action="closure.delete",
                entity="closure",
                entity_id=row.id,
                before=audit.closure_facts(row),
            )
            first, last = row.start_date, row.end_date
            s.delete(row)
            # the days open again: their waitlists get the free places (services/waitlist/)
            days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
            waitlist.fill_days(s, self.now(), actor, days)

    def closures(self) -> list[ClosureView]:
        with self.db.session() as s:
            rows = s.scalars(select(ClosureRow).order_by(ClosureRow.start_date))
            return [ClosureView(r.id, r.start_date, r.end_date, r.reason) for r in rows]

    # --- rules --------------------------------------------------------------------------------
    def policy(self) -> BookingPolicy:
        with self.db.session() as s:
            return queries.load_policy(s)

    def update_policy(self, actor_id: int | None, **changes: Any) -> BookingPolicy:
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "update_policy")
            old = queries.load_policy(s)
            try:
                policy = old.with_changes(**changes)
            except TypeError as exc:
                raise InvalidInput(field="policy", value=", ".join(sorted(changes))) from exc
            now = self.now()
            queries.save_setting(s, queries.POLICY_KEY, policy.to_dict(), now)
            audit.record_change(
                s,
                at=now,
                actor=actor,
                action="settings.policy",
                entity="settings",
                entity_id=queries.POLICY_KEY,
                before=old.to_dict(),
                after=policy.to_dict(),
            )
            return policy


def _audit_new_resource(s: Session, now: datetime, actor: PersonRow | None, row: ResourceRow) -> None:
    audit.record(
        s,
        at=now,
        actor=actor,
        action="resource.create",
        entity="resource",
        entity_id=row.id,
        after=audit.resource_facts(row),
    )


def _resource_name(name: str) -> str:
    return plain(str(name), "name", limit=100)


def _covered(start: date, end: date, now: datetime) -> Select[Any]:
    """The bookings on the days ``start``–``end`` that hold a place and are not over at ``now``."""
    return (
        queries.booking_select()
        .where(
            BookingRow.start_at >= clk.local(start, time(0)),
            BookingRow.start_at < clk.local(end + timedelta(days=1), time(0)),
            BookingRow.end_at > now,
            BookingRow.status.in_(sorted(HOLDING_STATUSES)),
        )
        .order_by(BookingRow.start_at, ResourceRow.sort_order)
    )
