"""Retention: removing personal data older than the office's limit, in one transaction.

What happens to data that started before the cut-off (domain/privacy.py: the first day of the
month ``retention_months`` before this month):

- **bookings** lose their person, who booked them and their title; they keep resource, times,
  status, municipality and kind (copied at booking, storage/models.py), so every count of the
  statistics stays. Their ``import_key`` stays too: a second import of the same old calendar
  file must not bring the names back.
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
afterwards (storage/queries/privacy.py). One entry ``retention.apply`` records the run, with
the counts and the months, never a name.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, String, and_, cast, delete, or_, select, update
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain.people import Role
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.privacy import people_counts
from satellitkontor.services.privacy.results import RetentionReport
from satellitkontor.services.privacy.scrub import needles, scrub
from satellitkontor.storage.models import (
    AuditRow,
    BookingRow,
    ClosureRow,
    ExchangeLinkRow,
    ExchangeOutboxRow,
    FeedTokenRow,
    PersonRow,
    RotationMeetingRow,
    RotationYearRow,
    SeriesRow,
)
from satellitkontor.storage.queries import privacy as privacy_queries

_NO_SYNC = {"synchronize_session": False}


def run(
    s: Session, *, now: datetime, cutoff: date, actor: PersonRow | None, automatic: bool
) -> RetentionReport:
    """Remove what is older than ``cutoff`` in the session's transaction; the caller commits
    (or rolls back, for a dry run)."""
    privacy_queries.prepare_removal(s)
    limit = clk.local(cutoff, time(0))

    old_bookings = and_(
        BookingRow.start_at < limit,
        or_(
            BookingRow.person_id.is_not(None),
            BookingRow.created_by_id.is_not(None),
            BookingRow.title.is_not(None),
            BookingRow.guest_email.is_not(None),  # an Outlook organiser's name and address
        ),
    )
    starts = s.scalars(select(BookingRow.start_at).where(old_bookings)).all()
    months = sorted({(local.year, local.month) for local in map(clk.to_local, starts)})
    years = {y for y, _m in months}
    before = people_counts.distinct_people(s, years)
    bookings = _update(
        s,
        update(BookingRow)
        .where(old_bookings)
        .values(
            person_id=None, created_by_id=None, title=None, guest_name=None, guest_email=None, updated_at=now
        ),
    )

    later = select(BookingRow.id).where(BookingRow.series_id == SeriesRow.id, BookingRow.start_at >= limit)
    series = _update(
        s,
        update(SeriesRow)
        .where(
            SeriesRow.created_at < limit,
            ~later.exists(),
            or_(
                SeriesRow.person_id.is_not(None),
                SeriesRow.created_by_id.is_not(None),
                SeriesRow.title.is_not(None),
            ),
        )
        .values(person_id=None, created_by_id=None, title=None),
    )
    entries = _scrub_audit(s, limit, now)
    links = _other_links(s, limit)
    _forget_exchange(s, limit)
    people = _remove_people(s, limit)
    people_counts.add_difference(s, before, people_counts.distinct_people(s, years))

    report = RetentionReport(cutoff, tuple(months), bookings, series, entries, people, links, applied=True)
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
    return report


def _update(s: Session, stmt: Any) -> int:
    return int(s.execute(stmt, execution_options=_NO_SYNC).rowcount)  # type: ignore[attr-defined]


def _scrub_audit(s: Session, limit: datetime, now: datetime) -> int:
    rows = list(s.scalars(select(AuditRow).where(AuditRow.at < limit, AuditRow.anonymized_at.is_(None))))
    if not rows:
        return 0
    ids = {i for r in rows for i in (r.actor_id, r.subject_id) if i is not None}
    known: dict[int, tuple[str, str]] = {}
    for chunk in _chunks(sorted(ids)):
        stmt = select(PersonRow.id, PersonRow.name, PersonRow.email).where(PersonRow.id.in_(chunk))
        known.update({pid: (name, email) for pid, name, email in s.execute(stmt)})
    for row in rows:
        found = needles(
            [row.actor_name, *known.get(row.actor_id or 0, ()), *known.get(row.subject_id or 0, ())]
        )
        about_person = row.entity == "person"
        row.before = scrub(row.before, found=found, person=about_person)
        row.after = scrub(row.after, found=found, person=about_person)
        row.actor_name = None
        row.actor_id = None
        row.subject_id = None
        row.anonymized_at = now
    s.flush()
    return len(rows)


def _other_links(s: Session, limit: datetime) -> int:
    done = _update(
        s,
        update(ClosureRow)
        .where(ClosureRow.created_at < limit, ClosureRow.created_by_id.is_not(None))
        .values(created_by_id=None),
    )
    done += _update(
        s,
        update(RotationMeetingRow)
        .where(RotationMeetingRow.updated_at < limit, RotationMeetingRow.created_by_id.is_not(None))
        .values(created_by_id=None),
    )
    done += _update(
        s,
        update(RotationYearRow)
        .where(RotationYearRow.confirmed_at < limit, RotationYearRow.confirmed_by_id.is_not(None))
        .values(confirmed_by_id=None),
    )
    done += _update(
        s,
        update(FeedTokenRow)
        .where(
            FeedTokenRow.revoked_at < limit,
            or_(FeedTokenRow.created_by_id.is_not(None), FeedTokenRow.revoked_by_id.is_not(None)),
        )
        .values(created_by_id=None, revoked_by_id=None),
    )
    return done


def _forget_exchange(s: Session, limit: datetime) -> None:
    old = select(BookingRow.id).where(BookingRow.start_at < limit)
    s.execute(delete(ExchangeLinkRow).where(ExchangeLinkRow.booking_id.in_(old)), execution_options=_NO_SYNC)
    s.execute(
        delete(ExchangeOutboxRow).where(ExchangeOutboxRow.booking_id.in_(old)), execution_options=_NO_SYNC
    )


def _named_by(limit: datetime) -> list[ColumnElement[bool]]:
    """Conditions "something still names this person" (correlated with PersonRow)."""
    pid = PersonRow.id
    return [
        select(BookingRow.id)
        .where(or_(BookingRow.person_id == pid, BookingRow.created_by_id == pid))
        .exists(),
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


def _remove_people(s: Session, limit: datetime) -> int:
    stmt = select(PersonRow.id).where(
        PersonRow.role == Role.USER,
        PersonRow.created_at < limit,
        PersonRow.updated_at < limit,
        *[~named for named in _named_by(limit)],
    )
    ids = list(s.scalars(stmt))
    for chunk in _chunks(ids):
        s.execute(delete(PersonRow).where(PersonRow.id.in_(chunk)), execution_options=_NO_SYNC)
    return len(ids)


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]
