"""Helpers shared by the benchmark scripts: timing statistics, memory, child processes.

Each heavy measurement runs in its own Python process (``run_child``) so memory peaks and
caches of one size don't leak into the next; a child prints one JSON object on its last
stdout line.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))


def ms_stats(seconds: list[float]) -> dict:
    """median and p95 in milliseconds (p95 by nearest rank)."""
    xs = sorted(seconds)
    p95 = xs[min(len(xs) - 1, max(0, int(round(0.95 * len(xs))) - 1))]
    return {"median_ms": statistics.median(xs) * 1e3, "p95_ms": p95 * 1e3, "n": len(xs)}


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def best_and_median_ms(fn, repeats: int) -> tuple[float, float]:
    """Run ``fn`` ``repeats`` times: (best, median) wall time in milliseconds."""
    times = [timed(fn) for _ in range(repeats)]
    return min(times) * 1e3, statistics.median(times) * 1e3


def proc_status_mb(field: str) -> float | None:
    """VmRSS / VmHWM (peak resident) of this process in MB, from /proc (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    if field == "VmHWM":
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return None


def emit(result: dict) -> None:
    """The child's answer: one JSON line, last on stdout."""
    print(json.dumps(result), flush=True)


def run_child(script: str, args: list[str], timeout: float = 600,
              env_changes: dict[str, str | None] | None = None) -> dict:
    """Run ``benchmarks/<script> <args>`` in a fresh interpreter; its JSON result or
    {"error": ...} (a failed measurement is reported, never fatal to the whole run).
    ``env_changes`` sets (or, with None, removes) environment variables for the child."""
    env = dict(os.environ)
    for key, value in (env_changes or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "desktop"), str(BENCH),
                                         env.get("PYTHONPATH", "")])
    cmd = [sys.executable, str(BENCH / script), *args]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env,
                              cwd=str(ROOT))
    except subprocess.TimeoutExpired:
        return {"error": f"{script} {' '.join(args)}: timed out after {timeout:.0f} s"}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return {"error": f"{script} {' '.join(args)} failed (rc={proc.returncode}): "
                         + " | ".join(tail)}
    result = json.loads(lines[-1])
    if proc.returncode != 0:         # measured, but the process then died: say so
        result["exit_rc"] = proc.returncode
    return result
