"""Bookers' mailboxes the sync account cannot reach (issue 15, point 7), for the status and the
Exchange box: the sentence that names the mailbox stays after the booking went out through the
office's mailbox, so IT learns which rights (or which organisation) are missing.

Kept as rows of ``exchange_sync_state`` under ``unreachable:<mailbox>`` (no schema of its own):
the error's code, the sentence in Swedish (``last_error_text``) and in English (``cursor``, JSON),
and when it last happened (``last_attempt_at``). A notice is shown while a person still has that
address; it goes when an admin dismisses it (``sync --dismiss``, the Exchange box), and a person's
new address is a new question (the old notice is no longer shown, and is dropped when the next
one is recorded or dismissed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from satellitkontor.storage.models import ExchangeSyncStateRow, PersonRow

PREFIX = "unreachable:"


@dataclass(frozen=True)
class OutOfReach:
    mailbox: str
    text_sv: str
    text_en: str
    at: datetime | None

    def text(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text_sv


def key(mailbox: str) -> str:
    return f"{PREFIX}{mailbox.lower()}"[:300]


def _addresses(s: Session) -> set[str]:
    return {a for a in s.scalars(select(func.lower(PersonRow.email))) if a}


def record(s: Session, mailbox: str, code: str, text_sv: str, text_en: str, now: datetime) -> None:
    row = s.get(ExchangeSyncStateRow, key(mailbox))
    if row is None:
        row = ExchangeSyncStateRow(key=key(mailbox))
        s.add(row)
    row.cursor = json.dumps({"en": text_en})
    row.last_attempt_at = now
    row.last_error_code = code
    row.last_error_text = text_sv
    _drop_stale(s)


def dismiss(s: Session, mailbox: str | None = None) -> int:
    """Dismiss the notice of ``mailbox`` (None: all of them); how many went."""
    stmt = delete(ExchangeSyncStateRow).where(
        ExchangeSyncStateRow.key == key(mailbox) if mailbox else ExchangeSyncStateRow.key.startswith(PREFIX)
    )
    return int(s.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]


def _drop_stale(s: Session) -> None:
    """Notices of addresses no person has any more (the address was changed, or erased)."""
    known = _addresses(s)
    stale = [
        k
        for k in s.scalars(
            select(ExchangeSyncStateRow.key).where(ExchangeSyncStateRow.key.startswith(PREFIX))
        )
        if k[len(PREFIX) :] not in known
    ]
    if stale:
        s.execute(delete(ExchangeSyncStateRow).where(ExchangeSyncStateRow.key.in_(stale)))


def read(s: Session, limit: int = 100) -> tuple[OutOfReach, ...]:
    rows = list(
        s.scalars(
            select(ExchangeSyncStateRow)
            .where(ExchangeSyncStateRow.key.startswith(PREFIX))
            .order_by(ExchangeSyncStateRow.last_attempt_at.desc(), ExchangeSyncStateRow.key)
            .limit(limit)
        )
    )
    if not rows:
        return ()
    known = _addresses(s)
    out = []
    for row in rows:
        mailbox = row.key[len(PREFIX) :]
        if mailbox not in known:  # the address changed: the notice was about the old one
            continue
        try:
            extra = json.loads(row.cursor or "{}")
        except ValueError:
            extra = {}
        text_sv = row.last_error_text or ""
        out.append(OutOfReach(mailbox, text_sv, str(extra.get("en") or text_sv), row.last_attempt_at))
    return tuple(out)
