"""The command line: a thin caller of the services.

``satellitkontor`` with a subcommand runs it; errors print one line in Swedish (``--lang en`` for
English) and exit with status 2, never a traceback (an unexpected one goes to the log file).
Who is acting: ``--as E-POST``, else ``$SATELLITKONTOR_USER``; when booking without either, the
person booked for acts for themselves. On one PC with SQLite nobody signs in; the shared-office
mode on PostgreSQL lets the database decide who is who.

A command starts with the cyclic garbage collector paused (``StartUp``): start-up imports and
builds objects that live until the process ends, and collecting them was about a tenth of
``satellitkontor occupancy`` (125 young, 11 middle and one full collection, 20-50 ms; issue 18).
Just before the command runs, what start-up made is frozen (``gc.freeze``: later collections
skip it) and collecting resumes, so a long command (``serve-feeds``) collects as usual.

Commands keep each year's table of Swedish holidays in the user's cache folder
(domain/kept_holidays.py): loading the ``holidays`` package was another ~30 ms of every command.

A command's process ends without taking its modules apart (``run``, the entry point of
``python -m satellitkontor``, the ``satellitkontor`` script and the bundle): once the command has
returned, its output is flushed, the exit handlers run (the log file's among them) and the process
leaves with ``os._exit``. Python's own ending frees every module and object one by one, which the
system does at once: about 100 ms of ``satellitkontor occupancy``'s ~470 (issue 18). The database
is closed before that by the command itself (``_run``). The desktop app, or a command that left a
thread running, ends the ordinary way: Qt and the settings have teardown of their own.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import logging
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NoReturn

from satellitkontor import logs
from satellitkontor.domain.errors import SatellitkontorError
from satellitkontor.words import DEFAULT, languages, say

log = logging.getLogger("satellitkontor.cli.main")


def run() -> NoReturn:
    """The process's entry point: ``main`` on the process's arguments, then ``end_process``."""
    end_process(main())


def end_process(code: int) -> NoReturn:
    """Leave the process with ``code``, without taking its modules apart once a command is done
    (see the module docstring)."""
    if "satellitkontor.gui.app" in sys.modules or threading.active_count() > 1:
        raise SystemExit(code)
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a reader that went away, a stream closed: nothing to keep
            stream.flush()
    atexit._run_exitfuncs()  # logging.shutdown and every other handler, as at an ordinary exit
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    logs.setup()
    lang = _language(argv)
    app = _app_options(argv)
    if app is not None:  # the desktop app: no parser of every command on its way (issue 18)
        return _start_app(*app)
    with StartUp() as start_up, _holidays_kept():
        from satellitkontor.cli.args import use_language
        from satellitkontor.cli.parser import build_parser, named_command
        from satellitkontor.cli.safe_stream import SafeStream

        use_language(lang)
        parser = build_parser(lang, named_command(argv))
        args = parser.parse_args(argv)
        explicit = any(a.startswith("--lang") for a in argv)
        lang = args.lang if explicit else lang  # else $SATELLITKONTOR_LANG, the user's or the machine's
        if args.command is None:
            start_up.done(freeze=False)  # the app minds its own collections (gui/gc_guard.py)
            return _start_app(args.db, lang if explicit else None)
        out, err = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
        try:
            return _command(args, lang, start_up)
        finally:
            sys.stdout, sys.stderr = out, err


@contextmanager
def _holidays_kept() -> Iterator[None]:
    """Holiday tables kept in the user's cache folder while the command runs (see above)."""
    from satellitkontor.domain import kept_holidays

    before = kept_holidays.keep_in_user_cache()
    try:
        yield
    finally:
        kept_holidays.keep_in(before)


class StartUp:
    """A command's start-up without garbage collection (see the module docstring). On leaving,
    the collector is as it was before (``main`` also runs inside tests, many times over)."""

    def __init__(self) -> None:
        self.collecting = gc.isenabled()
        self.frozen = False

    def __enter__(self) -> StartUp:
        gc.disable()
        return self

    def done(self, *, freeze: bool = True) -> None:
        """Start-up is over: freeze what it made and collect as usual from now on."""
        if freeze and self.collecting and not self.frozen and not gc.isenabled():
            gc.freeze()
            self.frozen = True
        if self.collecting:
            gc.enable()

    def __exit__(self, *_exc: object) -> None:
        if self.frozen:
            gc.unfreeze()
        if self.collecting:
            gc.enable()


