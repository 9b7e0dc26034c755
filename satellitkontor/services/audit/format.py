"""The audit trail in words: who acted, on what, and what changed, in Swedish or English; and
:class:`AuditEntryView`, an entry as the app and the command line show it.

Plain Python, without Qt or SQLAlchemy (the GUI imports it at start-up): Administration →
Ändringslogg, ``satellitkontor audit`` and the CSV export read the same words. The action words
and every other word are in the catalogue (``audit.*`` in words/sv.py, words/en.py). A field or an entity this version has no words
for is shown by its stored name, so entries written by a newer version still read.

Values are stored as JSON (services/audit/trail.py): instants as ISO text in UTC, shown here in the
office's time; statuses, roles and kinds by their codes, shown as the app's words;
municipalities by code, shown by name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from satellitkontor.domain import clock as clk
from satellitkontor.words import DEFAULT, say, table
from satellitkontor.words.texts import (
    AUDIT_ACTIONS,
    audit_action,
    fmt_date,
    fmt_time,
    label,
    municipality_name,
)

#: The fields an entry may hold, in the order they are shown; their words are
#: ``audit.field.<name>`` in the catalogue.
FIELDS: tuple[str, ...] = (
    "resource_id",
    "resource",
    "start",
    "end",
    "status",
    "period",
    "title",
    "participants",
    "series_id",
    "import_key",
    "guest",
    "guest_org",
    "name",
    "email",
    "municipality",
    "kind",
    "role",
    "active",
    "equipment",
    "capacity",
    "x",
    "y",
    "sort_order",
    "start_date",
    "end_date",
    "reason",
    "cause",
    "host",
    "vice_chair",
    "note",
    "confirmed",
    "location",
    "target",
    "privacy",
    "label",
    "hint",
    "revoked",
    # the booking rules (settings.policy)
    "week",
    "midday",
    "horizon_days",
    "room_slot_minutes",
    "room_min_minutes",
    "room_max_minutes",
    "max_participants",
    "room_start_grace_minutes",
    "one_desk_per_person",
    "no_show_grace_minutes",
    "check_in_early_minutes",
    "auto_release",
    "waitlist_offer_minutes",
    "extra",
    # privacy: settings, retention, a person's export and erasure
    "names_to_users",
    "retention_months",
    "retention_on_start",
    "cutoff",
    "months",
    "bookings",
    "series",
    "audit_entries",
    "people",
    "other_links",
    "automatic",
    "bookings_anonymised",
    "bookings_cancelled",
    "feeds_revoked",
    "files",
    # the waitlist (services/waitlist/)
    "day",
    "state",
    "auto_book",
    "booking_id",
    "until",
)

_ORDER = {key: n for n, key in enumerate(FIELDS)}
#: The stored values of a feed's or a meeting's kind and a feed's privacy that have words.
_FEED_WORDS = frozenset(
    (
        "office",
        "resource",
        "municipality",
        "person",
        "rotation",
        "public",
        "internal",
        "council",
        "handover",
        "other",
    )
)
#: Left out of the one-line summary of a create or a removal (the details show them).
_QUIET = frozenset(
    {"resource_id", "resource", "start", "end", "status", "import_key", "x", "y", "sort_order"}
)
_INSTANTS = frozenset({"start", "end", "at", "checked_in_at", "cancelled_at", "until"})
_DAYS = frozenset({"start_date", "end_date", "cutoff", "day"})
_MUNICIPALITIES = frozenset({"municipality", "host", "vice_chair"})
_LABELLED = frozenset({"status", "period", "role", "kind"})
MISSING = "–"


@dataclass(frozen=True, slots=True)
class AuditChange:
    """One field of an entry: its name in words and its value before and after, as text."""

    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class AuditEntryView:
    """One entry as people read it."""

    id: int
    #: When the change was made (aware, UTC; show it in the office's time).
    when: datetime
    #: The actor's name as written, or "borttagen person", or "Systemet" when nobody acted.
    who: str
    actor_id: int | None
    #: The code, e.g. ``booking.cancel``, and its words, e.g. "Avbokad".
    action: str
    action_label: str
    entity: str
    entity_label: str
    entity_id: str | None
    #: What the entry is about in words: "Plats 3, mån 23 nov 2026 heldag", a person's name ...
    target: str
    #: The person the entry is about (their current name), if any.
    subject: str | None
    subject_id: int | None
    #: Every field written, before and after, in words.
    changes: tuple[AuditChange, ...]
    #: The changes on one line.
    summary: str
    #: The stored values, as written (JSON data).
    before: Any
    after: Any
    #: Whether retention or an erasure has blanked personal data in the entry.
    anonymized: bool


def known_actions(lang: str = DEFAULT) -> list[tuple[str, str]]:
    """Every action this version writes, as (code, words), in the order of texts.AUDIT_ACTIONS."""
    return [(code, audit_action(code, lang)) for code in AUDIT_ACTIONS]


def _word(key: str, lang: str, otherwise: str) -> str:
    words = table(lang).get(key)
    return words.format() if words is not None else otherwise


def entity_label(entity: str, lang: str = DEFAULT) -> str:
    return _word(f"audit.entity.{entity}", lang, entity)


def field_label(key: str, lang: str = DEFAULT) -> str:
    return _word(f"audit.field.{key}", lang, key)


def who(actor_name: str | None, actor_id: int | None, anonymized: bool, lang: str = DEFAULT) -> str:
    """The actor's name as written; else "borttagen person" or, when nobody acted, "Systemet"."""
    if actor_name:
        return actor_name
    if actor_id is not None or anonymized:
        return say("audit.who.removed", lang)
    return say("audit.who.system", lang)


