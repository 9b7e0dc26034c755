"""What an imported .ics file becomes: plain frozen dataclasses, and the reader's limits.

The reader (ics_reader.py) hands these to the import service; nothing here knows icalendar, so
the services and the GUI can use the types without loading it.

Times: ``start``/``end`` are aware datetimes in the zone the file gave (a floating time gets the
office's zone, see ics_reader.py), or plain dates for all-day events (``end`` exclusive, as in
the file). ``recurrence_id`` is the occurrence's original start for occurrences of a series and
for overridden occurrences (RECURRENCE-ID); ``None`` for single events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from satellitkontor.domain.errors import CalendarNotice

#: A file larger than this is refused before it is read.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: An unfolded line of a property the import reads (SUMMARY, ATTENDEE, ...) may be this long;
#: lines of properties it ignores (ATTACH, X-ALT-DESC, ...) are skipped whatever their length.
MAX_LINE_CHARS = 256 * 1024
#: BEGIN inside BEGIN: VCALENDAR > VTIMEZONE > STANDARD is 3 deep; real files never pass 5.
MAX_DEPTH = 10
#: Components of any kind (each BEGIN), and events (VEVENT), in one file.
MAX_COMPONENTS = 100_000
MAX_EVENTS = 20_000
#: Time zones (VTIMEZONE) in one file, and their STANDARD/DAYLIGHT parts together: real files
#: have one to five zones of two parts (or a few dozen for zones with their full history).
MAX_TIMEZONES = 50
MAX_ZONE_PARTS = 1_000
#: Reminders (VALARM) are dropped; an event with more than this many is mentioned in a notice.
ALARMS_NOTICE = 20
#: A series is expanded until this many days after today, and to at most this many occurrences.
HORIZON_DAYS = 730
MAX_OCCURRENCES_PER_SERIES = 2_000
#: All events after series are expanded.
MAX_OCCURRENCES = 50_000
#: Candidate days all expansions of one file (series and time zones) may examine together;
#: what a file needs beyond it is refused (``too_much_work``). A two-year horizon is ~730 days
#: a series; a real file with a thousand series of ten years stays far below it.
MAX_WORK_DAYS = 1_000_000
#: And whatever the file, reading it (parsing and expanding) stops after this many seconds:
#: with the pre-scan of a 20 MB file before it, every file ends within 10 s on a busy PC.
MAX_READ_SECONDS = 6
#: Events icalendar parses at a time (between two looks at the clock).
PARSE_CHUNK = 200
#: A series that starts more than this many years before the horizon is not expanded.
MAX_SERIES_YEARS = 50


@dataclass(frozen=True, slots=True)
class Party:
    """An ORGANIZER or ATTENDEE: its e-mail (lower case, without ``mailto:``) and name (CN)."""

    email: str
    name: str = ""
    #: CUTYPE: INDIVIDUAL (default), GROUP, RESOURCE, ROOM or UNKNOWN.
    cutype: str = "INDIVIDUAL"
    role: str = "REQ-PARTICIPANT"
    partstat: str = "NEEDS-ACTION"

    @property
    def is_place(self) -> bool:
        """A room or a piece of equipment rather than a person."""
        return self.cutype in ("RESOURCE", "ROOM")


@dataclass(frozen=True, slots=True)
class ImportedEvent:
    uid: str
    recurrence_id: datetime | date | None
    summary: str
    location: str
    start: datetime | date
    end: datetime | date
    all_day: bool
    organizer: Party | None
    attendees: tuple[Party, ...]
    #: CONFIRMED, TENTATIVE, CANCELLED or "" when the file says nothing.
    status: str
    sequence: int
    #: The line of the event's BEGIN:VEVENT in the file (1-based), for messages.
    line: int
    #: The event's place among the file's events (1-based); occurrences of a series share it.
    index: int
    #: Made by expanding an RRULE/RDATE (an override from the file is not).
    from_series: bool = False
    #: The file gave a time without a zone; it was read as office time.
    floating: bool = False

    @property
    def organizer_email(self) -> str | None:
        return self.organizer.email if self.organizer else None

    @property
    def organizer_name(self) -> str | None:
        return self.organizer.name if self.organizer else None

    @property
    def attendee_emails(self) -> tuple[str, ...]:
        return tuple(a.email for a in self.attendees)

    @property
    def attendee_names(self) -> tuple[str, ...]:
        return tuple(a.name for a in self.attendees)


@dataclass(frozen=True, slots=True)
class ParsedCalendar:
    """A whole file: its events (series expanded) in file order, and what the reader noticed."""

    source: str
    #: How the bytes were read: utf-8, utf-8-sig, utf-16, utf-32 or cp1252.
    encoding: str
    product: str
    events: tuple[ImportedEvent, ...]
    notices: tuple[CalendarNotice, ...]
    #: VEVENT components in the file, before series were expanded.
    event_components: int
    #: Series were expanded up to and including this day.
    horizon: date
