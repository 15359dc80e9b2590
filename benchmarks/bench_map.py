"""Speed of the map: base map decoding and the MapView's per-scrub update.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_map.py  (prints figures;
goals: load + decode + clip of the 50m layer under 0.5 s, a scrub update of the
map (new result -> markers, labels, edge arrows) well under 16 ms).
"""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import _common  # noqa: E402,F401  (sets sys.path)
from _common import best_and_median_ms  # noqa: E402


def bench_geo(repeats: int = 5) -> None:
    from dateline.geo.basemap import EAST_ASIA, load_basemap, load_topology
    from dateline.geo.topojson import Topology
    from dateline.paths import map_data_dir

    path = map_data_dir() / "countries-50m.json"
    best, med = best_and_median_ms(lambda: Topology.load(path), repeats)
    print(f"decode countries-50m.json (json + arcs)   best {best:7.1f} ms  median {med:7.1f} ms")

    def cold(resolution, box):
        load_basemap.cache_clear()
        load_topology.cache_clear()
        load_basemap(resolution, box)

    best, med = best_and_median_ms(lambda: cold("50m", EAST_ASIA), repeats)
    print(f"50m East Asia basemap, cold (goal < 500)  best {best:7.1f} ms  median {med:7.1f} ms")
    best, med = best_and_median_ms(lambda: cold("110m", None), repeats)
    print(f"110m world basemap, cold                  best {best:7.1f} ms  median {med:7.1f} ms")


def bench_view(repeats: int = 40) -> None:
    import pandas as pd
    from PySide6.QtWidgets import QApplication

    from dateline._qt.map.view import MapView
    from dateline._qt.state import AppState
    from dateline.model.synthetic import synthetic_store

    app = QApplication.instance() or QApplication([])
    store = synthetic_store(n_events=2000, n_articles=200)
    state = AppState(store)
    t0 = time.perf_counter()
    view = MapView(state)
    view.resize(1000, 700)
    view.show()
    app.processEvents()
    took = 1e3 * (time.perf_counter() - t0)
    print(f"MapView build + first paint (warm cache)       {took:7.1f} ms")
    starts = store.events["start"].dropna()
    lo, hi = starts.min(), starts.max()
    span = (hi - lo) / repeats
    days = [lo + span * i for i in range(repeats)]
    idx = iter(range(10 ** 9))

    def scrub():
        d = days[next(idx) % len(days)]
        state.update(window=(d, d + pd.Timedelta(days=30)))

    best, med = best_and_median_ms(scrub, repeats)
    print(f"scrub: query + map update ({len(state.result.place_counts):3d} places)   "
          f"best {best:7.1f} ms  median {med:7.1f} ms")
    best, med = best_and_median_ms(lambda: view.grab(), 10)
    print(f"full repaint (grab) 1000x700                    best {best:7.1f} ms  "
          f"median {med:7.1f} ms")


if __name__ == "__main__":
    bench_geo()
    bench_view()
