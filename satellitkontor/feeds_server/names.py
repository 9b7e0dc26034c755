"""Names that leave the program: file names of feeds, and request paths as they appear in logs.

- A feed's file name is ``<readable-name>-<hint>.ics``, e.g. ``plats-3-ab12cd.ics``: readable so
  that whoever browses the shared folder finds "Plats 3", the hint so that two feeds of the same
  thing (a public and an internal office feed) never share a file and an admin can match a file
  to a line of the feed list. ASCII only (å→a, ö→o, spaces→-), because such names survive every
  shared drive, web server and URL unchanged.
- Logs show a token only by its hint: a log file must not become a list of working feed URLs.
"""

from __future__ import annotations

import re
import unicodedata

from satellitkontor.services.feeds.publishing import HINT_LENGTH

_MAX_NAME = 60
_TOKEN_IN_PATH = re.compile(rf"(/feeds/)([A-Za-z0-9_-]{{0,{HINT_LENGTH}}})[A-Za-z0-9_%-]*")


def readable_name(text: str) -> str:
    """'Plats 3 – Umeå' -> 'plats-3-umea'; 'kalender' when nothing readable is left."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only.decode("ascii")).strip("-")
    return slug[:_MAX_NAME].rstrip("-") or "kalender"


def feed_file_name(title: str, hint: str) -> str:
    safe_hint = re.sub(r"[^A-Za-z0-9_-]", "", hint)
    return f"{readable_name(title)}-{safe_hint}.ics"


def redact(text: str) -> str:
    """``text`` with every feed token after ``/feeds/`` cut to its hint: '/feeds/ab12cd….ics'."""
    return _TOKEN_IN_PATH.sub(lambda m: f"{m.group(1)}{m.group(2)}…", text)
