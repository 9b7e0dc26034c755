"""The notice outbox: a mail to send, added in the booking change's own transaction.

Like the Exchange outbox (services/exchange/outbox.py): the booking code calls
:func:`queue_notice` with the session of its unit of work, so the change and the promise to tell
the person commit together or not at all; a mail server that is down never stops a booking and
never loses a notice.

Decisions:
- Only while notices are on (the ``notices`` setting's ``enabled``; off in a new office and in the
  demo office, so nothing is sent unless an admin asks). Read once per unit of work.
- Every change for a person is queued, with ``by_other`` saying whether she made it herself;
  whether she *wants* it is decided by the sender at sending time (domain.notices.wanted), with
  her choices then. A user's login may then queue a notice without reading anyone's choices
  (row-level security lets her queue about her own bookings only; migration 0015).
- ``payload`` freezes what the mail will say (place, local times, title, the guest), so a notice
  about an earlier state says that state even when the booking changed again before sending.
- Written with a plain INSERT without RETURNING: under row-level security a RETURNING row must
  also pass the read policy, which a receptionist's notice to someone else would on her login,
  but the statement needs nothing back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from satellitkontor.domain.notices import NoticeKind, NoticeStatus
from satellitkontor.storage.models import BookingRow, NoticeOutboxRow, ResourceRow, SettingRow

SETTINGS_KEY = "notices"
#: Core, not ORM, insert: no unit-of-work bookkeeping for a row nothing reads back.
_TABLE = cast(Table, NoticeOutboxRow.__table__)
_INFO_KEY = "satellitkontor.notices_enabled"


def notices_enabled(s: Session) -> bool:
    """Whether notices are on, read once per unit of work (as exchange.outbox.sync_enabled)."""
    known = s.info.get(_INFO_KEY)
    if known is not None:
        return bool(known)
    with s.no_autoflush:
        row = s.get(SettingRow, SETTINGS_KEY)
    enabled = row is not None and isinstance(row.value, dict) and bool(row.value.get("enabled"))
    s.info[_INFO_KEY] = enabled
    return enabled


def forget_enabled(s: Session) -> None:
    """The setting changed in this unit of work: ask again next time."""
    s.info.pop(_INFO_KEY, None)


def booking_facts(booking: BookingRow, resource: ResourceRow | None) -> dict[str, Any]:
    """What a notice says about ``booking``: nothing about anybody but its own person."""
    return {
        "place": resource.name if resource is not None else "",
        "place_kind": booking.resource_kind.value,
        "start": booking.start_at.isoformat(),
        "end": booking.end_at.isoformat(),
        "desk_period": booking.desk_period.value if booking.desk_period is not None else None,
        "title": booking.title,
        "participants": booking.participants,
        "guest": booking.guest_name if booking.guest_org is not None else None,
        "cause": booking.cancel_cause,
    }


def queue_notice(
    s: Session,
    *,
    kind: NoticeKind,
    booking: BookingRow,
    by_id: int | None,
    now: datetime,
    reason: str | None = None,
    offer_until: datetime | None = None,
) -> bool:
    """Queue a notice of ``kind`` to ``booking``'s person; ``by_id`` is who made the change (None:
    the office itself, e.g. the no-show release). False when nothing was queued (notices off, or
    nobody to tell: a booking whose person was removed)."""
    if not notices_enabled(s) or booking.person_id is None:
        return False
    with s.no_autoflush:
        resource = s.get(ResourceRow, booking.resource_id)
    _insert(
        s,
        booking_id=booking.id,
        booking_uid=booking.uid,
        person_id=booking.person_id,
        kind=kind.value,
        sequence=booking.sequence,
        by_other=by_id is None or by_id != booking.person_id,
        reason=reason,
        payload=booking_facts(booking, resource),
        offer_until=offer_until,
        now=now,
    )
    return True


def queue_offer(
    s: Session,
    *,
    person_id: int,
    uid: str,
    resource: ResourceRow,
    start: datetime,
    end: datetime,
    offer_until: datetime,
    now: datetime,
    desk_period: str | None = None,
) -> bool:
    """Queue a waitlist offer of a place not booked yet (``uid``: the booking's uid to be, so the
    calendar sees one event when it is taken). For an offer that is a booking already (booked
    straight away), use :func:`queue_notice` with ``NoticeKind.WAITLIST_OFFER``."""
    if not notices_enabled(s):
        return False
    _insert(
        s,
        booking_id=None,
        booking_uid=uid,
        person_id=person_id,
        kind=NoticeKind.WAITLIST_OFFER.value,
        sequence=0,
        by_other=True,
        reason=None,
        payload={
            "place": resource.name,
            "place_kind": resource.kind.value,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "desk_period": desk_period,
            "title": None,
            "participants": None,
            "guest": None,
            "cause": None,
        },
        offer_until=offer_until,
        now=now,
    )
    return True


def _insert(s: Session, *, now: datetime, **values: Any) -> None:
    s.execute(
        _TABLE.insert(),
        [
            {
                **values,
                "created_at": now,
                "status": NoticeStatus.PENDING.value,
                "attempts": 0,
                "next_attempt_at": now,
            }
        ],
    )
