"""The seven municipalities of Umeåregionen.

Municipalities are fixed by the cooperation agreement, so they live in code as well as in the
database (seeded by the first migration). ``code`` is a stable ASCII key used in the database,
in feeds and on the command line; ``scb_code`` is the official four-digit municipality code.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from satellitkontor.domain.errors import UnknownMunicipality


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str
    name: str
    scb_code: str


BJURHOLM = Municipality("bjurholm", "Bjurholm", "2403")
NORDMALING = Municipality("nordmaling", "Nordmaling", "2401")
ROBERTSFORS = Municipality("robertsfors", "Robertsfors", "2409")
UMEA = Municipality("umea", "Umeå", "2480")
VINDELN = Municipality("vindeln", "Vindeln", "2404")
VANNAS = Municipality("vannas", "Vännäs", "2460")
ORNSKOLDSVIK = Municipality("ornskoldsvik", "Örnsköldsvik", "2284")

#: In the order the business plan lists them (alphabetical in Swedish).
ALL: tuple[Municipality, ...] = (
    BJURHOLM,
    NORDMALING,
    ROBERTSFORS,
    UMEA,
    VINDELN,
    VANNAS,
    ORNSKOLDSVIK,
)
#: Bookings of Outlook organisers who are no person in the app (guests from other
#: organisations): counted apart in the statistics; no person can be given it.
EXTERNAL = Municipality("extern", "Extern", "0000")
BY_CODE: dict[str, Municipality] = {m.code: m for m in (*ALL, EXTERNAL)}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def lookup(text: str) -> Municipality:
    """Find a municipality by code, name (any case, with or without å/ä/ö) or SCB code."""
    key = _fold(text)
    for m in ALL:
        if key in (m.code, _fold(m.name), m.scb_code):
            return m
    raise UnknownMunicipality(value=text)
