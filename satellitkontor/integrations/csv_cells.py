"""The one way every export writes CSV (my-data, the audit trail, the statistics, ``stats``).

A cell a person typed (a name, a booking's title, a closure's reason) may begin with what a
spreadsheet reads as a formula: ``=cmd|' /C calc'!A0`` or ``=HYPERLINK(...)`` in Excel, and
``+ - @`` start formulas too, as do a tab or carriage return before them. Such a cell gets a
leading apostrophe, which Excel and LibreOffice show as text and do not print. Numbers the
program writes (int, float) are left as they are, so a statistic stays a number. Control
characters (an escape sequence, U+202E) are shown as escapes (domain/text.py).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from satellitkontor.domain.text import printable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """``value`` as a CSV cell that no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return printable("'" + text if text.startswith(FORMULA_START) else text)


class Writer:
    """``csv.writer`` whose every cell goes through ``cell``."""

    def __init__(self, f: IO[str], *, delimiter: str = ";", lineterminator: str = "\r\n") -> None:
        self._writer = csv.writer(f, delimiter=delimiter, lineterminator=lineterminator)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([cell(v) for v in row])
