"""Start-up time: a new ``loket`` process until its log-in window is on screen.

Run from the project folder: ``python benchmarks/startup.py [--runs N] [--bundle DIR]``.
It makes the full demo branch (17,405 customers) in a temporary folder once, then
starts Loket on it again and again, from the sources (``python -m app.main``) and,
when ``dist/loket`` was built (``python scripts/build_frozen.py``), frozen. Each run
uses ``--screenshot``: the log-in window is saved as a picture 200 ms after it is
shown and the process exits; the time until the picture exists, less those 200 ms,
is the start-up time. The first run of each kind is reported apart (files not yet in
the operating system's cache); ``--drop-caches`` empties that cache before every run
where the system allows it (Linux, as root). Target: ≤ 2 s frozen.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.services.demo.branch import create_demo_branch  # noqa: E402

SCREENSHOT_DELAY_S = 0.200  # app.ui.demo_aids: the window is grabbed this long after it is shown
TIMEOUT_S = 120.0
DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def drop_caches() -> bool:
    """Empty the OS page cache (Linux, root); False where that is not allowed."""
    try:
        os.sync()
        DROP_CACHES.write_text("3\n", encoding="ascii")
    except OSError:
        return False
    return True


def children_cpu() -> float:
    """CPU seconds used so far by finished child processes (0 where unknown: Windows)."""
    with contextlib.suppress(ImportError):
        import resource

        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime
    return 0.0


def one_start(command: list[str], data_dir: Path, shot: Path) -> tuple[float, float]:
    """(seconds from starting ``command`` to its log-in window being shown, CPU seconds
    the whole run used)."""
    cpu_before = children_cpu()
    shot.unlink(missing_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.perf_counter()
    process = subprocess.Popen([*command, "--data-dir", str(data_dir), "--screenshot",
                                str(shot)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    while not shot.exists():
        if process.poll() is not None and not shot.exists():
            raise RuntimeError(f"{command[0]} exited {process.returncode} without a window:"
                               f"\n{process.stderr.read() if process.stderr else ''}")
        if time.perf_counter() - started > TIMEOUT_S:
            process.kill()
            raise RuntimeError(f"{command[0]} showed no window in {TIMEOUT_S:.0f} s")
        time.sleep(0.002)
    elapsed = time.perf_counter() - started - SCREENSHOT_DELAY_S
    _, errors = process.communicate(timeout=TIMEOUT_S)
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({process.returncode}):\n{errors}")
    return elapsed, children_cpu() - cpu_before


def measure(name: str, command: list[str], data_dir: Path, runs: int, drop: bool) -> None:
    shot = data_dir.parent / f"{name}.png"
    times, cpu = [], []
    for _ in range(runs + 1):
        if drop and not drop_caches():
            print("  (the page cache cannot be emptied here: later runs are warm)")
            drop = False
        wall, used = one_start(command, data_dir, shot)
        times.append(wall)
        cpu.append(used)
    first, rest = times[0], times[1:]
    print(f"{name:<7} first {first:5.2f} s   median {statistics.median(rest):5.2f} s   "
          f"min {min(rest):5.2f} s   max {max(rest):5.2f} s   ({runs} runs); CPU per run "
          f"{statistics.median(cpu[1:]):.2f} s", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs after the first (5)")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "loket")
    parser.add_argument("--drop-caches", action="store_true",
                        help="empty the OS page cache before every run (Linux, root)")
    args = parser.parse_args(argv)
    frozen = args.bundle / ("loket.exe" if os.name == "nt" else "loket")
    print(f"Loket start-up to the log-in window on {platform.system()} "
          f"{platform.machine()}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load {_load()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="loket-startup-") as tmp:
        data_dir = Path(tmp) / "branch"
        summary = create_demo_branch(data_dir)
        print(f"demo branch: {summary.customers:,} customers, "
              f"{summary.bills:,} bills (made in {summary.seconds:.1f} s)", flush=True)
        measure("source", [sys.executable, "-m", "app.main"], data_dir, args.runs,
                args.drop_caches)
        if frozen.exists():
            measure("frozen", [str(frozen)], data_dir, args.runs, args.drop_caches)
        else:
            print(f"frozen: no bundle at {args.bundle} (python scripts/build_frozen.py)")
    return 0


def _load() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except (AttributeError, OSError):
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
