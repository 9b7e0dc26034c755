"""Plain-text output of the command line: the day, bookings, the rotation and statistics."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from satellitkontor.domain.bookings import BookingView, DeskPeriod, halves_held
from satellitkontor.services.statistics.privacy import HIDDEN_TEXT
from satellitkontor.words import plans, say
from satellitkontor.words.texts import describe, fmt_date, fmt_span, fmt_time, label, municipality_name

if TYPE_CHECKING:  # types only: a command imports just the services it runs (issue 18)
    from satellitkontor.domain.rotation import HostYear
    from satellitkontor.services.booking.service import SeriesResult
    from satellitkontor.services.occupancy import DayOccupancy, ResourceDay
    from satellitkontor.services.rotation import RotationYearView
    from satellitkontor.services.statistics.service import RoomUsageRow, UsageRow


def who(b: BookingView, lang: str = "sv") -> str:
    place = municipality_name(b.municipality_code)
    person = f"{b.person_name} ({place})" if b.person_name else place
    if b.guest_name is None:
        return person
    guest = f"{b.guest_name}, {b.guest_org}" if b.guest_org else b.guest_name
    return say("cli.output.guest_and_host", lang, guest=guest, person=person)


def booking_line(b: BookingView, lang: str) -> str:
    if b.desk_period is not None:
        when = f"{fmt_date(b.day, lang)} {label(b.desk_period.value, lang)}"
    else:
        when = fmt_span(b.start, b.end, lang)
    extra = ""
    if b.participants:
        extra = say("cli.output.participants", lang, participants=b.participants)
    title = f" «{b.title}»" if b.title else ""
    status = "" if b.status.value == "confirmed" else f" [{plans.status_text(b, lang)}]"
    return f"#{b.id}  {b.resource_name}  {when}{title}{extra} – {who(b, lang)}{status}"


def occupancy(day: DayOccupancy, lang: str) -> str:
    out = []
    head = say("cli.output.satellite_office", lang) + f" – {fmt_date(day.day, lang)}"
    if day.closed is not None:
        out.append(f"{head}: " + say("cli.output.closed", lang, name=day.closed.name))
        return "\n".join(out)
    assert day.hours is not None
    out.append(
        head
        + say("cli.output.open", lang, opens=fmt_time(day.hours.opens), closes=fmt_time(day.hours.closes))
    )
    out.append(
        say(
            "cli.output.desks_taken_free",
            lang,
            desks_taken=day.desks_taken,
            n_desks=len(day.desks),
            desks_free=day.desks_free,
        )
    )
    out.append("")
    width = max([len(d.resource.name) for d in day.desks] + [6])
    out.append(
        f"{say('cli.output.desk', lang):<{width}}  {say('cli.output.morning', lang):<34}  "
        f"{say('cli.output.afternoon', lang)}"
    )
    for desk in day.desks:
        out.append(
            f"{desk.resource.name:<{width}}  {_half(desk, True, lang):<34}  {_half(desk, False, lang)}"
        )
    for room in day.rooms:
        out.append("")
        out.append(f"{room.resource.name} ({say('cli.output.max', lang)} {room.resource.capacity})")
        shown = [b for b in room.bookings if b.status.value != "cancelled"]
        if not shown:
            out.append("  " + say("cli.output.no_meetings", lang))
        for b in shown:
            status = "" if b.status.value == "confirmed" else f" [{label(b.status.value, lang)}]"
            title = b.title or say("cli.output.meeting", lang)
            out.append(
                f"  {fmt_time(b.start)}–{fmt_time(b.end)}  {title}, {b.participants} "
                f"{say('cli.output.participants_word', lang)} – {who(b, lang)}  #{b.id}{status}"
            )
        free = ", ".join(f"{fmt_time(a)}–{fmt_time(b)}" for a, b in day.free_spans(room))
        out.append(
            "  " + say("cli.output.room_free", lang, free=free or say("cli.output.room_no_time", lang))
        )
    out.append("")
    hours = _hours(day.room_hours, lang)
    if len(day.rooms) > 1:
        each = ", ".join(f"{r.resource.name} {_hours(day.hours_of(r), lang)}" for r in day.rooms)
        out.append(say("cli.output.conference_rooms_hours_booked", lang, hours=hours, each=each))
    else:
        out.append(say("cli.output.conference_room_hours_booked", lang, hours=hours))
    return "\n".join(out)


def _hours(hours: float, lang: str) -> str:
    return f"{hours:.1f}".replace(".", say("number.decimal_point", lang))


def _half(desk: ResourceDay, morning: bool, lang: str) -> str:
    wanted = DeskPeriod.MORNING if morning else DeskPeriod.AFTERNOON
    for b in desk.bookings:
        if wanted in halves_held(b):
            mark = " ✓" if b.status.value == "checked_in" else ""
            return f"{who(b, lang)} #{b.id}{mark}"
    return "–  " + label("free", lang)


def series(result: SeriesResult, lang: str) -> str:
    out = []
    days = result.days
    if result.dry_run:
        out.append(say("cli.output.would_book_occurrences_dry_run", lang, n_days=len(days)))
        out.extend(f"  {fmt_date(d, lang)}" for d in days)
    else:
        out.append(say("cli.output.booked_occurrences", lang, n_booked=len(result.booked)))
        out.extend("  " + booking_line(b, lang) for b in result.booked)
    if result.skipped:
        out.append(say("cli.output.skipped", lang, n_skipped=len(result.skipped)))
        out.extend(f"  {fmt_date(s.day, lang)}: {describe(s.error, lang)}" for s in result.skipped)
    return "\n".join(out)


def rotation(view: RotationYearView, lang: str) -> str:
    hy = view.host_year
    status = label("confirmed_year" if hy.status.value == "confirmed" else hy.status.value, lang)
    out = [
        say("cli.output.host_municipality", lang, year=hy.year, name=hy.host.name, status=status),
        say("cli.output.vice_chair_kc_group", lang, name=hy.kc_vice_chair.name),
    ]
    if view.next_year is not None:
        nxt = view.next_year
        nstatus = label("confirmed_year" if nxt.status.value == "confirmed" else nxt.status.value, lang)
        out.append(say("cli.output.next_year", lang, year=nxt.year, name=nxt.host.name, nstatus=nstatus))
    if view.handover is not None:
        meeting = view.handover_meeting
        when = (
            fmt_span(meeting.start, meeting.end, lang)
            if meeting
            else say("cli.output.december_date_not_set", lang)
        )
        out.append(
            say(
                "cli.output.handover",
                lang,
                name=view.handover.outgoing.name,
                name2=view.handover.incoming.name,
                when=when,
            )
        )
    if view.meetings:
        out.append(say("cli.output.meetings", lang))
        out.extend(
            f"  {fmt_span(m.start, m.end, lang)}  {m.title}" + (f", {m.location}" if m.location else "")
            for m in view.meetings
        )
    return "\n".join(out)


def rotation_years(rows: list[HostYear], lang: str) -> str:
    out = [say("cli.output.year_host_kc_vice_chair", lang)]
    for hy in rows:
        status = label("confirmed_year" if hy.status.value == "confirmed" else hy.status.value, lang)
        out.append(f"{hy.year}  {hy.host.name:<13}  {hy.kc_vice_chair.name:<21}  {status}")
    return "\n".join(out)


def stats_table(rows: list[UsageRow], lang: str) -> str:
    from satellitkontor.words.texts import month_name

    head = say("cli.output.municipality_desk_days_room_hours", lang)
    out = []
    months = sorted({r.month for r in rows if r.month is not None})
    for month in [*months, None]:
        part = [r for r in rows if r.month == month]
        if month is not None and not any(r.bookings or r.no_shows for r in part):
            continue
        title = month_name(month, lang).capitalize() if month else say("cli.output.whole_year", lang)
        out.append(f"{title} {part[0].year}")
        out.append(head)
        for r in part:

            def cell(name: str, text: str, r: UsageRow = r) -> str:
                return text if r.shows(name) else HIDDEN_TEXT

            rate = cell("no_shows", f"{r.no_show_rate * 100:.0f} %")
            out.append(
                f"{r.municipality_name:<14} {cell('desk_days', _num(r.desk_days, lang)):>10}  "
                f"{cell('room_hours', _num(r.room_hours, lang)):>10}  {cell('bookings', str(r.bookings)):>9}  "
                f"{cell('people', str(r.people)):>8}  {cell('employees', str(r.employees)):>7}  "
                f"{cell('politicians', str(r.politicians)):>9}  {rate:>7}  "
                f"{r.guest_bookings:>6}"
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def room_usage_table(rows: list[RoomUsageRow], lang: str) -> str:
    """Each conference room's meetings and hours in the year (nothing when the office has no room)."""
    if not rows:
        return ""
    width = max([len(r.room) for r in rows] + [14])
    out = [
        "",
        say("cli.output.room_usage_title", lang, year=rows[0].year),
        f"{say('cli.output.room_usage_room', lang):<{width}} {say('cli.output.room_usage_meetings', lang):>9}  "
        f"{say('cli.output.room_usage_hours', lang):>10}",
    ]
    out += [f"{r.room:<{width}} {r.meetings:>9}  {_num(r.hours, lang):>10}" for r in rows]
    return "\n".join(out) + "\n"


def _num(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", say("number.decimal_point", lang))


def print_bookings(title: str, bookings: list[BookingView], lang: str) -> None:
    print(title)
    for b in bookings:
        print("  " + booking_line(b, lang))


#: Long copies (backup, restore) show their progress from this many rows on.
PROGRESS_FROM = 20_000


class Progress:
    """Rows copied, on stderr, every tenth of the way, for runs of PROGRESS_FROM rows or more."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_FROM:
            return
        tenth = done * 10 // total
        if tenth == self.shown:
            return
        self.shown = tenth
        print(
            say(
                "cli.output.progress_rows",
                self.lang,
                done=f"{done:,}".replace(",", say("number.thousands_separator", self.lang)),
                total=f"{total:,}".replace(",", say("number.thousands_separator", self.lang)),
                percent=tenth * 10,
            ),
            file=sys.stderr,
            flush=True,
        )
