"""Every row of every table of an office, as values that compare across SQLite and PostgreSQL.

Rows are read through the models' column types and ordered by primary key: times are aware UTC
instants (naive UTC text on SQLite, ``timestamptz`` on PostgreSQL), JSON columns are parsed
values, booleans are booleans, enumerations their string values. Only the tables and columns the
database has are read, so an older schema can be compared with the columns it had.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, inspect, select

from satellitkontor.storage.database import Database
from satellitkontor.storage.models import Base

Content = dict[str, list[dict[str, Any]]]


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        assert value.tzinfo is not None, "a naive time read from the database"
        return value.astimezone(UTC)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def read_content(conn: Connection, columns: dict[str, list[str]] | None = None) -> Content:
    """``columns``: read only these columns of these tables (default: everything there is)."""
    meta = inspect(conn)
    names = set(meta.get_table_names())
    out: Content = {}
    for table in Base.metadata.sorted_tables:
        if table.name not in names or (columns is not None and table.name not in columns):
            continue
        have = {c["name"] for c in meta.get_columns(table.name)}
        wanted = columns[table.name] if columns is not None else [c.name for c in table.columns]
        assert set(wanted) <= have, f"{table.name} lost columns: {sorted(set(wanted) - have)}"
        cols = [table.c[name] for name in wanted]
        rows = conn.execute(select(*cols).order_by(*table.primary_key.columns))
        out[table.name] = [{k: _value(v) for k, v in row._mapping.items()} for row in rows]
    return out


def content(db: Database, columns: dict[str, list[str]] | None = None) -> Content:
    with db.connect() as conn, conn.begin():
        return read_content(conn, columns)


def schema_columns(db: Database) -> dict[str, list[str]]:
    """The columns of every model table the database has (for an older schema: the older ones)."""
    with db.connect() as conn:
        meta = inspect(conn)
        names = set(meta.get_table_names())
        return {
            t.name: [c.name for c in t.columns if c.name in {x["name"] for x in meta.get_columns(t.name)}]
            for t in Base.metadata.sorted_tables
            if t.name in names
        }


def differences(a: Content, b: Content) -> list[str]:
    """Readable differences, table by table and row by row (empty when equal)."""
    out = []
    for table in sorted(set(a) | set(b)):
        ra, rb = a.get(table), b.get(table)
        if ra is None or rb is None:
            out.append(f"{table}: only in {'first' if rb is None else 'second'}")
            continue
        if len(ra) != len(rb):
            out.append(f"{table}: {len(ra)} rows vs {len(rb)}")
        for x, y in zip(ra, rb, strict=False):
            if x != y:
                diff = {k: (x.get(k), y.get(k)) for k in set(x) | set(y) if x.get(k) != y.get(k)}
                out.append(f"{table}: {diff}")
                break
    return out
