"""Which place a recognised name means, from the article's own context (see ``places.py``).

Each reading of a name scores its context-free prior (kind, then size: countries and
states before cities, big cities before small ones) plus evidence from the article:

- a qualifier: "Alexandria, La." keeps only readings in Louisiana;
- the article's states, in proportion to how much it is about them ("Texas" and "Lamar
  County" make a Paris story local; one of twenty states in a campaign story does not),
  and its countries (more when one country holds most of its places: a local story);
- nearness to the article's anchors (its dateline, names with one reading, cued names) or
  to a reading of another name ("Paris" and "Henry County" both have one in Tennessee);
- a list's shared kind ("Missouri, New York and Ohio" are states), and the city before a
  division named after it ("Tehran", "São Paulo") or a country before its namesake division;
- one sense per article, then a second look at each ambiguous name with the whole article,
  where only self-standing names vote (a town chosen for being near another does not).

Small places ("weak" entries) count only with support: a cue ("in Summit"), a qualifier, a
dateline, a reading near the article's places, or a town the article keeps naming -- so
"Henry's arrest" is not a town unless the article is about that corner of Louisiana; and a
small town abroad in a one-country story is dropped (GeoNames lacks the real one).
"""
from __future__ import annotations

import math
from collections import Counter
from difflib import SequenceMatcher

from ._placenames import COORDINATION_RE
from ._placetypes import Hit, PlaceMention
from .gazetteer import WEAK_ONLY, Place, fold_accents, normalize_name

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
    return place.prior     # by feature, then size (``gazetteer.FEATURE_PRIOR``)


def km(a: Place, b: Place) -> float:
    dl = math.radians(b.lon - a.lon)
    c = a.sin_lat * b.sin_lat + a.cos_lat * b.cos_lat * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


