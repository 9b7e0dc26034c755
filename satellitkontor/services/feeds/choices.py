"""Names of calendar feeds: their titles, the list of feeds one can publish, and their versions.

Titles are what a calendar program shows as the calendar's name (``X-WR-CALNAME``):
"Satellitkontoret – Plats 3". A person's name appears only in an INTERNAL person feed; a PUBLIC
one is "Satellitkontoret – en persons bokningar". File names (for ``export-ical --all``) are
ASCII, lower case and the same in both languages, so that links to a published folder stay.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from satellitkontor.domain import municipalities
from satellitkontor.domain.errors import PersonNotFound, ResourceNotFound, UnknownMunicipality
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.storage.models import PersonRow, ResourceRow
from satellitkontor.storage.queries import common as queries
from satellitkontor.words import say


@dataclass(frozen=True, slots=True)
class FeedChoice:
    spec: FeedSpec
    #: "Plats 3 (kontorsplats)", for lists in the app and on the command line.
    label: str
    #: "plats-3.ics": where ``export-ical --all`` writes this feed.
    file_name: str


@dataclass(frozen=True, slots=True)
class FeedVersion:
    """What a feed server needs to answer a conditional GET without building the feed."""

    #: An opaque strong tag, without quotes (the HTTP header value is :attr:`http_etag`).
    etag: str
    #: Aware, UTC, whole seconds.
    last_modified: datetime

    @property
    def http_etag(self) -> str:
        return f'"{self.etag}"'


def feed_title(s: Session, spec: FeedSpec, lang: str, privacy: Privacy) -> str:
    """The calendar's name; raises if the feed's target does not exist."""
    if spec.kind is FeedKind.OFFICE:
        return say("feed.title.office", lang)
    if spec.kind is FeedKind.ROTATION:
        return say("feed.title.rotation", lang)
    target = spec.target or ""
    if spec.kind is FeedKind.MUNICIPALITY:
        m = municipalities.BY_CODE.get(target)
        if m is None:
            raise UnknownMunicipality(value=target)
        return say("feed.title.named", lang, name=m.name)
    if spec.kind is FeedKind.RESOURCE:
        resource = s.get(ResourceRow, int(target)) if target.isdigit() else None
        if resource is None:
            raise ResourceNotFound(id=target)
        return say("feed.title.named", lang, name=resource.name)
    person = s.get(PersonRow, int(target)) if target.isdigit() else None
    if person is None:
        raise PersonNotFound(id=target)
    if privacy is Privacy.INTERNAL:
        return say("feed.title.named", lang, name=person.name)
    return say("feed.title.someone", lang)


def feed_choices(s: Session, lang: str, *, include_people: bool) -> list[FeedChoice]:
    out = [FeedChoice(FeedSpec(FeedKind.OFFICE), say("feed.choice.office", lang), "kontoret.ics")]
    for r in queries.resources(s):
        label = say(
            "feed.choice.room" if r.kind is ResourceKind.ROOM else "feed.choice.desk", lang, name=r.name
        )
        out.append(FeedChoice(FeedSpec(FeedKind.RESOURCE, str(r.id)), label, f"{slug(r.name)}.ics"))
    for m in municipalities.ALL:
        label = say("feed.choice.municipality", lang, name=m.name)
        out.append(FeedChoice(FeedSpec(FeedKind.MUNICIPALITY, m.code), label, f"kommun-{m.code}.ics"))
    out.append(FeedChoice(FeedSpec(FeedKind.ROTATION), say("feed.choice.rotation", lang), "vardkommun.ics"))
    if include_people:
        stmt = select(PersonRow.id, PersonRow.name).where(PersonRow.active.is_(True)).order_by(PersonRow.name)
        for pid, name in s.execute(stmt):
            out.append(
                FeedChoice(
                    FeedSpec(FeedKind.PERSON, str(pid)),
                    say("feed.choice.person", lang, name=name),
                    f"person-{pid}.ics",
                )
            )
    return _unique_files(out)


def slug(text: str) -> str:
    """ "Plats 3" -> "plats-3", "Konferensrummet Älven" -> "konferensrummet-alven"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "feed"


def _unique_files(choices: list[FeedChoice]) -> list[FeedChoice]:
    """Two names that fold to the same file ("Plats 1" and "plats-1") get the target added."""
    seen: set[str] = set()
    out = []
    for c in choices:
        name = c.file_name
        if name in seen:
            name = f"{name[:-4]}-{c.spec.target}.ics"
        seen.add(name)
        out.append(FeedChoice(c.spec, c.label, name))
    return out


def version_of(parts: Iterable[object], changes: Iterable[datetime | None]) -> FeedVersion:
    """The ETag of ``parts`` and the newest of ``changes`` (in whole seconds)."""
    digest = hashlib.sha256(repr(list(parts)).encode()).hexdigest()[:32]
    newest = max(c for c in changes if c is not None).astimezone(UTC).replace(microsecond=0)
    return FeedVersion(digest, newest)
