"""Model at scale: load N synthetic events from the Parquet cache, memory, query latency.

Each mode runs in its own process (memory peaks are per process):

    python benchmarks/bench_store.py --load 1000000        # ours: cache -> EventStore
    python benchmarks/bench_store.py --naive-load 1000000  # baseline: pd.read_parquet, all

``--load`` also times ``store.query`` for a 14-day window scrubbed a day at a time, against
the naive baseline (boolean masks over unsorted frames, then place counts), and reports
VmRSS after load and VmHWM (peak resident) for the whole run, the load's user/sys CPU
and minor page faults (about the pages it touched: sys time per page swings with the VM,
the count does not), and what the load defers to first use (text search, actor filter,
event lookup). Prints one JSON line.
"""
from __future__ import annotations

import argparse
import gc
import resource
import time

import _common  # noqa: F401  (sets sys.path)
import numpy as np
import pandas as pd
from _common import emit, ms_stats, proc_status_mb, timed

from dateline.model.selection import Selection

SCRUB_START = pd.Timestamp("2017-02-01")
SCRUB_WIDTH = pd.Timedelta(days=14)


def scrub_windows(steps: int) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """A 14-day window dragged one day per step (what a scrub gesture produces)."""
    return [(SCRUB_START + pd.Timedelta(days=i), SCRUB_START + pd.Timedelta(days=i) + SCRUB_WIDTH)
            for i in range(steps)]


def naive_query(events: pd.DataFrame, statements: pd.DataFrame, window) -> tuple:
    """The obvious pandas version: full-length boolean masks, then counts per place."""
    w0, w1 = window
    ev = events[(events["start"] < w1) & (events["end"] > w0)]
    st = statements[(statements["start"] < w1) & (statements["end"] > w0)]
    counts = pd.concat([ev["place"], st["place"]]).value_counts()
    return ev, st, counts


def bench_queries(store, steps: int) -> dict:
    windows = scrub_windows(steps)
    store.query(Selection(window=windows[0]))                       # warm caches
    ours = [timed(lambda w=w: store.query(Selection(window=w))) for w in windows]
    in_window = store.query(Selection(window=windows[steps // 2])).n_events
    return {"query": ms_stats(ours), "events_in_window": in_window}


def bench_first_uses(store) -> dict:
    """What the load defers to first use (the text-search haystack, the per-actor index,
    an event lookup), so the load figure cannot hide it: ms of the first and a later call."""
    window = scrub_windows(1)[0]
    out = {}
    for name, sel in (("search", Selection(window=window, search="seoul")),
                      ("actor_filter", Selection(window=window,
                                                 actors=frozenset({"Wang Yi"})))):
        out[f"first_{name}_ms"] = timed(lambda s=sel: store.query(s)) * 1000
        out[f"then_{name}_ms"] = timed(lambda s=sel: store.query(s)) * 1000
    eid = store.events["id"].iloc[len(store.events) // 2]
    out["event_lookup_ms"] = timed(lambda: store.event(eid)) * 1000
    return out


def bench_naive_queries(store, steps: int) -> dict:
    rng = np.random.default_rng(0)
    ev = store.events.iloc[rng.permutation(len(store.events))]      # unsorted, as loaded
    st = store.statements.iloc[rng.permutation(len(store.statements))]
    naive = [timed(lambda w=w: naive_query(ev, st, w)) for w in scrub_windows(steps)]
    return {"naive_query": ms_stats(naive)}


def run_load(n: int, steps: int) -> dict:
    from synth_frames import ensure_cache

    from dateline.model.cache_parquet import load_store_parquet
    folder = ensure_cache(n)
    gc.collect()
    base_rss = proc_status_mb("VmRSS")
    ru0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    store = load_store_parquet(folder)
    load_s = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    gc.collect()
    # user/sys CPU of the load: on the shared VM, sys time (page faults) swings by 2x.
    out = {"n_events": len(store.events), "n_statements": len(store.statements),
           "load_s": load_s, "load_cpu_user_s": ru1.ru_utime - ru0.ru_utime,
           "load_cpu_sys_s": ru1.ru_stime - ru0.ru_stime,
           "load_minor_faults": ru1.ru_minflt - ru0.ru_minflt, "rss_before_mb": base_rss,
           "rss_after_load_mb": proc_status_mb("VmRSS"),
           "hwm_after_load_mb": proc_status_mb("VmHWM")}
    out.update(bench_queries(store, steps))
    out.update(bench_first_uses(store))
    out["hwm_mb"] = proc_status_mb("VmHWM")      # before the baseline's shuffled copies
    out.update(bench_naive_queries(store, steps))
    return out


def run_naive_load(n: int) -> dict:
    from synth_frames import ensure_cache
    folder = ensure_cache(n)
    t0 = time.perf_counter()
    frames = [pd.read_parquet(folder / f"{t}.parquet") for t in
              ("articles", "events", "statements")]
    load_s = time.perf_counter() - t0
    gc.collect()
    return {"n_events": len(frames[1]), "load_s": load_s,
            "rss_after_load_mb": proc_status_mb("VmRSS"), "hwm_mb": proc_status_mb("VmHWM")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--load", type=int, metavar="N", help="load N events, query, memory")
    group.add_argument("--naive-load", type=int, metavar="N", help="baseline: read_parquet")
    parser.add_argument("--steps", type=int, default=100, help="scrub steps for queries")
    args = parser.parse_args()
    if args.load:
        emit(run_load(args.load, args.steps))
    else:
        emit(run_naive_load(args.naive_load))


if __name__ == "__main__":
    main()
