"""Calendar feeds on the command line: ``export-ical`` and ``serve-feeds``.

``add_parsers`` is called by cli_parser.build_parser; ``COMMANDS`` maps a command to its handler
``(services, args, lang) -> exit status`` for cli_commands.run. Keep imports of services and
integrations inside the handlers: the parser is built on every start, the desktop app's too.

``export-ical`` writes one feed to standard output (streamed: nothing else is printed there) or
to ``--out FILE``, or with ``--all --folder DIR`` every feed of ``FeedService.choices`` into DIR
(each file replaced whole, never half-written). ``--privacy public`` (the default) needs no
``--as``: it names nobody. ``--privacy internal`` names people and needs ``--as`` a receptionist
or an admin, or the person whose own feed it is (services/feeds/service.py)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from satellitkontor.cli.actor import who_acts_if_known
from satellitkontor.cli.parser import Subparsers, Words, pick
from satellitkontor.domain.feeds import FeedKind


def add_parser(sub: Subparsers, t: Words) -> None:
    p = sub.add_parser(
        "export-ical",
        help=t("exportera ett kalenderflöde (.ics)", "export a calendar feed (.ics)"),
        description=t(
            "Skriver ett kalenderflöde i iCalendar-format: hela kontoret, en plats eller rummet, en "
            "kommun, en person eller värdkommunskalendern. Standard är 30 dagar bakåt och 180 framåt.",
            "Writes a calendar feed in iCalendar format: the whole office, a desk or the room, a "
            "municipality, a person or the rotation calendar. Default: 30 days back and 180 ahead.",
        ),
    )
    p.add_argument(
        "--out",
        type=Path,
        metavar=t("FIL", "FILE"),
        help=t("skriv till fil (standard: standard ut)", "write to a file (default: standard output)"),
    )
    p.add_argument(
        "--feed",
        choices=[k.value for k in FeedKind],
        default="office",
        help=t("vilket flöde (standard: office)", "which feed (default: office)"),
    )
    p.add_argument(
        "--target",
        metavar=t("MÅL", "TARGET"),
        help=t(
            "platsens eller rummets namn, kommunen eller personens e-postadress",
            "the desk's or room's name, the municipality or the person's e-mail address",
        ),
    )
    p.add_argument(
        "--from",
        dest="feed_from",
        metavar=t("DATUM", "DATE"),
        help=t("första dagen (standard: 30 dagar sedan)", "first day (default: 30 days ago)"),
    )
    p.add_argument(
        "--to",
        dest="feed_to",
        metavar=t("DATUM", "DATE"),
        help=t("sista dagen (standard: om 180 dagar)", "last day (default: in 180 days)"),
    )
    p.add_argument(
        "--privacy",
        choices=("public", "internal"),
        default="public",
        help=t(
            "public: bara Bokad/Upptagen och kommunen; internal: namn och rubriker (kräver --as)",
            "public: only Booked/Busy and the municipality; internal: names and titles (needs --as)",
        ),
    )
    p.add_argument(
        "--all",
        action="store_true",
        dest="all_feeds",
        help=t(
            "skriv alla flöden (kontoret, varje plats, varje kommun, värdkommun) till --folder",
            "write every feed (office, each desk, each municipality, rotation) to --folder",
        ),
    )
    p.add_argument(
        "--folder", type=Path, metavar=t("MAPP", "DIR"), help=t("mapp för --all", "folder for --all")
    )


def run(services: Any, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.cli.args import parse_date
    from satellitkontor.domain import clock as clk
    from satellitkontor.domain.errors import InvalidInput
    from satellitkontor.domain.feeds import FeedKind, Privacy

    feeds = services.feeds
    privacy = Privacy(args.privacy)
    today = clk.local_date(services.clock())
    first = parse_date(args.feed_from, today) if args.feed_from else None
    last = parse_date(args.feed_to, today) if args.feed_to else None
    viewer = who_acts_if_known(services, args)
    actor_id = viewer.id if viewer is not None else None
    options: dict[str, Any] = {"privacy": privacy, "first": first, "last": last, "lang": lang}

    if args.all_feeds or args.folder is not None:
        if not (args.all_feeds and args.folder is not None) or args.out is not None:
            given = "--out" if args.out is not None else "--all" if args.folder is None else "--folder"
            raise InvalidInput(field="folder", value=given)
        choices = feeds.choices(lang)
        for choice in choices:
            feeds.check_access(actor_id, choice.spec, privacy)
        args.folder.mkdir(parents=True, exist_ok=True)
        total = 0
        for choice in choices:
            count = feeds.write(choice.spec, args.folder / choice.file_name, **options)
            total += count
            print(f"{choice.file_name}: {count} {pick(lang, 'händelser', 'events')} – {choice.label}")
        print(
            pick(
                lang,
                f"{len(choices)} flöden med {total} händelser skrivna till {args.folder}.",
                f"{len(choices)} feeds with {total} events written to {args.folder}.",
            )
        )
        return 0

    spec = feeds.resolve(FeedKind(args.feed), args.target)
    feeds.check_access(actor_id, spec, privacy)
    if args.out is not None:
        count = feeds.write(spec, args.out, **options)
        print(
            pick(
                lang, f"{count} händelser skrivna till {args.out}.", f"{count} events written to {args.out}."
            )
        )
        return 0
    return _to_stdout(feeds.stream(spec, **options))


def _to_stdout(chunks: Any) -> int:
    """Stream to standard output; a reader that stops early (``| head``) is not an error."""
    binary = getattr(sys.stdout, "buffer", None)
    try:
        for chunk in chunks:
            if binary is not None:
                binary.write(chunk)
            else:  # a text stream (tests redirect stdout to a StringIO)
                sys.stdout.write(chunk.decode())
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python flushes stdout at exit: let that succeed
        return 0
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()
    return 0
