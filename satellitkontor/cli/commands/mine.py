"""``mine [--past]``: the acting person's own bookings."""

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
    mine = sub.add_parser("mine", help=t("cli.mine.help.my_bookings"))
    mine.add_argument("--past", action="store_true", help=t("cli.mine.help.show_past_bookings"))


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    actor = who_acts(services, args)
    rows = services.occupancy.bookings_of(actor.id, upcoming=not args.past)
    if not rows:
        print(say("cli.mine.no_bookings", lang))
    for b in rows:
        print(cli_format.booking_line(b, lang))
    return 0
