"""Offline gazetteer: a compact GeoNames index plus curated aliases.

``resources/gazetteer/geonames.gaz`` (built by ``scripts/build_gazetteer.py``) holds
countries, first- and second-level administrative divisions and populated places of
1,000+ people with their GeoNames ids and alternate names; ``aliases.csv`` adds
curated names (seas, sites, "U.S.", "the Pentagon") and "<Demonym> capital" is derived.
Loaded once per process: the file is read, not parsed; names are found by binary search
over its sorted name blocks, each decompressed on first use (``_gazfile``), and a name's
records become ``Place`` objects only when it is looked up.

Keys are normalised names (``normalize_name``): case-folded, periods dropped, hyphens
as spaces, curly apostrophes straightened ("U.S." -> "us"). A name has candidates in
prior order -- curated alias, country, capital, first-level division, other place by
population, second-level division -- and ``places.py`` picks among them with the
article's context. The first candidate is the context-free reading (``lookup``).

Entries are "strong" (may match anywhere: aliases, countries, divisions, capitals and
cities of half a million) or "weak" (other places: matched only with support such as
"in Summit", "Summit, N.J." or a nearby place of the same state -- see places.py).
"""
from __future__ import annotations

import csv
import unicodedata
import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from dateline.paths import resources_dir

from ._gazfile import GazFile, KeyFilter
from ._roles import DEMONYM_SUFFIXES, curated_demonyms

STRONG_CITY_POPULATION = 500_000
STRONG_CAPITAL_POPULATION = 100_000
GAZETTEER_FILE = "geonames.gaz"

# Names that are far more often people or English words than places in news text.
# Curated aliases are exempt (add a row to aliases.csv to force a place).
NEVER_PLACES = frozenset("""
xi wang kim trump obama bush lee yang zhang li liu chen hua shi tsai moon abe park jong un
yi ing wen jinping putin may tracy george thornton carnegie university summit of most along
best hope deal mission union independence liberty progress victory opportunity sale temple
police orange plain march august asia center centre north south east west central global
times city state republic town vernon western eastern northern southern coast upper lower gulf
olympic arab liberal christmas gateway delta church street mill mary time english
argo star jupiter mars earth venus saturn mercury congress supreme senate parliament kennedy
duma
""".split())
# Real places whose names are also common words or first names: they count only
# in a location context ("talks in Nice", "born in Victoria"), never on their own.
WEAK_ONLY = frozenset("""
nice split reading bath mobile florence male victoria hamilton kingston lincoln jackson
marion charlotte austin leon rosario aurora salvador columbus
""".split())
# Context-free prior by gazetteer feature ("alias" and curated rows first); a reading's
# ``Place.prior`` adds its size
FEATURE_PRIOR = {"alias": 6.0, "site": 6.0, "region": 6.0, "macro": 6.0, "country": 3.2, "admin1": 2.6,
                 "capital": 3.0, "admin2": 1.0, "city": 0.0}
# File kind code -> (Place.kind, feature, rank in the context-free prior; lower first)
_KINDS = {"L": ("country", "country", 1), "C": ("city", "capital", 2), "A1": ("region", "admin1", 3),
          "P": ("city", "city", 4), "A2": ("region", "admin2", 5)}


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
    geonameid: int | None = None
    admin1: str = ""          # GeoNames admin1 code with country ("US.TX"), "" if unknown
    feature: str = ""         # country | capital | admin1 | admin2 | city | site | region | macro
    alternate: bool = False   # matched by an alternate name, not the main one
    # Derived once, asked for every reading of every name by resolution: the size term of
    # the context-free prior, 0.4 * log10(population + 10); the prior itself (feature, then
    # size); the 1-degree cell it lies in; the sine and cosine of its latitude (distances)
    size: float = field(init=False, compare=False, repr=False)
    prior: float = field(init=False, compare=False, repr=False)
    cell: tuple[int, int] = field(init=False, compare=False, repr=False)
    sin_lat: float = field(init=False, compare=False, repr=False)
    cos_lat: float = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # (``object.__setattr__``, not ``self.__dict__``: that would turn the instance's
        # inline attribute values into a dict, and every attribute read gets slower)
        size = 0.4 * math.log10(self.population + 10)
        lat = math.radians(self.lat)
        _set(self, "size", size)
        _set(self, "prior", FEATURE_PRIOR.get(self.feature, 0.0) + size)
        _set(self, "cell", (math.floor(self.lat), math.floor(self.lon)))
        _set(self, "sin_lat", math.sin(lat))
        _set(self, "cos_lat", math.cos(lat))


