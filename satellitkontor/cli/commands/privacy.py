"""Personal data on the command line: ``retention``, ``my-data``, ``settings`` and
``person erase``.

``add_parsers`` is called by cli_parser.build_parser; ``COMMANDS`` maps a command to its handler
``(services, args, lang) -> exit status`` for cli_commands.run (``person erase`` is reached
through the ``person`` command). Services are imported inside the handlers.

- ``retention`` shows what would be removed (``--dry-run``, the default); ``--apply`` removes it
  in one transaction. An admin only (``--as``).
- ``my-data --email E [--out MAPP]`` writes everything stored about E into a new folder in MAPP
  (default: the current folder). E themselves or an admin; without ``--as`` the person acts for
  themselves, as when booking.
- ``settings show``, ``settings visibility names|municipality``, ``settings retention
  [--months N] [--on-start on|off]``: the privacy settings (an admin changes them).
- ``person erase E-POST [--yes]``: an admin erases a person; without ``--yes`` it asks on a
  terminal and refuses otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from satellitkontor.cli.parser import pick
from satellitkontor.domain.errors import ActorRequired

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices
    from satellitkontor.services.privacy.results import RetentionReport

ENV_USER = "SATELLITKONTOR_USER"


def add_parsers(sub: Any, t: Callable[[str, str], str]) -> None:
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

    mine = sub.add_parser(
        "my-data",
        help=t(
            "spara allt som finns om en person (JSON och CSV)",
            "save everything stored about a person (JSON and CSV)",
        ),
    )
    mine.add_argument("--email", required=True, metavar=t("E-POST", "E-MAIL"))
    mine.add_argument(
        "--out",
        type=Path,
        default=Path("."),
        metavar=t("MAPP", "FOLDER"),
        help=t(
            "mappen att spara i (standard: den aktuella)", "the folder to save in (default: the current one)"
        ),
    )

    settings = sub.add_parser(
        "settings", help=t("inställningar för personuppgifter", "settings for personal data")
    )
    ssub = type(sub)(
        settings.add_subparsers(dest="settings_command", metavar="show|visibility|retention", required=True),
        sub.common,
    )
    ssub.add_parser("show", help=t("visa inställningarna", "show the settings"))
    vis = ssub.add_parser(
        "visibility",
        help=t(
            "vad vanliga användare ser av andras bokningar: names (namn) eller municipality (bara kommun)",
            "what ordinary users see of others' bookings: names or municipality (only)",
        ),
    )
    vis.add_argument("value", choices=("names", "municipality"))
    keep = ssub.add_parser(
        "retention", help=t("gallringstid och rensning vid start", "retention period and removal on start")
    )
    keep.add_argument("--months", type=int, metavar="N", help=t("månader (12–120)", "months (12–120)"))
    keep.add_argument(
        "--on-start",
        choices=("on", "off"),
        help=t("rensa automatiskt när appen startar", "remove automatically when the app starts"),
    )


def add_erase_parser(psub: Any, t: Callable[[str, str], str]) -> None:
    """``person erase`` (called by cli_parser for the ``person`` command)."""
    erase = psub.add_parser(
        "erase",
        help=t("radera en persons personuppgifter", "erase a person's personal data"),
        description=t(
            "Raderar personen och tar bort namn, e-post och rubriker ur personens bokningar och ur "
            "ändringsloggen. Kommande bokningar avbokas först. Bokningarna finns kvar utan namn i statistiken.",
            "Erases the person and removes name, e-mail and titles from their bookings and from the "
            "audit trail. Coming bookings are cancelled first. The bookings stay, without name, in the statistics.",
        ),
    )
    erase.add_argument("email", metavar=t("E-POST", "E-MAIL"))
    erase.add_argument("--yes", action="store_true", help=t("fråga inte", "do not ask"))


# --- handlers ---------------------------------------------------------------------------------
def _actor_id(services: AppServices, args: argparse.Namespace, fallback: str | None = None) -> int:
    import os

    email = getattr(args, "actor", None) or os.environ.get(ENV_USER) or fallback
    if not email:
        raise ActorRequired()
    return services.office.person_by_email(email).id


def _cmd_retention(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    report = services.privacy.retention(_actor_id(services, args), apply=args.apply)
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


def _cmd_my_data(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    person = services.office.person_by_email(args.email)
    actor = _actor_id(services, args, fallback=person.email)
    result = services.personal_data.export(actor, person.id, args.out)
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


def _cmd_settings(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    command = args.settings_command
    if command == "visibility":
        settings = services.privacy.set_visibility(_actor_id(services, args), args.value == "names")
    elif command == "retention":
        on_start = None if args.on_start is None else args.on_start == "on"
        settings = services.privacy.set_retention(
            _actor_id(services, args), months=args.months, on_start=on_start
        )
    else:
        settings = services.privacy.settings()
    names = (
        pick(lang, "namn och kommun", "names and municipality")
        if settings.names_to_users
        else pick(lang, "bara kommun", "municipality only")
    )
    yes_no = pick(lang, "ja", "yes") if settings.retention_on_start else pick(lang, "nej", "no")
    print(
        pick(
            lang,
            f"Vanliga användare ser andras bokningar som: {names}\n"
            f"Gallringstid: {settings.retention_months} månader\nRensa automatiskt vid start: {yes_no}",
            f"Ordinary users see others' bookings as: {names}\n"
            f"Retention period: {settings.retention_months} months\nRemove automatically on start: {yes_no}",
        )
    )
    return 0


def erase(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    """``person erase`` (cli_commands._cmd_person calls this)."""
    person = services.office.person_by_email(args.email)
    actor = _actor_id(services, args)
    if not args.yes:
        question = pick(
            lang,
            f"Radera {person.name} <{person.email}>? Kommande bokningar avbokas och namnet tas bort "
            "ur alla bokningar och ur ändringsloggen. Det går inte att ångra. Skriv ja: ",
            f"Erase {person.name} <{person.email}>? Coming bookings are cancelled and the name is removed "
            "from every booking and from the audit trail. This cannot be undone. Type yes: ",
        )
        if not sys.stdin.isatty():
            print(
                pick(lang, "fel: bekräfta med --yes.", "error: confirm with --yes."),
                file=sys.stderr,
            )
            return 2
        if input(question).strip().lower() not in ("ja", "yes", "j", "y"):
            print(pick(lang, "Ingenting raderades.", "Nothing was erased."))
            return 1
    report = services.personal_data.erase(actor, person.id)
    print(
        pick(
            lang,
            f"Raderad: {person.email}. {report.cancelled} kommande bokningar avbokades, {report.bookings} bokningar "
            f"finns kvar utan namn, {report.audit_entries} poster i ändringsloggen rensades.",
            f"Erased: {person.email}. {report.cancelled} coming bookings were cancelled, {report.bookings} bookings "
            f"remain without name, {report.audit_entries} audit entries were cleaned.",
        )
    )
    return 0


COMMANDS: dict[str, Callable[[Any, argparse.Namespace, str], int]] = {
    "retention": _cmd_retention,
    "my-data": _cmd_my_data,
    "settings": _cmd_settings,
}
