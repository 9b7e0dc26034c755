"""``settings show|visibility|retention|fair``: the office's privacy settings and its fair rules (an
admin changes them)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli.actor import acting_id
from satellitkontor.cli.parser import Subparsers
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    settings = sub.add_parser("settings", help=t("cli.settings.help.settings_personal_data"))
    ssub = sub.nested(
        settings, dest="settings_command", metavar="show|visibility|retention|fair", required=True
    )
    ssub.add_parser("show", help=t("cli.settings.help.show_settings"))
    vis = ssub.add_parser(
        "visibility",
        help=t("cli.settings.help.what_ordinary_users_see_others"),
    )
    vis.add_argument("value", choices=("names", "municipality"))
    keep = ssub.add_parser("retention", help=t("cli.settings.help.retention_period_removal_start"))
    keep.add_argument("--months", type=int, metavar="N", help=t("cli.settings.help.months_12_120"))
    keep.add_argument(
        "--on-start",
        choices=("on", "off"),
        help=t("cli.settings.help.remove_automatically_when_app_starts"),
    )
    fair = ssub.add_parser("fair", help=t("cli.settings.help.fair"))
    for option, name in FAIR_OPTIONS:
        fair.add_argument(
            option, dest=name, metavar=t("cli.settings.help.n_or_off"), help=t(f"cli.settings.fair.{name}")
        )


#: Option and policy field; the rule's words are ``cli.settings.fair.<field>`` in the catalogue.
FAIR_OPTIONS = (
    ("--week", "desk_days_per_week"),
    ("--month", "desk_days_per_month"),
    ("--series-weeks", "max_series_weeks"),
    ("--others-days", "group_booking_days_ahead"),
)


def _rule_value(name: str, text: str) -> int | None:
    if text.strip().lower() in ("av", "off", "0", "-"):
        return None
    try:
        return int(text)
    except ValueError:
        raise InvalidInput(field=name, value=text) from None


def _fair(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    changes = {
        name: _rule_value(name, getattr(args, name))
        for _option, name in FAIR_OPTIONS
        if getattr(args, name) is not None
    }
    policy = (
        services.office.update_policy(acting_id(services, args), **changes)
        if changes
        else services.office.policy()
    )
    off = say("cli.settings.fair.off", lang)
    for _option, name in FAIR_OPTIONS:
        value = getattr(policy, name)
        print(f"{say(f'cli.settings.fair.{name}', lang).capitalize()}: {off if value is None else value}")
    return 0


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    command = args.settings_command
    if command == "fair":
        return _fair(services, args, lang)
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
        say("cli.settings.names_municipality", lang)
        if settings.names_to_users
        else say("cli.settings.municipality_only", lang)
    )
    yes_no = say("cli.settings.yes", lang) if settings.retention_on_start else say("cli.settings.no", lang)
    print(
        say(
            "cli.settings.ordinary_users_see_others_bookings",
            lang,
            names=names,
            retention_months=settings.retention_months,
            yes_no=yes_no,
        )
    )
    return 0
