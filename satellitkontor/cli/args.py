"""Parsing the command line's words: dates, times, periods, weekdays, and Swedish argparse.

argparse writes its own messages ("usage:", "the following arguments are required") through
gettext; :func:`use_language` swaps in the catalogue's words for them (``cli.argparse.*``) so that a
Swedish user never meets an English error from the parser.
"""

from __future__ import annotations

import argparse
from datetime import date, time, timedelta
from pathlib import PurePath

from satellitkontor.domain import clock as clk
from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import InvalidInput
from satellitkontor.domain.text import printable
from satellitkontor.words import say

#: argparse's own messages (its gettext msgids) and their keys in the catalogue.
_ARGPARSE = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positional_arguments",
    "options": "cli.argparse.options",
    "show this help message and exit": "cli.argparse.help",
    "the following arguments are required: %s": "cli.argparse.required",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "expected one argument": "cli.argparse.expected_one",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument_message",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "not allowed with argument %s": "cli.argparse.not_allowed_with",
    "one of the arguments %s is required": "cli.argparse.one_required",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
}


def use_language(lang: str) -> None:
    table = {msgid: say(key, lang) for msgid, key in _ARGPARSE.items()}
    argparse._ = lambda text: table.get(text, text)  # type: ignore[attr-defined]


def parse_date(text: str, today: date) -> date:
    word = text.strip().lower()
    if word in ("idag", "i dag", "today"):
        return today
    if word in ("imorgon", "i morgon", "tomorrow"):
        return today + timedelta(days=1)
    try:
        day = date.fromisoformat(word)
    except ValueError as exc:
        raise InvalidInput(field="date", value=text[:40]) from exc
    if not clk.FIRST_DAY <= day <= clk.LAST_DAY:  # the year 9999 made a day's end overflow
        raise InvalidInput(field="date", value=text[:40])
    return day


#: Bounds of whole-number options by their name; any other number must fit a database integer.
_NUMBER_BOUNDS = {"port": (0, 65535), "year": (clk.FIRST_DAY.year, clk.LAST_DAY.year)}
_INTEGER = (-(2**63), 2**63 - 1)


def check_numbers(args: argparse.Namespace) -> None:
    """Every whole number the parser read is one the command can use (``cancel 99999999999999999999999``
    overflowed SQLite's integer, ``serve-feeds --port 99999`` the socket): ``InvalidInput``."""
    for name, value in vars(args).items():
        if isinstance(value, (str, PurePath)) and "\x00" in str(value):  # no file or word holds NUL
            raise InvalidInput(field=name, value=printable(str(value))[:40])
        if isinstance(value, bool) or not isinstance(value, int):
            continue
        low, high = _NUMBER_BOUNDS.get(name, _INTEGER)
        if not low <= value <= high:
            shown = str(value) if len(str(value)) <= 24 else str(value)[:23] + "…"
            raise InvalidInput(field=name, value=shown)


def parse_time(text: str) -> time:
    word = text.strip().replace(".", ":")
    if word.isdigit() and len(word) <= 2:
        word = f"{int(word):02d}:00"
    try:
        return time.fromisoformat(word if len(word) > 4 else word.zfill(5))
    except ValueError as exc:
        raise InvalidInput(field="time", value=text) from exc


_PERIODS = {
    "heldag": DeskPeriod.FULL_DAY,
    "hel": DeskPeriod.FULL_DAY,
    "full": DeskPeriod.FULL_DAY,
    "full_day": DeskPeriod.FULL_DAY,
    "fullday": DeskPeriod.FULL_DAY,
    "fm": DeskPeriod.MORNING,
    "förmiddag": DeskPeriod.MORNING,
    "morning": DeskPeriod.MORNING,
    "am": DeskPeriod.MORNING,
    "em": DeskPeriod.AFTERNOON,
    "eftermiddag": DeskPeriod.AFTERNOON,
    "afternoon": DeskPeriod.AFTERNOON,
    "pm": DeskPeriod.AFTERNOON,
}


def parse_period(text: str) -> DeskPeriod:
    try:
        return _PERIODS[text.strip().lower()]
    except KeyError as exc:
        raise InvalidInput(field="period", value=text) from exc


_WEEKDAYS = {
    **{d: i for i, d in enumerate(("mån", "tis", "ons", "tor", "fre", "lör", "sön"))},
    **{d: i for i, d in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{d: i for i, d in enumerate(("må", "ti", "on", "to", "fr", "lö", "sö"))},
    **{str(i + 1): i for i in range(7)},
}


def parse_weekdays(text: str) -> frozenset[int]:
    out = set()
    for part in text.replace(" ", "").lower().split(","):
        if not part:
            continue
        key = part[:3] if part[:3] in _WEEKDAYS else part[:2]
        if key not in _WEEKDAYS:
            raise InvalidInput(field="weekdays", value=text)
        out.add(_WEEKDAYS[key])
    if not out:
        raise InvalidInput(field="weekdays", value=text)
    return frozenset(out)