class Context:
    """The article's states, countries and anchor places, grown as names are resolved."""

    def __init__(self, hits=(), like: "Context | None" = None) -> None:
        """``like``: a context of the same hits, whose reading cells this one shares."""
        # votes by state and by country (plain dicts: ``add`` runs for every resolved name,
        # and a Counter's missing-key lookup is a Python call)
        self.admin1: dict[str, int] = {}
        self.countries: dict[str, int] = {}
        self.anchors: list[Place] = []
        self._dominant: str | None = None
        self._admin1_total: int | None = None
        # every reading of every name, by 1-degree cell: "Paris" and "Henry County" each have
        # a reading in Tennessee, a few km apart -- that is what the article is about
        self._cells: dict[tuple[int, int], set[str]] = {} if like is None else like._cells
        # co_located's answers, by cell and name: they depend on the cells only (asked again
        # for the same readings by the second look)
        self._co_located: dict[tuple[int, int, str], bool] = {} if like is None else like._co_located
        for h in hits if like is None else ():
            if not (h.supported or (h.readings and h.readings[0].strong)):
                continue    # a small town named in passing supports nothing ("Whitehall")
            for p in h.readings[:6]:
                if p.kind != "country" and not p.vague:
                    self._cells.setdefault(p.cell, set()).add(h.key)

    def co_located(self, place: Place, key: str) -> bool:
        """Some other name in the article has a reading within about a degree of ``place``."""
        la, lo = place.cell
        found = self._co_located.get((la, lo, key))
        if found is None:
            found = self._co_located[la, lo, key] = self._any_other_name_near(la, lo, key)
        return found

    def _any_other_name_near(self, la: int, lo: int, key: str) -> bool:
        cells = self._cells
        for i in (-1, 0, 1):
            for j in (-1, 0, 1):
                keys = cells.get((la + i, lo + j))
                if keys and (len(keys) > 1 or key not in keys):
                    return True
        return False

    def add(self, place: Place, anchor: bool, sign: int = 1) -> None:
        if place.vague:
            return
        self._dominant = self._admin1_total = None      # both change with every vote
        admin1, country = place.admin1, place.country
        if admin1:   # a state or county names the state; a town is half a vote
            self.admin1[admin1] = self.admin1.get(admin1, 0) + sign * (
                2 if place.feature in ("admin1", "admin2") else 1)
        if country:
            self.countries[country] = self.countries.get(country, 0) + sign
        if anchor and place.kind in ("city", "region") and place.feature not in ("admin1", "region"):
            if sign > 0:
                self.anchors.append(place)
            else:
                # (one scan, not a membership test and then a removal: each compares the
                # place with every anchor before it field by field)
                try:
                    self.anchors.remove(place)
                except ValueError:
                    pass

    def admin1_total(self) -> int:
        """All state votes (cached until the next vote: ``score`` asks for every reading)."""
        if self._admin1_total is None:
            self._admin1_total = sum(v for v in self.admin1.values() if v > 0)
        return self._admin1_total

    def about_state(self, code: str) -> bool:
        """The article is about that state: named twice and half its state votes or more."""
        votes = self.admin1.get(code, 0) if code else 0
        return votes >= 2 and 2 * votes >= self.admin1_total()

    def dominant(self) -> str | None:
        """The country of at least 80 % of three or more resolved places, if any."""
        if self._dominant is None:
            self._dominant = self._find_dominant() or ""
        return self._dominant or None

    def _find_dominant(self) -> str | None:
        total = sum(self.countries.values())
        if total >= 3:
            code, n = max(sorted(self.countries.items()), key=lambda kv: kv[1])
            if n >= 0.8 * total:
                return code
        return None

    def near(self, place: Place, limit: float) -> bool:
        span = limit / 111.0      # degrees of latitude: a cheap test before the great circle
        lat = place.lat
        anchors = self.anchors
        for a in anchors[-40:] if len(anchors) > 40 else anchors:     # (no copy when short)
            if a is not place and abs(a.lat - lat) <= span and km(place, a) <= limit:
                return True
        return False

    def evidence(self, place: Place, qualifier: str | None) -> float:
        """A reading's score from its prior, its qualifier and the article's state and
        country votes: all but nearness (``best`` adds that only where it could matter)."""
        score = place.prior + (_ALTERNATE if place.alternate else 0.0)
        if qualifier:
            if qualifier not in (place.admin1, place.country):
                score += _QUALIFIER_MISMATCH
        admin1, country = place.admin1, place.country
        votes = self.admin1.get(admin1, 0) if admin1 else 0
        if votes >= 2:
            # full weight when the state holds half the article's state votes or more: a local
            # story; little in a national one naming twenty states ("Atlanta" is not in Michigan)
            share = votes / max(1, self.admin1_total())
            score += _SAME_ADMIN1 * min(1.0, 2 * share)
        if country and self.countries.get(country):
            score += _SAME_COUNTRY
            if country == self.dominant():
                score += _SAME_COUNTRY    # local news: "Paris" among Texas places is Paris, Texas
        return score

    def best(self, readings, qualifier: str | None, key: str = "", peer: str = "") -> Place:
        """The best reading; ``peer``: the feature of names listed with this one ("Missouri,
        New York and Ohio" are states alike)."""
        if len(readings) == 1:
            return readings[0]
        namesakes = None     # (cities, countries): worked out at the first division asked about
        best, best_score = readings[0], None
        for p in readings:     # the highest score; the earliest reading of equals
            namesake = 0.0
            if p.kind == "region" and peer != p.feature:
                if namesakes is None:
                    namesakes = _namesakes(readings)
                if p.admin1 in namesakes[0] or p.country in namesakes[1]:
                    namesake = _NAMESAKE
            listed = _LISTED if peer and p.feature == peer else 0.0
            score = self.evidence(p, qualifier)
            if p.kind != "country":     # nearness, of an anchor or of another name's reading
                if best_score is not None and score + _NEAR + namesake + listed <= best_score:
                    continue    # not the best even if near (float sums are monotonic): skip the search
                if self.near(p, _NEAR_KM):
                    score += _NEAR
                elif key and self.co_located(p, key):
                    score += _CO_LOCATED
            value = score + namesake + listed
            if best_score is None or value > best_score:
                best, best_score = p, value
        return best


