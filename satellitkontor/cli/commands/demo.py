"""``demo``: create a demo office with people from all seven municipalities and their bookings."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, say
from satellitkontor.words.texts import fmt_date

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    demo = sub.add_parser(
        "demo",
        help=t("cli.demo.help.create_demo_office_people_bookings"),
    )
    demo.add_argument("--weeks", type=int, default=3, help=t("cli.demo.help.weeks_back_ahead"))
    demo.add_argument(
        "--seed", type=int, default=2026, metavar=t("cli.demo.help.n"), help=t("cli.demo.help.random_seed")
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.demo import DemoService

    print(say("cli.demo.creating_demo_office", lang), file=sys.stderr)
    summary = DemoService(services.db, services.clock).create(
        weeks_back=args.weeks, weeks_ahead=args.weeks, seed=args.seed
    )
    print(
        say(
            "cli.demo.demo_office_ready_people_from",
            lang,
            describe=services.db.describe(),
            people=summary.people,
            desks=summary.desks,
            bookings=summary.bookings,
            first_day=fmt_date(summary.first_day, lang),
            last_day=fmt_date(summary.last_day, lang),
        )
    )
    print(say("cli.demo.try_satellitkontor_occupancy_satellitkontor_as", lang))
    return 0
