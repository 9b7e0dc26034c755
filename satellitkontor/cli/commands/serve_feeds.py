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

from satellitkontor.cli.parser import Subparsers
from satellitkontor.words import Words, say

if TYPE_CHECKING:
    from satellitkontor.feeds_server.server import FeedServer
    from satellitkontor.services.app_services import AppServices


def add_parser(sub: Subparsers, t: Words) -> None:
    serve = sub.add_parser(
        "serve-feeds",
        help=t("cli.serve_feeds.help.serve_published_calendar_feeds_over"),
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help=t("cli.serve_feeds.help.address_listen_default_127_0"),
    )
    serve.add_argument(
        "--port",
        type=int,
        default=8765,
        metavar=t("cli.serve_feeds.help.port"),
        help=t("cli.serve_feeds.help.port_default_8765"),
    )
    serve.add_argument(
        "--folder",
        type=Path,
        metavar=t("cli.serve_feeds.help.dir"),
        help=t("cli.serve_feeds.help.also_write_every_published_feed"),
    )
    serve.add_argument(
        "--no-http",
        dest="no_http",
        action="store_true",
        help=t("cli.serve_feeds.help.no_http_server_folder_only"),
    )
    serve.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help=t("cli.serve_feeds.help.show_every_request_terminal_log"),
    )


def run(services: AppServices, args: argparse.Namespace, lang: str) -> int:
    from satellitkontor.feeds_server.server import serve

    if args.no_http and args.folder is None:
        print(
            say("cli.serve_feeds.error_no_http_needs_folder", lang),
            file=sys.stderr,
        )
        return 2

    def ready(server: FeedServer) -> None:
        count = len(services.feed_publishing.active_feeds())
        if server.http:
            print(say("cli.serve_feeds.calendar_feeds_are_served_at", lang, url=server.url, count=count))
        if args.folder is not None:
            print(say("cli.serve_feeds.feeds_are_written_folder_each", lang, folder=args.folder))
        print(say("cli.serve_feeds.press_ctrl_c_stop", lang), flush=True)

    try:
        with _console_log(args.verbose), _stop_on_sigterm():
            serve(services, args.host, args.port, args.folder, http=not args.no_http, on_ready=ready)
    except KeyboardInterrupt:
        print(say("cli.serve_feeds.feed_server_has_stopped", lang), flush=True)
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
