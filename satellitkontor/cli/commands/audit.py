"""The audit trail on the command line: ``audit`` (admins only), reading, never changing.

``add_parsers`` is called by cli_parser.build_parser; ``COMMANDS`` maps the command to its
handler for cli_commands.run. Services are imported inside the handler (the parser is built on
every start, the desktop app's too).

    satellitkontor audit --as admin@umea.se [--from DATUM] [--to DATUM] [--action HÄNDELSE]
        [--text TEXT] [--limit N] [--csv FIL]

It prints the newest entries first, one a line (time, who, what, which, whom, the change), or
with ``--csv`` writes every matching entry to a file for Excel (services/audit/service.py).
``--action`` takes an action code (``booking.cancel``) or a whole kind (``booking``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from satellitkontor.cli.actor import local_today, who_acts
from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, say

DEFAULT_LIMIT = 50


def add_parser(sub: Subparsers, t: Words) -> None:
    from satellitkontor.words.texts import AUDIT_ACTIONS

    codes = ", ".join(AUDIT_ACTIONS)
    p = sub.add_parser(
        "audit",
        help=t("cli.audit.help.show_change_log_admins"),
        description=t("cli.audit.help.shows_who_changed_what_when"),
    )
    p.add_argument(
        "--from",
        dest="since",
        metavar=t("cli.audit.help.date"),
        help=t("cli.audit.help.from_this_day_yyyy_mm"),
    )
    p.add_argument(
        "--to",
        dest="until",
        metavar=t("cli.audit.help.date"),
        help=t("cli.audit.help.up_including_this_day_yyyy"),
    )
    p.add_argument(
        "--action",
        metavar=t("cli.audit.help.action"),
        help=t("cli.audit.help.only_this_action_kind", codes=codes),
    )
    p.add_argument(
        "--text",
        metavar="TEXT",
        help=t("cli.audit.help.only_entries_that_mention_text"),
    )
    p.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar=t("cli.audit.help.n"),
        help=t("cli.audit.help.at_most_this_many_lines", DEFAULT_LIMIT=DEFAULT_LIMIT),
    )
    p.add_argument(
        "--csv",
        type=Path,
        metavar=t("cli.audit.help.file"),
        help=t("cli.audit.help.write_every_matching_entry_csv"),
    )


def run(services: Any, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.cli.args import parse_date

    actor = who_acts(services, args)
    today = local_today()
    filters: dict[str, Any] = {
        "since": parse_date(args.since, today) if args.since else None,
        "until": parse_date(args.until, today) if args.until else None,
        "text": args.text,
        **_action_filter(args.action),
    }
    audit = services.audit
    if args.csv is not None:
        n = audit.export_csv(actor.id, args.csv, lang=lang, **filters)
        print(say("cli.audit.entries_saved", lang, n=n, csv=args.csv))
        return 0
    from satellitkontor.domain.errors import InvalidInput

    if not 1 <= args.limit <= 1000:
        raise InvalidInput(field="limit", value=args.limit)
    total = audit.count(actor.id, lang=lang, **filters)
    entries = audit.entries(actor.id, limit=args.limit, lang=lang, **filters)
    if not entries:
        print(say("cli.audit.no_entries_change_log", lang))
        return 0
    for e in entries:
        print(entry_line(e, lang))
    if total > len(entries):
        print(say("cli.audit.showing_newest_entries_limit_csv", lang, n_entries=len(entries), total=total))
    return 0


def _action_filter(value: str | None) -> dict[str, Any]:
    """``booking.cancel`` filters on the action, ``booking`` on the kind; anything else is an error."""
    from satellitkontor.domain.errors import InvalidInput
    from satellitkontor.words.texts import AUDIT_ACTIONS

    if not value:
        return {}
    word = value.strip().lower()
    if word in AUDIT_ACTIONS:
        return {"action": word}
    if word in {code.split(".")[0] for code in AUDIT_ACTIONS}:
        return {"entity": word}
    raise InvalidInput(field="audit_action", value=value)


def entry_line(e: Any, lang: str) -> str:
    from satellitkontor.domain import clock as clk

    when = clk.to_local(e.when).strftime("%Y-%m-%d %H:%M")
    parts = [when, e.who, e.action_label, e.target]
    if e.subject and e.subject != e.target:
        parts.append(f"({e.subject})")
    if e.summary:
        parts.append(e.summary)
    return "  ".join(p for p in parts if p)
