"""``restore FILE [--replace] [--yes]``: a backup read back in one transaction (it opens the database itself)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from satellitkontor.cli.output import Progress
from satellitkontor.cli.parser import Subparsers, Words, pick

if TYPE_CHECKING:
    from satellitkontor.services.backup import BackupSummary, OfficeSize


def add_parser(sub: Subparsers, t: Words) -> None:
    rights = t(
        "Bara den som kör kommandot behöver rättigheter i databasen; för den gemensamma "
        "PostgreSQL-databasen är det databasens ägare (DBA), inte en vanlig användare.",
        "Only the person running it needs rights in the database; for the shared PostgreSQL "
        "database that is the database's owner (DBA), not an ordinary user.",
    )
    r = sub.add_parser(
        "restore",
        help=t("läs tillbaka en säkerhetskopia", "restore a backup"),
        description=t(
            "Läser in en säkerhetskopia i databasen (--db), i en enda transaktion: allt eller "
            "inget. En databas som redan innehåller ett kontor ersätts bara med --replace. En "
            "säkerhetskopia från en äldre version uppgraderas först. ",
            "Reads a backup into the database (--db) in one transaction: all or nothing. A "
            "database that already holds an office is only replaced with --replace. A backup from "
            "an older version is upgraded first. ",
        )
        + rights,
    )
    r.add_argument("file", type=Path, metavar=t("FIL", "FILE"), help=t("säkerhetskopian", "the backup file"))
    r.add_argument(
        "--replace",
        action="store_true",
        help=t("ersätt kontoret som redan finns i databasen", "replace the office already in the database"),
    )
    r.add_argument(
        "--yes",
        action="store_true",
        help=t("fråga inte innan kontoret ersätts", "do not ask before replacing the office"),
    )


def run(args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.backup import check_backup_file, office_size, restore_office
    from satellitkontor.services.startup import describe_url, resolve_url

    check_backup_file(args.file.expanduser().absolute())  # a wrong file: said before anything is asked
    where = describe_url(resolve_url(args.db))
    if args.replace and not args.yes:
        size = office_size(args.db, named=getattr(args, "actor", None))
        if size is not None and not size.empty and not _confirm(where, size, args.file, lang):
            print(
                pick(lang, "Avbrutet. Ingenting ändrades.", "Cancelled. Nothing was changed."),
                file=sys.stderr,
            )
            return 1
    summary = restore_office(
        args.file, args.db, replace=args.replace, progress=Progress(lang), named=getattr(args, "actor", None)
    )
    if summary.upgraded_from is not None:
        print(
            pick(
                lang,
                f"Säkerhetskopian var från en äldre version ({summary.upgraded_from}) och uppgraderades först.",
                f"The backup was from an older version ({summary.upgraded_from}) and was upgraded first.",
            ),
            file=sys.stderr,
        )
    print(
        pick(
            lang,
            f"Kontoret är återställt i {summary.where} från {summary.file} – {_contents(summary, lang)} ({summary.seconds:.1f} s).",
            f"The office is restored in {summary.where} from {summary.file} – {_contents(summary, lang)} ({summary.seconds:.1f} s).",
        )
    )
    return 0


def _confirm(where: str, size: OfficeSize, file: Path, lang: str) -> bool:
    question = pick(
        lang,
        f"Databasen {where} innehåller ett kontor med {size.people} personer och {size.bookings} bokningar. "
        f"Det ersätts helt med innehållet i {file}. Skriv 'ja' för att fortsätta: ",
        f"The database {where} holds an office with {size.people} people and {size.bookings} bookings. "
        f"It will be replaced entirely by the contents of {file}. Type 'yes' to go on: ",
    )
    print(question, end="", file=sys.stderr, flush=True)
    try:
        answer = input()
    except EOFError:
        print(file=sys.stderr)
        return False
    return answer.strip().lower() in ("ja", "j", "yes", "y")


def _contents(summary: BackupSummary, lang: str) -> str:
    return pick(
        lang,
        f"{summary.people} personer, {summary.bookings} bokningar, {summary.resources} platser och rum, "
        f"{summary.audit_entries} poster i ändringsloggen",
        f"{summary.people} people, {summary.bookings} bookings, {summary.resources} desks and rooms, "
        f"{summary.audit_entries} entries in the change log",
    )
