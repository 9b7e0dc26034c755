"""What killed backups and restores left behind, and removing it once their process is gone.

A backup writes ``.NAME.PID-XXXXXXXX.partial`` beside its target and renames it when done; a
restore unpacks into ``satellitkontor-restore-PID-…`` in the system's temporary folder
(storage/backup.py). A process killed meanwhile leaves them, and the restore's copy holds the
office's personal data, so every start of the app removes those whose process is gone.

Its own module, apart from storage/backup.py: the app does this on every start, before the day's
desks, and backup.py loads the models and the ORM (issue 18: the opening of the office reads
with SQLAlchemy Core only).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

RESTORE_PREFIX = "satellitkontor-restore-"
_PARTIAL = re.compile(r"\..+\.(\d+)-[0-9a-f]{8}\.partial(-wal|-shm|-journal)?")
_RESTORE_FOLDER = re.compile(re.escape(RESTORE_PREFIX) + r"(\d+)-.+")


def remove_leftovers(folder: Path | None = None) -> list[Path]:
    """Remove what killed backups (in ``folder``) and restores (in the system's temporary
    folder) left, when the process that made it is gone; the paths removed."""
    removed: list[Path] = []
    places = [(Path(tempfile.gettempdir()), _RESTORE_FOLDER)]
    if folder is not None:
        places.append((folder, _PARTIAL))
    for place, pattern in places:
        try:
            entries = list(place.iterdir())
        except OSError:
            continue
        for entry in entries:
            match = pattern.fullmatch(entry.name)
            if match is None or _alive(int(match.group(1)), entry):
                continue
            try:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            except OSError:
                continue
            removed.append(entry)
    return removed


def _alive(pid: int, entry: Path) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL_C there: go by age
        try:
            return time.time() - entry.stat().st_mtime < 24 * 3600
        except OSError:
            return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # another user's process, or a check this system does not offer
    return True
