"""Notices by e-mail (issue 19): ``notice_outbox`` and ``notice_prefs``.

``notice_outbox`` holds one mail to send to one person about one of her bookings (confirmed,
changed, cancelled, released as a no-show, a reminder, a waitlist offer). It is written in the
same transaction as the booking change (services/notices/queue.py), like ``exchange_outbox``: a
mail server that is down loses nothing. ``payload`` freezes what the mail says (place, times,
title, reason) at the moment of the change, so a later change does not rewrite an earlier
notice; ``sequence`` is the booking's SEQUENCE then (the calendar's order of updates).
``booking_id`` is NULL for a waitlist offer of a place not booked yet; ``booking_uid`` is then
the uid the booking will get. ``status`` is ``pending``, ``sent``, ``skipped`` (the person does
not want this kind, or has no address), ``uncertain`` (the server may have taken it but its
answer was lost: never sent again on its own, see services/notices/sender.py) or ``given_up``.

``notice_prefs`` is one person's choices; a NULL column follows the office's defaults (the
``notices`` setting, which also holds the sender address and the SMTP server; the SMTP password
lives in the keyring or the environment, never here).

Row-level security (PostgreSQL; migration 0007's style): a user may *queue* a notice about her
own booking (the INSERT of a cancel she makes) but reads only notices to herself; the
receptionist and the admin run the sender (read and update all). Prefs: each person reads and
writes her own row; staff read all (the sender), admins write all. ``db upgrade`` grants the
privileges named in storage/pg_roles.py.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

ME = "(SELECT satellitkontor_person_id())"
STAFF = "(SELECT satellitkontor_is_staff())"
ADMIN = "(SELECT satellitkontor_is_admin())"
OWN_BOOKING = (
    f"(booking_id IN (SELECT b.id FROM bookings b WHERE b.person_id = {ME} OR b.created_by_id = {ME}))"
)

POLICIES: dict[str, tuple[tuple[str, str, str | None, str | None], ...]] = {
    "notice_outbox": (
        ("read", "SELECT", f"{STAFF} OR person_id = {ME}", None),
        ("queue", "INSERT", None, f"{STAFF} OR person_id = {ME} OR {OWN_BOOKING}"),
        ("send", "ALL", STAFF, STAFF),
    ),
    "notice_prefs": (
        ("read", "SELECT", f"{STAFF} OR person_id = {ME}", None),
        ("own", "ALL", f"person_id = {ME}", f"person_id = {ME}"),
    ),
}

KINDS = "'confirmed', 'changed', 'cancelled', 'released', 'reminder', 'waitlist_offer'"
STATUSES = "'pending', 'sent', 'skipped', 'uncertain', 'given_up'"


def upgrade() -> None:
    op.create_table(
        "notice_outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("booking_id", sa.Integer, sa.ForeignKey("bookings.id", ondelete="CASCADE")),
        sa.Column("booking_uid", sa.String(64), nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("by_other", sa.Boolean, nullable=False),
        sa.Column("reason", sa.String(200)),
        sa.Column("payload", sa.Text),
        sa.Column("offer_until", sa.DateTime(timezone=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True)),
        sa.Column("message_id", sa.String(200)),
        sa.Column("last_error_code", sa.String(64)),
        sa.Column("last_error_text", sa.Text),
        sa.CheckConstraint(f"kind IN ({KINDS})", name="ck_notice_outbox_kind"),
        sa.CheckConstraint(f"status IN ({STATUSES})", name="ck_notice_outbox_status"),
    )
    op.create_index("ix_notice_outbox_due", "notice_outbox", ["status", "next_attempt_at"])
    op.create_index("ix_notice_outbox_booking", "notice_outbox", ["booking_id"])
    op.create_index("ix_notice_outbox_person", "notice_outbox", ["person_id"])
    op.create_table(
        "notice_prefs",
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("people.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("language", sa.String(8)),
        sa.Column("confirmations", sa.Boolean),
        sa.Column("by_others", sa.Boolean),
        sa.Column("reminders", sa.Boolean),
        sa.Column("waitlist", sa.Boolean),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, policies in POLICIES.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_admin ON {table} FOR ALL USING ({ADMIN}) WITH CHECK ({ADMIN})")
        for name, command, using, check in policies:
            clause = f"CREATE POLICY {table}_{name} ON {table} FOR {command}"
            if using is not None:
                clause += f" USING ({using})"
            if check is not None:
                clause += f" WITH CHECK ({check})"
            op.execute(clause)


def downgrade() -> None:
    op.drop_table("notice_prefs")
    op.drop_table("notice_outbox")
