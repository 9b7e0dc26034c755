"""Reading the audit trail: the entries that match a filter, newest first, a page at a time.

Decisions and reasons:

- **Stable pages.** The newest entry's id when a list is opened (``upto_id``) caps every later
  page of that list: entries written meanwhile do not push rows from one page to the next, and
  since nothing is ever deleted from ``audit_log`` (migration 0003) an offset under that cap
  always points at the same entry. The CSV export reads in pages the same way.
- **Free text** is matched without regard to case against the actor's name as written, the
  person the entry is about (name and e-mail), the entity's id, the before/after values, and
  the current name of the desk, room or person the entry is about (a booking's place too), so
  "Plats 3" finds its cancellations although a cancel entry only holds the status. SQLite's own
  ``lower()`` and ``LIKE`` fold ASCII letters only, so "öberg" would miss "Öberg": on SQLite a
  text with other letters goes through a Python function registered on the connection
  (``sk_lower``), on PostgreSQL through ``lower()``, which knows Unicode. On SQLite an ASCII
  text uses ``LIKE`` as it is (case-blind for ASCII), and other texts are first narrowed by
  their longest ASCII part ("berg" of "öberg"): calling Python for every row made a search of
  100,000 entries (count and first page) take 1.8 s; this way it takes about 0.4 s.
- **Search index.** Matching every entry's text took about 1 s in a 20-year office (548,000
  entries; issue 18). On PostgreSQL the entry's own text (who did it as written, the entity's
  id, before and after) is in a ``pg_trgm`` GIN index of the lower-cased text (migration 0012,
  :data:`PG_SEARCH_TEXT`), which narrows the entries to those that can match; the comparison
  above still decides, so what is found is exactly what a full scan found. The person an entry
  is about is found by ``subject_id`` among the people whose name or address matches (an index
  lookup, and no join for the count). SQLite has no such index yet (migration 0012 says why):
  an FTS5 index keeps a scrubbed name in old segments until they are merged, and merging it in
  short steps while another process writes breaks the index on SQLite 3.40.1 ("database disk
  image is malformed"; the file itself stays sound): tests/benchmarks/fts5_merge_check.py shows
  it with the sqlite3 module alone (issue 18).
- The caller may add action codes whose *words* match the text (``text_actions``), so
  "avbokad" finds cancellations: the words live in the catalogue (words/), not in the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    cast,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from satellitkontor.storage.models import AuditRow, BookingRow, PersonRow, ResourceRow


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Which entries: every condition given must hold (None or empty: no condition)."""

    #: From this moment on (inclusive).
    since: datetime | None = None
    #: Before this moment (exclusive).
    until: datetime | None = None
    #: Any of these action codes.
    actions: tuple[str, ...] = ()
    entity: str | None = None
    actor_id: int | None = None
    subject_id: int | None = None
    #: Free text (see the module's notes).
    text: str | None = None
    #: Actions that count as a text match too (their words contain the text).
    text_actions: tuple[str, ...] = ()
    #: Only entries up to this id (see "Stable pages").
    upto_id: int | None = None


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One stored entry with the current name of the person it is about."""

    id: int
    at: datetime
    actor_id: int | None
    actor_name: str | None
    action: str
    entity: str
    entity_id: str | None
    subject_id: int | None
    subject_name: str | None
    before: Any
    after: Any
    anonymized_at: datetime | None


@dataclass(frozen=True, slots=True)
class BookingFacts:
    """What a booking entry's target line needs: the place and the time."""

    resource_name: str
    start: datetime
    end: datetime
    desk_period: str | None


class _lower(FunctionElement[str]):
    """``lower()`` that folds every letter, on SQLite too (see the module's notes)."""

    type = String()
    inherit_cache = True
    name = "sk_lower"


