"""Start-up benchmark: every row of issue 18's second table, in one run, on the 5-year generated
office, against an empty PySide6 QMainWindow started the same way in the same run.

    python -m tests.benchmarks.startup_benchmark [--runs 7] [--years 5] [--keep PATH]

The rows (goals of issue 18):

- window shown, as a ratio to the empty window's (<= 1.5x);
- the day's desks shown, as a ratio to the empty window shown (<= 4x);
- peak memory when the day's desks show, as a ratio to the empty window's (<= 2.0x); the admin's
  peak at the end of the run (every administration page made, a retention preview) is printed
  beside it;

the first three for an admin and for a user, who start differently (staff get every service
before the desks, a user only Boka plats': gui/app.py ``START_SERVICES``);
- the GUI thread's worst lateness of a 20 ms timer during start-up, the first open of the
  administration and a retention preview (<= 50 ms each; gui/startup_probe.py), with the empty
  window's own lateness over its first half second beside it;
- ``satellitkontor occupancy`` as a whole process (<= 350 ms), and its ratio to ``python -c pass``.

Both programs are started as fresh ``python`` processes with the same environment (offscreen Qt
unless $DISPLAY is set and --on-screen is given). Time is measured from just before the process is
spawned to the moment its probe line arrives on stdout; peak memory is the process's own VmHWM
(peak resident set size) read when the probe fires. The app is told who the user is
(SATELLITKONTOR_USER) so no dialog waits for a person, and each start gets its own fresh
settings folder, so every run opens in Boka plats as a first start does (with one folder shared,
the probe's last view, the administration, became the start view of runs 2+). The output says
which view the runs started in.
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

#: The admin runs the full probe (the administration's pages, a retention preview); a user of the
#: generated office starts to the day's desks: staff get every service before the desks, a user
#: only Boka plats' (gui/app.py ``START_SERVICES``).
ADMIN = "asa.admin@umea.se"
USER = "erik.andersson.0@umea.se"

EMPTY_WINDOW = r"""
import os, sys, time
from PySide6.QtCore import QElapsedTimer, QTimer
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

clock = QElapsedTimer()
clock.start()
last, worst = 0, 0

def tick():
    global last, worst
    now = clock.elapsed()
    worst = max(worst, now - last - 20)
    last = now

timer = QTimer()
timer.setInterval(20)
timer.timeout.connect(tick)
timer.start()

def shown():
    print("window_shown", flush=True)
    print(f"peak_kb {peak_kb()}", flush=True)

def done():
    print(f"late_start {worst}", flush=True)
    app.quit()

