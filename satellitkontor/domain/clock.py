"""Time: everything is stored in UTC and shown in Europe/Stockholm.

The office lives in one time zone, so a *local* date or wall-clock time always means
Europe/Stockholm. Services take a ``Clock`` (a function returning an aware UTC datetime) so tests
and the demo generator can pin "now".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from satellitkontor.domain.errors import InvalidInput

OFFICE_TZ = ZoneInfo("Europe/Stockholm")
#: The days the app reads and writes at all: a booking, a closure or a day asked about outside
#: them is a mistake or an attack (a booking in the year 9999 made a day's end overflow).
FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(2199, 12, 31)

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock(moment: datetime) -> Clock:
    moment = to_utc(moment)
    return lambda: moment


def to_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise InvalidInput(field="datetime", value=moment.isoformat())
    return moment.astimezone(UTC)


def to_local(moment: datetime) -> datetime:
    return to_utc(moment).astimezone(OFFICE_TZ)


def local(day: date, at: time) -> datetime:
    """The aware instant of wall-clock ``at`` on ``day`` in the office, in UTC."""
    return datetime.combine(day, at, tzinfo=OFFICE_TZ).astimezone(UTC)


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """[start, end) of a local calendar day as UTC instants (23 or 25 hours at DST changes)."""
    from datetime import timedelta

    return local(day, time(0)), local(day + timedelta(days=1), time(0))


def local_date(moment: datetime) -> date:
    return to_local(moment).date()
