"""Exchange sync switched on and links stored as a push would store them, for the privacy tests.

The links are written directly (what ``exchange_push._apply`` writes after a successful push):
these tests are about what retention, erasure and the export do with them, not about the push.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from satellitkontor.services.exchange.config import ExchangeConfig
from satellitkontor.storage.models import BookingRow, ExchangeLinkRow, ExchangeOutboxRow, PersonRow
from tests.conftest import Office

ROOM_MAILBOX = "konferensrummet@umea.se"


def enable_sync(office: Office) -> None:
    config = ExchangeConfig(
        enabled=True,
        url="http://127.0.0.1:9/EWS/Exchange.asmx",
        account="satellit@umea.se",
        username="satellit@umea.se",
        mailboxes=((office.room.name, ROOM_MAILBOX),),
    )
    office.services.exchange.save_config(office.admin.id, config)


def push_all(office: Office, *, error_for: str | None = None) -> None:
    """Mark every outbox row done and link its booking to an event in the booker's calendar, as a
    successful push does; with ``error_for`` a row of that person stays pending with an error
    naming their mailbox, as a refused push leaves it."""
    with office.services.db.session(write=True) as s:
        now = office.clock.moment
        for row in s.scalars(select(ExchangeOutboxRow).where(ExchangeOutboxRow.done_at.is_(None))):
            booking = s.get(BookingRow, row.booking_id)
            assert booking is not None
            person = s.get(PersonRow, booking.person_id) if booking.person_id else None
            if person is None:
                continue
            if error_for is not None and person.email == error_for:
                row.attempts = 1
                row.last_error_code = "exchange.no_rights"
                row.last_error_text = (
                    f"Kontot satellit@umea.se saknar behörighet till postlådan {person.email}."
                )
                continue
            row.done_at = now
            if s.get(ExchangeLinkRow, booking.id) is None:
                s.add(_link(booking.id, person.email, now))


def _link(booking_id: int, mailbox: str, now: datetime) -> ExchangeLinkRow:
    return ExchangeLinkRow(
        booking_id=booking_id,
        mailbox=mailbox,
        remote_id=f"AAMk-{booking_id}",
        change_key=f"CK-{booking_id}",
        ical_uid=f"uid-{booking_id}",
        room_copy_id=f"AAMk-room-{booking_id}",
        synced_sequence=0,
        room_response="accepted",
        origin="app",
        synced_at=now,
    )


def links(office: Office) -> dict[int, str]:
    with office.services.db.session() as s:
        return {b: m for b, m in s.execute(select(ExchangeLinkRow.booking_id, ExchangeLinkRow.mailbox))}


def pending(office: Office) -> set[int]:
    with office.services.db.session() as s:
        stmt = select(ExchangeOutboxRow.booking_id).where(ExchangeOutboxRow.done_at.is_(None))
        return set(s.scalars(stmt))
