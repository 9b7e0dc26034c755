"""A shared office's PostgreSQL roles: the three group roles, their table privileges, and logins.

Decisions:

- **Three NOLOGIN group roles**, ``satellitkontor_user``, ``satellitkontor_reception`` and
  ``satellitkontor_admin``, in a chain: reception is a member of user, admin of reception. Each
  inherits the privileges below it, so every table lists only what a role adds, and "is this
  login at least a receptionist" is one ``pg_has_role(..., 'MEMBER')`` (migration 0007). A login
  is a member of exactly one of them (``db grant`` revokes the others).
- **Table privileges** are the first half of "the database decides" (row-level security in
  migration 0007 is the other): ``TABLE_PRIVILEGES`` names, per table, what each group adds. A
  user may only read the set-up tables, so changing a desk fails with *permission denied*; users
  write bookings, series, audit entries and Exchange outbox rows, whose rows the policies narrow
  to their own. ``apply_grants`` revokes and grants the whole matrix again, so it is safe to run
  after every ``db upgrade`` (the command does) and a narrowed privilege takes effect.
- Users update ``bookings`` and ``booking_series`` through a grant on every *column*, not on the
  table: ``LOCK TABLE`` in a mode that stops readers needs a table privilege (migration 0008).
- **Timeouts per login**: ``LOGIN_SETTINGS`` (lock, statement, idle in transaction) go on each
  login of the three groups in this database, on ``db grant`` and again on every ``apply_grants``;
  PostgreSQL never applies a group role's own settings to its members.
- A table the matrix does not name stays closed to users (the default privileges give new
  tables to the admin group for reading only): a new migration's author must decide and add it
  here; tests/storage/test_row_security.py fails until they do.
- The group roles are cluster-wide and outlive one database; ``init_database`` creates them when
  missing and never drops them. The logins are cluster-wide too.
- **The owner.** ``db init`` and ``db upgrade`` run as the role that owns the schema (a DBA's
  owner role with CREATEROLE, or a superuser on a test server); row-level security does not
  govern the owner. The app itself never connects as the owner or a superuser: ``db grant``
  refuses to map such a login to a person.
- **Passwords** are optional (with Kerberos there is none). A password given is hashed with
  SCRAM-SHA-256 on the client (libpq's ``PQencryptPasswordConn``) so the clear text never reaches
  the server's statement log.
- Identifiers are always composed with ``psycopg.sql.Identifier``; login names must also match a
  plain pattern (AD account names), which gives a clear Swedish error rather than a role called
  ``"Robert'); DROP…"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from satellitkontor.domain.errors import (
    GroupRolesMissing,
    InvalidLoginName,
    LoginNotAllowed,
    LoginNotFound,
    PostgresqlOnly,
)
from satellitkontor.domain.people import Role
from satellitkontor.storage import schema
from satellitkontor.storage.database import Database

if TYPE_CHECKING:
    from psycopg.sql import Composable

USER_GROUP = "satellitkontor_user"
RECEPTION_GROUP = "satellitkontor_reception"
ADMIN_GROUP = "satellitkontor_admin"
#: The group role of each app role, lowest first; each is a member of the one before it.
GROUPS: dict[Role, str] = {Role.USER: USER_GROUP, Role.RECEPTIONIST: RECEPTION_GROUP, Role.ADMIN: ADMIN_GROUP}

_R = "SELECT"
_W = "SELECT, INSERT, UPDATE"
_ALL = "SELECT, INSERT, UPDATE, DELETE"
#: UPDATE of every column rather than of the table: the same rows may change, but ``LOCK TABLE``
#: in a mode that stops readers needs a table privilege, so a user cannot freeze the table
#: (migration 0008). ``{columns}`` is filled with the table's columns when granting.
_W_COLUMNS = "SELECT, INSERT, UPDATE ({columns})"

#: table -> {group: privileges it adds}; rows are narrowed by the policies of migration 0007.
TABLE_PRIVILEGES: dict[str, dict[str, str]] = {
    **{
        t: {USER_GROUP: _R, ADMIN_GROUP: _ALL}
        for t in (
            "municipalities",
            "people",
            "resources",
            "closures",
            "settings",
            "rotation_years",
            "rotation_meetings",
            "people_count_adjustments",
            "feed_tokens",
            "db_logins",
        )
    },
    "bookings": {USER_GROUP: _W_COLUMNS, ADMIN_GROUP: _ALL},
    "booking_series": {USER_GROUP: _W_COLUMNS, ADMIN_GROUP: _ALL},
    # append-only: nobody deletes (a trigger refuses it anyway); admins anonymise (UPDATE)
    "audit_log": {USER_GROUP: "SELECT, INSERT", ADMIN_GROUP: _W},
    "exchange_outbox": {USER_GROUP: "SELECT, INSERT", RECEPTION_GROUP: _ALL},
    "exchange_links": {USER_GROUP: _R, RECEPTION_GROUP: _ALL},
    "exchange_sync_state": {RECEPTION_GROUP: _ALL},
    # a user queues notices about her own bookings and reads her own; the sender is staff (0015)
    "notice_outbox": {USER_GROUP: "SELECT, INSERT", RECEPTION_GROUP: _ALL},
    "notice_prefs": {USER_GROUP: _W, ADMIN_GROUP: _ALL},
    "alembic_version": {USER_GROUP: _R},
    # a user joins, withdraws, accepts and declines her own (policies and a guard, migration 0016);
    # only admins delete (retention, erasure)
    "waitlist_entries": {USER_GROUP: _W_COLUMNS, ADMIN_GROUP: _ALL},
}

#: Set on every login of the three groups, in the office's database (``ALTER ROLE … IN DATABASE
#: … SET``): a group role's own settings never reach its members. Why these values: migration 0008.
LOGIN_SETTINGS: dict[str, str] = {
    "lock_timeout": "5s",
    "statement_timeout": "30s",
    "idle_in_transaction_session_timeout": "60s",
}

#: An AD account or a plain PostgreSQL login name.
LOGIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$")


@dataclass(frozen=True, slots=True)
class InitResult:
    upgrade: schema.UpgradeResult
    roles_created: tuple[str, ...]


def require_postgresql(db: Database) -> None:
    if not db.is_postgresql:
        raise PostgresqlOnly(where=db.describe())


def init_database(db: Database) -> InitResult:
    """Make a PostgreSQL database ready for a shared office; safe to run again (idempotent).

    btree_gist, the schema (or its upgrade), the group roles if missing, and their privileges.
    Run as the role that is to own the schema (see the module docstring).
    """
    require_postgresql(db)
    with db.connect() as conn, conn.begin():
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS btree_gist"))
    result = schema.upgrade(db, backup=False)
    with db.connect() as conn, conn.begin():
        created = ensure_group_roles(conn)
        apply_grants(conn)
    return InitResult(result, created)


def group_roles_exist(conn: Connection) -> bool:
    found = conn.execute(
        text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:names)"), {"names": list(GROUPS.values())}
    ).scalar_one()
    return int(found) == len(GROUPS)


def is_shared_office(conn: Connection) -> bool:
    """Whether ``init_database`` set this database up: the group roles exist and may read it."""
    if not group_roles_exist(conn):
        return False
    stmt = text("SELECT has_table_privilege(:g, 'alembic_version', 'SELECT')")
    return bool(conn.execute(stmt, {"g": USER_GROUP}).scalar())


def ensure_group_roles(conn: Connection) -> tuple[str, ...]:
    """Create the missing group roles (NOLOGIN) and chain them; the names of those created."""
    from psycopg import sql

    created = []
    for name in GROUPS.values():
        if _role_exists(conn, name):
            continue
        # another database's ``db init`` on the same server may create it at the same moment
        _run(
            conn,
            sql.SQL(
                "DO $$ BEGIN CREATE ROLE {} NOLOGIN; "
                "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
            ).format(sql.Identifier(name)),
        )
        created.append(name)
    for lower, upper in pairwise(GROUPS.values()):
        if not _is_direct_member(conn, upper, lower):
            _run(conn, sql.SQL("GRANT {} TO {}").format(sql.Identifier(lower), sql.Identifier(upper)))
    return tuple(created)


def apply_grants(conn: Connection) -> None:
    """Grant the group roles what TABLE_PRIVILEGES says on the tables that exist (re-runnable)."""
    from psycopg import sql

    if not group_roles_exist(conn):
        raise GroupRolesMissing(where=conn.engine.url.render_as_string(hide_password=True))
    schema_name = conn.execute(text("SELECT current_schema()")).scalar_one()
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    tables = set(
        conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars()
    )
    groups = sql.SQL(", ").join(sql.Identifier(g) for g in GROUPS.values())
    schema_id, user = sql.Identifier(schema_name), sql.Identifier(USER_GROUP)
    _run(conn, sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), user))
    _run(conn, sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema_id, user))
    for table in sorted(tables):
        table_id = sql.Identifier(schema_name, table)
        _run(conn, sql.SQL("REVOKE ALL ON TABLE {} FROM {}").format(table_id, groups))
        for group, privileges in TABLE_PRIVILEGES.get(table, {}).items():
            granted: sql.Composable = sql.SQL(privileges)
            if "{columns}" in privileges:
                granted = sql.SQL(privileges).format(
                    columns=sql.SQL(", ").join(map(sql.Identifier, _columns(conn, table)))
                )
            _run(conn, sql.SQL("GRANT {} ON TABLE {} TO {}").format(granted, table_id, sql.Identifier(group)))
    _run(conn, sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(schema_id, user))
    functions = conn.execute(
        text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p "
            "WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'satellitkontor\\_%'"
        )
    ).scalars()
    for signature in functions:
        _run(conn, sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(sql.SQL(signature), user))
    defaults = sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT {} ON {} TO {}")
    _run(conn, defaults.format(schema_id, sql.SQL("USAGE, SELECT"), sql.SQL("SEQUENCES"), user))
    _run(conn, defaults.format(schema_id, sql.SQL("SELECT"), sql.SQL("TABLES"), sql.Identifier(ADMIN_GROUP)))
    for login in _group_logins(conn):
        apply_login_settings(conn, login)


def apply_login_settings(conn: Connection, login: str, *, reset: bool = False) -> None:
    """Give ``login`` the LOGIN_SETTINGS in this database (``reset``: take them away again)."""
    from psycopg import sql

    database = conn.execute(text("SELECT current_database()")).scalar_one()
    prefix = sql.SQL("ALTER ROLE {} IN DATABASE {}").format(sql.Identifier(login), sql.Identifier(database))
    for name, value in LOGIN_SETTINGS.items():
        change = (
            sql.SQL("RESET {}").format(sql.Identifier(name))
            if reset
            else sql.SQL("SET {} = {}").format(sql.Identifier(name), sql.Literal(value))
        )
        _run(conn, sql.SQL("{} {}").format(prefix, change))


# --- logins -------------------------------------------------------------------------------------
def check_login_name(login: str) -> str:
    if not isinstance(login, str) or not LOGIN_NAME.match(login) or len(login.encode()) > 63:
        raise InvalidLoginName(field="login", value=login)
    if login.lower().startswith("pg_") or login in GROUPS.values():
        raise LoginNotAllowed(
            value=login,
            reason="group_role",
        )
    return login


def ensure_login(conn: Connection, login: str, *, password: str | None = None, create: bool = True) -> bool:
    """The LOGIN role ``login`` exists afterwards (with ``password`` if given); True if created."""
    from psycopg import sql

    check_login_name(login)
    row = conn.execute(
        text("SELECT rolsuper, rolcanlogin, rolbypassrls FROM pg_roles WHERE rolname = :n"), {"n": login}
    ).first()
    owners = set(
        conn.execute(
            text(
                "SELECT current_user::text UNION SELECT tableowner::text FROM pg_tables "
                "WHERE schemaname = current_schema() AND tablename = 'bookings'"
            )
        ).scalars()
    )
    if login in owners or (row is not None and (row[0] or row[2])):
        raise LoginNotAllowed(
            value=login,
            reason="superuser",
        )
    if row is None and not create:
        raise LoginNotFound(login=login)
    secret = (
        sql.SQL(" PASSWORD {}").format(sql.Literal(_scram(conn, login, password)))
        if password
        else sql.SQL("")
    )
    if row is None:
        _run(conn, sql.SQL("CREATE ROLE {} LOGIN{}").format(sql.Identifier(login), secret))
        return True
    if not row[1]:
        _run(conn, sql.SQL("ALTER ROLE {} LOGIN").format(sql.Identifier(login)))
    if password:
        _run(conn, sql.SQL("ALTER ROLE {} WITH{}").format(sql.Identifier(login), secret))
    return False


def set_group(conn: Connection, login: str, role: Role | None) -> None:
    """Make ``login`` a member of ``role``'s group role only (None: of none)."""
    from psycopg import sql

    if not group_roles_exist(conn):
        raise GroupRolesMissing(where=conn.engine.url.render_as_string(hide_password=True))
    wanted = GROUPS[role] if role is not None else None
    for group in GROUPS.values():
        member = _is_direct_member(conn, login, group)
        if group == wanted and not member:
            _run(conn, sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(login)))
        elif group != wanted and member:
            _run(conn, sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), sql.Identifier(login)))
    apply_login_settings(conn, login, reset=wanted is None)


