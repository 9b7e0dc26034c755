"""Erasing one person (an admin's decision, e.g. on the person's request), in one transaction.

Decisions:

- **The person's row is deleted**, not kept under a dummy name: nothing about them remains to be
  found. The database's ``ON DELETE SET NULL`` clears every link to them (bookings, series,
  closures, rotation, feeds, audit entries).
- **Coming bookings are cancelled first** (status cancelled, sequence raised, one
  ``booking.cancel`` entry each), so the place is free at once and calendar feeds and Exchange
  tell subscribers the meeting is off; a deleted event would just vanish from some calendars.
- **Every booking of theirs stays, anonymous**: resource, times, status, municipality and kind
  remain for the statistics, person and title go; the distinct-people counts are kept
  (services/privacy/people_counts.py).
- **Their guests** (bookings where they are the host, migration 0014): coming ones are cancelled
  with their own, since nobody answers for the guest any more (the receptionist books again with
  another host if the visit stands); every one loses the guest's name and e-mail address, and the
  organisation stays for the statistics' guest count.
- **Their series** lose person and title; **their personal feeds** are revoked.
- **Free text that mentions them** by name or e-mail address (other bookings' and series'
  titles, closure reasons, rotation meetings, feed labels) gets the mention replaced by "–".
- **Audit entries** about them or by them, or that mention them, lose their name, e-mail
  address and the titles of their bookings (services/privacy/scrub.py); what happened, when, stays. One
  entry ``person.erase`` records the erasure with counts, municipality, kind and role, no name.
- **Exchange** (``exchange_links.mailbox`` is the booker's calendar, and a stored push error may
  name it): links of their app-made bookings with nothing left to push are deleted. A link whose
  cancellation is still waiting to be pushed cannot keep the address either, so its mailbox
  becomes '': the push then cancels the room's copy of the meeting (``room_copy_id``, in the
  room's mailbox) when the pull has seen one, which frees the room in Outlook, and otherwise sends
  nothing (both EWS and Graph need the calendar's address to reach an event; the erasure wins).
  Links of meetings booked in Outlook name the room's mailbox, not the person, and stay so the
  pull keeps recognising them. Push errors mentioning them get the mention replaced by "–".
- Refused: erasing oneself (another admin does it; it also keeps the last admin from erasing
  themselves) and erasing the last active admin.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, delete, or_, select, update
from sqlalchemy.orm import Session

from satellitkontor.domain.bookings import HOLDING_STATUSES
from satellitkontor.domain.errors import (
    GuestAmbiguous,
    GuestBookingNotFound,
    GuestEmailNotFound,
    GuestNotFound,
    PermissionDenied,
)
from satellitkontor.domain.people import Role
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.booking.core import mark_cancelled
from satellitkontor.services.privacy import people_counts
from satellitkontor.services.privacy.results import ErasureReport
from satellitkontor.services.privacy.scrub import mentions, needles, replace_mentions, scrub
from satellitkontor.storage.models import (
    AuditRow,
    BookingRow,
    ClosureRow,
    ExchangeLinkRow,
    ExchangeOutboxRow,
    ExchangeSyncStateRow,
    FeedTokenRow,
    NoticeOutboxRow,
    NoticePrefsRow,
    PersonRow,
    RotationMeetingRow,
    RotationYearRow,
    SeriesRow,
    WaitlistEntryRow,
)
from satellitkontor.storage.queries import common as queries
from satellitkontor.storage.queries import privacy as privacy_queries

_NO_SYNC = {"synchronize_session": False}
#: Free-text columns searched for mentions of the erased person.
_TEXTS: tuple[tuple[type[Any], tuple[str, ...]], ...] = (
    (BookingRow, ("title",)),
    (SeriesRow, ("title",)),
    (ClosureRow, ("reason",)),
    (RotationMeetingRow, ("title", "note", "location")),
    (RotationYearRow, ("note",)),
    (FeedTokenRow, ("label",)),
    (ExchangeOutboxRow, ("last_error_text",)),
    (ExchangeSyncStateRow, ("last_error_text",)),
)


def erase(s: Session, *, now: datetime, actor: PersonRow | None, person: PersonRow) -> ErasureReport:
    """Erase ``person`` in the session's transaction (see the module docstring)."""
    if actor is not None and actor.id == person.id:
        raise PermissionDenied(action="erase_self", role=actor.role.value)
    if person.role is Role.ADMIN and person.active and not _other_admin(s, person.id):
        raise PermissionDenied(action="remove_last_admin", role=Role.ADMIN.value)
    privacy_queries.prepare_removal(s)
    queries.lock_for_import(s, [], [person.id])  # as booking for them does (queries.lock_for_booking)
    pid, found = person.id, needles([person.name, person.email])

    # her places in the waitlists first: a place held for her, cancelled below, goes to the next
    s.execute(delete(WaitlistEntryRow).where(WaitlistEntryRow.person_id == pid))
    cancelled = _cancel_coming(s, now, actor, pid)
    _forget_calendar(s, pid)
    # notices to the person (their payloads hold her bookings) and her choices: gone (issue 19)
    s.execute(delete(NoticeOutboxRow).where(NoticeOutboxRow.person_id == pid), execution_options=_NO_SYNC)
    s.execute(delete(NoticePrefsRow).where(NoticePrefsRow.person_id == pid), execution_options=_NO_SYNC)
    starts = s.scalars(select(BookingRow.start_at).where(BookingRow.person_id == pid)).all()
    years = {people_counts.local_year(start) for start in starts}
    before = people_counts.distinct_people(s, years)
    bookings = _count(
        s,
        update(BookingRow)
        .where(BookingRow.person_id == pid)  # their guests' names and addresses go with them
        .values(person_id=None, title=None, guest_name=None, guest_email=None, updated_at=now),
    )
    people_counts.add_difference(s, before, people_counts.distinct_people(s, years))
    # Outlook meetings she organised before she was a person here carry her address themselves.
    bookings += _count(
        s,
        update(BookingRow)
        .where(BookingRow.guest_email == person.email.lower())
        .values(guest_name=None, guest_email=None, title=None, updated_at=now),
    )
    series = _count(s, update(SeriesRow).where(SeriesRow.person_id == pid).values(person_id=None, title=None))
    from satellitkontor.services.exchange import out_of_reach

    out_of_reach.dismiss(s, person.email)  # the notice that the sync account cannot reach her mailbox
    feeds = _count(
        s,
        update(FeedTokenRow)
        .where(
            FeedTokenRow.kind == "person",
            FeedTokenRow.target == cast(pid, String),
            FeedTokenRow.revoked_at.is_(None),
        )
        .values(revoked_at=now, revoked_by_id=actor.id if actor else None),
    )
    originals = [v for v in (person.name, person.email) if v.strip().lower() in found]
    texts = _replace_mentions(s, originals, found)
    entries = _scrub_audit(s, now, person, originals, found)

    audit.record(
        s,
        at=now,
        actor=actor,
        action="person.erase",
        entity="person",
        entity_id=pid,
        before={
            "municipality": person.municipality_code,
            "kind": person.kind.value,
            "role": person.role.value,
            "active": person.active,
        },
        after={
            "bookings_anonymised": bookings,
            "bookings_cancelled": cancelled,
            "series": series,
            "feeds_revoked": feeds,
            "audit_entries": entries,
        },
    )
    s.flush()
    s.delete(person)
    s.flush()
    return ErasureReport(pid, bookings, cancelled, series, entries, feeds, texts)


