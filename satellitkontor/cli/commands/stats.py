"""``stats --year Y [--format table|csv|xlsx] [--out FILE]``: usage per municipality and month; the
table ends with each conference room's meetings and hours.

CSV and XLSX files are written by services/statistics/export.py, the same writer as the app's
Statistik page, so the command line and the app give the same file for the same year. Without
``--format``, an ``--out`` ending in ``.csv`` or ``.xlsx`` says which file to write.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.actor import who_acts_if_known
from satellitkontor.cli.parser import Subparsers
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.services.statistics import export
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    stats = sub.add_parser("stats", help=t("cli.stats.help.statistics_per_municipality_month"))
    stats.add_argument("--year", type=int, required=True, metavar=t("cli.stats.help.year"))
    stats.add_argument("--format", choices=("table", "csv", "xlsx"), default=None)
    stats.add_argument(
        "--out", type=Path, metavar=t("cli.stats.help.file"), help=t("cli.stats.help.write_file")
    )


def file_format(args: argparse.Namespace) -> str:
    """table, csv or xlsx: as asked, else by the ending of ``--out`` (.csv, .xlsx), else table."""
    if args.format is not None:
        return str(args.format)
    suffix = args.out.suffix.lower() if args.out is not None else ""
    return {".csv": "csv", ".xlsx": "xlsx"}.get(suffix, "table")


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    kind = file_format(args)
    if kind == "xlsx" and args.out is None:
        raise InvalidInput(field="out", value="-")
    viewer = who_acts_if_known(services, args)  # anyone but an admin sees "< 3" (issue 20)
    rows = services.statistics.usage_for(viewer.id if viewer is not None else None, args.year)
    table = ""
    if kind == "table":
        rooms = services.statistics.room_usage(args.year)
        table = cli_format.stats_table(rows, lang) + cli_format.room_usage_table(rooms, lang)
    # the files carry the per-room table too (bookings, hours, occupancy: no person in it)
    per_room = services.statistics.room_breakdown(args.year) if kind in ("csv", "xlsx") else []
    if args.out is None:
        text = export.csv_text(rows, lang, per_room) if kind == "csv" else table
        sys.stdout.write(text)
        return 0
    if kind == "xlsx":
        export.write_xlsx(args.out, rows, lang, per_room)
    elif kind == "csv":
        export.write_csv(args.out, rows, lang, per_room)
    else:
        args.out.write_text(table, encoding="utf-8")
    print(say("cli.stats.statistics_are_saved", lang, out=args.out))
    return 0
