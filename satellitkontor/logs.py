"""The log file: one per user, in the user's log folder, rotated, for the app and the command line.

``setup()`` is called at the start of the desktop app and of every command. Records of the
``satellitkontor`` loggers go to ``satellitkontor.log`` in platformdirs' ``user_log_dir``
(``~/.local/state/satellitkontor/log`` on Linux, ``%LOCALAPPDATA%\\satellitkontor\\Logs`` on
Windows; ``$SATELLITKONTOR_LOG_DIR`` names another folder). At 1 MB the file is renamed to
``satellitkontor.log.1`` (and older ones shift up to ``.5``), so a PC never fills up with logs.

The file is opened at the first record (``delay=True``): a command that logs nothing leaves no
file. Logging never stops the program: a folder that cannot be created falls back to the
temporary folder, and a failed write is dropped by the logging module (two processes rotating
one file on Windows may lose a record, never crash). Nothing personal beyond what an error
carries is logged.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import tempfile
from pathlib import Path

ENV_LOG_DIR = "SATELLITKONTOR_LOG_DIR"
LOGGER = "satellitkontor"
FILE_NAME = "satellitkontor.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"

_handler: logging.handlers.RotatingFileHandler | None = None
_level_before: int | None = None


def log_dir() -> Path:
    named = os.environ.get(ENV_LOG_DIR, "").strip()
    if named:
        return Path(named).expanduser()
    from platformdirs import user_log_dir

    return Path(user_log_dir("satellitkontor", appauthor=False))


def log_file() -> Path:
    """The file records go to (or will, once :func:`setup` has run)."""
    if _handler is not None:
        return Path(_handler.baseFilename)
    return log_dir() / FILE_NAME


def setup(
    directory: Path | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
    level: int = logging.INFO,
) -> Path:
    """Send the app's records to the rotating log file; returns its path.

    Calling it again replaces the earlier handler (the GUI started from the CLI, or a test).
    """
    global _handler, _level_before
    directory = directory if directory is not None else log_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        directory = Path(tempfile.gettempdir()) / "satellitkontor-logs"
        directory.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        directory / FILE_NAME, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    logger = logging.getLogger(LOGGER)
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    else:
        _level_before = logger.level
    logger.addHandler(handler)
    logger.setLevel(level)
    _handler = handler
    return Path(handler.baseFilename)


def shutdown() -> None:
    """Close the file and undo :func:`setup` (tests; the program's exit closes it anyway)."""
    global _handler, _level_before
    if _handler is not None:
        logger = logging.getLogger(LOGGER)
        logger.removeHandler(_handler)
        _handler.close()
        _handler = None
        logger.setLevel(_level_before or logging.NOTSET)
        _level_before = None
