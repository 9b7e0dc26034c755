"""Backup and restore on the command line: ``backup FILE`` and ``restore FILE``.

    satellitkontor [--db URL] backup FIL [--force]
    satellitkontor [--db URL] restore FIL [--replace] [--yes]

``add_parsers`` is called by cli_parser.build_parser. Unlike the other command modules these
commands are in ``DIRECT_COMMANDS``: cli_commands.run calls them before opening the office,
because a backup must not create a database that is not there and a restore creates the schema
itself, in its one transaction, without the default desks a first start lays out (see
services/backup.py and storage/backup.py). Only the person running them needs rights in
the database: on a shared PostgreSQL server that is the database's owner (DBA).

Progress goes to stderr for long runs; the last line says what was written or read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from satellitkontor.storage.backup import BackupSummary, OfficeSize

#: Progress lines are printed from this many rows on (a demo office has some 700).
PROGRESS_FROM = 20_000


def add_parsers(sub: Any, t: Callable[[str, str], str]) -> None:
    """Add this module's commands to ``sub`` (cli_parser's subparsers)."""
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


def cmd_backup(args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.backup import backup_office

    summary = backup_office(args.db, args.file, overwrite=args.force, progress=_Progress(lang))
    print(
        _t(
            lang,
            f"Säkerhetskopian är klar: {summary.file} – {_contents(summary, lang)} ({summary.seconds:.1f} s).",
            f"The backup is done: {summary.file} – {_contents(summary, lang)} ({summary.seconds:.1f} s).",
        )
    )
    return 0


def cmd_restore(args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.backup import office_size, restore_office
    from satellitkontor.storage.backup import check_backup_file
    from satellitkontor.storage.locations import describe_url, resolve_url

    check_backup_file(args.file.expanduser().absolute())  # a wrong file: said before anything is asked
    where = describe_url(resolve_url(args.db))
    if args.replace and not args.yes:
        size = office_size(args.db)
        if size is not None and not size.empty and not _confirm(where, size, args.file, lang):
            print(
                _t(lang, "Avbrutet. Ingenting ändrades.", "Cancelled. Nothing was changed."), file=sys.stderr
            )
            return 1
    summary = restore_office(args.file, args.db, replace=args.replace, progress=_Progress(lang))
    if summary.upgraded_from is not None:
        print(
            _t(
                lang,
                f"Säkerhetskopian var från en äldre version ({summary.upgraded_from}) och uppgraderades först.",
                f"The backup was from an older version ({summary.upgraded_from}) and was upgraded first.",
            ),
            file=sys.stderr,
        )
    print(
        _t(
            lang,
            f"Kontoret är återställt i {summary.where} från {summary.file} – {_contents(summary, lang)} ({summary.seconds:.1f} s).",
            f"The office is restored in {summary.where} from {summary.file} – {_contents(summary, lang)} ({summary.seconds:.1f} s).",
        )
    )
    return 0


def _confirm(where: str, size: OfficeSize, file: Path, lang: str) -> bool:
    question = _t(
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
    return _t(
        lang,
        f"{summary.people} personer, {summary.bookings} bokningar, {summary.resources} platser och rum, "
        f"{summary.audit_entries} poster i ändringsloggen",
        f"{summary.people} people, {summary.bookings} bookings, {summary.resources} desks and rooms, "
        f"{summary.audit_entries} entries in the change log",
    )


class _Progress:
    """Rows copied, on stderr, every tenth of the way, for runs of PROGRESS_FROM rows or more."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_FROM:
            return
        tenth = done * 10 // total
        if tenth == self.shown:
            return
        self.shown = tenth
        print(
            _t(
                self.lang,
                f"… {done:,} av {total:,} rader ({tenth * 10} %)".replace(",", "\u00a0"),
                f"… {done:,} of {total:,} rows ({tenth * 10} %)",
            ),
            file=sys.stderr,
            flush=True,
        )


def _t(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


#: Commands that open the database themselves: cli_commands.run calls them before open_office.
DIRECT_COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "backup": cmd_backup,
    "restore": cmd_restore,
}
