"""``serve-feeds``: serve published calendar feeds over HTTP and/or into a folder."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from satellitkontor.cli.parser import Subparsers, Words, pick

if TYPE_CHECKING:
    from satellitkontor.feeds_server.server import FeedServer
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
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


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
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
