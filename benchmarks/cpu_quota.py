"""Run a benchmark as on a slow counter PC: one CPU, and only a share of it.

    python benchmarks/cpu_quota.py 35 -- python benchmarks/ui_search.py
    python benchmarks/counter_day.py --cpu-quota 35     # the same, from inside

The process is pinned to one CPU (its affinity) and limited to ``percent`` of that CPU's
time, in this order of preference:

1. a cgroup v2 group with ``cpu.max`` (``/sys/fs/cgroup`` writable);
2. a cgroup v1 group of the ``cpu`` controller with ``cpu.cfs_quota_us`` (as root in a
   container or VM whose v1 hierarchy is writable);
3. ``systemd-run --scope -p CPUQuota=…`` (wrapper mode only, where systemd runs);
4. otherwise a duty cycle of its own: a watchdog process stops the benchmark
   (``SIGSTOP``) for the rest of every 100 ms period once it has had its share of wall
   time, and lets it go on (``SIGCONT``) at the next period. Coarser than the kernel's
   quota (it counts wall time, not CPU time, so an idle benchmark is stopped too), but
   it slows the same work by the same factor on an otherwise idle machine.

The kernel's quota is the same 100 ms period: a benchmark that needs 20 ms of CPU for a
keystroke may wait up to 65 ms for its next slice, as on a PC busy with other programs.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

PERIOD_US = 100_000
CGROUP = Path("/sys/fs/cgroup")
V1_CPU = CGROUP / "cpu"


def _one_cpu() -> None:
    """Pin this process (and the threads it starts from now on) to its first CPU."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _make_group(percent: float) -> tuple[Path, Path, str] | None:
    """A new cgroup limited to ``percent`` of one CPU: (its ``cgroup.procs``, the procs
    file it came from, how it is limited), or None where no cgroup can be made."""
    quota = str(round(PERIOD_US * percent / 100))
    name = f"loket-cpu-quota-{os.getpid()}"
    try:
        if (CGROUP / "cgroup.controllers").exists():  # v2
            group = CGROUP / name
            group.mkdir()
            (group / "cpu.max").write_text(f"{quota} {PERIOD_US}", encoding="ascii")
            return group / "cgroup.procs", CGROUP / "cgroup.procs", "cgroup v2 cpu.max"
        if (V1_CPU / "cpu.cfs_quota_us").exists():
            group = V1_CPU / name
            group.mkdir()
            (group / "cpu.cfs_period_us").write_text(str(PERIOD_US), encoding="ascii")
            (group / "cpu.cfs_quota_us").write_text(quota, encoding="ascii")
            return group / "cgroup.procs", V1_CPU / "cgroup.procs", "cgroup v1 cfs quota"
    except OSError:
        return None
    return None


def _join(procs: Path, pid: int) -> None:
    procs.write_text(str(pid), encoding="ascii")


def _remove(procs: Path, home: Path, pid: int) -> None:
    """Move ``pid`` back where it came from (if it still runs) and remove the group."""
    with contextlib.suppress(OSError):
        _join(home, pid)
    with contextlib.suppress(OSError):
        procs.parent.rmdir()


def throttled_seconds(procs: Path) -> float:
    """How long the group was held back by its quota so far (cgroup ``cpu.stat``)."""
    stat = procs.parent / "cpu.stat"
    if not stat.exists():
        return 0.0
    values = dict(line.split() for line in stat.read_text(encoding="ascii").splitlines())
    if "throttled_usec" in values:
        return int(values["throttled_usec"]) / 1e6
    return int(values.get("throttled_time", 0)) / 1e9


class Quota:
    """This process on one CPU at ``percent``: how it is done, and undone at exit."""

    def __init__(self, percent: float) -> None:
        self.percent = percent
        self.procs: Path | None = None
        self.method = ""
        self.watchdog: subprocess.Popen[bytes] | None = None

    def enter(self) -> Quota:
        _one_cpu()
        made = _make_group(self.percent)
        if made is not None:
            self.procs, home, self.method = made
            _join(self.procs, os.getpid())
            atexit.register(_remove, self.procs, home, os.getpid())
        else:
            self.watchdog = duty_cycle(os.getpid(), self.percent)
            self.method = "duty cycle (SIGSTOP/SIGCONT every 100 ms)"
            atexit.register(self.watchdog.terminate)
        return self

    def describe(self) -> dict[str, object]:
        return {"percent": self.percent, "cpus": 1, "method": self.method,
                "throttled_s": round(throttled_seconds(self.procs), 2) if self.procs else None}


def duty_cycle(pid: int, percent: float) -> subprocess.Popen[bytes]:
    """A watchdog process holding ``pid`` to ``percent`` of each 100 ms of wall time."""
    return subprocess.Popen([sys.executable, __file__, "--watch", str(pid), str(percent)])


def _watch(pid: int, percent: float) -> int:
    period = PERIOD_US / 1e6
    run = period * percent / 100
    try:
        while True:
            os.kill(pid, signal.SIGCONT)
            time.sleep(run)
            os.kill(pid, signal.SIGSTOP)
            time.sleep(period - run)
    except ProcessLookupError:
        return 0
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)


def run_limited(percent: float, argv: list[str]) -> int:
    """Run ``argv`` on one CPU at ``percent``; its exit status."""
    made = _make_group(percent)
    if made is None and shutil.which("systemd-run"):
        probe = subprocess.run(["systemd-run", "--scope", "--quiet", "true"],
                               capture_output=True, check=False)
        if probe.returncode == 0:
            cpu = str(min(os.sched_getaffinity(0)))
            return subprocess.call(["systemd-run", "--scope", "--quiet",
                                    "-p", f"CPUQuota={percent:g}%", "-p", f"AllowedCPUs={cpu}",
                                    "taskset", "-c", cpu, *argv])
    if made is not None:
        procs, home, _how = made
        child = subprocess.Popen(argv, preexec_fn=lambda: (_one_cpu(),
                                                           _join(procs, os.getpid())))
        try:
            return child.wait()
        finally:
            print(f"cpu quota: {percent:g}% of one CPU (cgroup), held back "
                  f"{throttled_seconds(procs):.1f} s", file=sys.stderr)
            _remove(procs, home, child.pid)
    child = subprocess.Popen(argv, preexec_fn=_one_cpu)
    watchdog = duty_cycle(child.pid, percent)
    try:
        return child.wait()
    finally:
        watchdog.terminate()
        print(f"cpu quota: {percent:g}% of one CPU (duty cycle)", file=sys.stderr)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--watch"]:
        return _watch(int(argv[1]), float(argv[2]))
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    return run_limited(float(argv[0]), argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
