"""Shared office mode, part 2: the database decides who may do what (PostgreSQL only).

In a shared office every PC connects with its user's own login (an AD account through Kerberos,
or a password login), mapped to a person by ``db_logins`` (migration 0006) and made a member of
one of three group roles by ``satellitkontor db grant`` (storage/pg_roles.py). Two halves decide
what a login may do, so that a client that ignores the GUI and sends SQL gets the same answers:

- **Table privileges** (GRANTs, storage/pg_roles.py) per group role: a user may only read the
  set-up tables, so "change a desk" fails with *permission denied* before any row is looked at.
- **Row-level security** (this migration): ``ENABLE ROW LEVEL SECURITY`` and policies on every
  table, which pick the rows a login may read and write.

Policy model. All policies are for ``PUBLIC`` and ask small helper functions who is asking:

- ``satellitkontor_person_id()``: the active person mapped to the login (NULL: none).
- ``satellitkontor_role()``: ``admin``, ``receptionist``, ``user`` or NULL. It starts from the
  login's group role (``pg_has_role(session_user, 'satellitkontor_admin', 'MEMBER')`` …; a group
  role that does not exist yet counts as "not a member", since this migration may run before
  ``db init`` created them) and is *lowered* to the mapped person's ``people.role``: an admin who
  demotes someone on the app's roles page takes the rights away at once, while raising someone
  above the group role the DBA granted needs ``db grant`` (the DBA's grant is the ceiling; the
  app's own admins can never lift a login above it). A login that is not mapped to a person keeps
  its group role (a service account, e.g. for the feed server); a login mapped to a deactivated
  person is at most a user and can write nothing that needs a person.
- ``satellitkontor_is_staff()`` (receptionist or admin), ``satellitkontor_is_admin()``,
  ``satellitkontor_names_visible()`` (staff, or the privacy setting ``names_to_users``; see
  domain/privacy.py and the ``privacy`` key of ``settings``).

Why ``session_user``: the helpers are SECURITY DEFINER, and inside such a function
``current_user`` is the function's owner; ``session_user`` is the login that connected, and a
``SET ROLE`` to another role does not change it, so nobody can become somebody else that way.

Why SECURITY DEFINER: the helpers read ``db_logins``, ``people`` and ``settings``, which are
themselves under row-level security; as the owner (whom RLS does not govern) they see the rows
they need without the policies recursing into themselves, and a user needs no rights on those
rows to be judged by them. Each has ``search_path`` fixed to ``pg_catalog`` and the schema the
office lives in, so nobody can slip their own ``people`` table in front; all are STABLE, and the
policies call them as ``(SELECT f())`` so PostgreSQL evaluates each once per statement.

Who the policies leave alone: the table owner (the role that runs the migrations: the DBA's
owner role, the test suite's superuser) and superusers are not governed by RLS; everything here
then behaves as before, on PostgreSQL and SQLite alike.

What each role gets:

- *user*: reads the office's occupancy (bookings, series, resources, closures, settings,
  rotation, municipalities, the people counts); in ``people`` their own row, and other people's
  rows only while the privacy setting shows names to users; creates bookings and series only
  for themselves (``person_id`` and ``created_by_id`` both theirs) and changes or cancels only
  their own. A user touching someone else's booking gets an ERROR, not a silent "0 rows": the
  UPDATE policy lets every row through (``USING true``) and a BEFORE UPDATE trigger refuses
  another's booking, handing a booking to another person, and marking a no-show (SQLSTATE 42501,
  like every other refusal here); the policy's ``WITH CHECK`` repeats the rule as a second line.
  The audit trail: entries they write must name them as the actor; they read the entries they
  made or that are about them (the "my data" export). Calendar feeds: those they published or
  that are about them. Exchange: outbox rows of their own bookings (added in the booking's own
  transaction; "Mina bokningar" shows "inte i Outlook än" from them) and the links of their own
  bookings. ``db_logins``: their own row.
- *receptionist*: everything a user may, plus: books for anyone, checks in, marks no-shows
  (any booking), reads every person, runs the Exchange sync (outbox, links, sync state) and
  reads the audit entries about bookings and the sync (the Exchange status page).
- *admin*: everything, in every table.

What a user can still read, knowingly: every booking row, with another person's ``person_id``
(a number: without the ``people`` row it names nobody), municipality, times and a meeting's
title. The services hide titles from users as they hide names; row-level security cannot hide
one column, and column privileges would break the shared booking query, so a raw SQL client of
a user sees titles. No name or e-mail address of another person is readable while the office
hides names.

A later migration that adds a table must enable row-level security on it and create its policies
in the same style, and storage/pg_roles.py must name its privileges (a test checks both).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ME = "(SELECT satellitkontor_person_id())"
STAFF = "(SELECT satellitkontor_is_staff())"
ADMIN = "(SELECT satellitkontor_is_admin())"
NAMES = "(SELECT satellitkontor_names_visible())"
OWN = f"(person_id = {ME} OR created_by_id = {ME})"
OWN_BOOKING = (
    f"(booking_id IN (SELECT b.id FROM bookings b WHERE b.person_id = {ME} OR b.created_by_id = {ME}))"
)

#: Tables anyone in a group reads and only an admin writes.
SETUP_TABLES = (
    "municipalities",
    "resources",
    "closures",
    "settings",
    "rotation_years",
    "rotation_meetings",
    "people_count_adjustments",
)

#: table -> ((policy name, command, USING, WITH CHECK), ...); every table also gets an admin
#: policy for all commands.
POLICIES: dict[str, tuple[tuple[str, str, str | None, str | None], ...]] = {
    **{t: (("read", "SELECT", "true", None),) for t in SETUP_TABLES},
    "alembic_version": (("read", "SELECT", "true", None),),
    "people": (("read", "SELECT", f"id = {ME} OR {NAMES}", None),),
    "bookings": (
        ("read", "SELECT", "true", None),
        ("book", "INSERT", None, f"{STAFF} OR (person_id = {ME} AND created_by_id = {ME})"),
        ("change", "UPDATE", "true", f"{STAFF} OR {OWN}"),
    ),
    "booking_series": (
        ("read", "SELECT", "true", None),
        ("book", "INSERT", None, f"{STAFF} OR (person_id = {ME} AND created_by_id = {ME})"),
        ("change", "UPDATE", "true", f"{STAFF} OR {OWN}"),
    ),
    "audit_log": (
        (
            "read",
            "SELECT",
            f"actor_id = {ME} OR subject_id = {ME} OR ({STAFF} AND (entity = 'booking' OR action LIKE 'exchange.%'))",
            None,
        ),
        ("write", "INSERT", None, f"{STAFF} OR actor_id = {ME}"),
    ),
    "feed_tokens": (
        ("read", "SELECT", f"created_by_id = {ME} OR (kind = 'person' AND target = {ME}::text)", None),
    ),
    "exchange_outbox": (
        ("read", "SELECT", f"{STAFF} OR {OWN_BOOKING}", None),
        ("enqueue", "INSERT", None, f"{STAFF} OR {OWN_BOOKING}"),
        ("sync", "ALL", STAFF, STAFF),
    ),
    "exchange_links": (
        ("read", "SELECT", f"{STAFF} OR {OWN_BOOKING}", None),
        ("sync", "ALL", STAFF, STAFF),
    ),
    "exchange_sync_state": (("sync", "ALL", STAFF, STAFF),),
    "db_logins": (("read", "SELECT", "login = session_user", None),),
}


def _functions(schema: str) -> list[str]:
    path = f"SET search_path = pg_catalog, {schema}"
    return [
        f"""
        CREATE FUNCTION satellitkontor_in_group(grp name) RETURNS boolean
        LANGUAGE sql STABLE {path} AS $$
            SELECT COALESCE(
                (SELECT pg_has_role(session_user, r.oid, 'MEMBER') FROM pg_roles r WHERE r.rolname = grp),
                false)
        $$
        """,
        f"""
        CREATE FUNCTION satellitkontor_person_id() RETURNS integer
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT l.person_id FROM db_logins l JOIN people p ON p.id = l.person_id
            WHERE l.login = session_user AND p.active
        $$
        """,
        f"""
        CREATE FUNCTION satellitkontor_role() RETURNS text
        LANGUAGE plpgsql STABLE SECURITY DEFINER {path} AS $$
        DECLARE
            mapped boolean := false;
            person_role text;
        BEGIN
            SELECT true, CASE WHEN p.active THEN p.role ELSE 'user' END INTO mapped, person_role
            FROM db_logins l JOIN people p ON p.id = l.person_id WHERE l.login = session_user;
            mapped := COALESCE(mapped, false);
            IF satellitkontor_in_group('satellitkontor_admin')
               AND (NOT mapped OR person_role = 'admin') THEN
                RETURN 'admin';
            END IF;
            IF satellitkontor_in_group('satellitkontor_reception')
               AND (NOT mapped OR person_role IN ('admin', 'receptionist')) THEN
                RETURN 'receptionist';
            END IF;
            IF satellitkontor_in_group('satellitkontor_user') THEN
                RETURN 'user';
            END IF;
            RETURN NULL;
        END
        $$
        """,
        f"""
        CREATE FUNCTION satellitkontor_is_staff() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT COALESCE(satellitkontor_role() IN ('admin', 'receptionist'), false)
        $$
        """,
        f"""
        CREATE FUNCTION satellitkontor_is_admin() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT COALESCE(satellitkontor_role() = 'admin', false)
        $$
        """,
        f"""
        CREATE FUNCTION satellitkontor_names_visible() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT satellitkontor_is_staff() OR COALESCE(
                (SELECT (value::jsonb -> 'names_to_users') = 'true'::jsonb FROM settings WHERE key = 'privacy'),
                false)
        $$
        """,
        # SECURITY INVOKER on purpose: row_security_active() must ask about the caller, so that
        # the owner, superusers and the foreign keys' own updates (run as the owner) pass.
        f"""
        CREATE FUNCTION satellitkontor_guard_own_rows() RETURNS trigger
        LANGUAGE plpgsql {path} AS $$
        DECLARE
            me integer;
        BEGIN
            IF NOT row_security_active(TG_RELID) OR satellitkontor_is_staff() THEN
                RETURN NEW;
            END IF;
            me := satellitkontor_person_id();
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
    ]


