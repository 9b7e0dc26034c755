"""``cancel ID [--series --from D]``: cancel a booking, or a series from a day on."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import local_today, who_acts
from satellitkontor.cli.args import parse_date
from satellitkontor.cli.parser import Subparsers, Words, pick
from satellitkontor.domain.errors import InvalidInput

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    cancel = sub.add_parser("cancel", help=t("avboka", "cancel"))
    cancel.add_argument("id", type=int, help=t("bokningens nummer", "the booking's number"))
    cancel.add_argument(
        "--series",
        action="store_true",
        help=t("avboka hela serien från --from", "cancel the whole series from --from"),
    )
    cancel.add_argument(
        "--from",
        dest="from_day",
        help=t(
            "första dag att avboka i serien (standard idag)",
            "first day to cancel in the series (default today)",
        ),
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
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