def group_of(conn: Connection, login: str) -> Role | None:
    """The app role whose group ``login`` is a direct member of (the highest if several)."""
    found = None
    for role, group in GROUPS.items():
        if _is_direct_member(conn, login, group):
            found = role
    return found


def login_exists(conn: Connection, login: str) -> bool:
    return _role_exists(conn, login)


def drop_login(conn: Connection, login: str) -> None:
    """Drop the LOGIN role (it must own nothing in other databases)."""
    from psycopg import sql

    _run(conn, sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))


# --- helpers ------------------------------------------------------------------------------------
def _role_exists(conn: Connection, name: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is not None


def _columns(conn: Connection, table: str) -> list[str]:
    stmt = text(
        "SELECT attname FROM pg_attribute WHERE attrelid = CAST(:t AS regclass) "
        "AND attnum > 0 AND NOT attisdropped ORDER BY attnum"
    )
    return list(conn.execute(stmt, {"t": table}).scalars())


def _group_logins(conn: Connection) -> list[str]:
    """The LOGIN roles that are members of one of the group roles."""
    stmt = text(
        "SELECT DISTINCT u.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = ANY(:groups) AND u.rolcanlogin "
        "ORDER BY 1"
    )
    return list(conn.execute(stmt, {"groups": list(GROUPS.values())}).scalars())


def _is_direct_member(conn: Connection, member: str, group: str) -> bool:
    stmt = text(
        "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = :g AND u.rolname = :u"
    )
    return conn.execute(stmt, {"g": group, "u": member}).first() is not None


def _raw(conn: Connection) -> Any:
    return conn.connection.dbapi_connection


def _run(conn: Connection, statement: Composable) -> None:
    """A composed utility statement on the connection's own transaction (no bind parameters:
    PostgreSQL takes none in CREATE ROLE, GRANT and the like)."""
    with _raw(conn).cursor() as cur:
        cur.execute(statement)


def _scram(conn: Connection, login: str, password: str) -> str:
    hashed: bytes = _raw(conn).pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    return hashed.decode()
