"""Administering the database itself: ``satellitkontor db upgrade|info|init|grant|revoke``.

:class:`DatabaseAdmin` opens the database by its URL (not an open office: ``db init`` must not
lay out an office before the roles exist) and holds the use cases the command line calls:

- ``upgrade``: create or upgrade the schema (a copy is set aside first, storage/schema.py), lay
  out the default office in a new database, and on a shared PostgreSQL office grant the group
  roles their privileges on any new tables;
- ``info``: where the database is and its schema version;
- ``init_shared``: make a PostgreSQL database ready for a shared office (storage/pg_roles.py);
- ``grant`` / ``revoke``: map database logins to people, as below.

Mapping database logins to people in a shared office (``db grant`` / ``db revoke``):

Run by IT with the schema's owner role (see packaging/README.md), never by the app itself. One
transaction does all of it, so an unknown e-mail address, a bad login name or missing group
roles change nothing, not even the login role (CREATE ROLE is transactional in PostgreSQL):

- the LOGIN role is created if missing (``create``), with a password if one is given;
- it becomes a member of exactly one group role (storage/pg_roles.py), the others revoked;
- ``db_logins`` maps it to the person (a login mapped to someone else moves);
- ``people.role`` is set to match, so the app shows the views the database will allow (the
  group role is the ceiling; migration 0007 explains how the two combine);
- the audit trail gets ``login.grant`` / ``login.revoke`` and, if the role changed,
  ``person.role``, with no actor (the command line's DBA is not a person of the office).

As on the app's roles page, the last active admin cannot be made something else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from satellitkontor.domain.clock import Clock, system_clock
from satellitkontor.domain.errors import GroupRolesMissing, LoginNotFound, PersonNotFound
from satellitkontor.domain.people import Person, Role, normalise_email
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import Service, connect, keep_an_admin
from satellitkontor.storage import pg_roles, schema
from satellitkontor.storage.database import Database
from satellitkontor.storage.models import DbLoginRow, PersonRow
from satellitkontor.storage.queries import common as queries


@dataclass(frozen=True, slots=True)
class LoginGrant:
    login: str
    person: Person
    role: Role
    #: The login role was created now.
    created: bool
    #: The app role the login had before (None: none).
    previous_role: Role | None


@dataclass(frozen=True, slots=True)
class LoginRevoke:
    login: str
    person: Person | None
    dropped: bool


class LoginAdminService(Service):
    def grant(
        self, login: str, *, email: str, role: Role, password: str | None = None, create: bool = True
    ) -> LoginGrant:
        pg_roles.require_postgresql(self.db)
        pg_roles.check_login_name(login)
        address = normalise_email(email)
        role = Role(role)
        now = self.now()
        with self.db.session(write=True) as s:
            conn = s.connection()
            if not pg_roles.group_roles_exist(conn):
                raise GroupRolesMissing(where=self.db.describe())
            person = queries.person_by_email(s, address)
            if person is None:
                raise PersonNotFound(email=address)
            if role is not Role.ADMIN:
                keep_an_admin(s, person)
            created = pg_roles.ensure_login(conn, login, password=password, create=create)
            previous = pg_roles.group_of(conn, login)
            pg_roles.set_group(conn, login, role)
            mapping = s.get(DbLoginRow, login)
            before_login = login if mapping is not None and mapping.person_id == person.id else None
            if mapping is not None and mapping.person_id != person.id:
                _record_revoke(s, now, login, mapping.person_id, previous)
            if mapping is None:
                s.add(DbLoginRow(login=login, person_id=person.id, granted_at=now))
            else:
                mapping.person_id = person.id
                mapping.granted_at = now
            if person.role is not role:
                before = {"role": person.role}
                person.role = role
                person.updated_at = now
                audit.record_change(
                    s,
                    at=now,
                    actor=None,
                    action="person.role",
                    entity="person",
                    entity_id=person.id,
                    before=before,
                    after={"role": role},
                    subject_id=person.id,
                )
            audit.record_change(
                s,
                at=now,
                actor=None,
                action="login.grant",
                entity="person",
                entity_id=person.id,
                before={"login": before_login, "role": previous if before_login else None},
                after={"login": login, "role": role},
                subject_id=person.id,
            )
            return LoginGrant(login, queries.person_view(person), role, created, previous)

    def revoke(self, login: str, *, drop: bool = False) -> LoginRevoke:
        """Take the login's group role and its mapping away; with ``drop`` the role itself."""
        pg_roles.require_postgresql(self.db)
        pg_roles.check_login_name(login)
        with self.db.session(write=True) as s:
            conn = s.connection()
            exists = pg_roles.login_exists(conn, login)
            mapping = s.get(DbLoginRow, login)
            if not exists and mapping is None:
                raise LoginNotFound(login=login)
            person = None
            previous = pg_roles.group_of(conn, login) if exists else None
            if exists:
                pg_roles.set_group(conn, login, None)
            if mapping is not None:
                row = s.get(PersonRow, mapping.person_id)
                person = queries.person_view(row) if row is not None else None
                _record_revoke(s, self.now(), login, mapping.person_id, previous)
                s.delete(mapping)
            if drop and exists:
                s.flush()
                pg_roles.drop_login(conn, login)
            return LoginRevoke(login, person, drop and exists)