def value_text(key: str, value: Any, lang: str = DEFAULT) -> str:
    """A stored value in words (see the module's notes)."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return say("audit.value.yes" if value else "audit.value.no", lang)
    if isinstance(value, str):
        return _string(key, value, lang)
    if isinstance(value, list):
        if key == "week":
            return _week(value, lang)
        return ", ".join(value_text(key, v, lang) for v in value) or MISSING
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", say("number.decimal_point", lang))
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {value_text(str(k), v, lang)}" for k, v in value.items()) or MISSING
    return str(value)


def _string(key: str, value: str, lang: str) -> str:
    if key in _INSTANTS:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        if moment.tzinfo is not None:
            return f"{fmt_date(clk.local_date(moment), lang)} {fmt_time(moment)}"
    if key in _DAYS:
        try:
            return fmt_date(date.fromisoformat(value), lang)
        except ValueError:
            return value
    if key in _MUNICIPALITIES:
        return municipality_name(value)
    if key in ("kind", "privacy") and value in _FEED_WORDS:  # a feed's or a meeting's
        return say(f"audit.value.{value}", lang)
    if key in _LABELLED:
        return label(value, lang)
    if key == "state" and f"waitlist.state.{value}" in table(lang):  # a waitlist entry's
        return say(f"waitlist.state.{value}", lang)
    if key == "cause":  # why a booking was cancelled (words/plans.py)
        from satellitkontor.words.plans import cause_text

        return cause_text(value, lang)
    return value


def _week(value: list[Any], lang: str) -> str:
    days = []
    for n, hours in enumerate(value[:7]):
        name = say(f"date.weekday.{n}", lang)
        if isinstance(hours, list) and len(hours) == 2:
            days.append(f"{name} {hours[0]}–{hours[1]}")
        else:
            days.append(f"{name} {say('audit.value.closed', lang)}")
    return ", ".join(days)


def changes(before: Any, after: Any, lang: str = DEFAULT) -> tuple[AuditChange, ...]:
    """Every field of the entry, in the order of :data:`FIELDS` (stored JSON has its keys sorted
    by name), with its value before and after."""
    old = before if isinstance(before, Mapping) else {}
    new = after if isinstance(after, Mapping) else {}
    keys = sorted(dict.fromkeys([*new, *old]), key=lambda k: _ORDER.get(k, len(_ORDER)))
    return tuple(
        AuditChange(
            k,
            field_label(k, lang),
            value_text(k, old.get(k), lang) if k in old else "",
            value_text(k, new.get(k), lang) if k in new else "",
        )
        for k in keys
    )


def summary(
    before: Any, after: Any, lang: str = DEFAULT, items: tuple[AuditChange, ...] | None = None
) -> str:
    """One line: "roll: användare → administratör"; for a create or a removal, its main facts.
    ``items``: the entry's :func:`changes`, when the caller has them already."""
    if items is None:
        items = changes(before, after, lang)
    created, removed = not isinstance(before, Mapping), not isinstance(after, Mapping)
    if created or removed:
        shown = [c for c in items if c.field not in _QUIET]
        return "; ".join(f"{c.label}: {c.after if created else c.before}" for c in shown)
    parts = []
    for c in items:
        if c.field == "hint" and c.before == c.after:
            continue
        parts.append(f"{c.label}: {c.before or MISSING} → {c.after or MISSING}")
    return "; ".join(parts)


def booking_target(
    resource_name: str, start: datetime, end: datetime, period: str | None, lang: str = DEFAULT
) -> str:
    """ "Plats 3, mån 23 nov 2026 heldag" or "Konferensrummet, mån 23 nov 2026 09:00–11:00"."""
    day = fmt_date(clk.local_date(start), lang)
    when = f"{day} {label(period, lang)}" if period else f"{day} {fmt_time(start)}–{fmt_time(end)}"
    return f"{resource_name}, {when}"