def erase_guest(s: Session, *, now: datetime, actor: PersonRow | None, key: str) -> tuple[int, int]:
    """Erase an external guest (on their request), found by ``key``: the guest's e-mail address,
    the number of one of the guest's bookings ("123" or "#123"), or the guest's name when only one
    guest has it. A name two guests share (another organisation or e-mail address) is refused with
    ``GuestAmbiguous`` listing them with their booking numbers, and nothing changes.

    The guest's coming bookings are cancelled (audited, queued for Exchange) and every booking of
    theirs loses the name and the e-mail address; the organisation stays for the statistics' guest
    count. Returns (bookings, cancelled)."""
    wanted = " ".join(key.split())
    reference = wanted.removeprefix("#")
    guests = select(BookingRow).where(BookingRow.guest_name.is_not(None)).order_by(BookingRow.id)
    if reference.isdigit():
        chosen = s.get(BookingRow, int(reference))
        if chosen is None or chosen.guest_name is None:
            raise GuestBookingNotFound(id=reference)
        rows = [row for row in s.scalars(guests) if _guest_of(row) == _guest_of(chosen)]
    elif "@" in wanted:
        rows = [row for row in s.scalars(guests) if (row.guest_email or "").lower() == wanted.lower()]
        if not rows:
            raise GuestEmailNotFound(email=wanted)
    else:
        rows = [row for row in s.scalars(guests) if _guest_of(row)[0] == wanted.lower()]
        if not wanted or not rows:
            raise GuestNotFound(name=wanted)
        found: dict[tuple[str, str, str], list[BookingRow]] = {}
        for row in rows:
            found.setdefault(_guest_of(row), []).append(row)
        if len(found) > 1:
            raise GuestAmbiguous(name=wanted, matches="; ".join(_listed(r) for r in found.values()))
    privacy_queries.prepare_removal(s)
    cancelled = 0
    for row in rows:
        if row.end_at > now and row.status in HOLDING_STATUSES:
            mark_cancelled(s, actor, row, now, notify=False)
            cancelled += 1
        row.guest_name = None
        row.guest_email = None
        row.updated_at = now
    audit.record(
        s,
        at=now,
        actor=actor,
        action="guest.erase",
        entity="guest",
        entity_id=None,
        after={"bookings_anonymised": len(rows), "bookings_cancelled": cancelled},
    )
    s.flush()
    return len(rows), cancelled


