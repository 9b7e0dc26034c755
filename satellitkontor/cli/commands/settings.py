"""``settings show|visibility|retention``: the office's privacy settings (an admin changes them)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli.actor import acting_id
from satellitkontor.cli.parser import Subparsers, Words, pick

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    settings = sub.add_parser(
        "settings", help=t("inställningar för personuppgifter", "settings for personal data")
    )
    ssub = sub.nested(settings, dest="settings_command", metavar="show|visibility|retention", required=True)
    ssub.add_parser("show", help=t("visa inställningarna", "show the settings"))
    vis = ssub.add_parser(
        "visibility",
        help=t(
            "vad vanliga användare ser av andras bokningar: names (namn) eller municipality (bara kommun)",
            "what ordinary users see of others' bookings: names or municipality (only)",
        ),
    )
    vis.add_argument("value", choices=("names", "municipality"))
    keep = ssub.add_parser(
        "retention", help=t("gallringstid och rensning vid start", "retention period and removal on start")
    )
    keep.add_argument("--months", type=int, metavar="N", help=t("månader (12–120)", "months (12–120)"))
    keep.add_argument(
        "--on-start",
        choices=("on", "off"),
        help=t("rensa automatiskt när appen startar", "remove automatically when the app starts"),
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    command = args.settings_command
    if command == "visibility":
        settings = services.privacy.set_visibility(acting_id(services, args), args.value == "names")
    elif command == "retention":
        on_start = None if args.on_start is None else args.on_start == "on"
        settings = services.privacy.set_retention(
            acting_id(services, args), months=args.months, on_start=on_start
        )
    else:
        settings = services.privacy.settings()
    names = (
        pick(lang, "namn och kommun", "names and municipality")
        if settings.names_to_users
        else pick(lang, "bara kommun", "municipality only")
    )
    yes_no = pick(lang, "ja", "yes") if settings.retention_on_start else pick(lang, "nej", "no")
    print(
        pick(
            lang,
            f"Vanliga användare ser andras bokningar som: {names}\n"
            f"Gallringstid: {settings.retention_months} månader\nRensa automatiskt vid start: {yes_no}",
            f"Ordinary users see others' bookings as: {names}\n"
            f"Retention period: {settings.retention_months} months\nRemove automatically on start: {yes_no}",
        )
    )
    return 0
