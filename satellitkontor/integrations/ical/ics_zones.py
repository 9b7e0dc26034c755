"""The time zones of one imported file, resolved from that file alone.

Why not take the zone ``icalendar`` attached: it keeps, for the whole process, the first
VTIMEZONE it ever saw for a TZID it does not know (a Windows name such as "W. Europe Standard
Time"), and later files with the same TZID get that one, even with their own VTIMEZONE. One odd
or hostile file would then shift every later import in the app by hours (measured with
icalendar 7.3: a "+05:00" definition stuck). So the reader keeps the wall-clock time icalendar
read and attaches the zone found here, in this order:

1. an IANA name (``Europe/Stockholm``, also behind a vendor prefix such as
   ``/freeassociation.sourceforge.net/Europe/Stockholm``, and ``UTC``): ``zoneinfo``;
2. the file's own VTIMEZONE with that TZID (Outlook's Windows names, "(UTC+01:00) Amsterdam,
   Berlin, ..."), built afresh, never shared;
3. a Windows name without a VTIMEZONE: its IANA zone (icalendar's Windows-to-Olson table).

Anything else is ``None``: the reader refuses the event rather than guess.
"""

from __future__ import annotations

import warnings
from datetime import tzinfo
from typing import Any
from zoneinfo import ZoneInfo


def zone_named(name: str) -> ZoneInfo | None:
    """The IANA zone ``name`` (or the zone at its end, after a vendor prefix), else None."""
    name = name.strip()
    if not name or len(name) > 120:
        return None
    parts = [p for p in name.split("/") if p]
    for n in (3, 2, 1):
        if len(parts) < n:
            continue
        try:
            return ZoneInfo("/".join(parts[-n:]))
        except (ValueError, OSError, KeyError):
            continue
    return None


class FileZones:
    """TZID -> tzinfo for one VCALENDAR (see the module's docstring)."""

    def __init__(self, calendar: Any = None) -> None:
        found = calendar.walk("VTIMEZONE") if calendar is not None else []
        self._components = {str(tz.get("TZID", "")).strip(): tz for tz in found}
        self._zones: dict[str, tzinfo | None] = {}

    def get(self, tzid: str) -> tzinfo | None:
        """The zone of ``tzid``; raises ``ValueError`` when the file's VTIMEZONE is broken."""
        tzid = tzid.strip()
        if tzid not in self._zones:
            self._zones[tzid] = self._resolve(tzid)
        return self._zones[tzid]

    def _resolve(self, tzid: str) -> tzinfo | None:
        zone: tzinfo | None = zone_named(tzid) if "/" in tzid or tzid.upper() in ("UTC", "GMT") else None
        if zone is not None:
            return zone
        component = self._components.get(tzid)
        if component is not None:
            from icalendar.timezone import tzp

            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    built: tzinfo = component.to_tz(tzp, lookup_tzid=False)
            except Exception as exc:  # whatever a broken VTIMEZONE makes the library raise
                raise ValueError(tzid) from exc
            return built
        from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

        olson = WINDOWS_TO_OLSON.get(tzid)
        return zone_named(olson) if olson else zone_named(tzid)  # "CET" and the like
