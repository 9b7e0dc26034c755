"""The audit trail's text search through indexes (issue 18).

- ``audit_search`` (SQLite, when its FTS5 is there): an FTS5 index of three-letter pieces of an
  entry's own text (who did it as written, the entity's id, before and after), with
  ``audit_log`` as its content, kept by triggers, and filled here from the entries there are
  (one transaction: about 8 s for 534,000 entries on a busy machine, once). How it is used and
  why it is rebuilt after a removal instead of merged: storage/queries/audit_search.py. The
  statements are copied here as they were at this revision.
- ``ix_audit_log_action`` (both databases): the search also finds the entries whose action's
  words contain the text ("avbokad"), which without an index was a scan of the whole trail.
- ``ix_audit_log_subject`` on (subject_id, id), was (subject_id): the search's count of the
  entries about the people a text names, up to the list's newest entry, reads the index alone
  on PostgreSQL instead of fetching every such entry to compare its id (28,578 entries from
  26,238 pages in a 20-year office; that count went from 87-118 to 61-74 ms). SQLite's index
  held the id already (the rowid); it is made anew the same way.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlite3

from alembic import op
from sqlalchemy import text

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_COLS = '"actor_name", "entity_id", "before", "after"'


def _values(row: str) -> str:
    return ", ".join(f'{row}."{c}"' for c in ("actor_name", "entity_id", "before", "after"))


_DELETE = (
    f"INSERT INTO audit_search(audit_search, rowid, {_COLS}) VALUES ('delete', old.id, {_values('old')});"
)
_INSERT = f"INSERT INTO audit_search(rowid, {_COLS}) VALUES (new.id, {_values('new')});"
_SEARCH = [
    f"CREATE VIRTUAL TABLE audit_search USING fts5({_COLS}, content='audit_log', content_rowid='id', "
    "tokenize='trigram', detail='none', columnsize=0)",
    f"CREATE TRIGGER audit_search_insert AFTER INSERT ON audit_log BEGIN {_INSERT} END",
    f"CREATE TRIGGER audit_search_update AFTER UPDATE OF {_COLS} ON audit_log BEGIN {_DELETE} {_INSERT} END",
    f"CREATE TRIGGER audit_search_delete AFTER DELETE ON audit_log BEGIN {_DELETE} END",
    "INSERT INTO audit_search(audit_search) VALUES ('rebuild')",
]


def _has_fts5_trigram() -> bool:
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
        return True
    except sqlite3.Error:
        return False
    finally:
        probe.close()


def upgrade() -> None:
    op.create_index("ix_audit_log_action", "audit_log", ["action"])
    op.drop_index("ix_audit_log_subject", "audit_log")
    op.create_index("ix_audit_log_subject", "audit_log", ["subject_id", "id"])
    if op.get_bind().dialect.name == "sqlite" and _has_fts5_trigram():
        for statement in _SEARCH:
            op.execute(text(statement))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "update", "delete"):
            op.execute(text(f"DROP TRIGGER IF EXISTS audit_search_{trigger}"))
        op.execute(text("DROP TABLE IF EXISTS audit_search"))
    op.drop_index("ix_audit_log_subject", "audit_log")
    op.create_index("ix_audit_log_subject", "audit_log", ["subject_id"])
    op.drop_index("ix_audit_log_action", "audit_log")
