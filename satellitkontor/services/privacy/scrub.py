"""Removing personal data from the JSON of audit entries (``before``/``after``).

The audit trail (services/audit/trail.py) puts a person's name and e-mail address into the entries
about that person (``entity`` "person") and a booking's title into the entries about the booking;
the person of a booking is its ``subject_id``, never a name. Two passes, so that a value in a
shape this module does not know is still found:

- by key: ``email``, ``person_name``, ``person_email``, ``actor_name``, ``title``, and ``name``
  where it names a person (an entry about a person, or a mapping that also has an ``email``);
- by value: any string that contains one of the given names or e-mail addresses (the actor's
  and the subject's, or the erased person's) is removed whole.

A removed value becomes ``None``: the entry still says *that* a title or a name was there.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Any

#: Keys whose value is a person's name, e-mail address or a meeting's title.
PERSONAL_KEYS = frozenset({"email", "person_name", "person_email", "actor_name", "title"})
#: Shorter strings are not searched for inside values (an initial would match everything).
MIN_NEEDLE = 3


def needles(values: Iterable[str | None]) -> frozenset[str]:
    """The names and addresses worth searching for: non-empty, long enough, in lower case."""
    return frozenset(v.strip().lower() for v in values if v and len(v.strip()) >= MIN_NEEDLE)


def scrub(
    value: Any,
    *,
    found: Collection[str] = (),
    keys: Collection[str] = PERSONAL_KEYS,
    person: bool = False,
) -> Any:
    """``value`` without personal data (see the module docstring). ``person``: the value is about
    a person, so its ``name`` is theirs."""
    if isinstance(value, str):
        folded = value.lower()
        return None if any(n in folded for n in found) else value
    if isinstance(value, list):
        return [scrub(v, found=found, keys=keys, person=person) for v in value]
    if isinstance(value, dict):
        personish = person or "email" in value or "person_email" in value
        out: dict[str, Any] = {}
        for k, v in value.items():
            if k in keys or (k == "name" and personish):
                out[k] = None
            else:
                out[k] = scrub(v, found=found, keys=keys, person=False)
        return out
    return value


def mentions(value: Any, found: Collection[str]) -> bool:
    """Whether any string in ``value`` contains one of ``found`` (in lower case)."""
    if isinstance(value, str):
        folded = value.lower()
        return any(n in folded for n in found)
    if isinstance(value, list):
        return any(mentions(v, found) for v in value)
    if isinstance(value, dict):
        return any(mentions(v, found) for v in value.values())
    return False


def replace_mentions(text: str, found: Collection[str], with_: str = "–") -> str:
    """``text`` with every occurrence of ``found`` (any case) replaced: for free text that
    mentions an erased person (a meeting's title, a closure's reason)."""
    out = text
    for needle in found:
        out = re.sub(re.escape(needle), with_, out, flags=re.IGNORECASE)
    return out
