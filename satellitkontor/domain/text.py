"""Text people type (names, titles, reasons): what it may hold, and how it is shown safely.

A name with ``ESC [ 2 J`` cleared the receptionist's terminal in ``person list``; U+202E (RIGHT-
TO-LEFT OVERRIDE) turned "Anna" and what followed backwards in ``audit``. So:

* **At entry** ``plain`` refuses control characters: C0 (but tab, line feed and carriage return,
  which become spaces as before), DEL, C1, and the Unicode bidirectional controls (U+061C,
  U+200E/U+200F, U+202A–U+202E, U+2066–U+2069). Nobody's name or a meeting's title needs them.
* **On output** ``printable`` shows any that are already stored (older rows, imports, rows
  written by SQL) as visible escapes such as ``\\x1b`` and ``\\u202e``, so a terminal or a
  spreadsheet never acts on them.
"""

from __future__ import annotations

import re

from satellitkontor.domain.errors import InvalidInput

#: Every character ``printable`` makes visible (see the module's docstring).
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ENTRY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: What ``printable(keep_lines=True)`` leaves: line feeds and tabs lay out a terminal's output.
#: (and CR before LF, the line end of .ics and CSV written to the terminal).
_OUTPUT = re.compile(
    "\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def plain(value: str, field: str, *, limit: int = 200) -> str:
    """``value`` with its whitespace collapsed; ``InvalidInput`` for control characters, an empty
    value or one longer than ``limit``."""
    if _ENTRY.search(value):
        raise InvalidInput(field=field, value=printable(value)[:60])
    text = " ".join(value.split())
    if not text or len(text) > limit:
        raise InvalidInput(field=field, value=printable(value)[:60])
    return text


def without_controls(value: str) -> str:
    """``value`` with the control characters ``plain`` refuses removed (for imported text)."""
    return _ENTRY.sub("", value)


def printable(value: str, *, keep_lines: bool = False) -> str:
    """``value`` with control characters shown as escapes (``\\x1b``, ``\\u202e``); with
    ``keep_lines`` line feeds and tabs stay (a terminal's output)."""
    pattern = _OUTPUT if keep_lines else CONTROLS
    return pattern.sub(_escape, value)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
