"""``closure add|list``: days the office is closed. ``add`` lists the bookings those days would
cancel and asks first (``--yes``: do not ask); the closure and the cancellations are one change."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import local_today, who_acts_if_known
from satellitkontor.cli.args import parse_date
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, plans, say
from satellitkontor.words.texts import fmt_date

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    clo = sub.add_parser("closure", help=t("cli.closure.help.closed_days"))
    csub = sub.nested(clo, dest="closure_command", metavar="add|list", required=True)
    cadd = csub.add_parser("add", help=t("cli.closure.help.close_office_some_days"))
    cadd.add_argument(
        "--from",
        dest="start",
        required=True,
        metavar=t("cli.closure.help.date"),
        help=t("cli.closure.help.first_closed_day"),
    )
    cadd.add_argument(
        "--to",
        dest="end",
        metavar=t("cli.closure.help.date"),
        help=t("cli.closure.help.last_closed_day_default_same"),
    )
    cadd.add_argument("--reason", required=True, metavar=t("cli.closure.help.reason"))
    cadd.add_argument("--yes", action="store_true", help=t("cli.closure.help.yes"))
    csub.add_parser("list")


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    if args.closure_command == "list":
        for c in services.office.closures():
            print(f"{fmt_date(c.start, lang)} – {fmt_date(c.end, lang)}: {c.reason}")
        return 0
    today = local_today()
    start = parse_date(args.start, today)
    end = parse_date(args.end, today) if args.end else start
    actor = who_acts_if_known(services, args)
    affected = services.office.closure_impact(start, end)
    if affected:
        cli_format.print_bookings(plans.affected(len(affected), lang) + ":", affected, lang)
        if not args.yes and not _confirm(lang):
            print(say("cli.closure.stopped", lang), file=sys.stderr)
            return 1
    c = services.office.add_closure(actor.id if actor else None, start, end, args.reason)
    print(
        say(
            "cli.closure.closed",
            lang,
            start=fmt_date(c.start, lang),
            end=fmt_date(c.end, lang),
            reason=c.reason,
        )
    )
    if c.cancelled:
        cli_format.print_bookings(plans.cancelled_count(len(c.cancelled), lang), list(c.cancelled), lang)
    return 0


def _confirm(lang: str) -> bool:
    try:
        answer = input(say("cli.closure.ask", lang))
    except EOFError:  # no one to ask (a script without --yes)
        print(file=sys.stderr)
        return False
    return plans.is_yes(answer)
