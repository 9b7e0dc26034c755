"""Reading the audit trail (admins only): the entries, filtered, in words; and as a CSV file.

Decisions and reasons:

- **Read only.** This service has no method that changes or deletes an entry, and the app and
  the command line offer no such thing: entries are written only by the services that make the
  changes (services/audit/trail.py), and the database refuses to delete an entry or to rewrite what
  happened (migration 0003) whoever asks. Retention and a person's erasure may only blank the
  personal data in an entry.
- **Admins only**, without the "no admin yet" opening other admin work has: the trail holds
  personal data of everyone, and an office without an admin has nobody to show it to.
- **Filters**: a period (dates are whole days in the office's time; an ``until`` date is
  included), an action code or several, an entity, the acting person, the person the entry is
  about, and free text (storage/queries/audit.py says what it matches; the action's words in
  the chosen language count too, so "avbokad" finds cancellations).
- **CSV** for Swedish Excel like the statistics (UTF-8 with a byte-order mark, semicolons). A
  cell that begins with ``= + - @`` gets a leading apostrophe: names and titles are typed by
  people, and Excel would otherwise run such a cell as a formula.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from typing import IO, Any

from sqlalchemy.orm import Session

from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import InvalidInput, PermissionDenied
from satellitkontor.domain.people import Role
from satellitkontor.integrations import csv_cells
from satellitkontor.services.audit import format as fmt
from satellitkontor.services.audit.format import AuditEntryView, known_actions
from satellitkontor.services.base import Service, load_person, require_role
from satellitkontor.storage.queries import audit as q
from satellitkontor.words import DEFAULT, say
from satellitkontor.words.texts import audit_action

#: Most entries one call returns; the app pages, the export reads in pages of this size.
MAX_LIMIT = 1000
DEFAULT_LIMIT = 200

#: The export's columns; their headers are ``export.audit.header.<column>`` in the catalogue.
CSV_COLUMNS: tuple[str, ...] = (
    "time",
    "who",
    "action",
    "code",
    "kind",
    "id",
    "concerns",
    "person",
    "change",
    "before",
    "after",
)


class AuditService(Service):
    def entries(
        self,
        actor_id: int | None,
        *,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        action: str | Sequence[str] | None = None,
        entity: str | None = None,
        actor: int | None = None,
        subject: int | None = None,
        text: str | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
        upto_id: int | None = None,
        after: AuditEntryView | tuple[datetime, int] | None = None,
        lang: str = DEFAULT,
    ) -> list[AuditEntryView]:
        """The entries that match, newest first; ``limit``/``offset`` page through them.

        ``upto_id`` (see :meth:`newest_id`) keeps the pages of one list stable while new
        entries are written (storage/queries/audit.py). ``after``: the last entry of the page
        before (or its time and id): the next page, found by an index seek however deep the list
        (``offset`` reads every entry it skips).
        """
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidInput(field="limit", value=limit)
        if offset < 0:
            raise InvalidInput(field="offset", value=offset)
        f = _filter(since, until, action, entity, actor, subject, text, upto_id, lang)
        with self.db.session() as s:
            _require_admin(s, actor_id)
            key = (after.when, after.id) if isinstance(after, AuditEntryView) else after
            return _views(s, q.page(s, f, limit=limit, offset=offset, after=key), lang)

    def count(
        self,
        actor_id: int | None,
        *,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        action: str | Sequence[str] | None = None,
        entity: str | None = None,
        actor: int | None = None,
        subject: int | None = None,
        text: str | None = None,
        upto_id: int | None = None,
        lang: str = DEFAULT,
    ) -> int:
        """How many entries :meth:`entries` would page through with these filters."""
        f = _filter(since, until, action, entity, actor, subject, text, upto_id, lang)
        with self.db.session() as s:
            _require_admin(s, actor_id)
            return q.count(s, f)

    def newest_id(self, actor_id: int | None) -> int | None:
        """The id of the newest entry (None in an empty trail): pass it as ``upto_id``."""
        with self.db.session() as s:
            _require_admin(s, actor_id)
            return q.newest_id(s)

    def export_csv(
        self,
        actor_id: int | None,
        path_or_file: str | os.PathLike[str] | IO[str],
        *,
        lang: str = DEFAULT,
        **filters: Any,
    ) -> int:
        """Write every entry that matches ``filters`` (those of :meth:`entries`) as CSV, newest
        first; returns how many. A path is written whole or not at all (through a temporary
        file beside it)."""
        unknown = set(filters) - {"since", "until", "action", "entity", "actor", "subject", "text"}
        if unknown:
            raise InvalidInput(field="audit_filter", value=", ".join(sorted(unknown)))
        upto = self.newest_id(actor_id)  # checks the actor too
        rows = self._all(actor_id, upto, lang, filters)
        if not isinstance(path_or_file, (str, os.PathLike)):
            path_or_file.write("\ufeff")
            return _write_csv(path_or_file, rows, lang)
        target = os.fspath(path_or_file)
        partial = f"{target}.part"
        try:
            with open(partial, "w", encoding="utf-8-sig", newline="") as f:
                n = _write_csv(f, rows, lang)
            os.replace(partial, target)
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        return n

    def _all(
        self, actor_id: int | None, upto: int | None, lang: str, filters: dict[str, Any]
    ) -> Iterator[AuditEntryView]:
        if upto is None:
            return
        last: AuditEntryView | None = None
        while True:
            batch = self.entries(actor_id, limit=MAX_LIMIT, after=last, upto_id=upto, lang=lang, **filters)
            yield from batch
            if len(batch) < MAX_LIMIT:
                return
            last = batch[-1]


def _require_admin(s: Session, actor_id: int | None) -> None:
    if actor_id is None:
        raise PermissionDenied(action="view_audit", role="none")
    require_role(load_person(s, actor_id), Role.ADMIN, action="view_audit")


def _moment(value: date | datetime | None, *, end: bool) -> datetime | None:
    """A date as the start of that day (or of the next, for an inclusive end) in office time."""
    if value is None or isinstance(value, datetime):
        if isinstance(value, datetime) and value.tzinfo is None:
            raise InvalidInput(field="date", value=value.isoformat())
        return value
    day = value + timedelta(days=1) if end else value
    return clk.local(day, time(0))


def _filter(
    since: date | datetime | None,
    until: date | datetime | None,
    action: str | Sequence[str] | None,
    entity: str | None,
    actor: int | None,
    subject: int | None,
    text: str | None,
    upto_id: int | None,
    lang: str,
) -> q.AuditFilter:
    actions = (action,) if isinstance(action, str) else tuple(action or ())
    start, stop = _moment(since, end=False), _moment(until, end=True)
    if start is not None and stop is not None and stop <= start:
        raise InvalidInput(field="date_range", value=f"{since} – {until}")
    words = " ".join((text or "").split()).lower()
    matching = tuple(code for code, label in known_actions(lang) if words and words in label.lower())
    return q.AuditFilter(
        start, stop, actions, entity or None, actor, subject, words or None, matching, upto_id
    )


def _views(s: Session, records: list[q.AuditRecord], lang: str) -> list[AuditEntryView]:
    bookings = q.booking_facts(s, (r.entity_id for r in records if r.entity == "booking"))
    people = q.names(s, "person", (r.entity_id for r in records if r.entity == "person"))
    places = q.names(s, "resource", (r.entity_id for r in records if r.entity == "resource"))
    return [_view(r, bookings, people, places, lang) for r in records]


def _view(
    r: q.AuditRecord,
    bookings: dict[str, q.BookingFacts],
    people: dict[str, str],
    places: dict[str, str],
    lang: str,
) -> AuditEntryView:
    anonymized = r.anonymized_at is not None
    changes = fmt.changes(r.before, r.after, lang)
    return AuditEntryView(
        id=r.id,
        when=r.at,
        who=fmt.who(r.actor_name, r.actor_id, anonymized, lang),
        actor_id=r.actor_id,
        action=r.action,
        action_label=audit_action(r.action, lang),
        entity=r.entity,
        entity_label=fmt.entity_label(r.entity, lang),
        entity_id=r.entity_id,
        target=_target(r, bookings, people, places, lang),
        subject=r.subject_name,
        subject_id=r.subject_id,
        changes=changes,
        summary=fmt.summary(r.before, r.after, lang, changes),
        before=r.before,
        after=r.after,
        anonymized=anonymized,
    )


def _target(
    r: q.AuditRecord,
    bookings: dict[str, q.BookingFacts],
    people: dict[str, str],
    places: dict[str, str],
    lang: str,
) -> str:
    kind = fmt.entity_label(r.entity, lang)
    key = r.entity_id or ""
    facts: dict[str, Any] = {
        **(r.before if isinstance(r.before, dict) else {}),
        **(r.after if isinstance(r.after, dict) else {}),
    }
    if r.entity == "booking" and key in bookings:
        b = bookings[key]
        return fmt.booking_target(b.resource_name, b.start, b.end, b.desk_period, lang)
    if r.entity == "person" and key in people:
        return people[key]
    if r.entity == "resource" and key in places:
        return places[key]
    if r.entity == "closure" and "start_date" in facts:
        first = fmt.value_text("start_date", facts["start_date"], lang)
        last = fmt.value_text("end_date", facts.get("end_date"), lang)
        return f"{first} – {last}: {facts.get('reason') or ''}".rstrip(": ")
    if r.entity == "meeting" and facts.get("title"):
        return str(facts["title"])
    if r.entity == "feed" and facts.get("hint"):
        return f"{kind} …{facts['hint']}"
    if r.entity == "settings" and key == "booking_policy":
        return say("audit.target.booking_policy", lang)
    return f"{kind} {key}".strip()


def _cell(value: object) -> str:
    return csv_cells.cell("" if value is None else str(value))


def _json(value: Any) -> str:
    import json

    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _write_csv(f: IO[str], rows: Iterator[AuditEntryView], lang: str) -> int:
    writer = csv_cells.Writer(f)
    writer.writerow([say(f"export.audit.header.{column}", lang) for column in CSV_COLUMNS])
    n = 0
    for e in rows:
        local = clk.to_local(e.when)
        writer.writerow(
            [
                _cell(v)
                for v in (
                    local.strftime("%Y-%m-%d %H:%M:%S"),
                    e.who,
                    e.action_label,
                    e.action,
                    e.entity_label,
                    e.entity_id,
                    e.target,
                    e.subject,
                    e.summary,
                    _json(e.before),
                    _json(e.after),
                )
            ]
        )
        n += 1
    return n
