"""Column types shared by the models (storage/models.py) and the Core tables (storage/light_tables.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Enum, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC.

    PostgreSQL keeps ``timestamptz``; SQLite has no time zones, so the value is stored as naive
    UTC text (``YYYY-MM-DD HH:MM:SS.ffffff``), which sorts and compares correctly as text.
    Reading always gives an aware UTC datetime. A naive datetime is refused: it would be
    ambiguous.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        """SQLite: the stored text read as an aware UTC datetime in one step. SQLAlchemy's own
        way parses it (``datetime.fromisoformat``) and then calls ``process_result_value``,
        whose ``replace(tzinfo=…)`` alone cost six times the parse: reading the 3,700 bookings
        of an office feed spent 30 of its 36 ms on their 15,000 times (issue 18)."""
        if dialect.name == "sqlite":
            return _utc_from_sqlite
        return super().result_processor(dialect, coltype)


def _utc_from_sqlite(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = _from_iso(value + "+00:00")  # naive UTC text, as the column writes it
    except ValueError:  # text with an offset of its own (not written by us)
        parsed = _from_iso(value)
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    # (a date alone takes no offset: Python 3.11 reads "2026-12-07+00:00" as a naive midnight)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


_from_iso = datetime.fromisoformat


class JSONText(TypeDecorator[Any]):
    """JSON kept as text on every database (small values: equipment lists, settings)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        return None if value is None else json.loads(value)


class _Values(dict[Any, Any]):
    """A stored value's member; an unknown value (written past the CHECK, by hand) is refused in
    words, as SQLAlchemy's own Enum refuses it."""

    def __init__(self, lookup: dict[Any, Any], name: str | None) -> None:
        super().__init__(lookup)
        self.name = name

    def __missing__(self, key: Any) -> Any:
        raise LookupError(f"{key!r} is not among the defined enum values. Enum name: {self.name}.")


class StoredEnum(Enum):
    """SQLAlchemy's ``Enum`` (not native), read through one dictionary look-up in C. Its own
    reading makes two Python calls per value: the three enumerations of each of an office feed's
    3,300 bookings took a fifth of its query's time (issue 18)."""

    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        if super(Enum, self).result_processor(dialect, coltype) is not None:  # a driver's own
            return super().result_processor(dialect, coltype)  # type: ignore[no-untyped-call]
        return _Values(self._object_lookup, self.name).__getitem__


def enum_type(cls: type, name: str) -> Enum:
    """An enumeration stored as a short string (see storage/models.py). Its CHECK constraint is the
    migrations' (0001's ``_enum``): declared here as well it would only be built, never used (the
    app creates no table from the models), at about a tenth of the models' import (issue 18).
    ``validate_strings`` still refuses an unknown value before it reaches the database."""
    return StoredEnum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=16,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )
