"""Speed of time-expression and place extraction over the bundled seed articles.

Run: python benchmarks/bench_temporal_places.py  (prints figures; goal: well under
10 ms per article for both functions together, gazetteer build under 1 s).
"""
from __future__ import annotations

import csv
import time
from datetime import date

from dateline import paths
from dateline.extract.gazetteer import get_gazetteer
from dateline.extract.places import find_places
from dateline.extract.temporal import find_publication_date, find_time_expressions


def _seeds() -> list[tuple[str, str, date | None]]:
    with paths.bundled_manifest().open(encoding="utf-8", newline="") as handle:
        published = {row["file"]: row["published"] for row in csv.DictReader(handle)}
    seeds = []
    for path in sorted(paths.bundled_articles_dir().glob("*.txt")):
        pub = published.get(path.name)
        seeds.append((path.name, path.read_text(encoding="utf-8"),
                      date.fromisoformat(pub) if pub else None))
    return seeds


def main(repeats: int = 50) -> None:
    t0 = time.perf_counter()
    gaz = get_gazetteer()
    build = time.perf_counter() - t0
    print(f"gazetteer build: {build * 1000:.0f} ms ({len(gaz)} names)")
    seeds = _seeds()
    total_times = total_places = total_ms = 0.0
    for name, text, pub in seeds:
        t0 = time.perf_counter()
        for _ in range(repeats):
            times = find_time_expressions(text, pub)
        t1 = time.perf_counter()
        for _ in range(repeats):
            found = find_places(text)
        t2 = time.perf_counter()
        for _ in range(repeats):
            find_publication_date(text)
        t3 = time.perf_counter()
        ms_t, ms_p, ms_d = ((b - a) * 1000 / repeats for a, b in ((t0, t1), (t1, t2), (t2, t3)))
        total_times += ms_t
        total_places += ms_p
        total_ms += ms_t + ms_p
        print(f"{name}: {len(text):5d} chars  time exprs {len(times):2d} in {ms_t:5.2f} ms  "
              f"places {len(found):3d} in {ms_p:5.2f} ms  publication date {ms_d:5.2f} ms")
    n = len(seeds)
    print(f"mean per article: temporal {total_times / n:.2f} ms + places {total_places / n:.2f} ms"
          f" = {total_ms / n:.2f} ms")


if __name__ == "__main__":
    main()
