"""The day's figures against their targets, as text and as a small plot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.day_probe import STEADY_SAMPLES, Sample, creep

RSS_TARGET_MB = {17_405: 200.0, 1_000_000: 300.0}
GROWTH_TARGET_MB = 5.0
CREEP_LIMIT = 0.01  # a count may change by 1 % between the middle and the end
LATENCY_SLACK = 1.25  # the end's CPU median within a quarter of the start's (plus 1 ms)


def _rss_target(customers: int) -> float:
    """The target for the nearest size measured (the larger one above a million)."""
    return RSS_TARGET_MB[1_000_000 if customers >= 1_000_000 else 17_405]


def judge(result: dict[str, Any]) -> None:
    """Add ``targets`` and ``met`` beside the figures."""
    samples = [Sample(**{**s, "gc_counts": tuple(s["gc_counts"])}) for s in result["samples"]]
    counts = creep(samples)
    result["second_half"] = counts
    rss_target = _rss_target(result["customers"])
    start, end = result["latency_start"], result["latency_end"]
    result["targets"] = {
        "rss_after_mb": rss_target, "second_half_growth_mb": GROWTH_TARGET_MB,
        "object_count_change_share": CREEP_LIMIT,
        "latency_end_vs_start": f"CPU p50 at the end ≤ {LATENCY_SLACK} × the start's + 1 ms"}
    result["met"] = {
        "rss_after": result["after_run"]["rss_mb"] <= rss_target,
        "second_half_growth": counts["rss_mb"]["steady_change"] <= GROWTH_TARGET_MB,
        **{f"no_{name}_creep":
           counts[name]["steady_change"] <= CREEP_LIMIT * counts[name]["middle"]
           for name in ("python_objects", "qt_objects", "qt_wrappers")},
        "latency_end_as_start": end["cpu_p50_ms"] <= start["cpu_p50_ms"] * LATENCY_SLACK + 1,
    }


def report(result: dict[str, Any]) -> None:
    machine, done = result["machine"], result["done"]
    print(f"\n{result['customers']:,} customers; {machine['cpus']} CPUs "
          f"({machine['processor']}); {machine['load_before']} before, "
          f"{machine['load_after']} after")
    if "cpu_quota" in result:
        print(f"CPU quota: {result['cpu_quota']}")
    print(f"day of {result['day_seconds']:.0f} s: {done['searches']:,} searches "
          f"({done['keystrokes']:,} keystrokes), {done['payments']} payments "
          f"({done['enrolments']} down payments, {done['instalments']} instalments), "
          f"{done['voids']} voids, {done['reprints']} reprints, {done['list_views']} list "
          f"views, {done['syncs']} syncs; printer {result['printer']!r}")
    print(f"  {'step':22}{'count':>7}{'p50 ms':>10}{'p95 ms':>10}")
    for kind, step in result["steps"].items():
        print(f"  {kind:22}{step['count']:7}{step['p50_ms']:10.1f}{step['p95_ms']:10.1f}")
    for when in ("start", "end"):
        figures = result[f"latency_{when}"]
        print(f"  keystroke latency at the {when}: painted p50/p95 "
              f"{figures['painted_p50_ms']} / {figures['painted_p95_ms']} ms, CPU "
              f"{figures['cpu_p50_ms']} / {figures['cpu_p95_ms']} ms")
    after, collected = result["after_run"], result["collected_at_end"]
    print(f"  after the run: RSS {after['rss_mb']} MB (target ≤ "
          f"{result['targets']['rss_after_mb']:.0f}; {after['rss_anon_mb']} MB the process's "
          f"own, {after['rss_file_mb']} MB mapped files), {after['python_objects']:,} Python "
          f"objects ({collected['freed']:,} freed by a full collection), "
          f"{after['qt_objects']:,} Qt objects, {after['qt_wrappers']:,} wrappers")
    for name, figures in result["second_half"].items():
        print(f"  second half, {name}: {figures['middle']} → {figures['end']} "
              f"(change {figures['change']}, of the medians of {STEADY_SAMPLES} samples "
              f"{figures['steady_change']}, trend {figures['trend_per_100_visits']} "
              "per 100 customers)")
    print("  met: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in result["met"].items()))


def plot(result: dict[str, Any], path: Path) -> None:
    """RSS, Python objects and Qt objects against customers served, in one small PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    samples = result["samples"]
    visits = [s["visits"] for s in samples]
    figure, axes = plt.subplots(3, 1, figsize=(6.4, 6.0), sharex=True)
    series = (("rss_mb", "RSS (MB)", 1.0),
              ("python_objects", "Python objects (thousands)", 1000.0),
              ("qt_objects", "Qt objects", 1.0))
    for axis, (field, label, scale) in zip(axes, series, strict=True):
        axis.plot(visits, [s[field] / scale for s in samples], marker=".", linewidth=1)
        if field == "rss_mb" and samples[0].get("sqlite_heap_mb") is not None:
            axis.plot(visits, [s["sqlite_heap_mb"] for s in samples], marker=".",
                      linewidth=1, label="of it: SQLite's page caches (its heap)")
            axis.axhline(_rss_target(result["customers"]), color="red", linewidth=0.7,
                         label="target after the day")
            axis.legend(loc="center right", fontsize="small")
        if field == "qt_objects":
            axis.plot(visits, [s["qt_wrappers"] for s in samples], marker=".", linewidth=1,
                      label="Python wrappers of Qt objects")
            axis.legend(loc="lower right", fontsize="small")
        axis.axvline(visits[-1] / 2, color="grey", linewidth=0.5, linestyle="--")
        axis.set_ylabel(label, fontsize="small")
        axis.grid(alpha=0.3)
        low, high = axis.get_ylim()
        axis.set_ylim(min(0, low), high * 1.1)
    done = result["done"]
    axes[-1].set_xlabel("customers served")
    axes[0].set_title(f"A day at the counter: {result['customers']:,} customers, "
                      f"{done['searches']:,} searches, {done['payments']} payments",
                      fontsize="medium")
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    plt.close(figure)
