"""Importing calendar files on the command line: ``import-ical``.

``add_parsers`` is called by cli_parser.build_parser; ``COMMANDS`` maps a command to its handler
``(services, args, lang) -> exit status`` for cli_commands.run. Keep imports of services and
integrations inside the handlers: the parser is built on every start, the desktop app's too.

    satellitkontor import-ical export.ics --as admin@umea.se [--dry-run] [--yes]
        [--map 'konferensrum@umea.se=Konferensrummet' ...] [--default-person EMAIL]

It prints the plan (a line per booking: skapas / dubblett / avvisas with the reason), then asks
before writing unless ``--yes``; ``--dry-run`` writes nothing. Exit status: 0 done (or nothing to
do), 1 not confirmed, 2 an error (a broken file: one sentence, no traceback)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from satellitkontor.cli.actor import who_acts
from satellitkontor.cli.parser import Subparsers, Words, pick

if TYPE_CHECKING:
    from satellitkontor.services.imports.results import ImportPlan, MappingRule, PlanItem


def add_parser(sub: Subparsers, t: Words) -> None:
    p = sub.add_parser(
        "import-ical",
        help=t(
            "importera bokningar från en kalenderfil (.ics)", "import bookings from a calendar file (.ics)"
        ),
        description=t(
            "Läser en kalenderfil (t.ex. en export från Outlook eller Microsoft Bookings) och gör "
            "händelserna till bokningar. Visar först vad som skapas, vad som redan finns och vad som "
            "avvisas, och frågar innan något sparas. Allt sparas, eller inget. Bara administratörer.",
            "Reads a calendar file (e.g. an export from Outlook or Microsoft Bookings) and turns its "
            "events into bookings. Shows first what will be created, what exists already and what is "
            "rejected, and asks before saving anything. Everything is saved, or nothing. Admins only.",
        ),
    )
    p.add_argument(
        "file",
        type=Path,
        metavar=t("FIL", "FILE"),
        help=t("kalenderfilen (.ics)", "the calendar file (.ics)"),
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=t("visa vad som skulle hända utan att spara", "show what would happen without saving"),
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar=t("TEXT=PLATS", "TEXT=PLACE"),
        help=t(
            "skicka händelser med TEXT (i plats eller rubrik) eller med e-postadressen TEXT (t.ex. ett "
            "rums brevlåda) till PLATS; PLATS 'kontorsplats' betyder första lediga plats. Kan upprepas.",
            "send events with TEXT (in location or title) or with the e-mail address TEXT (e.g. a room's "
            "mailbox) to PLACE; PLACE 'desk' means the first free desk. May be repeated.",
        ),
    )
    p.add_argument(
        "--default-person",
        metavar=t("E-POST", "E-MAIL"),
        help=t(
            "boka åt denna person när händelsen inte nämner någon som finns i kontoret",
            "book for this person when the event names nobody the office knows",
        ),
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help=t("spara utan att fråga", "save without asking"),
    )


_YES = ("j", "ja", "y", "yes")


def run(services: Any, args: argparse.Namespace, lang: str) -> int:

    actor = who_acts(services, args)
    imports = services.ical_import
    parsed = imports.read(args.file, name=args.file.name)
    mapping = imports.suggest_mapping(parsed, args.map, default_person=args.default_person)
    plan = imports.plan(actor.id, parsed, mapping)
    print(plan_text(plan, len(parsed.events), lang))
    if not plan.to_create:
        print(pick(lang, "Inget att skapa; ingenting har sparats.", "Nothing to create; nothing was saved."))
        return 0
    if args.dry_run:
        print(pick(lang, "Provkörning: ingenting har sparats.", "Dry run: nothing was saved."))
        return 0
    if not args.yes and not _confirm(len(plan.to_create), lang):
        print(pick(lang, "Avbrutet; ingenting har sparats.", "Stopped; nothing was saved."), file=sys.stderr)
        return 1
    result = imports.apply(actor.id, plan)
    n = len(result.created)
    print(pick(lang, f"Klart: {n} bokningar skapade.", f"Done: {n} bookings created."))
    return 0


def _confirm(count: int, lang: str) -> bool:
    prompt = pick(lang, f"Skapa {count} bokningar? [j/N] ", f"Create {count} bookings? [y/N] ")
    try:
        answer = input(prompt)
    except EOFError:  # no one to ask (a script without --yes)
        print(file=sys.stderr)
        return False
    return answer.strip().lower() in _YES


def plan_text(plan: ImportPlan, events: int, lang: str) -> str:
    from satellitkontor.words.texts import describe

    encoding = {"cp1252": "Windows-1252"}.get(plan.encoding, plan.encoding.upper().replace("-SIG", ""))
    out = [
        pick(
            lang,
            f"Kalenderfil: {plan.source} ({encoding}), {events} händelser.",
            f"Calendar file: {plan.source} ({encoding}), {events} events.",
        )
    ]
    if plan.rules:
        out.append(pick(lang, "Regler för plats:", "Rules for the place:"))
        out.extend(f"  {_rule(r, lang)}" for r in plan.rules)
    out.extend(pick(lang, "Obs: ", "Note: ") + describe(n, lang) for n in plan.notices)
    out.append(
        pick(
            lang,
            f"Plan: {len(plan.to_create)} skapas, {len(plan.duplicates)} dubbletter, {len(plan.rejected)} avvisas.",
            f"Plan: {len(plan.to_create)} to create, {len(plan.duplicates)} duplicates, {len(plan.rejected)} rejected.",
        )
    )
    out.extend(_item(i, lang) for i in plan.items)
    return "\n".join(out)


def _rule(rule: MappingRule, lang: str) -> str:
    from satellitkontor.services.imports.results import ANY_DESK

    target = (
        pick(lang, "första lediga kontorsplats", "the first free desk")
        if rule.resource == ANY_DESK
        else rule.resource
    )
    if rule.by_email:
        return f"{rule.match} → {target}"
    where = pick(lang, "i plats eller rubrik", "in location or title")
    suggested = pick(lang, " (förslag)", " (suggested)") if rule.automatic else ""
    return f"«{rule.match}» {where} → {target}{suggested}"


def _item(item: PlanItem, lang: str) -> str:
    from satellitkontor.services.imports.results import CREATE, DUPLICATE
    from satellitkontor.words.texts import describe, fmt_date, fmt_span, label

    word = {CREATE: ("skapas", "create"), DUPLICATE: ("dubblett", "duplicate")}.get(
        item.outcome, ("avvisas", "reject")
    )
    if item.desk_period is not None:
        when = f"{fmt_date(item.day, lang)} {label(item.desk_period.value, lang)}"
    elif isinstance(item.start, datetime) and isinstance(item.end, datetime):
        when = fmt_span(item.start, item.end, lang)
    else:
        when = f"{fmt_date(item.day, lang)} {label('full_day', lang)}"
    title = f"«{item.summary}»" if item.summary else pick(lang, "(utan rubrik)", "(no title)")
    parts = [f"  {pick(lang, *word):<9}", when]
    if item.outcome == CREATE:
        parts += [item.resource_name or "", item.person_name or "", title]
        if item.participants:
            parts.append(pick(lang, f"{item.participants} deltagare", f"{item.participants} participants"))
        if item.note is not None:
            parts.append(describe(item.note, lang))
    else:
        parts.append(f"{title} ({pick(lang, 'rad', 'line')} {item.line})")
        if item.reason is not None:
            parts.append(describe(item.reason, lang))
    return "  ".join(p for p in parts if p)
