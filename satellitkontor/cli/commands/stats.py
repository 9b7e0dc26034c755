"""``stats --year Y [--format table|csv] [--out FILE]``: usage per municipality and month."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from satellitkontor.cli import output as cli_format
from satellitkontor.cli.parser import Subparsers, Words, pick

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    stats = sub.add_parser(
        "stats", help=t("statistik per kommun och månad", "statistics per municipality and month")
    )
    stats.add_argument("--year", type=int, required=True, metavar=t("ÅR", "YEAR"))
    stats.add_argument("--format", choices=("table", "csv"), default="table")
    stats.add_argument(
        "--out", type=Path, metavar=t("FIL", "FILE"), help=t("skriv till fil", "write to a file")
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    rows = services.statistics.usage(args.year)
    text = cli_format.stats_csv(rows) if args.format == "csv" else cli_format.stats_table(rows, lang)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(pick(lang, f"Statistiken är sparad i {args.out}.", f"The statistics are saved in {args.out}."))
    else:
        sys.stdout.write(text)
    return 0
