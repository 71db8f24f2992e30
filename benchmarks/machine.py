"""What a benchmark's figures were measured on: the machine and how busy it was.

``machine()`` is the ``"machine"`` object of every benchmark's ``--json`` output; call it
before and after a run (``load_average`` then shows whether other work shared the CPUs).
"""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any


def processor() -> str:
    """The processor's name (``platform.processor()`` is empty on many Linux systems)."""
    cpuinfo = Path("/proc/cpuinfo")
    if not platform.processor() and cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine() or "?"


def load_average() -> list[float] | None:
    """The 1, 5 and 15 minute load averages, where the system has them (not Windows)."""
    if not hasattr(os, "getloadavg"):
        return None
    return [round(value, 2) for value in os.getloadavg()]


def machine(**extra: Any) -> dict[str, Any]:
    """The processor, CPU count, system, Python and load average, plus ``extra``."""
    return {"processor": processor(), "cpus": os.cpu_count(), "system": platform.platform(),
            "python": platform.python_version(), "load_average": load_average(), **extra}


def describe(info: dict[str, Any]) -> str:
    """One line for the console: ``Intel Xeon …, 2 CPUs, Linux …, load 1.2 0.9 0.8``."""
    load = info.get("load_average")
    return (f"{info['processor']}, {info['cpus']} CPUs, {info['system']}, Python "
            f"{info['python']}, load average "
            f"{' '.join(f'{x:.1f}' for x in load) if load else 'unknown'}")
