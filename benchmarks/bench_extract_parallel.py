"""Extraction at scale: articles/s per core, and the wall time of N articles on 2 cores.

Articles are seed-sized and built from real seed sentences, recombined and re-dated with
other names and places (so the extractor sees realistic text, not 10k copies of 5 files):

    python benchmarks/bench_extract_parallel.py --articles 10000 --workers 2

Prints one JSON line: per-core rate (one process, ``--sample`` articles), the parallel wall
time of ``--articles`` with a ``ProcessPoolExecutor`` and the baseline it is compared with
(the same articles one after another in one process, estimated from the per-core rate).
"""
from __future__ import annotations

import argparse
import random
import re
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta

import _common  # noqa: F401  (sets sys.path)
from _common import ROOT, emit

from dateline.corpus import load_corpus, make_article
from dateline.extract import extract_article
from dateline.extract.sentences import split_sentences

PEOPLE = {"Rex Tillerson": ["Jim Mattis", "Nikki Haley", "Susan Thornton", "Mike Pence"],
          "Wang Yi": ["Yang Jiechi", "Lu Kang", "Hua Chunying", "Kong Xuanyou"],
          "Xi Jinping": ["Li Keqiang", "Wang Qishan"], "Donald Trump": ["Barack Obama"],
          "Tillerson": ["Mattis", "Haley", "Pence"], "Wang": ["Yang", "Lu", "Kong"]}
PLACES = ["Beijing", "Seoul", "Tokyo", "Pyongyang", "Washington", "Moscow", "Manila",
          "Hanoi", "Singapore", "Jakarta", "Bangkok", "Taipei", "Shanghai", "Osaka", "Busan",
          "Geneva", "Brussels", "New Delhi", "Canberra", "Ulaanbaatar"]
WIRES = ["Reuters", "AP", "AFP", "Yonhap", "Kyodo"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_PEOPLE_RE = re.compile("|".join(sorted(map(re.escape, PEOPLE), key=len, reverse=True)))
_PLACE_RE = re.compile(r"\b(" + "|".join(map(re.escape, PLACES[:5])) + r")\b")
_DAY_RE = re.compile(r"\b(" + "|".join(DAYS) + r")\b")


def seed_sentences() -> list[str]:
    load = load_corpus([ROOT / "data" / "articles"], manifest=ROOT / "data" / "manifest.csv")
    out = []
    for article in load.articles:
        out += [article.text[s.start:s.end].strip() for s in split_sentences(article.text)]
    return [s for s in out if len(s) > 20]


def synthetic_articles(n: int, seed: int = 0) -> list:
    """``n`` articles of 32 recombined seed sentences with other people, places, days."""
    rng = random.Random(seed)
    pool = seed_sentences()
    articles = []
    for i in range(n):
        swap = {k: rng.choice(v + [k]) for k, v in PEOPLE.items()}
        here = rng.choice(PLACES)
        body = [_PEOPLE_RE.sub(lambda m: swap[m.group(0)], s) for s in rng.sample(pool, 32)]
        body = [_PLACE_RE.sub(lambda m: rng.choice(PLACES), s) for s in body]
        body = [_DAY_RE.sub(lambda m: rng.choice(DAYS), s) for s in body]
        head = f"{here.upper()} ({rng.choice(WIRES)}) - "
        text = head + "\n".join(body) + "\n"
        published = date(2017, 1, 1) + timedelta(days=rng.randrange(365))
        articles.append(_with_date(make_article(f"synthetic/{i:05d}.txt", text,
                                                article_id=f"s{i:05d}"), published))
    return articles


def _with_date(article, published: date):
    from dataclasses import replace
    return replace(article, published=published, published_source="manifest")


def per_core_rate(articles) -> float:
    t0 = time.perf_counter()
    for article in articles:
        extract_article(article)
    return len(articles) / (time.perf_counter() - t0)


def parallel_wall(articles, workers: int) -> float:
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for _ in pool.map(extract_article, articles, chunksize=64):
            pass
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=300, help="articles for the 1-core rate")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from dateline.extract.gazetteer import get_gazetteer
    get_gazetteer()                        # one-off load, as in the app
    articles = synthetic_articles(args.articles)
    chars = sum(len(a.text) for a in articles) / len(articles)
    rate = per_core_rate(articles[: args.sample])
    wall = parallel_wall(articles, args.workers)
    emit({"articles": len(articles), "mean_chars": chars, "per_core_rate": rate,
          "workers": args.workers, "parallel_wall_s": wall,
          "sequential_estimate_s": len(articles) / rate,
          "parallel_rate_per_core": len(articles) / wall / args.workers})


if __name__ == "__main__":
    main()