def _namesakes(readings) -> tuple[set[str], set[str]]:
    """The states of a name's big cities and its countries: a division of the same name in
    one of them is their namesake."""
    # "Tehran", "São Paulo", "New York": the city, not the division named after it
    cities = {p.admin1 for p in readings if p.kind == "city" and p.admin1 and
              (p.population >= 100_000 or p.feature == "alias")}
    # "Taiwan", "Mexico": the country, not a division of it that bears its name
    countries = {p.country for p in readings if p.kind == "country"}
    return cities, countries


def unambiguous(hit: Hit) -> bool:
    """One reading, or a curated/major reading far above the rest (asked several times of
    each name: worked out once)."""
    found = hit.clear
    if found is None:
        readings = hit.readings
        found = hit.clear = bool(len(readings) == 1 or hit.qualifier or
                                 prior(readings[0]) - prior(readings[1]) >= 3.0)
    return found


def resolve(text: str, hits: list[Hit]) -> list[PlaceMention | None]:
    """Pick each hit's reading with the article's context; drop unsupported small places."""
    for h in hits:
        h.key = normalize_name(text[h.start:h.end])
    ctx = Context(hits)
    repeated = _repeated(text, hits)
    chosen: dict[str, Place] = {}      # one sense per article: surface key -> place
    ordered = sorted((h for h in hits if h.readings),
                     key=lambda h: (not unambiguous(h), not h.supported, h.start))
    for h in ordered:                  # unambiguous and cued names first: they set the scene
        key = h.key
        if h.qualifier is None and key in chosen:
            h.chosen = chosen[key]
            continue
        place = ctx.best(h.readings, h.qualifier, h.key)
        if _foreign_village(place, h, ctx):
            continue
        if not (place.strong or h.supported or (_nearby(ctx, h.readings) and h.key not in WEAK_ONLY) or
                _known_without_cue(text, h, place, repeated, ctx)):
            # an unsupported small namesake loses to the major place the name also is ("a
            # Denver-based company" in an Indiana story is Denver, Colorado); unless a qualifier
            # ruled that out ("Denver, Pa.")
            place = None if h.qualifier else next((p for p in h.readings if p.strong and not p.alternate), None)
            if place is None:
                continue
        h.chosen = place
        chosen.setdefault(key, place)
        ctx.add(place, anchor=unambiguous(h) or h.supported)
    _list_neighbours(text, hits)
    _second_look(text, ordered, ctx)
    _one_sense(hits)
    anchor = next((h.chosen for h in hits if h.chosen is not None and h.role == "location"
                   and h.chosen.kind in ("city", "region") and not h.chosen.vague), None)
    return [_mention(text, h, anchor) for h in hits]


def _list_neighbours(text: str, hits: list[Hit]) -> None:
    """"Middletown, Trenton and Monroe": a small town listed with a place the article has
    placed is that place's neighbour, when it has a reading in the same state."""
    ordered = sorted((h for h in hits if h.readings), key=lambda h: h.start)
    changed = True
    while changed:
        changed = False
        for a, b in zip(ordered, ordered[1:]):
            if (a.chosen is None) == (b.chosen is None) or not COORDINATION_RE.fullmatch(text, a.end, b.start):
                continue
            known, other = (a, b) if a.chosen is not None else (b, a)
            state = known.chosen.admin1
            same = [p for p in other.readings if state and p.admin1 == state and p.kind == known.chosen.kind]
            if same and not other.readings[0].vague:
                other.chosen, changed = same[0], True