QTimer.singleShot(0, shown)
QTimer.singleShot(500, done)
app.exec()
"""


def run_process(cmd: list[str], env: dict[str, str], wait_for: tuple[str, ...]) -> dict[str, float]:
    """Start ``cmd``; the time (s since spawn) each wanted line arrived, and the reported peak."""
    seen: dict[str, float] = {}
    views: list[str] = []
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        now = time.perf_counter() - t0
        word, _, value = line.strip().partition(" ")
        if word == "start_view":
            views.append(value)
        elif word in ("peak_kb", "peak_end_kb") or word.startswith("late_"):
            seen[word] = float(value)
        elif word in wait_for:
            seen[word] = now
    _out, err = proc.communicate(timeout=120)
    if proc.returncode != 0 or any(w not in seen for w in wait_for):
        raise RuntimeError(f"{cmd[:3]} exited {proc.returncode} without {wait_for}: {err[-2000:]}")
    for view in views:
        START_VIEWS.add(view)
    return seen


#: The views the app's runs opened in (the probe's ``start_view``).
START_VIEWS: set[str] = set()


def fresh_settings(env: dict[str, str], tmp: Path) -> dict[str, str]:
    """``env`` with a settings folder no run has used (so no last view carries over)."""
    folder = Path(tempfile.mkdtemp(prefix="config_", dir=tmp))
    return {**env, "XDG_CONFIG_HOME": str(folder)}


def whole_process(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from spawn to exit of ``cmd`` (which must succeed)."""
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, timeout=120)
    took = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"{cmd[:4]} exited {done.returncode}: {done.stderr[-2000:]}")
    return took


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
        env["SATELLITKONTOR_USER"] = ADMIN
        env["SATELLITKONTOR_STARTUP_PROBE"] = "full"
        # An installed app has its bytecode (pip and the package compile it); with
        # PYTHONDONTWRITEBYTECODE set, every start here compiled the app's modules anew (~100 ms).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app_cmd = [sys.executable, "-m", "satellitkontor", "--db", url]
        base_cmd = [sys.executable, "-c", EMPTY_WINDOW]
        cli_cmd = [sys.executable, "-m", "satellitkontor", "--db", url, "occupancy"]
        pass_cmd = [sys.executable, "-c", "pass"]
        app_lines = ("window_shown", "data_shown", "late_start", "late_admin", "late_preview")
        # A user (Boka plats only) starts as the probe's plain mode: the desks, then 1.5 s in which
        # the rest of the services are made (gui/app.py START_SERVICES), then quit.
        user_env = {**env, "SATELLITKONTOR_USER": USER, "SATELLITKONTOR_STARTUP_PROBE": "1"}
        user_lines = ("window_shown", "data_shown", "late_start", "late_settle")

        # One unmeasured start of each first, so all find the files in the page cache and the
        # app's bytecode is written.
        run_process(base_cmd, env, ("window_shown",))
        run_process(app_cmd, fresh_settings(env, tmp), app_lines)
        run_process(app_cmd, fresh_settings(user_env, tmp), user_lines)
        whole_process(cli_cmd, env)
        base, app, user, cli, bare = [], [], [], [], []
        for i in range(args.runs):  # interleaved, so a busy moment hits both alike
            base.append(run_process(base_cmd, env, ("window_shown", "late_start")))
            app.append(run_process(app_cmd, fresh_settings(env, tmp), app_lines))
            user.append(run_process(app_cmd, fresh_settings(user_env, tmp), user_lines))
            cli.append(whole_process(cli_cmd, env))
            bare.append(whole_process(pass_cmd, env))
            progress(f"run {i + 1}/{args.runs}")

        def med(runs: list[dict[str, float]], key: str) -> float:
            return statistics.median(r[key] for r in runs)

        def worst(runs: list[dict[str, float]], key: str) -> float:
            return max(r[key] for r in runs)

        b_win, b_mem = med(base, "window_shown"), med(base, "peak_kb")
        a_win, a_data, a_mem = med(app, "window_shown"), med(app, "data_shown"), med(app, "peak_kb")
        u_win, u_data, u_mem = med(user, "window_shown"), med(user, "data_shown"), med(user, "peak_kb")
        c_ms, p_ms = statistics.median(cli) * 1000, statistics.median(bare) * 1000
        print()
        print(
            f"Start-up, median of {args.runs} runs ({'on screen' if 'QT_QPA_PLATFORM' not in env else 'offscreen'})"
        )
        print(
            f"  empty QMainWindow     window shown {b_win * 1000:7.0f} ms   peak memory {b_mem / 1024:6.1f} MiB"
        )
        for who, win, data, mem in (("an admin", a_win, a_data, a_mem), ("a user", u_win, u_data, u_mem)):
            print(
                f"  satellitkontor, {who:<8} window shown {win * 1000:7.0f} ms   peak memory {mem / 1024:6.1f} MiB"
                f"   day's desks shown {data * 1000:4.0f} ms"
            )
        a_end = med(app, "peak_end_kb")
        print(
            f"  (the admin's peak at the end {a_end / 1024:.1f} MiB, {a_end / b_mem:.2f}x: "
            "every administration page made and a retention preview)"
        )
        views = ", ".join(sorted(START_VIEWS))
        print(f"  start view: {views} (a fresh settings folder for each run); bytecode cached")
        print()

        def row(name: str, figure: str, met: bool, goal: str) -> None:
            print(f"  {name:<44} {figure:>18}   goal {goal}: {'met' if met else 'NOT met'}")

        for who, win, data, mem in (("admin", a_win, a_data, a_mem), ("user", u_win, u_data, u_mem)):
            row(f"window shown ({who})", f"{win / b_win:.2f}x", win / b_win <= 1.5, "<= 1.5x")
            row(f"the day's desks shown ({who})", f"{data / b_win:.2f}x", data / b_win <= 4, "<= 4x")
            row(f"peak memory at the desks ({who})", f"{mem / b_mem:.2f}x", mem / b_mem <= 2.0, "<= 2.0x")
        base_late = med(base, "late_start")
        for key, name in (
            ("late_start", "GUI thread worst lateness, start-up"),
            ("late_admin", "GUI thread worst lateness, first admin page"),
            ("late_preview", "GUI thread worst lateness, retention preview"),
        ):
            m, w = med(app, key), worst(app, key)
            row(name, f"{m:.0f} ms (worst {w:.0f})", m <= 50, "<= 50 ms")
        for key, name in (
            ("late_start", "GUI thread worst lateness, a user's start-up"),
            ("late_settle", "GUI thread worst lateness, 1.5 s after the desks"),
        ):
            m, w = med(user, key), worst(user, key)
            row(name, f"{m:.0f} ms (worst {w:.0f})", m <= 50, "<= 50 ms")
        print(f"  {'(empty window, its first half second)':<44} {f'{base_late:.0f} ms':>18}")
        row("CLI occupancy, whole process", f"{c_ms:.0f} ms ({c_ms / p_ms:.1f}x)", c_ms <= 350, "<= 350 ms")
        print(f"  {'(python -c pass)':<44} {f'{p_ms:.0f} ms':>18}")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
