"""The records of place recognition: a resolved mention and a name awaiting resolution."""
from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import Place


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    name: str                 # canonical ("Beijing", "North Korea")
    lat: float
    lon: float
    kind: str                 # "city" | "country" | "region" | "site"
    role: str                 # "location" | "actor" | "mention"
    capital: str | None = None   # for countries: the capital (map anchor for actors)
    vague: bool = False          # continent / macro-region: named, never mapped as a point
    geonameid: int | None = None
    feature: str = ""            # gazetteer feature; "demonym" and "street" are names of other kinds
    country: str = ""            # ISO code of the resolved place
    admin1: str = ""             # its GeoNames first-level division ("US.TX"), "" if unknown
    in_name: bool = False        # inside a body's name ("Bank of Canada"): a toponym, role "mention"



@dataclass(slots=True)     # (slots: one is made and read over for every name found)
class Hit:
    """A recognised name before resolution: its readings and the evidence around it."""
    start: int
    end: int
    readings: tuple[Place, ...]
    single: bool
    role: str = "mention"
    qualifier: str | None = None      # admin1 code ("US.LA") or ISO country code after "Name, "
    supported: bool = False           # a cue makes even a small place count
    feature: str = ""                 # "demonym" / "street" for names of other kinds
    chosen: Place | None = None
    key: str = ""                     # the normalised name
    in_name: bool = False             # inside a body's name ("University of Cincinnati")
    clear: bool | None = None         # ``_placeresolve.unambiguous``, once worked out
