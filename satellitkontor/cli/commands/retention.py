"""``retention [--dry-run | --apply]``: remove personal data older than the office's limit (an admin)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli.actor import acting_id
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices
    from satellitkontor.services.privacy.results import RetentionReport


def add_parser(sub: Subparsers, t: Words) -> None:
    ret = sub.add_parser(
        "retention",
        help=t("cli.retention.help.remove_old_personal_data_retention"),
        description=t("cli.retention.help.removes_names_e_mail_addresses"),
    )
    mode = ret.add_mutually_exclusive_group()
    mode.add_argument(
        "--dry-run",
        action="store_true",
        help=t("cli.retention.help.show_what_would_removed_default"),
    )
    mode.add_argument("--apply", action="store_true", help=t("cli.retention.help.remove_now"))


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    report = services.privacy.retention(acting_id(services, args), apply=args.apply)
    print(retention_text(report, lang))
    return 0


def retention_text(report: RetentionReport, lang: str) -> str:
    from satellitkontor.words.texts import fmt_date

    cutoff = fmt_date(report.cutoff, lang)
    lines = [say("cli.retention.retention_personal_data_from_before", lang, cutoff=cutoff)]
    months = ", ".join(f"{y:04d}-{m:02d}" for y, m in report.months) or "–"
    rows = (
        (say("cli.retention.bookings_without_name_title", lang), report.bookings),
        (say("cli.retention.recurring_bookings_series", lang), report.series),
        (say("cli.retention.audit_entries", lang), report.audit_entries),
        (say("cli.retention.people_removed", lang), report.people),
        (
            say("cli.retention.other_links_who_did_what", lang),
            report.other_links,
        ),
    )
    width = max(len(name) for name, _ in rows)
    lines += [f"  {name:<{width}}  {n}" for name, n in rows]
    lines.append(say("cli.retention.months", lang, months=months))
    if report.nothing_to_do:
        lines.append(say("cli.retention.nothing_remove", lang))
    elif report.applied:
        lines.append(say("cli.retention.removed_statistics_are_unchanged", lang))
        if report.log_cleared is False:
            lines.append(say("cli.retention.database_log_file_could_not", lang))
    else:
        lines.append(say("cli.retention.dry_run_nothing_changed_run", lang))
    return "\n".join(lines)
