"""What a merged event adds to its reports' fields: its taxonomy category, its status
(happened, reported, planned, hypothetical, negated), its actors per role, and why its
reports were merged, in words the side panel can show:

    "3 reports in 2 articles: same type SANCTION; dates 2016-01-06 (day) match;
     same place Pyongyang; shared actors: North Korea"

Built from the merged cluster after clustering (``merge.cluster_mentions``), restating the
rules that let each report join: kind, dates at their precision, places, shared actors.
"""
from __future__ import annotations

from collections import Counter

from .event_types import CATEGORIES
from .merge import Cluster, stated_place

_MAX_NAMES = 3
# A mention's status, most factual first: an event has the most factual status of its
# reports (merging keeps what did not happen apart from what did, merge.polarity).
STATUSES = ("happened", "reported", "planned", "hypothetical", "negated")
_ROLES = ("agent", "patient", "target", "partner")


def mention_status(rec) -> str:
    if rec.negated:
        return "negated"
    if rec.hypothetical:
        return "hypothetical"
    if rec.future:
        return "planned"
    return "reported" if rec.reported else "happened"


def event_status(c: Cluster) -> str:
    return min((mention_status(m.rec) for m in c.members), key=STATUSES.index)


def event_category(c: Cluster) -> str | None:
    """The category most reports give (ties: the taxonomy's order)."""
    counts = Counter(m.rec.category for m in c.members if m.rec.category)
    if not counts:
        return None
    return min(counts, key=lambda k: (-counts[k], CATEGORIES.index(k) if k in CATEGORIES else 99))


def event_roles(c: Cluster, actors: list[str]) -> dict[str, list[str]]:
    """Names per role over the reports, limited to the event's actors when it has any."""
    out: dict[str, list[str]] = {}
    for role in _ROLES:
        names = [n for m in c.members for n in m.rec.roles.get(role, []) if not actors or n in actors]
        if names:
            out[role] = list(dict.fromkeys(names))[:_MAX_NAMES + 1]
    return out


def merge_reason(c: Cluster, kind: str) -> str | None:
    """None for an event reported once."""
    if len(c.members) < 2:
        return None
    articles = len({m.article for m in c.members})
    head = f"{len(c.members)} reports in {articles} article{'s' if articles != 1 else ''}"
    parts = [f"same type {kind}", _dates(c), _places(c), _actors(c)]
    return head + ": " + "; ".join(p for p in parts if p)


def _dates(c: Cluster) -> str:
    stated = sorted({(m.rec.date_start, m.rec.date_end, m.rec.precision or "day")
                     for m in c.members if m.rec.dated and m.rec.date_start})
    if not stated:
        days = sorted({m.published.isoformat() for m in c.members if m.published})
        return ("no date stated; published " + ", ".join(days[:_MAX_NAMES])) if days else "no date stated"
    labels = [_label(*s) for s in stated]
    if len(labels) == 1:
        undated = sum(1 for m in c.members if not m.rec.dated)
        tail = f" ({undated} undated report{'s' if undated != 1 else ''} published near it)" if undated else ""
        return f"dates {labels[0]} match{tail}"
    return "dates " + ", ".join(labels[:_MAX_NAMES]) + " overlap"


def _label(start: str, end: str | None, precision: str) -> str:
    if precision == "day" or not end or end == start:
        return f"{start} ({precision})"
    if precision == "month":
        return f"{start[:7]} (month)"
    if precision == "year":
        return f"{start[:4]} (year)"
    return f"{start}..{end} ({precision})"


def _places(c: Cluster) -> str:
    names = Counter(stated_place(m.rec)["name"] for m in c.members if stated_place(m.rec))
    if not names:
        return "no place stated"
    ordered = [n for n, _ in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))]
    if len(ordered) == 1:
        return f"same place {ordered[0]}"
    return "places " + ", ".join(ordered[:_MAX_NAMES]) + " compatible (a place within the other)"


def _actors(c: Cluster) -> str:
    per_report = Counter(a for m in c.members for a in dict.fromkeys(m.actors))
    shared = [a for a, n in sorted(per_report.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2]
    return ("shared actors: " + ", ".join(shared[:_MAX_NAMES])) if shared else ""
