"""Exchange sync: the outbox, the links between bookings and Exchange events, the sync state.

- ``exchange_outbox``: one row per booking change to write to Exchange, added in the same
  transaction as the booking (services/exchange/outbox.py), so a booking is never made without
  its push being remembered. Rows stay after they are done (``done_at``) until the booking goes;
  failures keep the row with ``attempts``, ``next_attempt_at`` and the last error (code + the
  Swedish sentence the receptionist reads).
- ``exchange_links``: which Exchange event a booking is (mailbox, item id, change key, iCalendar
  UID, the room's copy), the room's answer and where the booking was made (app or outlook).
- ``exchange_sync_state``: the cursor of each pulled mailbox and the last successful runs.

New tables only: ``bookings`` is not rebuilt (a SQLite table rebuild would drop its triggers).
Both reference ``bookings`` with ON DELETE CASCADE: a booking removed removes its sync rows.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("booking_id", sa.Integer, sa.ForeignKey("bookings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("operation", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error_code", sa.String(64)),
        sa.Column("last_error_text", sa.Text),
        sa.Column("done_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint("operation IN ('upsert', 'cancel')", name="ck_exchange_outbox_operation"),
    )
    op.create_index("ix_exchange_outbox_due", "exchange_outbox", ["done_at", "next_attempt_at"])
    op.create_index("ix_exchange_outbox_booking", "exchange_outbox", ["booking_id"])
    op.create_table(
        "exchange_links",
        sa.Column(
            "booking_id",
            sa.Integer,
            sa.ForeignKey("bookings.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("mailbox", sa.String(254), nullable=False),
        sa.Column("remote_id", sa.String(512)),
        sa.Column("change_key", sa.String(512)),
        sa.Column("ical_uid", sa.String(512)),
        sa.Column("room_copy_id", sa.String(512)),
        sa.Column("synced_sequence", sa.Integer, nullable=False),
        sa.Column("room_response", sa.String(16), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint(
            "room_response IN ('accepted', 'declined', 'tentative', 'none')",
            name="ck_exchange_links_room_response",
        ),
        sa.CheckConstraint("origin IN ('app', 'outlook')", name="ck_exchange_links_origin"),
    )
    op.create_index("ix_exchange_links_remote", "exchange_links", ["remote_id"])
    op.create_index("ix_exchange_links_room_copy", "exchange_links", ["room_copy_id"])
    op.create_index("ix_exchange_links_ical_uid", "exchange_links", ["ical_uid"])
    op.create_table(
        "exchange_sync_state",
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("cursor", sa.Text),
        sa.Column("last_success_at", sa.DateTime(timezone=True)),
        sa.Column("last_attempt_at", sa.DateTime(timezone=True)),
        sa.Column("last_error_code", sa.String(64)),
        sa.Column("last_error_text", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("exchange_sync_state")
    op.drop_table("exchange_links")
    op.drop_table("exchange_outbox")
