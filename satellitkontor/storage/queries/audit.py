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
- **Search index.** Matching every entry's text took about 0.6 s in a 20-year office (534,000
  entries; issue 18). Each part of the match now has an index that finds a superset of the
  entries it matches, and only the union of those is compared (the comparison above decides,
  so what is found is exactly what a full scan found): the entry's own text (who did it as
  written, the entity's id, before and after) through a trigram index, on PostgreSQL a
  ``pg_trgm`` GIN index of the lower-cased text (migration 0012, :data:`PG_SEARCH_TEXT`), on
  SQLite an FTS5 table (migration 0019, storage/queries/audit_search.py, which also says how
  removed names leave it); the person an entry is about by ``subject_id`` among the people
  whose name or address matches; the place or person an entry is about by ``entity_id``; the
  actions whose words match by ``action``. A single OR of those parts made both databases read
  every entry. FTS5 is used only for texts of at least three letters within Latin Extended-A
  (:func:`fts_query`); other texts compare every entry, as before.
- **A page** of a text search first compares the newest :data:`DENSE_WINDOW` entries one by
  one (a text that many entries match fills the page from them), and only then asks the
  indexes for the matches below them, sorting just their (time, id) and reading only the
  page's rows (sorting whole entries took three times as long with 28,000 matches).
- **The count** of a text search without other conditions is the size of the union of its
  parts, each exact on its own: only the entries found through the trigram index are read and
  compared, the others are counted from their indexes. With other conditions every candidate
  is read and the whole condition decides.
- The caller may add action codes whose *words* match the text (``text_actions``), so
  "avbokad" finds cancellations: the words live in the catalogue (words/), not in the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    any_,
    cast,
    func,
    literal_column,
    not_,
    or_,
    select,
    table,
    text,
    type_coerce,
    union,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from satellitkontor.storage.models import AuditRow, BookingRow, PersonRow, ResourceRow
from satellitkontor.storage.queries import audit_search


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


@dataclass(frozen=True, slots=True)
class _Where:
    dialect: str
    #: Whether the entry's own text has a search index (SQLite: migration 0019 made it).
    indexed: bool


def _prepare(s: Session) -> _Where:
    """Register ``sk_lower`` on this session's SQLite connection; the dialect, and whether the
    search index is there."""
    conn = s.connection()
    if conn.dialect.name != "sqlite":
        return _Where(conn.dialect.name, True)
    raw = conn.connection.driver_connection
    raw.create_function("sk_lower", 1, _py_lower, deterministic=True)  # type: ignore[union-attr]
    return _Where("sqlite", audit_search.has_index(s))


@contextmanager
def _index_first(s: Session, where: _Where, f: AuditFilter) -> Iterator[None]:
    """PostgreSQL: the statements inside find the entry's own text through its trigram index in
    a small office too. The planner prices the GIN index above reading every entry while the
    trail is small (24,863 entries: 1,460 against 1,493) and cannot know what ``lower()`` of four
    joined columns costs: reading every entry took 37-55 ms, the index 5.7 ms. With
    ``enable_seqscan`` off every scan that has an index takes it (the few people and places,
    which have none for LIKE, are still read whole), and ``jit`` is off because such a plan is
    priced high enough to be compiled first. And each is planned for its own text: psycopg
    prepares a statement run five times on a connection, and five runs later PostgreSQL may plan
    it once for any text, which cannot use the trigram index (a session's searches went from
    55 to 95-145 ms at its eleventh). All three only for these statements: the previous values
    come back after them (the transaction's end would undo them on an error). Not for a text
    too short for the index, which compares every entry by reading them in order."""
    words = (f.text or "").strip().lower()
    if where.dialect != "postgresql" or _own_text_candidates(words, where.dialect) is None:
        yield
        return
    was = s.execute(
        text(
            "SELECT current_setting('enable_seqscan'), current_setting('jit'), "
            "current_setting('plan_cache_mode'), set_config('enable_seqscan', 'off', true), "
            "set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)"
        )
    ).one()
    yield
    s.execute(
        text(
            "SELECT set_config('enable_seqscan', :scan, true), set_config('jit', :jit, true), "
            "set_config('plan_cache_mode', :plans, true)"
        ),
        {"scan": was[0], "jit": was[1], "plans": was[2]},
    )


