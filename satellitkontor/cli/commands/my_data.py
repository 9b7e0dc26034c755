"""``my-data --email E [--out MAPP]``: everything stored about a person, for that person or an admin."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from satellitkontor.cli.actor import who_acts
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    mine = sub.add_parser(
        "my-data",
        help=t("cli.my_data.help.save_everything_stored_about_person"),
    )
    mine.add_argument(
        "--email",
        metavar=t("cli.my_data.help.e_mail"),
        help=t("cli.my_data.help.whose_data_default_your_own"),
    )
    mine.add_argument(
        "--out",
        type=Path,
        default=Path("."),
        metavar=t("cli.my_data.help.folder"),
        help=t("cli.my_data.help.folder_save_default_current_one"),
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    actor = who_acts(services, args)  # never the person asked about: --as or the login says who asks
    person = services.office.person_by_email(args.email) if args.email else actor
    result = services.personal_data.export(actor.id, person.id, args.out)
    print(
        say(
            "cli.my_data.personal_data_saved_files_bookings",
            lang,
            email=person.email,
            folder=result.folder,
            n_files=len(result.files),
            bookings=result.bookings,
            audit_entries=result.audit_entries,
        )
    )
    return 0
