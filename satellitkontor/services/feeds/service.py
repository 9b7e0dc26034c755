"""Calendar feeds (iCalendar) of the office, a desk or the room, a municipality, a person, and
the rotation calendar: written as a stream, with a cheap version for HTTP caching.

Decisions (the event content itself is described in integrations/ical/feed_writer.py and, for
series, in services/feeds/series.py):

- **Range.** A feed covers local days ``first``..``last``, by default today − 30 days to today
  + 180 (domain/feeds.py). A booking belongs to it when it starts on one of those days; the
  rotation feed has the host years and Decembers that overlap the range and the meetings that
  start in it.
- **Cancelled bookings** stay in a feed as ``STATUS:CANCELLED`` for 30 days
  (:data:`CANCELLED_VISIBLE_DAYS`) after the day they were cancelled, so that every subscriber
  fetches the cancellation at least once, and then leave it. The limit moves by whole local
  days, never within a day: the bytes of a feed depend on the data and on today's date only.
- **Streaming.** Rows are read in batches of :data:`BATCH` (``yield_per``; a server-side cursor
  on PostgreSQL, in one REPEATABLE READ snapshot) and turned into text as they come;
  :meth:`FeedService.stream` yields chunks of about 64 KiB. Memory holds one batch, one chunk,
  the writer's bounded formatting caches and one series at a time (at most ``MAX_OCCURRENCES``
  bookings), whatever the number of events (tests/benchmarks/feed_benchmark.py measures it).
- **Version.** :meth:`FeedService.version` computes an ETag without building the feed, from
  aggregates over the feed's rows (count, newest ``updated_at``, highest id and sum of sequences
  of the bookings in the range and of every booking of a series in it; count and newest change
  of the resources, of the people for internal feeds, of the rotation years and meetings), the
  range, the privacy, the language, today's date and the program's and the format's version.
  Every change that can alter the bytes changes one of these; ``last_modified`` is the newest of
  those changes, and at least the start of today (the range and the cancellation limit move at
  midnight).
- **A person's own file** (:meth:`FeedService.write_bookings`, Mina bokningar → Exportera till
  kalender): the bookings the person chose, as the events of their own INTERNAL feed, one per
  booking (a series' bookings too, each with its own UID), whatever their dates.
- **Who may export what** (:meth:`FeedService.check_access`): a PUBLIC feed carries no personal
  names and anyone may write it. An INTERNAL feed names people: only a receptionist or an admin,
  or a person for their own feed. The feed server serves what an admin published, so it does not
  ask again.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import groupby, pairwise
from operator import itemgetter
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection

from satellitkontor.domain import clock as clk
from satellitkontor.domain import municipalities
from satellitkontor.domain.errors import (
    ActorRequired,
    FeedTargetNotAllowed,
    FeedTargetRequired,
    InvalidInput,
    PermissionDenied,
    PersonNotFound,
    ResourceNotFound,
)
from satellitkontor.domain.feeds import DEFAULT_DAYS_AHEAD, DEFAULT_DAYS_BACK, FeedKind, FeedSpec, Privacy
from satellitkontor.domain.rotation import FIRST_YEAR, LAST_YEAR, Handover
from satellitkontor.services.base import Service, load_person
from satellitkontor.services.feeds.choices import FeedChoice as FeedChoice
from satellitkontor.services.feeds.choices import FeedVersion, feed_choices, feed_title, version_of
from satellitkontor.services.feeds.series import series_events
from satellitkontor.storage.models import PersonRow, ResourceRow
from satellitkontor.storage.queries import common as queries
from satellitkontor.storage.queries import feeds as fq

#: Days a cancelled booking stays in a feed after the day it was cancelled.
CANCELLED_VISIBLE_DAYS = 30
#: Rows per database round trip.
BATCH = 500
#: Characters gathered before a chunk is handed on.
CHUNK = 64 * 1024
#: Raised whenever the feed's bytes change for the same data (part of every ETag).
FORMAT_VERSION = 1


@dataclass
class _Plan:
    """One feed, checked and resolved: what :meth:`FeedService._chunks` writes."""

    spec: FeedSpec
    privacy: Privacy
    lang: str
    first: date
    last: date
    today: date
    title: str
    target: int | str | None
    events: int = 0

    @property
    def params(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "range_start": clk.local(self.first, time(0)),
            "range_end": clk.local(self.last + timedelta(days=1), time(0)),
            "cutoff": clk.local(self.today - timedelta(days=CANCELLED_VISIBLE_DAYS), time(0)),
        }
        if self.target is not None:
            out["target"] = self.target
        return out


class FeedService(Service):
    # --- what there is ------------------------------------------------------------------------
    def title(self, spec: FeedSpec, lang: str = "sv", *, privacy: Privacy = Privacy.INTERNAL) -> str:
        """The calendar's name: "Satellitkontoret – Plats 3"; a person's name only if INTERNAL."""
        with self.db.session() as s:
            return feed_title(s, spec, lang, Privacy(privacy))

    def choices(self, lang: str = "sv", *, include_people: bool = False) -> list[FeedChoice]:
        """Every feed one can publish: the office, each active desk and room, each municipality,
        the rotation calendar; with ``include_people`` each active person too."""
        with self.db.session() as s:
            return feed_choices(s, lang, include_people=include_people)

    def resolve(self, kind: FeedKind, target: str | None) -> FeedSpec:
        """The FeedSpec for a target as a person writes it: a desk's or room's name (or id), a
        municipality's name or code, a person's e-mail (or id)."""
        needs = kind in (FeedKind.RESOURCE, FeedKind.MUNICIPALITY, FeedKind.PERSON)
        text = (target or "").strip()
        if not needs:
            if text:
                raise FeedTargetNotAllowed(kind=kind.value, value=text)
            return FeedSpec(kind)
        if not text:
            raise FeedTargetRequired(kind=kind.value)
        if kind is FeedKind.MUNICIPALITY:
            return FeedSpec(kind, municipalities.lookup(text).code)
        with self.db.session() as s:
            if kind is FeedKind.RESOURCE:
                row = queries.resource_by_name(s, text)
                if row is None and text.isdigit():
                    row = s.get(ResourceRow, int(text))
                if row is None:
                    raise ResourceNotFound(name=text)
                return FeedSpec(kind, str(row.id))
            person = queries.person_by_email(s, text) if "@" in text else None
            if person is None and text.isdigit():
                person = s.get(PersonRow, int(text))
            if person is None:
                raise PersonNotFound(email=text) if "@" in text else PersonNotFound(name=text)
            return FeedSpec(kind, str(person.id))

    def check_access(self, actor_id: int | None, spec: FeedSpec, privacy: Privacy) -> None:
        """Raise unless ``actor_id`` may export this feed (see the module docstring)."""
        if Privacy(privacy) is Privacy.PUBLIC:
            return
        if actor_id is None:
            raise ActorRequired()
        with self.db.session() as s:
            actor = load_person(s, actor_id)
        if actor.role.is_staff or (spec.kind is FeedKind.PERSON and spec.target == str(actor.id)):
            return
        raise PermissionDenied(action="export_internal_feed", role=actor.role.value)

    # --- the feed -----------------------------------------------------------------------------
    def stream(
        self,
        spec: FeedSpec,
        *,
        privacy: Privacy,
        first: date | None = None,
        last: date | None = None,
        lang: str = "sv",
    ) -> Iterator[bytes]:
        """The VCALENDAR in UTF-8 chunks. The feed is checked now (an unknown target raises
        here, before any byte); the rows are read while the chunks are taken."""
        return self._chunks(self._plan(spec, privacy, first, last, lang))

    def write(
        self,
        spec: FeedSpec,
        out: BinaryIO | str | os.PathLike[str],
        *,
        privacy: Privacy,
        first: date | None = None,
        last: date | None = None,
        lang: str = "sv",
    ) -> int:
        """Write the feed to ``out`` and return the number of events. A path is written whole
        or not at all: into a temporary file beside it, then renamed over it (readable by all,
        as a web server serving the folder needs)."""
        plan = self._plan(spec, privacy, first, last, lang)
        _save(self._chunks(plan), out)
        return plan.events

    def write_bookings(
        self,
        person_id: int,
        booking_ids: Sequence[int],
        out: BinaryIO | str | os.PathLike[str],
        *,
        lang: str = "sv",
    ) -> int:
        """Some of a person's bookings as a one-off calendar file (Mina bokningar → Exportera
        till kalender): the events of the person's own feed, one per booking with the booking's
        UID, in the order given; ids of other people's bookings are left out. Returns the count."""
        from satellitkontor.integrations.ical.feed_writer import FeedBooking, FeedWriter

        spec = FeedSpec(FeedKind.PERSON, str(person_id))
        title = self.title(spec, lang, privacy=Privacy.INTERNAL)  # also: the person exists
        writer = FeedWriter(privacy=Privacy.INTERNAL, lang=lang, own_time=True)
        rows: dict[int, FeedBooking] = {}
        with self.db.connect() as conn:
            params = {"ids": list(booking_ids), "person": person_id}
            for row in conn.execute(fq.PERSON_BOOKINGS_BY_ID, params):
                rows[row[-1]] = FeedBooking._make(row[:-1])
        events = [writer.booking(rows[i]) for i in booking_ids if i in rows]
        _save(iter([(writer.begin(title) + "".join(events) + writer.end()).encode()]), out)
        return len(events)

    def version(
        self,
        spec: FeedSpec,
        *,
        privacy: Privacy,
        first: date | None = None,
        last: date | None = None,
        lang: str = "sv",
    ) -> FeedVersion:
        """A version that changes whenever the feed's bytes change, without building it."""
        plan = self._plan(spec, privacy, first, last, lang)
        import satellitkontor

        parts: list[object] = [FORMAT_VERSION, satellitkontor.__version__, spec.kind.value, spec.target]
        parts += [plan.privacy.value, lang]
        parts += [plan.first, plan.last, plan.today, plan.title]
        changes: list[datetime | None] = []
        with self.db.connect() as conn:
            if spec.kind is FeedKind.ROTATION:
                years = _year_params(plan)
                rot = conn.execute(fq.ROTATION_YEARS_VERSION).one()
                meet = conn.execute(fq.MEETINGS_VERSION, years).one()
                parts += [*rot, *meet]
                changes += [rot[1], meet[1]]
            else:
                books = conn.execute(fq.bookings_version(spec.kind), plan.params).one()
                res = conn.execute(fq.RESOURCES_VERSION).one()
                parts += [*books, *res, conn.execute(fq.SERIES_COUNT).scalar()]
                parts += [*conn.execute(fq.CLOSURES_VERSION).one()]  # a closure added or removed
                changes += [books[1], res[1]]
                if plan.privacy is Privacy.INTERNAL:
                    people = conn.execute(fq.PEOPLE_VERSION).one()
                    parts += [*people]
                    changes.append(people[1])
        midnight = clk.local(plan.today, time(0))
        return version_of(parts, [midnight, *changes])

    # --- helpers ------------------------------------------------------------------------------
    def _plan(
        self, spec: FeedSpec, privacy: Privacy, first: date | None, last: date | None, lang: str
    ) -> _Plan:
        privacy = Privacy(privacy)
        today = clk.local_date(self.now())
        first = first if first is not None else today - timedelta(days=DEFAULT_DAYS_BACK)
        last = last if last is not None else today + timedelta(days=DEFAULT_DAYS_AHEAD)
        if last < first:
            raise InvalidInput(field="date_range", value=f"{first.isoformat()} – {last.isoformat()}")
        if spec.kind is FeedKind.ROTATION and (first.year > LAST_YEAR or last.year < FIRST_YEAR):
            raise InvalidInput(field="year", value=f"{first.year}–{last.year}")
        target: int | str | None = None
        if spec.target is not None:
            target = spec.target if spec.kind is FeedKind.MUNICIPALITY else _int_target(spec)
        title = self.title(spec, lang, privacy=privacy)  # also checks that the target exists
        return _Plan(spec, privacy, lang, first, last, today, title, target)

    def _chunks(self, plan: _Plan) -> Iterator[bytes]:
        from satellitkontor.integrations.ical.feed_writer import FeedWriter

        writer = FeedWriter(privacy=plan.privacy, lang=plan.lang, own_time=plan.spec.kind is FeedKind.PERSON)
        buffer = [writer.begin(plan.title)]
        size = len(buffer[0])
        with self.db.connect() as conn:
            if conn.dialect.name == "postgresql":  # one snapshot for all the statements
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            items = (
                self._rotation(conn, plan, writer)
                if plan.spec.kind is FeedKind.ROTATION
                else self._bookings(conn, plan, writer)
            )
            for item in items:
                plan.events += 1
                buffer.append(item)
                size += len(item)
                if size >= CHUNK:
                    yield "".join(buffer).encode()
                    buffer.clear()
                    size = 0
        buffer.append(writer.end())
        yield "".join(buffer).encode()

    def _bookings(self, conn: Connection, plan: _Plan, writer: Any) -> Iterator[str]:
        from satellitkontor.integrations.ical.feed_writer import FeedBooking

        params = plan.params
        if plan.spec.kind in (FeedKind.OFFICE, FeedKind.RESOURCE):  # closed days, once each
            for cid, first, last, reason, created in conn.execute(
                fq.CLOSURES, {"first_day": plan.first, "last_day": plan.last}
            ):
                yield writer.closure(cid, first, last, reason, created)
        batched = conn.execution_options(stream_results=True, yield_per=BATCH)
        make, booking = FeedBooking._make, writer.booking
        for row in batched.execute(fq.single_bookings(plan.spec.kind), params):
            yield booking(make(row))
        rows = batched.execute(fq.series_bookings(plan.spec.kind), params)
        for _series, group in groupby(rows, key=itemgetter(fq.SERIES_ID)):
            yield from series_events(
                list(group),
                writer,
                range_start=params["range_start"],
                range_end=params["range_end"],
                cutoff=params["cutoff"],
            )

    def _rotation(self, conn: Connection, plan: _Plan, writer: Any) -> Iterator[str]:
        from satellitkontor.integrations.ical.feed_writer import FeedMeeting
        from satellitkontor.services.rotation import RotationService

        first_year, last_year = max(plan.first.year, FIRST_YEAR), min(plan.last.year, LAST_YEAR - 1)
        confirmed: dict[int, datetime] = {y: at for y, at in conn.execute(fq.CONFIRMATIONS)}
        handovers = {
            clk.local_date(s).year for s in conn.execute(fq.HANDOVER_STARTS, _year_params(plan)).scalars()
        }
        years = RotationService(self.db, self.clock).years(first_year, last_year + 1)
        for this, nxt in pairwise(years):
            yield writer.host_year(this, confirmed.get(this.year))
            if date(this.year, 12, 1) <= plan.last and this.year not in handovers:
                hand = Handover(this.year, this.host, nxt.host, this.is_projected or nxt.is_projected)
                stamps = [t for t in (confirmed.get(this.year), confirmed.get(nxt.year)) if t is not None]
                yield writer.handover(hand, max(stamps) if stamps else None)
        for row in conn.execute(fq.MEETINGS, plan.params):
            yield writer.meeting(FeedMeeting._make(row))


def _save(chunks: Iterator[bytes], out: BinaryIO | str | os.PathLike[str]) -> None:
    """Write ``chunks`` to a binary file, or to a path whole or not at all: into a temporary
    file beside it, then renamed over it (readable by all, as a web server serving the folder
    needs)."""
    if not isinstance(out, (str, os.PathLike)):
        for chunk in chunks:
            out.write(chunk)
        return
    path = Path(out)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in chunks:
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        tmp.chmod(0o644)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _int_target(spec: FeedSpec) -> int:
    assert spec.target is not None
    try:
        return int(spec.target)
    except ValueError:
        if spec.kind is FeedKind.RESOURCE:
            raise ResourceNotFound(id=spec.target) from None
        raise PersonNotFound(id=spec.target) from None


def _year_params(plan: _Plan) -> dict[str, datetime]:
    """The whole years the rotation feed touches, as a range of instants."""
    return {
        "range_start": clk.local(date(plan.first.year, 1, 1), time(0)),
        "range_end": clk.local(date(plan.last.year + 1, 1, 1), time(0)),
    }
