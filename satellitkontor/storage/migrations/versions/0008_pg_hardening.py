"""Shared office mode, part 3: no login becomes an admin, and no login freezes the office (issue 20).

PostgreSQL only; on SQLite this migration does nothing.

**1. Every helper function runs with ``search_path = pg_catalog, <schema>, pg_temp``.** Migration
0007 fixed the path of its SECURITY DEFINER helpers to ``pg_catalog, <schema>``. PostgreSQL then
searches the session's *temporary* schema first for tables (``pg_temp`` is searched first unless
the path names it), so a user who made ``TEMP`` tables called ``pg_roles``, ``db_logins`` and
``people`` was an admin to every policy, and a ``TEMP`` table ``settings`` showed her every name.
This migration re-creates each function the policies and triggers use (``CREATE OR REPLACE``:
same oid, so the policies of 0007 keep pointing at them) with ``pg_temp`` named *last*, and with
every table and function in their bodies qualified by its schema, so neither a temporary nor a
look-alike object is ever read. The role names the helpers compare with are cast to ``name`` so
that no overload of another type could be picked. ``CREATE`` on the schema is revoked from
``PUBLIC`` (the default since PostgreSQL 15; older clusters gave it): users make no objects beside
the office's. The notification trigger of 0006 becomes SECURITY DEFINER with the same path.
tests/security/test_pg_search_path.py makes each attack as a real user and lists every SECURITY
DEFINER function of the schema to check its path.

**2. A user's locks cannot make the receptionist wait for long.** Before, a user's login could
``LOCK TABLE bookings IN ACCESS EXCLUSIVE MODE`` (its UPDATE right sufficed), hold the app's
advisory keys ``(1, resource)`` and ``(2, person)`` for as long as she liked (a session-level
advisory lock outlives every transaction), or ``SELECT … FOR UPDATE`` other people's bookings;
nothing timed out, so the receptionist's day view and bookings hung. The design, and why:

- *Keep from users the locks that stop everyone.* Users get UPDATE on the columns of ``bookings``
  and ``booking_series``, not on the tables (storage/pg_roles.py): they update their own rows as
  before, but ``LOCK TABLE`` in any mode above ROW EXCLUSIVE needs a *table* privilege (UPDATE,
  DELETE, TRUNCATE), so the table lock that stopped every reader is refused. ROW EXCLUSIVE, which
  INSERT allows, blocks no reader and no writer of the app.
- *The app serialises bookers with row locks a user cannot take for somebody else.* The
  advisory keys are shared by every session of the database and PostgreSQL cannot keep a user
  from taking them, so the booking services no longer use them. ``satellitkontor_lock_for_booking``
  (SECURITY DEFINER) locks the rows of the resources and of the people being booked (``FOR NO
  KEY UPDATE``, which the foreign keys' ``KEY SHARE`` does not conflict with). A user has only
  SELECT on ``resources`` and ``people``, so she can lock neither row herself, and the function
  locks a person's row for her only when it is her own; staff (who book for others) may lock
  anyone's. What a user can still hold, knowingly: a desk's row, through the function, inside an
  open transaction of hers (she needs it to book), and a row lock on a booking (``FOR UPDATE``
  needs only UPDATE on one column, and the UPDATE policy of 0007 lets every row through so that
  touching another's booking is an error, not "0 rows"). Both stop only that desk or that one
  booking, not the office, and they show in ``pg_stat_activity`` under her own login. The
  privacy work's advisory key ``(3, 0)`` stays: only admins erase or run retention, and a user
  holding the key only delays them (next point).
- *The app never waits long.* Its connections set ``lock_timeout = 3s`` (storage/database.py);
  a lock it cannot get within that ends the statement with SQLSTATE 55P03, which becomes the
  domain error ``OfficeBusy`` ("Kontoret är upptaget av en annan användare just nu. Försök igen
  om en stund."), and nothing was changed. So whatever a user holds, the receptionist waits at
  most about three seconds per unit of work and reads a sentence.
- *Forgotten transactions end.* Every login mapped by ``db grant`` gets, in this database,
  ``lock_timeout = 5s``, ``statement_timeout = 30s`` and ``idle_in_transaction_session_timeout =
  60s`` (``ALTER ROLE … IN DATABASE … SET``; this migration sets them on the logins that exist,
  ``db grant``/``db init``/``db upgrade`` on later ones). They go on the *logins*, not on the
  three group roles: PostgreSQL applies only the connecting role's own settings, never a group's.
  5 s: longer than the app's own 3 s, so the app's clear error comes first, short enough that a
  hand-made session does not queue behind a lock for long. 30 s: the app's slowest statement (a
  year's statistics) takes well under a second; a runaway query ends. 60 s: a SQL client left
  in an open transaction (a lunch break in DBeaver) releases its locks within a minute. These
  are a safety net against carelessness, not against malice: the three are ordinary settings a
  session may change for itself, which is why the points above do not rely on them.
  ``idle_session_timeout`` (PostgreSQL 14) is not set: it would also close the app's own idle
  pool connections and its change-watch connection, which must stay open between changes.
- *Notifications are a hint.* ``NOTIFY`` needs no privilege and any session may send it on any
  channel; a secret channel name or a signed payload would have to be readable by the app, which
  runs as the very user it would keep out, so neither is sound. The triggers notify through a
  SECURITY DEFINER function with a safe path, and the app's listener (services/change_watch.py)
  ignores payloads that name no table it knows and reloads at most every half second, however
  many notifications arrive: a flood costs each app two reloads a second instead of hundreds,
  and a real change is still shown within about a second. tests/security/test_pg_locks.py.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from alembic import op
from sqlalchemy import text

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

GROUPS = ("satellitkontor_user", "satellitkontor_reception", "satellitkontor_admin")
#: Set on every login of the three groups, in this database (see the docstring).
LOGIN_SETTINGS = (
    ("lock_timeout", "5s"),
    ("statement_timeout", "30s"),
    ("idle_in_transaction_session_timeout", "60s"),
)


def _functions(s: str) -> list[str]:
    """The helpers of 0006 and 0007 again, safe against a session's own objects; plus the lock."""
    path = f"SET search_path = pg_catalog, {s}, pg_temp"
    return [
        f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_in_group(grp name) RETURNS boolean
        LANGUAGE sql STABLE {path} AS $$
            SELECT COALESCE(
                (SELECT pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'::text)
                 FROM pg_catalog.pg_roles r WHERE r.rolname = grp),
                false)
        $$
        """,
        f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_person_id() RETURNS integer
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT l.person_id FROM {s}.db_logins l JOIN {s}.people p ON p.id = l.person_id
            WHERE l.login = session_user AND p.active
        $$
        """,
        f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_role() RETURNS text
        LANGUAGE plpgsql STABLE SECURITY DEFINER {path} AS $$
        DECLARE
            mapped boolean := false;
            person_role text;
        BEGIN
            SELECT true, CASE WHEN p.active THEN p.role ELSE 'user' END INTO mapped, person_role
            FROM {s}.db_logins l JOIN {s}.people p ON p.id = l.person_id WHERE l.login = session_user;
            mapped := COALESCE(mapped, false);
            IF {s}.satellitkontor_in_group('satellitkontor_admin'::name)
               AND (NOT mapped OR person_role = 'admin') THEN
                RETURN 'admin';
            END IF;
            IF {s}.satellitkontor_in_group('satellitkontor_reception'::name)
               AND (NOT mapped OR person_role IN ('admin', 'receptionist')) THEN
                RETURN 'receptionist';
            END IF;
            IF {s}.satellitkontor_in_group('satellitkontor_user'::name) THEN
                RETURN 'user';
            END IF;
            RETURN NULL;
        END
        $$
        """,
        f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_is_staff() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT COALESCE({s}.satellitkontor_role() IN ('admin', 'receptionist'), false)
        $$
        """,
        f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_is_admin() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT COALESCE({s}.satellitkontor_role() = 'admin', false)
        $$
        """,
        f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_names_visible() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT {s}.satellitkontor_is_staff() OR COALESCE(
                (SELECT (st.value::jsonb -> 'names_to_users') = 'true'::jsonb
                 FROM {s}.settings st WHERE st.key = 'privacy'),
                false)
        $$
        """,
        # SECURITY INVOKER still, as in 0007: row_security_active() must ask about the caller.
        f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_guard_own_rows() RETURNS trigger
        LANGUAGE plpgsql {path} AS $$
        DECLARE
            me integer;
        BEGIN
            IF NOT pg_catalog.row_security_active(TG_RELID) OR {s}.satellitkontor_is_staff() THEN
                RETURN NEW;
            END IF;
            me := {s}.satellitkontor_person_id();
            IF me IS NULL OR (OLD.person_id IS DISTINCT FROM me AND OLD.created_by_id IS DISTINCT FROM me) THEN
                RAISE EXCEPTION 'only a receptionist or an admin may change another person''s booking (% %)',
                    TG_TABLE_NAME, OLD.id USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF NEW.person_id IS DISTINCT FROM OLD.person_id
               OR NEW.created_by_id IS DISTINCT FROM OLD.created_by_id THEN
                RAISE EXCEPTION 'only a receptionist or an admin may give a booking to another person (% %)',
                    TG_TABLE_NAME, OLD.id USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_TABLE_NAME = 'bookings' THEN
                IF NEW.status = 'no_show' AND OLD.status IS DISTINCT FROM 'no_show' THEN
                    RAISE EXCEPTION 'only a receptionist or an admin may mark a no-show (booking %)',
                        OLD.id USING ERRCODE = 'insufficient_privilege';
                END IF;
            END IF;
            RETURN NEW;
        END
        $$
        """,
        f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_notify_change() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
        BEGIN
            PERFORM pg_catalog.pg_notify('satellitkontor', TG_TABLE_NAME);
            RETURN NULL;
        END
        $$
        """,
        # Resources, then people, each in ascending order (as the advisory locks were): two
        # bookers never wait on each other in a circle.
        f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_lock_for_booking(
            resource_ids integer[], person_ids integer[]) RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER {path} AS $$
        DECLARE
            me integer;
        BEGIN
            IF {s}.satellitkontor_in_group('satellitkontor_user'::name)
               AND NOT {s}.satellitkontor_is_staff() THEN
                me := {s}.satellitkontor_person_id();
                IF EXISTS (SELECT 1 FROM pg_catalog.unnest(person_ids) AS x(id)
                           WHERE x.id IS DISTINCT FROM me) THEN
                    RAISE EXCEPTION 'only a receptionist or an admin may book for another person'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
            END IF;
            PERFORM 1 FROM {s}.resources r WHERE r.id = ANY (resource_ids) ORDER BY r.id
                FOR NO KEY UPDATE;
            PERFORM 1 FROM {s}.people p WHERE p.id = ANY (person_ids) ORDER BY p.id
                FOR NO KEY UPDATE;
        END
        $$
        """,
    ]


def _login_settings(settings: tuple[tuple[str, str], ...]) -> str:
    """A DO block giving every login of the three groups ``settings`` in this database."""
    groups = ", ".join(f"'{g}'" for g in GROUPS)
    sets = "\n".join(
        f"EXECUTE format('ALTER ROLE %I IN DATABASE %I SET {name} = %L', r.rolname, current_database(), '{value}');"
        for name, value in settings
    )
    return f"""
        DO $$
        DECLARE
            r record;
        BEGIN
            FOR r IN
                SELECT DISTINCT u.rolname FROM pg_catalog.pg_auth_members m
                JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                JOIN pg_catalog.pg_roles u ON u.oid = m.member
                WHERE g.rolname IN ({groups}) AND u.rolcanlogin
            LOOP
                {sets}
            END LOOP;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'the logins'' timeouts were not set (%); run satellitkontor db init as the schema''s owner', SQLERRM;
        END
        $$
        """


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(text("SELECT quote_ident(current_schema())")).scalar_one()
    op.execute(f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC")
    for statement in _functions(schema):
        op.execute(statement)
    op.execute(_login_settings(LOGIN_SETTINGS))


def _revision(name: str) -> ModuleType:
    """A released migration of this folder, to put its functions back on a downgrade."""
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"satellitkontor_migration_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    """Back to 0007's functions (and 0006's notification trigger function), as released."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(text("SELECT quote_ident(current_schema())")).scalar_one()
    op.execute(f"DROP FUNCTION IF EXISTS {schema}.satellitkontor_lock_for_booking(integer[], integer[])")
    for statement in _revision("0007_row_security.py")._functions(schema):
        op.execute(statement.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    # 0006's function as it was: SECURITY INVOKER, no fixed path (its body does the same)
    op.execute(f"ALTER FUNCTION {schema}.satellitkontor_notify_change() SECURITY INVOKER RESET ALL")