def _app_options(argv: list[str]) -> tuple[str | None, str | None] | None:
    """(--db, --lang or None) when ``argv`` starts the desktop app: nothing but ``--db URL``,
    ``--lang`` with a language the catalogue speaks, and ``--as`` (which the app ignores, as the
    parser did). Anything else (a command, --help, a mistake) goes through the parser."""
    db: str | None = None
    lang: str | None = None
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        name, eq, value = word.partition("=")
        if name not in ("--db", "--lang", "--as"):
            return None
        if not eq:
            if not rest:
                return None
            value = rest.pop(0)
        if name == "--db":
            db = value
        elif name == "--lang":
            if value not in languages():
                return None
            lang = value
    return db, lang


def _command(args: argparse.Namespace, lang: str, start_up: StartUp) -> int:
    """The command, with every error as one line (see the module's docstring)."""
    from satellitkontor.cli.args import check_numbers
    from satellitkontor.domain.text import printable
    from satellitkontor.words.texts import describe, os_error

    try:
        check_numbers(args)
        return _run(args, lang, start_up)
    except SatellitkontorError as err:
        print(say("cli.main.error", lang) + printable(describe(err, lang)), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `satellitkontor person list | head`: the reader had enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit would fail again
        return 0
    except OSError as exc:  # a file that cannot be written, a port in use: the system's reason
        print(say("cli.main.error", lang) + printable(describe(os_error(exc, lang), lang)), file=sys.stderr)
        return 2
    except Exception as exc:  # never a traceback on the screen
        path = _log_unexpected(exc)
        print(
            say(
                "cli.main.error_something_unexpected_happened_details",
                lang,
                name=type(exc).__name__,
                exc=exc,
                path=path,
            ),
            file=sys.stderr,
        )
        return 2


def _run(args: argparse.Namespace, lang: str, start_up: StartUp) -> int:
    """One command: looked up in the registry, given the office (or, for ``db``, ``backup`` and
    ``restore``, left to open the database itself). In shared office mode every command first
    refuses a ``--as`` naming anyone but the database login's person."""
    from satellitkontor.cli.registry import find

    command = find(args.command)
    module = command.load()
    if not command.opens_office:
        start_up.done()
        return int(module.run(args, lang))
    from satellitkontor.services.app_services import open_office

    services = open_office(args.db)
    try:
        if services.upgrade is not None and services.upgrade.created and args.command != "demo":
            print(
                say(
                    "cli.main.new_database_created_run_satellitkontor", lang, describe=services.db.describe()
                ),
                file=sys.stderr,
            )
        services.identity.check_named(getattr(args, "actor", None))
        start_up.done()
        return int(module.run(services, args, lang))
    finally:
        services.db.dispose()


def _start_app(db_url: str | None, lang: str | None) -> int:
    """No subcommand: the desktop app (Qt is imported only here, never for a command)."""
    if not has_display():  # Qt would abort with exit 134 and lines of its own, in English
        print(say("cli.main.no_display", lang or DEFAULT), file=sys.stderr)
        return 2
    from satellitkontor.gui.app import main as gui_main

    return gui_main(db_url, lang)


def has_display(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether a window can be shown: always on Windows and macOS; elsewhere an X11 or Wayland
    display, or a Qt platform chosen on purpose (offscreen for tests and the smoke test)."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin")):
        return True
    return any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _language(argv: list[str]) -> str:
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return _known(argv[i + 1])
        if a.startswith("--lang="):
            return _known(a.split("=", 1)[1])
    if os.environ.get("SATELLITKONTOR_LANG"):
        return _known(os.environ["SATELLITKONTOR_LANG"])
    from satellitkontor.machine_settings import LANGUAGE, configured, language

    try:  # the user's setting, else the machine's
        return language(configured(LANGUAGE)) or DEFAULT
    except SatellitkontorError:  # an unreadable machine file: said when the database is looked up
        return DEFAULT


def _known(lang: str) -> str:
    """``lang`` if the catalogue speaks it, else the default."""
    return lang if lang in languages() else DEFAULT


def _log_unexpected(exc: BaseException) -> Path:
    """The traceback goes to the rotating log file (logs.setup ran at the start of main)."""
    log.error("unexpected error in the command line", exc_info=exc)
    return logs.log_file()