def _second_look(text: str, hits: list[Hit], first: Context) -> None:
    """Re-pick each ambiguous name with the whole article as context (its own vote removed):
    "Richmond ... Twickenham" is Richmond, London even when Twickenham comes later."""
    ctx = Context(like=first)     # the same hits: the same readings' cells
    # only names that stand on their own vote: a small town accepted for being near another
    # reading must not pull its neighbours after it (London, Ohio "near" Whitehall, Ohio)
    voters = [h for h in hits if h.chosen is not None and _votes(h)]
    for h in voters:
        ctx.add(h.chosen, anchor=True)
    picks: dict[str, Place] = {}
    picked_from: dict[str, tuple[Place, ...]] = {}      # the readings each pick was made among
    by_key: dict[str, list[Hit]] = {}
    for h in voters:
        by_key.setdefault(h.key, []).append(h)
    peers = _listed_peers(text, hits)
    for h in hits:
        if h.chosen is None or len(h.readings) < 2 or h.feature == "demonym":
            continue
        key = h.key
        if key not in picks or h.qualifier or h.start in peers:
            same = by_key.get(key, [])     # every mention of the name, so none votes for itself
            for other in same:
                ctx.add(other.chosen, True, sign=-1)
            picks[key] = ctx.best(h.readings, h.qualifier, key, peers.get(h.start, ""))
            picked_from[key] = h.readings
            for other in same:
                ctx.add(other.chosen, True)
        pick = picks[key]
        # (a pick made among these very readings is one of them: no field-by-field search;
        # mentions of a name usually share its cached readings)
        if (picked_from[key] is h.readings or pick in h.readings) and (
                pick.strong or h.supported or h.chosen is pick or ctx.near(pick, _SUPPORT_KM)):
            h.chosen = pick


def _one_sense(hits: list[Hit]) -> None:
    """A name the article repeats without a qualifier means one place throughout: the
    reading most of its mentions chose (the earliest mention's on a tie). "Paris High
    School" and "Midwest Restoration of Paris" in a Kentucky story are one Paris."""
    by_key: dict[str, list[Hit]] = {}
    for h in hits:
        if h.chosen is not None and not h.qualifier and h.feature != "demonym":
            by_key.setdefault(h.key, []).append(h)
    for same in by_key.values():
        first = same[0].chosen
        if all(h.chosen is first for h in same) or len({h.chosen for h in same}) < 2:
            continue    # (the same object throughout, the usual case: no Place hashed)
        votes = Counter(h.chosen for h in same)
        best = max(same, key=lambda h: votes[h.chosen]).chosen   # max keeps the earliest of ties
        for h in same:
            if best in h.readings:
                h.chosen = best


def _foreign_village(place: Place, h: Hit, ctx: Context) -> bool:
    """A small town abroad in an article about one country, with nothing but "in" for it: a
    name GeoNames lacks there ("Whitehall" in a London story is not Whitehall, Ohio)."""
    dominant = ctx.dominant()
    return bool(dominant and not place.strong and not h.qualifier and place.country != dominant
                and place.kind == "city")


def _votes(h: Hit) -> bool:
    return h.supported or unambiguous(h) or h.chosen.strong


def _listed_peers(text: str, hits: list[Hit]) -> dict[int, str]:
    """start -> the feature its list neighbours share: in "Missouri, New York and North
    Carolina" New York is a state; in "Paris, London and Rome", a city."""
    ordered = sorted((h for h in hits if h.chosen is not None), key=lambda h: h.start)
    out: dict[int, str] = {}
    for a, b in zip(ordered, ordered[1:]):
        if not COORDINATION_RE.fullmatch(text, a.end, b.start):
            continue
        for this, other in ((a, b), (b, a)):
            if len(other.readings) == 1 or unambiguous(other):
                out.setdefault(this.start, other.chosen.feature)
    return out


