"""``restore FILE [--replace] [--yes]``: a backup read back in one transaction (it opens the database itself)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from satellitkontor.cli.output import Progress
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.backup import BackupSummary, OfficeSize


def add_parser(sub: Subparsers, t: Words) -> None:
    rights = t("cli.restore.help.only_person_running_needs_rights")
    r = sub.add_parser(
        "restore",
        help=t("cli.restore.help.restore_backup"),
        description=t("cli.restore.help.reads_backup_into_database_db") + rights,
    )
    r.add_argument(
        "file", type=Path, metavar=t("cli.restore.help.file"), help=t("cli.restore.help.backup_file")
    )
    r.add_argument(
        "--replace",
        action="store_true",
        help=t("cli.restore.help.replace_office_already_database"),
    )
    r.add_argument(
        "--new-office",
        action="store_true",
        help=t("cli.restore.help.new_office"),
    )
    r.add_argument(
        "--yes",
        action="store_true",
        help=t("cli.restore.help.do_not_ask_before_replacing"),
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
                say("cli.restore.cancelled_nothing_was_changed", lang),
                file=sys.stderr,
            )
            return 1
    summary = restore_office(
        args.file,
        args.db,
        replace=args.replace,
        progress=Progress(lang),
        named=getattr(args, "actor", None),
        new_office=args.new_office,
    )
    if summary.upgraded_from is not None:
        print(
            say("cli.restore.backup_was_from_older_version", lang, upgraded_from=summary.upgraded_from),
            file=sys.stderr,
        )
    print(
        say(
            "cli.restore.office_restored_from",
            lang,
            where=summary.where,
            file=summary.file,
            summary=_contents(summary, lang),
            seconds=summary.seconds,
        )
    )
    return 0


def _confirm(where: str, size: OfficeSize, file: Path, lang: str) -> bool:
    question = say(
        "cli.restore.database_holds_office_people_bookings",
        lang,
        where=where,
        people=size.people,
        bookings=size.bookings,
        file=file,
    )
    print(question, end="", file=sys.stderr, flush=True)
    try:
        answer = input()
    except EOFError:
        print(file=sys.stderr)
        return False
    return answer.strip().lower() in ("ja", "j", "yes", "y")


def _contents(summary: BackupSummary, lang: str) -> str:
    return say(
        "cli.restore.people_bookings_desks_rooms_entries",
        lang,
        people=summary.people,
        bookings=summary.bookings,
        resources=summary.resources,
        audit_entries=summary.audit_entries,
    )
