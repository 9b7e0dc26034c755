"""``backup FILE [--force]``: the whole office to one file (it opens the database itself)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from satellitkontor.cli.output import Progress
from satellitkontor.cli.parser import Subparsers, Words, pick

if TYPE_CHECKING:
    from satellitkontor.services.backup import BackupSummary


def add_parser(sub: Subparsers, t: Words) -> None:
    rights = t(
        "Bara den som kör kommandot behöver rättigheter i databasen; för den gemensamma "
        "PostgreSQL-databasen är det databasens ägare (DBA), inte en vanlig användare.",
        "Only the person running it needs rights in the database; for the shared PostgreSQL "
        "database that is the database's owner (DBA), not an ordinary user.",
    )
    b = sub.add_parser(
        "backup",
        help=t("säkerhetskopiera hela kontoret till en fil", "back up the whole office to a file"),
        description=t(
            "Sparar hela kontoret (personer, platser, bokningar, värdkommunskalendern, "
            "inställningar, ändringsloggen, kalenderflöden och Exchange-koppling) i en fil. Filen är "
            "en SQLite-databas som kan läsas tillbaka med 'restore' i SQLite eller PostgreSQL, och "
            "öppnas med --db. ",
            "Saves the whole office (people, desks, bookings, the rotation calendar, settings, the "
            "change log, calendar feeds and the Exchange link) in one file. The file is a SQLite "
            "database that 'restore' reads back into SQLite or PostgreSQL, and --db opens. ",
        )
        + rights,
    )
    b.add_argument(
        "file", type=Path, metavar=t("FIL", "FILE"), help=t("filen att skriva", "the file to write")
    )
    b.add_argument(
        "--force",
        action="store_true",
        help=t("skriv över filen om den redan finns", "overwrite the file if it exists"),
    )


def run(args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.backup import backup_office

    summary = backup_office(
        args.db, args.file, overwrite=args.force, progress=Progress(lang), named=getattr(args, "actor", None)
    )
    print(
        pick(
            lang,
            f"Säkerhetskopian är klar: {summary.file} – {_contents(summary, lang)} ({summary.seconds:.1f} s).",
            f"The backup is done: {summary.file} – {_contents(summary, lang)} ({summary.seconds:.1f} s).",
        )
    )
    return 0


def _contents(summary: BackupSummary, lang: str) -> str:
    return pick(
        lang,
        f"{summary.people} personer, {summary.bookings} bokningar, {summary.resources} platser och rum, "
        f"{summary.audit_entries} poster i ändringsloggen",
        f"{summary.people} people, {summary.bookings} bookings, {summary.resources} desks and rooms, "
        f"{summary.audit_entries} entries in the change log",
    )
