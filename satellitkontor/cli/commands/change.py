"""``change ID [--desk PLATS] [--date D] [--period fm|em|heldag] [--from TT:MM --to TT:MM]
[--title T] [--participants N]``: move or change a booking instead of cancelling and booking
again. One change: a conflict or a rule refusal leaves the booking as it was."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import local_today, who_acts
from satellitkontor.cli.args import parse_date, parse_period, parse_time, parse_weekdays
from satellitkontor.cli.parser import Subparsers
from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import BookingView
from satellitkontor.domain.errors import BookingNotFound, InvalidInput
from satellitkontor.services.booking.service import BookingChange
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    p = sub.add_parser("change", help=t("cli.change.help.change"))
    p.add_argument("id", type=int, help=t("cli.cancel.help.booking_number"))
    p.add_argument("--desk", metavar=t("cli.change.help.desk_metavar"), help=t("cli.change.help.desk"))
    p.add_argument("--date", metavar=t("cli.closure.help.date"), help=t("cli.change.help.date"))
    p.add_argument("--period", metavar="fm|em|heldag", help=t("cli.change.help.period"))
    p.add_argument("--from", dest="start", metavar="TT:MM", help=t("cli.change.help.start"))
    p.add_argument("--to", dest="end", metavar="TT:MM", help=t("cli.change.help.end"))
    p.add_argument("--title", help=t("cli.change.help.title"))
    p.add_argument("--participants", type=int, metavar="N", help=t("cli.change.help.participants"))
    p.add_argument(
        "--series",
        action="store_true",
        help=t("cli.change.help.series"),
    )
    p.add_argument("--weekdays", metavar=t("cli.book.help.days"), help=t("cli.change.help.weekdays"))
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=t("cli.change.help.dry_run"),
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    booking = services.occupancy.booking(args.id)
    if booking is None:
        raise BookingNotFound(id=args.id)
    actor = who_acts(services, args, fallback=booking.person_email)
    if args.series:
        return _series(services, args, lang, booking, actor.id)
    day = parse_date(args.date, local_today()) if args.date else None
    start = end = None
    if args.start or args.end:
        if not (args.start and args.end):
            raise InvalidInput(field="time", value="--from --to")
        on = day or booking.day
        start, end = clk.local(on, parse_time(args.start)), clk.local(on, parse_time(args.end))
    change = BookingChange(
        resource_id=services.office.resource_by_name(args.desk).id if args.desk else None,
        day=day,
        period=parse_period(args.period) if args.period else None,
        start=start,
        end=end,
        participants=args.participants,
        title=args.title,
    )
    if change == BookingChange():
        raise InvalidInput(field="change", value="")
    done = services.booking.change(actor.id, args.id, change)
    print(say("cli.change.changed", lang) + cli_format.booking_line(done, lang))
    return 0


def _series(
    services: AppServices, args: argparse.Namespace, lang: str, booking: BookingView, actor_id: int
) -> int:
    """``change ID --series``: the series from this booking's day on, with the preview of skipped days."""
    if booking.series_id is None:
        raise InvalidInput(field="series", value=args.id)
    result = services.booking.change_series(
        actor_id,
        booking.series_id,
        booking.day,
        resource_id=services.office.resource_by_name(args.desk).id if args.desk else None,
        weekdays=parse_weekdays(args.weekdays) if args.weekdays else None,
        period=parse_period(args.period) if args.period else None,
        start_time=parse_time(args.start) if args.start else None,
        end_time=parse_time(args.end) if args.end else None,
        dry_run=args.dry_run,
    )
    print(cli_format.series(result, lang))
    return 0
