"""Outlook events the pull could not take in, with their reason, for the status and the Exchange box.

Kept as rows of ``exchange_sync_state`` under ``skipped:<mailbox>:<event id>`` (no schema of its
own): the error's code, the sentence in Swedish (``last_error_text``) and in English with the
event's subject and start (``cursor``, JSON). A row goes when its event is taken in later, or is
deleted in Outlook.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from satellitkontor.domain.errors import OutlookEventNotTaken
from satellitkontor.storage.models import ExchangeSyncStateRow

PREFIX = "skipped:"


@dataclass(frozen=True)
class SkippedEvent:
    mailbox: str
    remote_id: str
    subject: str
    start: datetime | None
    code: str
    text_sv: str
    text_en: str
    at: datetime | None

    def text(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text_sv


def key(mailbox: str, remote_id: str) -> str:
    return f"{PREFIX}{mailbox.lower()}:{remote_id}"[:300]


def record(s: Session, mailbox: str, remote_id: str, error: OutlookEventNotTaken, now: datetime) -> None:
    from satellitkontor.words.texts import describe

    row = s.get(ExchangeSyncStateRow, key(mailbox, remote_id))
    if row is None:
        row = ExchangeSyncStateRow(key=key(mailbox, remote_id))
        s.add(row)
    start = error.params.get("start")
    row.cursor = json.dumps(
        {
            "subject": str(error.params.get("subject") or ""),
            "start": start.isoformat() if isinstance(start, datetime) else None,
            "en": describe(error, "en"),
        }
    )
    row.last_attempt_at = now
    row.last_error_code = error.code
    row.last_error_text = describe(error, "sv")


def clear(s: Session, mailbox: str, remote_id: str) -> None:
    s.execute(delete(ExchangeSyncStateRow).where(ExchangeSyncStateRow.key == key(mailbox, remote_id)))


def keys_of(s: Session, mailbox: str) -> set[str]:
    """The keys of ``mailbox``'s events not taken in (so a pull clears only those)."""
    prefix = f"{PREFIX}{mailbox.lower()}:"
    return set(s.scalars(select(ExchangeSyncStateRow.key).where(ExchangeSyncStateRow.key.startswith(prefix))))


def read(s: Session, limit: int = 100) -> tuple[SkippedEvent, ...]:
    rows = s.scalars(
        select(ExchangeSyncStateRow)
        .where(ExchangeSyncStateRow.key.startswith(PREFIX))
        .order_by(ExchangeSyncStateRow.last_attempt_at.desc(), ExchangeSyncStateRow.key)
        .limit(limit)
    )
    out = []
    for row in rows:
        mailbox, _, remote_id = row.key[len(PREFIX) :].partition(":")
        try:
            extra = json.loads(row.cursor or "{}")
        except ValueError:
            extra = {}
        start = extra.get("start")
        out.append(
            SkippedEvent(
                mailbox,
                remote_id,
                str(extra.get("subject") or ""),
                datetime.fromisoformat(start) if start else None,
                row.last_error_code or "",
                row.last_error_text or "",
                str(extra.get("en") or row.last_error_text or ""),
                row.last_attempt_at,
            )
        )
    return tuple(out)
