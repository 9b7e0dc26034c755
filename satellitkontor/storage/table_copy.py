"""Copying every table of the models between two connections, for backup and restore
(storage/backup.py decides when and in which transaction): the schema, the rows in batches in
primary-key order, clearing and locking the target's tables, and PostgreSQL's sequences after.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import nullcontext
from typing import Any

from sqlalchemy import Column, Connection, Table, func, insert, inspect, select, text
from sqlalchemy.exc import DBAPIError

from satellitkontor.storage import schema
from satellitkontor.storage.models import Base
from satellitkontor.storage.queries import audit_search

#: Rows read and written per batch.
BATCH = 2000
#: ``progress(rows_done, rows_in_all)``, called after every batch.
Progress = Callable[[int, int], None]

__all__ = [
    "BATCH",
    "Progress",
    "clear_tables",
    "copy_plan",
    "copy_rows",
    "create_schema",
    "lock_tables",
    "replace_rows",
    "reset_sequences",
]


def create_schema(conn: Connection) -> None:
    """The newest schema, by the migrations, inside the caller's transaction."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(schema.MIGRATIONS))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


# --- copying rows (also used by the upgrade tests to load an older schema's rows) ------------------
def replace_rows(
    source: Connection, target: Connection, *, progress: Progress | None = None
) -> dict[str, int]:
    """Make the target's tables hold exactly the source's rows: empty them, copy, set sequences.

    Both connections must be inside a transaction (the target's a writing one). Tables and
    columns are those both databases have, so two databases at the same older revision work too.
    """
    clear_tables(target)
    rows = copy_rows(source, target, progress=progress)
    reset_sequences(target)
    return rows


def copy_plan(source: Connection, target: Connection) -> list[tuple[Table, list[Column[Any]]]]:
    """The tables both databases have, in foreign-key order, each with the columns both have."""
    src, dst = inspect(source), inspect(target)
    common = set(src.get_table_names()) & set(dst.get_table_names())
    plan: list[tuple[Table, list[Column[Any]]]] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in common:
            continue
        names = {c["name"] for c in src.get_columns(table.name)} & {
            c["name"] for c in dst.get_columns(table.name)
        }
        plan.append((table, [c for c in table.columns if c.name in names]))
    return plan


def copy_rows(source: Connection, target: Connection, *, progress: Progress | None = None) -> dict[str, int]:
    """Insert every row of the source into the (empty) target, table by table, in batches.

    Values go through the models' column types: times are instants (naive UTC text on SQLite,
    ``timestamptz`` on PostgreSQL), JSON is parsed and written again, booleans stay booleans.
    """
    plan = copy_plan(source, target)
    counts = {t.name: int(source.scalar(select(func.count()).select_from(t)) or 0) for t, _ in plan}
    total, done = sum(counts.values()), 0
    if progress is not None:
        progress(0, total)
    for table, columns in plan:
        if not counts[table.name]:
            continue
        stmt = select(*columns).order_by(*table.primary_key.columns).execution_options(yield_per=BATCH)
        with audit_search.filled_at_once(target) if table.name == "audit_log" else nullcontext():
            for part in source.execute(stmt).partitions():
                _insert(target, table, columns, part)
                done += len(part)
                if progress is not None:
                    progress(done, total)
    return counts


def _insert(conn: Connection, table: Table, columns: list[Column[Any]], rows: Sequence[Any]) -> None:
    """PostgreSQL with psycopg: COPY, three times faster than one INSERT per row (a restore of
    some 70,000 rows: 13 s row by row); values go through the columns' own bind processing
    first, as an INSERT would. Elsewhere: one executemany of an INSERT."""
    if conn.dialect.name != "postgresql" or conn.dialect.driver != "psycopg":
        conn.execute(insert(table), [dict(row._mapping) for row in rows])
        return
    quote = conn.dialect.identifier_preparer.quote
    processors = [c.type.bind_processor(conn.dialect) for c in columns]
    sql = f"COPY {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) FROM STDIN"
    raw: Any = conn.connection.dbapi_connection
    driver_error = conn.dialect.loaded_dbapi.Error
    try:
        with raw.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row([v if p is None else p(v) for v, p in zip(row, processors, strict=True)])
    except driver_error as exc:  # as SQLAlchemy would have raised it for an INSERT
        raise DBAPIError.instance(sql, None, exc, driver_error) from exc


def _existing_tables(conn: Connection) -> list[Table]:
    names = set(inspect(conn).get_table_names())
    return [t for t in Base.metadata.sorted_tables if t.name in names]


def clear_tables(conn: Connection) -> None:
    """Remove every row of our tables, past the audit trail's refusal to DELETE (docstring)."""
    tables = _existing_tables(conn)
    quote = conn.dialect.identifier_preparer.quote
    if conn.dialect.name == "postgresql":
        if tables:
            conn.exec_driver_sql("TRUNCATE TABLE " + ", ".join(quote(t.name) for t in tables))
        return
    for table in reversed(tables):
        triggers = conn.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"),
            {"t": table.name},
        ).all()
        for name, _sql in triggers:
            conn.exec_driver_sql(f"DROP TRIGGER {quote(name)}")
        conn.execute(table.delete())
        if table.name == "audit_log":  # its search index was kept by the triggers just dropped
            audit_search.clear(conn)
        for _name, sql in triggers:
            conn.exec_driver_sql(sql)


def lock_tables(conn: Connection) -> None:
    """PostgreSQL: nobody writes (or reads half a restore) until the transaction ends. SQLite's
    BEGIN IMMEDIATE already holds the database's write lock."""
    if conn.dialect.name != "postgresql":
        return
    tables = _existing_tables(conn)
    if tables:
        quote = conn.dialect.identifier_preparer.quote
        conn.exec_driver_sql(
            f"LOCK TABLE {', '.join(quote(t.name) for t in tables)} IN ACCESS EXCLUSIVE MODE"
        )


def reset_sequences(conn: Connection) -> None:
    """PostgreSQL: the next id of every serial column comes after the highest one restored."""
    if conn.dialect.name != "postgresql":
        return
    quote = conn.dialect.identifier_preparer.quote
    for table in _existing_tables(conn):
        column = table.autoincrement_column
        if column is None:
            continue
        sequence = conn.scalar(
            text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
        )
        if sequence is None:
            continue
        conn.execute(
            text(
                f"SELECT setval(:s, COALESCE((SELECT MAX({quote(column.name)}) FROM {quote(table.name)}), 0) + 1, false)"
            ),
            {"s": sequence},
        )
