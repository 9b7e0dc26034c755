"""The VCALENDAR text of a calendar feed, from plain values (services/feeds/service.py reads them).

The one writer of bookings as iCalendar: the feeds, and a person's own bookings saved as a file
from Mina bokningar (``FeedService.write_bookings``: a person's own feed, one event per booking).

What goes into the events, and why:

- Every booking keeps its own ``UID`` for life and ``SEQUENCE`` is the booking's sequence (the
  booking service raises it on each change). ``DTSTAMP`` and ``LAST-MODIFIED`` are the booking's
  ``updated_at`` and ``CREATED`` its ``created_at``, all UTC: the same data always gives the same
  bytes, which is what lets the feed server answer with a stable ETag. No ``METHOD``: a feed is a
  published calendar, not an iTIP message.
- Times: half-day desk bookings, room bookings and meetings are ``TZID=Europe/Stockholm`` times
  with the one VTIMEZONE of ics_text. A full-day desk booking is an all-day item (``VALUE=DATE``,
  DTEND the next day): what a calendar shows for "the whole day at the office".
- ``STATUS`` is CONFIRMED for confirmed, checked-in and no-show bookings (a no-show still took
  the place when it was booked) and CANCELLED for cancelled ones, whose summary also starts with
  "Avbokad:" because several calendar programs show the status nowhere.
- ``TRANSP``: only a room booking in a person's own feed is busy time (OPAQUE). A desk booking
  is a day of work, not a meeting, and in a shared feed (the office, a desk, a municipality,
  the rotation) the events are other people's, so they are TRANSPARENT and never block the
  subscriber's free/busy.
- Privacy: PUBLIC says "Bokad" (desks) or "Upptagen" (the room) and the municipality, e.g.
  "Plats 3 – Bokad (Vännäs)"; it writes no name, no title, no note and no e-mail address
  (e-mail addresses are never written at all, not even in INTERNAL feeds: no ORGANIZER or
  ATTENDEE, which would also turn a feed into invitations). INTERNAL names the booker, e.g.
  "Plats 3 – Anna Andersson (Umeå)", and a room booking's title before the name.
- A series is one event with ``RRULE`` (FREQ, INTERVAL, BYDAY of the stored rule and UNTIL the
  last published occurrence) and ``EXDATE`` for the rule's dates in between that have no
  booking; the service decides when a series can be written this way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from satellitkontor.domain.bookings import BookingStatus, DeskPeriod
from satellitkontor.domain.clock import OFFICE_TZ
from satellitkontor.domain.feeds import Privacy
from satellitkontor.domain.recurrence import Frequency, Recurrence
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.domain.rotation import Handover, HostYear, RotationStatus
from satellitkontor.integrations.ical import ics_text as ics
from satellitkontor.words import DEFAULT, say
from satellitkontor.words.texts import municipality_name

UID_DOMAIN = "satellitkontor"
#: Beyond this many entries the formatting caches start again (they only save work).
_CACHE_LIMIT = 1024
_RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

#: Host years and handovers carry no time of their own: their stamps are fixed, so that the bytes
#: stay the same until an admin confirms or changes a year (then the confirmation's time is used).
PLAN_STAMP = datetime(2023, 1, 1, tzinfo=UTC)
#: SEQUENCE of a confirmed host year: minutes from this moment to the confirmation, which grows
#: with every new confirmation of the year (the table keeps no counter of its own).
_SEQUENCE_EPOCH = datetime(2023, 1, 1, tzinfo=UTC)


class FeedBooking(NamedTuple):
    """One booking as a feed needs it (services/feeds/service.py selects these columns in order)."""

    uid: str
    sequence: int
    status: BookingStatus
    start: datetime  # aware UTC
    end: datetime
    desk_period: DeskPeriod | None
    resource_kind: ResourceKind
    resource_name: str
    person_name: str | None
    municipality_code: str
    title: str | None
    participants: int | None
    created_at: datetime
    updated_at: datetime
    #: An external guest (the person is their host); shown in internal feeds only.
    guest_name: str | None = None
    guest_org: str | None = None


class FeedMeeting(NamedTuple):
    """A meeting of the rotation calendar (rotation_meetings)."""

    uid: str
    sequence: int
    kind: str
    title: str
    start: datetime
    end: datetime
    location: str | None
    note: str | None
    created_at: datetime
    updated_at: datetime


class SeriesEvent(NamedTuple):
    """A series written as one event: the first published occurrence stands for all."""

    uid: str
    first: FeedBooking
    rule: Recurrence  # start = first published day, until = last published day
    exdates: Sequence[date]
    sequence: int
    created_at: datetime
    updated_at: datetime


class FeedWriter:
    """Turns feed items into VEVENT text: one object per feed, since it keeps small caches."""

    def __init__(self, *, privacy: Privacy, lang: str = DEFAULT, own_time: bool = False) -> None:
        self.privacy = privacy
        self.lang = lang
        #: A person's own feed: their room bookings are busy time (see module docstring).
        self.own_time = own_time
        self._summaries: dict[tuple[object, ...], str] = {}
        self._locations: dict[str, str] = {}
        self._local: dict[datetime, str] = {}

    def word(self, key: str) -> str:
        """``feed.event.<key>`` of the catalogue, in the feed's language."""
        return say(f"feed.event.{key}", self.lang)

    # --- the calendar -----------------------------------------------------------------------
    def begin(self, title: str) -> str:
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            ics.text_line("PRODID", ics.PRODID),
            "CALSCALE:GREGORIAN",
            ics.text_line("X-WR-CALNAME", title),
            f"X-WR-TIMEZONE:{ics.TZID}",
            "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
            "X-PUBLISHED-TTL:PT1H",
        ]
        return ics.CRLF.join(lines) + ics.CRLF + ics.VTIMEZONE

    @staticmethod
    def end() -> str:
        return "END:VCALENDAR" + ics.CRLF

    # --- bookings ---------------------------------------------------------------------------
    def booking(self, b: FeedBooking) -> str:
        cancelled = b.status is BookingStatus.CANCELLED
        lines = [
            "BEGIN:VEVENT",
            f"UID:{b.uid}",
            f"SEQUENCE:{b.sequence}",
            *self._stamps(b.created_at, b.updated_at),
            *self._when(b, b.start, b.end),
            self._summary(b, cancelled),
            self._location(b.resource_name),
        ]
        lines.extend(self._details(b))
        lines.append("STATUS:CANCELLED" if cancelled else "STATUS:CONFIRMED")
        lines.append(self._transp(b, cancelled))
        lines.append("END:VEVENT")
        return ics.CRLF.join(lines) + ics.CRLF

    def series(self, s: SeriesEvent) -> str:
        b, rule = s.first, s.rule
        all_day = b.desk_period is DeskPeriod.FULL_DAY
        until = rule.until
        assert until is not None
        parts = [f"FREQ={rule.frequency.value.upper()}"]
        if rule.interval != 1:
            parts.append(f"INTERVAL={rule.interval}")
        if rule.frequency is Frequency.WEEKLY:
            parts.append("BYDAY=" + ",".join(_RRULE_DAYS[d] for d in sorted(rule.effective_weekdays)))
        start_time = b.start.astimezone(OFFICE_TZ).time()
        if all_day:
            parts.append(f"UNTIL={ics.date_value(until)}")
        else:  # with a TZID start, UNTIL must be UTC (RFC 5545 3.3.10)
            last_start = datetime.combine(until, start_time, tzinfo=OFFICE_TZ)
            parts.append(f"UNTIL={ics.utc_stamp(last_start)}")
        lines = [
            "BEGIN:VEVENT",
            f"UID:{s.uid}",
            f"SEQUENCE:{s.sequence}",
            *self._stamps(s.created_at, s.updated_at),
            *self._when(b, b.start, b.end),
            "RRULE:" + ";".join(parts),
        ]
        if s.exdates:
            if all_day:
                values = [ics.date_value(d) for d in s.exdates]
                lines.append(ics.fold("EXDATE;VALUE=DATE:" + ",".join(values)))
            else:
                values = [ics.wall_stamp(datetime.combine(d, start_time)) for d in s.exdates]
                lines.append(ics.fold(f"EXDATE;TZID={ics.TZID}:" + ",".join(values)))
        lines.append(self._summary(b, False))
        lines.append(self._location(b.resource_name))
        lines.extend(self._details(b))
        lines.append("STATUS:CONFIRMED")
        lines.append(self._transp(b, False))
        lines.append("END:VEVENT")
        return ics.CRLF.join(lines) + ics.CRLF

    def _stamps(self, created: datetime, updated: datetime) -> tuple[str, str, str]:
        stamp = ics.utc_stamp(updated)
        return f"DTSTAMP:{stamp}", f"CREATED:{ics.utc_stamp(created)}", f"LAST-MODIFIED:{stamp}"

    def _when(self, b: FeedBooking, start: datetime, end: datetime) -> tuple[str, str]:
        if b.desk_period is DeskPeriod.FULL_DAY:
            day = start.astimezone(OFFICE_TZ).date()
            return ics.date_line("DTSTART", day), ics.date_line("DTEND", day + timedelta(days=1))
        return f"DTSTART;TZID={ics.TZID}:{self._wall(start)}", f"DTEND;TZID={ics.TZID}:{self._wall(end)}"

    def _wall(self, moment: datetime) -> str:
        text = self._local.get(moment)
        if text is None:
            if len(self._local) >= _CACHE_LIMIT:
                self._local.clear()
            text = self._local[moment] = ics.local_stamp(moment)
        return text

    def _summary(self, b: FeedBooking, cancelled: bool) -> str:
        internal = self.privacy is Privacy.INTERNAL
        key = (
            b.resource_name,
            b.resource_kind,
            b.municipality_code,
            cancelled,
            b.person_name if internal else None,
            b.title if internal else None,
            b.guest_name if internal else None,
            b.guest_org if internal else None,
        )
        line = self._summaries.get(key)
        if line is None:
            if len(self._summaries) >= _CACHE_LIMIT:
                self._summaries.clear()
            line = self._summaries[key] = ics.text_line("SUMMARY", self.summary(b, cancelled))
        return line

    def summary(self, b: FeedBooking, cancelled: bool = False) -> str:
        """ "Plats 3 – Bokad (Vännäs)" (public), "Plats 3 – Anna Andersson (Umeå)" (internal)."""
        place = municipality_name(b.municipality_code)
        taken = self.word("room_taken" if b.resource_kind is ResourceKind.ROOM else "desk_taken")
        if self.privacy is Privacy.INTERNAL:
            who = b.person_name or taken
            if b.guest_name:
                org = f" ({b.guest_org})" if b.guest_org else ""
                who = f"{self.word('guest')} {b.guest_name}{org}, {self.word('guest_host')} {who}"
            text = (
                f"{b.resource_name} – {b.title} – {who} ({place})"
                if b.title
                else f"{b.resource_name} – {who} ({place})"
            )
        else:
            text = f"{b.resource_name} – {taken} ({place})"
        return f"{self.word('cancelled')}: {text}" if cancelled else text

    def _location(self, resource_name: str) -> str:
        line = self._locations.get(resource_name)
        if line is None:
            line = self._locations[resource_name] = ics.text_line(
                "LOCATION", f"{ics.OFFICE_NAME}, {resource_name}"
            )
        return line

    def _details(self, b: FeedBooking) -> list[str]:
        if self.privacy is Privacy.INTERNAL and b.participants:
            return [ics.text_line("DESCRIPTION", f"{self.word('participants')}: {b.participants}")]
        return []

    def _transp(self, b: FeedBooking, cancelled: bool) -> str:
        busy = self.own_time and not cancelled and b.resource_kind is ResourceKind.ROOM
        return "TRANSP:OPAQUE" if busy else "TRANSP:TRANSPARENT"

    # --- the rotation calendar --------------------------------------------------------------
    def host_year(self, year: HostYear, confirmed_at: datetime | None) -> str:
        """An all-day item over the whole year: "Värdkommun 2027: Nordmaling"."""
        stamp = confirmed_at if confirmed_at is not None else PLAN_STAMP
        sequence = 0 if confirmed_at is None else _minutes_since(_SEQUENCE_EPOCH, confirmed_at)
        summary = f"{self.word('host')} {year.year}: {year.host.name}"
        if year.is_projected:
            summary += f" ({self.word(RotationStatus.PROJECTED.value)})"
        description = (
            f"{self.word('vice')}: {year.kc_vice_chair.name}. "
            f"{self.word('status')}: {self.word(year.status.value)}."
        )
        return self._all_day(
            f"host-year-{year.year}@{UID_DOMAIN}",
            sequence,
            stamp,
            date(year.year, 1, 1),
            date(year.year + 1, 1, 1),
            summary,
            description,
        )

    def handover(self, hand: Handover, confirmed_at: datetime | None) -> str:
        """The December handover whose date is not set yet: an all-day item over December."""
        stamp = confirmed_at if confirmed_at is not None else PLAN_STAMP
        sequence = 0 if confirmed_at is None else _minutes_since(_SEQUENCE_EPOCH, confirmed_at)
        summary = f"{self.word('handover')}: {hand.outgoing.name} → {hand.incoming.name}"
        if hand.projected:
            summary += f" ({self.word(RotationStatus.PROJECTED.value)})"
        return self._all_day(
            f"handover-{hand.year}@{UID_DOMAIN}",
            sequence,
            stamp,
            date(hand.year, 12, 1),
            date(hand.year + 1, 1, 1),
            summary,
            f"{self.word('date_not_set')}.",
        )

    def closure(self, closure_id: int, first: date, last: date, reason: str, created_at: datetime) -> str:
        """A closure of the office: an all-day item over its days, "Kontoret stängt: Renovering"."""
        return self._all_day(
            f"closure-{closure_id}@{UID_DOMAIN}",
            0,
            created_at,
            first,
            last + timedelta(days=1),
            f"{self.word('closed')}: {reason}",
            self.word("closed_note"),
        )

    def _all_day(
        self, uid: str, sequence: int, stamp: datetime, first: date, end: date, summary: str, description: str
    ) -> str:
        lines = [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"SEQUENCE:{sequence}",
            *self._stamps(stamp, stamp),
            ics.date_line("DTSTART", first),
            ics.date_line("DTEND", end),
            ics.text_line("SUMMARY", summary),
            ics.text_line("DESCRIPTION", description),
            "STATUS:CONFIRMED",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
        return ics.CRLF.join(lines) + ics.CRLF

    def meeting(self, m: FeedMeeting) -> str:
        """An admin-entered meeting; its note only in INTERNAL feeds."""
        lines = [
            "BEGIN:VEVENT",
            f"UID:{m.uid}",
            f"SEQUENCE:{m.sequence}",
            *self._stamps(m.created_at, m.updated_at),
            ics.local_datetime_line("DTSTART", m.start),
            ics.local_datetime_line("DTEND", m.end),
            ics.text_line("SUMMARY", m.title),
        ]
        if m.location:
            lines.append(ics.text_line("LOCATION", m.location))
        if m.note and self.privacy is Privacy.INTERNAL:
            lines.append(ics.text_line("DESCRIPTION", m.note))
        lines.extend(("STATUS:CONFIRMED", "TRANSP:TRANSPARENT", "END:VEVENT"))
        return ics.CRLF.join(lines) + ics.CRLF


def _minutes_since(epoch: datetime, moment: datetime) -> int:
    return max(0, int((moment - epoch).total_seconds() // 60))
