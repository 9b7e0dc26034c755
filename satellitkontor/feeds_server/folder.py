"""Published feeds as ``.ics`` files in a folder: a shared drive, or a web server's directory.

- Every published (non-revoked) feed is one file, ``<readable-name>-<hint>.ics`` (names.py says
  why). Whoever can read the folder can read the feeds, internal ones included: the folder's own
  access rights are the protection here, not an unguessable name.
- Files are written atomically: into a hidden temporary file in the same folder, flushed to disk,
  then renamed over the old file. A calendar program or web server reading the folder sees the
  old feed or the new one, never half of one.
- The writer removes only files it wrote itself. It remembers them in a manifest,
  ``.satellitkontor-feeds.json`` in the folder (feed id -> file name and ETag): a revoked feed's
  file is deleted, a feed whose name changed (label or resource renamed) loses its old file, and
  anything else in the folder is left alone. One office per folder.
- "On each change": :class:`FolderWatcher` polls ``services.changes.token()`` (one cheap query or
  pragma, see services/change_watch.py) every ``interval`` seconds and, when it moved, asks each
  feed for its ``version()``; only feeds whose ETag changed are written again. Every
  ``full_every`` seconds it checks all feeds even without a change, which catches the feeds'
  date window moving on at midnight and files someone deleted by hand.
- A failing round (database gone, disk full, a file held open on Windows) is logged and tried
  again at the next tick; the watcher never stops on its own.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from satellitkontor.feeds_server.names import feed_file_name

if TYPE_CHECKING:
    from satellitkontor.services.app_services import AppServices

log = logging.getLogger("satellitkontor.feeds")

MANIFEST = ".satellitkontor-feeds.json"
_MANIFEST_FORMAT = 1


@dataclass
class FolderSync:
    """What one round did: file names written and removed, and how many were already current."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


class FolderPublisher:
    def __init__(self, services: AppServices, folder: Path, *, lang: str = "sv") -> None:
        self.services = services
        self.folder = Path(folder)
        self.lang = lang
        self._lock = threading.Lock()

    @property
    def manifest_path(self) -> Path:
        return self.folder / MANIFEST

    def sync(self) -> FolderSync:
        """Bring the folder in line with the published feeds (see the module's notes)."""
        with self._lock:
            self.folder.mkdir(parents=True, exist_ok=True)
            known = self._read_manifest()
            result = FolderSync()
            feeds = self.services.feed_publishing.active_feeds()
            active = {str(f.id) for f in feeds}
            # Feeds not reached because a later one failed keep their old entry (and file).
            current = {key: entry for key, entry in known.items() if key in active}
            try:
                for feed in feeds:
                    key = str(feed.id)
                    version = self.services.feeds.version(feed.spec, privacy=feed.privacy)
                    title = feed.label or self.services.feeds.title(
                        feed.spec, self.lang, privacy=feed.privacy
                    )
                    name = feed_file_name(title, feed.hint)
                    before = known.get(key)
                    if (
                        before is not None
                        and before["file"] == name
                        and before["etag"] == version.etag
                        and (self.folder / name).exists()
                    ):
                        result.unchanged += 1
                        continue
                    chunks = self.services.feeds.stream(feed.spec, privacy=feed.privacy, lang=self.lang)
                    self._write(name, chunks)
                    current[key] = {"file": name, "etag": version.etag}
                    result.written.append(name)
                    if before is not None and before["file"] != name:
                        self._remove(before["file"], result)
            finally:
                for key, entry in known.items():
                    if key not in active and not self._remove(entry["file"], result):
                        current[key] = entry  # not removed: try again next round
                self._write_manifest(current)
            return result

    # --- files ------------------------------------------------------------------------------
    def _write(self, name: str, chunks: Iterable[bytes]) -> None:
        target = self.folder / name
        temp = self.folder / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
        # os.open with 0o666 lets the umask decide the rights, as for any file the user saves
        # (mkstemp would make it 0600, unreadable for a web server).
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        try:
            with os.fdopen(fd, "wb") as out:
                for piece in chunks:
                    out.write(piece)
                out.flush()
                os.fsync(out.fileno())
            _replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()

    def _remove(self, name: str, result: FolderSync) -> bool:
        """Delete one of our files; False when it is still there."""
        if not name or "/" in name or "\\" in name or name.startswith("."):
            return True  # never outside the folder, never the manifest
        try:
            (self.folder / name).unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("could not remove %s from %s: %s", name, self.folder, exc)
            return False
        result.removed.append(name)
        return True

    # --- the manifest -------------------------------------------------------------------------
    def _read_manifest(self) -> dict[str, dict[str, str]]:
        try:
            data: Any = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("ignoring the unreadable manifest %s: %s", self.manifest_path, exc)
            return {}
        feeds = data.get("feeds") if isinstance(data, dict) else None
        if not isinstance(feeds, dict):
            return {}
        return {
            str(k): {"file": str(v.get("file", "")), "etag": str(v.get("etag", ""))}
            for k, v in feeds.items()
            if isinstance(v, dict)
        }

    def _write_manifest(self, feeds: dict[str, dict[str, str]]) -> None:
        text = json.dumps({"format": _MANIFEST_FORMAT, "feeds": feeds}, ensure_ascii=False, indent=1)
        self._write(MANIFEST, [text.encode("utf-8")])


def _replace(temp: Path, target: Path, attempts: int = 5) -> None:
    """os.replace, retried briefly: on Windows a reader holding the old file blocks the rename."""
    for attempt in range(attempts):
        try:
            os.replace(temp, target)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.1 * (attempt + 1))


class FolderWatcher:
    """Runs :meth:`FolderPublisher.sync` at start and whenever the office's data changed."""

    def __init__(
        self,
        publisher: FolderPublisher,
        change_token: Callable[[], object],
        *,
        interval: float = 2.0,
        full_every: float = 300.0,
    ) -> None:
        self.publisher = publisher
        self.change_token = change_token
        self.interval = interval
        self.full_every = full_every
        self.rounds = 0
        self.last_result: FolderSync | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="feed-folder", daemon=True)

    def start(self) -> FolderWatcher:
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def _run(self) -> None:
        last: object = None
        next_full = 0.0
        while not self._stop.is_set():
            try:
                token = self.change_token()
                if token != last or time.monotonic() >= next_full:
                    result = self.publisher.sync()
                    self.rounds += 1
                    self.last_result = result
                    last = token
                    next_full = time.monotonic() + self.full_every
                    if result.written or result.removed:
                        log.info(
                            "folder %s: %d written, %d removed, %d unchanged",
                            self.publisher.folder,
                            len(result.written),
                            len(result.removed),
                            result.unchanged,
                        )
            except Exception as exc:
                last = None  # try again at the next tick
                log.warning("writing feeds to %s failed: %s", self.publisher.folder, exc)
            self._stop.wait(self.interval)
