"""Extraction throughput: articles per second on one core, cold cache.

Runs ``extract_article`` (sentences, times, places, actors, statements, events) over the
seed corpus repeatedly in a single process, then the full ``extract_corpus`` (merge and
document assembly included) with the cache disabled. Prints articles/s per core.

    python benchmarks/bench_extract.py [--seconds 5] [--copies 40]
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from dateline.corpus import load_corpus  # noqa: E402
from dateline.extract import extract_article, extract_corpus  # noqa: E402
from dateline.extract.gazetteer import get_gazetteer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="minimum time per measurement")
    parser.add_argument("--copies", type=int, default=40, help="corpus copies for extract_corpus")
    args = parser.parse_args()
    articles = load_corpus([ROOT / "data" / "articles"], manifest=ROOT / "data" / "manifest.csv").articles
    get_gazetteer()   # one-off load, as in the app before the first extraction

    done, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < args.seconds:
        for article in articles:
            extract_article(article)
        done += len(articles)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    chars = sum(len(a.text) for a in articles) / len(articles)
    # CPU time too: on a shared machine the wall clock also counts other people's work
    print(f"extract_article: {done / elapsed:.0f} articles/s per core wall, {done / cpu:.0f} per CPU second "
          f"({done} seed-sized articles of ~{chars:.0f} chars in {elapsed:.1f} s)")

    # distinct texts, so nothing is shared between copies; no cache (cold)
    corpus = [replace(a, id=f"{a.id}_{i}", text=a.text + " " * i, sha256=f"{a.sha256[:-8]}{i:08d}")
              for i in range(args.copies) for a in articles]
    start = time.perf_counter()
    doc = extract_corpus(corpus, cache=False)
    elapsed = time.perf_counter() - start
    print(f"extract_corpus (cold, merge included): {len(corpus) / elapsed:.0f} articles/s per core "
          f"({len(corpus)} articles, {len(doc['events'])} events, {len(doc['statements'])} statements "
          f"in {elapsed:.1f} s)")


if __name__ == "__main__":
    main()
