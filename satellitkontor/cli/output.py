"""Plain-text output of the command line: the day, bookings, the rotation and statistics."""

from __future__ import annotations

import sys

from satellitkontor.domain.bookings import BookingView, DeskPeriod, halves_held
from satellitkontor.domain.rotation import HostYear
from satellitkontor.services.booking.service import SeriesResult
from satellitkontor.services.occupancy import DayOccupancy, ResourceDay
from satellitkontor.services.rotation import RotationYearView
from satellitkontor.services.statistics.service import UsageRow
from satellitkontor.words.texts import describe, fmt_date, fmt_span, fmt_time, label, municipality_name


def _t(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


def who(b: BookingView) -> str:
    place = municipality_name(b.municipality_code)
    return f"{b.person_name} ({place})" if b.person_name else place


def booking_line(b: BookingView, lang: str) -> str:
    if b.desk_period is not None:
        when = f"{fmt_date(b.day, lang)} {label(b.desk_period.value, lang)}"
    else:
        when = fmt_span(b.start, b.end, lang)
    extra = ""
    if b.participants:
        extra = _t(lang, f", {b.participants} deltagare", f", {b.participants} participants")
    title = f" «{b.title}»" if b.title else ""
    status = "" if b.status.value == "confirmed" else f" [{label(b.status.value, lang)}]"
    return f"#{b.id}  {b.resource_name}  {when}{title}{extra} – {who(b)}{status}"


def occupancy(day: DayOccupancy, lang: str) -> str:
    out = []
    head = _t(lang, "Satellitkontoret", "The satellite office") + f" – {fmt_date(day.day, lang)}"
    if day.closed is not None:
        out.append(f"{head}: " + _t(lang, f"stängt ({day.closed.name})", f"closed ({day.closed.name})"))
        return "\n".join(out)
    assert day.hours is not None
    out.append(
        head
        + _t(
            lang,
            f" (öppet {fmt_time(day.hours.opens)}–{fmt_time(day.hours.closes)})",
            f" (open {fmt_time(day.hours.opens)}–{fmt_time(day.hours.closes)})",
        )
    )
    out.append(
        _t(
            lang,
            f"Kontorsplatser: {day.desks_taken} av {len(day.desks)} upptagna, {day.desks_free} lediga",
            f"Desks: {day.desks_taken} of {len(day.desks)} taken, {day.desks_free} free",
        )
    )
    out.append("")
    width = max([len(d.resource.name) for d in day.desks] + [6])
    out.append(
        f"{_t(lang, 'Plats', 'Desk'):<{width}}  {_t(lang, 'Förmiddag', 'Morning'):<34}  "
        f"{_t(lang, 'Eftermiddag', 'Afternoon')}"
    )
    for desk in day.desks:
        out.append(
            f"{desk.resource.name:<{width}}  {_half(desk, True, lang):<34}  {_half(desk, False, lang)}"
        )
    for room in day.rooms:
        out.append("")
        out.append(f"{room.resource.name} ({_t(lang, 'högst', 'max')} {room.resource.capacity})")
        shown = [b for b in room.bookings if b.status.value != "cancelled"]
        if not shown:
            out.append("  " + _t(lang, "inga möten", "no meetings"))
        for b in shown:
            status = "" if b.status.value == "confirmed" else f" [{label(b.status.value, lang)}]"
            title = b.title or _t(lang, "Möte", "Meeting")
            out.append(
                f"  {fmt_time(b.start)}–{fmt_time(b.end)}  {title}, {b.participants} "
                f"{_t(lang, 'deltagare', 'participants')} – {who(b)}  #{b.id}{status}"
            )
    out.append("")
    hours = f"{day.room_hours:.1f}".replace(".", "," if lang == "sv" else ".")
    out.append(_t(lang, f"Konferensrummet: {hours} timmar bokade", f"Conference room: {hours} hours booked"))
    return "\n".join(out)


def _half(desk: ResourceDay, morning: bool, lang: str) -> str:
    wanted = DeskPeriod.MORNING if morning else DeskPeriod.AFTERNOON
    for b in desk.bookings:
        if wanted in halves_held(b):
            mark = " ✓" if b.status.value == "checked_in" else ""
            return f"{who(b)} #{b.id}{mark}"
    return "–  " + label("free", lang)


def series(result: SeriesResult, lang: str) -> str:
    out = []
    days = result.days
    if result.dry_run:
        out.append(
            _t(
                lang,
                f"Skulle boka {len(days)} tillfällen (provkörning, inget sparat):",
                f"Would book {len(days)} occurrences (dry run, nothing saved):",
            )
        )
        out.extend(f"  {fmt_date(d, lang)}" for d in days)
    else:
        out.append(
            _t(lang, f"Bokade {len(result.booked)} tillfällen:", f"Booked {len(result.booked)} occurrences:")
        )
        out.extend("  " + booking_line(b, lang) for b in result.booked)
    if result.skipped:
        out.append(_t(lang, f"Hoppade över {len(result.skipped)}:", f"Skipped {len(result.skipped)}:"))
        out.extend(f"  {fmt_date(s.day, lang)}: {describe(s.error, lang)}" for s in result.skipped)
    return "\n".join(out)


def rotation(view: RotationYearView, lang: str) -> str:
    hy = view.host_year
    status = label("confirmed_year" if hy.status.value == "confirmed" else hy.status.value, lang)
    out = [
        _t(
            lang,
            f"Värdkommun {hy.year}: {hy.host.name} ({status})",
            f"Host municipality {hy.year}: {hy.host.name} ({status})",
        ),
        _t(
            lang,
            f"Vice ordförande KC-gruppen: {hy.kc_vice_chair.name}",
            f"Vice chair of the KC group: {hy.kc_vice_chair.name}",
        ),
    ]
    if view.next_year is not None:
        nxt = view.next_year
        nstatus = label("confirmed_year" if nxt.status.value == "confirmed" else nxt.status.value, lang)
        out.append(
            _t(
                lang,
                f"Nästa år ({nxt.year}): {nxt.host.name} ({nstatus})",
                f"Next year ({nxt.year}): {nxt.host.name} ({nstatus})",
            )
        )
    if view.handover is not None:
        meeting = view.handover_meeting
        when = (
            fmt_span(meeting.start, meeting.end, lang)
            if meeting
            else _t(lang, "december, datum ej bestämt", "December, date not set")
        )
        out.append(
            _t(
                lang,
                f"Överlämning: {view.handover.outgoing.name} → {view.handover.incoming.name}, {when}",
                f"Handover: {view.handover.outgoing.name} → {view.handover.incoming.name}, {when}",
            )
        )
    if view.meetings:
        out.append(_t(lang, "Möten:", "Meetings:"))
        out.extend(
            f"  {fmt_span(m.start, m.end, lang)}  {m.title}" + (f", {m.location}" if m.location else "")
            for m in view.meetings
        )
    return "\n".join(out)


def rotation_years(rows: list[HostYear], lang: str) -> str:
    out = [
        _t(
            lang,
            "År    Värdkommun     Vice ordf. KC-gruppen  Status",
            "Year  Host           KC vice chair          Status",
        )
    ]
    for hy in rows:
        status = label("confirmed_year" if hy.status.value == "confirmed" else hy.status.value, lang)
        out.append(f"{hy.year}  {hy.host.name:<13}  {hy.kc_vice_chair.name:<21}  {status}")
    return "\n".join(out)


def stats_table(rows: list[UsageRow], lang: str) -> str:
    from satellitkontor.words.texts import month_name

    head = _t(
        lang,
        "Kommun         Platsdagar  Rumstimmar  Bokningar  Personer  Medarb.  Politiker  Uteblev",
        "Municipality   Desk-days   Room-hours  Bookings   People    Employees Politicians No-show",
    )
    out = []
    months = sorted({r.month for r in rows if r.month is not None})
    for month in [*months, None]:
        part = [r for r in rows if r.month == month]
        if month is not None and not any(r.bookings or r.no_shows for r in part):
            continue
        title = month_name(month, lang).capitalize() if month else _t(lang, "Hela året", "Whole year")
        out.append(f"{title} {part[0].year}")
        out.append(head)
        for r in part:
            rate = f"{r.no_show_rate * 100:.0f} %"
            out.append(
                f"{r.municipality_name:<14} {_num(r.desk_days, lang):>10}  {_num(r.room_hours, lang):>10}  "
                f"{r.bookings:>9}  {r.people:>8}  {r.employees:>7}  {r.politicians:>9}  {rate:>7}"
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _num(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "sv" else text


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
            _t(
                self.lang,
                f"… {done:,} av {total:,} rader ({tenth * 10} %)".replace(",", "\u00a0"),
                f"… {done:,} of {total:,} rows ({tenth * 10} %)",
            ),
            file=sys.stderr,
            flush=True,
        )
