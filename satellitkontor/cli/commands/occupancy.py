"""``occupancy [--date D]``: who sits where on a day (names only as the office allows)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import local_today, who_acts_if_known
from satellitkontor.cli.args import parse_date
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    occ = sub.add_parser("occupancy", help=t("cli.occupancy.help.day_occupancy"))
    occ.add_argument(
        "--date",
        default="idag",
        metavar=t("cli.occupancy.help.date"),
        help=t("cli.occupancy.help.yyyy_mm_dd_default_today"),
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    """Names only for whom the office shows them (``--as`` a receptionist or admin, or every user
    when the office allows it): services/occupancy.py decides."""
    day = parse_date(args.date, local_today())
    viewer = who_acts_if_known(services, args)
    viewer_id = viewer.id if viewer is not None else None
    occupancy = services.occupancy.day(day, viewer_id=viewer_id)
    print(cli_format.occupancy(occupancy, lang))
    if occupancy.closed is not None and args.date in ("idag", "today"):
        # "today" on a weekend or holiday: show the next day the office is open as well
        print()
        following = services.occupancy.next_open_day(day)
        print(cli_format.occupancy(services.occupancy.day(following, viewer_id=viewer_id), lang))
    return 0
