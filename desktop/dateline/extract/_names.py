"""Is a capitalised chain a person's name, an organisation, or neither (context-free)?

Kept apart from actors.py, which finds the chains and reads their context.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import lexicon

_STOP = frozenset("""
The A An But And Or In On At After Before While When However Meanwhile Still Yet So If As
This That These Those There Here It He She They We I You His Her Its Their Our My Your
Speaking During Despite Although Though Since Until With Without From For By Of To Over
Under Ahead Last Next Earlier Later Then Now Also Even Only One Two Three Some Many Few
Most All Both Neither Either No Not Such What Who Why How Where Which Whose Read Skip Like
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December Sept Mon Tue Wed Thu Fri Sat Sun
Special Staff Summit Beijing's Washington's Let Are Is Was Were Do Does Did Has Have Had
East West North South Central Northern Southern Eastern Western Terminal High Area
Unlike Amid Amidst Among Against Following According Regarding Toward Towards Upon Via
Whether Every Each Another Several
Afterwards Afterward Whereas Maybe Perhaps Instead Thus Hence Therefore Nevertheless Nonetheless
Moreover Furthermore Additionally Similarly Likewise Consequently Subsequently Finally Eventually
Initially Previously Recently Currently Overall Separately Notably Reportedly Apparently Ultimately
Again Today Yesterday Tonight Part
Twin Multiple Dozens Hundreds Thousands Numerous Massive Heavy Deadly Fatal Powerful
""".split())
# Initials written with periods ("U.S.", "F.", "J.R.")
INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")
# Name particles ("Lula da Silva", "Musaed bin Mohammed al-Aiban", "Maria do Carmo Silva")
_PARTICLES = frozenset("de da do dos das di del della du van von der den ter bin ibn bint al el le la".split())


@lru_cache(maxsize=65536)
def _shape(whole: str, words: tuple[str, ...]) -> tuple:
    """Context-free reading of a capitalised chain (cached: names recur):
    ("org", canonical, media) | ("person", number of leading title words) | (None,)."""
    lex = lexicon()
    # "European Council President Charles Michel", "Fed Chair Jerome Powell": an institution,
    # a title, then a full name is that person
    for i in range(len(words) - 3, 0, -1):
        if words[i] in lex.titles and words[i][0].isupper() and _looks_like_name(list(words[i + 1:]), lex):
            return "person", i + 1
    org = _org(whole, list(words), lex)
    if org:
        return "org", org[0], org[1]
    if words[-1] in lex.site_heads or any(w in lex.org_heads for w in words):
        return (None,)
    title_n = 0
    while title_n < len(words) - 1 and (words[title_n] in lex.titles or words[title_n] in lex.demonyms
                                        or words[title_n] in ("of", "for", "the")):
        title_n += 1
    # "Health Minister Salvador Illa": a title after an unknown qualifier still ends the title
    later = [i for i in range(title_n, len(words) - 1) if words[i] in lex.titles]
    if later:
        title_n = later[-1] + 1
    return ("person", title_n) if _looks_like_name(list(words[title_n:]), lex) else (None,)


def _org(whole: str, words: list[str], lex) -> tuple[str, bool] | None:
    for start in range(len(words)):
        alias = " ".join(words[start:])
        if alias in lex.orgs:
            return lex.orgs[alias]
    if whole in lex.orgs:
        return lex.orgs[whole]
    if len(words) >= 2 and words[-1] in lex.media_heads:
        return whole, True
    if len(words) >= 2 and any(w in lex.org_heads for w in words):
        return whole, False
    return None


def _looks_like_name(words: list[str], lex) -> bool:
    particles = sum(1 for w in words[1:-1] if w in _PARTICLES or w.startswith(("al-", "el-")))
    if not 1 <= len(words) - particles <= 4:
        return False
    for i, w in enumerate(words):
        if 0 < i < len(words) - 1 and w in _PARTICLES or i > 0 and w.startswith(("al-", "el-")):
            continue
        if w in _STOP or w in lex.titles or w in lex.demonyms or w in lex.site_heads:
            return False
        if len(w) > 1 and w.isupper() and not w.endswith("."):
            return False  # acronyms and all-caps headings
        if not w[0].isupper() or any(ch.isdigit() for ch in w):
            return False
    return True
