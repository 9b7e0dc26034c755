"""The other PC in tests of live updates: a separate process that opens the office and books.

Run as ``python -m tests.other_app URL PERSON_ID DESK_ID DAY PERIOD``. It opens the office (the
slow part: imports, connecting) and prints ``ready``; on each line read from stdin it books the
next desk command, then prints ``committed <time.time()>`` the moment the commit has returned,
so the test measures from then. A line ``quit`` (or end of input) ends it. A refused booking
prints ``refused <code>``.

``start_other_app`` starts it and waits for ``ready``; ``book`` sends a go and returns the commit
time, read on a thread so the caller's event loop keeps running meanwhile.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

#: "Now" for the other process: tests/conftest.py's NOW (Monday 23 November 2026, 07:30 in Umeå).
NOW = datetime(2026, 11, 23, 6, 30, tzinfo=UTC)

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    from satellitkontor.domain.bookings import DeskPeriod
    from satellitkontor.domain.errors import SatellitkontorError
    from satellitkontor.services.app_services import open_office

    url, person_id, desk_id, day, period = argv
    services = open_office(url, clock=lambda: NOW)
    services.office.people()  # connected and warm
    print("ready", flush=True)
    for line in sys.stdin:
        command = line.split()
        if not command or command[0] == "quit":
            break
        target = int(command[1]) if len(command) > 1 else int(desk_id)
        try:
            services.booking.book_desk(int(person_id), target, date.fromisoformat(day), DeskPeriod(period))
        except SatellitkontorError as exc:
            print(f"refused {exc.code}", flush=True)
            continue
        print(f"committed {time.time():.6f}", flush=True)
    services.close()
    return 0


@dataclass
class OtherApp:
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    reader: threading.Thread | None = None
    _new: threading.Condition = field(default_factory=threading.Condition)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._new:
                self.lines.append(line.strip())
                self._new.notify_all()

    def wait_line(self, prefix: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        with self._new:
            while True:
                found = next((line for line in self.lines if line.startswith(prefix)), None)
                if found is not None:
                    self.lines.remove(found)
                    return found
                left = deadline - time.monotonic()
                if left <= 0 or (self.process.poll() is not None and not self.lines):
                    raise AssertionError(f"the other app did not say {prefix!r}: {self.lines}")
                self._new.wait(min(left, 0.2))

    def go(self, desk_id: int | None = None) -> None:
        """Book now (the default desk, or ``desk_id``); read the answer with ``wait_line``."""
        assert self.process.stdin is not None
        self.process.stdin.write("book" + (f" {desk_id}" if desk_id else "") + "\n")
        self.process.stdin.flush()

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                assert self.process.stdin is not None
                self.process.stdin.write("quit\n")
                self.process.stdin.flush()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        if self.reader is not None:
            self.reader.join(timeout=5)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


def start_other_app(url: str, person_id: int, desk_id: int, day: date, period: str) -> OtherApp:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.other_app", url, str(person_id), str(desk_id), day.isoformat(), period],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    other = OtherApp(process)
    other.reader = threading.Thread(target=other._read, daemon=True)
    other.reader.start()
    try:
        other.wait_line("ready")
    except BaseException:
        other.close()
        raise
    return other


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
