"""Issue 20, item 1: an ordinary login must not become an admin through temporary tables.

PostgreSQL looks for a table in the session's temporary schema *first* unless ``pg_temp`` is
named in ``search_path``; a SECURITY DEFINER function whose path lacks it reads the caller's
``TEMP`` tables named ``pg_roles``, ``db_logins``, ``people`` or ``settings`` instead of the real
ones. Each test below is that attack, made by Anna (a user) with her own login and raw SQL, on
one helper of migration 0007 at a time; migration 0008 re-creates them with
``search_path = pg_catalog, <schema>, pg_temp`` and schema-qualified names.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import psycopg
import pytest

from satellitkontor.domain.bookings import DeskPeriod
from tests.conftest import MONDAY
from tests.security.conftest import Shared

pytestmark = pytest.mark.postgresql

TUESDAY = MONDAY + timedelta(days=1)

#: A temporary ``pg_roles`` that names the admin group with the oid of Anna's own login.
FAKE_PG_ROLES = (
    "CREATE TEMP TABLE pg_roles AS SELECT 'satellitkontor_admin'::name AS rolname, oid "
    "FROM pg_catalog.pg_roles WHERE rolname = session_user"
)
#: Temporary ``db_logins`` and ``people``: empty, so Anna looks like an unmapped service account.
UNMAPPED = (
    "CREATE TEMP TABLE db_logins (login name, person_id integer)",
    "CREATE TEMP TABLE people (id integer, active boolean, role text)",
)
#: A temporary ``settings`` that shows every name to users.
FAKE_SETTINGS = (
    "CREATE TEMP TABLE settings (key text, value text)",
    """INSERT INTO settings VALUES ('privacy', '{"names_to_users": true}')""",
)


def as_bertil(bertil_id: int) -> tuple[str, ...]:
    """Temporary ``db_logins`` and ``people`` that map Anna's login to Bertil."""
    return (
        "CREATE TEMP TABLE db_logins (login name, person_id integer)",
        f"INSERT INTO db_logins VALUES (session_user, {bertil_id})",
        "CREATE TEMP TABLE people (id integer, active boolean, role text)",
        f"INSERT INTO people VALUES ({bertil_id}, true, 'user')",
    )


def attack(shared: Shared, setup: tuple[str, ...], probe: str, **params: Any) -> Any:
    """Anna's session: the temporary tables, then ``probe``; its first value."""
    with shared.raw("anna", autocommit=True) as conn:
        for statement in setup:
            conn.execute(statement)
        row = conn.execute(probe, params).fetchone()
        return None if row is None else row[0]


@pytest.mark.parametrize(
    ("function", "setup", "honest"),
    [
        ("satellitkontor_in_group('satellitkontor_admin')", (FAKE_PG_ROLES,), False),
        ("satellitkontor_role()", (FAKE_PG_ROLES, *UNMAPPED), "user"),
        ("satellitkontor_is_admin()", (FAKE_PG_ROLES, *UNMAPPED), False),
        ("satellitkontor_is_staff()", (FAKE_PG_ROLES, *UNMAPPED), False),
        ("satellitkontor_names_visible()", FAKE_SETTINGS, False),
    ],
)
def test_temporary_tables_do_not_change_a_helpers_answer(
    shared: Shared, function: str, setup: tuple[str, ...], honest: object
) -> None:
    assert attack(shared, (), f"SELECT public.{function}") == honest
    assert attack(shared, setup, f"SELECT public.{function}") == honest


def test_temporary_tables_do_not_make_anna_someone_else(shared: Shared) -> None:
    o = shared.office
    probe = "SELECT public.satellitkontor_person_id()"
    assert attack(shared, as_bertil(o.bertil.id), probe) == o.anna.id


def test_the_booking_guard_is_not_fooled_by_temporary_tables(shared: Shared) -> None:
    """satellitkontor_guard_own_rows() asks the helpers who Anna is: still not Bertil."""
    o = shared.office
    theirs = shared.owner.booking.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    cancel = "UPDATE public.bookings SET status = 'cancelled' WHERE id = %(i)s RETURNING id"
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        attack(shared, as_bertil(o.bertil.id), cancel, i=theirs.id)
    assert shared.status_of(theirs.id) == "confirmed"


def test_all_temporary_tables_at_once_give_anna_nothing(shared: Shared) -> None:
    """The whole escalation: read every name, cancel another's booking, forge the audit trail."""
    o = shared.office
    theirs = shared.owner.booking.book_desk(o.bertil.id, o.desk(2).id, TUESDAY, DeskPeriod.FULL_DAY)
    setup = (FAKE_PG_ROLES, *UNMAPPED)
    with shared.raw("anna", autocommit=True) as conn:
        for statement in (*setup, *FAKE_SETTINGS):
            conn.execute(statement)
        names = conn.execute("SELECT name FROM public.people").fetchall()
        assert [n for (n,) in names] == [o.anna.name]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE public.bookings SET status = 'cancelled' WHERE id = %s", (theirs.id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO public.audit_log (at, actor_id, actor_name, action, entity) "
                "VALUES (now(), %s, 'Rut Receptionist', 'booking.cancel', 'booking')",
                (o.reception.id,),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE public.resources SET name = 'Min plats'")
    assert shared.status_of(theirs.id) == "confirmed"


def test_every_function_of_the_schema_fixes_its_search_path_with_pg_temp_last(shared: Shared) -> None:
    """Every SECURITY DEFINER function in the office's schema, and every satellitkontor_ helper
    the policies and triggers use, runs with a search_path that names pg_temp last."""
    with shared.raw("anna") as conn:
        rows = conn.execute(
            "SELECT p.oid::regprocedure::text, p.prosecdef, "
            "(SELECT substr(c, 13) FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%%') "
            "FROM pg_catalog.pg_proc p WHERE p.pronamespace = current_schema()::regnamespace "
            "AND (p.prosecdef OR p.proname LIKE 'satellitkontor%%')"
        ).fetchall()
    assert {name for name, _, _ in rows} >= {
        "satellitkontor_role()",
        "satellitkontor_person_id()",
        "satellitkontor_names_visible()",
        "satellitkontor_notify_change()",
    }
    unsafe = {
        name: path
        for name, _, path in rows
        if path is None or [p.strip() for p in path.split(",")][-1] != "pg_temp"
    }
    assert unsafe == {}
