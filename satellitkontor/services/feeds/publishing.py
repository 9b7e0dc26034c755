"""Published calendar feeds: the unguessable URLs admins hand out, and turning one back into a feed.

Decisions and reasons:

- **The token** is ``secrets.token_urlsafe(32)``: 256 random bits, URL-safe, 43 characters. It is
  shown once, when the feed is published; the database keeps only its SHA-256 (``token_hash``) and
  its first :data:`HINT_LENGTH` characters (``hint``), so a copy of the database or a backup does
  not hand out working calendar addresses, and admins can still tell URLs apart ("…ab12cd").
  Looking a request's token up by its hash makes the comparison constant-time in effect: the
  secret itself is never compared character by character.
- **Revoking** keeps the row (who published what, and when it stopped) and makes the URL answer
  404 at the next request. Revoking a feed that is already revoked changes nothing and returns it
  as it is (the admin's wish, "this URL must stop working", is already true; a double click in
  the app must not become an error).
- **Targets are checked when publishing** (the desk or room, the municipality, the person must
  exist) and stored normalised: a resource or person id as digits, a municipality as its code.
  A target that later becomes inactive keeps its feed: the history stays subscribable until an
  admin revokes it.
- :meth:`FeedPublishingService.resolve` and :meth:`~FeedPublishingService.active_feeds` take no
  actor: the feed server and the folder writer run without anyone signed in, and they learn only
  what a valid URL gives anyway (never a token: those are not stored).
- **The audit trail** gets ``feed.publish`` and ``feed.revoke`` entries (services/audit/trail.py) with
  the hint, never the token; a person's feed names that person as the entry's subject.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from satellitkontor.domain import municipalities
from satellitkontor.domain.errors import FeedNotFound, InvalidInput, PersonNotFound, ResourceNotFound
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.domain.text import plain
from satellitkontor.services.audit import trail as audit
from satellitkontor.services.base import Service, require_admin
from satellitkontor.storage.models import FeedTokenRow, PersonRow, ResourceRow

#: Characters of the token kept in the database and shown in lists, logs and file names.
HINT_LENGTH = 6
#: token_urlsafe's alphabet; anything else in a URL is not one of ours (no database look-up).
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,128}")
MAX_LABEL = 200


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def feed_path(token: str) -> str:
    """The path the feed server answers for ``token``."""
    return f"/feeds/{token}.ics"


def feed_url(base_url: str, token: str) -> str:
    """``base_url`` (e.g. ``http://kontoret.umea.se:8765``) joined with :func:`feed_path`."""
    return base_url.rstrip("/") + feed_path(token)


@dataclass(frozen=True, slots=True)
class FeedTokenView:
    """A published feed as admins see it in the list: never its token, only the hint."""

    id: int
    hint: str
    kind: FeedKind
    #: The stored target: resource id, municipality code or person id; None for office/rotation.
    target: str | None
    #: The target's name (desk or room, municipality, person); None for office and rotation.
    target_label: str | None
    privacy: Privacy
    #: The admin's own name for the feed, None when none was given.
    label: str | None
    created_at: datetime
    created_by_name: str | None
    revoked_at: datetime | None

    @property
    def spec(self) -> FeedSpec:
        return FeedSpec(self.kind, self.target)

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class PublishedFeed:
    """The result of publishing: the token (shown this once, stored nowhere) and the feed."""

    token: str
    view: FeedTokenView


@dataclass(frozen=True, slots=True)
class ActiveFeed:
    """What the feed server and the folder writer need to serve one non-revoked feed."""

    id: int
    hint: str
    spec: FeedSpec
    privacy: Privacy
    label: str | None


class FeedPublishingService(Service):
    feed_path = staticmethod(feed_path)
    feed_url = staticmethod(feed_url)

    # --- admins -------------------------------------------------------------------------------
    def publish(
        self, actor_id: int | None, spec: FeedSpec, privacy: Privacy, label: str | None = None
    ) -> PublishedFeed:
        label = (label or "").strip()
        if len(label) > MAX_LABEL:
            raise InvalidInput(field="feed_label", value=label[:40] + "…")
        if label:
            label = plain(label, "feed_label", limit=MAX_LABEL)
        token = secrets.token_urlsafe(32)
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "publish_feed")
            target = _checked_target(s, spec)
            row = FeedTokenRow(
                token_hash=hash_token(token),
                hint=token[:HINT_LENGTH],
                kind=spec.kind.value,
                target=target,
                privacy=Privacy(privacy).value,
                label=label,
                created_by_id=actor.id if actor is not None else None,
                created_at=self.now(),
            )
            s.add(row)
            s.flush()
            audit.record(
                s,
                at=row.created_at,
                actor=actor,
                action="feed.publish",
                entity="feed",
                entity_id=row.id,
                after={
                    "kind": row.kind,
                    "target": row.target,
                    "privacy": row.privacy,
                    "label": row.label or None,
                    "hint": row.hint,
                },
                subject_id=_subject(row),
            )
            return PublishedFeed(token, _view(s, row))

    def revoke(self, actor_id: int | None, token_id: int) -> FeedTokenView:
        """Stop a feed's URL. Revoking a revoked feed changes nothing (see the module's notes)."""
        with self.db.session(write=True) as s:
            actor = require_admin(s, actor_id, "revoke_feed")
            row = s.get(FeedTokenRow, token_id)
            if row is None:
                raise FeedNotFound(id=token_id)
            if row.revoked_at is None:
                row.revoked_at = self.now()
                row.revoked_by_id = actor.id if actor is not None else None
                audit.record(
                    s,
                    at=row.revoked_at,
                    actor=actor,
                    action="feed.revoke",
                    entity="feed",
                    entity_id=row.id,
                    before={"revoked": False, "hint": row.hint},
                    after={"revoked": True, "hint": row.hint},
                    subject_id=_subject(row),
                )
            return _view(s, row)

    def published(self, actor_id: int | None, include_revoked: bool = False) -> list[FeedTokenView]:
        """Newest first."""
        with self.db.session() as s:
            require_admin(s, actor_id, "list_feeds")
            stmt = select(FeedTokenRow).order_by(FeedTokenRow.created_at.desc(), FeedTokenRow.id.desc())
            if not include_revoked:
                stmt = stmt.where(FeedTokenRow.revoked_at.is_(None))
            return [_view(s, row) for row in s.scalars(stmt)]

    # --- the server and the folder writer (no actor) -------------------------------------------
    def lookup(self, token: str) -> ActiveFeed | None:
        """The non-revoked feed ``token`` opens, or None (unknown, revoked or malformed alike)."""
        if not isinstance(token, str) or not _TOKEN_SHAPE.fullmatch(token):
            return None
        with self.db.session() as s:
            stmt = select(FeedTokenRow).where(
                FeedTokenRow.token_hash == hash_token(token), FeedTokenRow.revoked_at.is_(None)
            )
            row = s.scalars(stmt).first()
            return _active(row) if row is not None else None

    def resolve(self, token: str) -> tuple[FeedSpec, Privacy] | None:
        feed = self.lookup(token)
        return (feed.spec, feed.privacy) if feed is not None else None

    def active_feeds(self) -> list[ActiveFeed]:
        """Every non-revoked feed, oldest first (the folder writer's list)."""
        with self.db.session() as s:
            stmt = select(FeedTokenRow).where(FeedTokenRow.revoked_at.is_(None)).order_by(FeedTokenRow.id)
            return [_active(row) for row in s.scalars(stmt)]