_set = object.__setattr__     # of a frozen dataclass's derived fields


_ABBREVIATED = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}


_ABBREVIATION_OF = {full: short for short, full in _ABBREVIATED.items()}
_NO_STEP: tuple[tuple, bool] = ((), False)     # ``Gazetteer.step`` of a key no name starts with


def _abbreviate(key: str) -> str:
    """"saint louis" -> "st louis": GeoNames names some places by the short form (St. Louis,
    Missouri) and others in full (Saint-Louis, Senegal); news writes either."""
    first, _, rest = key.partition(" ")
    short = _ABBREVIATION_OF.get(first)
    return f"{short} {rest}" if short and rest else key


def _expand_abbreviation(key: str) -> str:
    """"st louis" -> "saint louis": GeoNames spells out what news abbreviates."""
    first, _, rest = key.partition(" ")
    full = _ABBREVIATED.get(first)
    return f"{full} {rest}" if full and rest else key


def normalize_name(name: str) -> str:
    key = _NORMALIZED.get(name)
    if key is None:     # (kept: resolution asks again for every name an article repeats)
        key = " ".join(name.replace("’", "'").replace(".", " ").replace("-", " ").lower().split())
        if len(_NORMALIZED) < 100_000:
            _NORMALIZED[name] = key
    return key


_NORMALIZED: dict[str, str] = {}


def fold_accents(key: str) -> str:
    if key.isascii():
        return key      # nothing to fold (most keys): skip the per-character pass
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def _fold(name: str) -> str:
    return fold_accents(normalize_name(name))


class _BestView:
    """``gaz.places``: key -> the context-free best Place (``.get``, ``in``, ``len``)."""

    def __init__(self, gaz: "Gazetteer") -> None:
        self._gaz = gaz

    def get(self, key: str, default=None):
        found = self._gaz.candidates(key)
        return found[0] if found else default

    def __contains__(self, key: str) -> bool:
        return bool(self._gaz.candidates(key))

    def __len__(self) -> int:
        return len(self._gaz)


