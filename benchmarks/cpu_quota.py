"""Run a benchmark as on a slow counter PC: one CPU, and only a share of it.

    python benchmarks/cpu_quota.py 35 -- python benchmarks/ui_search.py
    python benchmarks/counter_day.py --cpu-quota 35     # the same, from inside
    python benchmarks/cpu_quota.py 35 --shares 10240 -- python benchmarks/ui_search.py
    python benchmarks/cpu_quota.py none --shares 10240 -- python benchmarks/ui_search.py
    python benchmarks/cpu_quota.py 35 --period 10 -- python benchmarks/ui_search.py

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
``--period MS`` (cgroups only) gives the quota a shorter period: at 10 ms the same share
comes in slices of 3.5 ms, so a keystroke's work is spread out about evenly, as on a PC
whose processor is that much slower, rather than run at full speed and then held back
for up to 65 ms.

On a machine busy with other work the quota may never bind: the benchmark gets less than
its share anyway. ``--shares N`` (cgroups only) gives the group the scheduler weight of
N (1024 is one ordinary process): with 10240 the benchmark gets the CPU as on a quiet
machine, and the quota is what holds it back. ``none`` for the percentage keeps the
weight but sets no quota and no CPU affinity: the quiet figures to compare with.
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
"""The quota's period unless ``--period`` says otherwise (the kernel's default)."""
CGROUP = Path("/sys/fs/cgroup")
V1_CPU = CGROUP / "cpu"


def _one_cpu() -> None:
    """Pin this process (and the threads it starts from now on) to its first CPU."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _make_group(percent: float | None, shares: int | None = None,
                period_us: int = PERIOD_US) -> tuple[Path, Path, str] | None:
    """A new cgroup limited to ``percent`` of one CPU (None: no limit) in each period of
    ``period_us``, with the scheduler weight of ``shares`` (None: the default): (its
    ``cgroup.procs``, the procs file it came from, how it is limited), or None where no
    cgroup can be made."""
    quota = str(round(period_us * percent / 100)) if percent is not None else None
    name = f"loket-cpu-quota-{os.getpid()}"
    try:
        if (CGROUP / "cgroup.controllers").exists():  # v2
            group = CGROUP / name
            group.mkdir()
            (group / "cpu.max").write_text(f"{quota or 'max'} {period_us}", encoding="ascii")
            if shares is not None:  # v2 weight: 100 is v1's 1024
                weight = max(1, min(10_000, shares * 100 // 1024))
                (group / "cpu.weight").write_text(str(weight), encoding="ascii")
            return group / "cgroup.procs", CGROUP / "cgroup.procs", "cgroup v2 cpu.max"
        if (V1_CPU / "cpu.cfs_quota_us").exists():
            group = V1_CPU / name
            group.mkdir()
            (group / "cpu.cfs_period_us").write_text(str(period_us), encoding="ascii")
            (group / "cpu.cfs_quota_us").write_text(quota or "-1", encoding="ascii")
            if shares is not None:
                (group / "cpu.shares").write_text(str(shares), encoding="ascii")
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

    def __init__(self, percent: float, shares: int | None = None,
                 period_us: int = PERIOD_US) -> None:
        self.percent, self.shares, self.period_us = percent, shares, period_us
        self.procs: Path | None = None
        self.method = ""
        self.watchdog: subprocess.Popen[bytes] | None = None

    def enter(self) -> Quota:
        _one_cpu()
        made = _make_group(self.percent, self.shares, self.period_us)
        if made is None and (self.shares is not None or self.period_us != PERIOD_US):
            raise SystemExit("--cpu-shares and --cpu-period need a writable cgroup")
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
        return {"percent": self.percent, "cpus": 1, "method": self.method, "shares": self.shares,
                "period_ms": self.period_us / 1000,
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


def run_limited(percent: float | None, argv: list[str], shares: int | None = None,
                period_us: int = PERIOD_US) -> int:
    """Run ``argv`` on one CPU at ``percent`` (None: every CPU, no quota) of each period
    of ``period_us``, with the weight of ``shares``; its exit status."""
    made = _make_group(percent, shares, period_us)
    if made is None and (percent is None or shares is not None or period_us != PERIOD_US):
        raise SystemExit("--shares, --period and 'none' need a writable cgroup")
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
        def enter() -> None:
            if percent is not None:
                _one_cpu()
            _join(procs, os.getpid())

        child = subprocess.Popen(argv, preexec_fn=enter)
        try:
            return child.wait()
        finally:
            limit = (f"{percent:g}% of one CPU every {period_us / 1000:g} ms"
                     if percent is not None else "no quota")
            print(f"cpu quota: {limit} (cgroup, shares {shares or 'default'}), held back "
                  f"{throttled_seconds(procs):.1f} s", file=sys.stderr)
            _remove(procs, home, child.pid)
    assert percent is not None  # refused above without a cgroup
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
    if "--" not in argv or argv.index("--") not in (1, 3, 5) or argv[-1] == "--":
        print(__doc__, file=sys.stderr)
        return 2
    split = argv.index("--")
    options, command = argv[:split], argv[split + 1:]
    given = dict(zip(options[1::2], options[2::2], strict=False))
    if len(options) % 2 == 0 or not set(given) <= {"--shares", "--period"}:
        print(__doc__, file=sys.stderr)
        return 2
    shares = int(given["--shares"]) if "--shares" in given else None
    period_us = round(float(given.get("--period", PERIOD_US / 1000)) * 1000)
    return run_limited(None if options[0] == "none" else float(options[0]), command, shares,
                       period_us)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
