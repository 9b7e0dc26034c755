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
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.services.imports.results import ImportPlan, MappingRule, PlanItem


def add_parser(sub: Subparsers, t: Words) -> None:
    p = sub.add_parser(
        "import-ical",
        help=t("cli.import_ical.help.import_bookings_from_calendar_file"),
        description=t("cli.import_ical.help.reads_calendar_file_e_g"),
    )
    p.add_argument(
        "file",
        type=Path,
        metavar=t("cli.import_ical.help.file"),
        help=t("cli.import_ical.help.calendar_file_ics"),
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=t("cli.import_ical.help.show_what_would_happen_without"),
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar=t("cli.import_ical.help.text_place"),
        help=t("cli.import_ical.help.send_events_text_location_title"),
    )
    p.add_argument(
        "--default-person",
        metavar=t("cli.import_ical.help.e_mail"),
        help=t("cli.import_ical.help.book_this_person_when_event"),
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help=t("cli.import_ical.help.save_without_asking"),
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
        print(say("cli.import_ical.nothing_create_nothing_was_saved", lang))
        return 0
    if args.dry_run:
        print(say("cli.import_ical.dry_run_nothing_was_saved", lang))
        return 0
    if not args.yes and not _confirm(len(plan.to_create), lang):
        print(say("cli.import_ical.stopped_nothing_was_saved", lang), file=sys.stderr)
        return 1
    result = imports.apply(actor.id, plan)
    n = len(result.created)
    print(say("cli.import_ical.done_bookings_created", lang, n=n))
    return 0


def _confirm(count: int, lang: str) -> bool:
    prompt = say("cli.import_ical.create_bookings_y_n", lang, count=count)
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
        say(
            "cli.import_ical.calendar_file_events", lang, source=plan.source, encoding=encoding, events=events
        )
    ]
    if plan.rules:
        out.append(say("cli.import_ical.rules_place", lang))
        out.extend(f"  {_rule(r, lang)}" for r in plan.rules)
    out.extend(say("cli.import_ical.note", lang) + describe(n, lang) for n in plan.notices)
    out.append(
        say(
            "cli.import_ical.plan_create_duplicates_rejected",
            lang,
            n_to_create=len(plan.to_create),
            n_duplicates=len(plan.duplicates),
            n_rejected=len(plan.rejected),
        )
    )
    out.extend(_item(i, lang) for i in plan.items)
    return "\n".join(out)


def _rule(rule: MappingRule, lang: str) -> str:
    from satellitkontor.services.imports.results import ANY_DESK

    target = say("cli.import_ical.first_free_desk", lang) if rule.resource == ANY_DESK else rule.resource
    if rule.by_email:
        return f"{rule.match} → {target}"
    where = say("cli.import_ical.location_title", lang)
    suggested = say("cli.import_ical.suggested", lang) if rule.automatic else ""
    return f"«{rule.match}» {where} → {target}{suggested}"


def _item(item: PlanItem, lang: str) -> str:
    from satellitkontor.services.imports.results import CREATE, DUPLICATE
    from satellitkontor.words.texts import describe, fmt_date, fmt_span, label

    word = {CREATE: "create", DUPLICATE: "duplicate"}.get(item.outcome, "reject")
    if item.desk_period is not None:
        when = f"{fmt_date(item.day, lang)} {label(item.desk_period.value, lang)}"
    elif isinstance(item.start, datetime) and isinstance(item.end, datetime):
        when = fmt_span(item.start, item.end, lang)
    else:
        when = f"{fmt_date(item.day, lang)} {label('full_day', lang)}"
    title = f"«{item.summary}»" if item.summary else say("cli.import_ical.no_title", lang)
    parts = [f"  {say(f'cli.import_ical.outcome.{word}', lang):<9}", when]
    if item.outcome == CREATE:
        parts += [item.resource_name or "", item.person_name or "", title]
        if item.participants:
            parts.append(say("cli.import_ical.participants", lang, participants=item.participants))
        if item.note is not None:
            parts.append(describe(item.note, lang))
    else:
        parts.append(f"{title} ({say('cli.import_ical.line', lang)} {item.line})")
        if item.reason is not None:
            parts.append(describe(item.reason, lang))
    return "  ".join(p for p in parts if p)
