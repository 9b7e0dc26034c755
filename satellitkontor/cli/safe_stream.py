"""The terminal sees no control characters from the data: every line a command prints goes
through ``domain.text.printable``, so a name holding ``ESC [ 2 J`` or U+202E is shown as
``\\x1b[2J`` or ``\\u202e`` instead of clearing the screen or turning text around. Line feeds,
tabs and CR LF stay; nothing the commands print themselves needs another control."""

from __future__ import annotations

from typing import Any, TextIO

from satellitkontor.domain.text import printable


class SafeStream:
    """A text stream that writes to ``stream`` what ``printable`` leaves."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(printable(text, keep_lines=True))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, fileno, buffer, encoding, isatty, ...
        return getattr(self.stream, name)
