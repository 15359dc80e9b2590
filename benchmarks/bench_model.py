"""Speed of the event model and the timeline under scrubbing.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_model.py  (prints figures;
goals: a window query over 100k events in a few ms, so the scrubber can update every view
live; building the store from a 100k-event document in a few seconds; the timeline's
per-scrub work (state update) well under 16 ms, restyle under 100 ms at 10k events).
"""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import _common  # noqa: E402,F401  (sets sys.path)
from _common import best_and_median_ms  # noqa: E402


def bench_store(n_events: int) -> None:
    import numpy as np
    import pandas as pd
    from dateline.model.selection import Selection
    from dateline.model.store import EventStore
    from dateline.model.synthetic import generate

    corpus = generate(n_events=n_events, n_articles=max(50, n_events // 20), seed=1)
    t0 = time.perf_counter()
    store = EventStore.from_document(corpus.document, texts=corpus.texts)
    build = (time.perf_counter() - t0) * 1e3
    print(f"[{n_events:>7} events, {len(store.statements):>7} statements] "
          f"build store {build:8.1f} ms")
    rng = np.random.default_rng(0)
    starts = [pd.Timestamp("2017-01-01") + pd.Timedelta(days=int(d))
              for d in rng.integers(0, 330, 50)]
    windows = iter([(s, s + pd.Timedelta(days=14)) for s in starts] * 10)
    cases = {
        "window query (14 days)": lambda: store.query(Selection(window=next(windows))),
        "window + actor": lambda: store.query(Selection(window=next(windows),
                                                        actors=frozenset({"Wang Yi"}))),
        "place + window": lambda: store.query(Selection(window=next(windows), place="Seoul")),
        "search 'table'": lambda: store.query(Selection(search="table")),
        "itinerary(Rex Tillerson)": lambda: store.itinerary("Rex Tillerson"),
    }
    for name, fn in cases.items():
        best, med = best_and_median_ms(fn, 30)
        print(f"    {name:<28} best {best:7.2f} ms  median {med:7.2f} ms")


def bench_timeline(n_events: int) -> None:
    import pandas as pd
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from dateline._qt.state import AppState
    from dateline._qt.timeline.view import TimelineView
    from dateline.model.synthetic import synthetic_store

    state = AppState(synthetic_store(n_events, max(50, n_events // 20), seed=2))
    view = TimelineView(state)
    view.resize(1200, 360)
    view.show()
    app.processEvents()
    day = [0]

    def scrub():
        day[0] = (day[0] + 3) % 300
        a = pd.Timestamp("2017-01-01") + pd.Timedelta(days=day[0])
        state.update(window=(a, a + pd.Timedelta(days=14)))

    best, med = best_and_median_ms(scrub, 40)
    print(f"[{n_events:>7} events] scrub: state update + signals  "
          f"best {best:7.2f} ms  median {med:7.2f} ms")
    best, med = best_and_median_ms(view._restyle, 10)
    print(f"[{n_events:>7} events] timeline restyle (debounced)   "
          f"best {best:7.2f} ms  median {med:7.2f} ms")
    best, med = best_and_median_ms(lambda: view.grab(), 10)          # a full render of the widget
    print(f"[{n_events:>7} events] timeline render (grab)         "
          f"best {best:7.2f} ms  median {med:7.2f} ms")


def bench_panels(n_events: int) -> None:
    """Side panel and event list refresh after a scrub (both debounced in the app)."""
    import pandas as pd
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from dateline._qt.eventlist.table import EventTable
    from dateline._qt.panel.side_panel import SidePanel
    from dateline._qt.state import AppState
    from dateline.model.synthetic import synthetic_store

    state = AppState(synthetic_store(n_events, max(50, n_events // 20), seed=3))
    panel, table = SidePanel(state), EventTable(state)
    panel.resize(460, 700)
    table.resize(460, 300)
    panel.show()
    table.show()
    app.processEvents()
    state.update(window=(pd.Timestamp("2017-01-01"), pd.Timestamp("2017-03-01")))
    n = state.result.n_events
    best, med = best_and_median_ms(panel.render, 10)
    print(f"[{n_events:>7} events] side panel render ({n} in window)   "
          f"best {best:7.2f} ms  median {med:7.2f} ms")
    best, med = best_and_median_ms(table.refresh, 10)
    print(f"[{n_events:>7} events] event list refresh + sort          "
          f"best {best:7.2f} ms  median {med:7.2f} ms")


if __name__ == "__main__":
    for n in (1_000, 10_000, 100_000):
        bench_store(n)
    for n in (1_000, 10_000):
        bench_timeline(n)
        bench_panels(n)
