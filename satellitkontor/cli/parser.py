"""The command line's words and shape: every command, its options and its help, in Swedish
(default) or English. ``--db``, ``--lang`` and ``--as`` are accepted before and after a command."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from satellitkontor import words


def build_parser(lang: str, only: str | None = None) -> argparse.ArgumentParser:
    """The parser, its help in ``lang``: each command's ``add_parser(sub, t)`` gets ``t(key)``,
    the catalogue's words in that language. ``only``: just that command's part (the command line
    names it), so that running one command does not import all of them (issue 18)."""
    t = words.t_for(lang)

    p = _Parser(
        prog="satellitkontor",
        description=t("cli.parser.help.desk_conference_room_booking_ume"),
    )
    p.add_argument(
        "--version",
        action=_VersionAction,
        nargs=0,
        help=t("cli.parser.help.show_version_exit"),
    )
    _common_options(p, t, defaults=True)
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, t, defaults=False)
    sub = Subparsers(p.add_subparsers(dest="command", metavar=t("cli.parser.help.command")), common)

    from satellitkontor.cli.registry import COMMANDS

    for command in COMMANDS:
        if only is None or command.name == only:
            command.load().add_parser(sub, t)
    return p


def named_command(argv: list[str]) -> str | None:
    """The command ``argv`` names, when the parser needs no other to read it: its first word
    that is not an option or an option's value, if that is a command and no ``--help`` or
    ``--version`` comes before it (the whole list of commands belongs there)."""
    from satellitkontor.cli.registry import COMMANDS

    names = {c.name for c in COMMANDS}
    words = iter(argv)
    for word in words:
        if word in ("--db", "--lang", "--as"):
            next(words, None)
        elif word.startswith(("--db=", "--lang=", "--as=")):
            continue
        else:
            return word if word in names else None
    return None


def _common_options(p: argparse.ArgumentParser, t: words.Words, *, defaults: bool) -> None:
    """--db, --lang and --as, accepted before and after the command. On the commands the
    default is SUPPRESS, so an option given before the command is not overwritten."""
    kw: dict[str, Any] = {} if defaults else {"default": argparse.SUPPRESS}
    p.add_argument(
        "--db",
        metavar="URL",
        help=t("cli.parser.help.database_sqlalchemy_url_else_satellitkontor"),
        **kw,
    )
    p.add_argument(
        "--lang",
        choices=words.languages(),
        help=t("cli.parser.help.language_messages"),
        **({"default": words.DEFAULT} if defaults else kw),
    )
    p.add_argument(
        "--as",
        dest="actor",
        metavar="E-POST",
        help=t("cli.parser.help.who_runs_command"),
        **kw,
    )


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake on the command line is one line (the usage it printed before the
    error ran to several, and a fuzzed argument must give one clear sentence); ``--help`` shows
    the usage. The commands' parsers are of this class too (add_subparsers takes the parent's)."""

    def error(self, message: str) -> NoReturn:
        hint = argparse._("show this help message and exit")  # type: ignore[attr-defined]
        help_hint = "--help: " + str(hint)
        text = argparse._("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message}  # type: ignore[attr-defined]
        self.exit(2, " ".join(text.split()) + f" ({help_hint})\n")


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
