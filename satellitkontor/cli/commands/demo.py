"""``demo``: create a demo office with people from all seven municipalities and their bookings."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from satellitkontor.cli.parser import Subparsers, Words, pick
from satellitkontor.words.texts import fmt_date

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    demo = sub.add_parser(
        "demo",
        help=t(
            "skapa ett demokontor med personer och bokningar", "create a demo office with people and bookings"
        ),
    )
    demo.add_argument(
        "--weeks", type=int, default=3, help=t("veckor bakåt och framåt", "weeks back and ahead")
    )
    demo.add_argument(
        "--seed", type=int, default=2026, metavar=t("TAL", "N"), help=t("slumpfrö", "random seed")
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.demo import DemoService

    print(pick(lang, "Skapar demokontoret …", "Creating the demo office …"), file=sys.stderr)
    summary = DemoService(services.db, services.clock).create(
        weeks_back=args.weeks, weeks_ahead=args.weeks, seed=args.seed
    )
    print(
        pick(
            lang,
            f"Demokontoret är klart i {services.db.describe()}: {summary.people} personer från sju kommuner, "
            f"{summary.desks} kontorsplatser och konferensrummet, {summary.bookings} bokningar "
            f"{fmt_date(summary.first_day, lang)} – {fmt_date(summary.last_day, lang)}.",
            f"The demo office is ready in {services.db.describe()}: {summary.people} people from seven municipalities, "
            f"{summary.desks} desks and the conference room, {summary.bookings} bookings "
            f"{fmt_date(summary.first_day, lang)} – {fmt_date(summary.last_day, lang)}.",
        )
    )
    print(
        pick(
            lang,
            "Prova: satellitkontor occupancy   eller   satellitkontor --as sofia.lindqvist@umea.se mine",
            "Try: satellitkontor occupancy   or   satellitkontor --as sofia.lindqvist@umea.se mine",
        )
    )
    return 0