@compiles(_lower)
def _lower_default(element: _lower, compiler: SQLCompiler, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(_lower, "sqlite")
def _lower_sqlite(element: _lower, compiler: SQLCompiler, **kw: Any) -> str:
    return f"sk_lower({compiler.process(element.clauses, **kw)})"


def _py_lower(value: object) -> str | None:
    return None if value is None else str(value).lower()


def _prepare(s: Session) -> str:
    """Register ``sk_lower`` on this session's SQLite connection; the dialect's name."""
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        raw = conn.connection.driver_connection
        raw.create_function("sk_lower", 1, _py_lower, deterministic=True)  # type: ignore[union-attr]
    return conn.dialect.name


_Subject = aliased(PersonRow, name="subject")


def _conditions(f: AuditFilter, dialect: str) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if f.since is not None:
        conds.append(AuditRow.at >= f.since)
    if f.until is not None:
        conds.append(AuditRow.at < f.until)
    if f.actions:
        conds.append(AuditRow.action.in_(f.actions))
    if f.entity:
        conds.append(AuditRow.entity == f.entity)
    if f.actor_id is not None:
        conds.append(AuditRow.actor_id == f.actor_id)
    if f.subject_id is not None:
        conds.append(AuditRow.subject_id == f.subject_id)
    if f.upto_id is not None:
        conds.append(AuditRow.id <= f.upto_id)
    text = (f.text or "").strip().lower()
    if text:
        conds.append(_text_matches(text, f.text_actions, sqlite=dialect == "sqlite"))
    return conds


def _text_matches(text: str, actions: Sequence[str], *, sqlite: bool) -> ColumnElement[bool]:
    # On SQLite, LIKE alone for an ASCII text; else the longest ASCII part of it first (cheap,
    # and it rules most rows out), then the full fold.
    hint = max(re.findall(r"[\x00-\x7f]+", text), key=len, default="").strip() if sqlite else ""

    def has(column: Any) -> ColumnElement[bool]:
        plain = type_coerce(column, String)
        if sqlite and text.isascii():
            return plain.contains(text, autoescape=True)
        folded = _lower(column).contains(text, autoescape=True)
        return and_(plain.contains(hint, autoescape=True), folded) if len(hint) >= 2 else folded

    places = select(ResourceRow.id).where(has(ResourceRow.name))
    place_ids = select(cast(ResourceRow.id, String(64))).where(has(ResourceRow.name))
    people_ids = select(cast(PersonRow.id, String(64))).where(or_(has(PersonRow.name), has(PersonRow.email)))
    bookings_at_places = select(cast(BookingRow.id, String(64))).where(BookingRow.resource_id.in_(places))
    people = select(PersonRow.id).where(or_(has(PersonRow.name), has(PersonRow.email)))
    in_entry = or_(
        has(AuditRow.actor_name), has(AuditRow.entity_id), has(AuditRow.before), has(AuditRow.after)
    )
    found = [
        # The entry's own text: the search index narrows it to the entries that can match (an
        # index lookup), the exact comparison decides (see "Search index" in the notes).
        and_(_indexed(text), in_entry) if not sqlite and len(text) >= MIN_INDEXED else in_entry,
        AuditRow.subject_id.in_(people),
        and_(AuditRow.entity == "booking", AuditRow.entity_id.in_(bookings_at_places)),
        and_(AuditRow.entity == "resource", AuditRow.entity_id.in_(place_ids)),
        and_(AuditRow.entity == "person", AuditRow.entity_id.in_(people_ids)),
    ]
    if actions:
        found.append(AuditRow.action.in_(tuple(actions)))
    return or_(*found)


#: Shorter texts are not looked up in the search index (its pieces are three letters long).
MIN_INDEXED = 3
#: The text of an entry that PostgreSQL's trigram index holds (migration 0012), word for word.
PG_SEARCH_TEXT = (
    "lower(coalesce(actor_name, '') || ' ' || coalesce(entity_id, '') || ' ' || "
    "coalesce(before, '') || ' ' || coalesce(after, ''))"
)


def _indexed(text: str) -> ColumnElement[bool]:
    """PostgreSQL: entries whose own text may contain ``text``, found by the trigram index."""
    pattern = "%" + text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"
    return literal_column(PG_SEARCH_TEXT, String).like(pattern, escape="/")


def _base(columns: Sequence[Any], f: AuditFilter, dialect: str) -> Select[Any]:
    joined = select(*columns).outerjoin(_Subject, _Subject.id == AuditRow.subject_id)
    return joined.where(*_conditions(f, dialect))


def count(s: Session, f: AuditFilter) -> int:
    """How many entries match ``f``. Without a condition but ``upto_id`` (the list as it opens)
    this is every entry less the newer ones: SQLite counts the whole table from its smallest
    index, not its rows, and the newer ones are a seek."""
    dialect = _prepare(s)
    if f == AuditFilter(upto_id=f.upto_id):
        every = int(s.scalar(select(func.count()).select_from(AuditRow)) or 0)
        if f.upto_id is None:
            return every
        newer = select(func.count()).select_from(AuditRow).where(AuditRow.id > f.upto_id)
        return every - int(s.scalar(newer) or 0)
    return int(s.scalar(select(func.count(AuditRow.id)).where(*_conditions(f, dialect))) or 0)


def newest_id(s: Session) -> int | None:
    return s.scalar(select(func.max(AuditRow.id)))


def page(
    s: Session,
    f: AuditFilter,
    *,
    limit: int,
    offset: int = 0,
    after: tuple[datetime, int] | None = None,
) -> list[AuditRecord]:
    """Entries matching ``f``, newest first (by time, then by id). ``after``: the (time, id) of
    the last entry of the previous page; the next page starts below it (keyset paging: an index
    seek, where ``offset`` reads and drops every entry before it)."""
    dialect = _prepare(s)
    stmt = _base([AuditRow, _Subject.name], f, dialect)
    if after is not None:
        at, entry_id = after
        stmt = stmt.where(or_(AuditRow.at < at, and_(AuditRow.at == at, AuditRow.id < entry_id)))
    stmt = stmt.order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit).offset(offset)
    return [
        AuditRecord(
            r.id,
            r.at,
            r.actor_id,
            r.actor_name,
            r.action,
            r.entity,
            r.entity_id,
            r.subject_id,
            subject_name,
            r.before,
            r.after,
            r.anonymized_at,
        )
        for r, subject_name in s.execute(stmt)
    ]


