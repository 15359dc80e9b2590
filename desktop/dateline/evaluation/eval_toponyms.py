"""Toponym recognition and resolution on LGL (local US news, GeoNames-resolved gold).

Recognition: precision/recall/F1 of the place names ``find_places`` reports against the
gold toponyms, by exact span and by overlap (one-to-one). Resolution: for the matched
(overlapping) toponyms whose gold has coordinates, the share resolved within 161 km
(100 miles, the usual geoparsing threshold) and the mean and median error in km.
Speed: CPU milliseconds of ``find_places`` (recognition and resolution) per 1,000 words,
on the scoring pass (names met for the first time cost a gazetteer block's decompression
and their readings' construction) and on a second, warm pass over the same articles (a
long-running extraction's steady state); and the wall-clock time to load the gazetteer
(median of three fresh loads).

The corpus is GPL-licensed data: read at evaluation time only, never copied.
"""
from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from dateline.extract.gazetteer import gazetteer_path, load_gazetteer
from dateline.extract.places import find_places

from .common import format_table, prf, split_of

ACCURACY_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GoldArticle:
    docid: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass
class Tally:
    articles: int = 0
    words: int = 0
    seconds: float = 0.0
    warm_seconds: float = 0.0
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    errors_km: list[float] = field(default_factory=list)

    def row(self, part: str) -> list:
        pe, re_, fe = prf(self.exact, self.predicted, self.gold)
        po, ro, fo = prf(self.overlap, self.predicted, self.gold)
        errs = self.errors_km
        within = sum(e <= ACCURACY_KM for e in errs) / len(errs) if errs else 0.0
        mean = statistics.fmean(errs) if errs else 0.0
        median = statistics.median(errs) if errs else 0.0
        speed = 1000 * self.seconds / self.words * 1000 if self.words else 0.0
        warm = 1000 * self.warm_seconds / self.words * 1000 if self.words else 0.0
        return [part, self.articles, self.gold, self.predicted, pe, re_, fe, po, ro, fo,
                len(errs), within, round(mean), round(median), f"{speed:.2f}", f"{warm:.2f}"]


COLUMNS = ["part", "docs", "gold", "pred", "P exact", "R exact", "F1 exact", "P overlap",
           "R overlap", "F1 overlap", "resolved", "<=161km", "mean km", "median km", "CPU ms/1k words",
           "warm ms/1k"]


def read_lgl(path: Path) -> list[GoldArticle]:
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        tops = []
        for t in node.iter("toponym"):
            gaz = t.find("gaztag")
            lat = lon = None
            if gaz is not None and gaz.findtext("lat") and gaz.findtext("lon"):
                lat, lon = float(gaz.findtext("lat")), float(gaz.findtext("lon"))
            tops.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")),
                                    t.findtext("phrase") or "", lat, lon))
        articles.append(GoldArticle(node.get("docid", ""), text, tuple(tops)))
    return articles


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def score_article(article: GoldArticle, tally: Tally) -> list[tuple]:
    """Add one article to ``tally``; returns (kind, gold, predicted) error rows for inspection."""
    t0 = time.process_time()     # CPU time: the machine is shared, wall time is noise
    found = find_places(article.text)
    tally.seconds += time.process_time() - t0
    tally.articles += 1
    tally.words += len(article.text.split())
    tally.gold += len(article.toponyms)
    tally.predicted += len(found)
    gold_spans = {(g.start, g.end) for g in article.toponyms}
    tally.exact += sum((p.start, p.end) in gold_spans for p in found)
    problems = []
    used: set[int] = set()
    for g in sorted(article.toponyms, key=lambda g: g.start):
        match = next((i for i, p in enumerate(found)
                      if i not in used and p.start < g.end and g.start < p.end), None)
        if match is None:
            problems.append(("missed", g, None))
            continue
        used.add(match)
        tally.overlap += 1
        p = found[match]
        if g.lat is not None:
            err = haversine_km(g.lat, g.lon, p.lat, p.lon)
            tally.errors_km.append(err)
            if err > ACCURACY_KM:
                problems.append(("far", g, p))
    problems += [("spurious", None, p) for i, p in enumerate(found) if i not in used]
    return problems


def evaluate(corpora: Path, limit: int | None = None) -> dict[str, Tally]:
    articles = read_lgl(corpora / "toponyms" / "lgl.xml")
    tallies = {"dev": Tally(), "heldout": Tally()}
    find_places("Loaded in Paris.")   # the one-off gazetteer load is not per-article speed
    scored = []
    for article in articles:
        tally = tallies[split_of(article.docid)]
        if limit is not None and tally.articles >= limit:
            continue
        score_article(article, tally)
        scored.append((article, tally))
    for article, tally in scored:
        t0 = time.process_time()
        find_places(article.text)
        tally.warm_seconds += time.process_time() - t0
    return tallies


def gazetteer_load_ms(repeats: int = 3) -> float:
    """Median wall-clock milliseconds of a fresh gazetteer load (file, curated names)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        load_gazetteer()
        times.append(1000 * (time.perf_counter() - t0))
    return statistics.median(times)


def main(corpora: Path, limit: int | None = None) -> None:
    tallies = evaluate(corpora, limit)
    rows = [t.row(part) for part, t in tallies.items()]
    print(format_table("LGL toponyms: recognition (exact span / overlap) and resolution "
                       f"(share within {ACCURACY_KM:.0f} km of gold)", COLUMNS, rows))
    size = gazetteer_path().stat().st_size / 1e6
    print(f"Gazetteer load: {gazetteer_load_ms():.0f} ms wall (median of 3; file {size:.1f} MB)")
