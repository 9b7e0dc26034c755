"""Retention: removing personal data older than the office's limit, in one transaction.

What happens to data that started before the cut-off (domain/privacy.py: the first day of the
month ``retention_months`` before this month):

- **bookings** lose their person, who booked them and their title; they keep resource, times,
  status, municipality and kind (copied at booking, storage/models.py), so every count of the
  statistics stays. Their ``import_key`` stays too: a second import of the same old calendar
  file must not bring the names back.
- **guests' names** on those bookings go too; the guest's organisation stays (no personal data
  on its own), so the statistics still count the booking as a guest's (migration 0014).
- **series** whose every booking is that old lose person, booker and title likewise.
- **audit entries** that old lose who did it (``actor_id``, ``actor_name``), whom it was about
  (``subject_id``), and names, e-mail addresses and titles in ``before``/``after``
  (services/privacy/scrub.py); ``anonymized_at`` says when. What happened, when and to which thing
  stays: the database refuses any other change (migration 0003).
- **who did it** on closures, rotation years and meetings and on revoked feeds that old.
- **Exchange links and outbox rows** of bookings that started before the cut-off are deleted: the
  link's ``mailbox`` is the booker's calendar address, and an event that far back is not pushed,
  pulled or answered any more (a push error stored on an outbox row may name the address too).
- **people** who are ordinary users (not receptionist or admin), were created and last changed
  before the cut-off, and have nothing left that names them: no booking, series, feed or recent
  audit entry. They are removed; an active user who comes back registers again. Staff stay:
  their roles were given on purpose.

The distinct-people counts of the months touched are kept (services/privacy/people_counts.py). On
SQLite the removed values are overwritten in the file and the write-ahead log is emptied
afterwards (storage/queries/privacy.py); the audit trail's search index is built anew first, in
short transactions too (services/privacy/search_index.py), since it keeps removed names until then. One entry ``retention.apply`` records the run, with
the counts and the months, never a name.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, String, Table, and_, bindparam, cast, delete, func, or_, select, update
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain.people import Role
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.privacy import people_counts, search_index
from satellitkontor.services.privacy.pacing import Pacer
from satellitkontor.services.privacy.results import RetentionReport
from satellitkontor.services.privacy.scrub import needles, scrub
from satellitkontor.storage.database import Database
from satellitkontor.storage.models import (
    AuditRow,
    BookingRow,
    ClosureRow,
    ExchangeLinkRow,
    ExchangeOutboxRow,
    FeedTokenRow,
    NoticeOutboxRow,
    PersonRow,
    RotationMeetingRow,
    RotationYearRow,
    SeriesRow,
    WaitlistEntryRow,
)

_NO_SYNC = {"synchronize_session": False}


#: Audit entries scrubbed in the first transaction; then as many as fit the time budget
#: (services/privacy/pacing.py).
AUDIT_BATCH = 100
#: Rows deleted per statement.
CHUNK = 500


_NAMED_BOOKING = or_(
    BookingRow.person_id.is_not(None),
    BookingRow.created_by_id.is_not(None),
    BookingRow.title.is_not(None),
    BookingRow.guest_email.is_not(None),  # an Outlook organiser's name and address
)


def _old_named(limit: datetime) -> ColumnElement[bool]:
    return and_(BookingRow.start_at < limit, _NAMED_BOOKING)


def _series_done(limit: datetime) -> ColumnElement[bool]:
    later = select(BookingRow.id).where(BookingRow.series_id == SeriesRow.id, BookingRow.start_at >= limit)
    return and_(
        SeriesRow.created_at < limit,
        ~later.exists(),
        or_(
            SeriesRow.person_id.is_not(None),
            SeriesRow.created_by_id.is_not(None),
            SeriesRow.title.is_not(None),
        ),
    )


def _old_entries(limit: datetime) -> ColumnElement[bool]:
    return and_(AuditRow.at < limit, AuditRow.anonymized_at.is_(None))


def _other_links_where(limit: datetime) -> list[tuple[Any, ColumnElement[bool], dict[str, None]]]:
    """(table, which rows, what becomes None) of the links to who did it on other things."""
    return [
        (
            ClosureRow,
            and_(ClosureRow.created_at < limit, ClosureRow.created_by_id.is_not(None)),
            {"created_by_id": None},
        ),
        (
            RotationMeetingRow,
            and_(RotationMeetingRow.updated_at < limit, RotationMeetingRow.created_by_id.is_not(None)),
            {"created_by_id": None},
        ),
        (
            RotationYearRow,
            and_(RotationYearRow.confirmed_at < limit, RotationYearRow.confirmed_by_id.is_not(None)),
            {"confirmed_by_id": None},
        ),
        (
            FeedTokenRow,
            and_(
                FeedTokenRow.revoked_at < limit,
                or_(FeedTokenRow.created_by_id.is_not(None), FeedTokenRow.revoked_by_id.is_not(None)),
            ),
            {"created_by_id": None, "revoked_by_id": None},
        ),
    ]


def _count(s: Session, entity: Any, where: ColumnElement[bool]) -> int:
    return int(s.scalar(select(func.count()).select_from(entity).where(where)) or 0)


def old_months(s: Session, limit: datetime) -> list[tuple[int, int]]:
    """The (year, month) of the bookings older than ``limit`` that still name someone, found
    month by month (an index probe each, migration 0012) instead of reading every old row."""
    first = s.scalar(select(func.min(BookingRow.start_at)).where(_old_named(limit)))
    if first is None:
        return []
    local = clk.to_local(first)
    year, month = local.year, local.month
    found: list[tuple[int, int]] = []
    while True:
        lo, hi = _month_bounds(year, month)
        if lo >= limit:
            return found
        probe = select(BookingRow.id).where(
            BookingRow.start_at >= lo, BookingRow.start_at < min(hi, limit), _NAMED_BOOKING
        )
        if s.scalar(probe.limit(1)) is not None:
            found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return clk.local(date(year, month, 1), time(0)), clk.local(nxt, time(0))


def preview(s: Session, *, cutoff: date) -> RetentionReport:
    """What :func:`apply` would change now, by counting only: reads, never writes (no write
    lock on SQLite). The people counted are those :func:`apply` removes once everything older
    than the cut-off no longer names anyone (:func:`_named_after`)."""
    limit = clk.local(cutoff, time(0))
    months = old_months(s, limit)
    bookings = _count(s, BookingRow, _old_named(limit))
    series = _count(s, SeriesRow, _series_done(limit))
    entries = _count(s, AuditRow, _old_entries(limit))
    links = sum(_count(s, table, where) for table, where, _values in _other_links_where(limit))
    people = int(s.scalar(select(func.count()).select_from(_removable(limit, after=True).subquery())) or 0)
    return RetentionReport(cutoff, tuple(months), bookings, series, entries, people, links, applied=False)


def apply(
    db: Database, *, now: datetime, cutoff: date, actor_id: int | None, automatic: bool
) -> RetentionReport:
    """Remove what is older than ``cutoff`` in short transactions paced by
    services/privacy/pacing.py (a time budget each, a pause between), so that on SQLite other
    PCs book in between: a month of bookings, or as many audit entries as fit the budget, at a
    time. Each month's transaction stores what the distinct-people counts lost by it
    (services/privacy/people_counts.py); the sum over the months is what one transaction over
    all of them would have stored. The last transaction removes the people nothing names any
    more and records the run."""
    limit = clk.local(cutoff, time(0))
    with db.session() as s:
        months = old_months(s, limit)
    pacer = Pacer(db, first=AUDIT_BATCH, least=20, most=2000)
    changed_months: list[tuple[int, int]] = []
    bookings = 0
    for year, month in months:
        lo, hi = _month_bounds(year, month)
        with pacer.write() as s:
            done = _anonymise_month(s, year, month, lo, min(hi, limit), now)
        if done:
            changed_months.append((year, month))
            bookings += done
    with pacer.write() as s:
        series = _update(
            s,
            update(SeriesRow)
            .where(_series_done(limit))
            .values(person_id=None, created_by_id=None, title=None),
        )
    entries = 0
    with db.session() as s:
        old_entries = s.scalar(select(AuditRow.id).where(_old_entries(limit)).limit(1)) is not None
    if old_entries:  # searches compare every entry until the index is built anew (below)
        search_index.suspend(db)
    since: datetime | None = None  # every entry before this instant is done
    while True:
        with pacer.write() as s:
            done, more, since = _scrub_audit(s, limit, now, pacer.size, pacer.spent, since)
        pacer.adapt(done)
        entries += done
        if not more:
            break
    _forget_exchange(pacer, limit)
    with pacer.write() as s:
        actor = s.get(PersonRow, actor_id) if actor_id is not None else None
        links = _other_links(s, limit)
        # waitlist entries of days before the cutoff: who waited when is personal data too
        s.execute(delete(WaitlistEntryRow).where(WaitlistEntryRow.day < cutoff), execution_options=_NO_SYNC)
        people = _remove_people(s, limit)
        report = RetentionReport(
            cutoff, tuple(changed_months), bookings, series, entries, people, links, applied=True
        )
        if not report.nothing_to_do:
            audit.record(
                s,
                at=now,
                actor=actor,
                action="retention.apply",
                entity="retention",
                entity_id=cutoff.isoformat(),
                after={**report.as_dict(), "automatic": automatic},
            )
    # the names blanked in audit entries leave the search index too (a rebuild, SQLite)
    search_index.refresh(db, removed=entries > 0 or old_entries)
    return report


def _anonymise_month(s: Session, year: int, month: int, lo: datetime, hi: datetime, now: datetime) -> int:
    """Make one month's old bookings (those in [lo, hi)) anonymous and store what the counts of
    that month and of its year lost; the number of bookings changed."""
    before, after = people_counts.distinct_people_without(s, year, month, lo, hi)
    done = _update(
        s,
        update(BookingRow)
        .where(BookingRow.start_at >= lo, BookingRow.start_at < hi, _NAMED_BOOKING)
        .values(
            person_id=None, created_by_id=None, title=None, guest_name=None, guest_email=None, updated_at=now
        ),
    )
    if done:
        people_counts.add_difference(s, before, after)
    return done


def _update(s: Session, stmt: Any) -> int:
    return int(s.execute(stmt, execution_options=_NO_SYNC).rowcount)  # type: ignore[attr-defined]


_AUDIT: Table = AuditRow.__table__  # type: ignore[assignment]
_SCRUBBED = (
    update(_AUDIT)
    .where(_AUDIT.c.id == bindparam("row_id"))
    .values(
        before=bindparam("new_before"),
        after=bindparam("new_after"),
        actor_name=None,
        actor_id=None,
        subject_id=None,
        anonymized_at=bindparam("now"),
    )
)


def _scrub_audit(
    s: Session,
    limit: datetime,
    now: datetime,
    batch: int,
    spent: Callable[[], bool],
    since: datetime | None,
) -> tuple[int, bool, datetime | None]:
    """Up to ``batch`` of the oldest entries not yet anonymous, made anonymous: read and written
    as plain rows (one executemany), not as ORM objects, which took four times as long. Stops
    early once ``spent()`` says the transaction's time is up: the same number of entries took
    20 ms or 75 ms to scrub by what they hold (20-year office). How many were done, whether more
    may be left, and the time of the last one done.

    The batch starts at ``since``, the last batch's last time (the entries at that very time
    and done are left out as anonymous already): without it, a plan that reads the index of all
    times (PostgreSQL's, while its statistics still say that no entry is anonymous) read past
    every entry the run had already done, batch after batch, and a 20-year office's retention
    grew quadratic (issue 18)."""
    # In the order of ix_audit_log_named_at, so that each batch is a seek, not a sort.
    where = _old_entries(limit) if since is None else and_(_old_entries(limit), AuditRow.at >= since)
    stmt = (
        select(
            AuditRow.id,
            AuditRow.at,
            AuditRow.actor_id,
            AuditRow.actor_name,
            AuditRow.subject_id,
            AuditRow.entity,
            AuditRow.before,
            AuditRow.after,
        )
        .where(where)
        .order_by(AuditRow.at)
        .limit(batch)
    )
    rows = s.execute(stmt).all()
    if not rows:
        return 0, False, since
    ids = {i for r in rows for i in (r.actor_id, r.subject_id) if i is not None}
    known: dict[int, tuple[str, str]] = {}
    for chunk in _chunks(sorted(ids)):
        stmt2 = select(PersonRow.id, PersonRow.name, PersonRow.email).where(PersonRow.id.in_(chunk))
        known.update({pid: (name, email) for pid, name, email in s.execute(stmt2)})
    params: list[dict[str, Any]] = []
    for row in rows:
        if params and spent():
            break
        found = needles(
            [row.actor_name, *known.get(row.actor_id or 0, ()), *known.get(row.subject_id or 0, ())]
        )
        about_person = row.entity == "person"
        params.append(
            {
                "row_id": row.id,
                "new_before": scrub(row.before, found=found, person=about_person),
                "new_after": scrub(row.after, found=found, person=about_person),
                "now": now,
            }
        )
    s.connection().execute(_SCRUBBED, params)
    return len(params), len(params) < len(rows) or len(rows) == batch, rows[len(params) - 1].at


def _other_links(s: Session, limit: datetime) -> int:
    return sum(
        _update(s, update(table).where(where).values(**values))
        for table, where, values in _other_links_where(limit)
    )


def _forget_exchange(pacer: Pacer, limit: datetime) -> None:
    """Delete the Exchange links and outbox rows, and the notices (issue 19), of bookings that
    started before ``limit``, a chunk per transaction; and notices about no booking (waitlist
    offers) queued before it."""
    with pacer.write() as s:
        s.execute(
            delete(NoticeOutboxRow).where(
                NoticeOutboxRow.booking_id.is_(None), NoticeOutboxRow.created_at < limit
            ),
            execution_options=_NO_SYNC,
        )
    for table, column in (
        (ExchangeLinkRow, ExchangeLinkRow.booking_id),
        (ExchangeOutboxRow, ExchangeOutboxRow.booking_id),
        (NoticeOutboxRow, NoticeOutboxRow.booking_id),
    ):
        old = select(BookingRow.id).where(BookingRow.id == column, BookingRow.start_at < limit).exists()
        with pacer.db.session() as s:
            ids = sorted({i for i in s.scalars(select(column).where(old)) if i is not None})
        for chunk in _chunks(ids, CHUNK):
            with pacer.write() as s:
                s.execute(delete(table).where(column.in_(chunk)), execution_options=_NO_SYNC)


def _named_by(limit: datetime) -> list[ColumnElement[bool]]:
    """Conditions "something still names this person" (correlated with PersonRow)."""
    pid = PersonRow.id
    return [
        # One EXISTS per column, so that each is an index probe (an OR of the two scanned the
        # bookings once per person on PostgreSQL).
        select(BookingRow.id).where(BookingRow.person_id == pid).exists(),
        select(BookingRow.id).where(BookingRow.created_by_id == pid).exists(),
        select(SeriesRow.id).where(or_(SeriesRow.person_id == pid, SeriesRow.created_by_id == pid)).exists(),
        select(AuditRow.id)
        .where(AuditRow.at >= limit, or_(AuditRow.actor_id == pid, AuditRow.subject_id == pid))
        .exists(),
        select(FeedTokenRow.id)
        .where(
            or_(
                FeedTokenRow.created_by_id == pid,
                FeedTokenRow.revoked_by_id == pid,
                and_(
                    FeedTokenRow.kind == "person",
                    FeedTokenRow.target == cast(pid, String),
                    FeedTokenRow.revoked_at.is_(None),
                ),
            )
        )
        .exists(),
        select(ClosureRow.id).where(ClosureRow.created_by_id == pid).exists(),
        select(RotationMeetingRow.id).where(RotationMeetingRow.created_by_id == pid).exists(),
        select(RotationYearRow.year).where(RotationYearRow.confirmed_by_id == pid).exists(),
    ]


def _named_after(limit: datetime) -> list[ColumnElement[bool]]:
    """Conditions "something will still name this person once retention has run": what
    :func:`_named_by` finds after :func:`apply`, read before it (for :func:`preview`)."""
    pid = PersonRow.id
    later_in_series = select(BookingRow.id).where(
        BookingRow.series_id == SeriesRow.id, BookingRow.start_at >= limit
    )
    return [
        select(BookingRow.id).where(BookingRow.person_id == pid, BookingRow.start_at >= limit).exists(),
        select(BookingRow.id).where(BookingRow.created_by_id == pid, BookingRow.start_at >= limit).exists(),
        select(SeriesRow.id)
        .where(
            or_(SeriesRow.person_id == pid, SeriesRow.created_by_id == pid),
            or_(SeriesRow.created_at >= limit, later_in_series.exists()),
        )
        .exists(),
        select(AuditRow.id)
        .where(AuditRow.at >= limit, or_(AuditRow.actor_id == pid, AuditRow.subject_id == pid))
        .exists(),
        select(FeedTokenRow.id)
        .where(
            or_(
                and_(
                    or_(FeedTokenRow.created_by_id == pid, FeedTokenRow.revoked_by_id == pid),
                    or_(FeedTokenRow.revoked_at.is_(None), FeedTokenRow.revoked_at >= limit),
                ),
                and_(
                    FeedTokenRow.kind == "person",
                    FeedTokenRow.target == cast(pid, String),
                    FeedTokenRow.revoked_at.is_(None),
                ),
            )
        )
        .exists(),
        select(ClosureRow.id).where(ClosureRow.created_by_id == pid, ClosureRow.created_at >= limit).exists(),
        select(RotationMeetingRow.id)
        .where(
            RotationMeetingRow.created_by_id == pid,
            or_(RotationMeetingRow.updated_at.is_(None), RotationMeetingRow.updated_at >= limit),
        )
        .exists(),
        select(RotationYearRow.year)
        .where(
            RotationYearRow.confirmed_by_id == pid,
            or_(RotationYearRow.confirmed_at.is_(None), RotationYearRow.confirmed_at >= limit),
        )
        .exists(),
    ]


def _removable(limit: datetime, *, after: bool = False) -> Any:
    named = _named_after(limit) if after else _named_by(limit)
    return select(PersonRow.id).where(
        PersonRow.role == Role.USER,
        PersonRow.created_at < limit,
        PersonRow.updated_at < limit,
        *[~n for n in named],
    )


def _remove_people(s: Session, limit: datetime) -> int:
    ids = list(s.scalars(_removable(limit)))
    for chunk in _chunks(ids):
        s.execute(delete(PersonRow).where(PersonRow.id.in_(chunk)), execution_options=_NO_SYNC)
    return len(ids)


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]
