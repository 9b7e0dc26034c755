"""The command line's commands: each one a thin caller of the services (see cli/main.py).

Kept apart from cli/main.py so that starting the desktop app (no subcommand) imports none of this.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.args import parse_date, parse_period, parse_time, parse_weekdays
from satellitkontor.cli.parser import pick
from satellitkontor.domain import clock as clk
from satellitkontor.domain.errors import ActorIsLogin, ActorRequired, InvalidInput, PermissionDenied
from satellitkontor.domain.people import PersonKind, Role, normalise_email
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.words.texts import fmt_date

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices

ENV_USER = "SATELLITKONTOR_USER"


# --- commands ---------------------------------------------------------------------------------
def run(args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.app_services import open_office

    if args.command == "db":
        return _db(args, lang)
    from satellitkontor.cli.commands.backup import DIRECT_COMMANDS

    if args.command in DIRECT_COMMANDS:  # they open the database themselves (see cli/commands/backup.py)
        return DIRECT_COMMANDS[args.command](args, lang)
    services = open_office(args.db)
    try:
        if services.upgrade is not None and services.upgrade.created and args.command != "demo":
            print(
                pick(
                    lang,
                    f"Ny databas skapad: {services.db.describe()}. Kör 'satellitkontor demo' för att prova med ett demokontor.",
                    f"New database created: {services.db.describe()}. Run 'satellitkontor demo' to try a demo office.",
                ),
                file=sys.stderr,
            )
        handler = _handlers()[args.command]
        return handler(services, args, lang)
    finally:
        services.db.dispose()


def _today() -> date:
    return clk.local_date(clk.system_clock())


def _actor(
    services: Any, args: argparse.Namespace, *, fallback: str | None = None, required: bool = True
) -> Any:
    login_person = services.logins.person_for_login()
    if login_person is not None:  # shared office mode: the database login is who I am
        named = args.actor or os.environ.get(ENV_USER)
        if named and normalise_email(named) != login_person.email:
            login = services.logins.login_name()
            raise ActorIsLogin(login=login, email=login_person.email, other=named.strip())
        return login_person
    email = args.actor or os.environ.get(ENV_USER) or fallback
    if not email:
        if required:
            raise ActorRequired()
        return None
    return services.office.person_by_email(email)


def _cmd_demo(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.demo import DemoService

    print(pick(lang, "Skapar demokontoret …", "Creating the demo office …"), file=sys.stderr)
    summary = DemoService(services.db, services.clock).create(
        weeks_back=args.weeks, weeks_ahead=args.weeks, seed=args.seed
    )
    print(
        pick(
            lang,
            f"Demokontoret är klart i {services.db.describe()}: {summary.people} personer från sju kommuner, "
            f"{summary.desks} kontorsplatser och konferensrummet, {summary.bookings} bokningar "
            f"{fmt_date(summary.first_day, lang)} – {fmt_date(summary.last_day, lang)}.",
            f"The demo office is ready in {services.db.describe()}: {summary.people} people from seven municipalities, "
            f"{summary.desks} desks and the conference room, {summary.bookings} bookings "
            f"{fmt_date(summary.first_day, lang)} – {fmt_date(summary.last_day, lang)}.",
        )
    )
    print(
        pick(
            lang,
            "Prova: satellitkontor occupancy   eller   satellitkontor --as sofia.lindqvist@umea.se mine",
            "Try: satellitkontor occupancy   or   satellitkontor --as sofia.lindqvist@umea.se mine",
        )
    )
    return 0


def _cmd_book(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    today = _today()
    day = parse_date(args.date, today)
    actor = _actor(services, args, fallback=args.for_email)
    if args.for_email and actor.role is Role.USER and normalise_email(args.for_email) != actor.email:
        # Said before looking the person up: in shared mode a user may not even see them.
        raise PermissionDenied(action="book_for_other", role=actor.role.value)
    target = services.office.person_by_email(args.for_email) if args.for_email else actor
    if args.what == "desk" or args.resource:
        resource = services.office.resource_by_name(args.resource)
    else:
        rooms = [r for r in services.office.resources() if r.kind is ResourceKind.ROOM]
        if not rooms:
            raise InvalidInput(field="room", value="-")
        resource = rooms[0]
    if args.repeat:
        rule = _recurrence(args, day, today)
        kwargs: dict[str, Any] = {"for_person_id": target.id, "dry_run": args.dry_run}
        if args.what == "desk":
            kwargs["period"] = parse_period(args.period)
        else:
            kwargs.update(
                start_time=parse_time(args.start),
                end_time=parse_time(args.end),
                participants=args.participants,
                title=args.title,
            )
        result = services.booking.book_series(actor.id, resource.id, rule, **kwargs)
        print(cli_format.series(result, lang))
        return 0
    if args.what == "desk":
        booking = services.booking.book_desk(
            actor.id, resource.id, day, parse_period(args.period), for_person_id=target.id
        )
    else:
        start, end = clk.local(day, parse_time(args.start)), clk.local(day, parse_time(args.end))
        booking = services.booking.book_room(
            actor.id, resource.id, start, end, args.participants, args.title, for_person_id=target.id
        )
    print(pick(lang, "Bokat: ", "Booked: ") + cli_format.booking_line(booking, lang))
    return 0


def _recurrence(args: argparse.Namespace, day: date, today: date) -> Recurrence:
    until = parse_date(args.until, today) if args.until else None
    if args.repeat in ("daily", "dagligen"):
        return Recurrence.daily(day, until=until, count=args.count)
    weekdays = parse_weekdays(args.weekdays) if args.weekdays else frozenset({day.weekday()})
    return Recurrence.weekly(day, weekdays, until=until, count=args.count)


def _cmd_cancel(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    booking = services.occupancy.booking(args.id)
    if booking is None:
        from satellitkontor.domain.errors import BookingNotFound

        raise BookingNotFound(id=args.id)
    actor = _actor(services, args, fallback=booking.person_email)
    if args.series:
        if booking.series_id is None:
            raise InvalidInput(field="series", value=args.id)
        first = parse_date(args.from_day, _today()) if args.from_day else None
        cancelled = services.booking.cancel_series(actor.id, booking.series_id, first)
        _print_list(
            pick(
                lang,
                f"Avbokade {len(cancelled)} tillfällen i serien.",
                f"Cancelled {len(cancelled)} occurrences of the series.",
            ),
            cancelled,
            lang,
        )
        return 0
    done = services.booking.cancel(actor.id, args.id)
    print(pick(lang, "Avbokat: ", "Cancelled: ") + cli_format.booking_line(done, lang))
    return 0


def _print_list(title: str, bookings: list[Any], lang: str) -> None:
    print(title)
    for b in bookings:
        print("  " + cli_format.booking_line(b, lang))


def _cmd_check_in(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    booking = services.occupancy.booking(args.id)
    actor = _actor(services, args, fallback=booking.person_email if booking else None)
    done = services.attendance.check_in(actor.id, args.id)
    print(pick(lang, "Incheckad: ", "Checked in: ") + cli_format.booking_line(done, lang))
    return 0


def _cmd_no_show(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    actor = _actor(services, args)
    if args.id is None:
        marked = services.attendance.mark_no_shows(actor.id)
        _print_list(
            pick(
                lang,
                f"{len(marked)} bokningar markerade som uteblivna.",
                f"{len(marked)} bookings marked as no-shows.",
            ),
            marked,
            lang,
        )
        return 0
    done = services.attendance.mark_no_show(actor.id, args.id)
    print(pick(lang, "Uteblev: ", "No-show: ") + cli_format.booking_line(done, lang))
    return 0


def _cmd_occupancy(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    """Names only for whom the office shows them (``--as`` a receptionist or admin, or every user
    when the office allows it): services/occupancy.py decides."""
    day = parse_date(args.date, _today())
    viewer = _actor(services, args, required=False)
    viewer_id = viewer.id if viewer is not None else None
    occupancy = services.occupancy.day(day, viewer_id=viewer_id)
    print(cli_format.occupancy(occupancy, lang))
    if occupancy.closed is not None and args.date in ("idag", "today"):
        # "today" on a weekend or holiday: show the next day the office is open as well
        print()
        following = services.occupancy.next_open_day(day)
        print(cli_format.occupancy(services.occupancy.day(following, viewer_id=viewer_id), lang))
    return 0


def _cmd_mine(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    actor = _actor(services, args)
    rows = services.occupancy.bookings_of(actor.id, upcoming=not args.past)
    if not rows:
        print(pick(lang, "Inga bokningar.", "No bookings."))
    for b in rows:
        print(cli_format.booking_line(b, lang))
    return 0


def _cmd_rotation(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    year = args.year or _today().year
    if args.years:
        print(cli_format.rotation_years(services.rotation.years(year, year + args.years - 1), lang))
    else:
        print(cli_format.rotation(services.rotation.year(year), lang))
    return 0


def _cmd_stats(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    rows = services.statistics.usage(args.year)
    text = cli_format.stats_csv(rows) if args.format == "csv" else cli_format.stats_table(rows, lang)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(pick(lang, f"Statistiken är sparad i {args.out}.", f"The statistics are saved in {args.out}."))
    else:
        sys.stdout.write(text)
    return 0


def _db(args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.cli.commands import db as cli_db
    from satellitkontor.storage import schema
    from satellitkontor.storage.database import Database, resolve_url

    if args.db_command in cli_db.COMMANDS:
        return cli_db.run(args, lang)
    db = Database(resolve_url(args.db))
    try:
        if args.db_command == "info":
            rev = schema.current_revision(db)
            print(
                pick(
                    lang,
                    f"Databas: {db.describe()}\nSchemaversion: {rev or 'ingen (tom databas)'} (senaste: {schema.head_revision()})",
                    f"Database: {db.describe()}\nSchema version: {rev or 'none (empty database)'} (newest: {schema.head_revision()})",
                )
            )
            return 0
        result = schema.upgrade(db)
        if result.created:
            from satellitkontor.services.office import OfficeService

            OfficeService(db).create_default_office()
            print(
                pick(
                    lang,
                    f"Schemat är skapat ({result.after}) i {db.describe()}.",
                    f"Schema created ({result.after}) in {db.describe()}.",
                )
            )
        elif result.changed:
            print(
                pick(
                    lang,
                    f"Uppgraderat {result.before} → {result.after}.",
                    f"Upgraded {result.before} → {result.after}.",
                )
            )
            if result.backup:
                print(pick(lang, f"Säkerhetskopia: {result.backup}", f"Backup: {result.backup}"))
        else:
            print(
                pick(
                    lang,
                    f"Databasen har redan senaste schemat ({result.after}).",
                    f"The database already has the newest schema ({result.after}).",
                )
            )
        cli_db.after_upgrade(db, lang)  # PostgreSQL: the group roles' privileges on new tables
        return 0
    finally:
        db.dispose()


def _cmd_person(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.words.texts import label, municipality_name

    if args.person_command == "erase":
        from satellitkontor.cli.commands import privacy as cli_privacy

        return cli_privacy.erase(services, args, lang)
    if args.person_command == "list":
        for p in services.office.people():
            print(
                f"{p.name:<32} {p.email:<36} {municipality_name(p.municipality_code):<13} "
                f"{label(p.kind.value, lang):<12} {label(p.role.value, lang)}"
            )
        return 0
    actor = _actor(services, args, required=False)
    person = services.office.add_person(
        actor.id if actor else None,
        args.name,
        args.email,
        args.municipality,
        PersonKind(args.kind),
        Role(args.role),
    )
    print(
        pick(
            lang,
            f"Tillagd: {person.name} <{person.email}>, {municipality_name(person.municipality_code)}, {label(person.role.value, lang)}",
            f"Added: {person.name} <{person.email}>, {municipality_name(person.municipality_code)}, {label(person.role.value, lang)}",
        )
    )
    return 0


def _cmd_resources(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.words.texts import label

    for r in services.office.resources(include_inactive=args.all):
        state = "" if r.active else pick(lang, " (avaktiverad)", " (inactive)")
        cap = f", {pick(lang, 'högst', 'max')} {r.capacity}" if r.kind is ResourceKind.ROOM else ""
        print(f"{r.name:<18} {label(r.kind.value, lang)}{cap}{state}: {', '.join(r.equipment)}")
    return 0


def _cmd_closure(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    if args.closure_command == "list":
        for c in services.office.closures():
            print(f"{fmt_date(c.start, lang)} – {fmt_date(c.end, lang)}: {c.reason}")
        return 0
    today = _today()
    start = parse_date(args.start, today)
    end = parse_date(args.end, today) if args.end else start
    actor = _actor(services, args, required=False)
    c = services.office.add_closure(actor.id if actor else None, start, end, args.reason)
    print(
        pick(
            lang,
            f"Stängt {fmt_date(c.start, lang)} – {fmt_date(c.end, lang)}: {c.reason}",
            f"Closed {fmt_date(c.start, lang)} – {fmt_date(c.end, lang)}: {c.reason}",
        )
    )
    return 0


_COMMANDS = {
    "demo": _cmd_demo,
    "book": _cmd_book,
    "cancel": _cmd_cancel,
    "check-in": _cmd_check_in,
    "no-show": _cmd_no_show,
    "occupancy": _cmd_occupancy,
    "mine": _cmd_mine,
    "rotation": _cmd_rotation,
    "stats": _cmd_stats,
    "person": _cmd_person,
    "resources": _cmd_resources,
    "closure": _cmd_closure,
}


def _handlers() -> dict[str, Callable[[Any, argparse.Namespace, str], int]]:
    from satellitkontor.cli.commands import audit as cli_audit
    from satellitkontor.cli.commands import export_ical as cli_feeds
    from satellitkontor.cli.commands import import_ical as cli_import
    from satellitkontor.cli.commands import privacy as cli_privacy
    from satellitkontor.cli.commands import sync as cli_sync

    return {
        **_COMMANDS,
        **cli_feeds.COMMANDS,
        **cli_import.COMMANDS,
        **cli_audit.COMMANDS,
        **cli_sync.COMMANDS,
        **cli_privacy.COMMANDS,
    }
