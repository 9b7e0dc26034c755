"""A 20 ms GUI-thread timer that records how late each tick arrives (tests/gui/test_responsiveness.py).

Time the machine's hypervisor takes from the GUI thread's CPU is not the app's lateness. On the
virtual machine these tests run on (2 virtual CPUs shared with other work), a virtual CPU now and
then stops for ~100 ms: nothing runs on it, no timer fires there (a Linux ``perf sched`` trace:
CPU 0 had no event for 108 ms while CPU 1 had 127), and a plain ``time.sleep(0.02)`` loop in a
process of its own, no Qt and no GIL, was late by 82-100 ms during the same test runs (issue 18). Linux
counts that time as *steal* per CPU (``/proc/stat``). So each tick's lateness is taken less the
steal of the CPUs the GUI thread was on at the tick before and at this one (the CPU a sleeping
thread's timer is set on, and the one it woke on); ``worst_raw`` keeps the lateness as it was.
Where nothing is stolen (a real PC, or a system without these files) the two are the same.
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


def current_cpu() -> int | None:
    """The CPU this thread runs on (field 39 of ``/proc/thread-self/stat``), or None."""
    try:
        with open("/proc/thread-self/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[36]) if len(fields) > 36 else None


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
        self._cpu: int | None = None

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self._steal, self._cpu = steal_ms_per_cpu(), current_cpu()
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        steal, cpu = steal_ms_per_cpu(), current_cpu()
        raw = now - self.last - TICK_MS
        cpus = {c for c in (self._cpu, cpu) if c is not None and c < min(len(steal), len(self._steal))}
        stolen = max((steal[c] - self._steal[c] for c in cpus), default=0)
        late = max(raw - stolen, min(raw, 0))
        self.stolen += min(stolen, max(raw, 0))
        self.worst_raw = max(self.worst_raw, raw)
        self.worst = max(self.worst, late)
        if now > SETTLE_MS:
            self.worst_settled = max(self.worst_settled, late)
        self.last, self._steal, self._cpu = now, steal, cpu
        self.ticks += 1

    def reset_worst(self) -> None:
        self.worst = self.worst_raw = 0

    def stop(self) -> None:
        self.timer.stop()
