"""Everything stored about one person, as plain JSON-able data (for ``my-data``).

What is included: the profile; every booking for them (cancelled ones too) with all its columns
but the ids of other people; bookings they made for someone else (times and place, not whom);
their series; their places in waitlists; the audit entries they made or that are about them; the calendar feeds they
published and the feeds of their own bookings; closures, rotation years and meetings they
entered. With Exchange sync, each booking also says which Outlook calendar it was written to
(``exchange_links.mailbox``, their own address for bookings made in the app), when, the room's
answer and whether a change still waits to be written. With notices by e-mail (issue 19): the
messages queued or sent to them (kind, booking, when, status) and their choice of notices, in the
profile.

What is left out is other people: in an audit entry the person made about someone else (a
receptionist booking for a visitor, an admin changing a role), that other person's name, e-mail
address and meeting titles are removed (services/privacy/scrub.py) and only "you did this" remains; a
feed they published about another person says "a person", not who.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, or_, select
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.services.audit.trail import snapshot
from satellitkontor.services.privacy.scrub import PERSONAL_KEYS, needles, scrub
from satellitkontor.storage.models import (
    AuditRow,
    BookingRow,
    ClosureRow,
    ExchangeLinkRow,
    ExchangeOutboxRow,
    FeedTokenRow,
    NoticeOutboxRow,
    NoticePrefsRow,
    PersonRow,
    ResourceRow,
    RotationMeetingRow,
    RotationYearRow,
    SeriesRow,
    WaitlistEntryRow,
)

FORMAT = "satellitkontor-personal-data/1"


def collect(s: Session, person: PersonRow, now: datetime) -> dict[str, Any]:
    """The person's data: a mapping of section -> rows (lists of flat mappings) and the profile."""
    pid = person.id
    names: dict[int, str] = {i: n for i, n in s.execute(select(ResourceRow.id, ResourceRow.name))}
    outlook = _outlook(s, pid)
    return {
        "format": FORMAT,
        "exported_at": now.isoformat(),
        "profile": _profile(person, _choices(s, pid)),
        "bookings": [
            {**_booking(r, names, pid), **outlook.get(r.id, _NOT_SYNCED)}
            for r in _rows(s, BookingRow, BookingRow.start_at, BookingRow.person_id == pid)
        ],
        "bookings_for_others": [
            _booking_for_other(r, names)
            for r in _rows(
                s,
                BookingRow,
                BookingRow.start_at,
                BookingRow.created_by_id == pid,
                or_(BookingRow.person_id != pid, BookingRow.person_id.is_(None)),
            )
        ],
        "series": [
            _series(r, names) for r in _rows(s, SeriesRow, SeriesRow.created_at, SeriesRow.person_id == pid)
        ],
        "audit": _audit(s, person),
        "feeds": _feeds(s, pid),
        "waitlist": [
            _waitlist(r, names)
            for r in _rows(
                s, WaitlistEntryRow, WaitlistEntryRow.created_at, WaitlistEntryRow.person_id == pid
            )
        ],
        "other_records": _other(s, pid),
        "notices": [
            _notice(r)
            for r in _rows(s, NoticeOutboxRow, NoticeOutboxRow.id, NoticeOutboxRow.person_id == pid)
        ],
    }


def _waitlist(r: WaitlistEntryRow, names: dict[int, str]) -> dict[str, Any]:
    """A place in a waitlist (services/waitlist/): what was waited for, and how it ended."""
    return {
        "day": r.day.isoformat(),
        "period": r.desk_period.value if r.desk_period is not None else None,
        "room": names.get(r.resource_id) if r.resource_id is not None else None,
        "start": clk.to_local(r.start_at).isoformat() if r.start_at is not None else None,
        "end": clk.to_local(r.end_at).isoformat() if r.end_at is not None else None,
        "participants": r.participants,
        "auto_book": r.auto_book,
        "state": r.state,
        "joined_at": clk.to_local(r.created_at).isoformat(),
        "decided_at": clk.to_local(r.decided_at).isoformat() if r.decided_at is not None else None,
        "offered_booking_id": r.offered_booking_id,
        "offer_until": clk.to_local(r.offer_until).isoformat() if r.offer_until is not None else None,
    }


