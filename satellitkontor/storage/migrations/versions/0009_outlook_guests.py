"""Outlook meetings of organisers who are not people in the app (issue 15, point 4).

A meeting booked on the room in Outlook by someone the app does not know (a guest from another
organisation, a shared mailbox) blocks the room as a booking without a person: it carries the
organiser's name and address itself (``bookings.guest_name``, ``bookings.guest_email``) and is
counted in the statistics under the municipality row ``extern`` ("Extern", SCB code ``0000``,
which no person can be given: the domain's list of municipalities does not have it).

Columns added with ADD COLUMN: ``bookings`` is not rebuilt (a SQLite rebuild would drop its
triggers). Retention and erasure clear the two columns with the rest of a booking's personal
data (services/privacy).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("bookings", sa.Column("guest_name", sa.String(200), nullable=True))
    op.add_column("bookings", sa.Column("guest_email", sa.String(254), nullable=True))
    municipalities = sa.table(
        "municipalities",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("scb_code", sa.String),
    )
    op.bulk_insert(municipalities, [{"code": "extern", "name": "Extern", "scb_code": "0000"}])


def downgrade() -> None:
    op.execute("DELETE FROM bookings WHERE municipality_code = 'extern'")
    op.execute("DELETE FROM municipalities WHERE code = 'extern'")
    with op.batch_alter_table("bookings") as batch:
        batch.drop_column("guest_email")
        batch.drop_column("guest_name")
