"""Published feed URLs: only admins publish, list and revoke; only the token's hash is stored; a
revoked or unknown token opens nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from satellitkontor.domain.errors import (
    FeedNotFound,
    InvalidInput,
    PermissionDenied,
    PersonNotFound,
    ResourceNotFound,
    UnknownMunicipality,
)
from satellitkontor.domain.feeds import FeedKind, FeedSpec, Privacy
from satellitkontor.services.feeds.publishing import HINT_LENGTH, feed_path, feed_url
from tests.conftest import Office
from tests.services.helpers import sv


def test_an_admin_publishes_a_feed_and_its_token_opens_it(sqlite_office: Office) -> None:
    o = sqlite_office
    pub = o.services.feed_publishing
    published = pub.publish(o.admin.id, FeedSpec(FeedKind.RESOURCE, str(o.desk(3).id)), Privacy.PUBLIC)
    assert len(published.token) >= 43  # 32 random bytes, URL-safe
    view = published.view
    assert view.hint == published.token[:HINT_LENGTH]
    assert view.kind is FeedKind.RESOURCE and view.target == str(o.desk(3).id)
    assert view.target_label == o.desk(3).name
    assert view.privacy is Privacy.PUBLIC and view.label is None
    assert view.created_by_name == o.admin.name and view.revoked_at is None
    assert view.created_at == o.clock()
    assert pub.resolve(published.token) == (FeedSpec(FeedKind.RESOURCE, str(o.desk(3).id)), Privacy.PUBLIC)
    assert feed_path(published.token) == f"/feeds/{published.token}.ics"
    assert (
        feed_url("http://kontoret:8765/", published.token)
        == f"http://kontoret:8765/feeds/{published.token}.ics"
    )


def test_each_publication_gets_its_own_token(sqlite_office: Office) -> None:
    o = sqlite_office
    pub = o.services.feed_publishing
    tokens = {pub.publish(o.admin.id, FeedSpec(FeedKind.OFFICE), Privacy.PUBLIC).token for _ in range(5)}
    assert len(tokens) == 5


@pytest.mark.parametrize("who", ["anna", "reception"])
def test_only_admins_publish_list_and_revoke(sqlite_office: Office, who: str) -> None:
    o = sqlite_office
    pub = o.services.feed_publishing
    person = getattr(o, who)
    with pytest.raises(PermissionDenied) as info:
        pub.publish(person.id, FeedSpec(FeedKind.OFFICE), Privacy.INTERNAL)
    assert "publicera kalenderflöden" in sv(info.value)
    feed = pub.publish(o.admin.id, FeedSpec(FeedKind.OFFICE), Privacy.INTERNAL)
    with pytest.raises(PermissionDenied):
        pub.published(person.id)
    with pytest.raises(PermissionDenied) as info:
        pub.revoke(person.id, feed.view.id)
    assert "återkalla kalenderflöden" in sv(info.value)
    assert pub.resolve(feed.token) is not None  # the refused revoke changed nothing
    assert [v.id for v in pub.published(o.admin.id)] == [feed.view.id]


def test_the_database_keeps_the_hash_and_never_the_token(sqlite_office: Office) -> None:
    o = sqlite_office
    published = o.services.feed_publishing.publish(
        o.admin.id, FeedSpec(FeedKind.MUNICIPALITY, "Umeå"), Privacy.INTERNAL, "Umeå internt"
    )
    o.services.db.dispose()  # checkpoint the WAL into the file
    path = o.services.db.sqlite_path
    assert path is not None
    files = [p for p in path.parent.iterdir() if p.name.startswith(path.name)]
    data = b"".join(Path(p).read_bytes() for p in files)
    assert published.token.encode() not in data
    assert published.token[HINT_LENGTH:].encode() not in data
    assert hashlib.sha256(published.token.encode()).hexdigest().encode() in data


def test_targets_are_checked_and_stored_normalised(sqlite_office: Office) -> None:
    o = sqlite_office
    pub = o.services.feed_publishing
    umea = pub.publish(o.admin.id, FeedSpec(FeedKind.MUNICIPALITY, " umeå "), Privacy.PUBLIC).view
    assert (umea.target, umea.target_label) == ("umea", "Umeå")
    bertil = pub.publish(o.admin.id, FeedSpec(FeedKind.PERSON, f" {o.bertil.id}"), Privacy.INTERNAL).view
    assert (bertil.target, bertil.target_label) == (str(o.bertil.id), o.bertil.name)
    room = pub.publish(o.admin.id, FeedSpec(FeedKind.RESOURCE, str(o.room.id)), Privacy.PUBLIC).view
    assert room.target_label == o.room.name
    with pytest.raises(ResourceNotFound):
        pub.publish(o.admin.id, FeedSpec(FeedKind.RESOURCE, "9999"), Privacy.PUBLIC)
    with pytest.raises(PersonNotFound):
        pub.publish(o.admin.id, FeedSpec(FeedKind.PERSON, "9999"), Privacy.PUBLIC)
    with pytest.raises(UnknownMunicipality) as info:
        pub.publish(o.admin.id, FeedSpec(FeedKind.MUNICIPALITY, "Luleå"), Privacy.PUBLIC)
    assert "Luleå" in sv(info.value)
    with pytest.raises(InvalidInput) as bad:
        pub.publish(o.admin.id, FeedSpec(FeedKind.RESOURCE, "Plats 3"), Privacy.PUBLIC)
    assert "flödets mål" in sv(bad.value)
    with pytest.raises(InvalidInput) as long_label:
        pub.publish(o.admin.id, FeedSpec(FeedKind.OFFICE), Privacy.PUBLIC, "x" * 201)
    assert "högst 200 tecken" in sv(long_label.value)
    assert len(pub.published(o.admin.id)) == 3


def test_revoking_stops_the_token_and_keeps_the_row(sqlite_office: Office) -> None:
    o = sqlite_office
    pub = o.services.feed_publishing
    keep = pub.publish(o.admin.id, FeedSpec(FeedKind.ROTATION), Privacy.PUBLIC, "Värdkommun")
    gone = pub.publish(o.admin.id, FeedSpec(FeedKind.OFFICE), Privacy.INTERNAL)
    o.clock.advance(hours=2)
    revoked = pub.revoke(o.admin.id, gone.view.id)
    assert revoked.revoked_at == o.clock() and not revoked.active
    assert pub.resolve(gone.token) is None
    assert pub.resolve(keep.token) == (FeedSpec(FeedKind.ROTATION), Privacy.PUBLIC)
    assert [v.id for v in pub.published(o.admin.id)] == [keep.view.id]
    assert {v.id for v in pub.published(o.admin.id, include_revoked=True)} == {keep.view.id, gone.view.id}
    assert [f.id for f in pub.active_feeds()] == [keep.view.id]
    # Revoking again is a no-op that keeps the first revocation's time.
    o.clock.advance(hours=1)
    again = pub.revoke(o.admin.id, gone.view.id)
    assert again.revoked_at == revoked.revoked_at
    with pytest.raises(FeedNotFound) as info:
        pub.revoke(o.admin.id, 4711)
    assert "«4711»" in sv(info.value)


@pytest.mark.parametrize(
    "token",
    ["", "short", "x" * 43, "../../etc/passwd", "a" * 500, "abc def ghi jkl mno pqr stu vwx"],
)
def test_unknown_and_malformed_tokens_open_nothing(sqlite_office: Office, token: str) -> None:
    o = sqlite_office
    o.services.feed_publishing.publish(o.admin.id, FeedSpec(FeedKind.OFFICE), Privacy.PUBLIC)
    assert o.services.feed_publishing.resolve(token) is None


def test_a_token_differing_in_one_character_opens_nothing(sqlite_office: Office) -> None:
    o = sqlite_office
    token = o.services.feed_publishing.publish(o.admin.id, FeedSpec(FeedKind.OFFICE), Privacy.PUBLIC).token
    last = "A" if token[-1] != "A" else "B"
    assert o.services.feed_publishing.resolve(token[:-1] + last) is None
    assert (
        o.services.feed_publishing.resolve(token.upper() if token != token.upper() else token.lower()) is None
    )