_NOT_SYNCED: dict[str, Any] = {
    "outlook_calendar": None,
    "outlook_synced_at": None,
    "room_answer": None,
    "outlook_pending": False,
}


def _outlook(s: Session, pid: int) -> dict[int, dict[str, Any]]:
    """Per booking of the person: what the Exchange sync stored about it."""
    mine = select(BookingRow.id).where(BookingRow.person_id == pid)
    pending = set(
        s.scalars(
            select(ExchangeOutboxRow.booking_id).where(
                ExchangeOutboxRow.done_at.is_(None), ExchangeOutboxRow.booking_id.in_(mine)
            )
        )
    )
    out = {b: {**_NOT_SYNCED, "outlook_pending": True} for b in pending}
    for link in s.scalars(select(ExchangeLinkRow).where(ExchangeLinkRow.booking_id.in_(mine))):
        out[link.booking_id] = _json(
            {
                "outlook_calendar": link.mailbox or None,
                "outlook_synced_at": link.synced_at,
                "room_answer": link.room_response,
                "outlook_pending": link.booking_id in pending,
            }
        )
    return out


def _json(value: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = snapshot(value)
    return out


def _rows(s: Session, model: Any, order: Any, *where: Any) -> list[Any]:
    return list(s.scalars(select(model).where(*where).order_by(order)))


def _notice(r: NoticeOutboxRow) -> dict[str, Any]:
    return _json(
        {
            "kind": r.kind,
            "booking_uid": r.booking_uid,
            "sequence": r.sequence,
            "status": r.status,
            "reason": r.reason,
            "created_at": r.created_at,
            "sent_at": r.sent_at,
            "offer_until": r.offer_until,
        }
    )


def _choices(s: Session, pid: int) -> str:
    row = s.get(NoticePrefsRow, pid)
    if row is None:
        return ""
    chosen = {
        "confirmations": row.confirmations,
        "by_others": row.by_others,
        "reminders": row.reminders,
        "waitlist": row.waitlist,
        "language": row.language,
    }
    return ", ".join(f"{k}={v}" for k, v in chosen.items() if v is not None)


def _profile(p: PersonRow, choices: str = "") -> dict[str, Any]:
    return _json(
        {
            "id": p.id,
            "name": p.name,
            "email": p.email,
            "municipality": p.municipality_code,
            "kind": p.kind,
            "role": p.role,
            "active": p.active,
            "created_at": p.created_at,
            "updated_at": p.updated_at,
            "notice_choices": choices,
        }
    )


def _booking(r: BookingRow, names: dict[int, str], pid: int) -> dict[str, Any]:
    return _json(
        {
            "id": r.id,
            "uid": r.uid,
            "resource": names.get(r.resource_id, str(r.resource_id)),
            "resource_kind": r.resource_kind,
            "day": clk.local_date(r.start_at),
            "start": r.start_at,
            "end": r.end_at,
            "period": r.desk_period,
            "title": r.title,
            "participants": r.participants,
            "status": r.status,
            "municipality": r.municipality_code,
            "person_kind": r.person_kind,
            "series_id": r.series_id,
            "booked_by_you": r.created_by_id == pid,
            "imported": r.import_key is not None,
            "sequence": r.sequence,
            "created_at": r.created_at,
            "updated_at": r.updated_at,
            "checked_in_at": r.checked_in_at,
            "cancelled_at": r.cancelled_at,
        }
    )


def _booking_for_other(r: BookingRow, names: dict[int, str]) -> dict[str, Any]:
    return _json(
        {
            "id": r.id,
            "resource": names.get(r.resource_id, str(r.resource_id)),
            "start": r.start_at,
            "end": r.end_at,
            "status": r.status,
            "created_at": r.created_at,
        }
    )


def _series(r: SeriesRow, names: dict[int, str]) -> dict[str, Any]:
    return _json(
        {
            "id": r.id,
            "resource": names.get(r.resource_id, str(r.resource_id)),
            "rrule": r.rrule,
            "first_day": r.first_day,
            "period": r.desk_period,
            "start_time": r.start_time,
            "end_time": r.end_time,
            "title": r.title,
            "participants": r.participants,
            "created_at": r.created_at,
        }
    )


def _audit(s: Session, person: PersonRow) -> list[dict[str, Any]]:
    pid = person.id
    stmt = (
        select(AuditRow)
        .where(or_(AuditRow.actor_id == pid, AuditRow.subject_id == pid))
        .order_by(AuditRow.at, AuditRow.id)
    )
    rows = list(s.scalars(stmt))
    others = {i for r in rows for i in (r.actor_id, r.subject_id) if i is not None and i != pid}
    known: dict[int, tuple[str, str]] = {}
    if others:
        q = select(PersonRow.id, PersonRow.name, PersonRow.email).where(PersonRow.id.in_(sorted(others)))
        known = {i: (n, e) for i, n, e in s.execute(q)}
    out = []
    for r in rows:
        about_me = r.subject_id == pid
        if about_me:
            before, after = r.before, r.after
        else:  # about someone else: their name, address and titles go
            strangers = needles(
                [*known.get(r.subject_id or 0, ()), r.actor_name if r.actor_id != pid else None]
            )
            keys = PERSONAL_KEYS
            about_person = r.entity == "person"
            before = scrub(r.before, found=strangers, keys=keys, person=about_person)
            after = scrub(r.after, found=strangers, keys=keys, person=about_person)
        who = "actor and subject" if about_me and r.actor_id == pid else ("subject" if about_me else "actor")
        out.append(
            {
                "id": r.id,
                "at": r.at.isoformat(),
                "action": r.action,
                "entity": r.entity,
                "entity_id": r.entity_id,
                "you_are": who,
                "actor_name": r.actor_name if r.actor_id == pid else None,
                "before": before,
                "after": after,
                "anonymized_at": r.anonymized_at.isoformat() if r.anonymized_at else None,
            }
        )
    return out


def _feeds(s: Session, pid: int) -> list[dict[str, Any]]:
    mine = cast(pid, String)
    stmt = (
        select(FeedTokenRow)
        .where(
            or_(
                FeedTokenRow.created_by_id == pid,
                (FeedTokenRow.kind == "person") & (FeedTokenRow.target == mine),
            )
        )
        .order_by(FeedTokenRow.created_at)
    )
    out = []
    for r in s.scalars(stmt):
        about_me = r.kind == "person" and r.target == str(pid)
        target = r.target if r.kind != "person" else ("you" if about_me else "a person")
        out.append(
            _json(
                {
                    "id": r.id,
                    "hint": r.hint,
                    "kind": r.kind,
                    "target": target,
                    "privacy": r.privacy,
                    "label": r.label if r.created_by_id == pid or about_me else None,
                    "published_by_you": r.created_by_id == pid,
                    "created_at": r.created_at,
                    "revoked_at": r.revoked_at,
                }
            )
        )
    return out


def _other(s: Session, pid: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for c in _rows(s, ClosureRow, ClosureRow.start_date, ClosureRow.created_by_id == pid):
        out.append(
            _json(
                {
                    "what": "closure",
                    "id": c.id,
                    "from": c.start_date,
                    "to": c.end_date,
                    "text": c.reason,
                    "at": c.created_at,
                }
            )
        )
    for y in s.scalars(select(RotationYearRow).where(RotationYearRow.confirmed_by_id == pid)):
        out.append(_json({"what": "rotation_year", "id": y.year, "text": y.host_code, "at": y.confirmed_at}))
    for m in _rows(
        s, RotationMeetingRow, RotationMeetingRow.start_at, RotationMeetingRow.created_by_id == pid
    ):
        out.append(
            _json(
                {
                    "what": "rotation_meeting",
                    "id": m.id,
                    "from": m.start_at,
                    "text": m.title,
                    "at": m.created_at,
                }
            )
        )
    return out