def _guest_of(row: BookingRow) -> tuple[str, str, str]:
    """Who a guest booking is for: the name (spaces tidied, lower case), the organisation and the
    e-mail address. Two bookings with the same three are the same guest."""
    name = " ".join((row.guest_name or "").split()).lower()
    return name, row.guest_org or "", (row.guest_email or "").lower()


def _listed(rows: list[BookingRow]) -> str:
    """One guest of an ambiguous name: "Kim Berg, Region Västerbotten, kim@region.se: #12, #15"."""
    first = rows[0]
    who = ", ".join(x for x in (first.guest_name, first.guest_org, first.guest_email) if x)
    return f"{who}: " + ", ".join(f"#{r.id}" for r in rows)


def _other_admin(s: Session, person_id: int) -> bool:
    stmt = select(PersonRow.id).where(
        PersonRow.role == Role.ADMIN, PersonRow.active.is_(True), PersonRow.id != person_id
    )
    return s.scalar(stmt.limit(1)) is not None


def _count(s: Session, stmt: Any) -> int:
    return int(s.execute(stmt, execution_options=_NO_SYNC).rowcount)  # type: ignore[attr-defined]


def _cancel_coming(s: Session, now: datetime, actor: PersonRow | None, pid: int) -> int:
    rows = s.scalars(
        select(BookingRow).where(
            BookingRow.person_id == pid, BookingRow.end_at > now, BookingRow.status.in_(HOLDING_STATUSES)
        )
    ).all()
    for row in rows:
        mark_cancelled(s, actor, row, now, notify=False)
    s.flush()
    return len(rows)


def _forget_calendar(s: Session, pid: int) -> None:
    """Remove the person's calendar address from the Exchange links of their bookings."""
    mine = select(BookingRow.id).where(BookingRow.person_id == pid)
    pending = select(ExchangeOutboxRow.booking_id).where(ExchangeOutboxRow.done_at.is_(None))
    links = s.scalars(
        select(ExchangeLinkRow).where(ExchangeLinkRow.booking_id.in_(mine), ExchangeLinkRow.origin == "app")
    ).all()
    waiting = set(s.scalars(pending.where(ExchangeOutboxRow.booking_id.in_([x.booking_id for x in links]))))
    for link in links:
        if link.booking_id in waiting:
            link.mailbox = ""
        else:
            s.delete(link)
    s.flush()


def _replace_mentions(s: Session, originals: list[str], found: frozenset[str]) -> int:
    """Rows are found by the name and address as stored (LIKE folds only ASCII on SQLite);
    the mention is then replaced in any case."""
    if not originals:
        return 0
    changed = 0
    for model, columns in _TEXTS:
        for name in columns:
            column = getattr(model, name)
            matches = or_(*[column.contains(v, autoescape=True) for v in originals])
            for row in s.scalars(select(model).where(matches)):
                setattr(row, name, replace_mentions(getattr(row, name), found))
                changed += 1
    s.flush()
    return changed


def _scrub_audit(
    s: Session, now: datetime, person: PersonRow, originals: list[str], found: frozenset[str]
) -> int:
    pid = person.id
    text_match = [AuditRow.actor_name == person.name]
    for v in originals:
        text_match += [
            cast(AuditRow.before, String).contains(v, autoescape=True),
            cast(AuditRow.after, String).contains(v, autoescape=True),
        ]
    stmt = select(AuditRow).where(or_(AuditRow.actor_id == pid, AuditRow.subject_id == pid, *text_match))
    count = 0
    for row in s.scalars(stmt):
        mine = row.subject_id == pid
        keys = {"title"} if mine and row.entity == "booking" else set()
        about = row.entity == "person" and row.entity_id == str(pid)
        before, after = row.before, row.after
        row.before = scrub(before, found=found, keys=keys, person=about)
        row.after = scrub(after, found=found, keys=keys, person=about)
        if row.actor_id == pid or (row.actor_name and mentions(row.actor_name, found)):
            row.actor_name = None
        row.anonymized_at = now
        count += 1
    s.flush()
    return count
