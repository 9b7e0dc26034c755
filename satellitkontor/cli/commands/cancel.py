"""``cancel ID [--series --from D]``: cancel a booking, or a series from a day on."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import local_today, who_acts
from satellitkontor.cli.args import parse_date
from satellitkontor.cli.parser import Subparsers
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.words import Words, plans, say

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    cancel = sub.add_parser("cancel", help=t("cli.cancel.help.cancel"))
    cancel.add_argument("id", type=int, nargs="?", help=t("cli.cancel.help.booking_number"))
    cancel.add_argument(
        "--series",
        action="store_true",
        help=t("cli.cancel.help.cancel_whole_series_from_from"),
    )
    cancel.add_argument(
        "--from",
        dest="from_day",
        help=t("cli.cancel.help.first_day_cancel_series_default"),
    )
    cancel.add_argument("--to", dest="to_day", help=t("cli.cancel.help.to"))
    cancel.add_argument("--reason", help=t("cli.cancel.help.reason"))


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    if args.id is None:
        return _range(services, args, lang)
    booking = services.occupancy.booking(args.id)
    if booking is None:
        from satellitkontor.domain.errors import BookingNotFound

        raise BookingNotFound(id=args.id)
    actor = who_acts(services, args, fallback=booking.person_email)
    if args.series:
        if booking.series_id is None:
            raise InvalidInput(field="series", value=args.id)
        first = parse_date(args.from_day, local_today()) if args.from_day else None
        cancelled = services.booking.cancel_series(actor.id, booking.series_id, first)
        cli_format.print_bookings(
            say("cli.cancel.cancelled_occurrences_series", lang, n_cancelled=len(cancelled)),
            cancelled,
            lang,
        )
        return 0
    done = services.booking.cancel(actor.id, args.id, reason=args.reason)
    print(say("cli.cancel.cancelled", lang) + cli_format.booking_line(done, lang))
    return 0


def _range(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    """``cancel --from D --to D``: every booking of the one who acts on those days."""
    if not args.from_day or not args.to_day:
        raise InvalidInput(field="range", value="--from --to")
    today = local_today()
    first, last = parse_date(args.from_day, today), parse_date(args.to_day, today)
    actor = who_acts(services, args)
    cancelled = services.booking.cancel_range(actor.id, first, last, reason=args.reason)
    cli_format.print_bookings(plans.cancelled_count(len(cancelled), lang), cancelled, lang)
    return 0
