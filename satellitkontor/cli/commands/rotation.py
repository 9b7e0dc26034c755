"""``rotation [--year Y] [--years N]``: the host municipality and the rotation calendar."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import local_today
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    rot = sub.add_parser("rotation", help=t("cli.rotation.help.host_municipality_rotation_calendar"))
    rot.add_argument(
        "--year",
        type=int,
        metavar=t("cli.rotation.help.year"),
        help=t("cli.rotation.help.year_default_this_year"),
    )
    rot.add_argument("--years", type=int, metavar="N", help=t("cli.rotation.help.show_n_years_from_year"))


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    year = args.year or local_today().year
    if args.years:
        print(cli_format.rotation_years(services.rotation.years(year, year + args.years - 1), lang))
    else:
        print(cli_format.rotation(services.rotation.year(year), lang))
    return 0
