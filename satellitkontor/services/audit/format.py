"""The audit trail in words: who acted, on what, and what changed, in Swedish or English; and
:class:`AuditEntryView`, an entry as the app and the command line show it.

Plain Python, without Qt or SQLAlchemy (the GUI imports it at start-up): Administration →
Ändringslogg, ``satellitkontor audit`` and the CSV export read the same words. The action words
themselves are in words/texts.py (``AUDIT_ACTIONS``). A field or an entity this version has no words
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
from satellitkontor.words.texts import (
    AUDIT_ACTIONS,
    audit_action,
    fmt_date,
    fmt_time,
    label,
    municipality_name,
)

#: Who, when the entry has no name: nobody acted (a new office lays itself out) ...
SYSTEM = ("Systemet", "The system")
#: ... or the name was removed (retention or a person's erasure).
REMOVED = ("borttagen person", "removed person")

ENTITIES: dict[str, tuple[str, str]] = {
    "booking": ("Bokning", "Booking"),
    "person": ("Person", "Person"),
    "resource": ("Plats eller rum", "Desk or room"),
    "closure": ("Stängning", "Closure"),
    "settings": ("Inställning", "Setting"),
    "rotation_year": ("Värdkommunår", "Host year"),
    "meeting": ("Möte", "Meeting"),
    "feed": ("Kalenderflöde", "Calendar feed"),
    "retention": ("Gallring", "Retention"),
}

FIELDS: dict[str, tuple[str, str]] = {
    "resource_id": ("plats-id", "desk id"),
    "resource": ("plats", "place"),
    "start": ("start", "start"),
    "end": ("slut", "end"),
    "status": ("status", "status"),
    "period": ("del av dagen", "part of the day"),
    "title": ("rubrik", "title"),
    "participants": ("deltagare", "participants"),
    "series_id": ("serie", "series"),
    "import_key": ("importerad från", "imported from"),
    "name": ("namn", "name"),
    "email": ("e-post", "e-mail"),
    "municipality": ("kommun", "municipality"),
    "kind": ("typ", "kind"),
    "role": ("roll", "role"),
    "active": ("aktiv", "active"),
    "equipment": ("utrustning", "equipment"),
    "capacity": ("kapacitet", "capacity"),
    "x": ("läge x", "position x"),
    "y": ("läge y", "position y"),
    "sort_order": ("ordning", "order"),
    "start_date": ("första dag", "first day"),
    "end_date": ("sista dag", "last day"),
    "reason": ("anledning", "reason"),
    "host": ("värdkommun", "host municipality"),
    "vice_chair": ("vice ordförande KC-gruppen", "vice chair of the KC group"),
    "note": ("anteckning", "note"),
    "confirmed": ("bekräftad", "confirmed"),
    "location": ("lokal", "location"),
    "target": ("mål", "target"),
    "privacy": ("synlighet", "privacy"),
    "label": ("flödets namn", "feed name"),
    "hint": ("adressens början", "start of the address"),
    "revoked": ("återkallad", "revoked"),
    # the booking rules (settings.policy)
    "week": ("öppettider", "opening hours"),
    "midday": ("mitt på dagen", "midday"),
    "horizon_days": ("dagar framåt som går att boka", "days ahead that can be booked"),
    "room_slot_minutes": ("rummets tidsintervall (min)", "room time step (min)"),
    "room_min_minutes": ("kortaste rumsbokning (min)", "shortest room booking (min)"),
    "room_max_minutes": ("längsta rumsbokning (min)", "longest room booking (min)"),
    "max_participants": ("högsta antal deltagare", "maximum participants"),
    "room_start_grace_minutes": ("rummet får börja så länge sedan (min)", "room start grace (min)"),
    "one_desk_per_person": ("en plats per person", "one desk per person"),
    "no_show_grace_minutes": ("utebliven efter (min)", "no-show after (min)"),
    "check_in_early_minutes": ("incheckning öppnar före start (min)", "check-in opens before start (min)"),
    "extra": ("övrigt", "other"),
    # privacy: settings, retention, a person's export and erasure
    "names_to_users": ("namn synliga för användare", "names shown to users"),
    "retention_months": ("lagringstid (månader)", "retention (months)"),
    "retention_on_start": ("gallra vid start", "retention on start"),
    "cutoff": ("gräns", "cut-off"),
    "months": ("månader", "months"),
    "bookings": ("bokningar", "bookings"),
    "series": ("serier", "series"),
    "audit_entries": ("loggposter", "log entries"),
    "people": ("personer", "people"),
    "other_links": ("andra kopplingar", "other links"),
    "automatic": ("automatiskt", "automatic"),
    "bookings_anonymised": ("bokningar utan namn", "bookings made anonymous"),
    "bookings_cancelled": ("bokningar avbokade", "bookings cancelled"),
    "feeds_revoked": ("flöden återkallade", "feeds revoked"),
    "files": ("filer", "files"),
}

_ORDER = {key: n for n, key in enumerate(FIELDS)}
#: Left out of the one-line summary of a create or a removal (the details show them).
_QUIET = frozenset(
    {"resource_id", "resource", "start", "end", "status", "import_key", "x", "y", "sort_order"}
)
_INSTANTS = frozenset({"start", "end", "at", "checked_in_at", "cancelled_at"})
_DAYS = frozenset({"start_date", "end_date", "cutoff"})
_MUNICIPALITIES = frozenset({"municipality", "host", "vice_chair"})
_LABELLED = frozenset({"status", "period", "role", "kind"})
_FEED_WORDS = {
    "office": ("hela kontoret", "the whole office"),
    "resource": ("en plats eller ett rum", "a desk or room"),
    "municipality": ("kommun", "municipality"),
    "person": ("en person", "a person"),
    "rotation": ("värdkommunskalendern", "the rotation calendar"),
    "public": ("offentligt (utan namn)", "public (no names)"),
    "internal": ("internt (med namn)", "internal (with names)"),
    "council": ("Umeåregionrådet", "Umeåregionrådet"),
    "handover": ("överlämning", "handover"),
    "other": ("annat", "other"),
}
_WEEKDAYS = {
    "sv": ("mån", "tis", "ons", "tors", "fre", "lör", "sön"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
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


def known_actions(lang: str = "sv") -> list[tuple[str, str]]:
    """Every action this version writes, as (code, words), in the order of texts.AUDIT_ACTIONS."""
    return [(code, audit_action(code, lang)) for code in AUDIT_ACTIONS]


def _w(words: tuple[str, str], lang: str) -> str:
    return words[1] if lang == "en" else words[0]


def entity_label(entity: str, lang: str = "sv") -> str:
    words = ENTITIES.get(entity)
    return _w(words, lang) if words else entity


def field_label(key: str, lang: str = "sv") -> str:
    words = FIELDS.get(key)
    return _w(words, lang) if words else key


def who(actor_name: str | None, actor_id: int | None, anonymized: bool, lang: str = "sv") -> str:
    """The actor's name as written; else "borttagen person" or, when nobody acted, "Systemet"."""
    if actor_name:
        return actor_name
    if actor_id is not None or anonymized:
        return _w(REMOVED, lang)
    return _w(SYSTEM, lang)