FUNCTION_SIGNATURES = (
    "satellitkontor_guard_own_rows()",
    "satellitkontor_names_visible()",
    "satellitkontor_is_admin()",
    "satellitkontor_is_staff()",
    "satellitkontor_role()",
    "satellitkontor_person_id()",
    "satellitkontor_in_group(name)",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(text("SELECT quote_ident(current_schema())")).scalar_one()
    for statement in _functions(schema):
        op.execute(statement)
    for table in ("bookings", "booking_series"):
        op.execute(
            f"CREATE TRIGGER {table}_guard_own_rows BEFORE UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION satellitkontor_guard_own_rows()"
        )
    for table, policies in POLICIES.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_admin ON {table} FOR ALL USING ({ADMIN}) WITH CHECK ({ADMIN})")
        for name, command, using, check in policies:
            clause = f"CREATE POLICY {table}_{name} ON {table} FOR {command}"
            if using is not None:
                clause += f" USING ({using})"
            if check is not None:
                clause += f" WITH CHECK ({check})"
            op.execute(clause)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, policies in POLICIES.items():
        for name in ("admin", *(p[0] for p in policies)):
            op.execute(f"DROP POLICY IF EXISTS {table}_{name} ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for table in ("bookings", "booking_series"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_guard_own_rows ON {table}")
    for signature in FUNCTION_SIGNATURES:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
