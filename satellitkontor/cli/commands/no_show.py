"""``no-show [ID]``: mark one booking, or every one past the grace period, as a no-show."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import who_acts
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    noshow = sub.add_parser("no-show", help=t("cli.no_show.help.mark_no_shows"))
    noshow.add_argument(
        "id",
        type=int,
        nargs="?",
        help=t("cli.no_show.help.one_booking_without_all_past"),
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    actor = who_acts(services, args)
    if args.id is None:
        marked = services.attendance.mark_no_shows(actor.id)
        cli_format.print_bookings(
            say("cli.no_show.bookings_marked_as_no_shows", lang, n_marked=len(marked)),
            marked,
            lang,
        )
        return 0
    done = services.attendance.mark_no_show(actor.id, args.id)
    print(say("cli.no_show.no_show", lang) + cli_format.booking_line(done, lang))
    return 0
