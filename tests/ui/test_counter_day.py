"""The day-at-the-counter benchmark's short run: it drives the real window through every
kind of work and reports each figure beside its target (the figures themselves are the
benchmark's business, not a test's)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_short_day_reports_memory_objects_and_latency_beside_the_targets() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "counter_day.py"), "--quick", "--json"],
        capture_output=True, text=True, timeout=280, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)

    assert result["done"] | {"searches": 0, "keystrokes": 0} == {
        "searches": 0, "keystrokes": 0, "payments": 6, "enrolments": 3, "instalments": 3,
        "voids": 1, "reprints": 1, "list_views": 3, "syncs": 1, "receipts": 6}
    assert result["done"]["searches"] == 60
    assert result["done"]["keystrokes"] > result["done"]["searches"]  # typed key by key
    assert set(result["machine"]) >= {"processor", "cpus", "load_before", "load_after"}
    assert result["targets"]["rss_after_mb"] == 200.0
    assert result["targets"]["second_half_growth_mb"] == 5.0
    assert set(result["met"]) == {"rss_after", "second_half_growth", "no_python_objects_creep",
                                  "no_qt_objects_creep", "no_qt_wrappers_creep",
                                  "latency_end_as_start"}
    visits = [sample["visits"] for sample in result["samples"]]
    assert visits == list(range(7))  # a sample before the first customer and after each
    for sample in result["samples"]:
        assert sample["rss_mb"] > 0 and sample["python_objects"] > 0
        assert sample["qt_objects"] > 0
    for when in ("latency_start", "latency_end"):
        assert set(result[when]) == {f"{clock}_{p}_ms" for clock in ("shown", "painted", "cpu")
                                     for p in ("p50", "p95")}
    assert set(result["second_half"]) == {"rss_mb", "python_objects", "qt_objects",
                                          "qt_wrappers"}
    assert len(result["sync_said"]) == 1 and result["sync_said"][0]
    for when in ("memory_start", "memory_end"):  # where the resident memory goes
        memory = result[when]
        assert set(memory) == {"mappings", "malloc", "sqlite", "python", "qt_classes"}
        assert memory["python"]["modules"] > 100 and memory["qt_classes"]
        if sys.platform == "linux":
            assert memory["mappings"]["rss_mb"] > 0 and memory["sqlite"]["heap_mb"] > 0
            caches = [c["cache_used_mb"] for c in memory["sqlite"]["connections"]]
            assert caches and None not in caches
