"""Where a happening is when its own clause names no place: events, and statements
(``statement_dates``, which narrows the scene to its paragraph and the statement's day).

Two inferences, after the clause's own place and the dateline:

- the **scene**: the place the article last put its story in before a position ("Obama
  will visit Hiroshima on Friday ... 'We come to mourn the dead,' a solemn Obama said").
  A later location is a new scene and ends the earlier one; a place named only in
  passing ("China's leader", "talks on the Korean Peninsula") sets no scene, nor does a
  wire dateline (where the reporter files from) or a continent (no honest point);
- the **actor**: the country of the one state acting ("North Korea launched a rocket"), or
  the seat of an institution acting or speaking (``seat_of``: "the World Health
  Organization declared" -> Geneva, "the United States Supreme Court overturned" ->
  Washington).

``PLACE_SOURCES`` names how a place was found, in order of trust.
"""
from __future__ import annotations

import bisect
from typing import Callable, Iterable, Sequence

from ._placetypes import PlaceMention
from .gazetteer import Place, get_gazetteer, lookup, normalize_name
from .lexicon import lexicon
from .wire import in_dateline

PLACE_SOURCES = ("text", "dateline", "scene", "actor")


class Scenes:
    """The article's scene-setting place mentions, for "the scene before position X"."""

    def __init__(self, text: str, places: Iterable[PlaceMention]) -> None:
        self._scenes = sorted((p for p in places if _sets_scene(text, p)), key=lambda p: p.start)
        self._ends = [p.end for p in self._scenes]

    def before(self, pos: int, skip: Callable[[PlaceMention], bool] = lambda p: False) -> PlaceMention | None:
        """The last scene set before ``pos`` (``skip``: mentions that cannot set it here,
        e.g. inside quotation marks)."""
        i = bisect.bisect_right(self._ends, pos)
        while i > 0:
            i -= 1
            if not skip(self._scenes[i]):
                return self._scenes[i]
        return None


def _sets_scene(text: str, p: PlaceMention) -> bool:
    # a country is too wide a scene: "inflation in the United States" is a topic, and a
    # person is somewhere in it anyway
    return (p.role == "location" and not p.vague and p.kind != "country"
            and p.feature not in ("demonym", "street") and not in_dateline(text, p.start, p.end))


def actor_country(actors: Sequence[str]) -> Place | None:
    """The country of the one state among ``actors`` ("North Korea", "China"), or None when
    none or several act (a US-China meeting happened in neither by default)."""
    found: list[Place] = []
    for name in actors:
        place = lookup(name)
        if place is not None and place.kind == "country" and place.feature != "demonym" and \
                all(p.country != place.country for p in found):
            found.append(place)
    return found[0] if len(found) == 1 else None


# A country's own government bodies act and speak from its capital ("Japanese Defense Ministry",
# "Iran's Foreign Ministry", "United States Supreme Court"); not its courts, police or army
# in general, which act where they are
_GOVERNMENT_HEADS = ("Ministry", "Government", "Parliament", "Congress", "Senate", "Cabinet",
                     "Presidency", "Supreme Court", "National Assembly", "State Council", "Foreign Office")


def seat_of(name: str) -> Place | None:
    """Where an institution acts and speaks from: a curated seat (``roles.csv``: "World Health
    Organization" -> Geneva), else the capital of the country whose government body it is."""
    seat = lexicon().seats.get(name)
    if seat is not None:
        return lookup(seat)
    body, _, of = name.partition(" of ")       # "Turkish Ministry of Foreign Affairs"
    if not (body.endswith(_GOVERNMENT_HEADS) or of and body.endswith("Ministry")):
        return None
    words = body.replace("’s ", " ").replace("'s ", " ").split()
    if of and len(words) == 1:      # "Parliament of Iraq", "Government of Japan"
        words = of.split() + words
    for n in (3, 2, 1):      # the longest country name or demonym the name starts with
        if len(words) <= n:
            continue
        head = " ".join(words[:n])
        named = lexicon().demonyms.get(head) or head
        country = lookup(named)
        if country is not None and country.kind == "country" and country.feature != "demonym" \
                and country.capital:
            # "Georgia Senate": a US state's as well as a country's name, no telling which
            states = [p for p in get_gazetteer().candidates(normalize_name(named))
                      if p.feature == "admin1" and p.country == "US"]
            return None if states else lookup(country.capital)
    return None