def _subject(row: FeedTokenRow) -> int | None:
    """The person a person's feed shows (the audit entry's subject)."""
    if row.kind == FeedKind.PERSON.value and row.target is not None and row.target.isdigit():
        return int(row.target)
    return None


def _checked_target(s: Session, spec: FeedSpec) -> str | None:
    """The target in its stored form, or a typed error when it does not exist."""
    if spec.target is None:
        return None
    raw = spec.target.strip()
    if spec.kind is FeedKind.MUNICIPALITY:
        return municipalities.lookup(raw).code
    if not raw.isascii() or not raw.isdigit():
        raise InvalidInput(field="feed_target", value=spec.target)
    ident = int(raw)
    if spec.kind is FeedKind.RESOURCE and s.get(ResourceRow, ident) is None:
        raise ResourceNotFound(id=ident)
    if spec.kind is FeedKind.PERSON and s.get(PersonRow, ident) is None:
        raise PersonNotFound(id=ident)
    return str(ident)


def _target_label(s: Session, kind: FeedKind, target: str | None) -> str | None:
    if target is None:
        return None
    if kind is FeedKind.MUNICIPALITY:
        known = municipalities.BY_CODE.get(target)
        return known.name if known is not None else target
    if not target.isdigit():
        return None
    row = s.get(ResourceRow, int(target)) if kind is FeedKind.RESOURCE else s.get(PersonRow, int(target))
    return row.name if row is not None else None


def _view(s: Session, row: FeedTokenRow) -> FeedTokenView:
    kind = FeedKind(row.kind)
    creator = s.get(PersonRow, row.created_by_id) if row.created_by_id is not None else None
    return FeedTokenView(
        id=row.id,
        hint=row.hint,
        kind=kind,
        target=row.target,
        target_label=_target_label(s, kind, row.target),
        privacy=Privacy(row.privacy),
        label=row.label or None,
        created_at=row.created_at,
        created_by_name=creator.name if creator is not None else None,
        revoked_at=row.revoked_at,
    )


def _active(row: FeedTokenRow) -> ActiveFeed:
    return ActiveFeed(
        id=row.id,
        hint=row.hint,
        spec=FeedSpec(FeedKind(row.kind), row.target),
        privacy=Privacy(row.privacy),
        label=row.label or None,
    )