class Gazetteer:
    """Name -> candidate Places, with prefix pruning for n-gram scans."""

    def __init__(self, file: GazFile) -> None:
        # records and the name index stay compressed blocks until a name is looked up: only
        # the few hundred names an article uses are ever asked for (each once: ``candidates``
        # caches)
        self._rows = file.blocks("records")
        self._index = file.sorted_blocks("names")      # normalised name -> "12,340a,..."
        bits = file.raw("names.filter")     # the names and their word prefixes, approximately
        self._filter = KeyFilter(bits) if bits else None
        self._overlay_prefixes: set[str] = set()      # of names ``add`` adds
        meta = dict(line.split("\t", 1) for line in file.lines("meta"))
        self.max_words = int(meta.get("max_words", 1))
        self._overlay: dict[str, list[Place]] = {}
        self._records: dict[int, Place] = {}
        self._cache: dict[str, tuple[Place, ...]] = {}
        self._prefix_cache: dict[str, bool] = {}
        self._extends_cache: dict[str, bool] = {}     # of the file's names only (``_probe``)
        self._steps: dict[str, tuple[tuple[Place, ...], bool]] = {}     # ``step``
        # a token as written -> the name scan's state after it (``places``; None: it starts no
        # name, "He", "Friday"): the first question ``places`` asks of every capitalised word.
        # Kept here so that ``add`` drops it with the other caches.
        self.first_steps: dict[str, object] = {}
        self._capitals: dict[str, tuple[int | None, str]] = {}   # ISO code -> (record, name)
        for line in file.lines("capitals"):
            code, record, name = line.split("\t")
            self._capitals[code] = (int(record) if record else None, name)
        self._admin1: dict[str, int] = {}   # "US.LA" -> record
        for line in file.lines("admin1"):
            code, record = line.split("\t")
            self._admin1[code] = int(record)
        # "Russian" -> "RU": peoples name their countries ("Russian officials", "Palestinians")
        self.demonyms: dict[str, str] = dict(line.split("\t") for line in file.lines("demonyms"))
        # ISO code -> country name (countries are the file's first records, in this order)
        self.country_names = {code: self._rows[i].split("|")[1] for i, code in enumerate(self._capitals)}
        self.places = _BestView(self)

    # -- records from the file
    def record(self, i: int, alternate: bool = False) -> Place:
        place = self._records.get(i)
        if place is None:
            gid, name, lat, lon, code, admin1, pop, kind_code = self._rows[i].split("|")
            kind, feature, _ = _KINDS[kind_code]
            population = int(float(pop or 0))
            capital = self._capitals.get(code, (None, None))[1] if kind == "country" else None
            strong = (kind == "country" or population >= STRONG_CITY_POPULATION or
                      (feature == "capital" and population >= STRONG_CAPITAL_POPULATION) or
                      (kind == "region" and _strong_division(name, code, feature, population)))
            place = Place(name, float(lat), float(lon), kind, code, capital or None, population, strong,
                          kind == "country" or feature == "capital",
                          geonameid=int(gid) if gid else None, admin1=admin1, feature=feature)
            self._records[i] = place
        return replace(place, alternate=True, strong=False) if alternate else place

    def admin1(self, code: str) -> Place | None:
        """The first-level division for a GeoNames code ("US.LA" -> Louisiana)."""
        record = self._admin1.get(code)
        return None if record is None else self.record(record)

    def capital_of(self, code: str) -> Place | None:
        record = self._capitals.get(code, (None, None))[0]
        return None if record is None else self.record(record)

    def country(self, code: str) -> Place | None:
        """The country record for an ISO code ("FR" -> France)."""
        for place in self.candidates(_fold(self.country_names.get(code, ""))):
            if place.kind == "country" and place.country == code:
                return place
        return None

    # -- lookups
    def candidates(self, key: str) -> tuple[Place, ...]:
        """Every reading of a normalised name, context-free prior first (cached)."""
        found = self._cache.get(key)
        if found is not None:
            return found
        out: list[Place] = list(self._overlay.get(key, ()))
        if key not in NEVER_PLACES or out:
            ids = self._probe(key)
            if not ids:
                folded = fold_accents(key)
                ids = (self._probe(folded) if folded != key else None) or ""
            for other in (_expand_abbreviation(key), _abbreviate(key)):
                if other != key and self._probe(other):     # "St. Petersburg": both spellings
                    ids = ",".join(filter(None, (ids, self._probe(other))))
            for item in ids.split(",") if ids else ():
                alternate = item.endswith("a")
                place = self.record(int(item.rstrip("a")), alternate)
                if key in WEAK_ONLY and not self._overlay.get(key):
                    place = replace(place, strong=False)
                out.append(place)
        if out:
            out = _ground_aliases(out)
            out.sort(key=_prior)
            _city_before_its_namesake_division(out)
        found = tuple(_dedupe(out)) if out else ()
        if len(self._cache) < 100_000:
            self._cache[key] = found
        return found

    def step(self, key: str) -> tuple[tuple[Place, ...], bool]:
        """(``candidates(key)``, ``has_prefix(key)``): the two questions of a name scan, from
        one cache."""
        found = self._steps.get(key)
        if found is None:
            found = _NO_STEP if self._unknown(key) else (self.candidates(key), self.has_prefix(key))
            if len(self._steps) < 100_000:
                self._steps[key] = found
        return found

    def _unknown(self, key: str) -> bool:
        """No name is ``key`` or starts with it, by the filter alone: the usual answer for a
        word met for the first time ("He", "Williams"), without the lookups that would say
        so one by one (the overlay's names and an abbreviation's other spelling aside)."""
        first = key.partition(" ")[0]
        return self._filter is not None and key not in self._overlay and key not in self._overlay_prefixes \
            and first not in _ABBREVIATED and first not in _ABBREVIATION_OF and key.isascii() \
            and key not in self._filter

    def has_prefix(self, key: str) -> bool:
        """True when a longer name starts with ``key`` ("st" of "St. Louis" too)."""
        found = self._prefix_cache.get(key)
        if found is None:
            full = _expand_abbreviation(key)
            found = key in _ABBREVIATED or self._extends(key) or (full != key and self._extends(full))
            if len(self._prefix_cache) < 100_000:
                self._prefix_cache[key] = found
        return found

    def _extends(self, key: str) -> bool:
        if key in self._overlay_prefixes:
            return True
        found = self._extends_cache.get(key)
        if found is None:
            self._probe(key)
            found = self._extends_cache[key]
        return found

    def _probe(self, key: str) -> str | None:
        """The name index's value for ``key``; notes on the way whether a longer name
        extends it (``_extends``), which the same binary search answers."""
        if self._filter is not None and key not in self._filter:
            value, extends = None, False      # neither a name nor the start of one: no block read
        else:
            value, extends = self._index.probe(key)
        if len(self._extends_cache) < 200_000:
            self._extends_cache[key] = extends
        return value

    def lookup(self, name: str) -> Place | None:
        """The context-free reading of a place name (a demonym is not a place name here)."""
        return next((p for p in self.candidates(normalize_name(name)) if p.feature != "demonym"), None)

    def add(self, name: str, place: Place, *, curated: bool = False, clear: bool = True) -> None:
        """An overlay entry (curated alias or derived name); it precedes the file's readings."""
        key = normalize_name(name)
        if len(key) < 2 or (key in NEVER_PLACES and not curated):
            return
        for variant in {key, fold_accents(key)}:
            entries = self._overlay.setdefault(variant, [])
            if all(p.name != place.name or p.kind != place.kind for p in entries):
                entries.append(place)
            self._cache.pop(variant, None)
            words = variant.split()
            self._overlay_prefixes.update(" ".join(words[:n]) for n in range(1, len(words)))
            self._prefix_cache.clear()
            self._steps.clear()
            self.first_steps.clear()
            self.max_words = max(self.max_words, len(words))
        if clear:
            self._cache.clear()

    def __len__(self) -> int:
        return len(self._index) + len(self._overlay)


