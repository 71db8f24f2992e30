"""Start-up time: a new ``loket`` process until its log-in window is on screen.

Run from the project folder: ``python benchmarks/startup.py [--runs N] [--bundle DIR]``.
It makes the full demo branch (17,405 customers) in a temporary folder once, then
starts Loket on it again and again, from the sources (``python -m app.main``) and,
when ``dist/loket`` was built (``python scripts/build_frozen.py``), frozen. Each run
uses ``--screenshot``: the log-in window is saved as a picture 200 ms after it is
shown and the process exits; the time until the picture exists, less those 200 ms,
is the start-up time. The first run of each kind is reported apart (files not yet in
the operating system's cache); ``--drop-caches`` empties that cache before every run
where the system allows it (Linux, as root). Targets: ≤ 1.0 s frozen, ≤ 1.2 s from the
sources (median). ``--json`` prints every run's figures with the machine, its load
average and the targets.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.services.demo.branch import create_demo_branch  # noqa: E402
from benchmarks.machine import describe, machine  # noqa: E402

SCREENSHOT_DELAY_S = 0.200  # app.ui.demo_aids: the window is grabbed this long after it is shown
TIMEOUT_S = 120.0
TARGETS_S = {"source": 1.2, "frozen": 1.0}
"""Median seconds from starting Loket to its log-in window."""
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


def measure(name: str, command: list[str], data_dir: Path, runs: int, drop: bool
            ) -> dict[str, Any]:
    shot = data_dir.parent / f"{name}.png"
    times, cpu = [], []
    for _ in range(runs + 1):
        if drop and not drop_caches():
            print("  (the page cache cannot be emptied here: later runs are warm)",
                  file=sys.stderr)
            drop = False
        wall, used = one_start(command, data_dir, shot)
        times.append(wall)
        cpu.append(used)
    first, rest = times[0], times[1:]
    median = statistics.median(rest)
    return {"first_s": round(first, 3), "median_s": round(median, 3),
            "min_s": round(min(rest), 3), "max_s": round(max(rest), 3), "runs": runs,
            "times_s": [round(t, 3) for t in rest],
            "cpu_median_s": round(statistics.median(cpu[1:]), 3),
            "target_s": TARGETS_S[name], "met": median <= TARGETS_S[name]}


def report(name: str, result: dict[str, Any]) -> None:
    print(f"{name:<7} first {result['first_s']:5.2f} s   median {result['median_s']:5.2f} s   "
          f"min {result['min_s']:5.2f} s   max {result['max_s']:5.2f} s   ({result['runs']} "
          f"runs); CPU per run {result['cpu_median_s']:.2f} s; target ≤ "
          f"{result['target_s']:.1f} s {'met' if result['met'] else 'NOT met'}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs after the first (5)")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "loket")
    parser.add_argument("--drop-caches", action="store_true",
                        help="empty the OS page cache before every run (Linux, root)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    frozen = args.bundle / ("loket.exe" if os.name == "nt" else "loket")
    say = (lambda *_a, **_k: None) if args.json else print
    before = machine()
    say(f"Loket start-up to the log-in window on {platform.system()} {platform.machine()}: "
        f"{describe(before)}", flush=True)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="loket-startup-") as tmp:
        data_dir = Path(tmp) / "branch"
        summary = create_demo_branch(data_dir)
        say(f"demo branch: {summary.customers:,} customers, "
            f"{summary.bills:,} bills (made in {summary.seconds:.1f} s)", flush=True)
        kinds = [("source", [sys.executable, "-m", "app.main"])]
        if frozen.exists():
            kinds.append(("frozen", [str(frozen)]))
        else:
            say(f"frozen: no bundle at {args.bundle} (python scripts/build_frozen.py)")
        for name, command in kinds:
            results[name] = measure(name, command, data_dir, args.runs, args.drop_caches)
            if not args.json:
                report(name, results[name])
    if args.json:
        print(json.dumps({"benchmark": "startup", "machine": before,
                          "machine_after": machine(), "customers": summary.customers,
                          "targets_s": TARGETS_S, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
