"""``retention [--dry-run | --apply]``: remove personal data older than the office's limit (an admin)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from satellitkontor.cli.actor import acting_id
from satellitkontor.cli.parser import Subparsers, Words, pick

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices
    from satellitkontor.services.privacy.results import RetentionReport


def add_parser(sub: Subparsers, t: Words) -> None:
    ret = sub.add_parser(
        "retention",
        help=t("rensa gamla personuppgifter (gallring)", "remove old personal data (retention)"),
        description=t(
            "Tar bort namn, e-postadresser och rubriker ur bokningar och ändringslogg som är äldre än "
            "kontorets gallringstid. Antalen per kommun, plats och dag finns kvar i statistiken.",
            "Removes names, e-mail addresses and titles from bookings and the audit trail older than "
            "the office's retention period. Counts per municipality, desk and day stay in the statistics.",
        ),
    )
    mode = ret.add_mutually_exclusive_group()
    mode.add_argument(
        "--dry-run",
        action="store_true",
        help=t("visa vad som skulle rensas (standard)", "show what would be removed (default)"),
    )
    mode.add_argument("--apply", action="store_true", help=t("rensa nu", "remove it now"))


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    report = services.privacy.retention(acting_id(services, args), apply=args.apply)
    print(retention_text(report, lang))
    return 0


def retention_text(report: RetentionReport, lang: str) -> str:
    from satellitkontor.words.texts import fmt_date

    cutoff = fmt_date(report.cutoff, lang)
    lines = [
        pick(
            lang,
            f"Gallring av personuppgifter från före {cutoff}:",
            f"Retention of personal data from before {cutoff}:",
        )
    ]
    months = ", ".join(f"{y:04d}-{m:02d}" for y, m in report.months) or "–"
    rows = (
        (pick(lang, "Bokningar utan namn och rubrik", "Bookings without name and title"), report.bookings),
        (pick(lang, "Återkommande bokningar (serier)", "Recurring bookings (series)"), report.series),
        (pick(lang, "Poster i ändringsloggen", "Audit entries"), report.audit_entries),
        (pick(lang, "Personer som tas bort", "People removed"), report.people),
        (
            pick(lang, "Övriga kopplingar till vem som gjorde vad", "Other links to who did what"),
            report.other_links,
        ),
    )
    width = max(len(name) for name, _ in rows)
    lines += [f"  {name:<{width}}  {n}" for name, n in rows]
    lines.append(pick(lang, f"  Månader: {months}", f"  Months: {months}"))
    if report.nothing_to_do:
        lines.append(pick(lang, "Inget att rensa.", "Nothing to remove."))
    elif report.applied:
        lines.append(
            pick(lang, "Rensat. Statistiken är oförändrad.", "Removed. The statistics are unchanged.")
        )
        if report.log_cleared is False:
            lines.append(
                pick(
                    lang,
                    "Databasens loggfil kunde inte tömmas nu (en annan läsare); den töms vid nästa tillfälle.",
                    "The database's log file could not be emptied now (another reader); it is emptied next time.",
                )
            )
    else:
        lines.append(
            pick(
                lang,
                "Provkörning: ingenting är ändrat. Kör med --apply för att rensa.",
                "Dry run: nothing changed. Run with --apply to remove it.",
            )
        )
    return "\n".join(lines)
