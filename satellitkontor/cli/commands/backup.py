"""``backup FILE [--force]``: the whole office to one file (it opens the database itself)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from satellitkontor.cli.output import Progress
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.backup import BackupSummary


def add_parser(sub: Subparsers, t: Words) -> None:
    rights = t("cli.backup.help.only_person_running_needs_rights")
    b = sub.add_parser(
        "backup",
        help=t("cli.backup.help.back_up_whole_office_file"),
        description=t("cli.backup.help.saves_whole_office_people_desks") + rights,
    )
    b.add_argument("file", type=Path, metavar=t("cli.backup.help.file"), help=t("cli.backup.help.file_write"))
    b.add_argument(
        "--force",
        action="store_true",
        help=t("cli.backup.help.overwrite_file_if_exists"),
    )


def run(args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.services.backup import backup_office

    summary = backup_office(
        args.db, args.file, overwrite=args.force, progress=Progress(lang), named=getattr(args, "actor", None)
    )
    print(
        say(
            "cli.backup.backup_done",
            lang,
            file=summary.file,
            summary=_contents(summary, lang),
            seconds=summary.seconds,
        )
    )
    return 0


def _contents(summary: BackupSummary, lang: str) -> str:
    return say(
        "cli.backup.people_bookings_desks_rooms_entries",
        lang,
        people=summary.people,
        bookings=summary.bookings,
        resources=summary.resources,
        audit_entries=summary.audit_entries,
    )