_Subject = aliased(PersonRow, name="subject")


def _conditions(f: AuditFilter, where: _Where, *, narrowed: bool = True) -> list[ColumnElement[bool]]:
    """``f`` as SQL conditions; ``narrowed``: the text through the search indexes (else every
    entry the other conditions leave is compared)."""
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
    words = (f.text or "").strip().lower()
    if words:
        indexed = where.indexed and narrowed
        conds.append(_text_matches(words, f.text_actions, dialect=where.dialect, indexed=indexed))
    return conds


@dataclass(frozen=True, slots=True)
class _TextParts:
    """The parts of a text match: the entry's own text (``in_entry``, and the ids the search
    index finds for it, a superset; None without an index) and the conditions on what the
    entry is about (each one exact, each with an index; the first: about one of ``people``)."""

    in_entry: ColumnElement[bool]
    own_text: Select[Any] | None
    about: list[tuple[ColumnElement[bool], ...]]
    people: Select[Any]


def _text_parts(text: str, actions: Sequence[str], *, dialect: str, indexed: bool) -> _TextParts:
    # On SQLite, LIKE alone for an ASCII text; else the longest ASCII part of it first (cheap,
    # and it rules most rows out), then the full fold.
    sqlite = dialect == "sqlite"
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
    about: list[tuple[ColumnElement[bool], ...]] = [
        (AuditRow.subject_id.in_(people),),
        (AuditRow.entity == "booking", AuditRow.entity_id.in_(bookings_at_places)),
        (AuditRow.entity == "resource", AuditRow.entity_id.in_(place_ids)),
        (AuditRow.entity == "person", AuditRow.entity_id.in_(people_ids)),
    ]
    if actions:
        about.append((AuditRow.action.in_(tuple(actions)),))
    own_text = _own_text_candidates(text, dialect) if indexed else None
    return _TextParts(in_entry, own_text, about, people)


def _text_matches(text: str, actions: Sequence[str], *, dialect: str, indexed: bool) -> ColumnElement[bool]:
    parts = _text_parts(text, actions, dialect=dialect, indexed=indexed)
    exact = or_(*(and_(*conds) for conds in parts.about), parts.in_entry)  # the cheap tests first
    if parts.own_text is None:
        return exact  # every entry is compared (a full scan)
    # Each part of ``exact`` has an index that finds a superset of its entries; the union of
    # those is all that ``exact`` needs to look at (see "Search index" in the notes).
    found = union_all(parts.own_text, *(select(AuditRow.id).where(*conds) for conds in parts.about))
    if dialect == "postgresql":
        # As an array, so that PostgreSQL fetches these entries by id: with ``IN (union)`` it
        # misjudged the union's size, scanned the whole trail and joined (3x slower than before).
        # (SQLAlchemy's own ARRAY, which PostgreSQL's compiler writes as its own: importing
        # sqlalchemy.dialects.postgresql for it cost every SQLite start 38 ms and 3 MiB)
        ids = select(func.array_agg(found.subquery().c.id)).scalar_subquery()
        return and_(AuditRow.id == any_(cast(ids, ARRAY(Integer))), exact)
    return and_(AuditRow.id.in_(found), exact)


