"""SQLite's search index of the audit trail (migration 0019) and its rebuild after personal data
was removed (issue 18).

The audit page's free text (storage/queries/audit.py) matches an entry's own text: who did it as
written, the entity's id, before and after. On SQLite an FTS5 table (:data:`TABLE`) holds the
three-letter pieces of those four columns (``tokenize='trigram'``, ``detail='none'``: only which
entries hold a piece, not where), with the audit trail as its external content, kept by
triggers on ``audit_log``. It only narrows the entries to those that can match; the search's own
comparison decides, so what is found is exactly what a full scan found.

Decisions and reasons:

- **Removed text must leave the file.** Retention and erasure blank names in entries; FTS5
  records such a change as a deletion in a newer segment and keeps the old pieces in the older
  segment until the two are merged. Merging in short steps (``'merge', -N``) while another
  process writes broke the index on SQLite 3.40.1 (tests/benchmarks/fts5_merge_check.py), and
  ``optimize`` holds the write lock for seconds. ``secure-delete`` (SQLite >= 3.42) would remove
  the pieces at once, but the app's SQLite is the system's (3.40.1 on Debian 12) and changing
  the driver was not worth it for this. So after a removal the index is **built anew** beside
  the old one (:data:`NEXT`), a short transaction at a time (:func:`fill`), swapped in by
  renaming (:func:`swap`), and the old one's pages deleted a few at a time (:func:`drop_old`)
  with ``secure_delete`` on, so they are overwritten with zeros. Only plain inserts ever reach
  FTS5 this way. Every connection has ``secure_delete`` on (storage/database.py): FTS5 merges
  segments in whichever transaction writes, and the pages it frees may hold removed pieces.
- **Changes during a rebuild.** New entries get ids above every copied one, so :func:`fill`
  and :func:`swap` take them too. An entry already copied that changes meanwhile (another PC's
  erasure) is changed in :data:`NEXT` by a trigger that only exists during the rebuild. The
  copied range is kept in :data:`PROGRESS`, so a rebuild cut short (the app closed) goes on
  where it stopped, and two PCs rebuilding at once share the work instead of doubling it.
- Without FTS5 in the SQLite at hand (it is in Python's own builds), migration 0019 makes no
  index and the search compares every entry, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

#: The index in use (storage/queries/audit.py reads it).
TABLE = "audit_search"
#: The index being built after a removal.
NEXT = "audit_search_next"
#: The index replaced by the last rebuild, being emptied.
OLD = "audit_search_old"
#: How far the rebuild has copied (one row: the highest entry id copied).
PROGRESS = "audit_search_progress"
#: The audit trail's columns in the index, in its order.
COLUMNS = ("actor_name", "entity_id", "before", "after")

_COLS = ", ".join(f'"{c}"' for c in COLUMNS)


def _values(row: str) -> str:
    return ", ".join(f'{row}."{c}"' for c in COLUMNS)


def create_sql(name: str) -> str:
    return (
        f"CREATE VIRTUAL TABLE {name} USING fts5({_COLS}, content='audit_log', content_rowid='id', "
        "tokenize='trigram', detail='none', columnsize=0)"
    )


def _delete(name: str) -> str:
    return f"INSERT INTO {name}({name}, rowid, {_COLS}) VALUES ('delete', old.id, {_values('old')});"


def _insert(name: str) -> str:
    return f"INSERT INTO {name}(rowid, {_COLS}) VALUES (new.id, {_values('new')});"


def triggers_sql(name: str = TABLE) -> list[str]:
    """The triggers that keep the index ``name`` in step with ``audit_log``."""
    return [
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON audit_log BEGIN {_insert(name)} END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF {_COLS} ON audit_log "
        f"BEGIN {_delete(name)} {_insert(name)} END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON audit_log BEGIN {_delete(name)} END",
    ]


def _next_trigger_sql() -> str:
    return (
        f"CREATE TRIGGER {NEXT}_update AFTER UPDATE OF {_COLS} ON audit_log "
        f"WHEN old.id <= (SELECT upto FROM {PROGRESS}) BEGIN {_delete(NEXT)} {_insert(NEXT)} END"
    )


def _exists(s: Session | Connection, name: str) -> bool:
    found = s.execute(text("SELECT 1 FROM sqlite_master WHERE name = :n"), {"n": name}).first()
    return found is not None


def has_index(s: Session) -> bool:
    return s.get_bind().dialect.name == "sqlite" and _exists(s, TABLE)


def rebuilding(s: Session) -> bool:
    """Whether a rebuild was started and not finished (or its old index not yet emptied)."""
    return _exists(s, NEXT) or _exists(s, OLD)


def present(s: Session) -> bool:
    """Whether this database has the index, in use or being rebuilt (SQLite with FTS5)."""
    return s.get_bind().dialect.name == "sqlite" and (_exists(s, TABLE) or rebuilding(s))


def set_aside(s: Session) -> None:
    """Stop keeping the index and put it where :func:`drop_old` deletes it (call when no old
    index is left): searches compare every entry until :func:`swap` brings a new one."""
    if not _exists(s, TABLE) or _exists(s, OLD):
        return
    for trigger in ("insert", "update", "delete"):
        s.execute(text(f"DROP TRIGGER IF EXISTS {TABLE}_{trigger}"))
    s.execute(text(f"ALTER TABLE {TABLE} RENAME TO {OLD}"))


def start(s: Session) -> None:
    """Begin a rebuild (or go on with one already begun)."""
    if _exists(s, NEXT):
        return
    s.execute(text(create_sql(NEXT)))
    s.execute(text(f"CREATE TABLE {PROGRESS} (upto INTEGER NOT NULL)"))
    s.execute(text(f"INSERT INTO {PROGRESS} (upto) VALUES (0)"))
    s.execute(text(_next_trigger_sql()))


def fill(s: Session, size: int) -> int:
    """Copy up to ``size`` more entries into the new index; how many were copied."""
    if not _exists(s, NEXT):
        return 0
    upto = int(s.execute(text(f"SELECT upto FROM {PROGRESS}")).scalar_one())
    last = s.execute(
        text("SELECT max(id) FROM (SELECT id FROM audit_log WHERE id > :upto ORDER BY id LIMIT :n)"),
        {"upto": upto, "n": size},
    ).scalar()
    if last is None:
        return 0
    done = s.execute(  # type: ignore[attr-defined]
        text(
            f"INSERT INTO {NEXT}(rowid, {_COLS}) SELECT id, {_COLS} FROM audit_log "
            "WHERE id > :upto AND id <= :last"
        ),
        {"upto": upto, "last": last},
    ).rowcount
    s.execute(text(f"UPDATE {PROGRESS} SET upto = :last"), {"last": last})
    return int(done)


def swap(s: Session) -> None:
    """Copy what is left and put the new index in the old one's place (call when :func:`fill`
    copied nothing; the old one is then emptied by :func:`drop_old`)."""
    if not _exists(s, NEXT):
        return
    while fill(s, 10_000):
        pass
    for name in (TABLE, NEXT):
        for trigger in ("insert", "update", "delete"):
            s.execute(text(f"DROP TRIGGER IF EXISTS {name}_{trigger}"))
    s.execute(text(f"DROP TABLE {PROGRESS}"))
    if _exists(s, TABLE):
        s.execute(text(f"ALTER TABLE {TABLE} RENAME TO {OLD}"))
    s.execute(text(f"ALTER TABLE {NEXT} RENAME TO {TABLE}"))
    for statement in triggers_sql(TABLE):
        s.execute(text(statement))


def drop_old(s: Session, size: int) -> int:
    """Delete up to ``size`` of the old index's pages (its segments: all but the two records
    that FTS5 needs to drop the table, which hold no text); when none are left, drop it. How
    many were deleted (0: it is gone)."""
    if not _exists(s, OLD):
        return 0
    done = s.execute(  # type: ignore[attr-defined]
        text(f"DELETE FROM {OLD}_data WHERE id IN (SELECT id FROM {OLD}_data WHERE id > 10 LIMIT :n)"),
        {"n": size},
    ).rowcount
    if not done:
        s.execute(text(f"DROP TABLE {OLD}"))
    return int(done)


def clear(s: Session | Connection) -> None:
    """Empty the index, inside the transaction that empties ``audit_log`` past its triggers (a
    restore, storage/table_copy.py): the rows inserted afterwards fill it again through the
    triggers. A rebuild under way is given up (its tables go); an index set aside by retention
    is made anew, empty."""

    if not any(_exists(s, name) for name in (TABLE, NEXT, OLD)):
        return  # no FTS5 here
    s.execute(text(f"DROP TRIGGER IF EXISTS {NEXT}_update"))
    for name in (NEXT, OLD, PROGRESS):
        s.execute(text(f"DROP TABLE IF EXISTS {name}"))
    if _exists(s, TABLE):
        s.execute(text(f"INSERT INTO {TABLE}({TABLE}) VALUES ('delete-all')"))
        return
    s.execute(text(create_sql(TABLE)))
    for statement in triggers_sql(TABLE):
        s.execute(text(statement))


@contextmanager
def filled_at_once(conn: Connection) -> Iterator[None]:
    """Entries inserted into ``audit_log`` inside enter the index in one ``rebuild`` at the end,
    not one by one through the insert trigger (a backup from PostgreSQL or a restore into
    SQLite copies the whole trail): 130,000 entries took 10.2 s through the trigger and 2.3 s
    with the rebuild, 1.4 s of it the rows themselves. The caller's transaction holds both, so
    a failure in between leaves the trigger as it was."""
    if conn.dialect.name != "sqlite" or not _exists(conn, f"{TABLE}_insert"):
        yield
        return
    conn.execute(text(f"DROP TRIGGER {TABLE}_insert"))
    yield
    conn.execute(text(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')"))
    conn.execute(text(triggers_sql(TABLE)[0]))


def is_index_table(name: str) -> bool:
    """Whether ``name`` is the search index or one of FTS5's own tables of it (derived from
    ``audit_log``: not part of a backup's checksum)."""
    return name.startswith(TABLE)
