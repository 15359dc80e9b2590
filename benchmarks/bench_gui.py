"""GUI at scale: cold start on the seed corpus and one scrub step of the real MainWindow.

Each mode runs in its own process and prints one JSON line:

    python benchmarks/bench_gui.py --cold            # process start -> populated window
    python benchmarks/bench_gui.py --cold-naive      # baseline: bare QMainWindow shown
    python benchmarks/bench_gui.py --scrub 100000    # real MainWindow, N synthetic events
    python benchmarks/bench_gui.py --scrub-naive 100000

A scrub step is ``state.update(window=..., live=True)`` (a 14-day window moved one day), then
``processEvents()`` until the shown window has repainted what changed (offscreen Qt paints
into the same raster backing store as on screen; ``--grab`` forces a full re-render of each
view instead). Two figures, each a median and p95 over the steps:

- "step", the issue's definition (issue 5): time window change -> filtered data ->
  timeline markers and histogram, map markers and event list updated and painted. Those
  views update inside the step (no debounce); after timing, each step is checked to have
  really shown the new window in them ("step_views_current" counts the steps that did).
  The side panel's excerpts and the map's label layout and edge arrows are left to their
  settle timers (they follow ~60-100 ms after the drag pauses, and on release); this is
  what each mouse move costs while dragging.
- "settled": a step, then every pending single-shot timer fired and painted too (side
  panel, map labels and edge arrows, country names...), i.e. every view fully shows the
  new window: what a click or a paused drag costs.

"step_cpu"/"settled_cpu" are the same steps in CPU time of the GUI thread: on a machine
shared with other work (wall times move by +-30 % and more) they show what a quiet machine
would measure.
The naive baseline filters unsorted frames with boolean masks and recreates every
pyqtgraph item and the list model on each step.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

T_PROCESS = time.time()            # as early as possible: the cold-start clock's origin

import _common  # noqa: E402,F401  (sets sys.path)
from _common import emit, ms_stats, proc_status_mb  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SIZE = (1400, 900)


# ---------------------------------------------------------------------------- cold start
def run_cold(t_spawn: float, timeout: float = 60.0) -> dict:
    """Shown and populated: the store has events and the timeline has laid them out."""
    from dateline._qt.app import create_window, make_app
    from PySide6.QtCore import QSettings
    app = make_app([])
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    window = create_window(settings=settings)
    window.resize(*SIZE)
    window.show()
    t_shown = time.time()
    deadline = time.time() + timeout
    while time.time() < deadline:
        app.processEvents()
        layout = window.timeline.plots.layout_data
        if len(window.state.store.events) and layout is not None and len(layout):
            break
        time.sleep(0.002)
    _flush_debounced(window)
    window.grab()
    t_ready = time.time()
    ok = not window.self_test()
    return {"cold_start_s": t_ready - t_spawn, "shown_s": t_shown - t_spawn,
            "import_s": T_PROCESS - t_spawn, "events": len(window.state.store.events),
            "populated": ok}


def run_cold_naive(t_spawn: float) -> dict:
    """The floor: start Python, import Qt, show an empty main window, paint it."""
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    window.grab()
    return {"cold_start_s": time.time() - t_spawn}


# -------------------------------------------------------------------------------- scrub
def _flush_debounced(window) -> int:
    """Fire the pending single-shot (debounce) timers now, as if the user paused."""
    from PySide6.QtCore import QTimer
    fired = 0
    # The window's timers, found once: findChildren walks every widget (~2.5 ms at each
    # step, the benchmark's cost, not the app's); the views create their timers up front.
    timers = getattr(window, "_bench_timers", None)
    if timers is None:
        timers = window._bench_timers = window.findChildren(QTimer)
    for _ in range(4):                  # a flushed slot may start another timer
        pending = [t for t in timers if t.isActive() and t.isSingleShot()]
        if not pending:
            break
        for timer in pending:
            timer.stop()
            timer.timeout.emit()
            fired += 1
    return fired


def _paint(app, widgets, force: bool) -> None:
    """Deliver the pending paint events (the shown window repaints what changed, as on
    screen); ``force`` re-renders the whole of each view with ``grab()`` instead."""
    if force:
        for widget in widgets:
            widget.grab()
    app.sendPostedEvents()
    app.processEvents()


def _load_store(n: int):
    from synth_frames import ensure_cache

    from dateline.model.cache_parquet import load_store_parquet
    return load_store_parquet(ensure_cache(n))


def _time_boxed(fn, windows, max_seconds: float, min_steps: int = 5) -> list[float]:
    """Run steps until all are done or ``max_seconds`` passed (at least ``min_steps``)."""
    out, t0 = [], time.perf_counter()
    for w in windows:
        out.append(fn(w))
        if len(out) >= min_steps and time.perf_counter() - t0 > max_seconds:
            break
    return out


def _profiled(path: str | None, fn, *args):
    """``fn(*args)``, under cProfile (stats dumped to ``path``) if a path is given."""
    if not path:
        return fn(*args)
    import cProfile
    prof = cProfile.Profile()
    try:
        return prof.runcall(fn, *args)
    finally:
        prof.dump_stats(path)


def run_scrub(n: int, steps: int, profile: str | None = None, force_paint: bool = False,
              max_seconds: float = 25.0, profile_step: str | None = None) -> dict:
    from bench_store import scrub_windows
    from PySide6.QtCore import QSettings

    from dateline._qt.app import make_app
    from dateline._qt.main_window import MainWindow
    store = _load_store(n)
    app = make_app([])
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.resize(*SIZE)
    window.show()
    t0 = time.perf_counter()
    window.load_store(store)
    app.processEvents()
    _flush_debounced(window)
    open_s = time.perf_counter() - t0
    views = [window.timeline.plots, window.map_view, window.event_table.view,
             window.side_panel]
    _paint(app, views, True)
    windows = scrub_windows(steps)
    state = window.state

    current = []

    cpu = {False: [], True: []}

    def step(w, settle: bool) -> float:
        t, c = time.perf_counter(), time.thread_time()
        state.update(window=w, live=not settle)     # a drag step, or a settled one
        app.processEvents()
        if settle:
            _flush_debounced(window)
        _paint(app, views, force_paint)
        elapsed = time.perf_counter() - t
        cpu[settle].append(time.thread_time() - c)
        if not settle:
            current.append(_step_views_current(window))     # not timed
        return elapsed

    stepped = _profiled(profile_step, _time_boxed, lambda w: step(w, False), windows,
                        max_seconds)
    _flush_debounced(window)
    settled = _profiled(profile, _time_boxed, lambda w: step(w, True), windows[::-1],
                        max_seconds)
    return {"n_events": len(store.events), "open_s": open_s, "step": ms_stats(stepped),
            "step_views_current": f"{sum(current)}/{len(current)}",
            "settled": ms_stats(settled),
            "step_cpu": ms_stats(cpu[False]), "settled_cpu": ms_stats(cpu[True]),
            "hwm_mb": proc_status_mb("VmHWM"), "events_in_window": state.result.n_events}


def _step_views_current(window) -> bool:
    """Do the issue's views show the current result without any timer firing: timeline
    markers, map markers (counts per place) and the event list? (The histogram bins every
    filter but the window, so a window step leaves it as it is.)"""
    import numpy as np
    result = window.state.result
    plots = window.timeline.plots
    layers = plots.layers
    timeline_ok = np.array_equal(layers.shown, layers.index.items_of_rows(result.event_rows))
    places = window.map_view.places.raw          # the places before clustering
    counts = result.place_counts
    map_ok = (sorted(places.names) == sorted(counts["place"].astype(str))
              and int(places.events.sum()) == int(counts["n_events"].sum()))
    model = window.event_table.model
    list_ok = model.rowCount() == result.n_events or bool(window.event_table.filter_edit.text())
    return bool(timeline_ok and map_ok and list_ok)


def run_scrub_naive(n: int, steps: int, force_paint: bool = False,
                    max_seconds: float = 25.0) -> dict:
    from naive_views import NaiveViews

    from dateline._qt.app import make_app
    store = _load_store(n)
    app = make_app([])
    views = NaiveViews(store, SIZE)
    views.show()
    app.processEvents()
    from bench_store import scrub_windows

    def step(w) -> float:
        t = time.perf_counter()
        views.update(w)
        app.processEvents()
        views.paint(force_paint)
        app.sendPostedEvents()
        app.processEvents()
        return time.perf_counter() - t

    times = _time_boxed(step, scrub_windows(steps), max_seconds)
    return {"n_events": len(store.events), "naive": ms_stats(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--cold", action="store_true")
    group.add_argument("--cold-naive", action="store_true")
    group.add_argument("--scrub", type=int, metavar="N")
    group.add_argument("--scrub-naive", type=int, metavar="N")
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--max-seconds", type=float, default=25.0,
                        help="stop a scrub phase after this long (at least 5 steps)")
    parser.add_argument("--spawn-time", type=float, default=None,
                        help="time.time() when the parent started this process")
    parser.add_argument("--profile", metavar="FILE", help="cProfile the settled steps")
    parser.add_argument("--profile-step", metavar="FILE",
                        help="cProfile the steps (the issue's definition)")
    parser.add_argument("--grab", action="store_true",
                        help="force a full re-render (grab) of every view on each step")
    args = parser.parse_args()
    t_spawn = args.spawn_time if args.spawn_time is not None else T_PROCESS
    if args.cold:
        emit(run_cold(t_spawn))
    elif args.cold_naive:
        emit(run_cold_naive(t_spawn))
    elif args.scrub:
        emit(run_scrub(args.scrub, args.steps, args.profile, args.grab, args.max_seconds,
                       args.profile_step))
    else:
        emit(run_scrub_naive(args.scrub_naive, args.steps, args.grab, args.max_seconds))


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)      # skip interpreter teardown: PySide can segfault there (see docs)
