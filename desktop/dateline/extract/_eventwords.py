"""Trigger words for news events beyond diplomacy: protests, strikes, court rulings,
disasters, elections, central-bank decisions, agreements (type "other"/"announcement").

General English news vocabulary, not tied to any corpus. ``OTHER_TRIGGERS`` is appended
to the diplomatic triggers in events.py, so "air strikes" stays a military action while
a bare "strike" (a walkout) is "other". ``ACTORLESS`` kinds may be reported without a named
actor ("The floods began on April 29") but only when the clause dates them.
"""
from __future__ import annotations

MONETARY = (r"(?:(?:rais(?:ed|es|ing)|lift(?:ed|s|ing)|cut|cuts|cutting|hik(?:ed|es|ing)|lower(?:ed|s|ing)|"
            r"increas(?:ed|es|ing))\s+(?:its\s+|the\s+|their\s+)?(?:[\w%.-]+\s+){0,3}?(?:interest\s+)?rates?"
            # "ended eight years of negative interest rates"
            r"|end(?:ed|s|ing)\s+(?:[\w-]+\s+){0,4}?negative\s+(?:interest\s+)?rates)")
EXTRA_TRIGGERS = (
    ("rates", MONETARY),
    ("other", r"protest(?:s|ed|ing)?|rall(?:y|ies|ied)|marched|demonstrations?|walk(?:ed)?\s+out|walkout"
              r"|(?:general\s+)?strikes?|sentenced|convicted|acquitted|arrested|indicted|jailed"
              r"|evacuat(?:ed|ion|ions)|declared|signed|agreed|agreement|sworn\s+in|inaugurated"
              r"|claimed\s+victory|won|resigned|broke\s+out|erupted|began|collapsed|struck|killed"
              r"|ceasefire|truce|earthquake|floods?|flooding|fighting|explosions?|tear\s+gas|clash(?:ed|es)"
              r"|(?:cut|severed|broke\s+off|restored|re-?established)\s+(?:diplomatic\s+)?(?:ties|relations)"),
)
TRIGGER_WORDS = frozenset("""
raised raises lifted lifts cut cuts hiked hikes lowered lowers increased increases
protest protests protested protesting rally rallies rallied marched demonstration demonstrations
walk walked walkout strike strikes general sentenced convicted acquitted arrested indicted jailed
evacuated evacuation evacuations declared signed agreed agreement sworn inaugurated claimed won resigned
broke erupted began collapsed struck killed ceasefire truce earthquake flood floods flooding fighting
explosion explosions convened flew severed restored reestablished re
raising lifting cutting hiking lowering increasing ended ends ending tear clashed clashes
""".split())
KIND_OF = {"rates": "announcement"}
ACTORLESS = frozenset({"other", "military_action", "announcement"})
