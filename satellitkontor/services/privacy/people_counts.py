"""Distinct-people counts that survive anonymisation (retention and erasure).

The statistics count *distinct people* per municipality, per month and per year
(services/statistics/service.py): the people of the counted bookings (confirmed or checked in),
split into employees and politicians by the kind stored on the booking. A booking made anonymous
has no person any more, so without help its person would drop out of those counts and last
year's report would change.

How it stays exact: whoever makes bookings anonymous calls :func:`distinct_people` for the years
it touches *before* and *after* the change, in the same transaction, and :func:`add_difference`
stores what the counts lost in ``people_count_adjustments`` (migration 0004); the statistics add
those numbers back. Only counts are stored, never who.

Why not a pseudonym on each booking instead: a per-person token kept on anonymous bookings would
tie them to the same person's later bookings (who are still named) and so undo the
anonymisation; a per-month token cannot give a year's distinct total. The stored difference is
exact at the moment of anonymisation. Its one limit: a year's total counts a person twice if
bookings of that person are *added later* to a year whose other bookings of theirs are already
anonymous (only a calendar import of old events, or someone erased who registers again in the
same year, can do that). Retention never starts on a year that is not over
(domain/privacy.py: at least 12 months), so ordinary booking cannot.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import Connection, and_, case, select
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import HOLDING_STATUSES
from satellitkontor.domain.people import PersonKind
from satellitkontor.storage.models import BookingRow, PeopleCountAdjustmentRow

#: (year, month or 0 for the whole year, municipality code)
Key = tuple[int, int, str]
#: people, employees, politicians
Triple = tuple[int, int, int]


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """[start, end) of a local calendar year as UTC instants."""
    return clk.local_day_bounds(date(year, 1, 1))[0], clk.local_day_bounds(date(year, 12, 31))[1]


def local_year(moment: datetime) -> int:
    return clk.to_local(moment).year


def distinct_people(s: Session, years: Iterable[int]) -> dict[Key, Triple]:
    """The distinct people of the counted bookings that still name a person, per key."""
    sets: dict[Key, tuple[set[int], set[int], set[int]]] = defaultdict(lambda: (set(), set(), set()))
    for year in sorted(set(years)):
        first, last = year_bounds(year)
        stmt = select(
            BookingRow.start_at, BookingRow.municipality_code, BookingRow.person_id, BookingRow.person_kind
        ).where(
            BookingRow.start_at >= first,
            BookingRow.start_at < last,
            BookingRow.person_id.is_not(None),
            BookingRow.guest_org.is_(None),  # a guest is not one of the host's municipality's people
            BookingRow.status.in_(HOLDING_STATUSES),
        )
        for start, muni, person_id, kind in s.execute(stmt):
            assert person_id is not None
            month = clk.to_local(start).month
            for key in ((year, month, muni), (year, 0, muni)):
                people, employees, politicians = sets[key]
                people.add(person_id)
                (employees if kind is PersonKind.EMPLOYEE else politicians).add(person_id)
    return {k: (len(p), len(e), len(pol)) for k, (p, e, pol) in sets.items()}


def distinct_people_of_month(s: Session, year: int, month: int) -> dict[Key, Triple]:
    """:func:`distinct_people` for the keys one month's bookings count in: that month's and its
    year's. The database finds the distinct (municipality, person, kind) of the range, so the
    rows read are as many as the people, not as the bookings (retention calls this twice per
    month it changes)."""
    out: dict[Key, Triple] = {}
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    month_range = clk.local_day_bounds(date(year, month, 1))[0], clk.local_day_bounds(nxt)[0]
    for m, (first, last) in ((month, month_range), (0, year_bounds(year))):
        stmt = (
            select(BookingRow.municipality_code, BookingRow.person_id, BookingRow.person_kind)
            .where(
                BookingRow.start_at >= first,
                BookingRow.start_at < last,
                BookingRow.person_id.is_not(None),
                BookingRow.guest_org.is_(None),  # a guest is not one of the host's municipality's people
                BookingRow.status.in_(HOLDING_STATUSES),
            )
            .distinct()
        )
        sets: dict[str, tuple[set[int], set[int], set[int]]] = defaultdict(lambda: (set(), set(), set()))
        for muni, person_id, kind in s.execute(stmt):
            assert person_id is not None
            people, employees, politicians = sets[muni]
            people.add(person_id)
            (employees if kind is PersonKind.EMPLOYEE else politicians).add(person_id)
        out.update({(year, m, muni): (len(p), len(e), len(pol)) for muni, (p, e, pol) in sets.items()})
    return out


def distinct_people_without(
    s: Session, year: int, month: int, lo: datetime, hi: datetime
) -> tuple[dict[Key, Triple], dict[Key, Triple]]:
    """(before, after) of :func:`distinct_people_of_month` when every booking in [lo, hi) (a
    part of that month) loses its person, read in one pass over the year before the change:
    "after" is what the rows outside [lo, hi) give. Retention calls this in the transaction that
    makes exactly those bookings anonymous; one read of the year instead of two (issue 18: the
    month's transaction holds SQLite's write lock)."""
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    m_first, m_last = clk.local_day_bounds(date(year, month, 1))[0], clk.local_day_bounds(nxt)[0]
    y_first, y_last = year_bounds(year)
    start = BookingRow.start_at
    stmt = (
        select(
            BookingRow.municipality_code,
            BookingRow.person_id,
            BookingRow.person_kind,
            case((and_(start >= m_first, start < m_last), 1), else_=0),
            case((and_(start >= lo, start < hi), 1), else_=0),
        )
        .where(
            start >= y_first,
            start < y_last,
            BookingRow.person_id.is_not(None),
            BookingRow.guest_org.is_(None),  # a guest is not one of the host's municipality's people
            BookingRow.status.in_(HOLDING_STATUSES),
        )
        .distinct()
    )
    Sets = dict[Key, tuple[set[int], set[int], set[int]]]
    before: Sets = defaultdict(lambda: (set(), set(), set()))
    after: Sets = defaultdict(lambda: (set(), set(), set()))
    for muni, person_id, kind, in_month, in_part in s.execute(stmt):
        assert person_id is not None
        keys = ((year, month, muni), (year, 0, muni)) if in_month else ((year, 0, muni),)
        for sets in (before, after) if not in_part else (before,):
            for key in keys:
                people, employees, politicians = sets[key]
                people.add(person_id)
                (employees if kind is PersonKind.EMPLOYEE else politicians).add(person_id)

    def counts(sets: Sets) -> dict[Key, Triple]:
        return {k: (len(p), len(e), len(pol)) for k, (p, e, pol) in sets.items()}

    return counts(before), counts(after)


def add_difference(s: Session, before: dict[Key, Triple], after: dict[Key, Triple]) -> int:
    """Store what the counts lost between ``before`` and ``after``; returns the keys changed."""
    changed = 0
    years = sorted({year for year, _m, _muni in before})
    if years:  # into the session at once, so that s.get below reads no row
        s.scalars(select(PeopleCountAdjustmentRow).where(PeopleCountAdjustmentRow.year.in_(years))).all()
    for key, old in before.items():
        new = after.get(key, (0, 0, 0))
        lost = tuple(o - n for o, n in zip(old, new, strict=True))
        if not any(lost):
            continue
        year, month, muni = key
        row = s.get(PeopleCountAdjustmentRow, (year, month, muni))
        if row is None:
            row = PeopleCountAdjustmentRow(
                year=year, month=month, municipality_code=muni, people=0, employees=0, politicians=0
            )
            s.add(row)
        row.people += lost[0]
        row.employees += lost[1]
        row.politicians += lost[2]
        changed += 1
    return changed


def adjustments(conn: Session | Connection, year: int) -> dict[tuple[int, str], Triple]:
    """(month or 0, municipality) -> the people, employees and politicians to add for ``year``."""
    stmt = select(
        PeopleCountAdjustmentRow.month,
        PeopleCountAdjustmentRow.municipality_code,
        PeopleCountAdjustmentRow.people,
        PeopleCountAdjustmentRow.employees,
        PeopleCountAdjustmentRow.politicians,
    ).where(PeopleCountAdjustmentRow.year == year)
    return {(r[0], r[1]): (r[2], r[3], r[4]) for r in conn.execute(stmt)}