_FILE_RANK = {feature: rank for _, feature, rank in _KINDS.values()}


_DIVISION_WORDS = frozenset("""county parish borough district province region prefecture governorate
oblast krai state territory department municipality canton""".split())


def _strong_division(name: str, code: str, feature: str, population: int) -> bool:
    """US states, large first-level divisions ("Punjab", "Ontario") and divisions named as
    such ("Rapides Parish", "Kent County"); single-word small divisions ("Flores") are
    far more often surnames and need support."""
    if feature == "admin1" and (code == "US" or population >= 1_000_000):
        return True
    words = name.lower().split()
    return len(words) > 1 and words[-1] in _DIVISION_WORDS


def _prior(place: Place) -> tuple:
    """Context-free order: curated names, then main names before alternates, by kind, by size."""
    rank = _FILE_RANK.get(place.feature, 0)
    return (rank > 0, place.alternate, rank, -place.population)


def _ground_aliases(out: list[Place]) -> list[Place]:
    """A curated city or site takes the GeoNames id, division and size of the same-named
    GeoNames place it stands for (within ~100 km), so context scores treat both alike."""
    grounded = []
    for p in out:
        if p.feature in ("alias", "site", "region") and not p.admin1 and not p.vague:
            reach = 1.0 if p.kind != "region" else 4.0     # curated regions: a rough point
            twin = next((q for q in out if _FILE_RANK.get(q.feature) and q.country == p.country and
                         q.kind == ("city" if p.kind != "region" else "region") and
                         abs(q.lat - p.lat) + abs(q.lon - p.lon) < reach), None)
            if twin is not None:
                p = replace(p, admin1=twin.admin1, population=twin.population,
                            geonameid=p.geonameid or twin.geonameid)
        grounded.append(p)
    return grounded


def _city_before_its_namesake_division(out: list[Place]) -> None:
    """"São Paulo", "New York", "Mexico": a city inside the division named after it is the
    usual reading (in place)."""
    if out and out[0].feature == "admin1":
        for i, p in enumerate(out):
            if p.feature in ("city", "capital") and p.admin1 == out[0].admin1 and p.population >= 100_000:
                out.insert(0, out.pop(i))
                return


def _dedupe(places):
    seen = set()
    for p in places:
        key = (p.name, p.kind, p.feature == "demonym", p.geonameid, round(p.lat, 1), round(p.lon, 1))
        if key not in seen:
            seen.add(key)
            yield p


