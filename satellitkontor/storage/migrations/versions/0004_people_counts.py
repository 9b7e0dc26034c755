"""Counts of people that anonymised bookings can no longer give: ``people_count_adjustments``.

The yearly statistics count *distinct people* per municipality and month (and per year). A
booking that retention or an erasure has made anonymous has no person any more, so those people
would drop out of the counts. Before the bookings are made anonymous, the services store here,
per (year, month, municipality), how many people the counts would lose (``month`` 0 is the
whole year); the statistics add these numbers back. They are counts, never identities.
See services/privacy/people_counts.py.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people_count_adjustments",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("month", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("municipality_code", sa.String(32), sa.ForeignKey("municipalities.code"), primary_key=True),
        sa.Column("people", sa.Integer, nullable=False),
        sa.Column("employees", sa.Integer, nullable=False),
        sa.Column("politicians", sa.Integer, nullable=False),
        sa.CheckConstraint("month BETWEEN 0 AND 12", name="ck_people_count_adjustments_month"),
    )


def downgrade() -> None:
    op.drop_table("people_count_adjustments")
