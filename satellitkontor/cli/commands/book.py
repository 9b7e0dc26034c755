"""``book desk|room``: book a desk or the conference room, once or as a series (``--repeat``)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import local_today, who_acts
from satellitkontor.cli.args import parse_date, parse_period, parse_time, parse_weekdays
from satellitkontor.cli.parser import Subparsers
from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import Guest
from satellitkontor.domain.errors import InvalidInput, PermissionDenied, RoomNotChosen
from satellitkontor.domain.people import Role, normalise_email
from satellitkontor.domain.recurrence import Recurrence
from satellitkontor.domain.resources import ResourceKind
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    book = sub.add_parser("book", help=t("cli.book.help.book_desk_conference_room"))
    bsub = sub.nested(book, dest="what", metavar="desk|room", required=True)
    desk = bsub.add_parser("desk", help=t("cli.book.help.book_desk"))
    desk.add_argument(
        "resource",
        metavar=t("cli.book.help.desk"),
        help=t("cli.book.help.desk_name_e_g_plats"),
    )
    desk.add_argument(
        "--date",
        required=True,
        metavar=t("cli.book.help.date"),
        help=t("cli.book.help.yyyy_mm_dd_today_tomorrow"),
    )
    desk.add_argument("--period", default="heldag", help=t("cli.book.help.full_morning_afternoon"))
    room = bsub.add_parser("room", help=t("cli.book.help.book_conference_room"))
    room.add_argument(
        "resource",
        nargs="?",
        metavar=t("cli.book.help.room"),
        help=t("cli.book.help.room_name_needed_several_rooms"),
    )
    room.add_argument(
        "--date",
        required=True,
        metavar=t("cli.book.help.date"),
        help=t("cli.book.help.yyyy_mm_dd_today_tomorrow"),
    )
    room.add_argument(
        "--from", dest="start", required=True, metavar="TT:MM", help=t("cli.book.help.start_time")
    )
    room.add_argument("--to", dest="end", required=True, metavar="TT:MM", help=t("cli.book.help.end_time"))
    room.add_argument(
        "--participants",
        metavar=t("cli.book.help.n"),
        type=int,
        required=True,
        help=t("cli.book.help.number_participants_1_12"),
    )
    room.add_argument("--title", metavar=t("cli.book.help.title"), help=t("cli.book.help.meeting_title"))
    for sp in (desk, room):
        sp.add_argument(
            "--for",
            "--host",
            dest="for_email",
            metavar="E-POST",
            help=t("cli.book.help.book_someone_else_or_host"),
        )
        sp.add_argument("--guest", metavar=t("cli.book.help.name"), help=t("cli.book.help.guest"))
        sp.add_argument(
            "--guest-org", metavar=t("cli.book.help.organisation"), help=t("cli.book.help.guest_org")
        )
        sp.add_argument("--guest-email", metavar="E-POST", help=t("cli.book.help.guest_email"))
        sp.add_argument(
            "--repeat",
            choices=("daily", "weekly", "dagligen", "veckovis"),
            help=t("cli.book.help.repeat_booking"),
        )
        sp.add_argument(
            "--weekdays",
            metavar=t("cli.book.help.days"),
            help=t("cli.book.help.weekdays_weekly_e_g_mon"),
        )
        sp.add_argument(
            "--until",
            metavar=t("cli.book.help.date"),
            help=t("cli.book.help.repeat_until_this_date"),
        )
        sp.add_argument(
            "--count", type=int, metavar=t("cli.book.help.n"), help=t("cli.book.help.number_times")
        )
        sp.add_argument(
            "--dry-run",
            action="store_true",
            help=t("cli.book.help.show_what_would_booked_without"),
        )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    today = local_today()
    day = parse_date(args.date, today)
    actor = who_acts(services, args, fallback=args.for_email)
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
        if len(rooms) > 1:  # never a room the booker did not name
            raise RoomNotChosen(rooms=", ".join(r.name for r in rooms))
        resource = rooms[0]
    guest = None
    if args.guest is not None or args.guest_org is not None or args.guest_email is not None:
        if actor.role is Role.USER:  # said before anything else, as for --for
            raise PermissionDenied(action="book_guest", role=actor.role.value)
        guest = Guest.of(args.guest, args.guest_org, args.guest_email)
    if args.repeat or args.dry_run:  # a single booking tried without saving: a series of one
        rule = _recurrence(args, day, today) if args.repeat else Recurrence.daily(day, count=1)
        kwargs: dict[str, Any] = {"for_person_id": target.id, "dry_run": args.dry_run, "guest": guest}
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
            actor.id, resource.id, day, parse_period(args.period), for_person_id=target.id, guest=guest
        )
    else:
        start, end = clk.local(day, parse_time(args.start)), clk.local(day, parse_time(args.end))
        booking = services.booking.book_room(
            actor.id,
            resource.id,
            start,
            end,
            args.participants,
            args.title,
            for_person_id=target.id,
            guest=guest,
        )
    print(say("cli.book.booked", lang) + cli_format.booking_line(booking, lang))
    return 0


def _recurrence(args: argparse.Namespace, day: date, today: date) -> Recurrence:
    until = parse_date(args.until, today) if args.until else None
    if args.repeat in ("daily", "dagligen"):
        return Recurrence.daily(day, until=until, count=args.count)
    weekdays = parse_weekdays(args.weekdays) if args.weekdays else frozenset({day.weekday()})
    return Recurrence.weekly(day, weekdays, until=until, count=args.count)
