"""Calendar feeds and imports: published feed tokens, and the import key on bookings.

- ``feed_tokens``: one row per published feed URL. Only the SHA-256 of the token is stored (the
  admin sees the whole URL once, when creating it) so that a copy of the database does not hand
  out working feed addresses; ``hint`` keeps its first characters so admins can tell URLs apart.
  A revoked token keeps its row (who published what, and when it stopped).
- ``bookings.import_key``: the calendar identity (UID and occurrence) a booking was imported
  from, unique, so that importing the same file twice creates nothing the second time.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _ts() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "feed_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("hint", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("target", sa.String(64), nullable=True),
        sa.Column("privacy", sa.String(16), nullable=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("created_by_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("revoked_at", _ts(), nullable=True),
        sa.Column("revoked_by_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.CheckConstraint(
            "kind IN ('office', 'resource', 'municipality', 'person', 'rotation')", name="ck_feed_tokens_kind"
        ),
        sa.CheckConstraint("privacy IN ('public', 'internal')", name="ck_feed_tokens_privacy"),
    )
    # A plain ADD COLUMN and a unique index, not a batch copy of the table: on SQLite a batch
    # would rebuild ``bookings`` and drop its overlap triggers.
    op.add_column("bookings", sa.Column("import_key", sa.String(300), nullable=True))
    op.create_index("ix_bookings_import_key", "bookings", ["import_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_bookings_import_key", "bookings")
    op.drop_column("bookings", "import_key")
    op.drop_table("feed_tokens")
