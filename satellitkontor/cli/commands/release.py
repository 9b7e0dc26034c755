"""``release [--force]``: release today's bookings nobody checked in to within the grace period
(the office's rule "frisläpp bokningar utan incheckning"), for a scheduled task on a server.
Each is cancelled, audited as released and queued for Exchange; two runs at once release each
booking once. ``--force`` runs it even while the rule is off. The waitlist's sweep runs after it
either way (``waitlist sweep``): offers that ran out pass to the next in line."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import who_acts_if_known
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, plans, say

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    p = sub.add_parser("release", help=t("cli.release.help.release"))
    p.add_argument(
        "--force",
        action="store_true",
        help=t("cli.release.help.force"),
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    actor = who_acts_if_known(services, args)
    if not args.force and not services.office.policy().auto_release:
        print(say("cli.release.off", lang))
    else:
        released = services.attendance.release_unclaimed(actor.id if actor else None, force=args.force)
        cli_format.print_bookings(plans.released_count(len(released), lang), released, lang)
    # the waitlist's offers that ran out pass on, and free places go to the lines (services/waitlist/)
    swept = services.waitlist.sweep(actor.id if actor else None)
    if swept.expired or swept.offered:
        print(say("cli.waitlist.swept", lang, expired=swept.expired, offered=swept.offered))
    return 0
