"""A user's own login may not put a guest's e-mail address on a booking either.

0014's trigger refuses ``guest_name`` and ``guest_org`` from a user's login (only a receptionist
or an admin books for a guest), but since guests may be booked with an e-mail address
(``bookings.guest_email``, 0009's column, filled for app guests from issue 16 on) a user with psql
could still write an address of her choice into her own booking, which the receptionist's lists
and the guest's erasure then treat as a guest's. The guard now covers all three columns, on
INSERT and on UPDATE OF any of them. PostgreSQL only; SQLite has no logins.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_COLUMNS = {"upgrade": ("guest_name", "guest_org", "guest_email"), "downgrade": ("guest_name", "guest_org")}


def _guard(s: str, columns: tuple[str, ...]) -> str:
    path = f"SET search_path = pg_catalog, {s}, pg_temp"
    given = " OR ".join(f"NEW.{c} IS NOT NULL" for c in columns)
    changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in columns)
    # SECURITY INVOKER, as the other guards: row_security_active() must ask about the caller.
    return f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_guard_guests() RETURNS trigger
        LANGUAGE plpgsql {path} AS $$
        BEGIN
            IF NOT pg_catalog.row_security_active(TG_RELID) OR {s}.satellitkontor_is_staff() THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'INSERT' THEN
                IF {given} THEN
                    RAISE EXCEPTION 'only a receptionist or an admin may book for a guest'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
            ELSIF {changed} THEN
                RAISE EXCEPTION 'only a receptionist or an admin may change a booking''s guest (booking %)',
                    OLD.id USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END
        $$
        """


def _apply(direction: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(text("SELECT quote_ident(current_schema())")).scalar_one()
    columns = _COLUMNS[direction]
    op.execute(_guard(schema, columns))
    op.execute("DROP TRIGGER IF EXISTS bookings_guard_guests ON bookings")
    op.execute(
        f"CREATE TRIGGER bookings_guard_guests BEFORE INSERT OR UPDATE OF {', '.join(columns)} "
        f"ON bookings FOR EACH ROW EXECUTE FUNCTION {schema}.satellitkontor_guard_guests()"
    )


def upgrade() -> None:
    _apply("upgrade")


def downgrade() -> None:
    _apply("downgrade")
