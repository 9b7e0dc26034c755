"""Importing calendar files on the command line: ``import-ical``.

``add_parsers`` is called by cli_parser.build_parser; ``COMMANDS`` maps a command to its handler
``(services, args, lang) -> exit status`` for cli_commands.run. Keep imports of services and
integrations inside the handlers: the parser is built on every start, the desktop app's too.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def add_parsers(sub: Any, t: Callable[[str, str], str]) -> None:
    """Add this module's commands to ``sub`` (cli_parser's subparsers)."""


COMMANDS: dict[str, Callable[[Any, argparse.Namespace, str], int]] = {}