def _ids(values: Iterable[str | None]) -> set[int]:
    return {int(v) for v in values if v is not None and v.isdigit()}


def booking_facts(s: Session, entity_ids: Iterable[str | None]) -> dict[str, BookingFacts]:
    """The place and time of the bookings named, by entity id (bookings that still exist)."""
    ids = _ids(entity_ids)
    if not ids:
        return {}
    stmt = (
        select(
            BookingRow.id, ResourceRow.name, BookingRow.start_at, BookingRow.end_at, BookingRow.desk_period
        )
        .join(ResourceRow, ResourceRow.id == BookingRow.resource_id)
        .where(BookingRow.id.in_(ids))
    )
    return {
        str(i): BookingFacts(name, start, end, period.value if period is not None else None)
        for i, name, start, end, period in s.execute(stmt)
    }


def names(s: Session, entity: str, entity_ids: Iterable[str | None]) -> dict[str, str]:
    """The current names of the people or resources named, by entity id."""
    ids = _ids(entity_ids)
    if not ids or entity not in ("person", "resource"):
        return {}
    if entity == "person":
        stmt = select(PersonRow.id, PersonRow.name).where(PersonRow.id.in_(ids))
    else:
        stmt = select(ResourceRow.id, ResourceRow.name).where(ResourceRow.id.in_(ids))
    return {str(i): name for i, name in s.execute(stmt)}
