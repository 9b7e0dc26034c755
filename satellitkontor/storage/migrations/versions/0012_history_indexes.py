"""Indexes that keep an office with a long history as quick as a new one (issue 18).

- ``ix_bookings_created_by``: retention's "people no longer named" asks, per person, whether a
  booking names them as its booker; without it PostgreSQL scanned ``bookings`` once per person.
- ``ix_bookings_named_start``: the bookings that still name someone (a person, a booker or a
  title, an Outlook organiser's address), by start, with the person, municipality, kind and status. Retention finds what is
  older than its cut-off and still named through it (after the first run that is the last month
  only, not twenty years of anonymous bookings), and reads a year's distinct people from the
  index alone (services/privacy/people_counts.py: 0.2-0.4 s per month of a 5-year office on a
  busy machine when read from the table, holding the write lock).
- ``ix_audit_log_named_at``: the audit entries not yet made anonymous, by time, for the same
  reason.
- ``ix_audit_log_search`` (PostgreSQL, when the server has ``pg_trgm``; it is a trusted extension,
  so the database's owner may create it): a GIN index of three-letter pieces of an entry's own
  text (who did it as written, the entity's id, before and after), lower-cased, for the audit
  page's free text (storage/queries/audit.py, "Search index"). Without it the search still
  works, by a full scan. SQLite gets no such index yet: an FTS5 index keeps the pieces of a
  text that retention removed in its segments until they are merged, and that merge has to be
  fitted into retention's short transactions first.

Both partial indexes are small in an office that runs retention: they hold only what retention
has still to do and what is younger than its limit. After the indexes are made the tables are
analysed (SQLite: ``ANALYZE`` with a row limit; PostgreSQL: ``ANALYZE``), so that the planner
knows the sizes at once (storage/schema.py analyses after every upgrade, and SQLite connections
run ``PRAGMA optimize`` when they close, storage/database.py).

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0009"
branch_labels = None
depends_on = None

NAMED_BOOKING = (
    "person_id IS NOT NULL OR created_by_id IS NOT NULL OR title IS NOT NULL OR guest_email IS NOT NULL"
)
NAMED_ENTRY = "anonymized_at IS NULL"
#: storage/queries/audit.py PG_SEARCH_TEXT, word for word (PostgreSQL matches the expression).
PG_SEARCH_TEXT = (
    "lower(coalesce(actor_name, '') || ' ' || coalesce(entity_id, '') || ' ' || "
    "coalesce(before, '') || ' ' || coalesce(after, ''))"
)


def upgrade() -> None:
    op.create_index("ix_bookings_created_by", "bookings", ["created_by_id"])
    op.create_index(
        "ix_bookings_named_start",
        "bookings",
        ["start_at", "person_id", "municipality_code", "person_kind", "status"],
        sqlite_where=sa.text(NAMED_BOOKING),
        postgresql_where=sa.text(NAMED_BOOKING),
    )
    op.create_index(
        "ix_audit_log_named_at",
        "audit_log",
        ["at"],
        sqlite_where=sa.text(NAMED_ENTRY),
        postgresql_where=sa.text(NAMED_ENTRY),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_search()


def _postgresql_search() -> None:
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).first() is None:
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(f"CREATE INDEX ix_audit_log_search ON audit_log USING gin (({PG_SEARCH_TEXT}) gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_audit_log_search")
    op.drop_index("ix_audit_log_named_at", "audit_log")
    op.drop_index("ix_bookings_named_start", "bookings")
    op.drop_index("ix_bookings_created_by", "bookings")
