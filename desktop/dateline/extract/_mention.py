"""Actor mention records shared by actors.py, _actornames.py, coref.py, statements.py, events.py."""
from __future__ import annotations

from dataclasses import dataclass, field

PERSON, ORG, MEDIA, COUNTRY, CITY = "person", "org", "media", "country", "city"
PRONOUN, NOMINAL, DOCREF, GROUP = "pronoun", "nominal", "docref", "group"
GROUP_KINDS = frozenset({GROUP})
SUBJECT, OBJECT, POSSESSIVE, MODIFIER = "subject", "object", "possessive", "modifier"


@dataclass
class Mention:
    start: int
    end: int
    kind: str
    text: str
    name: str | None = None      # canonical actor name once known
    syntax: str = SUBJECT
    in_quote: bool = False
    nationality: str | None = None   # for nominals: "the top Chinese diplomat" -> China
    head: str = ""                   # for nominals/docrefs: "diplomat", "analysis"
    place_role: str = ""             # for places: "location" | "actor" | "mention"
    chain_start: int = -1            # for titled names: where "US Secretary of State ..." starts


@dataclass
class PersonInfo:
    roles: set[str] = field(default_factory=set)
    nationality: str | None = None
    gender: str | None = None        # "f" when known female, else None
