"""``mine [--past]``: the acting person's own bookings."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import who_acts
from satellitkontor.cli.parser import Subparsers, Words, pick

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    mine = sub.add_parser("mine", help=t("mina bokningar", "my bookings"))
    mine.add_argument("--past", action="store_true", help=t("visa tidigare bokningar", "show past bookings"))


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    actor = who_acts(services, args)
    rows = services.occupancy.bookings_of(actor.id, upcoming=not args.past)
    if not rows:
        print(pick(lang, "Inga bokningar.", "No bookings."))
    for b in rows:
        print(cli_format.booking_line(b, lang))
    return 0
