"""Dateline performance figures against the budgets (``make bench``). Prints, never fails.

    python benchmarks/run_all.py              # 10k, 100k, 1M events; 10k articles (~10 min)
    python benchmarks/run_all.py --quick      # 10k and 100k; 1k articles (~3 min)
    python benchmarks/run_all.py --sizes 100000 1000000 --json out.json

Every figure comes with a naive baseline measured in the same run on the same machine
(ratio = ours / naive, lower is better), so a slow or busy machine shifts both. Each
measurement runs in a fresh process (``benchmarks/_common.run_child``). Method and
interpretation: ``docs/performance.md``.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass

import _common  # noqa: F401  (sets sys.path)
from _common import run_child

MB_BUDGET_1M = 1536.0


@dataclass
class Row:
    metric: str
    value: float | None
    unit: str
    budget: float | None = None
    naive: float | None = None
    note: str = ""

    def cells(self) -> list[str]:
        fmt = (lambda v: "—" if v is None else f"{v:,.1f} {self.unit}" if v >= 100
               else f"{v:,.2f} {self.unit}" if v < 10 else f"{v:,.1f} {self.unit}")
        ratio = (f"{self.value / self.naive:.2f}×" if self.value is not None and self.naive
                 else "—")
        within = ("—" if self.budget is None or self.value is None
                  else "yes" if self.value <= self.budget else "NO")
        return [self.metric, fmt(self.value), "—" if self.budget is None else
                f"≤ {fmt(self.budget)}", fmt(self.naive), ratio, within, self.note]


def _label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def _say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def cold_start_rows(repeats: int) -> tuple[list[Row], list[str]]:
    cache = tempfile.mkdtemp(prefix="dateline-bench-cache-")
    os.environ["DATELINE_CACHE_DIR"] = cache           # never touch the user's cache
    os.environ.pop("DATELINE_NO_SAMPLE", None)

    # An installed Dateline starts from compiled .pyc files (pip and PyInstaller write
    # them); a shell with PYTHONDONTWRITEBYTECODE=1 would recompile ~50 modules on every
    # start. The first run compiles into a private prefix, the warm runs reuse it.
    pyc = {"PYTHONDONTWRITEBYTECODE": None,
           "PYTHONPYCACHEPREFIX": tempfile.mkdtemp(prefix="dateline-bench-pyc-")}

    def child(flag: str) -> dict:
        return run_child("bench_gui.py", [flag, "--spawn-time", repr(time.time())],
                         env_changes=pyc)

    _say("cold start: first run (empty extraction cache)")
    first = child("--cold")
    _say(f"cold start: {repeats} warm runs and the bare-Qt baseline")
    warm = [child("--cold") for _ in range(repeats)]
    naive = [child("--cold-naive") for _ in range(repeats)]
    rows = []
    errors = [r["error"] for r in [first, *warm, *naive] if "error" in r]
    ok_warm = [r["cold_start_s"] for r in warm if "cold_start_s" in r]
    ok_naive = [r["cold_start_s"] for r in naive if "cold_start_s" in r]
    naive_s = statistics.median(ok_naive) if ok_naive else None
    populated = all(r.get("populated") for r in warm if "error" not in r)
    rows.append(Row("cold start → usable window (seed, cached)",
                    statistics.median(ok_warm) if ok_warm else None, "s", 1.5, naive_s,
                    "" if populated else "window NOT populated"))
    rows.append(Row("cold start, first run (extracts 5 articles)", first.get("cold_start_s"),
                    "s", None, naive_s, "also compiles .pyc"))
    return rows, errors


def size_rows(n: int, gui_steps: int, naive_steps: int, gui_timeout: float
              ) -> tuple[list[Row], list[str]]:
    label = _label(n)
    _say(f"{label}: synthetic events (built once, then reused from the temp dir)")
    built = run_child("synth_frames.py", [str(n)], timeout=600)   # own process: own memory
    if "error" in built:
        return [], [built["error"]]
    _say(f"{label}: load from the Parquet cache, queries, memory")
    load = run_child("bench_store.py", ["--load", str(n)])
    naive_load = run_child("bench_store.py", ["--naive-load", str(n)])
    _say(f"{label}: scrub steps in the real MainWindow ({gui_steps} steps)")
    gui = run_child("bench_gui.py", ["--scrub", str(n), "--steps", str(gui_steps)],
                    timeout=gui_timeout)
    _say(f"{label}: naive scrub baseline ({naive_steps} steps)")
    naive = run_child("bench_gui.py", ["--scrub-naive", str(n), "--steps", str(naive_steps)])
    errors = [r["error"] for r in (load, naive_load, gui, naive) if "error" in r]
    big = n >= 1_000_000
    budget_med = 33.0 if big else 16.0 if n >= 100_000 else None
    budget_p95 = 50.0 if big else None
    nv = naive.get("naive", {})
    # "step" is issue 5's scrub step (timeline, histogram, map markers, list; painted);
    # "settled" adds what follows a paused drag (side panel, map labels): bench_gui.py.
    step, step_cpu = gui.get("step", {}), gui.get("step_cpu", {})
    rows = [
        Row(f"load {label} events from cache", load.get("load_s"), "s",
            2.0 if big else None, naive_load.get("load_s"), "naive: pd.read_parquet, all"),
        Row(f"resident memory, {label} loaded", load.get("rss_after_load_mb"), "MB",
            MB_BUDGET_1M if big else None, None, "VmRSS after load"),
        Row(f"peak memory, {label} loaded + scrubbed", load.get("hwm_mb"), "MB",
            MB_BUDGET_1M if big else None, naive_load.get("hwm_mb"), "VmHWM; naive: read only"),
        Row(f"query (window) median, {label}", load.get("query", {}).get("median_ms"), "ms",
            None, load.get("naive_query", {}).get("median_ms"), "naive: masks, unsorted"),
        Row(f"first text search after load, {label}", load.get("first_search_ms"), "ms",
            None, None, f"then {load.get('then_search_ms', 0):.0f} ms (index built once)"),
        Row(f"first actor filter after load, {label}", load.get("first_actor_filter_ms"),
            "ms", None, None, f"then {load.get('then_actor_filter_ms', 0):.0f} ms"),
        Row(f"scrub step median, {label}", step.get("median_ms"), "ms", budget_med,
            nv.get("median_ms"), f"CPU {step_cpu.get('median_ms', 0):.1f} ms; views current "
            f"{gui.get('step_views_current', '?')}"),
        Row(f"scrub step p95, {label}", step.get("p95_ms"), "ms", budget_p95, nv.get("p95_ms"),
            f"CPU {step_cpu.get('p95_ms', 0):.1f} ms"),
        Row(f"settled step median, {label} (+ side panel, map labels)",
            gui.get("settled", {}).get("median_ms"), "ms", None, nv.get("median_ms"),
            f"CPU {gui.get('settled_cpu', {}).get('median_ms', 0):.1f} ms"),
        Row(f"settled step p95, {label} (+ side panel, map labels)",
            gui.get("settled", {}).get("p95_ms"), "ms", None, nv.get("p95_ms")),
        Row(f"open {label} in the window (set_store)", gui.get("open_s"), "s"),
        Row(f"peak memory, {label} in the GUI", gui.get("hwm_mb"), "MB",
            MB_BUDGET_1M if big else None),
    ]
    return rows, errors


def extraction_rows(n_articles: int, sample: int) -> tuple[list[Row], list[str]]:
    _say(f"extraction: per-core rate and {n_articles} articles on 2 processes")
    res = run_child("bench_extract_parallel.py", ["--articles", str(n_articles), "--sample",
                                                  str(sample), "--workers", "2"], timeout=1200)
    if "error" in res:
        return [], [res["error"]]
    scale = 10_000 / n_articles
    note = "" if n_articles == 10_000 else f"measured on {n_articles}, scaled ×{scale:g}"
    return [
        Row("extraction rate (1 process)", res["per_core_rate"], "art/s"),
        Row("extraction rate per core (2 processes)", res["parallel_rate_per_core"], "art/s"),
        Row("extract 10k articles, 2 processes (wall)", res["parallel_wall_s"] * scale, "s",
            None, res["sequential_estimate_s"] * scale, "naive: 1 process; " + note),
    ], []


def print_table(rows: list[Row]) -> None:
    head = ["metric", "value", "budget", "naive", "ratio", "within", "note"]
    cells = [head] + [r.cells() for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    for i, line in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k/100k only, 1k articles")
    parser.add_argument("--sizes", type=int, nargs="+", help="event counts to measure")
    parser.add_argument("--articles", type=int, help="articles for the extraction wall time")
    parser.add_argument("--json", metavar="FILE", help="also write the rows as JSON")
    args = parser.parse_args()
    sizes = args.sizes or ([10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000])
    n_articles = args.articles or (1_000 if args.quick else 10_000)
    started = time.time()
    rows, errors = cold_start_rows(repeats=2 if args.quick else 3)
    for n in sizes:
        gui_steps = 60 if n >= 1_000_000 else 100 if not args.quick else 60
        naive_steps = 5 if n >= 1_000_000 else 20
        r, e = size_rows(n, gui_steps, naive_steps, 150 if n >= 1_000_000 else 600)
        rows += r
        errors += e
    r, e = extraction_rows(n_articles, 150 if args.quick else 300)
    rows += r
    errors += e
    print()
    print_table(rows)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nratio = ours / naive baseline (lower is better). {os.cpu_count()} CPUs, "
          f"load average at the end {load} (other work on the machine skews figures, "
          f"not ratios), total {time.time() - started:.0f} s.")
    for err in errors:
        print(f"ERROR: {err}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump([r.__dict__ for r in rows] + [{"error": e} for e in errors], handle,
                      indent=1)


if __name__ == "__main__":
    main()