def value_text(key: str, value: Any, lang: str = "sv") -> str:
    """A stored value in words (see the module's notes)."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return ("yes" if value else "no") if lang == "en" else ("ja" if value else "nej")
    if isinstance(value, str):
        return _string(key, value, lang)
    if isinstance(value, list):
        if key == "week":
            return _week(value, lang)
        return ", ".join(value_text(key, v, lang) for v in value) or MISSING
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "sv" else text
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
        return _w(_FEED_WORDS[value], lang)
    if key in _LABELLED:
        return label(value, lang)
    return value


def _week(value: list[Any], lang: str) -> str:
    days = []
    for n, hours in enumerate(value[:7]):
        name = _WEEKDAYS[lang][n]
        if isinstance(hours, list) and len(hours) == 2:
            days.append(f"{name} {hours[0]}–{hours[1]}")
        else:
            days.append(f"{name} {'closed' if lang == 'en' else 'stängt'}")
    return ", ".join(days)


def changes(before: Any, after: Any, lang: str = "sv") -> tuple[AuditChange, ...]:
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


def summary(before: Any, after: Any, lang: str = "sv") -> str:
    """One line: "roll: användare → administratör"; for a create or a removal, its main facts."""
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
    resource_name: str, start: datetime, end: datetime, period: str | None, lang: str = "sv"
) -> str:
    """ "Plats 3, mån 23 nov 2026 heldag" or "Konferensrummet, mån 23 nov 2026 09:00–11:00"."""
    day = fmt_date(clk.local_date(start), lang)
    when = f"{day} {label(period, lang)}" if period else f"{day} {fmt_time(start)}–{fmt_time(end)}"
    return f"{resource_name}, {when}"
