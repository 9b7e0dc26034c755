"""The sender: delivers the notice outbox, one notice per transaction, never one twice.

Decisions:
- **Claim and mark in one transaction.** A notice is read with ``FOR UPDATE SKIP LOCKED`` on
  PostgreSQL (on SQLite the write transaction holds the file's write lock), the mail is handed to
  the server, and ``sent`` is written in that same transaction. Two PCs running the sender at once
  never both send a row: the second skips it while the first holds it; a sender that dies before
  its commit leaves the row pending, and the mail had not been accepted (the server accepts at
  the end of DATA, which is the last thing before the commit).
- **The lost answer.** If the connection breaks after the message was handed over but before
  the server said 250, the server may have queued it. Sending again could deliver it twice, so
  the notice becomes ``uncertain``: shown in the status, never resent by itself. (The one other
  window, a database that fails between the 250 and the commit, is not closed: that notice would
  go again; its Message-ID is the same, which lets the receiving side see the repeat.)
- **Back-off.** A server that is down stops the run (the rest wait, untouched, and lose no
  attempts); the notice it failed on waits ``base * 2^(attempts-1)`` seconds, at most ``cap``,
  and is given up after ``max_attempts``. A refusal of one message (5xx) gives that one up and the
  run goes on.
- **Wanted?** decided here, at sending time, with the person's choices then (domain.notices.
  wanted); unwanted ones become ``skipped``. A person without an address, or inactive, too.
- **Reminders** for the next working day are queued by the run itself, once per booking.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import HOLDING_STATUSES
from satellitkontor.domain.notices import NoticeKind, NoticePrefs, NoticeStatus, wanted
from satellitkontor.integrations.mail.errors import MailError
from satellitkontor.integrations.mail.imip import build_message
from satellitkontor.services.notices.config import NoticeConfig
from satellitkontor.services.notices.queue import queue_notice
from satellitkontor.services.notices.wording import notice_message
from satellitkontor.storage.database import Database
from satellitkontor.storage.models import BookingRow, NoticeOutboxRow, NoticePrefsRow, PersonRow
from satellitkontor.storage.queries import common as queries
from satellitkontor.words.texts import describe


class Transport(Protocol):
    name: str

    def send(self, sender: str, recipient: str, message: bytes) -> None: ...

    def close(self) -> None: ...


@dataclass
class SendReport:
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    uncertain: int = 0
    reminders: int = 0
    errors: list[str] = field(default_factory=list)
    stopped: bool = False


def prefs_of(s: Session, person_ids: list[int]) -> dict[int, NoticePrefs]:
    if not person_ids:
        return {}
    rows = s.scalars(select(NoticePrefsRow).where(NoticePrefsRow.person_id.in_(person_ids)))
    return {
        r.person_id: NoticePrefs(r.confirmations, r.by_others, r.reminders, r.waitlist, r.language)
        for r in rows
    }


def message_id(row_id: int, uid: str, sender: str) -> str:
    digest = hashlib.sha256(uid.encode()).hexdigest()[:12]
    domain = sender.rpartition("@")[2] or "satellitkontor.invalid"
    return f"<notice-{row_id}-{digest}@{domain}>"


class Sender:
    def __init__(self, db: Database, config: NoticeConfig, transport: Transport, now: datetime) -> None:
        self.db, self.config, self.transport, self.now = db, config, transport, now

    def run(self, limit: int | None = None) -> SendReport:
        report = SendReport()
        report.reminders = self.queue_reminders()
        done = 0
        try:
            while limit is None or done < limit:
                outcome = self._one(report)
                if outcome is None:
                    break
                done += 1
                if report.stopped:
                    break
        finally:
            self.transport.close()
        return report

    # --- one notice ---------------------------------------------------------------------------
    def _due(self, s: Session) -> NoticeOutboxRow | None:
        stmt = (
            select(NoticeOutboxRow)
            .where(
                NoticeOutboxRow.status == NoticeStatus.PENDING.value,
                NoticeOutboxRow.next_attempt_at <= self.now,
            )
            .order_by(NoticeOutboxRow.next_attempt_at, NoticeOutboxRow.id)
            .limit(1)
        )
        if s.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True)
        return s.scalars(stmt).first()

    def _one(self, report: SendReport) -> bool | None:
        with self.db.session(write=True) as s:
            row = self._due(s)
            if row is None:
                return None
            person = s.get(PersonRow, row.person_id)
            prefs = prefs_of(s, [row.person_id]).get(row.person_id, NoticePrefs()).over(self.config.defaults)
            kind = NoticeKind(row.kind)
            if (
                person is None
                or not person.active
                or not person.email
                or not wanted(kind, row.by_other, prefs)
            ):
                row.status = NoticeStatus.SKIPPED.value
                report.skipped += 1
                return True
            lang = prefs.language or "sv"
            mid = message_id(row.id, row.booking_uid, self.config.sender)
            notice = notice_message(
                kind=kind,
                uid=row.booking_uid,
                sequence=row.sequence,
                by_other=row.by_other,
                reason=row.reason,
                payload=row.payload if isinstance(row.payload, dict) else {},
                offer_until=row.offer_until,
                person_name=person.name,
                person_email=person.email,
                sender=self.config.sender,
                sender_name=self.config.sender_name,
                lang=lang,
                message_id=mid,
                now=self.now,
            )
            data = build_message(notice).as_bytes()
            row.attempts += 1
            try:
                self.transport.send(self.config.sender, person.email, data)
            except MailError as e:
                self._failed(row, e, report)
                return False
            row.status = NoticeStatus.SENT.value
            row.sent_at = self.now
            row.message_id = mid
            row.last_error_code = row.last_error_text = None
            report.sent += 1
            return True

    def _failed(self, row: NoticeOutboxRow, error: MailError, report: SendReport) -> None:
        row.last_error_code = error.code
        row.last_error_text = describe(error)
        report.errors.append(row.last_error_text)
        if error.code == "mail.uncertain":
            row.status = NoticeStatus.UNCERTAIN.value
            report.uncertain += 1
        elif not error.retry or row.attempts >= self.config.max_attempts:
            row.status = NoticeStatus.GIVEN_UP.value
            report.failed += 1
        else:
            wait = min(
                self.config.retry_cap_seconds, self.config.retry_base_seconds * 2 ** (row.attempts - 1)
            )
            row.next_attempt_at = self.now + timedelta(seconds=wait)
            report.failed += 1
        report.stopped = error.stop

    # --- reminders ----------------------------------------------------------------------------
    def queue_reminders(self) -> int:
        """Queue a reminder of each holding booking on the next working day, once per booking,
        for the people who want reminders (their choice or the office's default)."""
        with self.db.session(write=True) as s:
            today = clk.local_date(self.now)
            policy = queries.load_policy(s)
            calendar = queries.load_calendar(s, policy, today, today + timedelta(days=14))
            day = calendar.next_open_day(today)
            start, end = clk.local_day_bounds(day)
            already = exists().where(
                NoticeOutboxRow.booking_id == BookingRow.id, NoticeOutboxRow.kind == NoticeKind.REMINDER.value
            )
            rows = list(
                s.scalars(
                    select(BookingRow).where(
                        BookingRow.start_at >= start,
                        BookingRow.start_at < end,
                        BookingRow.status.in_(HOLDING_STATUSES),
                        BookingRow.person_id.is_not(None),
                        ~already,
                    )
                )
            )
            chosen = prefs_of(s, sorted({r.person_id for r in rows if r.person_id is not None}))
            added = 0
            for row in _wanting_reminders(rows, chosen, self.config.defaults):
                if queue_notice(s, kind=NoticeKind.REMINDER, booking=row, by_id=row.person_id, now=self.now):
                    added += 1
            return added


def _wanting_reminders(
    rows: list[BookingRow], chosen: dict[int, NoticePrefs], defaults: NoticePrefs
) -> Iterator[BookingRow]:
    for row in rows:
        assert row.person_id is not None
        prefs = chosen.get(row.person_id, NoticePrefs()).over(defaults)
        if prefs.reminders:
            yield row
