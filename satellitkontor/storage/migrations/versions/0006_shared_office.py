"""Shared office mode, part 1: database logins and change notifications.

- ``db_logins``: which database login (a PostgreSQL role: a municipality's AD account through
  Kerberos, or a password login) is which person. ``satellitkontor db grant`` fills it; the app
  signs in as the mapped person and cannot pick another (services/identity.py). The table
  exists on SQLite too, empty, so a backup moves between the two unchanged.
- PostgreSQL only: a statement trigger on every table the views show sends
  ``NOTIFY satellitkontor, '<table>'`` from inside the database. A notification is delivered when
  (and only if) the writing transaction commits, so no writer can forget it and no listener hears
  of a change that was rolled back (services/change_watch.py listens). SQLite has no such thing;
  the app polls ``PRAGMA data_version`` there.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: The channel every open app listens on.
CHANNEL = "satellitkontor"

#: Tables whose changes some view shows.
NOTIFYING_TABLES = (
    "bookings",
    "booking_series",
    "resources",
    "closures",
    "settings",
    "people",
    "rotation_years",
    "rotation_meetings",
    "municipalities",
)


def upgrade() -> None:
    op.create_table(
        "db_logins",
        sa.Column("login", sa.String(63), primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_db_logins_person", "db_logins", ["person_id"])
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"""
        CREATE FUNCTION satellitkontor_notify_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
            RETURN NULL;
        END
        $$
        """
    )
    for table in NOTIFYING_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION satellitkontor_notify_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in NOTIFYING_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
        op.execute("DROP FUNCTION IF EXISTS satellitkontor_notify_change()")
    op.drop_index("ix_db_logins_person", "db_logins")
    op.drop_table("db_logins")