@dataclass(frozen=True, slots=True)
class DatabaseInfo:
    where: str
    revision: str | None  # None: an empty database
    newest: str


@dataclass(frozen=True, slots=True)
class SchemaReport:
    """What ``db upgrade`` or ``db init`` did to the schema."""

    where: str
    before: str | None  # None: the database was empty
    after: str
    backup: Path | None  # the copy set aside before an upgrade (SQLite)
    grants_refreshed: bool = False  # a shared PostgreSQL office: privileges on new tables
    roles_created: tuple[str, ...] = ()

    @property
    def created(self) -> bool:
        return self.before is None

    @property
    def changed(self) -> bool:
        return self.before != self.after


class DatabaseAdmin:
    """The database of ``url`` (default: the configured one), opened for administration."""

    def __init__(self, url: str | None, clock: Clock = system_clock) -> None:
        self.db = connect(url)
        self.clock = clock

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> DatabaseAdmin:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def check_named(self, named: str | None) -> None:
        """A shared office's login may not name another person (``--as``), here as everywhere."""
        from satellitkontor.services.identity import IdentityService

        IdentityService(self.db, self.clock).check_named(named)

    def info(self) -> DatabaseInfo:
        return DatabaseInfo(self.db.describe(), schema.current_revision(self.db), schema.head_revision())

    def upgrade(self) -> SchemaReport:
        result = schema.upgrade(self.db)
        if result.created:
            self._lay_out_default_office()
        refreshed = self._refresh_grants()
        return SchemaReport(self.db.describe(), result.before, result.after, result.backup, refreshed)

    def init_shared(self) -> SchemaReport:
        """``db init``: btree_gist, the schema, the group roles and their privileges."""
        result = pg_roles.init_database(self.db)
        up = result.upgrade
        if up.created:
            self._lay_out_default_office()
        return SchemaReport(
            self.db.describe(), up.before, up.after, up.backup, roles_created=result.roles_created
        )

    def grant(
        self, login: str, *, email: str, role: Role, password: str | None = None, create: bool = True
    ) -> LoginGrant:
        return LoginAdminService(self.db, self.clock).grant(
            login, email=email, role=role, password=password, create=create
        )

    def revoke(self, login: str, *, drop: bool = False) -> LoginRevoke:
        return LoginAdminService(self.db, self.clock).revoke(login, drop=drop)

    def _lay_out_default_office(self) -> None:
        from satellitkontor.services.office import OfficeService

        OfficeService(self.db, self.clock).create_default_office()

    def _refresh_grants(self) -> bool:
        """After an upgrade on PostgreSQL: grant the group roles their privileges again (new
        tables) in a database ``db init`` set up; any other database is left alone."""
        if not self.db.is_postgresql:
            return False
        with self.db.connect() as conn, conn.begin():
            if not pg_roles.is_shared_office(conn):
                return False
            pg_roles.apply_grants(conn)
        return True


def grant_login(
    db: Database,
    login: str,
    *,
    email: str,
    role: Role,
    password: str | None = None,
    create: bool = True,
    clock: Clock = system_clock,
) -> LoginGrant:
    """Map ``login`` to the person with ``email`` with ``role`` (see the module docstring)."""
    return LoginAdminService(db, clock).grant(login, email=email, role=role, password=password, create=create)


def revoke_login(db: Database, login: str, *, drop: bool = False, clock: Clock = system_clock) -> LoginRevoke:
    return LoginAdminService(db, clock).revoke(login, drop=drop)


def _record_revoke(s: Session, now: datetime, login: str, person_id: int, role: Role | None) -> None:
    audit.record(
        s,
        at=now,
        actor=None,
        action="login.revoke",
        entity="person",
        entity_id=person_id,
        before={"login": login, "role": role},
        subject_id=person_id,
    )
