"""Conditional requests (RFC 9110 section 13): may the feed server answer 304 Not Modified?

- ``If-None-Match`` wins when present: ``*`` or any listed tag equal to the feed's ETag gives
  304. The comparison is the weak one RFC 9110 prescribes for If-None-Match (``W/"x"`` matches
  ``"x"``): a client that got a weakened tag from a proxy still revalidates cheaply.
- Otherwise ``If-Modified-Since``: 304 when the feed's Last-Modified, cut to whole seconds as the
  HTTP date carries it, is not after the given date. An unparseable date is ignored (200).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

_TAG = re.compile(r'\s*(?:W/)?"([^"]*)"\s*(?:,|$)')


def quote_etag(etag: str) -> str:
    """A strong, quoted entity tag from the feed writer's version string."""
    inner = etag.strip()
    if len(inner) >= 2 and inner.startswith('"') and inner.endswith('"'):
        inner = inner[1:-1]
    inner = re.sub(r"[^\x21\x23-\x7e]", "", inner)  # etagc: visible ASCII but no quote
    return f'"{inner}"'


def http_date(moment: datetime) -> str:
    """'Mon, 23 Nov 2026 06:30:00 GMT'."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return format_datetime(moment.astimezone(UTC).replace(microsecond=0), usegmt=True)


def parse_http_date(text: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:  # "-0000" dates: RFC 5322 says UTC
        moment = moment.replace(tzinfo=UTC)
    return moment


def etag_matches(header: str, etag: str) -> bool:
    """Whether an If-None-Match value (``*`` or a list of tags) matches ``etag`` (weakly)."""
    if header.strip() == "*":
        return True
    wanted = quote_etag(etag)[1:-1]
    pos, found = 0, False
    text = header.strip()
    while pos < len(text):
        m = _TAG.match(text, pos)
        if m is None:
            return found  # the rest is malformed; what matched so far counts
        found = found or m.group(1) == wanted
        pos = m.end()
    return found


def not_modified(headers: Mapping[str, str], etag: str, last_modified: datetime) -> bool:
    """Whether a GET or HEAD with these request headers gets 304 (see the module's notes)."""
    inm = headers.get("If-None-Match")
    if inm is not None:
        return etag_matches(inm, etag)
    ims = headers.get("If-Modified-Since")
    if ims is None:
        return False
    since = parse_http_date(ims)
    if since is None:
        return False
    if last_modified.tzinfo is None:
        last_modified = last_modified.replace(tzinfo=UTC)
    return last_modified.replace(microsecond=0) <= since