def _read_aliases(path: Path, gaz: Gazetteer) -> list[tuple[str, Place]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            kind, code = row["kind"], row["country"]
            vague = kind == "macro"   # continents, oceans, macro-regions: named, never mapped
            country = gaz.country(code) if kind == "country" else None
            capital = country.capital if country else None
            actor = kind == "country" or kind in ("city", "site") and _is_capital_name(row["canonical"], code, gaz)
            lat, lon = (country.lat, country.lon) if country else (float(row["lat"]), float(row["lon"]))
            rows.append((row["name"], Place(
                row["canonical"], lat, lon, "region" if vague else kind, code,
                capital, 0, True, actor, vague, geonameid=country.geonameid if country else None,
                feature="macro" if vague else ("alias" if kind in ("country", "city") else kind))))
    return rows


def _is_capital_name(name: str, code: str, gaz: Gazetteer) -> bool:
    country = gaz.country(code)
    return bool(country and country.capital and _fold(country.capital) == _fold(name))


def gazetteer_path() -> Path:
    return resources_dir() / "gazetteer" / GAZETTEER_FILE


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first use)."""
    return load_gazetteer()


def load_gazetteer() -> Gazetteer:
    """A freshly loaded gazetteer: the file plus the curated and derived names."""
    gaz = Gazetteer(GazFile(gazetteer_path()))
    _add_demonym_capitals(gaz)
    aliases = _read_aliases(resources_dir() / "gazetteer" / "aliases.csv", gaz)
    for name, place in aliases:
        gaz.add(name, place, curated=True, clear=False)
    gaz._cache.clear()
    _add_curated_demonyms(gaz)
    _add_region_adjectives(gaz, aliases)
    return gaz


# curated regions whose "-n" adjective is no word of its own ("Sean", "Peninsulan")
_NO_ADJECTIVE_WORDS = frozenset("sea peninsula strait lake river canal".split())


def _add_region_adjectives(gaz: Gazetteer, aliases: list[tuple[str, Place]]) -> None:
    """"South Ossetian", "Crimean", "Tasmanian": a curated region's people or things name it
    (a demonym, like "Ohioans" for Ohio)."""
    for name, place in aliases:
        if place.feature != "region" or place.name != name or not name.endswith("a") or \
                name.lower().split()[-1] in _NO_ADJECTIVE_WORDS:
            continue
        form = name + "n"
        if not gaz.candidates(normalize_name(form)):
            gaz.add(form, replace(place, feature="demonym", actor=False), clear=False)
    gaz._cache.clear()


def _add_demonym_capitals(gaz: Gazetteer) -> None:
    """'the Saudi capital', 'the Kenyan capital': each curated demonym's capital city."""
    by_name = {name: code for code, name in gaz.country_names.items()}
    pairs = list(curated_demonyms().items())
    for name in sorted(by_name):   # the usual English forms too (Kenyan, Iranian, Ukrainian)
        pairs += [(name[:len(name) - len(ending)] + suffix, name) for suffix, ending in DEMONYM_SUFFIXES
                  if suffix and name.endswith(ending)]
    capitals: dict[str, Place | None] = {}     # one alias per country, however many demonyms
    for demonym, country in pairs:
        code = by_name.get(country)
        if code and code not in capitals:
            capital = gaz.capital_of(code)
            capitals[code] = capital and replace(capital, strong=True, actor=True, feature="alias")
        capital = capitals.get(code) if code else None
        if capital is not None:
            gaz.add(f"{demonym} capital", capital, clear=False)
    gaz._cache.clear()


def _add_curated_demonyms(gaz: Gazetteer) -> None:
    """Demonyms as names of their countries ("Russian", "Palestinians", "Sri Lankan"), marked
    ``feature="demonym"``: roles.csv's curated ones plus the file's."""
    codes = {name: code for code, name in gaz.country_names.items()}
    for word, country in sorted(curated_demonyms().items()):
        code = codes.get(country)
        if code and word[:1].isupper() and word[1:].islower() and not gaz.lookup(word):
            gaz.demonyms.setdefault(word, code)
    for word, code in sorted(gaz.demonyms.items()):
        country = gaz.country(code)
        if country is None or _is_strong_name(gaz, word):
            continue
        place = replace(country, feature="demonym", actor=False)
        forms = [word] if word.endswith(("s", "ese", "ch", "sh", "i")) else [word, word + "s"]
        for form in forms:
            if not _is_strong_name(gaz, form):     # "Philippines" is the country's name
                gaz.add(form, place, clear=False)
    for state, form in _state_residents(gaz):
        gaz.add(form, replace(state, feature="demonym", actor=False), clear=False)
    gaz._cache.clear()


def _is_strong_name(gaz: Gazetteer, word: str) -> bool:
    """A name that is a place in its own right (not a village called "Canadian")."""
    place = gaz.lookup(word)
    return place is not None and (place.strong or place.feature == "demonym")


def _state_residents(gaz: Gazetteer):
    """"Ohioans", "Minnesotans", "Ontarians": the people of a US state or Canadian province."""
    for code in sorted(gaz._admin1):
        if not code.startswith(("US.", "CA.")):
            continue
        state = gaz.admin1(code)
        name = state.name
        if name.endswith("a"):
            forms = [name + "n", name + "ns"]
        elif name.endswith("o"):
            forms = [name + "an", name + "ans"]
        else:
            continue
        for form in forms:
            if " " not in form and not gaz.candidates(normalize_name(form)):
                yield state, form


def lookup(name: str) -> Place | None:
    """The context-free reading of a name, or None ("DPRK" -> North Korea)."""
    return get_gazetteer().lookup(name)

