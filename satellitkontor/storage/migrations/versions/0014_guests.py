"""Guests booked in the app: ``bookings.guest_org`` beside 0009's ``bookings.guest_name``.

The receptionist or an admin books a desk or a room for an external guest: the booking's person is
the guest's host (a person of one of the municipalities, who answers for the guest), so it counts
under the host's municipality; the guest's name and organisation are on the booking itself and
nowhere else (``guest_name`` is 0009's column, which also holds an Outlook organiser's name; a
guest booked in the app is the booking with a ``guest_org``). Retention and erasure clear the
name with the rest of a booking's personal data; the organisation stays for the statistics.

Added with ADD COLUMN: ``bookings`` is not rebuilt (a SQLite table rebuild would drop its
triggers). On PostgreSQL a user may not book a guest, nor give or change one on a booking she may
otherwise update (her own, or her guest's as host): a BEFORE INSERT OR UPDATE OF trigger refuses it
with SQLSTATE 42501 unless the session is a receptionist's or an admin's (the app says no first,
with PermissionDenied). ``db upgrade`` grants the new columns with every other
(storage/pg_roles.py, ``apply_grants``).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy import text

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _guard(s: str) -> str:
    path = f"SET search_path = pg_catalog, {s}, pg_temp"
    # SECURITY INVOKER, as the other guards: row_security_active() must ask about the caller.
    return f"""
        CREATE OR REPLACE FUNCTION {s}.satellitkontor_guard_guests() RETURNS trigger
        LANGUAGE plpgsql {path} AS $$
        BEGIN
            IF NOT pg_catalog.row_security_active(TG_RELID) OR {s}.satellitkontor_is_staff() THEN
                RETURN NEW;
            END IF;
            IF TG_OP = 'INSERT' THEN
                IF NEW.guest_name IS NOT NULL OR NEW.guest_org IS NOT NULL THEN
                    RAISE EXCEPTION 'only a receptionist or an admin may book for a guest'
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
            ELSIF NEW.guest_name IS DISTINCT FROM OLD.guest_name
                  OR NEW.guest_org IS DISTINCT FROM OLD.guest_org THEN
                RAISE EXCEPTION 'only a receptionist or an admin may change a booking''s guest (booking %)',
                    OLD.id USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END
        $$
        """


def upgrade() -> None:
    op.add_column("bookings", sa.Column("guest_org", sa.String(200)))
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.execute(text("SELECT quote_ident(current_schema())")).scalar_one()
    op.execute(_guard(schema))
    op.execute(
        "CREATE TRIGGER bookings_guard_guests BEFORE INSERT OR UPDATE OF guest_name, guest_org "
        f"ON bookings FOR EACH ROW EXECUTE FUNCTION {schema}.satellitkontor_guard_guests()"
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        schema = bind.execute(text("SELECT quote_ident(current_schema())")).scalar_one()
        op.execute("DROP TRIGGER IF EXISTS bookings_guard_guests ON bookings")
        op.execute(f"DROP FUNCTION IF EXISTS {schema}.satellitkontor_guard_guests()")
    # plain DROP COLUMN (SQLite 3.35+, PostgreSQL): no table rebuild, the triggers stay
    op.execute("ALTER TABLE bookings DROP COLUMN guest_org")
