"""What every service shares: the database, the clock, and who may do what.

The helpers that read people through the models import them when called, not with this module:
every service imports it, and ``satellitkontor occupancy`` loads no ORM (issue 18).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from satellitkontor.domain.clock import Clock, system_clock
from satellitkontor.domain.errors import DatabaseError, PermissionDenied, PersonInactive, PersonNotFound
from satellitkontor.domain.people import Role
from satellitkontor.storage.database import Database, resolve_url

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from satellitkontor.storage.models import PersonRow

#: What a front door that must keep serving (the feed server) treats as "the database failed":
#: our own DatabaseError and what the driver or the pool raise past Database.session().
DATABASE_FAILURES: tuple[type[Exception], ...] = (DatabaseError, DBAPIError, PoolTimeout)


def connect(url: str | None) -> Database:
    """The database at ``url``, else the one configured (``$SATELLITKONTOR_DB_URL``, the
    machine's settings, the default file): the one place a front door's URL becomes a Database."""
    return Database(resolve_url(url))


class Service:
    def __init__(self, db: Database, clock: Clock = system_clock) -> None:
        self.db = db
        self.clock = clock

    def now(self) -> datetime:
        return self.clock()


def load_person(session: Session, person_id: int, *, must_be_active: bool = True) -> PersonRow:
    from satellitkontor.storage.models import PersonRow

    row = session.get(PersonRow, person_id)
    if row is None:
        raise PersonNotFound(id=person_id)
    if must_be_active and not row.active:
        raise PersonInactive(name=row.name)
    return row


def require_role(actor: PersonRow, *roles: Role, action: str) -> None:
    if actor.role not in roles:
        raise PermissionDenied(action=action, role=actor.role.value)


def require_admin(session: Session, actor_id: int | None, action: str) -> PersonRow | None:
    """An admin, or anyone while the office has no admin yet (first set-up)."""
    if actor_id is None:
        if office_has_admin(session):
            raise PermissionDenied(action=action, role="none")
        return None
    actor = load_person(session, actor_id)
    if actor.role is not Role.ADMIN and office_has_admin(session):
        raise PermissionDenied(action=action, role=actor.role.value)
    return actor


def office_has_admin(session: Session) -> bool:
    from satellitkontor.storage.models import PersonRow

    stmt = select(PersonRow.id).where(PersonRow.role == Role.ADMIN, PersonRow.active.is_(True)).limit(1)
    if session.scalar(stmt) is not None:
        return True
    # A shared office's restricted login (row-level security, migration 0007) may not see the
    # admins' rows; such a connection is never an office's first set-up.
    return session.get_bind().dialect.name == "postgresql" and bool(
        session.scalar(text("SELECT row_security_active('people')"))
    )


def keep_an_admin(s: Session, row: PersonRow) -> None:
    """Refuse to demote or deactivate the last active admin: the office would fall back to
    "no admin yet", in which anyone may change everything (see require_admin above)."""
    from satellitkontor.storage.models import PersonRow

    if row.role is not Role.ADMIN or not row.active:
        return
    others = select(PersonRow.id).where(
        PersonRow.role == Role.ADMIN, PersonRow.active.is_(True), PersonRow.id != row.id
    )
    if s.scalar(others.limit(1)) is None:
        raise PermissionDenied(action="remove_last_admin", role=Role.ADMIN.value)
