"""Which place a recognised name means, from the article's own context (see ``places.py``).

Each reading of a name scores its context-free prior (kind, then size: countries and
states before cities, big cities before small ones) plus evidence from the article:

- a qualifier: "Alexandria, La." keeps only readings in Louisiana;
- the article's states and countries: named outright ("Texas", "Rapides Parish") or
  implied by places that have one reading ("Nanjing" implies China);
- nearness to the article's unambiguous places and to its dateline ("WINONA --");
- one sense per article: the same name means the same place throughout.

Small places ("weak" entries) count only with support: a cue ("in Summit"), a
qualifier, a dateline, or a reading near the article's other places -- so "Henry's
arrest" is not a town unless the article is about that corner of Louisiana.
"""
from __future__ import annotations

import math
from collections import Counter

from .gazetteer import Place

# Context-free prior by gazetteer feature ("alias" and curated rows first).
_FEATURE_PRIOR = {"alias": 6.0, "site": 6.0, "region": 6.0, "macro": 6.0, "country": 3.2, "admin1": 2.6,
                  "capital": 3.0, "admin2": 1.0, "city": 0.0}
_SAME_ADMIN1 = 3.0
_SAME_COUNTRY = 1.5
_NEAR = 2.5
_NEAR_KM = 150.0
_QUALIFIER_MISMATCH = -20.0
_NAMESAKE = -3.0
_CO_LOCATED = 1.5
_LISTED = 2.5
_ALTERNATE = -2.5    # "Beijing Shi" is also called Beijing, but Beijing is the city
# An unsupported small place needs a reading this close to the article's other places.
_SUPPORT_KM = 100.0


def prior(place: Place) -> float:
    return _FEATURE_PRIOR.get(place.feature, 0.0) + 0.4 * math.log10(place.population + 10)


def km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


class Context:
    """The article's states, countries and anchor places, grown as names are resolved."""

    def __init__(self, hits=()) -> None:
        self.admin1: Counter = Counter()
        self.countries: Counter = Counter()
        self.anchors: list[Place] = []
        # every reading of every name, by 1-degree cell: "Paris" and "Henry County" each have
        # a reading in Tennessee, a few km apart -- that is what the article is about
        self._cells: dict[tuple[int, int], set[str]] = {}
        for h in hits:
            for p in h.readings[:6]:
                if p.kind != "country" and not p.vague:
                    self._cells.setdefault(_cell(p), set()).add(h.key)

    def co_located(self, place: Place, key: str) -> bool:
        """Some other name in the article has a reading within about a degree of ``place``."""
        la, lo = _cell(place)
        return any(self._cells.get((la + i, lo + j), set()) - {key}
                   for i in (-1, 0, 1) for j in (-1, 0, 1))

    def add(self, place: Place, anchor: bool, sign: int = 1) -> None:
        if place.vague:
            return
        if place.admin1:
            self.admin1[place.admin1] += sign * (2 if place.feature == "admin1" else 1)
        if place.country:
            self.countries[place.country] += sign
        if anchor and place.kind in ("city", "region") and place.feature not in ("admin1", "region"):
            if sign > 0:
                self.anchors.append(place)
            elif place in self.anchors:
                self.anchors.remove(place)

    def dominant(self) -> str | None:
        """The country of at least 80 % of three or more resolved places, if any."""
        total = sum(self.countries.values())
        if total >= 3:
            code, n = max(sorted(self.countries.items()), key=lambda kv: kv[1])
            if n >= 0.8 * total:
                return code
        return None

    def near(self, place: Place, limit: float) -> bool:
        span = limit / 111.0      # degrees of latitude: a cheap test before the great circle
        return any(abs(a.lat - place.lat) <= span and km(place, a) <= limit
                   for a in self.anchors[-40:] if a is not place)

    def score(self, place: Place, qualifier: str | None, key: str = "") -> float:
        score = prior(place) + (_ALTERNATE if place.alternate else 0.0)
        if key and place.kind != "country" and self.co_located(place, key):
            score += _CO_LOCATED
        if qualifier:
            if qualifier not in (place.admin1, place.country):
                score += _QUALIFIER_MISMATCH
        if place.admin1 and self.admin1.get(place.admin1):
            score += _SAME_ADMIN1
        if place.country and self.countries.get(place.country):
            score += _SAME_COUNTRY
            if place.country == self.dominant():
                score += _SAME_COUNTRY    # local news: "Paris" among Texas places is Paris, Texas
        if place.kind != "country" and self.near(place, _NEAR_KM):
            score += _NEAR
        return score

    def best(self, readings, qualifier: str | None, key: str = "", peer: str = "") -> Place:
        """The best reading; ``peer``: the feature of names listed with this one ("Missouri,
        New York and Ohio" are states alike)."""
        # "Tehran", "São Paulo", "New York": the city, not the division named after it
        cities = {p.admin1 for p in readings if p.kind == "city" and p.admin1 and
                  (p.population >= 100_000 or p.feature == "alias")}

        def key(p: Place):
            namesake = _NAMESAKE if p.kind == "region" and p.admin1 in cities and peer != p.feature else 0.0
            listed = _LISTED if peer and p.feature == peer else 0.0
            return (self.score(p, qualifier, key) + namesake + listed, -readings.index(p))
        return max(readings, key=key)


def _cell(place: Place) -> tuple[int, int]:
    return int(math.floor(place.lat)), int(math.floor(place.lon))


def unambiguous(hit) -> bool:
    """One reading, or a curated/major reading far above the rest."""
    readings = hit.readings
    if len(readings) == 1 or hit.qualifier:
        return True
    return prior(readings[0]) - prior(readings[1]) >= 3.0
