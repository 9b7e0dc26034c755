"""Shared office mode, part 2: row-level security on PostgreSQL (written by issue 6's RLS work).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
