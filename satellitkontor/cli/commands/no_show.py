"""``no-show [ID]``: mark one booking, or every one past the grace period, as a no-show."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import who_acts
from satellitkontor.cli.parser import Subparsers, Words, pick

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    noshow = sub.add_parser("no-show", help=t("markera uteblivna", "mark no-shows"))
    noshow.add_argument(
        "id",
        type=int,
        nargs="?",
        help=t(
            "en bokning; utan nummer: alla som passerat väntetiden",
            "one booking; without: all past the grace period",
        ),
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    actor = who_acts(services, args)
    if args.id is None:
        marked = services.attendance.mark_no_shows(actor.id)
        cli_format.print_bookings(
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