def _count_text_only(s: Session, f: AuditFilter, where: _Where) -> int | None:
    """The count of a text search with no other condition (but ``upto_id``), as the size of the
    union of its parts, each exact on its own: the entries found through the search index are
    compared, the others are counted from their indexes without reading them. None when the
    filter has other conditions or the text has no index."""
    words = (f.text or "").strip().lower()
    if not words or replace(f, text=None, text_actions=(), upto_id=None) != AuditFilter():
        return None
    parts = _text_parts(words, f.text_actions, dialect=where.dialect, indexed=where.indexed)
    if parts.own_text is None:
        return None
    upto = [] if f.upto_id is None else [AuditRow.id <= f.upto_id]
    # The entries about the people the text names are counted from their index alone; every
    # other part leaves them out, so that only the (few) entries beyond them are gathered and
    # told apart. As one union, PostgreSQL hashed all of them, 44,592 ids into 28,571 (a third
    # of the search at 20 years), and compared the own text of entries already counted.
    subjects, *others = parts.about
    elsewhere = or_(AuditRow.subject_id.is_(None), AuditRow.subject_id.not_in(parts.people))
    if where.dialect == "postgresql":
        # OFFSET 0 keeps ``upto`` out of the search for the text: with it inside, the planner
        # may read every entry below it by the primary key instead of asking the trigram index.
        found = select(AuditRow.id).where(_indexed(words), elsewhere, parts.in_entry).offset(0).subquery()
        own = select(found.c.id)
        if f.upto_id is not None:
            own = own.where(found.c.id <= f.upto_id)
    else:
        own = select(AuditRow.id).where(AuditRow.id.in_(parts.own_text), elsewhere, parts.in_entry, *upto)
    rest = union(own, *(select(AuditRow.id).where(*conds, elsewhere, *upto) for conds in others)).subquery()
    about_them = select(func.count()).select_from(AuditRow).where(*subjects, *upto).scalar_subquery()
    beyond = select(func.count()).select_from(rest).scalar_subquery()
    return int(s.scalar(select(about_them + beyond)) or 0)


#: Shorter texts are not looked up in the search index (its pieces are three letters long).
MIN_INDEXED = 3
#: The text of an entry that PostgreSQL's trigram index holds (migration 0012), word for word.
PG_SEARCH_TEXT = (
    "lower(coalesce(actor_name, '') || ' ' || coalesce(entity_id, '') || ' ' || "
    "coalesce(before, '') || ' ' || coalesce(after, ''))"
)
#: The letters whose every upper-case form FTS5 folds as Python's ``lower()`` does (but "i",
#: see :func:`fts_query`): ASCII, Latin-1 and Latin Extended-A (tests/storage/test_audit_search_index.py
#: checks every code point against the SQLite in use).
FTS_SAFE_MAX = "\u017f"


def fts_query(text: str) -> str | None:
    """The FTS5 query that finds every entry whose own text contains ``text`` (lower case), and
    maybe more: all its three-letter pieces. None when the index cannot promise that: a text
    shorter than three letters, or with a letter past Latin Extended-A (FTS5's case folding
    comes from an older Unicode than Python's for some of those). A last "i" is left out: "İ"
    is "i̇" (two code points) to Python, so "…abi" is found in "ABİ", where FTS5 has no "abi"."""
    usable = text[:-1] if text.endswith("i") else text
    if len(usable) < MIN_INDEXED or any(ch > FTS_SAFE_MAX for ch in usable):
        return None
    pieces = sorted({usable[i : i + 3] for i in range(len(usable) - 2)})
    return " AND ".join('"' + piece.replace('"', '""') + '"' for piece in pieces)


def _own_text_candidates(text: str, dialect: str) -> Select[Any] | None:
    """The ids of the entries whose own text may contain ``text``, found through the search
    index; None when there is no index to use for it."""
    if dialect == "sqlite":
        query = fts_query(text)
        if query is None:
            return None
        return (
            select(literal_column("rowid", Integer))
            .select_from(table(audit_search.TABLE))
            .where(literal_column(audit_search.TABLE).op("MATCH")(query))
        )
    if len(text) < MIN_INDEXED:
        return None
    return select(AuditRow.id).where(_indexed(text))


