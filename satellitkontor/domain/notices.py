"""Notices by e-mail (issue 19): what kinds there are, who wants which, and a sound address.

Pure rules, no storage: the sender (services/notices/sender.py) asks :func:`wanted` at sending
time, with the person's choices over the office's defaults, so that a choice made after a change
was queued still holds, and a user's login never needs to read another person's choices.

Decisions:
- A change a person makes herself is a *confirmation* (off by default: she saw it on screen); a
  change someone else made for her (the receptionist, an admin, a closure, the no-show release)
  is always worth telling (``by_others``, on by default). A reminder the working day before is
  opt-in; a waitlist offer is on by default (she asked to be told).
- An address must be a plain ``local@domain.tld`` (no spaces, no display name, one ``@``, a dot
  in the domain, no empty labels): checked when it is typed, so a notice never fails for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from satellitkontor.domain.errors import InvalidInput


class NoticeKind(StrEnum):
    CONFIRMED = "confirmed"
    CHANGED = "changed"
    CANCELLED = "cancelled"
    RELEASED = "released"
    REMINDER = "reminder"
    WAITLIST_OFFER = "waitlist_offer"

    @property
    def cancels(self) -> bool:
        """An iMIP CANCEL (the booking is gone) rather than a REQUEST."""
        return self in (NoticeKind.CANCELLED, NoticeKind.RELEASED)


class NoticeStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    #: Not sent on purpose: the person does not want this kind, or notices were turned off.
    SKIPPED = "skipped"
    #: The server may have taken it, but its answer never came: not sent again on its own.
    UNCERTAIN = "uncertain"
    GIVEN_UP = "given_up"


@dataclass(frozen=True, slots=True)
class NoticePrefs:
    """Which notices a person gets; ``None`` in a person's own choices means "the office's"."""

    confirmations: bool | None = None
    by_others: bool | None = None
    reminders: bool | None = None
    waitlist: bool | None = None
    language: str | None = None

    def over(self, defaults: NoticePrefs) -> NoticePrefs:
        """These choices with the office's defaults filling the gaps."""
        return NoticePrefs(
            confirmations=defaults.confirmations if self.confirmations is None else self.confirmations,
            by_others=defaults.by_others if self.by_others is None else self.by_others,
            reminders=defaults.reminders if self.reminders is None else self.reminders,
            waitlist=defaults.waitlist if self.waitlist is None else self.waitlist,
            language=defaults.language if self.language is None else self.language,
        )


#: The office's defaults when an admin has set none.
OFFICE_DEFAULTS = NoticePrefs(
    confirmations=False, by_others=True, reminders=False, waitlist=True, language="sv"
)


def wanted(kind: NoticeKind, by_other: bool, prefs: NoticePrefs) -> bool:
    """Whether a person with ``prefs`` (already over the defaults) gets this notice."""
    if kind is NoticeKind.REMINDER:
        return bool(prefs.reminders)
    if kind is NoticeKind.WAITLIST_OFFER:
        return bool(prefs.waitlist)
    if by_other or kind is NoticeKind.RELEASED:
        return bool(prefs.by_others)
    return bool(prefs.confirmations)


_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[A-Za-z0-9åäöÅÄÖ](?:[A-Za-z0-9åäöÅÄÖ-]{0,61}[A-Za-z0-9åäöÅÄÖ])?"
_ADDRESS = re.compile(rf"^{_LOCAL}@{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,63}}$")


def check_address(value: str) -> str:
    """``value`` trimmed, when it is an address mail can go to; InvalidInput (field ``email``:
    "Ogiltigt värde för e-postadress (skriv hela adressen, …)") otherwise."""
    address = value.strip()
    if not address or len(address) > 254 or not _ADDRESS.match(address) or len(address.split("@")[0]) > 64:
        raise InvalidInput(field="email", value=value)
    return address
