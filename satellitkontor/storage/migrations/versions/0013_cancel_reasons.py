"""Why a booking ended: ``bookings.cancel_cause`` and ``bookings.cancel_reason``.

A closure cancels the bookings on the days it covers (cause ``closure``, the closure's reason),
the automatic release frees bookings nobody checked in to (cause ``release``), and a booker or
the receptionist may write a reason when cancelling (cause ``note``). The booker reads it in Mina
bokningar; the receptionist in the day view. Both columns are nullable: a plain cancel has none.

Added with ADD COLUMN: ``bookings`` is not rebuilt (a SQLite table rebuild would drop its
triggers). On PostgreSQL, users update ``bookings`` by column (migration 0008): ``db upgrade``
grants the new columns again with every other (storage/pg_roles.py, ``apply_grants``).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("bookings", sa.Column("cancel_cause", sa.String(16)))
    op.add_column("bookings", sa.Column("cancel_reason", sa.String(200)))


def downgrade() -> None:
    # plain DROP COLUMN (SQLite 3.35+, PostgreSQL): no table rebuild, the triggers stay
    op.execute("ALTER TABLE bookings DROP COLUMN cancel_reason")
    op.execute("ALTER TABLE bookings DROP COLUMN cancel_cause")