def _indexed(text: str) -> ColumnElement[bool]:
    """PostgreSQL: entries whose own text may contain ``text``, found by the trigram index."""
    pattern = "%" + text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"
    return literal_column(PG_SEARCH_TEXT, String).like(pattern, escape="/")


def count(s: Session, f: AuditFilter) -> int:
    """How many entries match ``f``. Without a condition but ``upto_id`` (the list as it opens)
    this is every entry less the newer ones: SQLite counts the whole table from its smallest
    index, not its rows, and the newer ones are a seek."""
    where = _prepare(s)
    if f == AuditFilter(upto_id=f.upto_id):
        every = int(s.scalar(select(func.count()).select_from(AuditRow)) or 0)
        if f.upto_id is None:
            return every
        newer = select(func.count()).select_from(AuditRow).where(AuditRow.id > f.upto_id)
        return every - int(s.scalar(newer) or 0)
    with _index_first(s, where, f):
        by_parts = _count_text_only(s, f, where)
        if by_parts is not None:
            return by_parts
        return int(s.scalar(select(func.count(AuditRow.id)).where(*_conditions(f, where))) or 0)


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
    where = _prepare(s)
    keyset: list[ColumnElement[bool]] = []
    if after is not None:
        keyset.append(_below(*after))
    if not (f.text or "").strip():  # no text: one query, an index scan by time
        listed = _with_subject().where(*_conditions(f, where), *keyset)
        return _records(s, listed.order_by(*_NEWEST_FIRST).limit(limit).offset(offset))
    found: list[int] = []
    if offset == 0:
        # The newest DENSE_WINDOW entries first, compared one by one: a text that many entries
        # match fills the page from them at once, which the indexes' union cannot (it finds
        # every match, then sorts them).
        others = _conditions(replace(f, text=None), where)
        edge = s.execute(
            select(AuditRow.at, AuditRow.id)
            .where(*others, *keyset)
            .order_by(*_NEWEST_FIRST)
            .offset(DENSE_WINDOW - 1)
            .limit(1)
        ).first()
        # (at >= the edge's is implied by the second condition; it bounds the index scan)
        window = [] if edge is None else [AuditRow.at >= edge.at, not_(_below(edge.at, edge.id))]
        newest = select(AuditRow.id).where(*_conditions(f, where, narrowed=False), *keyset, *window)
        found = list(s.scalars(newest.order_by(*_NEWEST_FIRST).limit(limit)))
        if len(found) == limit or edge is None:
            return _records(s, _with_subject().where(AuditRow.id.in_(found)).order_by(*_NEWEST_FIRST))
        keyset.append(_below(edge.at, edge.id))  # the rest lies below the window
    # The page's ids first, then their rows: sorting only (time, id) of every match, not whole
    # entries, made a search with 28,000 matches three times as quick (issue 18).
    matches = select(AuditRow.id).where(*_conditions(f, where), *keyset)
    rest = matches.order_by(*_NEWEST_FIRST).limit(limit - len(found)).offset(offset)
    with _index_first(s, where, f):
        ids = [*found, *s.scalars(rest)]
    return _records(s, _with_subject().where(AuditRow.id.in_(ids)).order_by(*_NEWEST_FIRST))


#: How many of the newest entries a page of a text search compares before it asks the indexes.
DENSE_WINDOW = 4000
_NEWEST_FIRST = (AuditRow.at.desc(), AuditRow.id.desc())


def _below(at: datetime, entry_id: int) -> ColumnElement[bool]:
    return or_(AuditRow.at < at, and_(AuditRow.at == at, AuditRow.id < entry_id))


def _with_subject() -> Select[Any]:
    joined = select(AuditRow, _Subject.name).outerjoin(_Subject, _Subject.id == AuditRow.subject_id)
    return joined  # type: ignore[return-value]


def _records(s: Session, stmt: Select[Any]) -> list[AuditRecord]:
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
