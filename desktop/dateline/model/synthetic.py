"""Realistic synthetic "dateline/1" documents for tests and benchmarks.

Many real places (true coordinates), a cast of actors, every precision, and time skewed into
bursts the way news is. Article texts are generated alongside so every mention and statement
offset points at the right characters (``text[start:end]`` is the quoted words).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

PLACES = [  # name, lat, lon — weighted towards East Asia like the seed corpus
    ("Beijing", 39.9042, 116.4074), ("Seoul", 37.5665, 126.9780), ("Tokyo", 35.6762, 139.6503),
    ("Pyongyang", 39.0392, 125.7625), ("Washington", 38.9072, -77.0369),
    ("Shanghai", 31.2304, 121.4737), ("Taipei", 25.0330, 121.5654),
    ("Hong Kong", 22.3193, 114.1694), ("Moscow", 55.7558, 37.6173),
    ("Singapore", 1.3521, 103.8198), ("Manila", 14.5995, 120.9842),
    ("Hanoi", 21.0278, 105.8342), ("Bangkok", 13.7563, 100.5018), ("Osaka", 34.6937, 135.5023),
    ("Busan", 35.1796, 129.0756), ("Vladivostok", 43.1198, 131.8869),
    ("Ulaanbaatar", 47.8864, 106.9057), ("Jakarta", -6.2088, 106.8456),
    ("Kuala Lumpur", 3.1390, 101.6869), ("New Delhi", 28.6139, 77.2090),
    ("Canberra", -35.2809, 149.1300), ("Sydney", -33.8688, 151.2093),
    ("New York", 40.7128, -74.0060), ("Mar-a-Lago", 26.6771, -80.0370),
    ("Brussels", 50.8503, 4.3517), ("Berlin", 52.5200, 13.4050), ("London", 51.5072, -0.1276),
    ("Geneva", 46.2044, 6.1432), ("Panmunjom", 37.9559, 126.6769),
    ("Guam", 13.4443, 144.7937), ("Okinawa", 26.2124, 127.6809),
    ("Dandong", 40.1290, 124.3947), ("Shenyang", 41.8057, 123.4315),
    ("Kaesong", 37.9708, 126.5544), ("Incheon", 37.4563, 126.7052),
]
ACTORS = ["Rex Tillerson", "Wang Yi", "Xi Jinping", "Donald Trump", "Moon Jae-in",
          "Shinzo Abe", "Kim Jong Un", "Hua Chunying", "Yang Jiechi", "Susan Thornton",
          "Vladimir Putin", "Antonio Guterres", "Nikki Haley", "Jim Mattis", "Lu Kang"]
TYPES = ["visit", "meeting", "statement", "warning", "announcement", "military_action",
         "planned_summit", "sanctions", "other"]
TYPE_P = [0.18, 0.2, 0.22, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05]
PRECISIONS = ["day", "week", "month", "year", "range"]
PRECISION_P = [0.74, 0.08, 0.10, 0.02, 0.06]
OUTLETS = ["Reuters", "CNN", "DW", "Los Angeles Times", "Xinhua", "Yonhap", "Kyodo", None]
VERBS = {"visit": "visited", "meeting": "met officials in", "statement": "spoke in",
         "warning": "issued a warning in", "announcement": "made an announcement in",
         "military_action": "ordered drills near", "planned_summit": "planned a summit in",
         "sanctions": "announced sanctions from", "other": "was reported in"}
QUOTES = ["all options are on the table", "we are committed to diplomatic means",
          "tensions have reached a rather dangerous level", "talks are the best means",
          "the situation is candid, pragmatic and productive",
          "we will work together to find a different course",
          "conditions must change before there is any scope for talks",
          "no country should be allowed to threaten its neighbours"]


@dataclass(frozen=True)
class SyntheticCorpus:
    document: dict
    texts: dict[str, str]     # article id -> text, offsets in the document index these


def _dates(rng, n: int, start: date, days: int) -> np.ndarray:
    """Day offsets skewed into a few bursts (news clusters around crises)."""
    centres = rng.uniform(0, days, size=max(2, days // 60))
    weights = rng.pareto(1.2, size=len(centres)) + 0.2
    pick = rng.choice(len(centres), size=n, p=weights / weights.sum())
    spread = rng.exponential(6.0, size=n) * rng.choice([-1, 1], size=n)
    return np.mod(centres[pick] + spread, days).astype(int)   # wrap, no pile-up at the ends


def _interval(rng, day: date, precision: str) -> tuple[date, date]:
    if precision == "week":
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=6)
    if precision == "month":
        first = day.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return first, nxt - timedelta(days=1)
    if precision == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    if precision == "range":
        return day, day + timedelta(days=int(rng.integers(2, 10)))
    return day, day


class _ArticleWriter:
    """Appends sentences to articles and returns the offsets of the pieces it wrote."""

    def __init__(self, n_articles: int):
        self.parts: list[list[str]] = [[] for _ in range(n_articles)]
        self.lengths = [0] * n_articles

    def add(self, article: int, pieces: list[str]) -> list[tuple[int, int]]:
        spans, pos = [], self.lengths[article]
        for piece in pieces:
            spans.append((pos, pos + len(piece)))
            pos += len(piece)
        self.parts[article].append("".join(pieces) + "\n")
        self.lengths[article] = pos + 1
        return spans

    def text(self, article: int) -> str:
        return "".join(self.parts[article])


def generate(n_events: int = 300, n_articles: int = 60, seed: int = 0,
             start: date = date(2017, 1, 1), days: int = 365) -> SyntheticCorpus:
    rng = np.random.default_rng(seed)
    place_w = 1.0 / np.arange(1, len(PLACES) + 1) ** 0.9        # Zipf-like: a few hot spots
    place_w /= place_w.sum()
    actor_w = 1.0 / np.arange(1, len(ACTORS) + 1) ** 0.8
    actor_w /= actor_w.sum()
    writer = _ArticleWriter(n_articles)
    offsets = _dates(rng, n_events, start, days)
    events, statements = [], []
    for i, off in enumerate(offsets):
        name, lat, lon = PLACES[rng.choice(len(PLACES), p=place_w)]
        etype = TYPES[rng.choice(len(TYPES), p=TYPE_P)]
        precision = PRECISIONS[rng.choice(len(PRECISIONS), p=PRECISION_P)]
        d0, d1 = _interval(rng, start + timedelta(days=int(off)), precision)
        k = int(rng.integers(1, 4))
        actors = [ACTORS[j] for j in rng.choice(len(ACTORS), size=k, replace=False, p=actor_w)]
        place = {"name": name, "lat": lat, "lon": lon}
        eid = f"ev{i:06d}"
        summary = f"{actors[0]} {VERBS[etype]} {name}"
        mentions = []
        for art in rng.choice(n_articles, size=int(rng.integers(1, 4)), replace=False):
            (m0, m1), _ = writer.add(int(art), [summary, f" ({d0.isoformat()})."])
            mentions.append({"article": f"a{art:05d}", "start": m0, "end": m1,
                             "text": summary})
        events.append({"id": eid, "type": etype, "summary": summary,
                       "date_start": d0.isoformat(), "date_end": d1.isoformat(),
                       "precision": precision, "place": place if rng.random() > 0.05 else None,
                       "actors": actors, "mentions": mentions})
        for _ in range(int(rng.poisson(1.2))):
            speaker = actors[int(rng.integers(0, len(actors)))]
            quote = QUOTES[int(rng.integers(0, len(QUOTES)))]
            art = int(mentions[0]["article"][1:])
            tail = f",” {speaker} said in {name}."
            (s0, _), (q0, q1), (_, s1) = writer.add(art, ["“", quote, tail])
            statements.append({
                "id": f"st{len(statements):06d}", "speaker": speaker, "text": quote,
                "direct": True, "article": f"a{art:05d}", "start": q0, "end": q1,
                "sentence_start": s0, "sentence_end": s1, "date_start": d0.isoformat(),
                "date_end": d1.isoformat(), "precision": precision, "place": place,
                "event": eid})
    articles, texts = [], {}
    for a in range(n_articles):
        aid = f"a{a:05d}"
        texts[aid] = writer.text(a)
        articles.append({"id": aid, "path": "", "title": f"Synthetic report {a}",
                         "outlet": OUTLETS[a % len(OUTLETS)],
                         "published": (start + timedelta(days=days)).isoformat(),
                         "published_source": "manifest", "text_sha256": ""})
    doc = {"schema": "dateline/1", "articles": articles, "events": events,
           "statements": statements}
    return SyntheticCorpus(doc, texts)


def synthetic_document(n_events: int = 300, n_articles: int = 60, seed: int = 0) -> dict:
    return generate(n_events, n_articles, seed).document


def synthetic_store(n_events: int = 300, n_articles: int = 60, seed: int = 0):
    from dateline.model.store import EventStore
    corpus = generate(n_events, n_articles, seed)
    return EventStore.from_document(corpus.document, texts=corpus.texts)
