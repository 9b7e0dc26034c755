"""``check-in ID``: the booker or the receptionist checks a booking in."""

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
    checkin = sub.add_parser("check-in", help=t("cli.check_in.help.check_booking"))
    checkin.add_argument("id", type=int)


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    booking = services.occupancy.booking(args.id)
    actor = who_acts(services, args, fallback=booking.person_email if booking else None)
    done = services.attendance.check_in(actor.id, args.id)
    print(say("cli.check_in.checked", lang) + cli_format.booking_line(done, lang))
    return 0
