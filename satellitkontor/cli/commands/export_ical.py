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
from satellitkontor.cli.parser import Subparsers
from satellitkontor.domain.feeds import FeedKind
from satellitkontor.words import Words, say


def add_parser(sub: Subparsers, t: Words) -> None:
    p = sub.add_parser(
        "export-ical",
        help=t("cli.export_ical.help.export_calendar_feed_ics"),
        description=t("cli.export_ical.help.writes_calendar_feed_icalendar_format"),
    )
    p.add_argument(
        "--out",
        type=Path,
        metavar=t("cli.export_ical.help.file"),
        help=t("cli.export_ical.help.write_file_default_standard_output"),
    )
    p.add_argument(
        "--feed",
        choices=[k.value for k in FeedKind],
        default="office",
        help=t("cli.export_ical.help.which_feed_default_office"),
    )
    p.add_argument(
        "--target",
        metavar=t("cli.export_ical.help.target"),
        help=t("cli.export_ical.help.desk_room_name_municipality_person"),
    )
    p.add_argument(
        "--from",
        dest="feed_from",
        metavar=t("cli.export_ical.help.date"),
        help=t("cli.export_ical.help.first_day_default_30_days"),
    )
    p.add_argument(
        "--to",
        dest="feed_to",
        metavar=t("cli.export_ical.help.date"),
        help=t("cli.export_ical.help.last_day_default_180_days"),
    )
    p.add_argument(
        "--privacy",
        choices=("public", "internal"),
        default="public",
        help=t("cli.export_ical.help.public_only_booked_busy_municipality"),
    )
    p.add_argument(
        "--all",
        action="store_true",
        dest="all_feeds",
        help=t("cli.export_ical.help.write_every_feed_office_each"),
    )
    p.add_argument(
        "--folder",
        type=Path,
        metavar=t("cli.export_ical.help.dir"),
        help=t("cli.export_ical.help.folder_all"),
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
            print(f"{choice.file_name}: {count} {say('cli.export_ical.events', lang)} – {choice.label}")
        print(
            say(
                "cli.export_ical.feeds_events_written",
                lang,
                n_choices=len(choices),
                total=total,
                folder=args.folder,
            )
        )
        return 0

    spec = feeds.resolve(FeedKind(args.feed), args.target)
    feeds.check_access(actor_id, spec, privacy)
    if args.out is not None:
        count = feeds.write(spec, args.out, **options)
        print(say("cli.export_ical.events_written", lang, count=count, out=args.out))
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
