"""The audit trail: who changed what, when, and what it was before and after.

``audit_log`` is append-only for everything that says *what happened* (when, which action, on
which entity): the database refuses to delete a row or to change those columns, whoever asks
(triggers on SQLite and on PostgreSQL). Only the columns that hold personal data (the actor's and
subject's ids, the actor's name as it was, the before/after values) may still be changed, so that
retention and a person's erasure can remove names and e-mail addresses while the trail of what
happened stays.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: Columns that say what happened; never changed once written.
FIXED = ("id", "at", "action", "entity", "entity_id")


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.Column("actor_name", sa.String(200), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=True),
        sa.Column("subject_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL")),
        sa.Column("before", sa.Text, nullable=True),
        sa.Column("after", sa.Text, nullable=True),
        sa.Column("anonymized_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_entity", "audit_log", ["entity", "entity_id"])
    op.create_index("ix_audit_log_subject", "audit_log", ["subject_id"])
    op.create_index("ix_audit_log_actor", "audit_log", ["actor_id"])
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in FIXED)
    if op.get_bind().dialect.name == "postgresql":
        changed_pg = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in FIXED)
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'audit_log_append_only'; END IF; "
            f"IF {changed_pg} THEN RAISE EXCEPTION 'audit_log_append_only'; END IF; "
            "RETURN NEW; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
    else:
        op.execute(
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log_append_only'); END"
        )
        op.execute(
            f"CREATE TRIGGER audit_log_no_rewrite BEFORE UPDATE ON audit_log WHEN {changed} "
            "BEGIN SELECT RAISE(ABORT, 'audit_log_append_only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    op.drop_table("audit_log")
