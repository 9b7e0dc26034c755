"""``my-data --email E [--out MAPP]``: everything stored about a person, for that person or an admin."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from satellitkontor.cli.actor import who_acts
from satellitkontor.cli.parser import Subparsers, Words, pick

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    mine = sub.add_parser(
        "my-data",
        help=t(
            "spara allt som finns om en person (JSON och CSV)",
            "save everything stored about a person (JSON and CSV)",
        ),
    )
    mine.add_argument(
        "--email",
        metavar=t("E-POST", "E-MAIL"),
        help=t(
            "vems uppgifter (standard: dina egna; någon annans bara för en administratör)",
            "whose data (default: your own; someone else's only for an admin)",
        ),
    )
    mine.add_argument(
        "--out",
        type=Path,
        default=Path("."),
        metavar=t("MAPP", "FOLDER"),
        help=t(
            "mappen att spara i (standard: den aktuella)", "the folder to save in (default: the current one)"
        ),
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    actor = who_acts(services, args)  # never the person asked about: --as or the login says who asks
    person = services.office.person_by_email(args.email) if args.email else actor
    result = services.personal_data.export(actor.id, person.id, args.out)
    print(
        pick(
            lang,
            f"Personuppgifterna för {person.email} är sparade i {result.folder} "
            f"({len(result.files)} filer, {result.bookings} bokningar, {result.audit_entries} poster i ändringsloggen).",
            f"The personal data of {person.email} is saved in {result.folder} "
            f"({len(result.files)} files, {result.bookings} bookings, {result.audit_entries} audit entries).",
        )
    )
    return 0