def _known_without_cue(text: str, h: Hit, place: Place, repeated: set[str], ctx: Context) -> bool:
    """A town the article keeps naming (and it is a local story, or the town is no village),
    or a city of 100,000 mid-sentence, is a place even without "in" (not an alternate name,
    not a common word such as "Nice" or "Mobile"); a province or big city known by an
    alternate name counts mid-sentence too."""
    if h.key in WEAK_ONLY:
        return False
    if place.alternate:
        # GeoNames' main names are often local forms ("Sichuan Sheng", "Zaporizka oblast",
        # "Khān Yūnis"): the name news writes is an alternate, and a big one is a place
        return _big_alternate(place, h.key) and (place.feature == "admin1" or not _sentence_initial(text, h.start))
    if text[h.start:h.end] in repeated and place.population >= 5000 and (
            place.population >= 20_000 or ctx.about_state(place.admin1) or
            ctx.co_located(place, h.key)):
        return True
    return place.population >= 100_000 and not _sentence_initial(text, h.start)


_BIG_ALTERNATE_DIVISION = 1_000_000
_BIG_ALTERNATE_CITY = 100_000
_SPELLING = 0.8     # similarity of an alternate to the main name: a respelling


def _big_alternate(place: Place, key: str) -> bool:
    """A first-level division of a million people, or a city of 100,000 whose alternate is
    a spelling of its name ("Khan Younis" for Khān Yūnis) -- not one of the other languages'
    names GeoNames lists, which are often English words ("Lion" for Lyon, "Hindi") or first
    names ("Caroline" for Carolina)."""
    if place.feature == "admin1":
        return place.population >= _BIG_ALTERNATE_DIVISION
    # (a US city's news name is its main name: its alternates are first names and words)
    return place.kind == "city" and place.population >= _BIG_ALTERNATE_CITY and place.country != "US" and \
        SequenceMatcher(None, key, fold_accents(normalize_name(place.name))).ratio() >= _SPELLING


def _nearby(ctx: Context, readings) -> bool:
    """A reading a few dozen km from the article's places, or in a state it names twice."""
    return any(ctx.near(p, _SUPPORT_KM) or ctx.about_state(p.admin1)
               for p in readings[:5] if not p.alternate)


def _mention(text: str, h: Hit, anchor: Place | None) -> PlaceMention | None:
    surface = text[h.start:h.end]
    if h.feature == "street":
        if anchor is None:
            return None     # a street with no town named: no honest point
        return PlaceMention(h.start, h.end, surface, surface, anchor.lat, anchor.lon, "site", h.role,
                            feature="street", country=anchor.country)
    p = h.chosen
    if p is None:
        return None
    if h.feature == "township":    # placed at its namesake town, named as itself
        return PlaceMention(h.start, h.end, surface, surface, p.lat, p.lon, "region", h.role,
                            feature="township", country=p.country, admin1=p.admin1)
    role = h.role
    if h.feature == "demonym":
        role = "actor" if role == "actor" else "mention"
    return PlaceMention(h.start, h.end, surface, p.name, p.lat, p.lon, p.kind, role,
                        p.capital if p.kind == "country" else None, p.vague, p.geonameid,
                        h.feature or p.feature, p.country, p.admin1, h.in_name)


def _repeated(text: str, hits: list[Hit]) -> set[str]:
    """Names met at least twice, once mid-sentence: an article that keeps naming a town
    (its headline "Decatur lights up downtown", then "in Decatur's case") is about it."""
    seen: Counter = Counter()
    inside: set[str] = set()
    for h in hits:
        if not h.readings:
            continue
        name = text[h.start:h.end]
        seen[name] += 1
        if h.start > 0 and text[h.start - 1] in " \t\xa0(\"“" and not _sentence_initial(text, h.start):
            inside.add(name)
    return {name for name, n in seen.items() if n >= 2 and name in inside}


def _sentence_initial(text: str, s: int) -> bool:
    head = text[max(0, s - 3):s].rstrip(" \t\xa0\"“‘'(")
    return not head or head[-1] in ".!?:\n"
