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
from satellitkontor.cli.parser import Subparsers, Words, pick

DEFAULT_LIMIT = 50


def add_parser(sub: Subparsers, t: Words) -> None:
    from satellitkontor.words.texts import AUDIT_ACTIONS

    codes = ", ".join(AUDIT_ACTIONS)
    p = sub.add_parser(
        "audit",
        help=t("visa ändringsloggen (administratörer)", "show the change log (admins)"),
        description=t(
            "Visar vem som ändrade vad och när: bokningar, avbokningar, incheckningar, roller, "
            "platser, stängningar och regler, nyast först. Loggen kan inte ändras. Bara administratörer.",
            "Shows who changed what and when: bookings, cancellations, check-ins, roles, desks, "
            "closures and rules, newest first. The log cannot be changed. Admins only.",
        ),
    )
    p.add_argument(
        "--from",
        dest="since",
        metavar=t("DATUM", "DATE"),
        help=t("från och med dag (ÅÅÅÅ-MM-DD)", "from this day on (YYYY-MM-DD)"),
    )
    p.add_argument(
        "--to",
        dest="until",
        metavar=t("DATUM", "DATE"),
        help=t("till och med dag (ÅÅÅÅ-MM-DD)", "up to and including this day (YYYY-MM-DD)"),
    )
    p.add_argument(
        "--action",
        metavar=t("HÄNDELSE", "ACTION"),
        help=t(f"bara denna händelse eller sort: {codes}", f"only this action or kind: {codes}"),
    )
    p.add_argument(
        "--text",
        metavar="TEXT",
        help=t(
            "bara poster som nämner TEXT (person, plats, värde)",
            "only entries that mention TEXT (person, place, value)",
        ),
    )
    p.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar=t("ANTAL", "N"),
        help=t(
            f"högst så många rader (standard {DEFAULT_LIMIT})",
            f"at most this many lines (default {DEFAULT_LIMIT})",
        ),
    )
    p.add_argument(
        "--csv",
        type=Path,
        metavar=t("FIL", "FILE"),
        help=t("skriv alla poster som matchar till en CSV-fil", "write every matching entry to a CSV file"),
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
        print(pick(lang, f"{n} poster sparades i {args.csv}.", f"{n} entries saved in {args.csv}."))
        return 0
    from satellitkontor.domain.errors import InvalidInput

    if not 1 <= args.limit <= 1000:
        raise InvalidInput(field="limit", value=args.limit)
    total = audit.count(actor.id, lang=lang, **filters)
    entries = audit.entries(actor.id, limit=args.limit, lang=lang, **filters)
    if not entries:
        print(pick(lang, "Inga poster i ändringsloggen.", "No entries in the change log."))
        return 0
    for e in entries:
        print(entry_line(e, lang))
    if total > len(entries):
        print(
            pick(
                lang,
                f"Visar de {len(entries)} senaste av {total} poster (--limit, --csv FIL för alla).",
                f"Showing the newest {len(entries)} of {total} entries (--limit, --csv FILE for all).",
            )
        )
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
