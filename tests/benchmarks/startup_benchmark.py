"""Start-up benchmark: process start to main window shown, and to the first view showing its
data, on the 5-year generated office, against an empty PySide6 QMainWindow started the same way
in the same run. Goal (issue "The desktop app"): at most 1.5x the empty window, in time and in
peak memory.

    python -m tests.benchmarks.startup_benchmark [--runs 7] [--years 5] [--keep PATH]

Both programs are started as fresh ``python`` processes with the same environment (offscreen Qt
unless $DISPLAY is set and --on-screen is given). Time is measured from just before the process is
spawned to the moment its probe line arrives on stdout; peak memory is the process's own VmHWM
(peak resident set size) read when the probe fires. The app is told who the user is
(SATELLITKONTOR_USER) so no dialog waits for a person, and uses a throw-away settings folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from satellitkontor.domain import clock as clk
from satellitkontor.storage.database import sqlite_url
from tests.benchmarks.core_benchmark import build_office, generate_bookings, insert_bookings, progress

EMPTY_WINDOW = r"""
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def peak_kb():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("empty")
window.resize(1200, 760)
window.show()

def shown():
    print("window_shown", flush=True)
    print(f"peak_kb {peak_kb()}", flush=True)
    app.quit()

QTimer.singleShot(0, shown)
app.exec()
"""


def run_process(cmd: list[str], env: dict[str, str], wait_for: tuple[str, ...]) -> dict[str, float]:
    """Start ``cmd``; the time (s since spawn) each wanted line arrived, and the reported peak."""
    seen: dict[str, float] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        now = time.perf_counter() - t0
        word, _, value = line.strip().partition(" ")
        if word in wait_for:
            seen[word] = now
        elif word == "peak_kb":
            seen["peak_kb"] = float(value)
    _out, err = proc.communicate(timeout=60)
    if proc.returncode != 0 or any(w not in seen for w in wait_for):
        raise RuntimeError(f"{cmd[:3]} exited {proc.returncode} without {wait_for}: {err[-2000:]}")
    return seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument(
        "--keep", type=Path, help="reuse (or create) the generated office at this SQLite path"
    )
    parser.add_argument("--on-screen", action="store_true", help="use $DISPLAY instead of offscreen Qt")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="sk_startup_"))
    try:
        path = args.keep or tmp / "office.sqlite3"
        url = sqlite_url(path)
        if not path.exists():
            progress(f"building the {args.years}-year office")
            office = build_office(url, 0)
            now = datetime.now(UTC)
            rows, _per_day = generate_bookings(office, args.years, clk.local_date(now), now)
            insert_bookings(office.services, rows)
            progress(f"{len(rows):,} bookings inserted")
            office.services.close()
        env = dict(os.environ)
        if not args.on_screen or not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        env["XDG_CONFIG_HOME"] = str(tmp / "config")
        env["SATELLITKONTOR_USER"] = "asa.admin@umea.se"
        env["SATELLITKONTOR_STARTUP_PROBE"] = "1"
        app_cmd = [sys.executable, "-m", "satellitkontor", "--db", url]
        base_cmd = [sys.executable, "-c", EMPTY_WINDOW]

        # One unmeasured start of each first, so both find the files in the page cache.
        run_process(base_cmd, env, ("window_shown",))
        run_process(app_cmd, env, ("window_shown", "data_shown"))
        base, app = [], []
        for i in range(args.runs):  # interleaved, so a busy moment hits both alike
            base.append(run_process(base_cmd, env, ("window_shown",)))
            app.append(run_process(app_cmd, env, ("window_shown", "data_shown")))
            progress(f"run {i + 1}/{args.runs}")

        def med(runs: list[dict[str, float]], key: str) -> float:
            return statistics.median(r[key] for r in runs)

        b_win, b_mem = med(base, "window_shown"), med(base, "peak_kb")
        a_win, a_data, a_mem = med(app, "window_shown"), med(app, "data_shown"), med(app, "peak_kb")
        print()
        print(
            f"Start-up, median of {args.runs} runs ({'on screen' if 'QT_QPA_PLATFORM' not in env else 'offscreen'})"
        )
        print(
            f"  empty QMainWindow     window shown {b_win * 1000:7.0f} ms   peak memory {b_mem / 1024:6.1f} MiB"
        )
        print(
            f"  satellitkontor        window shown {a_win * 1000:7.0f} ms   peak memory {a_mem / 1024:6.1f} MiB"
        )
        print(f"                        day's desks shown {a_data * 1000:7.0f} ms")
        win_ratio, data_ratio, mem_ratio = a_win / b_win, a_data / b_win, a_mem / b_mem
        print(
            f"  ratio window shown   {win_ratio:5.2f}x  (goal <= 1.5x: {'met' if win_ratio <= 1.5 else 'MISSED'})"
        )
        print(f"  ratio data shown     {data_ratio:5.2f}x")
        print(
            f"  ratio peak memory    {mem_ratio:5.2f}x  (goal <= 1.5x: {'met' if mem_ratio <= 1.5 else 'MISSED'})"
        )
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
