"""Published feeds on the command line: ``serve-feeds`` and ``feeds publish|list|revoke``.

Hooked into cli/commands/export_ical.py (``add_parsers`` and ``COMMANDS``), kept in a module of its own so that
the export commands and the serving commands can change independently. Imports of services and
integrations stay inside the handlers: the parser is built on every start.

``feeds publish`` prints the feed's URL once: only the token's hash is stored, so nobody can show
it again. The URL starts with ``--base-url`` (default ``$SATELLITKONTOR_FEEDS_URL``, else
``http://127.0.0.1:8765``): the address subscribers reach ``serve-feeds`` at, which may be a
reverse proxy's name rather than the host and port the server itself listens on.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from satellitkontor.cli.parser import pick
from satellitkontor.domain import clock as clk

if TYPE_CHECKING:
    from satellitkontor.feeds_server.server import FeedServer
    from satellitkontor.services.app_services import AppServices
    from satellitkontor.services.feeds.publishing import FeedTokenView

ENV_FEEDS_URL = "SATELLITKONTOR_FEEDS_URL"
DEFAULT_BASE_URL = "http://127.0.0.1:8765"
_KINDS = ("office", "resource", "municipality", "person", "rotation")
_KIND_WORDS = {
    "office": ("hela kontoret", "whole office"),
    "resource": ("", ""),  # the desk's or room's name says it
    "municipality": ("kommun", "municipality"),
    "person": ("person", "person"),
    "rotation": ("värdkommunskalendern", "rotation calendar"),
}
_PRIVACY_WORDS = {"public": ("publik", "public"), "internal": ("intern", "internal")}


def add_parsers(sub: Any, t: Callable[[str, str], str]) -> None:
    serve = sub.add_parser(
        "serve-feeds",
        help=t(
            "servera publicerade kalenderflöden över HTTP (och/eller till en mapp)",
            "serve published calendar feeds over HTTP (and/or into a folder)",
        ),
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help=t(
            "adress att lyssna på (standard 127.0.0.1, bara den här datorn)",
            "address to listen on (default 127.0.0.1, this computer only)",
        ),
    )
    serve.add_argument(
        "--port",
        type=int,
        default=8765,
        metavar=t("PORT", "PORT"),
        help=t("port (standard 8765)", "port (default 8765)"),
    )
    serve.add_argument(
        "--folder",
        type=Path,
        metavar=t("MAPP", "DIR"),
        help=t(
            "skriv också varje publicerat flöde som .ics-fil i mappen vid varje ändring",
            "also write every published feed as an .ics file into the folder on each change",
        ),
    )
    serve.add_argument(
        "--no-http",
        dest="no_http",
        action="store_true",
        help=t(
            "ingen HTTP-server, bara mappen (kräver --folder)",
            "no HTTP server, the folder only (needs --folder)",
        ),
    )
    serve.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help=t(
            "visa varje förfrågan i terminalen (loggfilen får dem alltid)",
            "show every request in the terminal (the log file always gets them)",
        ),
    )

    feeds = sub.add_parser("feeds", help=t("publicerade kalenderflöden", "published calendar feeds"))
    fsub = type(sub)(
        feeds.add_subparsers(dest="feeds_command", metavar="publish|list|revoke", required=True), sub.common
    )
    pub = fsub.add_parser(
        "publish",
        help=t("publicera ett flöde och visa dess adress en gång", "publish a feed and show its URL once"),
    )
    pub.add_argument(
        "--feed",
        required=True,
        choices=_KINDS,
        help=t(
            "vilket flöde: office (hela kontoret), resource (en plats eller rummet), municipality (en kommun), "
            "person (en person), rotation (värdkommunskalendern)",
            "which feed: office, resource (a desk or the room), municipality, person, rotation (host calendar)",
        ),
    )
    pub.add_argument(
        "--target",
        metavar=t("MÅL", "TARGET"),
        help=t(
            "platsens/rummets namn, kommunens namn eller personens e-post (för resource, municipality, person)",
            "the desk's/room's name, the municipality's name or the person's e-mail (for resource, municipality, person)",
        ),
    )
    pub.add_argument(
        "--privacy",
        choices=("public", "internal"),
        default="public",
        help=t(
            "public: bara 'Bokad' och kommunen (standard); internal: namn och rubriker",
            "public: only 'Booked' and the municipality (default); internal: names and titles",
        ),
    )
    pub.add_argument(
        "--label", metavar=t("TEXT", "TEXT"), help=t("eget namn på flödet", "own name for the feed")
    )
    pub.add_argument(
        "--base-url",
        metavar="URL",
        help=t(
            f"början på adressen som prenumeranter når servern på (standard ${ENV_FEEDS_URL} eller {DEFAULT_BASE_URL})",
            f"start of the URL subscribers reach the server at (default ${ENV_FEEDS_URL} or {DEFAULT_BASE_URL})",
        ),
    )
    lst = fsub.add_parser("list", help=t("lista publicerade flöden", "list published feeds"))
    lst.add_argument("--all", action="store_true", help=t("även återkallade", "revoked ones too"))
    rev = fsub.add_parser(
        "revoke",
        help=t("återkalla ett flöde (adressen slutar fungera)", "revoke a feed (its URL stops working)"),
    )
    rev.add_argument("id", type=int, help=t("flödets nummer i listan", "the feed's number in the list"))


# --- serve-feeds ------------------------------------------------------------------------------
def _cmd_serve_feeds(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.feeds_server.server import serve

    if args.no_http and args.folder is None:
        print(
            pick(
                lang,
                "fel: --no-http behöver --folder; annars finns inget att servera.",
                "error: --no-http needs --folder; otherwise there is nothing to serve.",
            ),
            file=sys.stderr,
        )
        return 2

    def ready(server: FeedServer) -> None:
        count = len(services.feed_publishing.active_feeds())
        if server.http:
            print(
                pick(
                    lang,
                    f"Kalenderflödena serveras på {server.url}/feeds/<token>.ics ({count} publicerade).",
                    f"Calendar feeds are served at {server.url}/feeds/<token>.ics ({count} published).",
                )
            )
        if args.folder is not None:
            print(
                pick(
                    lang,
                    f"Flödena skrivs till mappen {args.folder} vid varje ändring.",
                    f"The feeds are written to the folder {args.folder} on each change.",
                )
            )
        print(pick(lang, "Tryck Ctrl+C för att avsluta.", "Press Ctrl+C to stop."), flush=True)

    try:
        with _console_log(args.verbose), _stop_on_sigterm():
            serve(services, args.host, args.port, args.folder, http=not args.no_http, on_ready=ready)
    except KeyboardInterrupt:
        print(pick(lang, "Flödesservern är stoppad.", "The feed server has stopped."), flush=True)
    finally:
        services.changes.close()
    return 0


@contextmanager
def _console_log(verbose: bool) -> Iterator[None]:
    """The server's records on stderr while it runs: warnings and errors (a database that is
    gone, a folder that cannot be written), and with ``--verbose`` one line per request too.
    The log file (logs.py) gets the request lines either way."""
    logger = logging.getLogger("satellitkontor.feeds")
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.INFO if verbose else logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM (a service manager stopping us) ends the server as Ctrl+C does: cleanly."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield
        return

    def interrupt(_signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# --- feeds publish | list | revoke --------------------------------------------------------------
def _cmd_feeds(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.cli.commands.basic import _actor

    actor = _actor(services, args)
    if args.feeds_command == "publish":
        return _publish(services, actor.id, args, lang)
    if args.feeds_command == "revoke":
        view = services.feed_publishing.revoke(actor.id, args.id)
        print(
            pick(
                lang,
                f"Flöde {view.id} (…{view.hint}) är återkallat: adressen slutar fungera direkt.",
                f"Feed {view.id} (…{view.hint}) is revoked: its URL stops working at once.",
            )
        )
        return 0
    views = services.feed_publishing.published(actor.id, include_revoked=args.all)
    if not views:
        print(pick(lang, "Inga publicerade flöden.", "No published feeds."))
    for v in views:
        print(_line(v, lang))
    return 0


def _publish(services: AppServices, actor_id: int, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.domain.feeds import FeedKind, Privacy
    from satellitkontor.services.feeds.publishing import feed_url

    # Names and e-mail addresses as a person writes them -> the ids a feed is stored with.
    spec = services.feeds.resolve(FeedKind(args.feed), args.target)
    published = services.feed_publishing.publish(actor_id, spec, Privacy(args.privacy), args.label)
    base = args.base_url or os.environ.get(ENV_FEEDS_URL) or DEFAULT_BASE_URL
    print(_line(published.view, lang))
    print(
        pick(
            lang,
            "Adressen visas bara nu och sparas inte – kopiera den. Tappar du bort den: återkalla flödet och publicera ett nytt.",
            "The URL is shown only now and is not stored – copy it. If you lose it: revoke the feed and publish a new one.",
        )
    )
    print(feed_url(base, published.token))
    return 0


def _line(v: FeedTokenView, lang: str) -> str:
    i = 1 if lang == "en" else 0
    what = " ".join(w for w in (_KIND_WORDS[v.kind.value][i], v.target_label or v.target) if w)
    made = clk.local_date(v.created_at).isoformat()
    by = f" {pick(lang, 'av', 'by')} {v.created_by_name}" if v.created_by_name else ""
    revoked = (
        pick(lang, ", återkallat ", ", revoked ") + clk.local_date(v.revoked_at).isoformat()
        if v.revoked_at is not None
        else ""
    )
    label = f" «{v.label}»" if v.label else ""
    return (
        f"{v.id:>4}  …{v.hint}  {what}{label}  ({_PRIVACY_WORDS[v.privacy.value][i]})  "
        f"{pick(lang, 'skapat', 'created')} {made}{by}{revoked}"
    )


COMMANDS: dict[str, Callable[[Any, argparse.Namespace, str], int]] = {
    "serve-feeds": _cmd_serve_feeds,
    "feeds": _cmd_feeds,
}
