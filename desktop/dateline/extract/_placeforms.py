"""Surface forms around place names that say which place is meant (see ``places.py``).

- a qualifier after a name: "Alexandria, La.", "Paris, Texas", "Portland, Maine",
  "Springfield, IL", "Nanjing, China";
- street and road names: "Alps Road", "775 Main St.", "Highway 30", "Interstate 45".
"""
from __future__ import annotations

import re

# AP-style and postal abbreviations of US states -> GeoNames admin1 code.
_STATES = {
    "AL": ("Ala.", "Alabama"), "AK": ("Alaska",), "AZ": ("Ariz.", "Arizona"), "AR": ("Ark.", "Arkansas"),
    "CA": ("Calif.", "Cal.", "California"), "CO": ("Colo.", "Colorado"), "CT": ("Conn.", "Connecticut"),
    "DE": ("Del.", "Delaware"), "DC": ("D.C.", "DC"), "FL": ("Fla.", "Florida"), "GA": ("Ga.", "Georgia"),
    "HI": ("Hawaii",), "ID": ("Idaho",), "IL": ("Ill.", "Illinois"), "IN": ("Ind.", "Indiana"), "IA": ("Iowa",),
    "KS": ("Kan.", "Kans.", "Kansas"), "KY": ("Ky.", "Kentucky"), "LA": ("La.", "Louisiana"),
    "ME": ("Maine",), "MD": ("Md.", "Maryland"), "MA": ("Mass.", "Massachusetts"),
    "MI": ("Mich.", "Michigan"), "MN": ("Minn.", "Minnesota"), "MS": ("Miss.", "Mississippi"),
    "MO": ("Mo.", "Missouri"), "MT": ("Mont.", "Montana"), "NE": ("Neb.", "Nebr.", "Nebraska"),
    "NV": ("Nev.", "Nevada"), "NH": ("N.H.", "New Hampshire"), "NJ": ("N.J.", "New Jersey"),
    "NM": ("N.M.", "N.Mex.", "New Mexico"), "NY": ("N.Y.", "New York"), "NC": ("N.C.", "North Carolina"),
    "ND": ("N.D.", "North Dakota"), "OH": ("Ohio",), "OK": ("Okla.", "Oklahoma"), "OR": ("Ore.", "Oreg.", "Oregon"),
    "PA": ("Pa.", "Penn.", "Pennsylvania"), "RI": ("R.I.", "Rhode Island"), "SC": ("S.C.", "South Carolina"),
    "SD": ("S.D.", "South Dakota"), "TN": ("Tenn.", "Tennessee"), "TX": ("Texas", "Tex."), "UT": ("Utah",),
    "VT": ("Vt.", "Vermont"), "VA": ("Va.", "Virginia"), "WA": ("Wash.", "Washington"),
    "WV": ("W.Va.", "W. Va.", "West Virginia"), "WI": ("Wis.", "Wisc.", "Wisconsin"), "WY": ("Wyo.", "Wyoming"),
}
STATE_FORMS: dict[str, str] = {}
for _code, _forms in _STATES.items():
    for _form in _forms + (_code,):
        STATE_FORMS[_form] = f"US.{_code}"

_QUALIFIER_RE = re.compile(r",[ \t]+((?:[A-Z][a-z]*\.?[ \t]?){1,3}[A-Z]?[a-z]*\.?)")


def qualifier_after(text: str, end: int) -> tuple[str, int, int] | None:
    """("US.LA", start, end) for ", La." after a name; ("", s, e) with the surface for a
    country/other name to be looked up by the caller; None when nothing follows."""
    if not text.startswith(",", end):
        return None     # every qualifier starts so
    m = _QUALIFIER_RE.match(text, end, min(len(text), end + 30))
    if not m:
        return None
    words = m.group(1).rstrip()
    for cut in range(len(words), 0, -1):    # longest state form that starts the qualifier
        head = words[:cut].rstrip()
        code = STATE_FORMS.get(head)
        if code and (cut == len(words) or not words[cut:cut + 1].isalpha()):
            if head.isupper() and len(head) == 2 and text[m.start(1) + 2:m.start(1) + 3].isalpha():
                continue
            return code, m.start(1), m.start(1) + len(head)
    return "", m.start(1), m.start(1) + len(words.rstrip(".").rstrip())


_STREET_SUFFIX = (r"Road|Rd\.|Street|St\.|Avenue|Ave\.|Drive|Dr\.|Boulevard|Blvd\.|Lane|Ln\.|Parkway|Pkwy\.|"
                  r"Pike|Terrace|Circle|Trail|Expressway|Freeway")   # not "Court": news names courts, not streets
STREET_RE = re.compile(
    rf"\b(?:(?:North|South|East|West|N\.|S\.|E\.|W\.)[ \t])?(?:[A-Z][\w-]*[ \t]){{1,3}}(?:{_STREET_SUFFIX})(?![\w])"
    rf"(?:[ \t](?:North|South|East|West|Northwest|Northeast|Southwest|Southeast|NW|NE|SW|SE)\b)?"
    rf"|\b(?:Highway|Route|Interstate|State[ \t]Route|U\.S\.[ \t]Highway|County[ \t]Road|I-)[ \t]?\d+[A-Z]?\b")
_NOT_STREET_START = frozenset("""The A An In At On Of And Or To From By For With Near Off Along Past Via
Mr. Mrs. Ms. Dr. St.""".split())


# The words a street name ends with or starts with: STREET_RE runs only near them (it tries
# every capitalised word otherwise). An alternation of plain words is scanned in C by their
# first letters: 2.5 times faster than a ``str.find`` per word.
_STREET_HINTS = tuple(_STREET_SUFFIX.replace("\\.", ".").split("|")) + ("Highway", "Route", "Interstate", "I-")
_HINT_RE = re.compile("|".join(re.escape(word) for word in _STREET_HINTS))
_HINT_BEFORE, _HINT_AFTER = 160, 24


def _street_windows(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    windows: list[list[int]] = []
    for hint in _HINT_RE.finditer(text, lo, hi):
        i = hint.start()
        s, e = max(lo, i - _HINT_BEFORE), min(hi, i + _HINT_AFTER)
        if windows and s <= windows[-1][1]:
            windows[-1][1] = e
        else:
            windows.append([s, e])
    return [(s, e) for s, e in windows]


def streets(text: str, lo: int, hi: int):
    """(start, end) of street and road names in ``text[lo:hi]``."""
    for ws, we in _street_windows(text, lo, hi):
        yield from _streets_in(text, ws, we)


def _streets_in(text: str, lo: int, hi: int):
    for m in STREET_RE.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if " County " in text[s:e] or " Parish " in text[s:e]:
            continue    # "Douglas County Road 4": the county is the name to keep
        first = text[s:e].split()[0]
        if first in _NOT_STREET_START:
            s = text.index(" ", s) + 1
            if not any(c.isupper() for c in text[s:s + 1]) or s >= e:
                continue
        if " " not in text[s:e].strip() and not text[s:e][:1].isdigit() and not re.match(
                r"(?:Highway|Route|Interstate|I-)", text[s:e]):
            continue    # only the suffix is left: "In St. Louis"
        if text[s:e].endswith(("St.", "Dr.")) and re.match(r"[ \t]+[A-Z]", text[e:e + 2]) and \
                not re.match(r"[ \t]+[A-Z][a-z]*[.,]", text[e:e + 4]):
            continue    # "St. Louis", "Dr. Smith": a saint or a doctor, not a street
        yield s, e

