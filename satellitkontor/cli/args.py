"""Parsing the command line's words: dates, times, periods, weekdays, and Swedish argparse.

argparse writes its own messages ("usage:", "the following arguments are required") through
gettext; :func:`use_language` swaps in Swedish for them so that a Swedish user never meets an
English error from the parser.
"""

from __future__ import annotations

import argparse
from datetime import date, time, timedelta

from satellitkontor.domain.bookings import DeskPeriod
from satellitkontor.domain.errors import InvalidInput

_ARGPARSE_SV = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "the following arguments are required: %s": "de här uppgifterna saknas: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "expected one argument": "ett värde behövs",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "not allowed with argument %s": "går inte att kombinera med %s",
    "one of the arguments %s is required": "ett av argumenten %s behövs",
    "ambiguous option: %(option)s could match %(matches)s": "tvetydig flagga: %(option)s kan vara %(matches)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
}


def use_language(lang: str) -> None:
    table = _ARGPARSE_SV if lang == "sv" else {}
    argparse._ = lambda text: table.get(text, text)  # type: ignore[attr-defined]


def parse_date(text: str, today: date) -> date:
    word = text.strip().lower()
    if word in ("idag", "i dag", "today"):
        return today
    if word in ("imorgon", "i morgon", "tomorrow"):
        return today + timedelta(days=1)
    try:
        return date.fromisoformat(word)
    except ValueError as exc:
        raise InvalidInput(field="date", value=text) from exc


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
