"""The command line's words and shape: every command, its options and its help, in Swedish
(default) or English. ``--db``, ``--lang`` and ``--as`` are accepted before and after a command."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

#: ``t(swedish, english)``: the words of the language the parser is built in.
Words = Callable[[str, str], str]


def pick(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


def build_parser(lang: str) -> argparse.ArgumentParser:
    def t(sv: str, en: str) -> str:
        return pick(lang, sv, en)

    p = argparse.ArgumentParser(
        prog="satellitkontor",
        description=t(
            "Bokning av kontorsplatser och konferensrum på Umeåregionens satellitkontor.",
            "Desk and conference-room booking for Umeåregionen's satellite office.",
        ),
    )
    p.add_argument(
        "--version",
        action=_VersionAction,
        nargs=0,
        help=t("visa versionen och avsluta", "show the version and exit"),
    )
    _common_options(p, t, defaults=True)
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, t, defaults=False)
    sub = Subparsers(p.add_subparsers(dest="command", metavar=t("kommando", "command")), common)

    from satellitkontor.cli.registry import COMMANDS

    for command in COMMANDS:
        command.load().add_parser(sub, t)
    return p


def _common_options(p: argparse.ArgumentParser, t: Any, *, defaults: bool) -> None:
    """--db, --lang and --as, accepted before and after the command. On the commands the
    default is SUPPRESS, so an option given before the command is not overwritten."""
    kw: dict[str, Any] = {} if defaults else {"default": argparse.SUPPRESS}
    p.add_argument(
        "--db",
        metavar="URL",
        help=t(
            "databas (SQLAlchemy-URL); annars $SATELLITKONTOR_DB_URL eller standardfilen",
            "database (SQLAlchemy URL); else $SATELLITKONTOR_DB_URL or the default file",
        ),
        **kw,
    )
    p.add_argument(
        "--lang",
        choices=("sv", "en"),
        help=t("språk för utskrifter", "language of messages"),
        **({"default": "sv"} if defaults else kw),
    )
    p.add_argument(
        "--as",
        dest="actor",
        metavar="E-POST",
        help=t("vem som utför kommandot", "who runs the command"),
        **kw,
    )


class _VersionAction(argparse.Action):
    """--version, reading the version only when asked (it costs start-up time otherwise)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        import satellitkontor

        print(f"satellitkontor {satellitkontor.__version__}")
        parser.exit()


class Subparsers:
    """Adds the common options (``--db``, ``--lang``, ``--as``) to every command and subcommand."""

    def __init__(self, action: Any, common: argparse.ArgumentParser) -> None:
        self.action = action
        self.common = common

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return self.action.add_parser(name, parents=[self.common], **kwargs)  # type: ignore[no-any-return]

    def nested(self, parser: argparse.ArgumentParser, **kwargs: Any) -> Subparsers:
        """Subcommands under ``parser`` (``db upgrade``, ``person add``), with the same options."""
        return Subparsers(parser.add_subparsers(**kwargs), self.common)
