"""A 20 ms GUI-thread timer that records how late each tick arrives (tests/gui/test_responsiveness.py).

Time the machine's hypervisor takes from its CPUs is not the app's lateness. On the virtual
machine these tests run on (2 virtual CPUs, a shared host), a virtual CPU now and then stops for
~100 ms: nothing runs on it, no timer fires there (a Linux ``perf sched`` trace: CPU 0 had no
event for 108 ms while CPU 1 had 127), and a plain ``time.sleep(0.02)`` loop in a process of its
own, no Qt and no GIL, was late by 82-100 ms during the same test runs (issue 18). Linux counts
that time as *steal* per CPU (``/proc/stat``). So each tick's lateness is taken less the most
time stolen from any one CPU since the tick before: the GUI thread's own, or the one a worker runs
on (a worker stopped while it holds Python's GIL can stop the GUI thread with it).
``worst_raw`` keeps the lateness as the timer saw it. Where nothing is stolen (a real PC, or a
system without the file) the two are the same.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer

TICK_MS = 20
#: The first moments of a job are reported apart: in the test process (not in the app run alone)
#: one hitch of up to ~150 ms shows there now and then, with the worker holding the GIL; see the
#: closing note of the desktop-app issue. From then on the 100 ms bound holds.
SETTLE_MS = 400


def steal_ms_per_cpu() -> list[int]:
    """Milliseconds the hypervisor has taken from each CPU since boot (``/proc/stat``), or []."""
    try:
        with open("/proc/stat") as stat:
            lines = stat.read().splitlines()
    except OSError:
        return []
    # "cpuN user nice system idle iowait irq softirq steal ...", in 1/100 s
    return [int(line.split()[8]) * 10 for line in lines if line.startswith("cpu") and line[3].isdigit()]


class LatenessProbe:
    """A 20 ms GUI-thread timer that records how late each tick arrives, less stolen time."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0
        self.worst = 0  # the app's: lateness less the time stolen from the GUI thread's CPUs
        self.worst_settled = 0  # the same, after SETTLE_MS
        self.worst_raw = 0  # lateness as the timer saw it
        self.stolen = 0  # ms taken less, summed
        self.ticks = 0
        self._steal: list[int] = []

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self._steal = steal_ms_per_cpu()
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        steal = steal_ms_per_cpu()
        raw = now - self.last - TICK_MS
        stolen = max(
            (now_ms - then_ms for now_ms, then_ms in zip(steal, self._steal, strict=False)), default=0
        )
        late = max(raw - stolen, min(raw, 0))
        self.stolen += min(stolen, max(raw, 0))
        self.worst_raw = max(self.worst_raw, raw)
        self.worst = max(self.worst, late)
        if now > SETTLE_MS:
            self.worst_settled = max(self.worst_settled, late)
        self.last, self._steal = now, steal
        self.ticks += 1

    def reset_worst(self) -> None:
        self.worst = self.worst_raw = 0

    def stop(self) -> None:
        self.timer.stop()
